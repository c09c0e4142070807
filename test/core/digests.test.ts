import { describe, expect, it } from 'vitest'
import { checkContentMd5, digestFindings, etagMd5 } from '../../src/core/digests.ts'
import { toExchange } from '../../src/core/har.ts'
import type { OperationName } from '../../src/core/operation-names.ts'
import { entry } from '../helpers/har.ts'

// md5("hello world") = 5eb63bbbe01eeed093cb22bb8f5acdc3 = base64 XrY7u+Ae7tCTyyK7j1rNww==
const HEX = '5eb63bbbe01eeed093cb22bb8f5acdc3'
const B64 = 'XrY7u+Ae7tCTyyK7j1rNww=='
const OTHER = '"125b8b749037921ccd03120fb0f90189"'
const U = 'https://mybucket.bj.bcebos.com/k'

const ids = (op: OperationName | null, spec: Parameters<typeof entry>[0]) => digestFindings(toExchange(entry(spec))!, op).map((f) => `${f.id}:${f.where ?? ''}`)

describe('checkContentMd5 / etagMd5', () => {
  it('decodes base64 digests and names what is wrong with others', () => {
    expect(checkContentMd5(B64)).toEqual({ ok: true, hex: HEX })
    expect(checkContentMd5(HEX)).toEqual({ ok: false, reason: 'hex-not-base64' })
    expect(checkContentMd5('aGVsbG8=')).toEqual({ ok: false, reason: 'wrong-length', bytes: 5 })
    expect(checkContentMd5('not base64!')).toEqual({ ok: false, reason: 'not-base64' })
  })
  it('reads only hex-MD5 ETags', () => {
    expect(etagMd5(`"${HEX.toUpperCase()}"`)).toBe(HEX)
    expect(etagMd5(`W/"${HEX}"`)).toBe(HEX)
    expect(etagMd5('"-3858f62230ac3c915f300c664312c11f"')).toBeNull()
    expect(etagMd5('"abc-2"')).toBeNull()
    expect(etagMd5(null)).toBeNull()
  })
})

describe('digestFindings', () => {
  it.each([
    ['matching PutObject', 'PutObject', { method: 'PUT', req: { 'Content-MD5': B64 }, res: { ETag: `"${HEX}"` } }, []],
    ['mismatching PutObject', 'PutObject', { method: 'PUT', req: { 'Content-MD5': B64 }, res: { ETag: OTHER } }, ['md5-mismatch:request']],
    ['mismatching UploadPart', 'UploadPart', { method: 'PUT', req: { 'Content-MD5': B64 }, res: { ETag: OTHER } }, ['md5-mismatch:request']],
    ['multipart ETag is never compared', 'PutObject', { method: 'PUT', req: { 'Content-MD5': B64 }, res: { ETag: '"-3858f62230ac3c915f300c664312c11f"' } }, []],
    ['CopyObject ETag is the source object', 'CopyObject', { method: 'PUT', req: { 'Content-MD5': B64 }, res: { ETag: OTHER } }, []],
    ['failed upload has no ETag to compare', 'PutObject', { method: 'PUT', status: 400, req: { 'Content-MD5': B64 }, res: { ETag: OTHER } }, []],
    ['hex sent as Content-MD5', 'PutObject', { method: 'PUT', status: 400, req: { 'Content-MD5': HEX } }, ['content-md5-malformed:request']],
    ['response Content-MD5 vs ETag', 'GetObject', { res: { 'Content-MD5': B64, ETag: OTHER } }, ['md5-mismatch:response']],
    ['response Content-MD5 agrees', 'GetObjectMeta', { method: 'HEAD', res: { 'Content-MD5': B64, ETag: `"${HEX}"` } }, []],
    ['symlink HEAD shows the target digest', 'GetObjectMeta', { method: 'HEAD', res: { 'Content-MD5': B64, ETag: OTHER, 'x-bce-symlink-target': 't' } }, []],
    [
      'sha256 in base64',
      'PutObject',
      { method: 'PUT', req: { 'x-bce-content-sha256': Buffer.alloc(32, 7).toString('base64') } },
      ['content-sha256-malformed:'],
    ],
    ['sha256 in hex is fine', 'PutObject', { method: 'PUT', req: { 'x-bce-content-sha256': 'ab'.repeat(32) } }, []],
    ['crc32 as hex', 'PutObject', { method: 'PUT', req: { 'x-bce-content-crc32': 'c1a3e46e' } }, ['content-crc32-malformed:request']],
    ['crc32 decimal', 'GetObject', { res: { 'x-bce-content-crc32': '3238666094' } }, []],
  ] as const)('%s', (_name, op, spec, want) => {
    expect(ids(op, { url: U, ...spec })).toEqual(want)
  })

  it('tells the base64 form when hex was sent', () => {
    const [f] = digestFindings(toExchange(entry({ url: U, method: 'PUT', req: { 'Content-MD5': HEX } }))!, 'PutObject')
    expect(f!.detail).toContain(B64)
  })
})
