// What the BOS-related headers of an exchange mean, decoded where the raw value hides something.
import { base64ToBytes, bytesToHex, bytesToText } from './encoding.ts'
import type { HeaderMap } from './har.ts'
import { decodeProcess, describeProcess } from './process.ts'

export interface HeaderExplanation {
  direction: 'request' | 'response'
  name: string
  value: string
  meaning: string
  /** A decoded form of the value, when it differs from the raw one. */
  decoded: string | null
}

type Decoder = (value: string) => string | null

const STORAGE_CLASSES: Record<string, string> = {
  STANDARD: 'Standard',
  STANDARD_IA: 'Infrequent access',
  COLD: 'Cold',
  ARCHIVE: 'Archive (must be restored before reading)',
  MAZ_STANDARD: 'Multi-AZ standard',
  MAZ_STANDARD_IA: 'Multi-AZ infrequent access',
}

const md5Decoder: Decoder = (v) => {
  const b = base64ToBytes(v)
  return b && b.length === 16 ? `MD5 ${bytesToHex(b)}` : null
}

const debugIdDecoder: Decoder = (v) => {
  const b = base64ToBytes(v)
  if (!b) return null
  const t = bytesToText(b)
  // Older debug ids decode to "IP:date:n"; newer ones are opaque binary.
  return t && /^[\x20-\x7e]+$/.test(t) ? t : null
}

const dateDecoder: Decoder = (v) => {
  const ms = Date.parse(v)
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null
}

const crcDecoder: Decoder = (v) => (/^\d{1,10}$/.test(v) && Number(v) <= 0xffffffff ? `0x${Number(v).toString(16).padStart(8, '0')}` : null)

const authDecoder: Decoder = (v) => {
  const p = v.trim().split('/')
  if (p[0] !== 'bce-auth-v1' || p.length !== 6) return null
  const exp = p[3] === '-1' ? 'never expires' : `valid ${p[3]} s`
  return `access key ${p[1]}, signed ${p[2]}, ${exp}, signed headers: ${p[4] || '(server default set)'}, signature ••••`
}

