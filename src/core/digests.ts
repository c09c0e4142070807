// Content-MD5, ETag and x-bce-content-* checks. Content-MD5 is base64 of the 16-byte digest; the ETag
// of a simple upload is the same digest in hex. Multipart ETags (leading "-") and ETags that are not a
// hex MD5 are never compared. Bodies are never hashed: HAR does not keep binary uploads faithfully.
import type { OperationName } from './operation-names.ts'
import { msg, sentences } from '../i18n/report-message.ts'
import { finding } from './finding.ts'
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
  const hexHint = check.reason === 'hex-not-base64' && msg('finding.content-md5-malformed.hexHint', { base64: hexToBase64(value.trim()) })
  const why =
    check.reason === 'wrong-length'
      ? msg('finding.content-md5-malformed.why.wrong-length', { bytes: String(check.bytes) })
      : msg(check.reason === 'hex-not-base64' ? 'finding.content-md5-malformed.why.hex-not-base64' : 'finding.content-md5-malformed.why.not-base64')
  const detail = sentences(msg(`finding.content-md5-malformed.detail.${where}`, { value, why }), hexHint)
  return finding('content-md5-malformed', where === 'request' ? 'error' : 'warning', msg(`finding.content-md5-malformed.title.${where}`), detail, {
    where,
    value,
    reason: check.reason,
  })
}

export function digestFindings(x: Exchange, operation: OperationName | null): Finding[] {
  const out: Finding[] = []
  const ok = x.status >= 200 && x.status < 300
  const etag = x.responseHeaders.get('etag')
  const etagHex = etagMd5(etag)

  const reqMd5 = x.requestHeaders.get('content-md5')
  if (reqMd5 !== null) {
    const c = checkContentMd5(reqMd5)
    if (!c.ok) out.push(malformedMd5('request', reqMd5, c))
    else if (ok && etagHex && operation && UPLOADS_BODY.has(operation) && c.hex !== etagHex) {
      const detail = msg('finding.md5-mismatch.detail.request', { md5: c.hex, contentMd5: reqMd5.trim(), etag: etagHex })
      const facts = { where: 'request', contentMd5: reqMd5.trim(), contentMd5Hex: c.hex, etag: etagHex }
      out.push(finding('md5-mismatch', 'error', msg('finding.md5-mismatch.title.request'), detail, facts))
    }
  }

  const resMd5 = x.responseHeaders.get('content-md5')
  if (resMd5 !== null) {
    const c = checkContentMd5(resMd5)
    if (!c.ok) out.push(malformedMd5('response', resMd5, c))
    else if (etagHex && c.hex !== etagHex && !x.responseHeaders.has('x-bce-symlink-target')) {
      const detail = msg('finding.md5-mismatch.detail.response', { md5: c.hex, etag: etagHex })
      const facts = { where: 'response', contentMd5: resMd5.trim(), contentMd5Hex: c.hex, etag: etagHex }
      out.push(finding('md5-mismatch', 'warning', msg('finding.md5-mismatch.title.response'), detail, facts))
    }
  }

  const sha = x.requestHeaders.get('x-bce-content-sha256')
  if (sha !== null && !/^[0-9a-f]{64}$/i.test(sha.trim())) {
    const b = base64ToBytes(sha)
    const hint = b && b.length === 32 && msg('finding.content-sha256-malformed.base64Hint', { hex: bytesToHex(b) })
    const detail = sentences(msg('finding.content-sha256-malformed.detail', { value: sha }), hint)
    out.push(finding('content-sha256-malformed', 'error', msg('finding.content-sha256-malformed.title'), detail, { value: sha }))
  }

  for (const [where, headers] of [
    ['request', x.requestHeaders],
    ['response', x.responseHeaders],
  ] as const) {
    const crc = headers.get('x-bce-content-crc32')
    if (crc !== null && !(/^\d{1,10}$/.test(crc.trim()) && Number(crc) <= 0xffffffff)) {
      const detail = msg('finding.content-crc32-malformed.detail', { value: crc })
      out.push(
        finding('content-crc32-malformed', where === 'request' ? 'error' : 'warning', msg(`finding.content-crc32-malformed.title.${where}`), detail, {
          where,
          value: crc,
        }),
      )
    }
  }
  return out
}
