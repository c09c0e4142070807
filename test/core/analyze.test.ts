import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { analyzeHar, BosAnalyzer, NotAHarError } from '../../src/core/analyze.ts'
import type { EntryAnalysis } from '../../src/core/types.ts'
import { BOS_HEADERS, bosError, entry, har, type EntrySpec } from '../helpers/har.ts'

const U = 'https://mybucket.bj.bcebos.com/photos/cat.jpg'
const SIG = 'a'.repeat(64)
const analyze = (s: Partial<EntrySpec>) => new BosAnalyzer().analyze(entry({ url: U, ...s }), 7)!
const ids = (a: EntryAnalysis) => a.findings.map((f) => f.id)
const finding = (a: EntryAnalysis, id: string) => a.findings.find((f) => f.id === id)

interface Case {
  name: string
  spec: Partial<EntrySpec>
  want: Partial<EntryAnalysis> & { findingIds?: string[] }
}

const cases: Case[] = [
  {
    name: 'successful PutObject',
    spec: {
      method: 'PUT',
      status: 200,
      res: { ...BOS_HEADERS, ETag: '"5eb63bbbe01eeed093cb22bb8f5acdc3"' },
      req: { 'Content-MD5': 'XrY7u+Ae7tCTyyK7j1rNww==' },
      body: '',
    },
    want: {
      operation: 'PutObject',
      status: 200,
      error: null,
      findingIds: [],
      requestId: BOS_HEADERS['x-bce-request-id'],
      debugId: BOS_HEADERS['x-bce-debug-id'],
      bucket: 'mybucket',
      key: 'photos/cat.jpg',
      region: 'bj',
    },
  },
  {
    name: 'NoSuchKey with the documented status',
    spec: { status: 404, res: BOS_HEADERS, body: bosError('NoSuchKey', 'The specified key does not exist.') },
    want: {
      operation: 'GetObject',
      findingIds: [],
      error: expect.objectContaining({ code: 'NoSuchKey', documentedStatus: 404, message: 'The specified key does not exist.' }),
    },
  },
  {
    name: 'a code with the wrong status',
    spec: { status: 500, res: BOS_HEADERS, body: bosError('NoSuchKey', 'gone') },
    want: { findingIds: ['status-mismatch'] },
  },
  {
    name: 'a code outside the table',
    spec: { status: 400, res: BOS_HEADERS, body: bosError('TotallyNewCode', 'something new') },
    want: { findingIds: ['unknown-code'], error: expect.objectContaining({ code: 'TotallyNewCode', documentedStatus: null, message: 'something new' }) },
  },
  {
    name: 'HEAD 404 has no body',
    spec: { method: 'HEAD', status: 404, res: BOS_HEADERS, body: null },
    want: {
      operation: 'GetObjectMeta',
      error: null,
      findingIds: ['no-error-body'],
      body: { format: 'head', truncated: false, note: expect.any(String), noteMessage: { key: 'body.note.head' } },
    },
  },
  {
    name: 'body not kept by DevTools',
    spec: { status: 403, res: BOS_HEADERS, body: null, bodySize: 180 },
    want: { error: null, findingIds: ['no-error-body'] },
  },
  {
    name: 'HTML page from a gateway',
    spec: {
      status: 502,
      res: { Server: 'nginx', Date: BOS_HEADERS.Date },
      body: '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head></html>',
      mimeType: 'text/html',
    },
    want: { error: null, findingIds: ['error-body-not-bos'] },
  },
  {
    name: 'truncated JSON still gives the code',
    spec: { status: 403, res: BOS_HEADERS, body: '{"code":"AccessDenied","message":"Access den' },
    want: { findingIds: ['error-body-truncated', 'anonymous-request'], error: expect.objectContaining({ code: 'AccessDenied', documentedStatus: 403 }) },
  },
  {
    name: 'base64 error body',
    spec: {
      status: 409,
      res: BOS_HEADERS,
      body: Buffer.from(bosError('BucketNotEmpty', 'The bucket you tried to delete is not empty.')).toString('base64'),
      bodyEncoding: 'base64',
      method: 'DELETE',
      url: 'https://mybucket.bj.bcebos.com/',
    },
    want: { operation: 'DeleteBucket', findingIds: [], error: expect.objectContaining({ code: 'BucketNotEmpty' }) },
  },
  {
    name: 'S3-compatible XML error with x-amz-request-id',
    spec: {
      url: 'https://s3.bj.bcebos.com/mybucket/k',
      status: 404,
      res: { Server: 'BceBos', 'x-amz-request-id': '76H4aRw/EO8=', Date: BOS_HEADERS.Date },
      body: '<?xml version="1.0"?><Error><Code>NoSuchKey</Code><Message>gone</Message></Error>',
      mimeType: 'application/xml',
    },
    want: { matchedBy: 's3', requestId: '76H4aRw/EO8=', debugId: null, error: expect.objectContaining({ code: 'NoSuchKey' }) },
  },
  {
    name: 'binary body on an error status',
    spec: { status: 500, res: BOS_HEADERS, body: 'GIF89a\u0000\u0000\u0001', mimeType: 'image/gif' },
    want: {
      error: null,
      findingIds: ['error-body-not-bos'],
      body: { format: 'binary', truncated: false, note: expect.any(String), noteMessage: expect.anything() },
    },
  },
  {
    name: 'CORS preflight is kept and marked',
    spec: { method: 'OPTIONS', status: 200, res: BOS_HEADERS, resourceType: 'preflight', req: { 'Access-Control-Request-Method': 'PUT' } },
    want: { preflight: true, operation: 'OPTIONSObject', findingIds: [], auth: null },
  },
  {
    name: 'request id falls back to the body',
    spec: { status: 404, res: { Server: 'BceBos' }, body: bosError('NoSuchBucket', 'The specified bucket does not exist.', 'body-rid') },
    want: { requestId: 'body-rid', clock: null },
  },
]

