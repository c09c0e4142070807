// AWS SigV4 on BOS's S3-compatible endpoint: decoding (header and presigned query), the canonical request
// against AWS's published vectors, and the diagnoses the analysis gives for SigV4 clients.
import { hmac } from '@noble/hashes/hmac.js'
import { sha256 } from '@noble/hashes/sha2.js'
import { describe, expect, it } from 'vitest'
import { analyzeHar } from '../../src/core/analyze.ts'
import { findAuth } from '../../src/core/auth.ts'
import { bytesToHex } from '../../src/core/encoding.ts'
import { english } from '../../src/core/finding.ts'
import { HeaderMap, toExchange } from '../../src/core/har.ts'
import { localizeAnalysis, localizeFinding } from '../../src/core/localize.ts'
import { redactHar } from '../../src/core/redact.ts'
import { sigv4CanonicalRequest } from '../../src/core/sigv4-canonical.ts'
import { parseAmzDate } from '../../src/core/sigv4.ts'
import type { DecodedAuth, EntryAnalysis } from '../../src/core/types.ts'
import { entry, type EntrySpec, har } from '../helpers/har.ts'

const SIG = 'f'.repeat(64)
const EMPTY = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
const auth4 = (region = 'bj', date = '20261204', headers = 'host;x-amz-content-sha256;x-amz-date', sig = SIG) =>
  `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/${date}/${region}/s3/aws4_request, SignedHeaders=${headers}, Signature=${sig}`
