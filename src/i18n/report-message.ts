// A report text as data: a catalog key with typed parameters, the parameters themselves texts (a number, a
// value from the request, or another message). The core builds a finding's title and detail this way and
// renders its English from reportEn; any other language renders the same tree from its own catalog, so no
// text is ever parsed back (the model: Lighthouse's IcuMessage, core/lib/i18n/README.md). Pure: no DOM, no
// extension API, no catalog bundled: a caller passes the one it has loaded.
import { format, type PlaceholderNames } from './format.ts'
import type { Locale } from './locale.ts'
import type { ReportKey, reportEn } from './report-en.ts'
import { joinClauses, joinList, joinSentences, type PluralBase } from './translator.ts'

type En = typeof reportEn

/** A text: data (the same in every language), a message, or texts joined. Plain JSON, so --json carries it. */
export type Text = string | number | Message | Join | Cap

export interface Message<K extends ReportKey = ReportKey> {
  readonly key: K
  readonly params?: Readonly<Record<string, Text>>
}

/** Sentences (a space between them in English, nothing in Chinese), a list ("a, b" / "a、b") or clauses ("a; b" / "a；b"). */
export interface Join {
  readonly join: 'sentences' | 'list' | 'clauses'
  readonly items: readonly Text[]
}

/** The first letter upper-cased in English: a clause that starts a sentence. */
export interface Cap {
  readonly cap: Text
}

/** What a finding says, beside its facts (`Finding.message`). */
export interface FindingMessage {
  readonly title: Message
  readonly detail: Text
}

type ParamsOf<K extends ReportKey> = [PlaceholderNames<En[K]>] extends [never] ? [] : [params: Readonly<Record<PlaceholderNames<En[K]>, Text>>]

/** `msg('finding.clock-skew.title', { skew })`: every placeholder of the English template required, no other. */
export function msg<K extends ReportKey>(key: K, ...[params]: ParamsOf<K>): Message<K> {
  return params ? { key, params } : { key }
}

type PluralKey<B extends string> = `${B}.other` & ReportKey
type PluralParams<B extends string> = [Exclude<PlaceholderNames<En[PluralKey<B>]>, 'count'>] extends [never]
  ? []
  : [params: Readonly<Record<Exclude<PlaceholderNames<En[PluralKey<B>]>, 'count'>, Text>>]

/**
 * `base.one` for exactly 1, `base.other` otherwise, with `{count}`. The choice is made here, once, for every
 * language: a language without grammatical number says its `.one` with the number.
 */
export function plural<B extends PluralBase<En> & string>(base: B, count: number, ...[params]: PluralParams<B>): Message {
  return { key: `${base}.${count === 1 ? 'one' : 'other'}` as ReportKey, params: { ...params, count } }
}

const present = (items: readonly (Text | false | null | undefined)[]): Text[] =>
  items.filter((x): x is Text => x !== false && x !== null && x !== undefined && x !== '')

/** Sentences one after another; empty, false and null ones are left out. */
export const sentences = (...items: (Text | false | null | undefined)[]): Join => ({ join: 'sentences', items: present(items) })
export const list = (items: readonly Text[]): Join => ({ join: 'list', items })
export const clauses = (items: readonly Text[]): Join => ({ join: 'clauses', items })
export const cap = (t: Text): Cap => ({ cap: t })

const upperFirst = (s: string): string => (s ? s[0]!.toUpperCase() + s.slice(1) : s)

/**
 * The text in `locale` from its catalog. A key the catalog lacks falls back to `fallback` (English) and
 * then to the key itself: visible, never an exception. Anything that is not a text (a finding from
 * another version) renders as an empty string.
 */
export function renderText(t: unknown, locale: Locale, catalog: Readonly<Record<string, string>>, fallback?: Readonly<Record<string, string>>): string {
  if (typeof t === 'string' || typeof t === 'number') return String(t)
  if (!t || typeof t !== 'object') return ''
  const o = t as Partial<Message & Join & Cap>
  if (typeof o.key === 'string') {
    const params: Record<string, string> = {}
    const given = o.params
    if (given) for (const k of Object.keys(given)) params[k] = renderText(given[k], locale, catalog, fallback)
    return format(catalog[o.key] ?? fallback?.[o.key] ?? o.key, params)
  }
  if (Array.isArray(o.items)) {
    const items = o.items.map((x) => renderText(x, locale, catalog, fallback))
    return o.join === 'list' ? joinList(locale, items) : o.join === 'clauses' ? joinClauses(locale, items) : joinSentences(locale, items)
  }
  if ('cap' in o) {
    const s = renderText(o.cap, locale, catalog, fallback)
    return locale === 'en' ? upperFirst(s) : s
  }
  return ''
}