describe('BosAnalyzer.analyze', () => {
  it.each(cases)('$name', ({ spec, want }) => {
    const a = analyze(spec)
    const { findingIds, ...rest } = want
    expect(a).toMatchObject(rest)
    if (findingIds) expect(ids(a)).toEqual(findingIds)
    expect(a.index).toBe(7)
  })

  it('returns null for non-BOS and unusable entries, and never throws', () => {
    const an = new BosAnalyzer()
    expect(an.analyze(entry({ url: 'https://example.com/' }), 0)).toBeNull()
    for (const junk of [
      null,
      undefined,
      42,
      'str',
      [],
      {},
      { request: null },
      { request: { url: 5 } },
      { request: { url: 'https://b.bj.bcebos.com/k', headers: 'x' }, response: 'nope' },
    ]) {
      expect(() => an.analyze(junk, 0)).not.toThrow()
    }
    const odd = an.analyze(
      {
        request: { url: 'https://b.bj.bcebos.com/k', headers: [{ name: 5 }, null, { name: 'A', value: 3 }] },
        response: { status: 'x', headers: {}, content: { text: 7 } },
      },
      0,
    )
    expect(odd).toMatchObject({ method: 'GET', status: 0, operation: 'GetObject' })
  })
})

describe('clock findings', () => {
  const signed = (ts: string, exp = 1800) => ({ Authorization: `bce-auth-v1/AKID/${ts}/${exp}/host;x-bce-date/${SIG}`, 'x-bce-date': ts })

  it('RequestExpired from a clock 17 minutes behind, with skewSeconds', () => {
    const a = analyze({
      method: 'PUT',
      status: 403,
      started: '2026-11-26T04:00:00.000Z',
      time: 80,
      req: signed('2026-11-26T04:00:00Z', 600),
      res: { ...BOS_HEADERS, Date: 'Thu, 26 Nov 2026 04:17:00 GMT' },
      body: bosError('RequestExpired', 'Request has expired. Timestamp date is 2026-11-26T04:00:00Z'),
    })
    expect(ids(a)).toEqual(['request-expired', 'clock-skew'])
    expect(finding(a, 'request-expired')).toMatchObject({ severity: 'error', cause: 'client-clock', skewSeconds: -1020, overdueSeconds: 420 })
    expect(finding(a, 'request-expired')!.title).toContain('17 minutes behind')
    expect(finding(a, 'clock-skew')).toMatchObject({ skewSeconds: -1020 })
    expect(a.clock).toEqual({ serverDate: '2026-11-26T04:17:00.000Z', skewSeconds: -1020 })
    expect(a.auth).toMatchObject({ accessKeyId: 'AKID', expirationSeconds: 600, signedHeaders: ['host', 'x-bce-date'] })
    expect(JSON.stringify(a)).not.toContain(SIG) // the signature never leaves the core
  })

  it('RequestExpired without a server Date still says what it can', () => {
    const a = analyze({
      status: 403,
      res: { Server: 'BceBos' },
      req: signed('2026-11-26T02:00:00Z'),
      body: bosError('RequestExpired', 'Request has expired. Timestamp date is 2026-11-26T02:00:00Z'),
    })
    const f = finding(a, 'request-expired')!
    expect(f.skewSeconds).toBeUndefined()
    expect(f.cause).toBe('signer-clock')
    expect(f.signatureAgeSeconds).toBe(7200)
  })

  it('uses the timestamp the server quotes when the request carries none', () => {
    const a = analyze({ status: 403, res: BOS_HEADERS, body: bosError('RequestExpired', 'Request has expired. Timestamp date is 2026-11-26T03:00:00Z') })
    expect(finding(a, 'request-expired')).toMatchObject({ signedAt: '2026-11-26T03:00:00.000Z', cause: 'signer-clock' })
  })

  it('STS "time expired" is an expiry too', () => {
    const a = analyze({
      status: 403,
      res: BOS_HEADERS,
      req: { ...signed('2026-11-26T04:00:00Z'), 'x-bce-security-token': 'tok' },
      body: bosError('InvalidRequest', 'authenticate failed: Fail to authn user: Fail to check timestamp: time expired'),
    })
    expect(finding(a, 'request-expired')).toMatchObject({ cause: 'sts-token' })
    expect(a.auth?.sts).toBe(true)
  })

  it('clock-skew on a success, none under 60 s, none for cached answers', () => {
    expect(ids(analyze({ res: { ...BOS_HEADERS, Date: 'Thu, 26 Nov 2026 04:05:00 GMT' } }))).toEqual(['clock-skew'])
    expect(ids(analyze({ res: { ...BOS_HEADERS, Date: 'Thu, 26 Nov 2026 04:00:59 GMT' } }))).toEqual([])
    expect(ids(analyze({ res: { ...BOS_HEADERS, Date: 'Thu, 26 Nov 2026 01:00:00 GMT', Age: '10800' } }))).toEqual([])
  })

  it('presigned URL used after expiry', () => {
    const auth = encodeURIComponent(`bce-auth-v1/AKID/2026-11-26T02:00:00Z/3600/host/${SIG}`)
    const a = analyze({
      url: `${U}?authorization=${auth}`,
      status: 403,
      res: BOS_HEADERS,
      body: bosError('RequestExpired', 'Request has expired. Timestamp date is 2026-11-26T02:00:00Z'),
    })
    expect(ids(a)).toEqual(['request-expired', 'presigned-expired'])
    expect(finding(a, 'request-expired')!.cause).toBe('stale-signature')
    expect(finding(a, 'presigned-expired')).toMatchObject({ expiredAt: '2026-11-26T03:00:00.000Z', overdueSeconds: 3600 })
    expect(a.auth?.source).toBe('query')
  })

  it('malformed authorization gets a precise message', () => {
    const a = analyze({
      status: 400,
      res: BOS_HEADERS,
      req: { Authorization: 'bce-auth-v1/AKID/2026-11-26 04:00:00/1800/host/' + SIG },
      body: bosError('InvalidHTTPAuthHeader', 'The HTTP authorization header is invalid. Consult the service documentation for details.'),
    })
    expect(finding(a, 'authorization-malformed')!.detail).toMatch(/not UTC ISO 8601/)
    expect(a.auth).toBeNull()
  })
})

