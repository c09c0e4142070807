// 2xx bodies: described by format (never "empty" when there is one), and read as errors where BOS and S3
// answer 200 with a failure in the body (CopyObject, UploadPartCopy, CompleteMultipartUpload).
import { describe, expect, it } from 'vitest'
import { analyzeHar } from '../../src/core/analyze.ts'
import { BOS_HEADERS, bosError, entry, har, type EntrySpec } from '../helpers/har.ts'

const SIGNED = {
  Authorization: 'bce-auth-v1/AKID/2026-11-26T04:00:00Z/1800/host;x-bce-date/0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
  'x-bce-date': '2026-11-26T04:00:00Z',
}
const COPY = { ...SIGNED, 'x-bce-copy-source': '/src/a.txt' }
const S3_HEADERS = { 'x-amz-request-id': 'ABC123', 'x-amz-id-2': 'host-id', Date: 'Thu, 26 Nov 2026 04:00:00 GMT' }
const S3_ERROR = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>InternalError</Code><Message>We encountered an internal error. Please try again.</Message><RequestId>ABC123</RequestId></Error>`

const one = (s: EntrySpec) => analyzeHar(har([entry(s)])).entries[0]!

describe('a 2xx body is described by what it is', () => {
  const cases: { name: string; spec: EntrySpec; format: string }[] = [
    {
      name: 'JSON listing',
      spec: { url: 'https://mybucket.bj.bcebos.com/?maxKeys=10', res: BOS_HEADERS, body: '{"name":"mybucket","contents":[]}' },
      format: 'json',
    },
    {
      name: 'S3 XML result',
      spec: {
        url: 'https://mybucket.s3.bj.bcebos.com/?list-type=2',
        res: S3_HEADERS,
        body: '<ListBucketResult><Name>mybucket</Name></ListBucketResult>',
        mimeType: 'application/xml',
      },
      format: 'xml',
    },
    {
      name: 'a downloaded text file',
      spec: { url: 'https://mybucket.bj.bcebos.com/readme.txt', res: BOS_HEADERS, body: 'hello', mimeType: 'text/plain' },
      format: 'text',
    },
    {
      name: 'an HTML object',
      spec: { url: 'https://mybucket.bj.bcebos.com/index.html', res: BOS_HEADERS, body: '<!DOCTYPE html><html></html>', mimeType: 'text/html' },
      format: 'html',
    },
    {
      name: 'a base64 PNG',
      spec: {
        url: 'https://mybucket.bj.bcebos.com/a.png',
        res: BOS_HEADERS,
        body: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGBgAAAABQABpfZFQAAAAABJRU5ErkJggg==',
        bodyEncoding: 'base64',
        mimeType: 'image/png',
      },
      format: 'binary',
    },
    {
      name: 'base64 JSON',
      spec: { url: 'https://mybucket.bj.bcebos.com/a.json', res: BOS_HEADERS, body: btoa('{"a":1}'), bodyEncoding: 'base64' },
      format: 'json',
    },
    { name: 'an empty 200', spec: { method: 'PUT', url: 'https://mybucket.bj.bcebos.com/a.txt', req: SIGNED, res: BOS_HEADERS, body: null }, format: 'empty' },
    {
      name: 'a body the HAR did not keep',
      spec: { url: 'https://mybucket.bj.bcebos.com/big.bin', res: BOS_HEADERS, body: null, bodySize: 5000 },
      format: 'unavailable',
    },
    { name: 'HEAD', spec: { method: 'HEAD', url: 'https://mybucket.bj.bcebos.com/a.txt', res: BOS_HEADERS, body: null }, format: 'head' },
  ]
  it.each(cases)('$name → $format', ({ spec, format }) => {
    const a = one(spec)
    expect(a.body.format).toBe(format)
    // Notes explain error bodies: a success carries none.
    expect(a.body.note).toBeNull()
    expect(a.error).toBeNull()
    expect(a.findings.map((f) => f.id)).not.toContain('error-in-success-body')
  })

  it('a downloaded JSON object that happens to have a code is content, not an error', () => {
    const a = one({ url: 'https://mybucket.bj.bcebos.com/data.json', res: BOS_HEADERS, body: bosError('AccessDenied', 'user data') })
    expect(a.operation).toBe('GetObject')
    expect(a.error).toBeNull()
    expect(a.body.format).toBe('json')
  })
})

describe('200 with an error body', () => {
  it('CopyObject (BOS JSON): the error is reported and the entry counts as failed', () => {
    const h = har([
      entry({
        method: 'PUT',
        url: 'https://mybucket.bj.bcebos.com/copy.txt',
        req: COPY,
        res: BOS_HEADERS,
        body: bosError('InternalError', 'We encountered an internal error. Please try again.'),
      }),
    ])
    const r = analyzeHar(h)
    const a = r.entries[0]!
    expect(a.operation).toBe('CopyObject')
    expect(a.status).toBe(200)
    expect(a.body.format).toBe('json')
    expect(a.error?.code).toBe('InternalError')
    expect(a.error?.message).toBe('We encountered an internal error. Please try again.')
    const f = a.findings.find((x) => x.id === 'error-in-success-body')
    expect(f).toMatchObject({ severity: 'error', code: 'InternalError' })
    expect(f?.title).toBe('HTTP 200, but CopyObject failed: InternalError')
    // BOS answers 200 here by design: no "documented 500" complaint.
    expect(a.findings.map((x) => x.id)).not.toContain('status-mismatch')
    expect(r.summary.errors).toBe(1)
  })

  it('a CopyObject result is a success', () => {
    const a = one({
      method: 'PUT',
      url: 'https://mybucket.bj.bcebos.com/copy.txt',
      req: COPY,
      res: BOS_HEADERS,
      body: '{"lastModified":"2026-11-26T04:00:00Z","eTag":"d41d8cd98f00b204e9800998ecf8427e"}',
    })
    expect(a.error).toBeNull()
    expect(a.body.format).toBe('json')
    expect(a.findings).toEqual([])
  })

  it('CopyObject on the S3 endpoint: an <Error> root after keep-alive whitespace', () => {
    const a = one({
      method: 'PUT',
      url: 'https://mybucket.s3.bj.bcebos.com/copy.txt',
      req: { 'x-amz-copy-source': '/src/a.txt' },
      res: S3_HEADERS,
      body: `  \n${S3_ERROR}`,
      mimeType: 'application/xml',
    })
    expect(a.operation).toBe('CopyObject')
    expect(a.error?.code).toBe('InternalError')
    expect(a.findings.map((f) => f.id)).toContain('error-in-success-body')
  })

  it('an S3 CopyObjectResult (no XML declaration) is a success, described as XML', () => {
    const a = one({
      method: 'PUT',
      url: 'https://mybucket.s3.bj.bcebos.com/copy.txt',
      req: { 'x-amz-copy-source': '/src/a.txt' },
      res: S3_HEADERS,
      body: '<CopyObjectResult><ETag>"abc"</ETag></CopyObjectResult>',
      mimeType: 'application/xml',
    })
    expect(a.error).toBeNull()
    expect(a.body.format).toBe('xml')
  })

  it('UploadPartCopy answered 200 with an error: the part is failed in its session', () => {
    const base = 'https://mybucket.bj.bcebos.com/big.bin'
    const h = har([
      entry({ method: 'POST', url: `${base}?uploads`, req: SIGNED, res: BOS_HEADERS, body: '{"bucket":"mybucket","key":"big.bin","uploadId":"u-1"}' }),
      entry({
        method: 'PUT',
        url: `${base}?partNumber=1&uploadId=u-1`,
        req: COPY,
        res: BOS_HEADERS,
        body: bosError('InternalError', 'We encountered an internal error. Please try again.'),
      }),
      entry({
        method: 'POST',
        url: `${base}?uploadId=u-1`,
        req: SIGNED,
        res: BOS_HEADERS,
        body: '{"bucket":"mybucket","key":"big.bin","eTag":"x"}',
        postData: { mimeType: 'application/json', text: '{"parts":[{"partNumber":1,"eTag":"undefined"}]}' },
      }),
    ])
    const r = analyzeHar(h)
    expect(r.entries[1]!.operation).toBe('UploadPartCopy')
    expect(r.entries[1]!.error?.code).toBe('InternalError')
    // The listed part had no successful upload: the copy failed, whatever its status said.
    expect(r.entries[2]!.findings.map((f) => f.id)).toContain('parts-not-uploaded')
  })

  it('CompleteMultipartUpload on the S3 endpoint answered 200 with <Error>: the upload failed', () => {
    const base = 'https://mybucket.s3.bj.bcebos.com/big.bin'
    const h = har([
      entry({
        method: 'POST',
        url: `${base}?uploads`,
        res: S3_HEADERS,
        body: '<InitiateMultipartUploadResult><UploadId>u-2</UploadId></InitiateMultipartUploadResult>',
        mimeType: 'application/xml',
      }),
      entry({ method: 'POST', url: `${base}?uploadId=u-2`, res: S3_HEADERS, body: S3_ERROR, mimeType: 'application/xml' }),
    ])
    const r = analyzeHar(h)
    expect(r.entries[1]!.operation).toBe('CompleteMultipartUpload')
    expect(r.entries[1]!.error?.code).toBe('InternalError')
    expect(r.uploads[0]!.outcome).toBe('failed')
  })

  it('PutObject is not read for an error: its 200 is a success', () => {
    const a = one({ method: 'PUT', url: 'https://mybucket.bj.bcebos.com/a.json', req: SIGNED, res: BOS_HEADERS, body: bosError('InternalError', 'x') })
    expect(a.operation).toBe('PutObject')
    expect(a.error).toBeNull()
  })
})
