// "Copy for support ticket": the facts Baidu support asks for, as plain text. Never secrets: no query
// string (a presigned URL carries its signature there), no headers, no body.
import { describeSkew } from '../core/clock.ts'
import type { CapturedRecord } from '../devtools/store-types.ts'
import { isoTime, recordTime, withoutQuery } from './format.ts'

export function supportTicket(r: CapturedRecord): string {
  const a = r.analysis
  const lines: [string, string | null | undefined][] = [
    ['Time (UTC)', isoTime(recordTime(r)) ?? 'unknown'],
    ['Region', a.region],
    ['Bucket', a.bucket],
    ['Key', a.key],
    ['Operation', a.operation ?? 'unknown'],
    ['Request', `${a.method} ${withoutQuery(a.url)}`],
    ['Status', a.status === 0 ? '0 (no response)' : String(a.status)],
    ['Error code', a.error?.code],
    ['Server message', a.error?.message],
    ['x-bce-request-id', a.requestId],
    ['x-bce-debug-id', a.debugId],
    ['Clock skew', a.clock ? `${a.clock.skewSeconds} s (this computer is ${describeSkew(a.clock.skewSeconds)}; server Date ${a.clock.serverDate})` : null],
  ]
  const out = ['BOS request details (from BOS DevTools)']
  for (const [k, v] of lines) if (v !== null && v !== undefined && v !== '') out.push(`${k}: ${oneLine(v)}`)
  if (a.findings.length) {
    out.push('Diagnosis:')
    for (const f of a.findings) out.push(`- [${f.severity}] ${oneLine(f.title)}`)
  }
  return out.join('\n') + '\n'
}

const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim()
