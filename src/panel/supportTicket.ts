// "Copy for support ticket": the facts Baidu support asks for, as plain text in the panel's language
// (header names and codes stay as they are). Never secrets: no query string (a presigned URL carries its
// signature there), no headers, no body.
import type { CapturedRecord } from '../devtools/store-types.ts'
import { describeSkew, isoTime, recordTime, withoutQuery } from './format.ts'
import { findingText, t } from './i18n.ts'

export function supportTicket(r: CapturedRecord): string {
  const a = r.analysis
  const s3 = a.matchedBy === 's3'
  const lines: [string, string | null | undefined][] = [
    [t('ticket.time'), isoTime(recordTime(r)) ?? t('common.unknown')],
    [t('ticket.region'), a.region],
    [t('ticket.bucket'), a.bucket],
    [t('ticket.key'), a.key],
    [t('ticket.operation'), a.operation ?? t('common.unknown')],
    [t('ticket.request'), `${a.method} ${withoutQuery(a.url)}`],
    [t('ticket.status'), a.status === 0 ? t('ticket.status.noResponse') : String(a.status)],
    [t('ticket.errorCode'), a.error?.code],
    [t('ticket.serverMessage'), a.error?.message],
    // A multipart request is found by its upload id (and part), which the query, left out above, carried.
    ['uploadId', a.uploadId],
    ['partNumber', partNumber(a.url)],
    // The S3-compatible endpoint sends the same ids under its own names.
    [s3 ? 'x-amz-request-id' : 'x-bce-request-id', a.requestId],
    [s3 ? 'x-amz-id-2' : 'x-bce-debug-id', a.debugId],
    [
      t('ticket.clockSkew'),
      a.clock ? t('ticket.clockSkew.value', { seconds: a.clock.skewSeconds, skew: describeSkew(a.clock.skewSeconds), serverDate: a.clock.serverDate }) : null,
    ],
  ]
  const out = [t('ticket.heading')]
  for (const [k, v] of lines) if (v !== null && v !== undefined && v !== '') out.push(t('common.labelValue', { label: k, value: oneLine(v) }))
  if (a.findings.length) {
    out.push(t('ticket.diagnosis'))
    for (const f of a.findings) out.push(`- [${t(`severity.${f.severity}`)}] ${oneLine(findingText(f).title)}`)
  }
  return out.join('\n') + '\n'
}

function partNumber(url: string): string | null {
  const m = /[?&]partNumber=(\d+)(?:&|$)/.exec(url)
  return m ? m[1]! : null
}

const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim()
