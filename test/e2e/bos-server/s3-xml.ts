// S3 XML as the S3-compatible endpoint writes and reads it (s3-compat.md §4–5): the <Error> body, the
// multipart results, and the CompleteMultipartUpload part list a client sends.

const NS = 'http://s3.amazonaws.com/doc/2006-03-01/'
const DECL = '<?xml version="1.0" encoding="UTF-8"?>\n'

export const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')

export const xmlUnescape = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(Number.parseInt(h, 16)))
    .replace(/&amp;/g, '&')

const el = (name: string, value: string | number | boolean) => `<${name}>${xmlEscape(String(value))}</${name}>`

/** S3's error body: Code, Message, then the code's own elements, then RequestId and HostId. */
export function s3ErrorXml(code: string, message: string, requestId: string, hostId: string, fields: [string, string][] = []): string {
  return `${DECL}<Error>${el('Code', code)}${el('Message', message)}${fields.map(([k, v]) => el(k, v)).join('')}${el('RequestId', requestId)}${el('HostId', hostId)}</Error>`
}

export function initiateResultXml(bucket: string, key: string, uploadId: string): string {
  return `${DECL}<InitiateMultipartUploadResult xmlns="${NS}">${el('Bucket', bucket)}${el('Key', key)}${el('UploadId', uploadId)}</InitiateMultipartUploadResult>`
}

export function completeResultXml(location: string, bucket: string, key: string, etag: string): string {
  return `${DECL}<CompleteMultipartUploadResult xmlns="${NS}">${el('Location', location)}${el('Bucket', bucket)}${el('Key', key)}${el('ETag', etag)}</CompleteMultipartUploadResult>`
}

export interface ListedPart {
  partNumber: number
  lastModified: number
  /** Quoted, as S3 lists it. */
  etag: string
  size: number
}

export function listPartsXml(o: {
  bucket: string
  key: string
  uploadId: string
  marker: number
  maxParts: number
  truncated: boolean
  parts: ListedPart[]
}): string {
  const iso = (ms: number) => new Date(ms).toISOString()
  const next = o.parts.length ? o.parts[o.parts.length - 1]!.partNumber : o.marker
  const parts = o.parts
    .map((p) => `<Part>${el('PartNumber', p.partNumber)}${el('LastModified', iso(p.lastModified))}${el('ETag', p.etag)}${el('Size', p.size)}</Part>`)
    .join('')
  return (
    `${DECL}<ListPartsResult xmlns="${NS}">${el('Bucket', o.bucket)}${el('Key', o.key)}${el('UploadId', o.uploadId)}` +
    `${el('PartNumberMarker', o.marker)}${el('NextPartNumberMarker', next)}${el('MaxParts', o.maxParts)}${el('IsTruncated', o.truncated)}` +
    `${parts}<Initiator><ID>owner-id</ID><DisplayName>owner</DisplayName></Initiator><Owner><ID>owner-id</ID><DisplayName>owner</DisplayName></Owner>` +
    `<StorageClass>STANDARD</StorageClass></ListPartsResult>`
  )
}

/** One <Part> of a CompleteMultipartUpload request; etag is the element's text (quotes kept), null when absent. */
export interface CompletePart {
  partNumber: number
  etag: string | null
}

/** The part list of a CompleteMultipartUpload body, or null when it is not that document. */
export function parseCompleteXml(text: string): CompletePart[] | null {
  const body = /<CompleteMultipartUpload(?:\s[^>]*)?>([\s\S]*)<\/CompleteMultipartUpload>/.exec(text)
  if (!body) return null
  const parts: CompletePart[] = []
  for (const m of body[1]!.matchAll(/<Part>([\s\S]*?)<\/Part>/g)) {
    const inner = m[1]!
    const n = /<PartNumber>\s*(\d+)\s*<\/PartNumber>/.exec(inner)
    if (!n) return null
    const etag = /<ETag>([\s\S]*?)<\/ETag>/.exec(inner)
    parts.push({ partNumber: Number(n[1]), etag: etag ? xmlUnescape(etag[1]!) : null })
  }
  return parts
}
