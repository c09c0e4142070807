// The human-readable report: one block per BOS request, the diagnosis first.
import type { AnalysisSummary, EntryAnalysis, Finding } from '../core/types.ts'

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

export function formatEntry(e: EntryAnalysis, s: Style): string {
  const status = e.status === 0 ? 'no response' : String(e.status)
  const statusText = e.status >= 400 || e.status === 0 ? s.red(status) : s.green(status)
  const lines = [
    `${s.dim(`#${e.index}`)} ${e.method} ${s.bold(e.operation ?? 'unknown operation')}${e.preflight ? s.dim(' (CORS preflight)') : ''} ${statusText}${e.error ? ' ' + s.red(e.error.code) : ''}  ${target(e)}`,
  ]
  if (e.error) {
    if (e.error.message) lines.push(`    message: ${e.error.message}`)
    lines.push(`    meaning: ${e.error.description}`)
    lines.push(`    advice:  ${e.error.advice}`)
  }
  for (const f of e.findings) {
    lines.push(`    ${marker(f, s)} ${s.bold(f.title)} ${s.dim(`[${f.id}]`)}`)
    lines.push(`      ${f.detail}`)
  }
  if (e.requestId) lines.push(s.dim(`    request id: ${e.requestId}`))
  if (e.debugId) lines.push(s.dim(`    debug id:   ${e.debugId}`))
  return lines.join('\n')
}

export function formatSummary(summary: AnalysisSummary, findings: number, s: Style): string {
  if (summary.bos === 0) {
    return `No BOS requests among ${summary.entries} HAR entries. Requests to custom domains need --host <pattern>.`
  }
  const errors = summary.errors ? s.red(`${summary.errors} failed`) : s.green('none failed')
  return `${summary.bos} BOS request${summary.bos === 1 ? '' : 's'} among ${summary.entries} HAR entries, ${errors}, ${findings} finding${findings === 1 ? '' : 's'}.`
}
