// Decoding of AWS Signature Version 4, the scheme BOS's S3-compatible endpoint (s3.{region}.bcebos.com)
// takes: the Authorization header form and the presigned-query form (../shared/reference/s3-compat.md §2).
//   AWS4-HMAC-SHA256 Credential={AK}/{YYYYMMDD}/{region}/s3/aws4_request, SignedHeaders=a;b, Signature={64 hex}
//   ?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=…&X-Amz-Date=…&X-Amz-Expires=…&X-Amz-SignedHeaders=…&X-Amz-Signature=…
// Every way the string can be broken gets its own message; a valid string is never called malformed.
import { type Message, msg } from '../i18n/report-message.ts'
import type { DecodedAuth } from './types.ts'
import type { HeaderMap } from './har.ts'
import { REDACTED } from './redact.ts'

export const SIGV4 = 'AWS4-HMAC-SHA256'

/** The longest validity a presigned SigV4 URL may have: 7 days (AWS; the SDK refuses more at signing). */
export const MAX_PRESIGNED_SECONDS = 604800

export type SigV4Result = { ok: true; auth: DecodedAuth } | { ok: false; problem: Message }

const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/

/** `20261204T225328Z` (ISO 8601 basic, UTC) in ms; null when it is not one. */
export function parseAmzDate(s: string): number | null {
  const m = AMZ_DATE.exec(s)
  if (!m) return null
  const [, y, mo, d, h, mi, se] = m
  const ms = Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +se!)
  return new Date(ms).getUTCDate() === +d! && +h! < 24 && +mi! < 60 && +se! < 60 ? ms : null
}

const HEX64 = /^[0-9a-f]{64}$/

interface Parts {
  credential: string
  signedHeaders: string
  signature: string
  date: string | null
  expires: string | null
}

/** The parts common to both forms, checked; `source` says where they came from. */
function decodeParts(p: Parts, source: 'header' | 'query', sts: boolean, payloadHash: string | null): SigV4Result {
  const cred = p.credential.split('/')
  if (cred.length !== 5 || cred[4] !== 'aws4_request') {
    return {
      ok: false,
      problem: msg('sigv4.problem.credential', { credential: redactAk(p.credential), format: '{accessKeyId}/{YYYYMMDD}/{region}/s3/aws4_request' }),
    }
  }
  const [accessKeyId, scopeDate, region, service] = cred as [string, string, string, string, string]
  if (!accessKeyId) return { ok: false, problem: msg('auth.problem.emptyAk') }
  if (!/^\d{8}$/.test(scopeDate)) return { ok: false, problem: msg('sigv4.problem.scopeDate', { date: scopeDate }) }
  if (!region) return { ok: false, problem: msg('sigv4.problem.emptyRegion') }
  if (service !== 's3') return { ok: false, problem: msg('sigv4.problem.service', { service }) }
  const signedHeaders = p.signedHeaders === '' ? [] : p.signedHeaders.split(';')
  if (signedHeaders.length === 0 || signedHeaders.some((h) => h === '' || h !== h.toLowerCase())) {
    return { ok: false, problem: msg('sigv4.problem.signedHeaders', { signedHeaders: p.signedHeaders }) }
  }
  if (signedHeaders.some((h, i) => i > 0 && h <= signedHeaders[i - 1]!)) {
    return { ok: false, problem: msg('sigv4.problem.signedHeadersOrder', { signedHeaders: p.signedHeaders }) }
  }
  if (p.signature !== REDACTED && !HEX64.test(p.signature)) {
    return { ok: false, problem: msg('auth.problem.signatureLength', { length: p.signature.length }) }
  }
  if (p.date === null) return { ok: false, problem: msg(source === 'header' ? 'sigv4.problem.noDateHeader' : 'sigv4.problem.noDateQuery') }
  const signedAtMs = parseAmzDate(p.date)
  if (signedAtMs === null) return { ok: false, problem: msg('sigv4.problem.date', { date: p.date }) }
  if (p.date.slice(0, 8) !== scopeDate) return { ok: false, problem: msg('sigv4.problem.scopeDateDiffers', { scopeDate, date: p.date }) }
  let expirationSeconds: number | null = null
  if (source === 'query') {
    if (p.expires === null) return { ok: false, problem: msg('sigv4.problem.noExpires') }
    if (!/^\d+$/.test(p.expires) || +p.expires < 1 || +p.expires > MAX_PRESIGNED_SECONDS) {
      return { ok: false, problem: msg('sigv4.problem.expires', { expires: p.expires, max: MAX_PRESIGNED_SECONDS }) }
    }
    expirationSeconds = +p.expires
  }
  return {
    ok: true,
    auth: {
      source,
      version: SIGV4,
      accessKeyId,
      timestamp: p.date,
      expirationSeconds,
      signedHeaders,
      sts,
      signature: p.signature === REDACTED ? '' : p.signature,
      signedAtMs,
      region,
      service,
      scope: `${scopeDate}/${region}/${service}/aws4_request`,
      payloadHash: source === 'query' ? 'UNSIGNED-PAYLOAD' : payloadHash,
    },
  }
}

