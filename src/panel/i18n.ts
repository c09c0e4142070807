// The panel's language: the browser's UI language (chrome.i18n.getUILanguage(), read by the seam), English where it cannot
// be read (tests, the inline shell). main.tsx picks it once and loads its startup messages before the
// first render; components then say `t('toolbar.clear')` with no locale argument. The rest of the messages
// (the `views` part) and, in Chinese, the error-code texts load right after the first paint: views that
// need them wait behind <Views> (Lazy.tsx). See src/i18n/load.ts. The core writes its analysis in English
// and carries each text as a message beside it; in another language src/core/localize.ts (with the report
// catalogs: a chunk of its own, loaded with the views) renders those messages: analysisText, findingText
// and textIn below.
import type { ErrorCodeText } from '../core/error-codes-zh.ts'
import type { EntryAnalysis, Finding } from '../core/types.ts'
import { bindUi, formatParts, resolveLocale, sayUi, type Locale, type UiKey, type UiMessage } from '../i18n/index.ts'
import { loadUiLocale } from '../i18n/load.ts'
import { uiLanguage } from '../devtools/panel-seam.ts'

let current: Locale = 'en'

export const locale = (): Locale => current

export const { t, tn, template } = bindUi(locale)

/** A message whose placeholders are elements (a <code>, a button): its text split around them. */
export const parts = <T>(key: UiKey, params: Readonly<Record<string, T>>): (string | T)[] => formatParts(template(key), params)

/** A message from the DevTools page (a key and its parameters), or the sentence an older page sent. */
export const say = (m: UiMessage | string): string => (typeof m === 'string' ? m : sayUi(current, m))

/** Sets the language the panel renders in (tests pin it); `lang` lets the browser pick CJK fonts. */
export function setLocale(l: Locale): void {
  current = l
  if (typeof document !== 'undefined') document.documentElement.lang = l === 'zh_CN' ? 'zh-CN' : 'en'
}

/** Before the first render: the language of `tag` and its startup messages. */
export async function startLocale(tag: string | undefined = uiLanguage()): Promise<Locale> {
  setLocale(await loadUiLocale(resolveLocale(tag), 'startup'))
  return current
}

type CodeTexts = typeof import('../core/error-codes-zh.ts')
let zhCodes: CodeTexts | undefined
type Localizer = typeof import('../core/localize.ts')
let localizer: Localizer | undefined
const views: Partial<Record<Locale, Promise<void>>> = {}
const viewsDone = new Set<Locale>()

/**
 * The messages of everything the first paint does not show, and in Chinese the error-code texts (a chunk
 * of their own, ~8 KB gzip). Started after the first paint; views ask again and wait for it.
 */
export function loadViews(): Promise<void> {
  const l = current
  return (views[l] ??= Promise.all([
    loadUiLocale(l, 'views'),
    // Without them the panel still works: the codes are explained in English, as the core wrote it.
    l === 'zh_CN'
      ? import('../core/error-codes-zh.ts').then(
          (m) => void (zhCodes = m),
          () => undefined,
        )
      : undefined,
    // Without it the findings stay in the English the core wrote.
    l !== 'en'
      ? import('../core/localize.ts').then(
          (m) => void (localizer = m),
          () => undefined,
        )
      : undefined,
  ]).then(
    () => void viewsDone.add(l),
    (e: unknown) => {
      delete views[l] // a later view may try again
      throw e
    },
  ))
}

export const viewsReady = (): boolean => viewsDone.has(current)

/**
 * The description and advice of a documented error code in the panel's language, when that is not the
 * English the core wrote: from the table that wrote it (BOS's, or the S3-compatible endpoint's); null otherwise.
 */
export function errorCodeText(e: { code: string; description: string; advice: string }): ErrorCodeText | null {
  if (current === 'en' || !zhCodes) return null
  return zhCodes.describeError(e, current) ?? null
}

/** src/core/localize.ts once loaded, when the panel is not in English. */
const localizing = (): Localizer | null => (current === 'en' ? null : (localizer ?? null))

/** A text the core wrote in English, in the panel's language from the message it carries beside it. */
export const textIn = (message: unknown, english: string): string => localizing()?.localizeText(message, current) ?? english

const said = new WeakMap<object, object>()
function cached<T extends object>(x: T, say: (l: Localizer) => T): T {
  const l = localizing()
  if (!l) return x
  let s = said.get(x) as T | undefined
  if (!s) said.set(x, (s = say(l)))
  return s
}

/** An analysis in the panel's language: findings, the error's meaning and advice, the body note. */
export const analysisText = (a: EntryAnalysis): EntryAnalysis => cached(a, (l) => l.localizeAnalysis(a, current))
/** A finding in the panel's language (its title and detail; the facts as they are). */
export const findingText = (f: Finding): Finding => cached(f, (l) => l.localizeFinding(f, current))
