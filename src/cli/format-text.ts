// The human-readable report: one block per BOS request, the diagnosis first.
import type { AnalysisSummary, EntryAnalysis, Finding } from '../core/types.ts'
import type { Locale } from '../i18n/locale.ts'
import { tr, trn } from '../i18n/report.ts'

export interface Style {
  bold(s: string): string
  red(s: string): string
  yellow(s: string): string
  dim(s: string): string
  green(s: string): string
}

const ansi = (code: string) => (s: string) => `\x1b[${code}m${s}\x1b[0m`
export const colors: Style = { bold: ansi('1'), red: ansi('31'), yellow: ansi('33'), dim: ansi('2'), green: ansi('32') }
const id = (s: string) => s
export const plain: Style = { bold: id, red: id, yellow: id, dim: id, green: id }

function target(e: EntryAnalysis): string {
  const where = [e.bucket, e.key].filter((p) => p !== null).join('/')
  return (where || e.host) + (e.region ? ` (${e.region})` : '')
}

function marker(f: Finding, s: Style): string {
  return f.severity === 'error' ? s.red('✖') : f.severity === 'warning' ? s.yellow('▲') : s.dim('●')
}

/** Display width: CJK characters take two terminal columns. */
function width(text: string): number {
  let w = 0
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1
  return w
}

export function formatEntry(e: EntryAnalysis, s: Style, locale: Locale = 'en'): string {
  const status = e.status === 0 ? tr(locale, 'cli.noResponse') : String(e.status)
  const statusText = e.status >= 400 || e.status === 0 ? s.red(status) : s.green(status)
  const preflight = locale === 'en' ? ' (CORS preflight)' : tr(locale, 'cli.preflight')
  const lines = [
    `${s.dim(`#${e.index}`)} ${e.method} ${s.bold(e.operation ?? tr(locale, 'cli.unknownOperation'))}${e.preflight ? s.dim(preflight) : ''} ${statusText}${e.error ? ' ' + s.red(e.error.code) : ''}  ${target(e)}`,
  ]
  // Labels padded to a common width, as the English report has always been laid out.
  const labels = {
    message: tr(locale, 'cli.label.message'),
    meaning: tr(locale, 'cli.label.meaning'),
    advice: tr(locale, 'cli.label.advice'),
    requestId: tr(locale, 'cli.label.requestId'),
    debugId: tr(locale, 'cli.label.debugId'),
  }
  const pad = (label: string, group: string[]) => label + ' '.repeat(Math.max(...group.map(width)) - width(label) + 1)
  const errorGroup = [labels.meaning, labels.advice]
  const idGroup = [labels.requestId, labels.debugId]
  if (e.error) {
    if (e.error.message) lines.push(`    ${labels.message} ${e.error.message}`)
    lines.push(`    ${pad(labels.meaning, errorGroup)}${e.error.description}`)
    lines.push(`    ${pad(labels.advice, errorGroup)}${e.error.advice}`)
  }
  for (const f of e.findings) {
    lines.push(`    ${marker(f, s)} ${s.bold(f.title)} ${s.dim(`[${f.id}]`)}`)
    lines.push(`      ${f.detail}`)
  }
  if (e.requestId) lines.push(s.dim(`    ${pad(labels.requestId, idGroup)}${e.requestId}`))
  if (e.debugId) lines.push(s.dim(`    ${pad(labels.debugId, idGroup)}${e.debugId}`))
  return lines.join('\n')
}

/** A note about the whole file (core capture-notes.ts), before the summary. */
export function formatNote(note: string, s: Style, locale: Locale = 'en'): string {
  return s.yellow(tr(locale, 'cli.note', { note }))
}

export function formatSummary(summary: AnalysisSummary, findings: number, s: Style, locale: Locale = 'en'): string {
  if (summary.bos === 0) return tr(locale, 'cli.summary.none', { entries: summary.entries })
  const errors = summary.errors ? s.red(tr(locale, 'cli.summary.failed', { count: summary.errors })) : s.green(tr(locale, 'cli.summary.noneFailed'))
  return tr(locale, 'cli.summary', {
    bos: trn(locale, 'cli.summary.bos', summary.bos),
    entries: summary.entries,
    errors,
    findings: trn(locale, 'cli.summary.findings', findings),
  })
}
