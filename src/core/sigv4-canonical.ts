// The SigV4 canonical request and string to sign, rebuilt from what the browser sent, as an S3 server
// rebuilds them (s3-compat.md §2.3–2.4): the path URI-encoded once and not normalised, the query sorted
// with X-Amz-Signature left out, signed headers trimmed with inner whitespace collapsed, and the payload
// hash as x-amz-content-sha256 says (UNSIGNED-PAYLOAD for a presigned URL).
import { sha256 } from '@noble/hashes/sha2.js'
import type { DecodedAuth } from './types.ts'
import { bytesToHex, decodeUriOrKeep } from './encoding.ts'
import type { Exchange } from './har.ts'
import { type CanonicalRequest, uriEncode } from './signing.ts'
import { SIGV4 } from './sigv4.ts'

export interface SigV4Canonical extends CanonicalRequest {
  /** The x-amz-content-sha256 line: a hex hash, UNSIGNED-PAYLOAD or a STREAMING-… mode; '' when not sent. */
  payloadHash: string
  /** AWS4-HMAC-SHA256 \n {x-amz-date} \n {scope} \n hex(sha256(canonical request)) */
  stringToSign: string
}

const headerValue = (x: Exchange, name: string): string | null =>
  name === 'host' ? (x.requestHeaders.get('host') ?? x.parsed?.host ?? null) : x.requestHeaders.get(name)

export function sigv4CanonicalRequest(x: Exchange, auth: DecodedAuth): SigV4Canonical {
  const url = x.parsed
  const uri = (url?.pathname || '/')
    .split('/')
    .map((seg) => uriEncode(decodeUriOrKeep(seg)))
    .join('/')
  const pairs: [string, string][] = []
  if (url) {
    for (const part of url.search.replace(/^\?/, '').split('&')) {
      if (!part) continue
      const eq = part.indexOf('=')
      const k = decodeUriOrKeep(eq < 0 ? part : part.slice(0, eq))
      if (k === 'X-Amz-Signature') continue
      pairs.push([uriEncode(k), uriEncode(decodeUriOrKeep(eq < 0 ? '' : part.slice(eq + 1)))])
    }
  }
  // Sorted by encoded name (code point), a repeated name by its value.
  pairs.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
  const query = pairs.map(([k, v]) => `${k}=${v}`).join('&')
  const lines: string[] = []
  const used: string[] = []
  for (const name of auth.signedHeaders) {
    const v = headerValue(x, name)
    if (v === null) continue // not sent: the server cannot sign it either (a trap names it)
    lines.push(`${name}:${v.trim().replace(/\s+/g, ' ')}`)
    used.push(name)
  }
  const headers = lines.join('\n')
  const payloadHash = auth.source === 'query' ? 'UNSIGNED-PAYLOAD' : (auth.payloadHash ?? '')
  // Each header line ends in "\n", so a blank line stands before the signed-header list.
  const text = [x.method, uri, query, `${headers}\n`, auth.signedHeaders.join(';'), payloadHash].join('\n')
  const stringToSign = [SIGV4, auth.timestamp, auth.scope ?? '', bytesToHex(sha256(new TextEncoder().encode(text)))].join('\n')
  return { method: x.method, uri, query, headers, text, signedHeaders: used, payloadHash, stringToSign }
}
