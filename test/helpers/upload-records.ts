// Records for the upload-debugging views (the multipart ones are in ./multipart-records.ts): a multipart session, a PostObject form and a request signed
// with the wrong secret key, analysed by the real core with one shared analyzer (prescan first, as a
// whole capture would be), wrapped like the capture store's CapturedRecords.
import { createHmac } from 'node:crypto'
import { decodeAuthString } from '../../src/core/auth.ts'
import { toExchange } from '../../src/core/har.ts'
import { canonicalRequest } from '../../src/core/signing.ts'
import { BOS_HEADERS, bosError, entry, type EntrySpec } from './har.ts'

export * from './multipart-records.ts'

// ---------- a PostObject form: policy expired, file over its content-length-range ----------

const B = '----WebKitFormBoundary7MA4YWxkTrZu0gW'
export const POST_SIGNATURE = 'c0ffee'.repeat(10) + 'beef'
export const POST_TOKEN = 'U1RTLXNlc3Npb24tdG9rZW4tc2VjcmV0'
export const POLICY = {
  expiration: '2026-11-26T04:00:00Z',
  conditions: [
    { bucket: 'mybucket' },
    ['starts-with', '$key', 'uploads/'],
    ['content-length-range', 0, 5],
    ['eq', '$x-bce-security-token', POST_TOKEN],
    ['in', '$x', 'y'],
  ],
}

export function postObjectSpec(): EntrySpec {
  const fields: [string, string][] = [
    ['accessKey', 'AKIDEXAMPLE'],
    ['policy', Buffer.from(JSON.stringify(POLICY)).toString('base64')],
    ['signature', POST_SIGNATURE],
    ['x-bce-security-token', POST_TOKEN],
    ['key', 'uploads/form.txt'],
  ]
  const text =
    fields.map(([n, v]) => `--${B}\r\nContent-Disposition: form-data; name="${n}"\r\n\r\n${v}\r\n`).join('') +
    `--${B}\r\nContent-Disposition: form-data; name="file"; filename="form.txt"\r\nContent-Type: text/plain\r\n\r\nhello post object\r\n--${B}--\r\n`
  return {
    method: 'POST',
    url: 'https://mybucket.bj.bcebos.com/',
    started: '2026-11-26T04:01:00.000Z',
    status: 400,
    req: { 'Content-Type': `multipart/form-data; boundary=${B}` },
    postData: { mimeType: `multipart/form-data; boundary=${B}`, text },
    res: { ...BOS_HEADERS, Date: 'Thu, 26 Nov 2026 04:01:20 GMT' },
    body: bosError('MaxMessageLengthExceeded', 'Your request was too big.'),
  }
}

// ---------- a PutObject signed with the wrong secret key ----------

export const REAL_SK = 'SKEXAMPLE'
export const WRONG_SK = 'WRONG-SECRET-KEY'

/** A PutObject the page signed (correctly) with WRONG_SK: BOS, holding REAL_SK, answers SignatureDoesNotMatch. */
export function wrongKeySpec(sk = WRONG_SK, token?: string): EntrySpec {
  const ts = '2026-11-26T04:02:00Z'
  const signed = token ? 'content-type;host;x-bce-date;x-bce-security-token' : 'content-type;host;x-bce-date'
  const req: Record<string, string> = {
    Host: 'mybucket.bj.bcebos.com',
    'Content-Type': 'text/plain',
    'x-bce-date': ts,
    ...(token ? { 'x-bce-security-token': token } : {}),
  }
  const spec: EntrySpec = {
    method: 'PUT',
    url: 'https://mybucket.bj.bcebos.com/docs/hello%20world.txt',
    started: '2026-11-26T04:02:00.100Z',
    status: 403,
    req,
    res: { ...BOS_HEADERS, Date: 'Thu, 26 Nov 2026 04:02:00 GMT' },
    body: bosError('SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.'),
  }
  const prefix = `bce-auth-v1/AKIDEXAMPLE/${ts}/1800`
  const placeholder = decodeAuthString(`${prefix}/${signed}/${'0'.repeat(64)}`, 'header', !!token)
  if (!placeholder.ok) throw new Error(placeholder.problem)
  const canonical = canonicalRequest(toExchange(entry(spec))!, placeholder.auth).text
  const signingKey = createHmac('sha256', sk).update(prefix).digest('hex')
  const signature = createHmac('sha256', signingKey).update(canonical).digest('hex')
  return { ...spec, req: { ...req, Authorization: `${prefix}/${signed}/${signature}` } }
}

/**
 * A SignatureDoesNotMatch whose signer signed Host without the port while the browser sent it with one
 * (an endpoint configured without the dev proxy's port): only the key check can tell.
 */
export function hostSignedSpec(sk = REAL_SK): EntrySpec {
  const ts = '2026-11-26T04:02:00Z'
  const signed = 'host;x-bce-date'
  const spec: EntrySpec = {
    method: 'GET',
    url: 'http://mybucket.bj.bcebos.com:8080/a.txt',
    started: '2026-11-26T04:02:00.100Z',
    status: 403,
    req: { Host: 'mybucket.bj.bcebos.com:8080', 'x-bce-date': ts },
    res: { ...BOS_HEADERS, Date: 'Thu, 26 Nov 2026 04:02:00 GMT' },
    body: bosError('SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.'),
  }
  const prefix = `bce-auth-v1/AKIDEXAMPLE/${ts}/1800`
  const placeholder = decodeAuthString(`${prefix}/${signed}/${'0'.repeat(64)}`, 'header', false)
  if (!placeholder.ok) throw new Error(placeholder.problem)
  const asSigned = { ...spec, req: { ...spec.req, Host: 'mybucket.bj.bcebos.com' } }
  const canonical = canonicalRequest(toExchange(entry(asSigned))!, placeholder.auth).text
  const signingKey = createHmac('sha256', sk).update(prefix).digest('hex')
  const signature = createHmac('sha256', signingKey).update(canonical).digest('hex')
  return { ...spec, req: { ...spec.req, Authorization: `${prefix}/${signed}/${signature}` } }
}
