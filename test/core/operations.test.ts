import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { toExchange } from '../../src/core/har.ts'
import { matchBos } from '../../src/core/hosts.ts'
import { OPERATION_NAMES } from '../../src/core/operation-names.ts'
import { detectOperation } from '../../src/core/operations.ts'
import { entry } from '../helpers/har.ts'

const V = 'https://mybucket.bj.bcebos.com'
function op(method: string, url: string, req: Record<string, string> = {}, res: Record<string, string> = {}) {
  const x = toExchange(entry({ method, url, req, res }))!
  const t = matchBos(x)!
  return detectOperation({
    method: x.method,
    bucket: t.bucket,
    key: t.key,
    bucketInHost: t.matchedBy === 'cdn' || t.matchedBy === 'response-headers',
    query: x.parsed!.searchParams,
    requestHeaders: x.requestHeaders,
  })
}
const form = { 'Content-Type': 'multipart/form-data; boundary=----x' }

describe('detectOperation', () => {
  it.each([
    ['GET', 'https://bj.bcebos.com/', {}, 'ListBuckets'],
    ['GET', 'https://bj.bcebos.com/v1/', {}, 'ListBuckets'],
    ['GET', 'https://bj.bcebos.com/?userQuota', {}, 'GetUserQuota'],
    ['PUT', `${V}/`, {}, 'PutBucket'],
    ['HEAD', `${V}/`, {}, 'HeadBucket'],
    ['DELETE', `${V}/`, {}, 'DeleteBucket'],
    ['GET', `${V}/?prefix=a&maxKeys=10`, {}, 'ListObjects'],
    ['GET', 'https://bj.bcebos.com/v1/mybucket?marker=x', {}, 'ListObjects'],
    ['GET', `${V}/?uploads`, {}, 'ListMultipartUploads'],
    ['GET', `${V}/?acl`, {}, 'GetBucketAcl'],
    ['PUT', `${V}/?acl`, {}, 'PutBucketAcl'],
    ['PUT', `${V}/?cors`, {}, 'PutBucketCors'],
    ['GET', `${V}/?cors`, {}, 'GetBucketCors'],
    ['DELETE', `${V}/?cors`, {}, 'DeleteBucketCors'],
    ['PUT', `${V}/?lifecycle`, {}, 'PutBucketLifecycle'],
    ['GET', `${V}/?location`, {}, 'GetBucketLocation'],
    ['POST', `${V}/?delete`, {}, 'DeleteMultipleObjects'],
    ['POST', `${V}/`, form, 'PostObject'],
    ['POST', `${V}/`, {}, null],
    ['GET', `${V}/a/b.txt`, {}, 'GetObject'],
    ['HEAD', `${V}/a/b.txt`, {}, 'GetObjectMeta'],
    ['PUT', `${V}/a/b.txt`, {}, 'PutObject'],
    ['PUT', `${V}/a/b.txt`, { 'x-bce-copy-source': '/src/k' }, 'CopyObject'],
    ['POST', `${V}/a/b.txt?append&offset=11`, {}, 'AppendObject'],
    ['POST', `${V}/a/b.txt?append`, {}, 'AppendObject'],
    ['DELETE', `${V}/a/b.txt`, {}, 'DeleteObject'],
    ['POST', `${V}/big.bin?uploads`, {}, 'InitiateMultipartUpload'],
    ['PUT', `${V}/big.bin?partNumber=1&uploadId=u1`, {}, 'UploadPart'],
    ['PUT', `${V}/big.bin?uploadId=u1&partNumber=2`, { 'x-bce-copy-source': '/b/k' }, 'UploadPartCopy'],
    ['POST', `${V}/big.bin?uploadId=u1`, {}, 'CompleteMultipartUpload'],
    ['DELETE', `${V}/big.bin?uploadId=u1`, {}, 'AbortMultipartUpload'],
    ['GET', `${V}/big.bin?uploadId=u1`, {}, 'ListParts'],
    ['POST', `${V}/cold.bin?restore`, { 'x-bce-restore-days': '1' }, 'RestoreObject'],
    ['POST', `${V}/copy.bin?fetch`, { 'x-bce-fetch-source': 'https://e.com/a' }, 'FetchObject'],
    ['GET', `${V}/a?acl`, {}, 'GetObjectAcl'],
    ['PUT', `${V}/a?acl`, {}, 'PutObjectAcl'],
    ['DELETE', `${V}/a?acl`, {}, 'DeleteObjectAcl'],
    ['PUT', `${V}/a?symlink`, {}, 'PutSymlink'],
    ['GET', `${V}/a?symlink`, {}, 'GetSymlink'],
    ['OPTIONS', `${V}/a.txt`, {}, 'OPTIONSObject'],
    ['PUT', `${V}/a?uploadId=u1`, {}, null],
    ['PATCH', `${V}/a`, {}, null],
    ['POST', `${V}/a`, {}, null],
    ['GET', 'https://edit-upload-pic.cdn.bcebos.com/x.jpeg', {}, 'GetObject'],
    ['GET', 'https://s3.bj.bcebos.com/mybucket/k', {}, 'GetObject'],
  ] as const)('%s %s', (method, url, req, want) => {
    expect(op(method, url, req)).toBe(want)
  })

  it('treats the root of a custom domain as bucket level', () => {
    expect(op('GET', 'https://files.example.com/', {}, { Server: 'BceBos' })).toBe('ListObjects')
    expect(op('POST', 'https://files.example.com/', form, { Server: 'BceBos' })).toBe('PostObject')
    expect(op('PUT', 'https://files.example.com/k.txt', {}, { Server: 'BceBos' })).toBe('PutObject')
  })
})

describe('the operation vocabulary', () => {
  it('every name in OPERATION_NAMES is one the detector can give (no dead entries)', () => {
    const src = readFileSync(new URL('../../src/core/operations.ts', import.meta.url), 'utf8')
    expect(OPERATION_NAMES.filter((n) => !src.includes(`'${n}'`))).toEqual([])
    expect(new Set(OPERATION_NAMES).size).toBe(OPERATION_NAMES.length)
  })
})