const hdrs = (h: Record<string, string>) => new HeaderMap(Object.entries(h).map(([name, value]) => ({ name, value })))
const s3Error = (code: string, message: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message><RequestId>req-1</RequestId><HostId>dbg-1</HostId></Error>`
const S3_RES = { Server: 'BceBos', 'x-amz-request-id': 'req-1', 'Content-Type': 'application/xml' }

const analyse = (s: EntrySpec): EntryAnalysis => {
  const r = analyzeHar(har([entry({ mimeType: 'application/xml', ...s })]))
  expect(r.entries).toHaveLength(1)
  return r.entries[0]!
}
const ids = (a: EntryAnalysis) => a.findings.map((f) => f.id)

// ---- decoding -------------------------------------------------------------------------------------

describe('SigV4 header decoding', () => {
  it('a correct SDK signature on the S3 endpoint: every field, no problem', () => {
    const r = findAuth(hdrs({ Authorization: auth4(), 'x-amz-date': '20261204T225328Z', 'x-amz-content-sha256': EMPTY }), new URLSearchParams(), 's3')
    expect(r).toMatchObject({
      ok: true,
      auth: {
        source: 'header',
        version: 'AWS4-HMAC-SHA256',
        accessKeyId: 'AKIDEXAMPLE',
        timestamp: '20261204T225328Z',
        expirationSeconds: null,
        signedHeaders: ['host', 'x-amz-content-sha256', 'x-amz-date'],
        sts: false,
        region: 'bj',
        service: 's3',
        scope: '20261204/bj/s3/aws4_request',
        payloadHash: EMPTY,
        signedAtMs: Date.UTC(2026, 11, 4, 22, 53, 28),
      },
    })
  })

  it('STS: x-amz-security-token marks it', () => {
    const r = findAuth(hdrs({ Authorization: auth4(), 'x-amz-date': '20261204T225328Z', 'x-amz-security-token': 'tok' }), new URLSearchParams(), 's3')
    expect(r?.ok && r.auth.sts).toBe(true)
  })

  // Each broken string says what is wrong with it.
  it.each([
    [
      'no comma-separated fields',
      'AWS4-HMAC-SHA256 Credential=AK/20261204/bj/s3/aws4_request SignedHeaders=host Signature=x',
      { 'x-amz-date': '20261204T225328Z' },
      /not of the form/,
    ],
    [
      'a missing Signature',
      'AWS4-HMAC-SHA256 Credential=AK/20261204/bj/s3/aws4_request, SignedHeaders=host',
      { 'x-amz-date': '20261204T225328Z' },
      /no Signature/,
    ],
    ['a short credential', auth4().replace('/s3/aws4_request', '/aws4_request'), { 'x-amz-date': '20261204T225328Z' }, /credential .* is not/],
    ['another service', auth4().replace('/s3/', '/execute-api/'), { 'x-amz-date': '20261204T225328Z' }, /service "execute-api"/],
    ['unsorted signed headers', auth4('bj', '20261204', 'x-amz-date;host'), { 'x-amz-date': '20261204T225328Z' }, /not sorted/],
    ['upper-case signed headers', auth4('bj', '20261204', 'Host;x-amz-date'), { 'x-amz-date': '20261204T225328Z' }, /lower-case names/],
    ['a short signature', auth4('bj', '20261204', 'host', 'abc'), { 'x-amz-date': '20261204T225328Z' }, /3 characters/],
    ['no x-amz-date', auth4(), {}, /no x-amz-date/],
    ['an extended-format x-amz-date', auth4(), { 'x-amz-date': '2026-12-04T22:53:28Z' }, /not ISO 8601 basic/],
    ['a scope date that is not the signing day', auth4('bj', '20261203'), { 'x-amz-date': '20261204T225328Z' }, /20261203 is not the date/],
    ['SigV2', 'AWS AKIDEXAMPLE:abc=', {}, /Signature V2/],
  ])('%s', (_name, value, extra, problem) => {
    const r = findAuth(hdrs({ Authorization: value, ...extra }), new URLSearchParams(), 's3')
    expect(r?.ok).toBe(false)
    if (r && !r.ok) expect(r.problem).toMatch(problem)
  })

  it('on a native endpoint, SigV4 is the wrong scheme for the endpoint', () => {
    const r = findAuth(hdrs({ Authorization: auth4(), 'x-amz-date': '20261204T225328Z' }), new URLSearchParams(), 'native')
    expect(r).toMatchObject({ ok: false, problem: expect.stringMatching(/only the s3\.\{region\}\.bcebos\.com endpoint accepts it/) })
  })

  it('bce-auth-v1 on the S3 endpoint is read as bce-auth-v1 (BOS does not document that it is refused there)', () => {
    const r = findAuth(hdrs({ Authorization: `bce-auth-v1/ak/2026-11-26T04:00:00Z/1800/host/${SIG}` }), new URLSearchParams(), 's3')
    expect(r).toMatchObject({ ok: true, auth: { version: 'bce-auth-v1', accessKeyId: 'ak' } })
  })

  it('parseAmzDate: the basic format only, real dates only', () => {
    expect(parseAmzDate('20130524T000000Z')).toBe(Date.UTC(2013, 4, 24))
    expect(parseAmzDate('20260231T000000Z')).toBeNull()
    expect(parseAmzDate('20260101T240000Z')).toBeNull()
    expect(parseAmzDate('2026-01-01T00:00:00Z')).toBeNull()
  })
})

describe('SigV4 presigned query decoding', () => {
  const q = (extra: Record<string, string> = {}) =>
    new URLSearchParams({
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Credential': 'AKIDEXAMPLE/20261204/bj/s3/aws4_request',
      'X-Amz-Date': '20261204T225328Z',
      'X-Amz-Expires': '900',
      'X-Amz-SignedHeaders': 'host',
      'X-Amz-Signature': SIG,
      ...extra,
    })

  it('every field, X-Amz-Expires as the validity, UNSIGNED-PAYLOAD', () => {
    const r = findAuth(hdrs({}), q({ 'X-Amz-Security-Token': 't' }), 's3')
    expect(r).toMatchObject({ ok: true, auth: { source: 'query', expirationSeconds: 900, sts: true, region: 'bj', payloadHash: 'UNSIGNED-PAYLOAD' } })
  })

  it.each([
    ['X-Amz-Expires above 7 days', { 'X-Amz-Expires': '604801' }, /from 1 to 604800/],
    ['X-Amz-Expires zero', { 'X-Amz-Expires': '0' }, /from 1 to 604800/],
    ['another algorithm', { 'X-Amz-Algorithm': 'AWS4-HMAC-SHA512' }, /AWS4-HMAC-SHA512/],
  ])('%s', (_name, extra, problem) => {
    const r = findAuth(hdrs({}), q(extra), 's3')
    expect(r?.ok).toBe(false)
    if (r && !r.ok) expect(r.problem).toMatch(problem)
  })

  it('a SigV2 presigned URL (aws-sdk v2 with a custom endpoint) is named', () => {
    const r = findAuth(hdrs({}), new URLSearchParams({ AWSAccessKeyId: 'AK', Expires: '1764000000', Signature: 'abc' }), 's3')
    expect(r).toMatchObject({ ok: false, problem: expect.stringMatching(/Signature V2.*signatureVersion: 'v4'/) })
  })
})

// ---- the canonical request, against AWS's published examples ---------------------------------------

/** The signature for a canonical request (s3-compat.md §2.4), to check it against AWS's vectors. */
function sign(stringToSign: string, secret: string, date: string, region: string): string {
  const enc = (s: string) => new TextEncoder().encode(s)
  let k = hmac(sha256, enc(`AWS4${secret}`), enc(date))
  for (const part of [region, 's3', 'aws4_request']) k = hmac(sha256, k, enc(part))
  return bytesToHex(hmac(sha256, k, enc(stringToSign)))
}

describe('SigV4 canonical request (AWS examples, sig-v4-header-based-auth and sigv4-query-string-auth)', () => {
  const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'
  const decoded = (url: string, req: Record<string, string>, method = 'GET') => {
    const x = toExchange(entry({ url, method, req }))!
    const found = findAuth(x.requestHeaders, x.parsed!.searchParams, 's3')
    if (!found?.ok) throw new Error(found ? found.problem : 'no auth')
    return { x, auth: found.auth as DecodedAuth }
  }

  it('GET /test.txt with Range: the canonical-request hash and the signature of the example', () => {
    const { x, auth } = decoded('https://examplebucket.s3.amazonaws.com/test.txt', {
      Host: 'examplebucket.s3.amazonaws.com',
      Range: 'bytes=0-9',
      'x-amz-content-sha256': EMPTY,
      'x-amz-date': '20130524T000000Z',
      Authorization: `AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41`,
    })
    const c = sigv4CanonicalRequest(x, auth)
    expect(c.stringToSign.split('\n')).toEqual([
      'AWS4-HMAC-SHA256',
      '20130524T000000Z',
      '20130524/us-east-1/s3/aws4_request',
      '7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972',
    ])
    expect(sign(c.stringToSign, SECRET, '20130524', 'us-east-1')).toBe(auth.signature)
  })

  it('GET /?max-keys=2&prefix=J: the query sorted and encoded', () => {
    const { x, auth } = decoded('https://examplebucket.s3.amazonaws.com/?max-keys=2&prefix=J', {
      Host: 'examplebucket.s3.amazonaws.com',
      'x-amz-content-sha256': EMPTY,
      'x-amz-date': '20130524T000000Z',
      Authorization: `AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7`,
    })
    const c = sigv4CanonicalRequest(x, auth)
    expect(c.query).toBe('max-keys=2&prefix=J')
    expect(sign(c.stringToSign, SECRET, '20130524', 'us-east-1')).toBe(auth.signature)
  })

  it('GET /?lifecycle: a valueless parameter is "lifecycle="', () => {
    const { x, auth } = decoded('https://examplebucket.s3.amazonaws.com/?lifecycle', {
      Host: 'examplebucket.s3.amazonaws.com',
      'x-amz-content-sha256': EMPTY,
      'x-amz-date': '20130524T000000Z',
      Authorization: `AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543`,
    })
    const c = sigv4CanonicalRequest(x, auth)
    expect(c.query).toBe('lifecycle=')
    expect(sign(c.stringToSign, SECRET, '20130524', 'us-east-1')).toBe(auth.signature)
  })

  it('a presigned GET: X-Amz-Signature left out, UNSIGNED-PAYLOAD, the example signature', () => {
    const url =
      'https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404'
    const { x, auth } = decoded(url, { Host: 'examplebucket.s3.amazonaws.com' })
    const c = sigv4CanonicalRequest(x, auth)
    expect(c.text.endsWith('\nhost\nUNSIGNED-PAYLOAD')).toBe(true)
    expect(c.query).not.toContain('X-Amz-Signature')
    expect(sign(c.stringToSign, SECRET, '20130524', 'us-east-1')).toBe(auth.signature)
  })
})

// ---- the analysis of SigV4 clients on BOS -----------------------------------------------------------

describe('SigV4 clients on s3.{region}.bcebos.com', () => {
  const U = 'https://mybucket.s3.bj.bcebos.com/photos/cat.jpg'
  const signed = (extra: Record<string, string> = {}, region = 'bj') => ({
    Host: 'mybucket.s3.bj.bcebos.com',
    Authorization: auth4(region),
    'x-amz-date': '20261204T225328Z',
    'x-amz-content-sha256': EMPTY,
    ...extra,
  })

  it('a correct request is not called malformed', () => {
    const a = analyse({ url: U, req: signed(), res: { ...S3_RES, Date: 'Fri, 04 Dec 2026 22:53:28 GMT' }, started: '2026-12-04T22:53:28.000Z', body: '' })
    expect(ids(a)).toEqual([])
    expect(a.auth).toMatchObject({ version: 'AWS4-HMAC-SHA256', region: 'bj', service: 's3', scope: '20261204/bj/s3/aws4_request', expirationSeconds: null })
    expect(JSON.stringify(a)).not.toContain(SIG)
  })

  it('SignatureDoesNotMatch: the SigV4 canonical request and string to sign, the security token redacted', () => {
    const a = analyse({
      url: U,
      method: 'PUT',
      status: 403,
      started: '2026-12-04T22:53:28.000Z',
      req: {
        ...signed({ 'x-amz-security-token': 'SECRET-TOKEN' }),
        Authorization: auth4('bj', '20261204', 'host;x-amz-content-sha256;x-amz-date;x-amz-security-token'),
      },
      res: { ...S3_RES, Date: 'Fri, 04 Dec 2026 22:53:28 GMT' },
      body: s3Error('SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.'),
    })
    const f = a.findings.find((x) => x.id === 'signature-mismatch')!
    expect(f.detail).toMatch(/SigV4 canonical request and string to sign/)
    expect(f.detail).not.toMatch(/bce-auth-v1/)
    expect(f.canonicalRequest).toBe(
      [
        'PUT',
        '/photos/cat.jpg',
        '',
        'host:mybucket.s3.bj.bcebos.com',
        `x-amz-content-sha256:${EMPTY}`,
        'x-amz-date:20261204T225328Z',
        'x-amz-security-token:<redacted>',
        '',
        'host;x-amz-content-sha256;x-amz-date;x-amz-security-token',
        EMPTY,
      ].join('\n'),
    )
    expect(String(f.stringToSign).split('\n').slice(0, 3)).toEqual(['AWS4-HMAC-SHA256', '20261204T225328Z', '20261204/bj/s3/aws4_request'])
    expect(JSON.stringify(a)).not.toContain('SECRET-TOKEN')
    expect(localizeFinding(f, 'zh_CN').detail).toMatch(/SigV4 规范请求/)
  })

  it('a credential scope for us-east-1 on the bj endpoint is named as the cause, whatever the code', () => {
    for (const code of ['SignatureDoesNotMatch', 'AuthorizationHeaderMalformed', 'AccessDenied']) {
      const a = analyse({ url: U, status: 403, req: signed({}, 'us-east-1'), res: S3_RES, body: s3Error(code, 'x') })
      const f = a.findings.find((x) => x.id === 'credential-region-mismatch')
      expect(f, code).toMatchObject({ severity: 'error', credentialRegion: 'us-east-1', endpointRegion: 'bj' })
      expect(f!.title).toBe('Signed for region "us-east-1", but the endpoint is "bj"')
      expect(f!.detail).toContain("new S3Client({ region: 'bj', endpoint: 'https://s3.bj.bcebos.com' })")
    }
    // BOS took it: nothing to explain
    expect(ids(analyse({ url: U, req: signed({}, 'us-east-1'), res: S3_RES, body: '' }))).not.toContain('credential-region-mismatch')
  })

  it('RequestTimeTooSkewed with x-amz-date 50 minutes behind the server, the browser in step: the signer clock', () => {
    const a = analyse({
      url: U,
      status: 403,
      started: '2026-12-04T23:43:28.000Z',
      req: signed(),
      res: { ...S3_RES, Date: 'Fri, 04 Dec 2026 23:43:28 GMT' },
      body: s3Error('RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.'),
    })
    const f = a.findings.find((x) => x.id === 'request-time-too-skewed')!
    expect(f.cause).toBe('signer-clock')
    expect(f.signedAt).toBe('2026-12-04T22:53:28.000Z')
    expect(f.detail).not.toMatch(/clocks agree/)
    expect(f.detail).toMatch(/50 minutes/)
  })

  it('RequestTimeTooSkewed signed just now by a clock 17 minutes behind the server: titled as skew, not expiry; clock-skew speaks of S3', () => {
    const a = analyse({
      url: U,
      status: 403,
      started: '2026-12-04T22:53:28.000Z',
      req: signed(),
      res: { ...S3_RES, Date: 'Fri, 04 Dec 2026 23:10:28 GMT' },
      body: s3Error('RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.'),
    })
    const f = a.findings.find((x) => x.id === 'request-time-too-skewed')!
    expect(f.cause).toBe('client-clock')
    expect(f.title).toBe('Request time too skewed: your clock is 17 minutes behind the server')
    expect(f.detail).toMatch(/signing time is outside the window the server allows/)
    expect(f.detail).not.toMatch(/validity/)
    const skew = a.findings.find((x) => x.id === 'clock-skew')!
    expect(skew.detail).toMatch(/RequestTimeTooSkewed once the skew passes its window/)
    expect(skew.detail).not.toMatch(/1800/)
    expect(localizeFinding(f, 'zh_CN').title).toBe('请求时间偏差过大：本机时钟比服务器慢 17 分钟')
  })

  it('an expired presigned SigV4 URL: presigned-expired and the expiry, never "not signed"', () => {
    const url = `${U}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F20261204%2Fbj%2Fs3%2Faws4_request&X-Amz-Date=20261204T225328Z&X-Amz-Expires=900&X-Amz-SignedHeaders=host&X-Amz-Signature=${SIG}`
    const a = analyse({
      url,
      status: 403,
      started: '2026-12-05T01:00:00.000Z',
      req: { Host: 'mybucket.s3.bj.bcebos.com' },
      res: { ...S3_RES, Date: 'Sat, 05 Dec 2026 01:00:00 GMT' },
      body: s3Error('AccessDenied', 'Request has expired'),
    })
    expect(ids(a)).toContain('presigned-expired')
    expect(ids(a)).toContain('request-expired')
    expect(ids(a)).not.toContain('anonymous-request')
    expect(ids(a)).not.toContain('authorization-malformed')
    expect(a.auth).toMatchObject({ source: 'query', expirationSeconds: 900, expiresAt: '2026-12-04T23:08:28.000Z' })
    expect(a.findings.find((x) => x.id === 'request-expired')!.cause).toBe('stale-signature')
    // X-Amz-Date is shown in the same ISO form as the expiry, not as 20261204T225328Z
    expect(a.findings.find((x) => x.id === 'presigned-expired')!.detail).toMatch(
      /signed at 2026-12-04T22:53:28\.000Z for 900 s, so it expired at 2026-12-04T23:08:28\.000Z/,
    )
    expect(a.url).not.toContain(SIG)
  })

  it('redact removes the SigV4 signature and the security token in header and query', () => {
    const url = `${U}?X-Amz-Credential=AK%2F20261204%2Fbj%2Fs3%2Faws4_request&X-Amz-Signature=${SIG}&X-Amz-Security-Token=QTOKEN`
    const out = JSON.stringify(redactHar(har([entry({ url, req: { ...signed({ 'x-amz-security-token': 'HTOKEN' }) } })])))
    for (const secret of [SIG, 'QTOKEN', 'HTOKEN']) expect(out).not.toContain(secret)
    expect(out).toContain('Credential=AKIDEXAMPLE/20261204/bj/s3/aws4_request')
  })

  it('English text of a SigV4 malformed finding names what is wrong', () => {
    const a = analyse({
      url: U,
      status: 400,
      req: { ...signed(), Authorization: auth4().replace('/s3/', '/sts/') },
      res: S3_RES,
      body: s3Error('AuthorizationHeaderMalformed', 'x'),
    })
    const f = a.findings.find((x) => x.id === 'authorization-malformed')!
    expect(english(f.message.detail)).toMatch(/service "sts"/)
  })
})

describe('AWS SDK v3 default checksums (v3.729.0 on) on a failed request', () => {
  const U = 'https://mybucket.s3.bj.bcebos.com/a.txt'
  const base = { Host: 'mybucket.s3.bj.bcebos.com', Authorization: auth4(), 'x-amz-date': '20261204T225328Z' }
  const failed = (req: Record<string, string>, url = U, status = 400) =>
    analyse({ url, method: 'PUT', status, req: { ...base, ...req }, res: S3_RES, body: s3Error('InvalidRequest', 'x') })

  it('PutObject with a Uint8Array: the CRC32 headers, and the setting that turns them off', () => {
    const f = failed({ 'x-amz-checksum-crc32': 'NhCmhg==', 'x-amz-sdk-checksum-algorithm': 'CRC32', 'x-amz-content-sha256': SIG }).findings.find(
      (x) => x.id === 'sdk-default-checksums',
    )!
    expect(f).toMatchObject({ severity: 'warning', headers: ['x-amz-checksum-crc32', 'x-amz-sdk-checksum-algorithm'], trailer: false })
    expect(f.detail).toContain("requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED'")
    expect(f.detail).toMatch(/may be why/) // a possible cause, not a certain one
  })

  it('a ReadableStream body: aws-chunked with a trailer, the payload mode BOS does not list', () => {
    const f = failed({
      'content-encoding': 'aws-chunked',
      'x-amz-decoded-content-length': '5',
      'x-amz-trailer': 'x-amz-checksum-crc32',
      'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
    }).findings.find((x) => x.id === 'sdk-default-checksums')!
    expect(f.trailer).toBe(true)
    expect(f.headers).toEqual([
      'content-encoding: aws-chunked',
      'x-amz-content-sha256: STREAMING-UNSIGNED-PAYLOAD-TRAILER',
      'x-amz-decoded-content-length',
      'x-amz-trailer',
    ])
    expect(f.detail).toMatch(/trailer mode/)
  })

  it('a presigned PUT with the empty-body CRC32 in its query', () => {
    const url = `${U}?X-Amz-Algorithm=AWS4-HMAC-SHA256&x-amz-checksum-crc32=AAAAAA%3D%3D&x-amz-sdk-checksum-algorithm=CRC32`
    const a = analyse({ url, method: 'PUT', status: 403, req: { Host: 'mybucket.s3.bj.bcebos.com' }, res: S3_RES, body: s3Error('AccessDenied', 'x') })
    expect(a.findings.find((x) => x.id === 'sdk-default-checksums')?.headers).toEqual(['?x-amz-checksum-crc32', '?x-amz-sdk-checksum-algorithm'])
  })

  it('nothing when the request succeeded, carried none, or went to a native endpoint', () => {
    const ok = analyse({ url: U, method: 'PUT', req: { ...base, 'x-amz-checksum-crc32': 'NhCmhg==' }, res: S3_RES, body: '' })
    expect(ids(ok)).not.toContain('sdk-default-checksums')
    expect(ids(failed({}))).not.toContain('sdk-default-checksums')
    const native = analyse({
      url: 'https://mybucket.bj.bcebos.com/a.txt',
      method: 'PUT',
      status: 400,
      req: { 'x-amz-checksum-crc32': 'NhCmhg==' },
      res: S3_RES,
      body: '',
    })
    expect(ids(native)).not.toContain('sdk-default-checksums')
  })
})

describe('S3 XML bodies in multipart sessions', () => {
  const K = 'https://mybucket.s3.bj.bcebos.com/videos/clip.bin'
  const ID = 'a1b2c3d4e5f6'
  const md5 = (n: number) => n.toString(16).padStart(32, '0')
  const req = { Host: 'mybucket.s3.bj.bcebos.com' }
  const initiate: EntrySpec = {
    url: `${K}?uploads`,
    method: 'POST',
    req,
    res: S3_RES,
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<InitiateMultipartUploadResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Bucket>mybucket</Bucket><Key>videos/clip.bin</Key><UploadId>${ID}</UploadId></InitiateMultipartUploadResult>`,
  }
  const part = (n: number): EntrySpec => ({
    url: `${K}?partNumber=${n}&uploadId=${ID}`,
    method: 'PUT',
    req: { ...req, 'Content-Length': String(6 * 1024 * 1024) },
    res: { ...S3_RES, ETag: `"${md5(n)}"` },
    body: '',
  })
  const complete = (etags: string[], status = 200): EntrySpec => ({
    url: `${K}?uploadId=${ID}`,
    method: 'POST',
    status,
    req: { ...req, 'Content-Type': 'application/xml' },
    postData: {
      mimeType: 'application/xml',
      text: `<CompleteMultipartUpload xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${etags.map((e, i) => `<Part><ETag>${e}</ETag><PartNumber>${i + 1}</PartNumber></Part>`).join('')}</CompleteMultipartUpload>`,
    },
    res: S3_RES,
    body:
      status >= 400
        ? s3Error('InvalidPart', 'One or more of the specified parts could not be found.')
        : '<CompleteMultipartUploadResult><ETag>"x-2"</ETag></CompleteMultipartUploadResult>',
  })
  const run = (...specs: EntrySpec[]) => analyzeHar(har(specs.map((s) => entry({ mimeType: 'application/xml', ...s }))))

  it('the Initiate result and the XML Complete list (quoted ETags, entities) make one whole session', () => {
    const r = run(initiate, part(1), part(2), complete([`&quot;${md5(1)}&quot;`, `"${md5(2)}"`]))
    expect(r.uploads).toHaveLength(1)
    expect(r.uploads[0]).toMatchObject({ uploadId: ID, initiateIndex: 0, completeIndex: 3, outcome: 'completed' })
    expect(r.uploads[0]!.completeList).toEqual([
      { partNumber: 1, eTag: `"${md5(1)}"` },
      { partNumber: 2, eTag: `"${md5(2)}"` },
    ])
    expect(r.entries.flatMap((e) => e.findings.map((f) => f.id))).toEqual([])
    expect(r.entries[0]!.uploadId).toBe(ID)
  })

  it('an ETag the page could not read ("undefined": ETag not exposed by CORS) is named on the Complete', () => {
    const r = run(initiate, part(1), part(2), complete([`"${md5(1)}"`, 'undefined'], 400))
    const f = r.entries[3]!.findings.find((x) => x.id === 'part-etag-mismatch')!
    expect(f.partNumbers).toEqual([2])
    expect(f.detail).toMatch(/undefined/)
  })

  it('a wrong ETag in the XML list is named', () => {
    const r = run(initiate, part(1), part(2), complete([`"${md5(1)}"`, `"${md5(9)}"`], 400))
    expect(r.entries[3]!.findings.find((x) => x.id === 'part-etag-mismatch')?.partNumbers).toEqual([2])
  })

  it('UploadPartCopy through the S3 endpoint (x-amz-copy-source) reads its ETag from CopyPartResult', () => {
    const copy: EntrySpec = {
      url: `${K}?partNumber=1&uploadId=${ID}`,
      method: 'PUT',
      req: { ...req, 'x-amz-copy-source': '/src/big.bin' },
      res: S3_RES,
      body: `<CopyPartResult><LastModified>2026-12-04T00:00:00.000Z</LastModified><ETag>&quot;${md5(1)}&quot;</ETag></CopyPartResult>`,
    }
    const r = run(initiate, copy)
    expect(r.entries[1]!.operation).toBe('UploadPartCopy')
    expect(r.uploads[0]!.parts).toEqual([expect.objectContaining({ partNumber: 1, etag: md5(1) })])
  })
})

