// Table-driven checks of SigV4 (S3-compatible) secrets: headers, presigned query, PostObject form fields.
import { describe, expect, it } from 'vitest'
import { REDACTED, redactAuthorization, redactEntry, redactFormText, redactHeader, redactUrl } from '../../src/core/redact.ts'

const SIG = 'fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024'
const TOKEN = 'FwoGZXIvYXdzEJr//////////wEaDH'
const AKID = 'AKIAIOSFODNN7EXAMPLE'
const CRED = `${AKID}/20261206/us-east-1/s3/aws4_request`

describe('SigV4 Authorization header', () => {
  it.each([
    [
      `AWS4-HMAC-SHA256 Credential=${CRED}, SignedHeaders=host;x-amz-date, Signature=${SIG}`,
      `AWS4-HMAC-SHA256 Credential=${CRED}, SignedHeaders=host;x-amz-date, Signature=${REDACTED}`,
    ],
    [`AWS4-HMAC-SHA256 Credential=${CRED},SignedHeaders=host,Signature=${SIG}`, `AWS4-HMAC-SHA256 Credential=${CRED},SignedHeaders=host,Signature=${REDACTED}`],
    [`aws4-hmac-sha256 Credential=${CRED}, signature=${SIG}`, `aws4-hmac-sha256 Credential=${CRED}, Signature=${REDACTED}`],
    // Two Signature= (a hand-made or doubled header): both go.
    [
      `AWS4-HMAC-SHA256 Signature=${SIG}, Credential=${CRED}, Signature=${SIG}`,
      `AWS4-HMAC-SHA256 Signature=${REDACTED}, Credential=${CRED}, Signature=${REDACTED}`,
    ],
    // No Signature= at all: nothing in it is known to be harmless.
    [`AWS4-HMAC-SHA256 ${SIG}`, `AWS4-HMAC-SHA256 ${REDACTED}`],
    // SigV2: the scheme stays, the credential goes.
    [`AWS ${AKID}:${SIG}`, `AWS ${REDACTED}`],
  ])('%s', (value, want) => {
    expect(redactAuthorization(value)).toBe(want)
    expect(redactHeader('Authorization', value)).toBe(want)
    expect(redactHeader('authorization', value)).not.toContain(SIG)
  })

  it('masks with the mask asked for', () => {
    expect(redactAuthorization(`AWS4-HMAC-SHA256 Credential=${CRED}, Signature=${SIG}`, '••••')).toBe(`AWS4-HMAC-SHA256 Credential=${CRED}, Signature=••••`)
  })
})

describe('SigV4 secret headers', () => {
  it.each([
    ['X-Amz-Security-Token', TOKEN, REDACTED],
    ['x-amz-server-side-encryption-customer-key', 'a2V5', REDACTED],
    ['x-amz-copy-source-server-side-encryption-customer-key', 'a2V5', REDACTED],
    ['x-amz-server-side-encryption-customer-key-MD5', 'bWQ1', 'bWQ1'],
    ['x-amz-date', '20261206T040000Z', '20261206T040000Z'],
    ['x-amz-content-sha256', 'UNSIGNED-PAYLOAD', 'UNSIGNED-PAYLOAD'],
  ])('%s', (name, value, want) => expect(redactHeader(name, value)).toBe(want))
})

