import { describe, expect, it } from 'vitest'
import { BosAnalyzer } from '../../src/core/analyze.ts'
import { decodePolicy } from '../../src/core/post-policy.ts'
import type { EntryAnalysis } from '../../src/core/types.ts'
import { BOS_HEADERS, bosError, entry, type EntrySpec } from '../helpers/har.ts'
import { BOUNDARY as B, b64, form, good, POLICY } from '../helpers/post-form.ts'
import { english } from '../../src/core/finding.ts'
import type { Text } from '../../src/i18n/report-message.ts'
// A violation's English as --json has it; its message must say the same
const plainViolations = (vs: unknown) =>
  (vs as { condition: string; expected: string; actual: string; message: { expected: Text; actual: Text } }[]).map(({ message, ...v }) => {
    expect([english(message.expected), english(message.actual)]).toEqual([v.expected, v.actual])
    return v
  })

function post(body: string, spec: Partial<EntrySpec> = {}): EntryAnalysis {
  return new BosAnalyzer().analyze(
    entry({
      url: 'https://mybucket.bj.bcebos.com/',
      method: 'POST',
      status: 201,
      res: BOS_HEADERS,
      body: '',
      req: { 'Content-Type': `multipart/form-data; boundary=${B}` },
      postData: { mimeType: `multipart/form-data; boundary=${B}`, text: body },
      ...spec,
    }),
    0,
  )!
}
const ids = (a: EntryAnalysis) => a.findings.map((f) => f.id)

describe('PostObject', () => {
  it('a good form: decoded policy, key from the form, no findings, signature never exposed', () => {
    const a = post(form(good))
    expect(a.operation).toBe('PostObject')
    expect(a.key).toBe('uploads/a.txt')
    expect(ids(a)).toEqual([])
    expect(a.post).toEqual({
      fields: { key: 'uploads/a.txt', accesskey: 'AKIDEXAMPLE' },
      file: { name: 'a.txt', size: 11, sizeIsUpperBound: false },
      policy: POLICY,
    })
    expect(JSON.stringify(a)).not.toContain('f'.repeat(64))
  })

  it('policy-expired by the server clock (a PostObject RequestExpired)', () => {
    const a = post(form(good), {
      status: 403,
      res: { ...BOS_HEADERS, Date: 'Thu, 26 Nov 2026 05:10:00 GMT' },
      body: bosError('RequestExpired', 'Request has expired. Timestamp date is 2026-11-26T05:00:00Z'),
    })
    expect(ids(a)).toContain('policy-expired')
    expect(a.findings.find((f) => f.id === 'policy-expired')).toMatchObject({ severity: 'error', overdueSeconds: 600 })
  })

  it('content-length-range exceeded (MaxMessageLengthExceeded)', () => {
    const a = post(form(good, 'x'.repeat(5000)), { status: 400, body: bosError('MaxMessageLengthExceeded', 'Your request was too big.') })
    const f = a.findings.find((x) => x.id === 'policy-violation')!
    expect(f.detail).toMatch(/content-length-range 1–1000: expected 1 to 1000 bytes, sent about 5000 bytes/)
    expect(f.detail).toMatch(/MaxMessageLengthExceeded/)
  })

  it('key and bucket conditions not met (AccessDenied)', () => {
    const fields = good.map(([n, v]) => [n, n === 'key' ? 'other/a.txt' : v] as [string, string])
    const a = new BosAnalyzer().analyze(
      entry({
        url: 'https://otherbucket.bj.bcebos.com/',
        method: 'POST',
        status: 403,
        res: BOS_HEADERS,
        body: bosError('AccessDenied', 'Access denied.'),
        req: { 'Content-Type': `multipart/form-data; boundary=${B}` },
        postData: { mimeType: 'multipart/form-data', text: form(fields) },
      }),
      0,
    )!
    const f = a.findings.find((x) => x.id === 'policy-violation')!
    expect(plainViolations(f.violations)).toEqual([
      { condition: '{"bucket": "mybucket"}', expected: '"mybucket"', actual: '"otherbucket"' },
      { condition: '{"key": "uploads/*"}', expected: 'matches uploads/*', actual: '"other/a.txt"' },
    ])
  })

  it('S3-style starts-with and eq conditions', () => {
    const p = {
      expiration: '2026-11-26T05:00:00Z',
      conditions: [
        ['starts-with', '$key', 'img/'],
        ['eq', '$Content-Type', 'image/png'],
      ],
    }
    const a = post(form([...good.filter(([n]) => n !== 'policy'), ['policy', b64(p)], ['Content-Type', 'text/plain']]), {
      status: 403,
      body: bosError('AccessDenied', 'Access denied.'),
    })
    expect((a.findings.find((x) => x.id === 'policy-violation')!.violations as unknown[]).length).toBe(2)
  })

  it('missing fields and fields after the file', () => {
    const a = post(
      form(
        [
          ['key', 'uploads/a.txt'],
          ['policy', b64(POLICY)],
        ],
        'x',
        false,
      ),
      { status: 403, body: bosError('AccessDenied', 'Access denied.') },
    )
    const f = a.findings.find((x) => x.id === 'post-form-incomplete')!
    expect(f.missing).toEqual(['accesskey', 'signature'])
    expect(f.ignoredAfterFile).toEqual(['key', 'policy'])
  })

  it.each([
    ['not base64', '%%%', /not base64/],
    ['not JSON', b64('{expiration:'), /not valid JSON/],
    ['no conditions', b64({ expiration: '2026-11-26T05:00:00Z' }), /"conditions" is missing/],
    ['bad expiration', b64({ expiration: 'tomorrow', conditions: [] }), /not UTC ISO 8601/],
  ])('policy-invalid: %s', (_n, policy, problem) => {
    expect(decodePolicy(policy)).toMatchObject({ ok: false, problem: expect.stringMatching(problem) })
    const a = post(form([...good.filter(([n]) => n !== 'policy'), ['policy', policy]]), { status: 400, body: bosError('InvalidPolicyDocument', 'x') })
    expect(ids(a)).toContain('policy-invalid')
  })

  it('reads HAR postData.params (Firefox) and success redirects are not errors', () => {
    const a = new BosAnalyzer().analyze(
      entry({
        url: 'https://mybucket.bj.bcebos.com/',
        method: 'POST',
        status: 302,
        res: { ...BOS_HEADERS, Location: 'https://app.example.com/done' },
        req: { 'Content-Type': `multipart/form-data; boundary=${B}`, 'Content-Length': '600' },
        postData: {
          mimeType: 'multipart/form-data',
          params: [
            ...good.map(([name, value]) => ({ name, value })),
            { name: 'success-action-redirect', value: 'https://app.example.com/done' },
            { name: 'file', fileName: 'a.txt' },
          ],
        } as never,
      }),
      0,
    )!
    expect(a.error).toBeNull()
    expect(ids(a)).toEqual([])
    expect(a.post?.file).toEqual({ name: 'a.txt', size: 600, sizeIsUpperBound: true })
  })

  it('says so when the HAR kept no form', () => {
    const a = new BosAnalyzer().analyze(
      entry({
        url: 'https://mybucket.bj.bcebos.com/',
        method: 'POST',
        status: 403,
        req: { 'Content-Type': `multipart/form-data; boundary=${B}` },
        res: BOS_HEADERS,
        body: bosError('AccessDenied', 'Access denied.'),
      }),
      0,
    )!
    expect(ids(a)).toEqual(['post-form-incomplete'])
    expect(a.post).toBeNull()
  })
})

