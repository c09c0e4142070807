// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import type { Finding } from '../../src/core/types.ts'
import {
  bytes,
  displayHeaderValue,
  findingBadges,
  maskAuthorization,
  maskUrl,
  partNumberOf,
  shortSkew,
  splitForMiddle,
  withoutQuery,
} from '../../src/panel/format.ts'
import { SIGNATURE } from '../helpers/fake-store.ts'

const f = (id: string, severity: Finding['severity'], extra: Record<string, unknown> = {}): Finding =>
  ({
    id,
    severity,
    title: `${id} title`,
    detail: '',
    ...extra,
  }) as Finding

describe('findingBadges', () => {
  it('shows skew once, in minutes with a real minus sign, at the worst severity', () => {
    const b = findingBadges([f('request-expired', 'error', { skewSeconds: -1020 }), f('clock-skew', 'warning', { skewSeconds: -1020 })])
    expect(b).toEqual([{ key: 'skew', label: 'skew \u221217 min', severity: 'error', title: 'request-expired title\nclock-skew title' }])
  })

  it('names MD5 and status findings, and gives anything else a short generic label', () => {
    const labels = findingBadges([
      f('md5-mismatch', 'error'),
      f('content-md5-malformed', 'warning'),
      f('status-mismatch', 'warning'),
      f('cors-not-allowed', 'error'),
      f('brand-new-finding', 'info'),
    ]).map((b) => [b.label, b.severity])
    expect(labels).toEqual([
      ['MD5', 'error'],
      ['CORS', 'error'],
      ['status', 'warning'],
      ['brand', 'info'],
    ])
  })

  it('request-expired without a measured skew is "expired"', () => {
    expect(findingBadges([f('request-expired', 'error')]).map((b) => b.label)).toEqual(['expired'])
  })

  it('request-expired with the clocks in step (a stale signature) is "expired", not "skew +0 s"', () => {
    expect(findingBadges([f('request-expired', 'error', { skewSeconds: 0 }), f('presigned-expired', 'error')]).map((b) => b.label)).toEqual([
      'expired',
      'URL expired',
    ])
  })

  it('gives the upload findings short labels of their own', () => {
    const ids = [
      'part-too-small',
      'part-etag-mismatch',
      'part-order-invalid',
      'parts-not-listed',
      'policy-expired',
      'policy-violation',
      'post-form-incomplete',
      'cors-preflight-failed',
      'cors-etag-not-exposed',
      'append-offset-incorrect',
    ]
    expect(findingBadges(ids.map((id) => f(id, 'error'))).map((b) => b.label)).toEqual([
      'part size',
      'part ETag',
      'part order',
      'parts',
      'policy expired',
      'policy',
      'form',
      'CORS',
      'ETag hidden',
      'append',
    ])
  })
})

describe('shortSkew', () => {
  it.each([
    [-1020, '\u221217 min'],
    [40, '+40 s'],
    [-7200 * 3, '\u22126 h'],
    [86400 * 3, '+3 d'],
  ])('%d s → %s', (s, want) => expect(shortSkew(s)).toBe(want))
})

describe('secrets', () => {
  const auth = `bce-auth-v1/AKID/2026-11-26T04:00:00Z/1800/host;x-bce-date/${SIGNATURE}`

  it('masks the bce-auth-v1 signature and keeps the rest', () => {
    expect(maskAuthorization(auth)).toBe('bce-auth-v1/AKID/2026-11-26T04:00:00Z/1800/host;x-bce-date/••••')
    expect(maskAuthorization('Bearer abc.def')).toBe('Bearer ••••')
    expect(maskAuthorization('garbage')).toBe('••••')
  })

  it('masks tokens and SSE-C keys, leaves ordinary headers alone', () => {
    expect(displayHeaderValue('Authorization', auth)).not.toContain(SIGNATURE)
    expect(displayHeaderValue('x-bce-security-token', 'tok')).toBe('••••')
    expect(displayHeaderValue('X-Bce-Server-Side-Encryption-Customer-Key', 'k')).toBe('••••')
    expect(displayHeaderValue('Content-Type', 'text/plain')).toBe('text/plain')
  })

  it('strips and masks URLs', () => {
    const url = `https://b.bj.bcebos.com/k%20x?authorization=${encodeURIComponent(auth)}&x-bce-security-token=tok&uploads`
    expect(withoutQuery(url)).toBe('https://b.bj.bcebos.com/k%20x')
    expect(withoutQuery('https://user:pw@b.bj.bcebos.com/k#frag')).toBe('https://b.bj.bcebos.com/k')
    expect(withoutQuery('not a url?sig=1')).toBe('not a url')
    const masked = maskUrl(url)
    expect(masked).not.toContain(SIGNATURE)
    expect(masked).not.toContain('tok&')
    expect(masked).toContain('&uploads')
  })

  it.each([
    ['X-Amz-Signature', SIGNATURE],
    ['x-amz-security-token', 'tok'],
    ['Signature', 'c2lnbmF0dXJl'],
  ])('masks the %s query parameter of a SigV4 or SigV2 presigned URL', (name, value) => {
    const url = `https://b.s3.bj.bcebos.com/k?X-Amz-Credential=AKID%2F20261206%2Fbj%2Fs3%2Faws4_request&${name}=${value}&x-id=GetObject`
    const masked = maskUrl(url)
    expect(masked).not.toContain(`=${value}`)
    expect(masked).toContain(`${name}=••••`)
    expect(masked).toContain('X-Amz-Credential=AKID%2F20261206')
  })

  it('masks SigV4 headers', () => {
    expect(displayHeaderValue('Authorization', `AWS4-HMAC-SHA256 Credential=AKID/20261206/bj/s3/aws4_request, Signature=${SIGNATURE}`)).not.toContain(SIGNATURE)
    expect(displayHeaderValue('X-Amz-Security-Token', 'tok')).toBe('••••')
    expect(displayHeaderValue('x-amz-server-side-encryption-customer-key', 'k')).toBe('••••')
  })
})

describe('middle truncation and part numbers', () => {
  it.each([
    ['mybucket/uploads/report-q3.pdf', 'mybucket/uploads/', 'report-q3.pdf'],
    ['mybucket/', '', 'mybucket/'],
    ['b/a-very-long-file-name-that-goes-on-and-on.mp4', 'b/a-very-long-file-', 'name-that-goes-on-and-on.mp4'],
    ['short', '', 'short'],
  ])('%s → %s | %s', (label, head, tail) => {
    expect(splitForMiddle(label)).toEqual({ head, tail })
  })

  it('part numbers come from the query of part uploads only', () => {
    expect(partNumberOf('https://b.bj.bcebos.com/k?partNumber=3&uploadId=u')).toBe(3)
    expect(partNumberOf('https://b.bj.bcebos.com/k?uploadId=u&partNumber=12')).toBe(12)
    expect(partNumberOf('https://b.bj.bcebos.com/k?uploadId=u')).toBeNull()
    expect(partNumberOf('https://b.bj.bcebos.com/k?xpartNumber=3')).toBeNull()
  })
})

describe('bytes', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1024, '1.0 KB'],
    [4 << 20, '4.0 MB'],
    [1024 ** 3 - 1, '1024.0 MB'],
    [1024 ** 3, '1.00 GB'],
    [10_000 * (4 << 20), '39.06 GB'],
  ])('%i bytes read as %s', (n, text) => expect(bytes(n)).toBe(text))
})
