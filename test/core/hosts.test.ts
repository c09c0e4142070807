import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { exchangeUrl, toExchange } from '../../src/core/har.ts'
import { compileHostPatterns, matchBos, matchByUrl } from '../../src/core/hosts.ts'
import { CUSTOM_HOSTS, harEntry, params, RUNS, sessionEntry } from '../helpers/arbitraries.ts'
import { entry } from '../helpers/har.ts'

function match(url: string, res: Record<string, string> = {}, req: Record<string, string> = {}, custom: string[] = []) {
  const x = toExchange(entry({ url, res, req }))!
  const t = matchBos(x, compileHostPatterns(custom))
  return t && { matchedBy: t.matchedBy, bucket: t.bucket, key: t.key, region: t.region }
}

describe('matchBos', () => {
  it.each([
    ['https://mybucket.bj.bcebos.com/dir/a%20b.txt', { matchedBy: 'virtual-host', bucket: 'mybucket', key: 'dir/a b.txt', region: 'bj' }],
    ['https://mybucket.bj.bcebos.com/', { matchedBy: 'virtual-host', bucket: 'mybucket', key: null, region: 'bj' }],
    ['http://mybucket.bj.bcebos.com:8080/k?uploads', { matchedBy: 'virtual-host', bucket: 'mybucket', key: 'k', region: 'bj' }],
    ['https://b1.newregion9.bcebos.com/k', { matchedBy: 'virtual-host', bucket: 'b1', key: 'k', region: 'newregion9' }],
    ['https://gz.bcebos.com/mybucket/photos/1.jpg', { matchedBy: 'path-style', bucket: 'mybucket', key: 'photos/1.jpg', region: 'gz' }],
    ['https://bj.bcebos.com/v1/mybucket/photos/1.jpg', { matchedBy: 'path-style', bucket: 'mybucket', key: 'photos/1.jpg', region: 'bj' }],
    ['https://bj.bcebos.com/v1/mybucket', { matchedBy: 'path-style', bucket: 'mybucket', key: null, region: 'bj' }],
    ['https://bj.bcebos.com/', { matchedBy: 'service', bucket: null, key: null, region: 'bj' }],
    ['https://bj.bcebos.com/v1/', { matchedBy: 'service', bucket: null, key: null, region: 'bj' }],
    ['https://s3.cd.bcebos.com/mybucket/x/y', { matchedBy: 's3', bucket: 'mybucket', key: 'x/y', region: 'cd' }],
    ['https://s3.cd.bcebos.com/v1/y', { matchedBy: 's3', bucket: 'v1', key: 'y', region: 'cd' }],
    ['https://mybucket.s3.bj.bcebos.com/x', { matchedBy: 's3', bucket: 'mybucket', key: 'x', region: 'bj' }],
    ['https://edit-upload-pic.cdn.bcebos.com/4c6a.jpeg', { matchedBy: 'cdn', bucket: 'edit-upload-pic', key: '4c6a.jpeg', region: null }],
    ['https://bos.bj.baidubce.com/v1/mybucket/k', { matchedBy: 'path-style', bucket: 'mybucket', key: 'k', region: 'bj' }],
    ['https://bj.bcebos.com/mybucket/%E6%B5%8B%E8%AF%95', { matchedBy: 'path-style', bucket: 'mybucket', key: '测试', region: 'bj' }],
    ['https://bj.bcebos.com/mybucket/bad%E0%A4%A', { matchedBy: 'path-style', bucket: 'mybucket', key: 'bad%E0%A4%A', region: 'bj' }],
  ])('%s', (url, want) => {
    expect(match(url)).toEqual(want)
  })

  it('skips hosts that only look similar', () => {
    expect(match('https://bcebos.com.evil.example/x')).toBeNull()
    expect(match('https://example.com/bcebos.com/x')).toBeNull()
    expect(match('data:text/plain,hi')).toBeNull()
    expect(match('chrome-extension://abc/bcebos.com')).toBeNull()
  })

  it('recognises CDNs and custom domains by the BOS origin headers', () => {
    expect(match('https://img.example.com/a.png', { Server: 'BceBos' })?.matchedBy).toBe('response-headers')
    expect(match('https://img.example.com/a.png', { 'x-bce-debug-id': 'abc' })?.key).toBe('a.png')
    expect(match('https://img.example.com/a.png', { 'X-Bce-Request-Id': 'r' })?.matchedBy).toBe('response-headers')
    // Other Baidu Cloud services answer with x-bce-request-id too, and are not BOS.
    expect(match('https://sts.bj.baidubce.com/v1/sessionToken', { 'x-bce-request-id': 'r' })).toBeNull()
  })

  it('recognises user host patterns', () => {
    expect(match('https://files.example.com/k', {}, {}, ['files.example.com'])?.matchedBy).toBe('custom-host')
    expect(match('https://a.b.example.com/k', {}, {}, ['*.example.com'])?.matchedBy).toBe('custom-host')
    expect(match('https://example.com/k', {}, {}, ['*.example.com'])).toBeNull()
    expect(match('https://files.example.com/k', {}, {}, ['https://FILES.example.com/path'])?.matchedBy).toBe('custom-host')
  })

  it('keeps a signed request that got no response (CORS refusal)', () => {
    const t = match('https://upload.example.com/k', {}, { Authorization: 'bce-auth-v1/ak/2026-11-26T04:00:00Z/1800/host/' + 'a'.repeat(64) })
    expect(t?.matchedBy).toBe('signature')
  })
})

describe('matchByUrl', () => {
  it('says what matchBos says whenever it says anything, and it says it for BOS endpoints', () => {
    const custom = compileHostPatterns(CUSTOM_HOSTS)
    fc.assert(
      fc.property(fc.oneof(harEntry, sessionEntry), (e) => {
        const byUrl = matchByUrl(exchangeUrl(e), custom)
        const x = toExchange(e)
        const full = !!x && matchBos(x, custom) !== null
        if (byUrl !== null) expect(byUrl).toBe(full)
        if (x?.parsed && /\.bcebos\.com$/i.test(x.parsed.hostname) && /^https?:$/.test(x.parsed.protocol)) expect(byUrl).toBe(true)
      }),
      params(RUNS),
    )
    expect(matchByUrl(exchangeUrl(entry({ url: 'https://b.bj.bcebos.com/k' })))).toBe(true)
    expect(matchByUrl(exchangeUrl(entry({ url: 'https://files.example.com/k' })), custom)).toBe(true)
    expect(matchByUrl(exchangeUrl(entry({ url: 'https://proxy.example.com/k' })))).toBe(null)
    expect(matchByUrl(exchangeUrl(entry({ url: 'ftp://b.bj.bcebos.com/k' })))).toBe(false)
    expect(matchByUrl(exchangeUrl({ request: { url: 'not a url' } }))).toBe(false)
  })
})
