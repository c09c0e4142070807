// bce-auth-v1: checking a request's signature the way BOS does (bos-protocol.md §1).

import { createHmac, timingSafeEqual } from 'node:crypto'
import { pctDecode, safeDecode, uriEncode } from './encoding.ts'
import type { AuthResult } from './types.ts'

const hmacHex = (key: string, msg: string) => createHmac('sha256', key).update(msg, 'utf8').digest('hex')

function headerValue(headers: Record<string, string | string[] | number | undefined>, name: string): string | undefined {
  for (const [k, v] of Object.entries(headers)) {
    if (k.toLowerCase() !== name) continue
    if (v === undefined) return undefined
    return Array.isArray(v) ? v.join(',') : String(v)
  }
  return undefined
}

export interface VerifyInput {
  method: string
  /** Path plus query exactly as sent on the request line, e.g. `/dir/a%20b.txt?uploads=`. */
  url: string
  /** Request headers (any case). `host` must include the port when the client sent one. */
  headers: Record<string, string | string[] | number | undefined>
}

const DEFAULT_SIGNED = ['host', 'content-length', 'content-type', 'content-md5']

/**
 * Check a bce-auth-v1 signature the way BOS does. The authorization string comes from the
 * `Authorization` header or else from the `authorization` query parameter.
 *
 * `sk` is the secret key, or a map / lookup from access key id to secret key.
 * `opts.now` (ms) enables the expiry check; without it only the signature is checked.
 * Returns null when the request carries no authorization at all (anonymous).
 */
export function verifyBceAuth(
  req: VerifyInput,
  sk: string | Record<string, string> | ((ak: string) => string | undefined),
  opts: { now?: number; requireDate?: boolean } = {},
): AuthResult | null {
  const qIndex = req.url.indexOf('?')
  const rawPath = qIndex < 0 ? req.url : req.url.slice(0, qIndex)
  const rawQuery = qIndex < 0 ? '' : req.url.slice(qIndex + 1)
  const queryPairs: Array<[string, string]> = []
  for (const part of rawQuery.split('&')) {
    if (part === '') continue
    const eq = part.indexOf('=')
    const k = eq < 0 ? part : part.slice(0, eq)
    const v = eq < 0 ? '' : part.slice(eq + 1)
    queryPairs.push([safeDecode(k), safeDecode(v)])
  }

  const fromHeader = headerValue(req.headers, 'authorization')
  const fromQuery = queryPairs.find(([k]) => k.toLowerCase() === 'authorization')?.[1]
  const source: 'header' | 'query' = fromHeader !== undefined ? 'header' : 'query'
  const raw = fromHeader ?? fromQuery
  if (raw === undefined) return null
  const result: AuthResult = { ok: false, source, raw }

  const fields = raw.trim().split('/')
  const [version, ak, ts, exp, signedField, sig] = fields
  if (
    fields.length !== 6 ||
    version !== 'bce-auth-v1' ||
    !ak ||
    !ts ||
    !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(ts) ||
    Number.isNaN(Date.parse(ts)) ||
    !exp ||
    !/^(-1|\d+)$/.test(exp) ||
    signedField === undefined ||
    !sig ||
    !/^[0-9a-f]{64}$/i.test(sig)
  ) {
    return { ...result, error: 'InvalidHTTPAuthHeader' }
  }
  Object.assign(result, {
    accessKeyId: ak,
    timestamp: ts,
    expirationSeconds: Number(exp),
    signedHeadersField: signedField,
    signature: sig.toLowerCase(),
  })

  const secret = typeof sk === 'string' ? sk : typeof sk === 'function' ? sk(ak) : Object.hasOwn(sk, ak) ? sk[ak] : undefined
  if (secret === undefined) return { ...result, error: 'InvalidAccessKeyId' }

  if (source === 'header' && opts.requireDate !== false && opts.now !== undefined) {
    if (headerValue(req.headers, 'x-bce-date') === undefined && headerValue(req.headers, 'date') === undefined) {
      return { ...result, error: 'MissingDateHeader' }
    }
  }
  if (opts.now !== undefined && exp !== '-1' && opts.now > Date.parse(ts) + Number(exp) * 1000) {
    return { ...result, error: 'RequestExpired' }
  }

  let canonicalUri: string
  try {
    canonicalUri = rawPath
      .split('/')
      .map((seg) => uriEncode(pctDecode(seg)))
      .join('/')
  } catch {
    return { ...result, error: 'SignatureDoesNotMatch' }
  }
  if (!canonicalUri.startsWith('/')) canonicalUri = '/' + canonicalUri

  const canonicalQuery = queryPairs
    .filter(([k]) => k.toLowerCase() !== 'authorization')
    .map(([k, v]) => `${uriEncode(k)}=${uriEncode(v)}`)
    .sort()
    .join('&')

  let names: string[]
  if (signedField === '') {
    const present = Object.keys(req.headers).map((h) => h.toLowerCase())
    names = [...DEFAULT_SIGNED, ...present.filter((h) => h.startsWith('x-bce-'))]
  } else {
    names = signedField.split(';').map((h) => h.trim().toLowerCase())
  }
  const lines: string[] = []
  const used: string[] = []
  for (const name of new Set(names)) {
    const value = headerValue(req.headers, name)?.trim()
    if (value === undefined || value === '') continue
    lines.push(`${uriEncode(name)}:${uriEncode(value)}`)
    used.push(name)
  }
  lines.sort()
  const canonicalRequest = [req.method.toUpperCase(), canonicalUri, canonicalQuery, lines.join('\n')].join('\n')
  const signingKey = hmacHex(secret, `bce-auth-v1/${ak}/${ts}/${exp}`)
  const expected = hmacHex(signingKey, canonicalRequest)
  Object.assign(result, { signedHeaders: used.sort(), expectedSignature: expected, canonicalRequest })
  const ok = timingSafeEqual(Buffer.from(expected), Buffer.from(sig.toLowerCase()))
  return ok ? { ...result, ok: true } : { ...result, error: 'SignatureDoesNotMatch' }
}
