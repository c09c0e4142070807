// Clock facts: the server's clock is the response Date, the client's is the HAR start time plus the
// time in flight, the signer's is the bce-auth-v1 timestamp (or x-bce-date).
import { type Message, msg, plural, sentences, type Text } from '../i18n/report-message.ts'
import { english } from './finding.ts'
import type { Exchange } from './har.ts'
import type { ClockInfo } from './types.ts'

/** Differences below this are normal (Date has 1 s resolution, requests queue, clocks drift a little). */
export const SKEW_THRESHOLD_SECONDS = 60

export interface ClockReading extends ClockInfo {
  serverMs: number
}

/**
 * `fn` remembering its last argument and answer. The entries of a HAR come in bursts that share the
 * second of their Date, signature timestamp and expiry: the same text parsed, the same date formatted,
 * again and again. Only for pure functions of one string or number whose answers are never mutated.
 */
export function rememberLast<A, R>(fn: (a: A) => R): (a: A) => R {
  let known = false
  let last: A
  let answer: R
  return (a) => {
    if (!known || a !== last) {
      answer = fn(a)
      last = a
      known = true
    }
    return answer
  }
}

/** `new Date(ms).toISOString()` for the server Date of a response (throws the same RangeError). */
const serverIso = rememberLast((ms: number) => new Date(ms).toISOString())

/**
 * Client minus server in whole seconds (negative: the client is behind), measured against the interval
 * the request was in flight, so a long upload is not mistaken for skew. Null when the response has no
 * usable Date, or the Date is stale (served from a browser or CDN cache: `Age`, 304, from cache).
 */
export function measureSkew(x: Exchange): ClockReading | null {
  if (x.startedMs === null || x.fromCache || x.status === 304) return null
  if (x.responseHeaders.has('age')) return null
  const date = x.responseHeaders.get('date')
  if (!date) return null
  const serverMs = parseHttpDate(date)
  if (serverMs === null) return null
  const start = x.startedMs
  const end = start + x.durationMs
  // Date has whole-second resolution: the server's moment lies in [serverMs, serverMs + 1000).
  let skewMs = 0
  if (serverMs + 1000 < start) skewMs = start - (serverMs + 1000)
  else if (serverMs > end) skewMs = -(serverMs - end)
  return { serverMs, serverDate: serverIso(serverMs), skewSeconds: Math.round(skewMs / 1000) }
}

