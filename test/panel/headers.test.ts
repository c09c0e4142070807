// The Headers tab explains headers from the UI catalog (src/panel/headers.ts), not from the core's
// table (src/core/headers.ts, which the CLI and the core keep): in English the two must say the same.
import { describe, expect, it } from 'vitest'
import { HeaderMap } from '../../src/core/har.ts'
import { explainHeaders } from '../../src/core/headers.ts'
import { en } from '../../src/i18n/en.ts'
import { explainHeader, LAZY_DECODED } from '../../src/panel/headers.ts'
import { decodeProcessHeader } from '../../src/panel/process.ts'
import { useLocale } from '../helpers/i18n.ts'

/** Header names the catalog explains: `header.<name>` without the sub-keys and the two families. */
const CATALOG_HEADERS = Object.keys(en)
  .filter((k) => /^header\.[a-z0-9-]+$/.test(k))
  .map((k) => k.slice('header.'.length))
  .filter((n) => n !== 'x-bce-meta' && n !== 'x-bce-other')

/** Values that exercise every decoder, and one that none decodes. */
const VALUES: Record<string, string[]> = {
  authorization: ['bce-auth-v1/AKID/2026-11-26T04:00:00Z/1800/host;x-bce-date/abc', 'bce-auth-v1/AKID/2026-11-26T04:00:00Z/-1//abc', 'Bearer x'],
  date: ['Thu, 26 Nov 2026 04:00:00 GMT', 'not a date'],
  'x-bce-date': ['2026-11-26T04:00:00Z'],
  'x-bce-debug-id': ['MTAuMC4wLjE6MjAyNjoxMg==', 'FFh7572V+sO+cH3q2Vd0nQ=='],
  'content-md5': ['1B2M2Y8AsgTpgAmY7PhCfg==', 'd41d8cd98f00b204e9800998ecf8427e'],
  'x-bce-content-crc32': ['3632233996', '99999999999'],
  'x-bce-content-crc32c': ['0'],
  'x-bce-storage-class': ['STANDARD_IA', 'archive', 'SOMETHING_NEW'],
  'x-bce-security-token': ['token'],
  'x-bce-server-side-encryption-customer-key': ['key'],
  'x-bce-process': [
    'callback/callback,u_WyJodHRwczovL3d3dy50ZXN0LmNvbS9jYWxsYmFjayJd,m_sync,v_eyJuYW1lIjoiYmFpZHUifQ',
    'callback/callback,m_sync,e_config,k_cb1',
    'callback/callback,u_%%%',
    'image/resize,m_lfit,w_200/quality,q_80',
  ],
}

const OTHERS = ['x-bce-meta-owner', 'x-bce-something-new', 'x-bce-meta', 'accept', 'cache-control', 'X-Bce-Request-Id']

describe('header meanings in the panel', () => {
  it('the catalog knows the headers the core explains', () => {
    expect(CATALOG_HEADERS.length).toBeGreaterThan(60)
    expect(CATALOG_HEADERS).toContain('x-bce-debug-id')
  })

  it('say in English exactly what src/core/headers.ts says, decoded values included', () => {
    const headers = [...CATALOG_HEADERS, ...OTHERS].flatMap((name) => (VALUES[name] ?? ['some value']).map((value) => ({ name, value })))
    const core = explainHeaders(new HeaderMap(headers), new HeaderMap([]))
    const byHeader = new Map(core.map((x) => [`${x.name}\u0000${x.value}`, { meaning: x.meaning, decoded: x.decoded }]))
    for (const { name, value } of headers) {
      const core = byHeader.get(`${name}\u0000${value}`) ?? null
      // x-bce-process is decoded by the extras chunk (LAZY_DECODED), in the same words as the core.
      if (LAZY_DECODED.has(name)) {
        expect(explainHeader(name, value)).toEqual({ meaning: core!.meaning, decoded: null })
        expect(decodeProcessHeader(value), value).toBe(core!.decoded ?? value)
      } else expect(explainHeader(name, value), `${name}: ${value}`).toEqual(core)
    }
  })

  describe('in Chinese', () => {
    useLocale('zh_CN')
    it('explains and decodes in Chinese', () => {
      expect(explainHeader('x-bce-debug-id', 'x')!.meaning).toMatch(/工单/)
      expect(explainHeader('x-bce-storage-class', 'COLD')!.decoded).toBe('冷存储')
      expect(explainHeader('Authorization', 'bce-auth-v1/AKID/2026-11-26T04:00:00Z/1800//sig')!.decoded).toBe(
        'AK AKID，签名时间 2026-11-26T04:00:00Z，有效期 1800 秒，签名请求头：（服务端默认集合），签名 ••••',
      )
      expect(explainHeader('x-bce-meta-a', 'b')!.meaning).toMatch(/元数据/)
      expect(decodeProcessHeader('callback/callback,u_WyJodHRwczovL3d3dy50ZXN0LmNvbS9jYWxsYmFjayJd,m_sync,v_eyJuYW1lIjoiYmFpZHUifQ')).toBe(
        '上传回调到 https://www.test.com/callback，模式 sync；变量 {"name":"baidu"}',
      )
      expect(explainHeader('accept', '*/*')).toBeNull()
    })
  })
})