describe('digest findings through analyze', () => {
  it('BadDigest names the digests that were sent', () => {
    const a = analyze({
      method: 'PUT',
      status: 400,
      res: BOS_HEADERS,
      req: { 'Content-MD5': 'XrY7u+Ae7tCTyyK7j1rNww==' },
      body: bosError('BadDigest', 'The Content-MD5 you specified did not match what we received.'),
    })
    expect(ids(a)).toEqual(['bad-digest'])
    expect(finding(a, 'bad-digest')!.digests).toEqual({ 'content-md5': 'XrY7u+Ae7tCTyyK7j1rNww==' })
  })

  it('md5-mismatch on a successful upload', () => {
    const a = analyze({
      method: 'PUT',
      res: { ...BOS_HEADERS, ETag: '"125b8b749037921ccd03120fb0f90189"' },
      req: { 'Content-MD5': 'XrY7u+Ae7tCTyyK7j1rNww==' },
    })
    expect(finding(a, 'md5-mismatch')).toMatchObject({ contentMd5Hex: '5eb63bbbe01eeed093cb22bb8f5acdc3', etag: '125b8b749037921ccd03120fb0f90189' })
  })
})

describe('every seed code', () => {
  const seed = readFileSync(new URL('../fixtures/seed-error-codes.txt', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => l.split('\t') as [string, string, string])

  it('covers the whole seed table', () => expect(seed.length).toBeGreaterThanOrEqual(53))

  it.each(seed)('%s (%s) is decoded with its meaning and advice', (code, status, message) => {
    const a = analyze({ method: 'PUT', status: Number(status), res: BOS_HEADERS, body: bosError(code, message) })
    expect(a.error).toMatchObject({ code, message, documentedStatus: Number(status) })
    expect(a.error!.description.length).toBeGreaterThan(20)
    expect(a.error!.advice.length).toBeGreaterThan(20)
    expect(ids(a)).not.toContain('status-mismatch')
    expect(ids(a)).not.toContain('unknown-code')
  })
})

describe('analyzeHar', () => {
  it('keeps HAR order and indexes, skips non-BOS, counts', () => {
    const h = har([
      entry({ url: 'https://example.com/app.js' }),
      entry({ url: U, status: 404, res: BOS_HEADERS, body: bosError('NoSuchKey', 'x') }),
      entry({ url: 'https://fonts.example.com/f.woff' }),
      entry({ url: U, method: 'PUT', res: BOS_HEADERS }),
    ])
    const r = analyzeHar(h)
    expect(r.entries.map((e) => e.index)).toEqual([1, 3])
    expect(r.summary).toEqual({ entries: 4, bos: 2, errors: 1 })
  })

  it('rejects what is not a HAR', () => {
    expect(() => analyzeHar({})).toThrow(NotAHarError)
    expect(() => analyzeHar({ log: {} })).toThrow(/log.entries/)
    expect(() => analyzeHar([])).toThrow(NotAHarError)
  })
})

describe('anonymous requests', () => {
  it('AccessDenied without any signature says so; a signed one does not', () => {
    const denied = { status: 403, res: BOS_HEADERS, body: bosError('AccessDenied', 'Access denied.') }
    expect(ids(analyze(denied))).toEqual(['anonymous-request'])
    expect(ids(analyze({ ...denied, req: { Authorization: `bce-auth-v1/AKID/2026-11-26T04:00:00Z/1800/host/${SIG}` } }))).toEqual([])
  })
})