/** An access key id is not a secret, but a credential that failed to parse may hold anything: cut it short. */
const redactAk = (s: string): string => (s.length > 80 ? `${s.slice(0, 80)}…` : s)

// `Credential=…, SignedHeaders=…, Signature=…`: the SDK writes ", " between them; AWS takes "," with spaces.
const FIELD = /^\s*(Credential|SignedHeaders|Signature)=([^,\s]*)\s*$/

/** The Authorization header's SigV4 string (it starts with "AWS4-HMAC-SHA256 "). */
export function decodeSigV4Header(value: string, headers: HeaderMap, sts: boolean): SigV4Result {
  const rest = value.trim().slice(SIGV4.length)
  const fields = new Map<string, string>()
  for (const part of rest.split(',')) {
    const m = FIELD.exec(part)
    if (!m || fields.has(m[1]!))
      return { ok: false, problem: msg('sigv4.problem.structure', { format: `${SIGV4} Credential=…, SignedHeaders=…, Signature=…` }) }
    fields.set(m[1]!, m[2]!.trim())
  }
  const missing = ['Credential', 'SignedHeaders', 'Signature'].filter((k) => !fields.has(k))
  if (missing.length) return { ok: false, problem: msg('sigv4.problem.missing', { fields: missing.join(', ') }) }
  // x-amz-date wins over Date; a Date may sign only in the basic ISO format (AWS RESTCommonRequestHeaders).
  const date = headers.get('x-amz-date') ?? headers.get('date')
  return decodeParts(
    {
      credential: fields.get('Credential')!,
      signedHeaders: fields.get('SignedHeaders')!,
      signature: fields.get('Signature')!,
      date: date?.trim() ?? null,
      expires: null,
    },
    'header',
    sts,
    headers.get('x-amz-content-sha256')?.trim() ?? null,
  )
}

/** A parameter by name, whatever its case (X-Amz-Date and x-amz-date are both seen). */
function param(query: URLSearchParams, name: string): string | null {
  const exact = query.get(name)
  if (exact !== null) return exact
  const lower = name.toLowerCase()
  for (const [k, v] of query) if (k.toLowerCase() === lower) return v
  return null
}

/** Whether the query is a presigned SigV4 one (it names the algorithm or carries a SigV4 credential). */
export function isSigV4Query(query: URLSearchParams): boolean {
  return param(query, 'X-Amz-Algorithm') !== null || param(query, 'X-Amz-Credential') !== null || param(query, 'X-Amz-Signature') !== null
}

/** A presigned SigV4 URL's parameters. */
export function decodeSigV4Query(query: URLSearchParams, sts: boolean): SigV4Result {
  const algorithm = param(query, 'X-Amz-Algorithm')
  if (algorithm !== SIGV4) return { ok: false, problem: msg('sigv4.problem.algorithm', { algorithm: algorithm ?? '' }) }
  const credential = param(query, 'X-Amz-Credential')
  const signedHeaders = param(query, 'X-Amz-SignedHeaders')
  const signature = param(query, 'X-Amz-Signature')
  const missing = [credential === null && 'X-Amz-Credential', signedHeaders === null && 'X-Amz-SignedHeaders', signature === null && 'X-Amz-Signature'].filter(
    (x): x is string => !!x,
  )
  if (missing.length) return { ok: false, problem: msg('sigv4.problem.missing', { fields: missing.join(', ') }) }
  return decodeParts(
    { credential: credential!, signedHeaders: signedHeaders!, signature: signature!, date: param(query, 'X-Amz-Date'), expires: param(query, 'X-Amz-Expires') },
    'query',
    sts,
    null,
  )
}

/** A SigV2 presigned URL (`AWSAccessKeyId`, `Expires`, `Signature`): aws-sdk v2's default for custom endpoints. */
export function isSigV2Query(query: URLSearchParams): boolean {
  return query.has('AWSAccessKeyId') && query.has('Signature')
}
