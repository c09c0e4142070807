import { describe, expect, it } from 'vitest'
import { decodeErrorBody, MAX_PARSE_CHARS } from '../../src/core/error-body.ts'
import { toExchange } from '../../src/core/har.ts'
import { bosError, entry, type EntrySpec } from '../helpers/har.ts'

const U = 'https://mybucket.bj.bcebos.com/k'
const decode = (s: Partial<EntrySpec>) => decodeErrorBody(toExchange(entry({ url: U, status: 404, ...s }))!)
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64')

describe('decodeErrorBody', () => {
  it('reads the BOS JSON shape and trims the requestId', () => {
    const d = decode({ body: bosError('NoSuchKey', 'The specified key does not exist.') })
    expect(d).toMatchObject({
      format: 'json',
      code: 'NoSuchKey',
      message: 'The specified key does not exist.',
      requestId: '4db2b34d-654d-4d8a-b49b-3049ca786409',
      truncated: false,
      note: null,
    })
  })

  it('reads base64 bodies as HAR stores them', () => {
    const d = decode({ body: b64(bosError('AccessDenied', 'Access denied.')), bodyEncoding: 'base64' })
    expect(d).toMatchObject({ format: 'json', code: 'AccessDenied' })
  })

  it('reads S3-style XML with entities', () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchKey</Code><Message>Key &quot;a&amp;b&quot; is gone</Message><RequestId>76H4aRw/EO8=</RequestId></Error>'
    expect(decode({ body: xml, mimeType: 'application/xml' })).toMatchObject({
      format: 'xml',
      code: 'NoSuchKey',
      message: 'Key "a&b" is gone',
      requestId: '76H4aRw/EO8=',
    })
  })

  it('recognises an HTML page from a proxy and quotes its title', () => {
    const d = decode({
      status: 502,
      body: '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>',
      mimeType: 'text/html',
    })
    expect(d.format).toBe('html')
    expect(d.code).toBeNull()
    expect(d.note).toContain('502 Bad Gateway')
    expect(d.note).toMatch(/proxy|gateway/)
  })

  it('reads the code out of truncated JSON and says it is cut', () => {
    const d = decode({ status: 403, body: '{"code":"SignatureDoesNotMatch","message":"The request signature we calc' })
    expect(d).toMatchObject({ format: 'json', truncated: true, code: 'SignatureDoesNotMatch', message: null })
    expect(d.note).toMatch(/cut off/)
  })

  it('says so when JSON does not parse and has no code', () => {
    const d = decode({ body: '{"oops": ' })
    expect(d).toMatchObject({ format: 'json', code: null, truncated: true })
    expect(d.note).toMatch(/does not parse/)
  })

  it('handles JSON that is not a BOS error', () => {
    expect(decode({ body: '[1,2]' })).toMatchObject({ format: 'json', code: null })
    expect(decode({ body: '{"error":"nope"}' }).note).toMatch(/no|not a BOS/i)
  })

  it('flags binary bodies, raw and base64', () => {
    expect(decode({ body: 'PNG\u0000\u0001\u0002', mimeType: 'image/png' }).format).toBe('binary')
    expect(decode({ body: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0xff, 0xfe]).toString('base64'), bodyEncoding: 'base64' }).format).toBe('binary')
    expect(decode({ body: '***not base64***', bodyEncoding: 'base64' }).note).toMatch(/not valid base64/)
  })

  it('explains missing bodies: HEAD, kept out of the HAR, empty, no response', () => {
    expect(decode({ method: 'HEAD', body: null }).format).toBe('head')
    expect(decode({ body: null, bodySize: 120 })).toMatchObject({ format: 'unavailable' })
    expect(decode({ body: null, bodySize: 120 }).note).toContain('120 bytes')
    expect(decode({ body: null, bodySize: 0 }).format).toBe('empty')
    expect(decode({ status: 0, body: null }).format).toBe('unavailable')
  })

  it('does not parse huge bodies whole', () => {
    const huge = '{"code":"NoSuchKey","message":"' + 'x'.repeat(MAX_PARSE_CHARS * 2) + '"}'
    const d = decode({ body: huge })
    expect(d.truncated).toBe(true)
    expect(d.code).toBe('NoSuchKey')
    expect(d.text!.length).toBe(MAX_PARSE_CHARS)
  })

  it('treats other text as plain text', () => {
    expect(decode({ body: 'Forbidden', mimeType: 'text/plain' })).toMatchObject({ format: 'text', code: null })
  })
})
