// AWS Signature V4 as the S3-compatible endpoint (s3.{region}.bcebos.com) checks it, done with a well-kept
// signer (@smithy/signature-v4 + @aws-crypto/sha256-js), never with the product's own src/core code: the
// canonical request, string to sign and signature are recomputed for the request as received, with the
// secret the server knows. Header form and presigned query form (s3-compat.md §2.1–2.6).
//
// What the server answers follows AWS S3 (BOS documents no S3 error body, s3-compat.md §1.9): 403
// SignatureDoesNotMatch with StringToSign and CanonicalRequest, 403 RequestTimeTooSkewed outside ±15
// minutes, 403 AccessDenied "Request has expired" for a presigned URL past X-Amz-Expires, 400
// AuthorizationHeaderMalformed for a scope region other than the endpoint's.

import { Sha256 } from '@aws-crypto/sha256-js'
import { getCanonicalHeaders, getSigningKey, SignatureV4, UNSIGNED_PAYLOAD } from '@smithy/signature-v4'
import type { HttpRequest, QueryParameterBag } from '@smithy/types'

/** A request as the server received it. */
export interface SigV4Input {
  method: string
  /** The raw request-target: path and query exactly as sent. */
  url: string
  /** Lower-case names. */
  headers: Record<string, string>
  body: Buffer
}

export type SigV4ErrorCode =
  | 'AccessDenied'
  | 'AuthorizationHeaderMalformed'
  | 'AuthorizationQueryParametersError'
  | 'InvalidAccessKeyId'
  | 'InvalidRequest'
  | 'RequestTimeTooSkewed'
  | 'SignatureDoesNotMatch'
  | 'XAmzContentSHA256Mismatch'

export interface SigV4Failure {
  code: SigV4ErrorCode
  status: number
  message: string
  /** Extra elements of the S3 <Error> body, in order. */
  fields: [string, string][]
}

export interface SigV4Result {
  ok: boolean
  error?: SigV4Failure
  source: 'header' | 'query'
  accessKeyId?: string
  /** The credential scope's date, region and service. */
  scopeRegion?: string
  amzDate?: string
  signedHeaders?: string[]
  signature?: string
  /** What the server computed, when it got that far. */
  expectedSignature?: string
  canonicalRequest?: string
  stringToSign?: string
}

export interface VerifyOptions {
  /** The server's time, ms. */
  now: number
  /** The endpoint's region: bj for s3.bj.bcebos.com. */
  region: string
  /** Default 15 minutes, as S3. */
  maxSkewMs?: number
}

const HEADER_RE =
  /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{8})\/([^/,\s]+)\/([^/,\s]+)\/aws4_request,\s*SignedHeaders=([a-z0-9;-]+),\s*Signature=([0-9a-f]{64})$/
const AMZ_DATE_RE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/

const fail = (code: SigV4ErrorCode, status: number, message: string, fields: [string, string][] = []): SigV4Failure => ({ code, status, message, fields })

/** x-amz-date (20261204T225328Z) in ms, or NaN. */
export function parseAmzDate(s: string): number {
  const m = AMZ_DATE_RE.exec(s)
  return m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) : Number.NaN
}

/** ms as x-amz-date's basic ISO 8601 form. */
export const amzDate = (ms: number) =>
  new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')

/** The query as (decoded name, decoded value) pairs, in order; `+` is a literal plus, as S3 reads it. */
export function parseRawQuery(url: string): [string, string][] {
  const qi = url.indexOf('?')
  if (qi < 0) return []
  const dec = (s: string) => {
    try {
      return decodeURIComponent(s)
    } catch {
      return s
    }
  }
  return url
    .slice(qi + 1)
    .split('&')
    .filter(Boolean)
    .map((part) => {
      const eq = part.indexOf('=')
      return eq < 0 ? [dec(part), ''] : [dec(part.slice(0, eq)), dec(part.slice(eq + 1))]
    })
}

