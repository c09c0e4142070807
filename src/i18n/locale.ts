// Which of our languages a BCP 47 tag (chrome.i18n.getUILanguage(), navigator.language) or a POSIX locale
// (LANG=zh_CN.UTF-8) means. Pure: no DOM, no extension API, no process.env; callers pass what they read.

export type Locale = 'en' | 'zh_CN'

export const LOCALES: readonly Locale[] = ['en', 'zh_CN']

/** The language a missing or unknown tag falls back to, and the one every other catalog is checked against. */
export const DEFAULT_LOCALE: Locale = 'en'

/** Lower case, "-" separated, without a POSIX codeset or modifier: "zh_CN.UTF-8@pinyin" → "zh-cn". */
function normalizeTag(tag: string): string {
  return tag
    .trim()
    .replace(/[.@].*$/s, '')
    .replace(/_/g, '-')
    .toLowerCase()
}

/**
 * zh, zh-CN, zh_CN.UTF-8, zh-Hans, zh-SG … → zh_CN; everything else (including C, POSIX, empty) → en.
 *
 * Traditional-Chinese tags (zh-TW, zh-HK, zh-MO, zh-Hant) also get zh_CN: until there is a zh_TW
 * catalog, Simplified Chinese reads more easily for those users than English does. A future zh_TW
 * catalog only has to claim those tags here.
 */
export function resolveLocale(tag: string | undefined | null): Locale {
  if (!tag) return DEFAULT_LOCALE
  const t = normalizeTag(tag)
  return t === 'zh' || t.startsWith('zh-') ? 'zh_CN' : 'en'
}

/**
 * The value of a `--lang` option: the same tags as resolveLocale, but strict, so that a typo is an error
 * rather than a silent English report. Returns null for anything that is not one of our languages.
 */
export function parseLocaleOption(value: string): Locale | null {
  const t = normalizeTag(value)
  if (t === 'en' || t.startsWith('en-')) return 'en'
  if (t === 'zh' || t.startsWith('zh-')) return 'zh_CN'
  return null
}

/**
 * The locale of a POSIX environment, in the order gettext reads it: LANGUAGE (a ":" list, first entry
 * we know wins; ignored when the locale is C/POSIX, as gettext does), then LC_ALL, LC_MESSAGES, LANG.
 * The first variable that is set and non-empty decides; unknown languages give en.
 */
export function localeFromEnv(env: Readonly<Record<string, string | undefined>>): Locale {
  const posix = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '')
  const isC = posix === undefined || /^(C|POSIX)([.@]|$)/i.test(posix)
  if (env.LANGUAGE && !isC) {
    for (const entry of env.LANGUAGE.split(':')) {
      const found = entry ? parseLocaleOption(entry) : null
      if (found) return found
    }
  }
  return resolveLocale(posix)
}
