// Clock facts: the server's clock is the response Date, the client's is the HAR start time plus the
// time in flight, the signer's is the bce-auth-v1 timestamp (or x-bce-date).
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
export function humanDuration(seconds: number): string {
  const s = Math.abs(Math.round(seconds))
  if (s < 90) return `${s} second${s === 1 ? '' : 's'}`
  const minutes = Math.round(s / 60)
  if (minutes < 120) return `${minutes} minutes`
  const hours = Math.floor(minutes / 60)
  if (hours < 48) {
    const m = minutes % 60
    return m ? `${hours} hours ${m} minutes` : `${hours} hours`
  }
  return `${Math.round(hours / 24)} days`
}

export function describeSkew(skewSeconds: number): string {
  if (skewSeconds === 0) return 'in step with the server'
  return `${humanDuration(skewSeconds)} ${skewSeconds < 0 ? 'behind' : 'ahead of'} the server`
}

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
  detail: string
  /** How long before sending the signature was made, by the client's clock (seconds). */
  signatureAgeSeconds: number | null
  /** How far past its validity the signature was when the server checked it (seconds), when known. */
  overdueSeconds: number | null
}

const SIGNED_NOW_SECONDS = 120

/** Says which of the causes of an expired request this one is, from the clock facts. */
export function diagnoseExpiry(i: ExpiryInput): ExpiryDiagnosis {
  const skew = i.clock?.skewSeconds ?? null
  const age = i.signedAtMs !== null && i.clientStartMs !== null ? Math.round((i.clientStartMs - i.signedAtMs) / 1000) : null
  const overdue =
    i.clock && i.signedAtMs !== null && i.expirationSeconds !== null && i.expirationSeconds >= 0
      ? Math.round((i.clock.serverMs - i.signedAtMs) / 1000 - i.expirationSeconds)
      : null
  const validity = i.expirationSeconds === null ? 'its validity' : i.expirationSeconds < 0 ? 'no expiry' : `its ${i.expirationSeconds} s validity`
  const out = (cause: ExpiryCause, detail: string): ExpiryDiagnosis => ({ cause, detail, signatureAgeSeconds: age, overdueSeconds: overdue })

  const clockOff = skew !== null && Math.abs(skew) >= SKEW_THRESHOLD_SECONDS
  const signedJustNow = age !== null && Math.abs(age) <= SIGNED_NOW_SECONDS

  if (signedJustNow && clockOff) {
    return out(
      'client-clock',
      `The request was signed just before it was sent, but this computer's clock is ${describeSkew(skew!)}, so the server saw a signature already past ${validity}. Fix the system clock (enable network time), or let the signer use the server's Date.`,
    )
  }
  if (age !== null && !signedJustNow) {
    const when = `${humanDuration(age)} ${age >= 0 ? 'before' : 'after'} the request was sent (by this computer's clock)`
    if (i.presigned && age > 0) {
      return out(
        'stale-signature',
        `The URL was signed ${when} and used after ${validity} ran out: a presigned URL reused from a page, cache or database. Generate a fresh URL right before use, or sign with a longer expiration.${clockOff ? ` The clock is also ${describeSkew(skew!)}.` : ''}`,
      )
    }
    return out(
      'signer-clock',
      `The signature's timestamp is ${when}, while ${skew === null ? 'the request itself was sent on time' : `this computer's clock is ${describeSkew(skew)}`}. The signature came from elsewhere: a signing server whose clock is off, or a signature cached and reused. Check the clock of the server that signs for the browser, and sign each request just before it is sent.`,
    )
  }
  if (i.stsMessage || (i.sts && !clockOff && signedJustNow)) {
    return out(
      'sts-token',
      'The server rejected the STS temporary credentials as expired. Request a new session token (with a durationSeconds long enough for the upload) before it runs out, and do not cache tokens past their expiration.',
    )
  }
  if (clockOff) {
    return out('client-clock', `This computer's clock is ${describeSkew(skew!)}; a signature made with it looks expired to BOS. Fix the system clock.`)
  }
  if (skew === null && age === null) {
    return out(
      'unknown',
      'Neither the signing time nor the server Date could be read, so the cause cannot be narrowed down; check the client clock and how old the signature is.',
    )
  }
  return out(
    'unknown',
    `The clocks agree${skew === null ? ' as far as can be seen (no server Date)' : ''} and the signature was made just before sending; check the expiration the signer used (${validity}).`,
  )
}
