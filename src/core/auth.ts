// Decoding of a request's authorization: bce-auth-v1 (header or presigned-URL query parameter) on the native
// endpoints, AWS SigV4 (sigv4.ts) on the S3-compatible one.
// bce-auth-v1: bce-auth-v1/{accessKeyId}/{timestamp}/{expirationPeriodInSeconds}/{signedHeaders}/{signature}
import { type Message, msg } from '../i18n/report-message.ts'
import { english } from './finding.ts'
import { rememberLast } from './clock.ts'
import type { HeaderMap } from './har.ts'
import { REDACTED } from './redact.ts'
import { decodeSigV4Header, decodeSigV4Query, isSigV2Query, isSigV4Query, SIGV4 } from './sigv4.ts'
import type { AuthInfo, DecodedAuth } from './types.ts'

export type { DecodedAuth }

export type AuthResult = { ok: true; auth: DecodedAuth } | { ok: false; source: 'header' | 'query'; problem: string; problemMessage: Message; raw: string }

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/

/** Parses an ISO 8601 UTC timestamp as BOS writes it; null when it is not one. */
const ISO_UTC = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3})\d*)?Z$/

export const parseIsoUtc: (s: string) => number | null = rememberLast(parseIsoUtcOnce)

function parseIsoUtcOnce(s: string): number | null {
  const m = ISO_UTC.exec(s)
  if (!m) return null
  const [, y, mo, d, h, mi, se, frac] = m
  const ms = Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +se!, frac ? +frac.padEnd(3, '0') : 0)
  // Date.UTC rolls 2026-02-31 over into March: such a timestamp is not a date.
  return new Date(ms).getUTCDate() === +d! && +h! < 24 && +mi! < 60 && +se! < 60 ? ms : null
}

/** Decodes one authorization string. Every way it can be malformed gets its own sentence. */
export function decodeAuthString(raw: string, source: 'header' | 'query', sts: boolean): AuthResult {
  const value = raw.trim()
  if (value.startsWith('bce-auth-v2/')) return failed(source, raw, msg('auth.problem.v2'))
  if (value.startsWith('AWS4-HMAC-SHA256 ') || value.startsWith('AWS '))
    return failed(source, raw, msg('auth.problem.s3', { endpoint: 's3.{region}.bcebos.com' }))
  if (!value.startsWith('bce-auth-v1/')) return failed(source, raw, msg('auth.problem.prefix'))
  // Everything before the signature is the same for all the requests signed in one second: read once.
  const cut = value.lastIndexOf('/')
  const head = signingHead(value.slice(0, cut))
  if ('key' in head) return failed(source, raw, head)
  const signature = value.slice(cut + 1)
  // A shared HAR redacted by this tool keeps everything but the signature: still diagnosable.
  if (signature !== REDACTED && !isLowerHex64(signature)) {
    return failed(
      source,
      raw,
      /^[0-9A-F]{64}$/i.test(signature) ? msg('auth.problem.signatureCase') : msg('auth.problem.signatureLength', { length: signature.length }),
    )
  }
  return {
    ok: true,
    auth: {
      source,
      version: head.version,
      accessKeyId: head.accessKeyId,
      timestamp: head.timestamp,
      expirationSeconds: head.expirationSeconds,
      signedHeaders: [...head.signedHeaders],
      sts,
      signature: signature === REDACTED ? '' : signature,
      signedAtMs: head.signedAtMs,
    },
  }
}

function failed(source: 'header' | 'query', raw: string, problem: Message): AuthResult {
  return { ok: false, source, problem: english(problem), problemMessage: problem, raw }
}

interface SigningHead {
  version: string
  accessKeyId: string
  timestamp: string
  expirationSeconds: number
  signedHeaders: readonly string[]
  signedAtMs: number | null
}

/** `bce-auth-v1/{accessKeyId}/{timestamp}/{expirationSeconds}/{signedHeaders}` read, or what is wrong with it. */
const signingHead = rememberLast((head: string): SigningHead | Message => {
  const parts = head.split('/')
  if (parts.length !== 5) {
    return msg('auth.problem.fieldCount', {
      count: parts.length + 1,
      format: 'bce-auth-v1/{accessKeyId}/{timestamp}/{expirationSeconds}/{signedHeaders}/{signature}',
    })
  }
  const [version, accessKeyId, timestamp, expiration, signed] = parts as [string, string, string, string, string]
  if (!accessKeyId) return msg('auth.problem.emptyAk')
  if (!TIMESTAMP.test(timestamp)) {
    return msg('auth.problem.timestamp', { timestamp })
  }
  if (!/^-?\d+$/.test(expiration)) return msg('auth.problem.expirationNotNumber', { expiration })
  const expirationSeconds = Number(expiration)
  if (!Number.isSafeInteger(expirationSeconds)) return msg('auth.problem.expirationTooLarge', { expiration })
  if (expirationSeconds < -1 || expirationSeconds === 0) {
    return msg('auth.problem.expirationNotAllowed', { expiration: expirationSeconds })
  }
  const signedHeaders = signed === '' ? [] : signed.split(';')
  if (signedHeaders.some((h) => h === '' || h !== h.toLowerCase())) {
    return msg('auth.problem.signedHeaders', { signedHeaders: signed })
  }
  return { version, accessKeyId, timestamp, expirationSeconds, signedHeaders, signedAtMs: parseIsoUtc(timestamp) }
})