const KNOWN: Record<string, { meaning: string; decode?: Decoder }> = {
  authorization: { meaning: 'The bce-auth-v1 signature of this request.', decode: authDecoder },
  'x-bce-date': { meaning: 'The request time the signature covers (ISO 8601 UTC); takes precedence over Date.', decode: dateDecoder },
  date: { meaning: "The server's clock when it answered (response) or the client's (request).", decode: dateDecoder },
  'x-bce-request-id': { meaning: 'Unique id BOS gives every request.' },
  'x-bce-debug-id': { meaning: 'Troubleshooting id: quote it in a support ticket.', decode: debugIdDecoder },
  'x-amz-request-id': { meaning: 'Request id of the S3-compatible endpoint.' },
  server: { meaning: 'BceBos when BOS itself answered; a CDN or proxy name otherwise.' },
  etag: { meaning: 'Entity tag: the hex MD5 of a single-request upload; a leading "-" marks a multipart object (not a file MD5).' },
  'content-md5': { meaning: 'Base64 of the 16-byte MD5 digest of the body (RFC 1864).', decode: md5Decoder },
  'x-bce-content-sha256': { meaning: 'Hex SHA-256 of the body; BOS rejects a mismatch with BadDigest.' },
  'x-bce-content-crc32': { meaning: 'CRC32 (IEEE) of the object as an unsigned decimal number.', decode: crcDecoder },
  'x-bce-content-crc32c': { meaning: 'CRC32C (Castagnoli) of the object, decimal.', decode: crcDecoder },
  'x-bce-content-crc32c-flag': { meaning: 'Asks BOS to compute the CRC32C of the object.' },
  'x-bce-content-crc64ecma': { meaning: 'CRC64-ECMA of the object, decimal.' },
  'x-bce-storage-class': { meaning: 'Storage class of the object.', decode: (v) => STORAGE_CLASSES[v.trim().toUpperCase()] ?? null },
  'x-bce-version-id': { meaning: 'Version id of the object (versioned buckets).' },
  'x-bce-versioning': { meaning: 'Versioning state of the bucket.' },
  'x-bce-object-type': { meaning: 'Normal, Appendable (AppendObject) or Symlink.' },
  'x-bce-next-append-offset': { meaning: 'The offset the next AppendObject on this key must send.' },
  'x-bce-security-token': { meaning: 'STS session token of temporary credentials (a secret: redacted when copied).', decode: () => '••••' },
  'x-bce-acl': { meaning: 'Canned ACL: private, public-read or public-read-write.' },
  'x-bce-grant-read': { meaning: 'Users granted read access.' },
  'x-bce-grant-full-control': { meaning: 'Users granted full control.' },
  'x-bce-copy-source': { meaning: 'Source /bucket/key of a copy (URI-encoded except "/").' },
  'x-bce-copy-source-if-match': { meaning: 'Copy only if the source ETag matches; otherwise 412 PreconditionFailed.' },
  'x-bce-copy-source-if-none-match': { meaning: 'Copy only if the source ETag differs.' },
  'x-bce-copy-source-if-modified-since': { meaning: 'Copy only if the source changed since this time.' },
  'x-bce-copy-source-if-unmodified-since': { meaning: 'Copy only if the source has not changed since this time.' },
  'x-bce-copy-source-range': { meaning: 'Byte range of the source for UploadPartCopy.' },
  'x-bce-metadata-directive': { meaning: 'copy or replace the metadata on copy.' },
  'x-bce-tagging-directive': { meaning: 'copy or replace the tags on copy.' },
  'x-bce-tagging': { meaning: 'Object tags, URL-encoded k=v pairs.' },
  'x-bce-tagging-count': { meaning: 'Number of tags on the object.' },
  'x-bce-server-side-encryption': { meaning: 'Server-side encryption algorithm (AES256 or SM4).' },
  'x-bce-server-side-encryption-customer-key': { meaning: 'SSE-C key (a secret).', decode: () => '••••' },
  'x-bce-server-side-encryption-customer-key-md5': { meaning: 'MD5 of the SSE-C key.' },
  'x-bce-server-side-encryption-bos-kms-key-id': { meaning: 'KMS key id used for encryption.' },
  'x-bce-restore': { meaning: 'Restore state of an archived object.' },
  'x-bce-restore-days': { meaning: 'How many days a restored copy is kept.' },
  'x-bce-restore-tier': { meaning: 'Restore speed tier.' },
  'x-bce-symlink-target': { meaning: 'Target key of a symlink.' },
  'x-bce-symlink-bucket': { meaning: 'Target bucket of a symlink.' },
  'x-bce-forbid-overwrite': { meaning: 'true: fail instead of overwriting an existing object.' },
  'x-bce-traffic-limit': { meaning: 'Bandwidth cap for this request in bit/s (819200 to 838860800).' },
  'x-bce-process': { meaning: 'Image processing or upload callback instructions.', decode: (v) => describeProcess(decodeProcess(v, 'header')) },
  'x-bce-fetch-source': { meaning: 'URL that FetchObject copies from.' },
  'x-bce-fetch-mode': { meaning: 'sync or async FetchObject.' },
  'x-bce-object-expires': { meaning: 'Delete the object after this many days.' },
  'x-bce-expiration-date': { meaning: 'When lifecycle rules will delete the object.' },
  'x-bce-flow-control-type': { meaning: 'Flow control applied to this request (undocumented; shown as sent).' },
  'x-bce-is-transition': { meaning: 'Whether the object moved storage class by lifecycle (undocumented).' },
  'x-bce-request-payer': { meaning: 'requester: the requester pays for the traffic.' },
  'access-control-allow-origin': { meaning: 'CORS: the origin allowed to read this response; absent when no CORS rule matched.' },
  'access-control-expose-headers': { meaning: 'CORS: response headers page JavaScript may read (ETag must be here for multipart uploads).' },
  'access-control-allow-headers': { meaning: 'CORS: request headers allowed by the bucket rule.' },
  'access-control-allow-methods': { meaning: 'CORS: methods allowed by the bucket rule.' },
  'access-control-request-headers': { meaning: 'CORS preflight: headers the real request will send.' },
  'access-control-request-method': { meaning: 'CORS preflight: method of the real request.' },
  origin: { meaning: 'The page origin that made the request (checked against the bucket CORS rules).' },
  'content-type': { meaning: 'Media type; it is part of the signature when signed, so a browser-added charset breaks it.' },
  'content-length': { meaning: 'Body size in bytes.' },
  age: { meaning: 'Seconds a cache held this response: its Date is not the server clock now.' },
}

/** Explains the BOS-relevant headers (every x-bce-* and the known standard ones), request first. */
export function explainHeaders(request: HeaderMap, response: HeaderMap): HeaderExplanation[] {
  const out: HeaderExplanation[] = []
  for (const [direction, headers] of [
    ['request', request],
    ['response', response],
  ] as const) {
    for (const { name, value } of headers.list) {
      const key = name.toLowerCase()
      const known = KNOWN[key]
      let meaning = known?.meaning
      if (!meaning && key.startsWith('x-bce-meta-')) meaning = 'User metadata (x-bce-meta-*, 2 KB in all, names lower-cased by BOS).'
      if (!meaning && key.startsWith('x-bce-')) meaning = 'A BOS header not in this tool’s table; shown as sent.'
      if (!meaning) continue
      let decoded: string | null = null
      try {
        decoded = known?.decode?.(value) ?? null
      } catch {
        decoded = null
      }
      out.push({ direction, name, value, meaning, decoded: decoded === value ? null : decoded })
    }
  }
  return out
}
