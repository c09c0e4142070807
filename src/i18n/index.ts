// The i18n layer of the panel and the DevTools page: typed UI messages in English and Simplified Chinese.
// Pure TypeScript: no DOM and no extension API here; the caller passes the language it read:
//   panel:             const locale = await loadUiLocale(resolveLocale(chrome.i18n.getUILanguage()))  (./load.ts),
//                      then bindUi(() => locale) for t(key) without a locale argument (src/panel/i18n.ts)
//   DevTools page:     no catalog; what it tells the panel is a UiMessage (key + params), said there
//   CLI, tests:        registerAllLocales()  (./all.ts), then resolveLocale(…) / localeFromEnv(env)
// This module bundles no catalog (the English one is imported for its type only): the panel loads the
// one it needs as a chunk of its own, so its initial bundle carries key names, not two languages.
// The analysis texts (findings, CLI report) are in ./report.ts and the error-code translations in
// ../core/error-codes-zh.ts: neither is in the panel's initial bundle (a Chinese panel loads them after its
// first paint, with ../core/localize.ts).
import type { en } from './en.ts'
import { format } from './format.ts'
import type { Locale } from './locale.ts'
import type { UiMessage } from './message.ts'
import { bindTranslator, createTranslator } from './translator.ts'

export type { UiKey } from './en.ts'
export { DEFAULT_LOCALE, LOCALES, localeFromEnv, parseLocaleOption, resolveLocale, type Locale } from './locale.ts'
export { format, formatParts, placeholders, type Params } from './format.ts'
export { uiMessage, type UiMessage } from './message.ts'
export { joinClauses, joinList, joinSentences, pluralCategory } from './translator.ts'

const ui = createTranslator<typeof en>()

/** A UI message: `t(locale, 'toolbar.filter.invalidRegex', { error })`; params are type-checked per key. */
export const t = ui.t
/** A plural UI message: `tn(locale, 'toolbar.count', n)` picks toolbar.count.one / .other and fills {count}. */
export const tn = ui.tn
/** The raw template of a UI message, for formatParts (an element where a placeholder is). */
export const template = ui.template
export const registerUiCatalog = ui.register
export const isUiLocaleLoaded = ui.isRegistered

/** Binds t / tn / template to a locale read at every call (the panel's one current language). */
export const bindUi = (locale: () => Locale) => bindTranslator(ui, locale)

/** Says a UiMessage in `locale`. */
export const sayUi = (locale: Locale, m: UiMessage): string => format(ui.template(locale, m.key), m.params)
