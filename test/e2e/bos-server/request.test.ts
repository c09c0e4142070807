// Unit tests of how the test server reads a request's target and operation.

import { describe, expect, it } from 'vitest'
import type { Target } from './context.ts'
import { BosError } from './errors.ts'
import { operationName, parseTarget } from './request.ts'

describe('parseTarget', () => {
  it('virtual-host: the bucket and region from the host, the key decoded, /v1 dropped', () => {
    expect(parseTarget('mybucket.bj.bcebos.com', '/dir/a%20b+c.txt')).toEqual({ bucket: 'mybucket', key: 'dir/a b+c.txt', region: 'bj', style: 'virtual-host' })
    expect(parseTarget('mybucket.bj.bcebos.com', '/v1/k')).toMatchObject({ bucket: 'mybucket', key: 'k' })
    expect(parseTarget('mybucket.bj.bcebos.com', '/v1')).toMatchObject({ bucket: 'mybucket', key: null })
    expect(parseTarget('mybucket.bj.bcebos.com', '/')).toMatchObject({ bucket: 'mybucket', key: null })
    expect(parseTarget('mybucket.bj.bcebos.com', '/v10')).toMatchObject({ key: 'v10' })
  })

  it('path-style: the bucket and key from the path, with or without /v1; the region host alone is the account', () => {
    expect(parseTarget('bj.bcebos.com', '/v1/mybucket/dir/k.txt')).toEqual({ bucket: 'mybucket', key: 'dir/k.txt', region: 'bj', style: 'path-style' })
    expect(parseTarget('gz.bcebos.com', '/mybucket/%E6%B5%8B')).toMatchObject({ bucket: 'mybucket', key: '测', region: 'gz' })
    expect(parseTarget('bj.bcebos.com', '/mybucket')).toMatchObject({ bucket: 'mybucket', key: null })
    expect(parseTarget('bj.bcebos.com', '/mybucket/')).toMatchObject({ bucket: 'mybucket', key: null })
    expect(parseTarget('bj.bcebos.com', '/')).toMatchObject({ bucket: null, key: null })
  })

  it('InvalidURI for a path that is not valid percent-encoding', () => {
    for (const [host, path] of [
      ['b.bj.bcebos.com', '/%E6%B5'],
      ['bj.bcebos.com', '/b/%zz'],
    ] as const) {
      expect(() => parseTarget(host, path)).toThrow(BosError)
      try {
        parseTarget(host, path)
      } catch (e) {
        expect((e as BosError).code).toBe('InvalidURI')
      }
    }
  })
})

describe('operationName', () => {
  const target = (key: string | null, bucket: string | null = 'b'): Target => ({ bucket, key, region: 'bj', style: 'virtual-host' })
  const op = (method: string, key: string | null, query = '', headers: Record<string, string> = {}, bucket: string | null = 'b') =>
    operationName({ method, query: new URLSearchParams(query), target: target(key, bucket), headers })

  it.each([
    ['OPTIONS', 'k', '', 'OptionsObject'],
    ['PUT', 'k', '', 'PutObject'],
    ['PUT', 'k', 'partNumber=1&uploadId=u', 'UploadPart'],
    ['PUT', 'k', 'partNumber=1', 'PutObject'],
    ['GET', 'k', '', 'GetObject'],
    ['GET', 'k', 'uploadId=u', 'ListParts'],
    ['HEAD', 'k', '', 'HeadObject'],
    ['DELETE', 'k', '', 'DeleteObject'],
    ['DELETE', 'k', 'uploadId=u', 'AbortMultipartUpload'],
    ['POST', 'k', 'uploads', 'InitiateMultipartUpload'],
    ['POST', 'k', 'uploadId=u', 'CompleteMultipartUpload'],
    ['POST', 'k', 'append&offset=0', 'AppendObject'],
    ['POST', 'k', '', 'Unknown'],
    ['PATCH', 'k', '', 'Unknown'],
    ['GET', null, '', 'ListObjects'],
    ['GET', null, 'uploads', 'ListMultipartUploads'],
    ['GET', null, 'cors', 'GetBucketCors'],
    ['HEAD', null, '', 'HeadBucket'],
    ['PUT', null, '', 'PutBucket'],
    ['DELETE', null, '', 'DeleteBucket'],
    ['POST', null, '', 'Unknown'],
  ])('%s key=%s ?%s → %s', (method, key, query, want) => {
    expect(op(method, key, query)).toBe(want)
  })

  it('CopyObject by x-bce-copy-source, PostObject by a multipart form on the bucket, ListBuckets without a bucket', () => {
    expect(op('PUT', 'k', '', { 'x-bce-copy-source': '/b/src' })).toBe('CopyObject')
    expect(op('POST', null, '', { 'content-type': 'multipart/form-data; boundary=x' })).toBe('PostObject')
    expect(op('POST', null, '', { 'content-type': 'Multipart/Form-Data; boundary=x' })).toBe('PostObject')
    expect(op('POST', 'k', '', { 'content-type': 'multipart/form-data; boundary=x' })).toBe('Unknown')
    expect(op('GET', null, '', {}, null)).toBe('ListBuckets')
    expect(op('PUT', null, '', {}, null)).toBe('Unknown')
  })
})
