// A typed translator over one family of catalogs (the English one defines the keys and their
// placeholders; every other locale must have exactly those keys). Pure: no DOM, no extension API.
import { format, type Params, type ParamsArg, type PlaceholderNames } from './format.ts'
import { DEFAULT_LOCALE, type Locale } from './locale.ts'

export type Catalog<K extends string = string> = Readonly<Record<K, string>>

/** Keys `base` for which both `base.one` and `base.other` exist. */
export type PluralBase<C> = {
  [K in keyof C]: K extends `${infer B}.other` ? (`${B}.one` extends keyof C ? B : never) : never
}[keyof C]

/** Params of a plural message: those of its `.other` form, without `count` (tn supplies it). */
export type PluralParamsArg<S> = [Exclude<PlaceholderNames<S>, 'count'>] extends [never]
  ? [params?: Params]
  : [params: Readonly<Record<Exclude<PlaceholderNames<S>, 'count'>, string | number>>]

/** English: one for exactly 1, other otherwise. Chinese has no grammatical number: always other. */
export function pluralCategory(locale: Locale, n: number): 'one' | 'other' {
  return locale === 'en' && n === 1 ? 'one' : 'other'
}

const LIST_SEPARATOR: Record<Locale, string> = { en: ', ', zh_CN: '、' }
const CLAUSE_SEPARATOR: Record<Locale, string> = { en: '; ', zh_CN: '；' }
const SENTENCE_SEPARATOR: Record<Locale, string> = { en: ' ', zh_CN: '' }

/** "a, b, c" / "a、b、c": names, numbers, header names. */
export const joinList = (locale: Locale, items: readonly (string | number)[]): string => items.join(LIST_SEPARATOR[locale])
/** "part 1: …; part 2: …" / "…；…": clauses of one sentence. */
export const joinClauses = (locale: Locale, items: readonly string[]): string => items.join(CLAUSE_SEPARATOR[locale])
/** Whole sentences one after another: a space in English, nothing in Chinese. Empty ones are dropped. */
export const joinSentences = (locale: Locale, items: readonly (string | null | undefined | false)[]): string =>
  items.filter((s): s is string => !!s).join(SENTENCE_SEPARATOR[locale])

export interface Translator<C extends Catalog> {
  /**
   * The message `key` in `locale`, placeholders filled. A locale whose catalog is not registered falls
   * back to English, and a missing English catalog to the key itself (visible, never an exception).
   */
  t<K extends keyof C & string>(locale: Locale, key: K, ...params: ParamsArg<C[K]>): string
  /** `base.one` or `base.other` by `count`, with `{count}` filled from it. */
  tn<B extends PluralBase<C> & string>(locale: Locale, base: B, count: number, ...params: PluralParamsArg<C[`${B}.other` & keyof C]>): string
  /** The raw template, for formatParts. */
  template<K extends keyof C & string>(locale: Locale, key: K): string
  /**
   * Makes a locale's messages available (imported statically, or loaded on demand). A catalog may come in
   * parts (the panel loads its startup part first): each part adds its keys to what the locale has.
   */
  register(locale: Locale, catalog: Partial<Catalog<keyof C & string>>): void
  /** True once any part of the locale's catalog is registered. */
  isRegistered(locale: Locale): boolean
}

/** A translator bound to a locale that is read at every call: what a UI with one current language uses. */
export interface BoundTranslator<C extends Catalog> {
  t<K extends keyof C & string>(key: K, ...params: ParamsArg<C[K]>): string
  tn<B extends PluralBase<C> & string>(base: B, count: number, ...params: PluralParamsArg<C[`${B}.other` & keyof C]>): string
  template<K extends keyof C & string>(key: K): string
}

export function bindTranslator<C extends Catalog>(tr: Translator<C>, locale: () => Locale): BoundTranslator<C> {
  return {
    t: (key, ...params) => tr.t(locale(), key, ...params),
    tn: (base, count, ...params) => tr.tn(locale(), base, count, ...params),
    template: (key) => tr.template(locale(), key),
  }
}

/**
 * A translator for the catalog family whose English catalog has the type C. No catalog is bundled by
 * this: each is registered, so a caller that loads them on demand (the panel) carries none up front.
 */
export function createTranslator<C extends Catalog>(): Translator<C> {
  type K = keyof C & string
  const catalogs: Partial<Record<Locale, Partial<Catalog<K>>>> = {}
  const template = (locale: Locale, key: K): string => catalogs[locale]?.[key] ?? catalogs[DEFAULT_LOCALE]?.[key] ?? key
  return {
    t: (locale, key, ...[params]) => format(template(locale, key), params as Params | undefined),
    tn: (locale, b, count, ...[params]) => format(template(locale, `${b}.${pluralCategory(locale, count)}` as K), { ...(params as Params | undefined), count }),
    template,
    register: (locale, catalog) => void (catalogs[locale] = { ...catalogs[locale], ...catalog }),
    isRegistered: (locale) => catalogs[locale] !== undefined,
  }
}
