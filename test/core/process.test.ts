// x-bce-process: image-processing commands and upload callbacks decoded, and callback outcomes explained.
import { describe, expect, it } from 'vitest'
import { analyzeHar } from '../../src/core/analyze.ts'
import { decodeProcess, describeProcess, urlSafeBase64Text } from '../../src/core/process.ts'
import { BOS_HEADERS, entry, har, type EntrySpec } from '../helpers/har.ts'

/** What @baiducloud/sdk writes for `callback: {urls, vars}` (Base64.urlEncode: JSON, base64, - _ and no padding). */
const urlB64 = (v: unknown) => btoa(JSON.stringify(v)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
// The example of the SDK's CHANGELOG (1.0.1): urls ['https://www.test.com/callback'], vars {name: 'baidu'}.
const SDK_EXAMPLE = 'callback/callback,u_WyJodHRwczovL3d3dy50ZXN0LmNvbS9jYWxsYmFjayJd,m_sync,v_eyJuYW1lIjoiYmFpZHUifQ'
const SIGNED = {
  Authorization: `bce-auth-v1/AKID/2026-11-26T04:00:00Z/1800/host;x-bce-date/${'a'.repeat(64)}`,
  'x-bce-date': '2026-11-26T04:00:00Z',
}
const put = (process: string, over: Partial<EntrySpec> = {}): EntrySpec => ({
  method: 'PUT',
  url: 'https://mybucket.bj.bcebos.com/photo.jpg',
  req: { ...SIGNED, 'x-bce-process': process },
  res: { ...BOS_HEADERS, ETag: '"0123456789abcdef0123456789abcdef"' },
  body: '',
  ...over,
})
const one = (s: EntrySpec) => analyzeHar(har([entry(s)])).entries[0]!

describe('decodeProcess', () => {
  it('decodes the SDK example callback', () => {
    expect(decodeProcess(SDK_EXAMPLE, 'header')).toEqual({
      source: 'header',
      kind: 'callback',
      steps: [{ action: 'callback', params: { u: 'WyJodHRwczovL3d3dy50ZXN0LmNvbS9jYWxsYmFjayJd', m: 'sync', v: 'eyJuYW1lIjoiYmFpZHUifQ' } }],
      callback: { urls: ['https://www.test.com/callback'], mode: 'sync', vars: { name: 'baidu' }, encrypt: null, key: null },
      problems: [],
    })
  })

  it('the SDK encoder round-trips, padding or not, with URL-safe characters', () => {
    const urls = ['https://example.com/cb?a=1&b=~~~>>>?']
    const encoded = urlB64(urls)
    expect(encoded).toMatch(/[-_]/) // the value needs the URL-safe alphabet
    expect(decodeProcess(`callback/callback,u_${encoded},m_sync`, 'header').callback?.urls).toEqual(urls)
    expect(urlSafeBase64Text(`${encoded}==`.slice(0, encoded.length + ((4 - (encoded.length % 4)) % 4)))).toBe(JSON.stringify(urls))
  })

  it('a configured callback (e_config, k_) has no URLs and needs none', () => {
    const p = decodeProcess('callback/callback,m_sync,e_config,k_callback1', 'header')
    expect(p.callback).toMatchObject({ urls: null, encrypt: 'config', key: 'callback1' })
    expect(p.problems).toEqual([])
  })

  it.each([
    ['u_ not base64', 'callback/callback,u_%%%,m_sync', 'urls-not-base64'],
    ['u_ a JSON string, not a list', `callback/callback,u_${urlB64('https://a.example/cb')},m_sync`, 'urls-not-json-list'],
    ['u_ raw text base64', `callback/callback,u_${btoa('https://a.example/cb').replace(/=+$/, '')},m_sync`, 'urls-not-json-list'],
    ['a URL without a scheme', `callback/callback,u_${urlB64(['a.example/cb'])},m_sync`, 'url-not-http'],
    ['v_ a list', `callback/callback,u_${urlB64(['https://a.example/cb'])},v_${urlB64([1])}`, 'vars-not-json-object'],
    ['no u_ and no k_', 'callback/callback,m_sync', 'no-urls'],
  ])('%s → %s', (_n, value, problem) => {
    expect(decodeProcess(value, 'header').problems).toEqual([problem])
  })

  it('image processing: steps and their parameters, in order', () => {
    expect(decodeProcess('image/resize,m_lfit,w_200,h_100/quality,q_80/format,f_webp', 'query')).toEqual({
      source: 'query',
      kind: 'image',
      steps: [
        { action: 'resize', params: { m: 'lfit', w: '200', h: '100' } },
        { action: 'quality', params: { q: '80' } },
        { action: 'format', params: { f: 'webp' } },
      ],
      callback: null,
      problems: [],
    })
    expect(decodeProcess('style/thumbnail', 'query')).toMatchObject({ kind: 'style', steps: [{ action: 'thumbnail', params: {} }] })
  })
})

describe('describeProcess (Headers and Summary)', () => {
  it.each([
    [SDK_EXAMPLE, 'Upload callback to https://www.test.com/callback, mode sync; variables {"name":"baidu"}'],
    ['callback/callback,m_sync,e_config,k_cb1', 'Upload callback to the address configured under key "cb1", mode sync'],
    ['callback/callback,u_%%%', 'Upload callback to URLs that cannot be decoded, mode —'],
    ['image/resize,m_lfit,w_200/quality,q_80/grayscale', 'image: resize (m=lfit, w=200) → quality (q=80) → grayscale'],
  ])('%s', (value, text) => {
    expect(describeProcess(decodeProcess(value, 'header'))).toBe(text)
  })
})

describe('in the analysis', () => {
  it('an image-processing GetObject carries its decoded command; an entry without one has no process field', () => {
    const a = one({ url: 'https://mybucket.bj.bcebos.com/photo.jpg?x-bce-process=image/resize,w_200', res: BOS_HEADERS, body: null })
    expect(a.operation).toBe('GetObject')
    expect(a.process).toMatchObject({ source: 'query', kind: 'image', steps: [{ action: 'resize', params: { w: '200' } }] })
    expect('process' in one({ url: 'https://mybucket.bj.bcebos.com/photo.jpg', res: BOS_HEADERS, body: null })).toBe(false)
  })

  it('a callback that succeeded: decoded, no finding', () => {
    const a = one(put(SDK_EXAMPLE, { body: '{"callback":{"result":"eyJvayI6dHJ1ZX0="}}' }))
    expect(a.process?.callback?.urls).toEqual(['https://www.test.com/callback'])
    expect(a.findings).toEqual([])
  })

  it('a callback that failed in the body: the object is stored, the callback is the problem', () => {
    const a = one(put(SDK_EXAMPLE, { body: '{"callback":{"code":"CallbackFailed","message":"connect timeout"}}' }))
    const f = a.findings.find((x) => x.id === 'callback-failed')!
    expect(f).toMatchObject({ severity: 'warning', code: 'CallbackFailed', callbackMessage: 'connect timeout', urls: ['https://www.test.com/callback'] })
    expect(f.detail).toContain('called https://www.test.com/callback, and the callback failed: CallbackFailed connect timeout.')
    expect(a.error).toBeNull()
  })

  it('203 without a body: a failed callback said so, without a code', () => {
    const a = one(put('callback/callback,m_sync,e_config,k_cb1', { status: 203 }))
    const f = a.findings.find((x) => x.id === 'callback-failed')!
    expect(f).toMatchObject({ code: null, urls: null })
    expect(f.detail).toContain('203 Non-Authoritative Information')
    expect(f.detail).toContain('configured under key "cb1"')
  })

  it('a callback BOS cannot decode: a warning, an error when the upload was refused', () => {
    const bad = `callback/callback,u_${btoa('https://a.example/cb').replace(/=+$/, '')},m_sync`
    expect(one(put(bad)).findings.find((x) => x.id === 'callback-invalid')).toMatchObject({ severity: 'warning', problems: ['urls-not-json-list'] })
    const refused = one(put(bad, { status: 400, body: '{"code":"InvalidArgument","message":"Invalid Argument.","requestId":"r"}' }))
    expect(refused.findings.find((x) => x.id === 'callback-invalid')?.severity).toBe('error')
  })

  it('an image command is never read as a callback', () => {
    const a = one(put('image/resize,w_200', { status: 203 }))
    expect(a.findings.map((f) => f.id)).not.toContain('callback-failed')
  })
})