/** /^[0-9a-f]{64}$/.test(s), without the regex (every signed request passes here). */
function isLowerHex64(s: string): boolean {
  if (s.length !== 64) return false
  for (let i = 0; i < 64; i++) {
    const c = s.charCodeAt(i)
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false
  }
  return true
}

/** Which signing scheme the endpoint takes: bce-auth-v1 (native) or SigV4 (s3.{region}.bcebos.com). */
export type Endpoint = 'native' | 's3'

/** Finds the request's authorization: the header wins over a presigned URL's query parameter. */
export function findAuth(requestHeaders: HeaderMap, query: URLSearchParams, endpoint: Endpoint = 'native'): AuthResult | null {
  const header = requestHeaders.get('authorization')
  if (endpoint === 's3') return findS3Auth(requestHeaders, query, header)
  const sts = bceSts(requestHeaders, query)
  if (header) return decodeAuthString(header, 'header', sts)
  const q = query.get('authorization')
  if (q) return decodeAuthString(q, 'query', sts)
  if (isSigV4Query(query) || isSigV2Query(query)) return failed('query', '', msg('auth.problem.s3', { endpoint: 's3.{region}.bcebos.com' }))
  return null
}

const bceSts = (headers: HeaderMap, query: URLSearchParams) => headers.has('x-bce-security-token') || query.has('x-bce-security-token')

/** On the S3-compatible endpoint: SigV4 (BOS documents no SigV2 there; a bce-auth-v1 string is read as one). */
function findS3Auth(headers: HeaderMap, query: URLSearchParams, header: string | null): AuthResult | null {
  const sts = headers.has('x-amz-security-token') || query.has('X-Amz-Security-Token') || query.has('x-amz-security-token')
  if (header) {
    const value = header.trim()
    if (value.startsWith(`${SIGV4} `)) return fromSigV4(decodeSigV4Header(value, headers, sts), 'header', header)
    if (value.startsWith('AWS ')) return failed('header', header, msg('sigv4.problem.v2'))
    // BOS documents SigV4 here, but not that bce-auth-v1 is refused: it is read as what it is.
    if (value.startsWith('bce-auth-v1/')) return decodeAuthString(header, 'header', bceSts(headers, query))
    return failed('header', header, msg('sigv4.problem.prefix', { algorithm: SIGV4 }))
  }
  if (isSigV4Query(query)) return fromSigV4(decodeSigV4Query(query, sts), 'query', '')
  if (isSigV2Query(query)) return failed('query', '', msg('sigv4.problem.v2Query'))
  const q = query.get('authorization')
  if (q?.trim().startsWith('bce-auth-v1/')) return decodeAuthString(q, 'query', bceSts(headers, query))
  return null
}

function fromSigV4(r: ReturnType<typeof decodeSigV4Header>, source: 'header' | 'query', raw: string): AuthResult {
  return r.ok ? r : failed(source, raw, r.problem)
}

const expiryIso = rememberLast((ms: number) => new Date(ms).toISOString())

/** Public view of a decoded signature: everything but the signature itself. */
export function publicAuth(a: DecodedAuth, requestMs: number | null, serverMs: number | null): AuthInfo {
  const endMs = a.expirationSeconds !== null && a.expirationSeconds >= 0 && a.signedAtMs !== null ? a.signedAtMs + a.expirationSeconds * 1000 : null
  // An expiry past the last date a Date can hold (year 275760) never comes; toISOString() would throw.
  const expiresMs = endMs !== null && endMs <= 8.64e15 ? endMs : null
  const left = (at: number | null) => (expiresMs !== null && at !== null ? Math.round((expiresMs - at) / 1000) : null)
  return {
    source: a.source,
    version: a.version,
    accessKeyId: a.accessKeyId,
    timestamp: a.timestamp,
    expirationSeconds: a.expirationSeconds,
    signedHeaders: a.signedHeaders,
    sts: a.sts,
    ...(a.region !== undefined ? { region: a.region, service: a.service, scope: a.scope } : {}),
    expiresAt: expiresMs === null ? null : expiryIso(expiresMs),
    secondsLeftAtRequest: left(requestMs),
    secondsLeftAtServer: left(serverMs),
  }
}
