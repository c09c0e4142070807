// The analysis in another language. Every finding, body note, signing trap and policy phrase carries its
// text as a message (a catalog key and parameters, src/i18n/report-message.ts); here the same message is
// rendered from another catalog (the model: Lighthouse's swap-locale). Nothing is parsed back from the
// English. Error codes are described from their own table by code. Pure: no DOM, no extension API.
// English is returned as it is (the same objects), so English output never changes.
import type { Locale } from '../i18n/locale.ts'
import { reportEn, type ReportKey } from '../i18n/report-en.ts'
import { renderText } from '../i18n/report-message.ts'
import { reportZh_CN } from '../i18n/report-zh_CN.ts'
import { describeError } from './error-codes-zh.ts'
import type { EntryAnalysis, ErrorInfo, Finding } from './types.ts'

const CATALOGS: Record<Locale, Readonly<Record<ReportKey, string>>> = { en: reportEn, zh_CN: reportZh_CN }

/**
 * A text (a message, or data) in `locale`. A key the catalog lacks is said in English; something that is
 * not a text (a value from another version of the core) gives null, so the caller keeps its English.
 */
export function localizeText(t: unknown, locale: Locale): string | null {
  if (t === null || t === undefined || (typeof t === 'object' && Object.keys(t).length === 0)) return null
  const s = renderText(t, locale, CATALOGS[locale], reportEn)
  return s === '' ? null : s
}

/** A copy of the finding with its title and detail in `locale`, every other field as it is. English: the finding itself. */
export function localizeFinding(f: Finding, locale: Locale): Finding {
  if (locale === 'en') return f
  const m = f.message as Finding['message'] | undefined
  if (!m || typeof m !== 'object') return f // a finding without its message (another version's --json)
  const title = localizeText(m.title, locale)
  const detail = localizeText(m.detail, locale)
  if (title === null && detail === null) return f
  return { ...f, title: title ?? f.title, detail: detail ?? f.detail }
}

/** The description and advice of an error in `locale` (the server's message is never translated). */
export function localizeError(e: ErrorInfo, locale: Locale): ErrorInfo {
  if (locale === 'en') return e
  if (e.documentedStatus === null) {
    if (e.description !== reportEn['error.unknown.description'] || e.advice !== reportEn['error.unknown.advice']) return e
    return { ...e, description: CATALOGS[locale]['error.unknown.description'], advice: CATALOGS[locale]['error.unknown.advice'] }
  }
  // Only texts that are a table's English ones are replaced (an older core may have written others).
  const said = describeError(e, locale)
  return said ? { ...e, description: said.description, advice: said.advice } : e
}

/**
 * The analysis of an entry in `locale`: findings, the error code's description and advice, the body note.
 * Facts, ids, the server's message and every other field stay as they are. English gives `a` itself.
 */
export function localizeAnalysis(a: EntryAnalysis, locale: Locale): EntryAnalysis {
  if (locale === 'en') return a
  const note = a.body.note === null ? null : (localizeText(a.body.noteMessage, locale) ?? a.body.note)
  return {
    ...a,
    error: a.error && localizeError(a.error, locale),
    findings: a.findings.map((f) => localizeFinding(f, locale)),
    body: note === a.body.note ? a.body : { ...a.body, note },
  }
}