/** The signer, with the steps smithy keeps protected made reachable: canonical request and string to sign. */
class Verifier extends SignatureV4 {
  constructor(
    private readonly creds: { accessKeyId: string; secretAccessKey: string },
    region: string,
  ) {
    super({ credentials: creds, region, service: 's3', sha256: Sha256, uriEscapePath: false, applyChecksum: false })
  }
  async compute(req: HttpRequest, signed: string[], payloadHash: string, longDate: string, shortDate: string, region: string) {
    const canonicalHeaders = getCanonicalHeaders(req, undefined, new Set(signed))
    const canonicalRequest = this.createCanonicalRequest(req, canonicalHeaders, payloadHash)
    const scope = `${shortDate}/${region}/s3/aws4_request`
    const stringToSign = await this.createStringToSign(longDate, scope, canonicalRequest, 'AWS4-HMAC-SHA256')
    const hmac = new Sha256(await getSigningKey(Sha256, this.creds, shortDate, region, 's3'))
    hmac.update(new TextEncoder().encode(stringToSign))
    const signature = Buffer.from(await hmac.digest()).toString('hex')
    return { canonicalRequest, stringToSign, signature }
  }
}

const sha256Hex = async (b: Uint8Array) => {
  const h = new Sha256()
  h.update(b)
  return Buffer.from(await h.digest()).toString('hex')
}

/**
 * Checks the SigV4 signature of a request, or returns null when it carries none (anonymous).
 * `sk` maps access key ids to secret keys.
 */