describe('SigV4 presigned URL', () => {
  const base = 'https://b.s3.bj.bcebos.com/dir/a.txt'
  const q = (t: string) => `${base}?${t}`
  const cred = encodeURIComponent(CRED)
  it.each([
    // The credential (access key id, date, region, service) is kept; the signature goes.
    [
      q(
        `X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${cred}&X-Amz-Date=20261206T040000Z&X-Amz-Expires=900&X-Amz-SignedHeaders=host&X-Amz-Signature=${SIG}`,
      ),
      q(
        `X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${cred}&X-Amz-Date=20261206T040000Z&X-Amz-Expires=900&X-Amz-SignedHeaders=host&X-Amz-Signature=${REDACTED}`,
      ),
    ],
    [q(`x-amz-signature=${SIG}&x-id=GetObject`), q(`x-amz-signature=${REDACTED}&x-id=GetObject`)],
    [q(`X-Amz-Security-Token=${encodeURIComponent(TOKEN)}&X-Amz-Signature=${SIG}`), q(`X-Amz-Security-Token=${REDACTED}&X-Amz-Signature=${REDACTED}`)],
    // Encoded names are decoded before they are compared.
    [q(`X%2DAmz%2DSignature=${SIG}`), q(`X%2DAmz%2DSignature=${REDACTED}`)],
    // A fragment with a query of its own.
    [`${base}#/view?X-Amz-Signature=${SIG}`, `${base}#/view?X-Amz-Signature=${REDACTED}`],
    [q(`a=1#/view?X-Amz-Signature=${SIG}`), q(`a=1#/view?X-Amz-Signature=${REDACTED}`)],
    // The authorization= query of bce-auth-v1 and SigV2's Signature= too.
    [q(`Signature=${encodeURIComponent('abc+/=')}&AWSAccessKeyId=${AKID}`), q(`Signature=${REDACTED}&AWSAccessKeyId=${AKID}`)],
  ])('%s', (url, want) => {
    expect(redactUrl(url)).toBe(want)
    if (want !== url) expect(redactUrl(url)).not.toContain(SIG)
    expect(redactUrl(url)).toContain(url.includes('Credential') ? cred : '')
  })

  it('redacts a redirect to a presigned URL and the Referer it leaves', () => {
    const url = q(`X-Amz-Credential=${cred}&X-Amz-Signature=${SIG}`)
    expect(redactHeader('Location', url)).not.toContain(SIG)
    expect(redactHeader('Referer', url)).toContain(cred)
  })
})

describe('SigV4 PostObject form', () => {
  const fields: [string, string, boolean][] = [
    ['key', 'uploads/a.txt', false],
    ['policy', 'eyJleHBpcmF0aW9uIjoiMjAyNi0xMi0wNlQwNTowMDowMFoifQ==', false],
    ['x-amz-algorithm', 'AWS4-HMAC-SHA256', false],
    ['x-amz-credential', CRED, false],
    ['x-amz-date', '20261206T040000Z', false],
    ['x-amz-security-token', TOKEN, true],
    ['x-amz-signature', SIG, true],
    ['X-Amz-Signature', SIG, true],
  ]
  const multipart = (crlf: string) =>
    fields.map(([n, v]) => `--BB${crlf}Content-Disposition: form-data; name="${n}"${crlf}${crlf}${v}${crlf}`).join('') +
    `--BB${crlf}Content-Disposition: form-data; name="file"; filename="a.txt"${crlf}Content-Type: text/plain${crlf}${crlf}hello${crlf}--BB--${crlf}`

  it.each(['\r\n', '\n'])('multipart body (line end %j)', (crlf) => {
    const out = redactFormText(multipart(crlf))
    expect(out).not.toContain(SIG)
    expect(out).not.toContain(TOKEN)
    for (const [n, v, secret] of fields) {
      expect(out).toContain(`name="${n}"${crlf}${crlf}${secret ? REDACTED : v}${crlf}--BB`)
    }
    expect(out).toContain('hello')
  })

  it('urlencoded body', () => {
    const body = fields.map(([n, v]) => `${n}=${encodeURIComponent(v)}`).join('&')
    const out = redactFormText(body)
    expect(out).not.toContain(SIG)
    expect(out).not.toContain(encodeURIComponent(TOKEN))
    expect(out).toContain(`x-amz-credential=${encodeURIComponent(CRED)}`)
  })

  it.each(fields)('postData.params %s', (name, value, secret) => {
    const entry = {
      request: {
        method: 'POST',
        url: 'https://b.s3.bj.bcebos.com/',
        headers: [],
        queryString: [],
        postData: { mimeType: 'multipart/form-data', params: [{ name, value }] },
      },
      response: { status: 204, headers: [], content: { size: 0 } },
    }
    const out = redactEntry(entry) as typeof entry
    expect(out.request.postData.params[0]!.value).toBe(secret ? REDACTED : value)
    expect(entry.request.postData.params[0]!.value).toBe(value) // the input is not changed
  })
})