describe('S3 error codes on the S3-compatible endpoint', () => {
  const U = 'https://mybucket.s3.bj.bcebos.com/a.txt'
  it('explained from the S3 table, a status S3 does not document for it not called a mismatch', () => {
    const a = analyse({
      url: U,
      status: 400,
      req: { Host: 'mybucket.s3.bj.bcebos.com' },
      res: S3_RES,
      body: s3Error('XAmzContentSHA256Mismatch', "The provided 'x-amz-content-sha256' header does not match what was computed."),
    })
    expect(a.error).toMatchObject({ code: 'XAmzContentSHA256Mismatch', documentedStatus: 400 })
    expect(a.error!.description).toMatch(/x-amz-content-sha256/)
    expect(ids(a)).not.toContain('unknown-code')
    const denied = analyse({ url: U, status: 400, req: { Host: 'mybucket.s3.bj.bcebos.com' }, res: S3_RES, body: s3Error('SignatureDoesNotMatch', 'x') })
    expect(denied.error!.description).toMatch(/SigV4/)
    expect(ids(denied)).not.toContain('status-mismatch')
  })

  it('in Chinese from the S3 table', () => {
    const a = analyse({
      url: U,
      status: 400,
      req: { Host: 'mybucket.s3.bj.bcebos.com' },
      res: S3_RES,
      body: s3Error('ExpiredToken', 'The provided token has expired.'),
    })
    const zh = localizeAnalysis(a, 'zh_CN')
    expect(zh.error!.description).toMatch(/STS 安全令牌/)
    expect(zh.error!.message).toBe('The provided token has expired.')
  })

  it("the native endpoint keeps BOS's table", () => {
    const a = analyse({
      url: 'https://mybucket.bj.bcebos.com/a.txt',
      status: 403,
      res: S3_RES,
      body: '{"code":"SignatureDoesNotMatch","message":"m","requestId":"r"}',
      mimeType: 'application/json',
    })
    expect(a.error!.description).not.toMatch(/SigV4/)
  })
})