export async function verifySigV4(input: SigV4Input, sk: Record<string, string>, opts: VerifyOptions): Promise<SigV4Result | null> {
  const { headers } = input
  const query = parseRawQuery(input.url)
  const q = (name: string) => query.find(([k]) => k === name)?.[1]
  const authz = headers.authorization
  const presigned = q('X-Amz-Algorithm') !== undefined || q('X-Amz-Signature') !== undefined
  if (!authz && !presigned) return null
  const source = authz ? 'header' : 'query'
  const result: SigV4Result = { ok: false, source }
  let accessKeyId: string, shortDate: string, region: string, service: string, signed: string[], signature: string, longDate: string
  let expires: number | undefined
  if (authz) {
    const m = HEADER_RE.exec(authz.trim())
    if (!authz.startsWith('AWS4-HMAC-SHA256 ')) {
      result.error = fail('InvalidRequest', 400, 'The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.')
      return result
    }
    if (!m) {
      result.error = fail(
        'AuthorizationHeaderMalformed',
        400,
        'The authorization header is malformed; the authorization header requires three components: Credential, SignedHeaders, and Signature.',
      )
      return result
    }
    ;[, accessKeyId, shortDate, region, service] = m as unknown as [string, string, string, string, string]
    signed = m[5]!.split(';')
    signature = m[6]!
    longDate = headers['x-amz-date'] ?? ''
  } else {
    const cred = (q('X-Amz-Credential') ?? '').split('/')
    if (q('X-Amz-Algorithm') !== 'AWS4-HMAC-SHA256' || cred.length !== 5 || cred[4] !== 'aws4_request' || !q('X-Amz-SignedHeaders') || !q('X-Amz-Signature')) {
      result.error = fail(
        'AuthorizationQueryParametersError',
        400,
        'Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.',
      )
      return result
    }
    ;[accessKeyId, shortDate, region, service] = cred as [string, string, string, string]
    signed = q('X-Amz-SignedHeaders')!.split(';')
    signature = q('X-Amz-Signature')!
    longDate = q('X-Amz-Date') ?? ''
    expires = Number(q('X-Amz-Expires'))
    if (!Number.isInteger(expires) || expires < 1) {
      result.error = fail('AuthorizationQueryParametersError', 400, 'X-Amz-Expires should be a number')
      return result
    }
    if (expires > 604800) {
      result.error = fail(
        'AuthorizationQueryParametersError',
        400,
        'X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires must be less than 604800 seconds',
      )
      return result
    }
  }
  Object.assign(result, { accessKeyId, scopeRegion: region, amzDate: longDate, signedHeaders: signed, signature })
  const secret = sk[accessKeyId]
  if (secret === undefined) {
    result.error = fail('InvalidAccessKeyId', 403, 'The AWS Access Key Id you provided does not exist in our records.', [['AWSAccessKeyId', accessKeyId]])
    return result
  }
  if (region !== opts.region) {
    const msg =
      source === 'header'
        ? `The authorization header is malformed; the region '${region}' is wrong; expecting '${opts.region}'`
        : `Error parsing the X-Amz-Credential parameter; the region '${region}' is wrong; expecting '${opts.region}'`
    result.error = fail(source === 'header' ? 'AuthorizationHeaderMalformed' : 'AuthorizationQueryParametersError', 400, msg, [['Region', opts.region]])
    return result
  }
  if (service !== 's3') {
    result.error = fail(
      'AuthorizationHeaderMalformed',
      400,
      `The authorization header is malformed; incorrect service '${service}'. This endpoint belongs to 's3'.`,
    )
    return result
  }
  const signedAt = parseAmzDate(longDate)
  if (Number.isNaN(signedAt)) {
    result.error = fail('AccessDenied', 403, 'AWS authentication requires a valid Date or x-amz-date header')
    return result
  }
  if (!longDate.startsWith(shortDate)) {
    // The scope date is not the date of x-amz-date: the server's string to sign never matches (s3-compat §2.7.6).
    result.error = fail(
      'SignatureDoesNotMatch',
      403,
      'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    )
    return result
  }
  const req: HttpRequest = {
    method: input.method,
    protocol: 'http:',
    hostname: (headers.host ?? '').replace(/:\d+$/, ''),
    path: input.url.split('?')[0] || '/',
    query: {},
    headers: {},
  }
  const bag: QueryParameterBag = {}
  for (const [k, v] of query) {
    if (k === 'X-Amz-Signature') continue
    const prev = bag[k]
    bag[k] = prev === undefined || prev === null ? v : Array.isArray(prev) ? [...prev, v] : [prev, v]
  }
  req.query = bag
  for (const name of signed) if (headers[name] !== undefined) req.headers[name] = headers[name]!
  let payloadHash: string
  if (source === 'query') {
    payloadHash = UNSIGNED_PAYLOAD
  } else {
    const sent = headers['x-amz-content-sha256']
    if (!sent) {
      result.error = fail('InvalidRequest', 400, 'Missing required header for this request: x-amz-content-sha256')
      return result
    }
    payloadHash = sent
  }
  const verifier = new Verifier({ accessKeyId, secretAccessKey: secret }, region)
  const computed = await verifier.compute(req, signed, payloadHash, longDate, shortDate, region)
  result.expectedSignature = computed.signature
  result.canonicalRequest = computed.canonicalRequest
  result.stringToSign = computed.stringToSign
  if (computed.signature !== signature) {
    result.error = fail(
      'SignatureDoesNotMatch',
      403,
      'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
      [
        ['AWSAccessKeyId', accessKeyId],
        ['StringToSign', computed.stringToSign],
        ['SignatureProvided', signature],
        ['CanonicalRequest', computed.canonicalRequest],
      ],
    )
    return result
  }
  // Time, once the signature is known to be good (S3 checks it then too).
  const maxSkew = opts.maxSkewMs ?? 900_000
  const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
  if (source === 'query') {
    if (signedAt - opts.now > maxSkew) {
      result.error = fail('AccessDenied', 403, 'Request is not valid yet', [
        ['X-Amz-Date', longDate],
        ['ServerTime', iso(opts.now)],
      ])
      return result
    }
    if (opts.now > signedAt + expires! * 1000) {
      result.error = fail('AccessDenied', 403, 'Request has expired', [
        ['X-Amz-Expires', String(expires)],
        ['Expires', iso(signedAt + expires! * 1000)],
        ['ServerTime', iso(opts.now)],
      ])
      return result
    }
  } else if (Math.abs(opts.now - signedAt) > maxSkew) {
    result.error = fail('RequestTimeTooSkewed', 403, 'The difference between the request time and the current time is too large.', [
      ['RequestTime', longDate],
      ['ServerTime', iso(opts.now)],
      ['MaxAllowedSkewMilliseconds', String(maxSkew)],
    ])
    return result
  }
  if (source === 'header' && /^[0-9a-f]{64}$/.test(payloadHash)) {
    const actual = await sha256Hex(input.body)
    if (actual !== payloadHash) {
      result.error = fail('XAmzContentSHA256Mismatch', 400, "The provided 'x-amz-content-sha256' header does not match what was computed.", [
        ['ClientComputedContentSHA256', payloadHash],
        ['S3ComputedContentSHA256', actual],
      ])
      return result
    }
  }
  result.ok = true
  return result
}
