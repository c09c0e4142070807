import { describe, expect, it } from 'vitest'
import { analyzeHar, BosAnalyzer } from '../../src/core/analyze.ts'
import type { EntryAnalysis } from '../../src/core/types.ts'
import { BOS_HEADERS, entry, type EntrySpec, har } from '../helpers/har.ts'

const U = 'https://mybucket.bj.bcebos.com/a.txt'
const O = 'https://app.example.com'
const an = (s: Partial<EntrySpec>): EntryAnalysis => new BosAnalyzer().analyze(entry({ url: U, ...s }), 0)!
const cors = (a: EntryAnalysis) => a.findings.filter((f) => f.id.startsWith('cors-'))
const preflight = (res: Record<string, string>, status = 200) =>
  an({
    method: 'OPTIONS',
    status,
    resourceType: 'preflight',
    req: { Origin: O, 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'authorization,content-md5,x-bce-date' },
    res: { ...BOS_HEADERS, ...res },
  })

describe('CORS', () => {
  it('a preflight BOS answered without Access-Control-* headers', () => {
    const [f] = cors(preflight({}, 403))
    expect(f).toMatchObject({
      id: 'cors-preflight-failed',
      missing: 'all',
      origin: O,
      method: 'PUT',
      requestHeaders: ['authorization', 'content-md5', 'x-bce-date'],
    })
    expect(f!.detail).toMatch(/no trailing "\/"/)
  })

  it.each([
    ['origin', { 'Access-Control-Allow-Origin': 'https://other.example.com', 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': '*' }],
    ['method', { 'Access-Control-Allow-Origin': O, 'Access-Control-Allow-Methods': 'GET,HEAD', 'Access-Control-Allow-Headers': '*' }],
    ['headers', { 'Access-Control-Allow-Origin': O, 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': 'authorization,x-bce-date' }],
  ])('names the missing part: %s', (missing, res) => {
    expect(cors(preflight(res))[0]).toMatchObject({ id: 'cors-preflight-failed', missing })
  })

  it('an allowed preflight is clean', () => {
    expect(
      cors(
        preflight({
          'Access-Control-Allow-Origin': O,
          'Access-Control-Allow-Methods': 'GET,PUT',
          'Access-Control-Allow-Headers': 'authorization,content-md5,x-bce-date',
        }),
      ),
    ).toEqual([])
    expect(cors(preflight({ 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': '*' }))).toEqual([])
  })

  it('a request that never got a response', () => {
    const a = an({ method: 'PUT', status: 0, req: { Authorization: 'bce-auth-v1/ak/2026-11-26T04:00:00Z/1800/host/' + 'a'.repeat(64) }, res: {} })
    expect(cors(a)[0]).toMatchObject({ id: 'cors-preflight-failed', missing: 'unknown', method: 'PUT' })
  })

  it('cors-etag-not-exposed on UploadPart and PutObject', () => {
    const res = {
      ...BOS_HEADERS,
      ETag: '"5eb63bbbe01eeed093cb22bb8f5acdc3"',
      'Access-Control-Allow-Origin': O,
      'Access-Control-Expose-Headers': 'x-bce-request-id',
    }
    expect(cors(an({ method: 'PUT', url: `${U}?partNumber=1&uploadId=u`, req: { Origin: O }, res }))[0]).toMatchObject({
      id: 'cors-etag-not-exposed',
      severity: 'error',
    })
    expect(cors(an({ method: 'PUT', req: { Origin: O }, res }))[0]).toMatchObject({ id: 'cors-etag-not-exposed', severity: 'warning' })
    expect(cors(an({ method: 'PUT', req: { Origin: O }, res: { ...res, 'Access-Control-Expose-Headers': 'ETag, x-bce-request-id' } }))).toEqual([])
    expect(cors(an({ method: 'PUT', req: { Origin: O }, res: { ...res, 'Access-Control-Expose-Headers': '*' } }))).toEqual([])
    expect(cors(an({ method: 'PUT', res }))).toEqual([]) // same-origin: CORS does not apply
  })

  it('ids hidden from the page on errors, and a response the page could not read', () => {
    const e = an({ status: 404, req: { Origin: O }, res: { ...BOS_HEADERS, 'Access-Control-Allow-Origin': O, 'Access-Control-Expose-Headers': 'ETag' } })
    expect(cors(e)[0]).toMatchObject({ id: 'cors-ids-not-exposed', hidden: ['x-bce-request-id', 'x-bce-debug-id'] })
    expect(cors(an({ req: { Origin: O }, res: BOS_HEADERS }))[0]).toMatchObject({ id: 'cors-not-allowed' })
  })
})

describe('CORS on the S3-compatible endpoint', () => {
  const S3 = 'https://mybucket.s3.bj.bcebos.com/a.txt'
  const S3_IDS = { 'x-amz-request-id': '4442587FB7D0A2F9', 'x-amz-id-2': 'vl7FafIEg8tsAO58XjrWu', Server: 'BceBos' }

  it('an error names x-amz-request-id and x-amz-id-2 as the ids to expose, not the x-bce-* ones it does not carry', () => {
    const err = (expose: string) =>
      an({ url: S3, status: 403, req: { Origin: O }, res: { ...S3_IDS, 'Access-Control-Allow-Origin': O, 'Access-Control-Expose-Headers': expose } })
    expect(cors(err('ETag, Date, x-amz-request-id, x-amz-id-2'))).toEqual([])
    expect(cors(err('ETag, x-bce-request-id, x-bce-debug-id'))[0]).toMatchObject({ id: 'cors-ids-not-exposed', hidden: ['x-amz-request-id', 'x-amz-id-2'] })
    expect(cors(err('ETag, x-amz-request-id'))[0]).toMatchObject({ id: 'cors-ids-not-exposed', hidden: ['x-amz-id-2'] })
  })

  it("an UploadPart whose ETag is hidden: explained with lib-storage, <ETag>undefined</ETag> and S3's id headers", () => {
    const [f] = cors(
      an({
        url: `${S3}?partNumber=1&uploadId=u`,
        method: 'PUT',
        req: { Origin: O },
        res: {
          ...S3_IDS,
          ETag: '"5eb63bbbe01eeed093cb22bb8f5acdc3"',
          'Access-Control-Allow-Origin': O,
          'Access-Control-Expose-Headers': 'x-amz-request-id, x-amz-id-2',
        },
      }),
    )
    expect(f).toMatchObject({ id: 'cors-etag-not-exposed', severity: 'error' })
    expect(f!.detail).toContain('<ETag>undefined</ETag>')
    expect(f!.detail).toContain('missing ETag in UploadPart response')
    expect(f!.detail).toContain('x-amz-request-id, x-amz-id-2')
    expect(f!.detail).not.toContain('x-bce-')
  })
})

describe('no answer is not always CORS', () => {
  const U = 'https://mybucket.bj.bcebos.com/a.txt'
  const failed = (error: string | null, extra: Record<string, unknown> = {}, method = 'PUT') => {
    const e = entry({
      url: U,
      method,
      status: 0,
      req: { Origin: 'https://app.example.com', Authorization: `bce-auth-v1/ak/2026-11-26T04:00:00Z/1800/host/${'a'.repeat(64)}` },
      body: null,
    })
    const res = e.response as Record<string, unknown>
    if (error !== null) res._error = error
    Object.assign(res, extra)
    return analyzeHar(har([e])).entries[0]!.findings
  }

  it.each([
    ['net::ERR_NAME_NOT_RESOLVED', 'dns', 'error'],
    ['net::ERR_CERT_COMMON_NAME_INVALID', 'tls', 'error'],
    ['net::ERR_CONNECTION_RESET', 'connection', 'error'],
    ['net::ERR_CONNECTION_REFUSED', 'connection', 'error'],
    ['net::ERR_TIMED_OUT', 'connection', 'error'],
    ['net::ERR_BLOCKED_BY_CLIENT', 'blocked-by-client', 'warning'],
    ['net::ERR_ABORTED', 'aborted', 'warning'],
    ['net::ERR_QUIC_PROTOCOL_ERROR', 'unrecognized', 'error'],
  ])('%s: explained by its cause, never as CORS', (error, cause, severity) => {
    const fs = failed(error)
    expect(fs.map((f) => f.id)).toEqual(['network-error'])
    expect(fs[0]).toMatchObject({ error, cause, severity })
    expect(fs[0]!.title).toContain(error)
    expect(fs[0]!.detail).toContain('mybucket.bj.bcebos.com')
  })

  it('net::ERR_FAILED (what Chrome records after a refused preflight) and no error at all stay with CORS', () => {
    expect(failed('net::ERR_FAILED').map((f) => f.id)).toEqual(['cors-preflight-failed'])
    expect(failed(null).map((f) => f.id)).toEqual(['cors-preflight-failed'])
  })

  it("Playwright's _failureText and Firefox's NS_ERROR status text are read too", () => {
    expect(failed(null, { _failureText: 'net::ERR_NAME_NOT_RESOLVED' })[0]).toMatchObject({ id: 'network-error', cause: 'dns' })
    expect(failed(null, { statusText: 'NS_ERROR_UNKNOWN_HOST' })[0]).toMatchObject({ id: 'network-error', cause: 'dns' })
    expect(failed(null, { statusText: 'NS_BINDING_ABORTED' })[0]).toMatchObject({ id: 'network-error', cause: 'aborted' })
  })

  it('a preflight that got no answer for a DNS failure is not called a CORS refusal either', () => {
    const fs = failed('net::ERR_NAME_NOT_RESOLVED', {}, 'OPTIONS')
    expect(fs.map((f) => f.id)).toEqual(['network-error'])
  })
})