describe('PostObject secrets and sizes the HAR did not keep', () => {
  it('a condition on the STS token is checked, but the token never appears', () => {
    const TOKEN = 'sts-token-4f1c9e0b7a2d'
    const p = { expiration: '2026-11-26T05:00:00Z', conditions: [{ 'x-bce-security-token': TOKEN }] }
    const ok = post(form([...good.filter(([n]) => n !== 'policy'), ['policy', b64(p)], ['x-bce-security-token', TOKEN]]))
    expect(ids(ok)).toEqual([])
    const bad = post(form([...good.filter(([n]) => n !== 'policy'), ['policy', b64(p)], ['x-bce-security-token', 'other-token-123']]), {
      status: 403,
      body: bosError('AccessDenied', 'Access denied.'),
    })
    expect(ids(bad)).toEqual(['policy-violation'])
    for (const a of [ok, bad]) {
      expect(JSON.stringify(a)).not.toContain(TOKEN)
      expect(JSON.stringify(a)).not.toContain('other-token-123')
    }
  })

  it('MaxMessageLengthExceeded with the file part missing from the HAR still names the range', () => {
    const a = post(form(good, null), { status: 400, body: bosError('MaxMessageLengthExceeded', 'Your request was too big.') })
    const f = a.findings.find((x) => x.id === 'policy-violation')!
    expect(f.detail).toMatch(/content-length-range 1–1000: expected 1 to 1000 bytes, sent more than 1000 bytes \(measured by BOS/)
  })
})
