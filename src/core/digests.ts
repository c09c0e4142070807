// Content-MD5, ETag and x-bce-content-* checks. Content-MD5 is base64 of the 16-byte digest; the ETag
// of a simple upload is the same digest in hex. Multipart ETags (leading "-") and ETags that are not a
// hex MD5 are never compared. Bodies are never hashed: HAR does not keep binary uploads faithfully.
import { base64ToBytes, bytesToHex, hexToBase64 } from './encoding.ts'
import type { Exchange } from './har.ts'
import type { Finding } from './types.ts'

export type Md5Check = { ok: true; hex: string } | { ok: false; reason: 'hex-not-base64' | 'wrong-length' | 'not-base64'; bytes?: number }

/** /^[0-9a-fA-F]{32}$/.test(s), without the regex (hot: every upload and ETag). */
function isHex32(s: string): boolean {
  if (s.length !== 32) return false
  for (let i = 0; i < 32; i++) {
    const c = s.charCodeAt(i)
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70))) return false
  }
  return true
}

export function checkContentMd5(value: string): Md5Check {
  const v = value.trim()
  if (isHex32(v)) return { ok: false, reason: 'hex-not-base64' }
  const bytes = base64ToBytes(v)
  if (!bytes) return { ok: false, reason: 'not-base64' }
  if (bytes.length !== 16) return { ok: false, reason: 'wrong-length', bytes: bytes.length }
  return { ok: true, hex: bytesToHex(bytes) }
}

/** The hex MD5 an ETag carries, or null for multipart ("-…"), weak or non-MD5 ETags. */
export function etagMd5(etag: string | null): string | null {
  if (!etag) return null
  // etag.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1') then 32 hex digits, by hand: only 32 hex
  // digits can come out, so a quoted value counts only when it is 34 characters long.
  let v = etag.trim()
  if (v.startsWith('W/')) v = v.slice(2)
  if (v.length === 34 && v.charCodeAt(0) === 34 && v.charCodeAt(33) === 34) v = v.slice(1, 33)
  return isHex32(v) ? v.toLowerCase() : null
}

// Operations whose response ETag is the MD5 of the bytes this request sent.
const UPLOADS_BODY = new Set(['PutObject', 'UploadPart'])

function malformedMd5(where: 'request' | 'response', value: string, check: Exclude<Md5Check, { ok: true }>): Finding {
  const hexHint =
    check.reason === 'hex-not-base64' ? ` It looks like hex; send base64 of the 16 raw digest bytes instead, which here is "${hexToBase64(value.trim())}".` : ''
  const why =
    check.reason === 'hex-not-base64'
      ? 'is 32 hex digits, not base64'
      : check.reason === 'wrong-length'
        ? `decodes to ${check.bytes} bytes, not the 16 of an MD5 digest`
        : 'is not valid base64'
  return {
    id: 'content-md5-malformed',
    severity: where === 'request' ? 'error' : 'warning',
    title: `Malformed Content-MD5 in the ${where}`,
    detail: `The ${where} Content-MD5 "${value}" ${why}. Content-MD5 is base64 of the binary MD5 digest (RFC 1864); BOS rejects a wrong one with 400 BadDigest or InvalidArgument.${hexHint}`,
    where,
    value,
    reason: check.reason,
  }
}

export function digestFindings(x: Exchange, operation: string | null): Finding[] {
  const out: Finding[] = []
  const ok = x.status >= 200 && x.status < 300
  const etag = x.responseHeaders.get('etag')
  const etagHex = etagMd5(etag)

  const reqMd5 = x.requestHeaders.get('content-md5')
  if (reqMd5 !== null) {
    const c = checkContentMd5(reqMd5)
    if (!c.ok) out.push(malformedMd5('request', reqMd5, c))
    else if (ok && etagHex && operation && UPLOADS_BODY.has(operation) && c.hex !== etagHex) {
      out.push({
        id: 'md5-mismatch',
        severity: 'error',
        title: 'Content-MD5 sent does not match the ETag returned',
        detail: `The request said the body's MD5 is ${c.hex} (Content-MD5 "${reqMd5.trim()}"), but BOS stored an object whose ETag is ${etagHex}. The bytes that arrived are not the bytes that were hashed: a proxy or extension rewrote the body, or the hash was computed over different data (for example a string before encoding, or a whole file instead of one part).`,
        where: 'request',
        contentMd5: reqMd5.trim(),
        contentMd5Hex: c.hex,
        etag: etagHex,
      })
    }
  }

  const resMd5 = x.responseHeaders.get('content-md5')
  if (resMd5 !== null) {
    const c = checkContentMd5(resMd5)
    if (!c.ok) out.push(malformedMd5('response', resMd5, c))
    else if (etagHex && c.hex !== etagHex && !x.responseHeaders.has('x-bce-symlink-target')) {
      out.push({
        id: 'md5-mismatch',
        severity: 'warning',
        title: 'Response Content-MD5 does not match its ETag',
        detail: `The response carries Content-MD5 ${c.hex} but ETag ${etagHex}. For an object uploaded in one piece both name the same digest; a mismatch means a proxy, CDN or image-processing step changed the object on the way, or the stored metadata is inconsistent.`,
        where: 'response',
        contentMd5: resMd5.trim(),
        contentMd5Hex: c.hex,
        etag: etagHex,
      })
    }
  }

  const sha = x.requestHeaders.get('x-bce-content-sha256')
  if (sha !== null && !/^[0-9a-f]{64}$/i.test(sha.trim())) {
    const b = base64ToBytes(sha)
    const hint = b && b.length === 32 ? ` It looks like base64; send the hex form, which here is "${bytesToHex(b)}".` : ''
    out.push({
      id: 'content-sha256-malformed',
      severity: 'error',
      title: 'Malformed x-bce-content-sha256',
      detail: `x-bce-content-sha256 "${sha}" is not 64 hex digits. BOS expects the hex SHA-256 of the body and answers a wrong one with 400 BadDigest.${hint}`,
      value: sha,
    })
  }

  for (const [where, headers] of [
    ['request', x.requestHeaders],
    ['response', x.responseHeaders],
  ] as const) {
    const crc = headers.get('x-bce-content-crc32')
    if (crc !== null && !(/^\d{1,10}$/.test(crc.trim()) && Number(crc) <= 0xffffffff)) {
      out.push({
        id: 'content-crc32-malformed',
        severity: where === 'request' ? 'error' : 'warning',
        title: `Malformed x-bce-content-crc32 in the ${where}`,
        detail: `x-bce-content-crc32 "${crc}" is not an unsigned 32-bit decimal number. BOS writes CRC32 (IEEE) as a decimal string such as "3238666094", not hex and not signed.`,
        where,
        value: crc,
      })
    }
  }
  return out
}
