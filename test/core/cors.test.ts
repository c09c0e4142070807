import { describe, expect, it } from 'vitest'
import { BosAnalyzer } from '../../src/core/analyze.ts'
import type { EntryAnalysis } from '../../src/core/types.ts'
import { BOS_HEADERS, entry, type EntrySpec } from '../helpers/har.ts'

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
