// The reports of the published library: the `--json` contract as types and as an object, and the text
// report in English or Simplified Chinese, both built from one HarAnalysis exactly as the CLI prints them.
import type { HarAnalysis } from '../core/analyze.ts'
import type { HarNote } from '../core/capture-notes.ts'
import { localizeAnalysis, localizeText } from '../core/localize.ts'
import type { UploadSession } from '../core/sessions.ts'
import type { AnalysisSummary, EntryAnalysis } from '../core/types.ts'
import type { Locale } from '../i18n/locale.ts'
import { colors, formatEntry, formatNote, formatSummary, plain } from '../cli/format-text.ts'

declare const __VERSION__: string
/** The package version (written into every JSON report). */
export const VERSION: string = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev'

/**
 * What `bos-devtools analyze --json` prints, key for key and in this order. Fields are only ever added,
 * never renamed or removed (README, "JSON contract").
 */
export interface JsonReport {
  tool: 'bos-devtools'
  version: string
  /** The BOS entries only, in HAR order. */
  entries: EntryAnalysis[]
  /** Multipart upload sessions, grouped by uploadId. */
  uploads: UploadSession[]
  summary: AnalysisSummary
  /** What the file as a whole lacks, said once. */
  notes: HarNote[]
}

export interface ReportOptions {
  /** `en` (default) or `zh_CN`: the language of titles, details, meanings and advice. */
  locale?: Locale
}

export interface TextReportOptions extends ReportOptions {
  /** ANSI colours (as on a terminal); off unless asked. */
  color?: boolean
}

function localizedNote(n: HarNote, locale: Locale): HarNote {
  return locale === 'en' ? n : { ...n, message: localizeText(n.note, locale) ?? n.message }
}

/** The `--json` report of an analysis: `JSON.stringify(toJsonReport(analyzeHar(har)))` is what the CLI prints. */
export function toJsonReport(analysis: HarAnalysis, options: ReportOptions = {}): JsonReport {
  const locale = options.locale ?? 'en'
  return {
    tool: 'bos-devtools',
    version: VERSION,
    entries: locale === 'en' ? analysis.entries : analysis.entries.map((e) => localizeAnalysis(e, locale)),
    uploads: analysis.uploads,
    summary: analysis.summary,
    notes: analysis.notes.map((n) => localizedNote(n, locale)),
  }
}

/** The human-readable report `bos-devtools analyze` prints: one block per BOS request, the notes, the summary. */
export function formatReport(analysis: HarAnalysis, options: TextReportOptions = {}): string {
  const locale = options.locale ?? 'en'
  const style = options.color ? colors : plain
  const parts: string[] = []
  let findings = 0
  for (const e of analysis.entries) {
    findings += e.findings.length
    parts.push(`${formatEntry(locale === 'en' ? e : localizeAnalysis(e, locale), style, locale)}\n\n`)
  }
  for (const n of analysis.notes) parts.push(`${formatNote(localizeText(n.note, locale) ?? n.message, style, locale)}\n\n`)
  parts.push(`${formatSummary(analysis.summary, findings, style, locale)}\n`)
  return parts.join('')
}