const MONTHS: Record<string, number> = { Jan: 0, Feb: 1, Mar: 2, Apr: 3, May: 4, Jun: 5, Jul: 6, Aug: 7, Sep: 8, Oct: 9, Nov: 10, Dec: 11 }
const IMF_FIXDATE = /^[A-Z][a-z]{2}, (\d{2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/

/** HTTP Date: the IMF-fixdate every server sends, parsed directly (hot path); other forms via Date.parse. */
export const parseHttpDate: (s: string) => number | null = rememberLast(parseHttpDateOnce)

function parseHttpDateOnce(s: string): number | null {
  const m = IMF_FIXDATE.exec(s)
  const month = m ? MONTHS[m[2]!] : undefined
  if (m && month !== undefined) return Date.UTC(+m[3]!, month, +m[1]!, +m[4]!, +m[5]!, +m[6]!)
  const ms = Date.parse(s)
  return Number.isFinite(ms) ? ms : null
}

/** "17 minutes", "2 hours 5 minutes", "40 seconds": durations for people. */
export function duration(seconds: number): Message {
  const s = Math.abs(Math.round(seconds))
  if (s < 90) return plural('duration.seconds', s)
  const minutes = Math.round(s / 60)
  if (minutes < 120) return msg('duration.minutes', { count: minutes })
  const hours = Math.floor(minutes / 60)
  if (hours < 48) {
    const m = minutes % 60
    return m ? msg('duration.hoursMinutes', { hours, minutes: m }) : msg('duration.hours', { count: hours })
  }
  return msg('duration.days', { count: Math.round(hours / 24) })
}

/** "17 minutes behind the server", "in step with the server". */
export function skew(skewSeconds: number): Message {
  if (skewSeconds === 0) return msg('skew.inStep')
  return msg(skewSeconds < 0 ? 'skew.behind' : 'skew.ahead', { duration: duration(skewSeconds) })
}

export const humanDuration = (seconds: number): string => english(duration(seconds))
export const describeSkew = (skewSeconds: number): string => english(skew(skewSeconds))

export type ExpiryCause = 'client-clock' | 'stale-signature' | 'signer-clock' | 'sts-token' | 'unknown'

export interface ExpiryInput {
  clock: ClockReading | null
  clientStartMs: number | null
  /** Signing time from the signature or x-bce-date, or the time the server quotes in its message. */
  signedAtMs: number | null
  expirationSeconds: number | null
  presigned: boolean
  sts: boolean
  /** The server spoke of an STS/IAM timestamp check ("Fail to check timestamp: time expired"). */
  stsMessage: boolean
}

export interface ExpiryDiagnosis {
  cause: ExpiryCause
  detail: Text
  /** How long before sending the signature was made, by the client's clock (seconds). */
  signatureAgeSeconds: number | null
  /** How far past its validity the signature was when the server checked it (seconds), when known. */
  overdueSeconds: number | null
}

const SIGNED_NOW_SECONDS = 120

/** Says which of the causes of an expired request this one is, from the clock facts. */
export function diagnoseExpiry(i: ExpiryInput): ExpiryDiagnosis {
  const skewSeconds = i.clock?.skewSeconds ?? null
  const age = i.signedAtMs !== null && i.clientStartMs !== null ? Math.round((i.clientStartMs - i.signedAtMs) / 1000) : null
  const overdue =
    i.clock && i.signedAtMs !== null && i.expirationSeconds !== null && i.expirationSeconds >= 0
      ? Math.round((i.clock.serverMs - i.signedAtMs) / 1000 - i.expirationSeconds)
      : null
  const validity =
    i.expirationSeconds === null
      ? msg('expiry.validity.unknown')
      : i.expirationSeconds < 0
        ? msg('expiry.validity.none')
        : msg('expiry.validity.seconds', { seconds: i.expirationSeconds })
  const out = (cause: ExpiryCause, detail: Text): ExpiryDiagnosis => ({ cause, detail, signatureAgeSeconds: age, overdueSeconds: overdue })

  const clockOff = skewSeconds !== null && Math.abs(skewSeconds) >= SKEW_THRESHOLD_SECONDS
  const signedJustNow = age !== null && Math.abs(age) <= SIGNED_NOW_SECONDS

  if (signedJustNow && clockOff) return out('client-clock', msg('expiry.client-clock.signedJustNow', { skew: skew(skewSeconds!), validity }))
  if (age !== null && !signedJustNow) {
    const when = msg(age >= 0 ? 'expiry.when.before' : 'expiry.when.after', { duration: duration(age) })
    if (i.presigned && age > 0) {
      return out(
        'stale-signature',
        sentences(msg('expiry.stale-signature', { when, validity }), clockOff && msg('expiry.stale-signature.clockAlso', { skew: skew(skewSeconds!) })),
      )
    }
    return out(
      'signer-clock',
      skewSeconds === null ? msg('expiry.signer-clock.onTime', { when }) : msg('expiry.signer-clock.skewed', { when, skew: skew(skewSeconds) }),
    )
  }
  if (i.stsMessage || (i.sts && !clockOff && signedJustNow)) return out('sts-token', msg('expiry.sts-token'))
  if (clockOff) return out('client-clock', msg('expiry.client-clock', { skew: skew(skewSeconds!) }))
  if (skewSeconds === null && age === null) return out('unknown', msg('expiry.unknown.noFacts'))
  return out('unknown', msg(skewSeconds === null ? 'expiry.unknown.noServerDate' : 'expiry.unknown.clocksAgree', { validity }))
}
