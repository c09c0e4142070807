// A 2xx body: described from its first bytes (downloads are content, never parsed whole), and read as an
// error document for the operations where BOS and S3 answer 200 and put the failure in the body.
import { decodeErrorBody, type DecodedBody, responseText } from './error-body.ts'
import { base64ToBytes, looksBinary } from './encoding.ts'
import type { Exchange } from './har.ts'
import type { OperationName } from './operation-names.ts'
import type { BodyFormat } from './types.ts'

/**
 * Operations whose 200 can carry an error. CopyObject: bce-sdk-java BosClient.copyObject
 * (CopyObjectResponseWithExceptionInfo: no eTag/lastModified but a message → BceServiceException) and
 * bce-sdk-python bos_handler.parse_copy_object_response ('code' in the body → BceServerError). UploadPartCopy
 * copies like CopyObject; on the S3 endpoint AWS documents 200-with-<Error> for CopyObject, UploadPartCopy and
 * CompleteMultipartUpload, and SDK v3 (throw-200-exceptions) turns such a body into an error.
 */
const ERROR_IN_200: ReadonlySet<OperationName> = new Set<OperationName>(['CopyObject', 'UploadPartCopy', 'CompleteMultipartUpload'])

/** Enough of a body to tell its format: one binary check's worth of characters. */
const SNIFF_CHARS = 1024

const textDecoder = new TextDecoder('utf-8')

const described = (format: BodyFormat): DecodedBody => ({
  format,
  truncated: false,
  note: null,
  noteMessage: null,
  code: null,
  message: null,
  requestId: null,
  text: null,
})

/** The format of a body from its start. */
export function sniffFormat(head: string): BodyFormat {
  if (looksBinary(head)) return 'binary'
  const t = head.trimStart()
  if (t === '') return 'text'
  if (t[0] === '{' || t[0] === '[') return 'json'
  if (/^<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i.test(t)) return 'html'
  if (/^<[?!A-Za-z]/.test(t)) return 'xml'
  return 'text'
}

/** The first characters of a response body as text, or 'binary' / 'invalid-base64'. */
function bodyHead(text: string, encoding: string | null): string | 'binary' | 'invalid-base64' {
  if (encoding !== 'base64') return text.slice(0, SNIFF_CHARS)
  // A multiple of 4 base64 characters decodes on its own; a character cut at the end becomes U+FFFD.
  const bytes = base64ToBytes(text.slice(0, (SNIFF_CHARS / 3) * 4 + 4))
  if (!bytes) return 'invalid-base64'
  if (bytes.includes(0)) return 'binary'
  return textDecoder.decode(bytes)
}

/** A 2xx body, described; its error document read when the operation can fail with a 200. */
export function decodeSuccessBody(x: Exchange, operation: OperationName | null): DecodedBody {
  if (operation && ERROR_IN_200.has(operation)) {
    const d = decodeErrorBody(x)
    if (d.code && isErrorDocument(d)) return d
    // Described as any other 2xx body (parseBodyText calls an XML result without a declaration text).
    return { ...described(d.text === null ? d.format : sniffFormat(d.text.slice(0, SNIFF_CHARS))), text: d.text }
  }
  const c = x.responseContent
  if (x.method === 'HEAD' || !c.text) {
    // Only the format: the notes explain error bodies, and a success's empty body needs no sentence.
    const r = responseText(x)
    return described('body' in r ? r.body.format : 'text')
  }
  const head = bodyHead(c.text, c.encoding)
  if (head === 'invalid-base64' || head === 'binary') return described('binary')
  return described(sniffFormat(head))
}

/** An error, not a result: BOS JSON with a code and no eTag (what the SDKs test), or an S3 <Error> root. */
function isErrorDocument(d: DecodedBody): boolean {
  const t = d.text ?? ''
  if (d.format === 'xml') return /^\s*(<\?xml[^>]*\?>\s*)?<Error[\s>]/.test(t)
  if (d.format !== 'json') return false
  return !/"(eTag|ETag|etag)"\s*:/.test(t)
}
