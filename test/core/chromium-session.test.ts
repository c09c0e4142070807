// Table-driven over HARs recorded from a real Chromium session with the genuine @baiducloud/sdk
// against the local BOS-like server (test/e2e/record-har.ts): Playwright's HAR and the DevTools layout.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { analyzeHar } from '../../src/core/analyze.ts'

interface Expected {
  step: string
  method: string
  path: string
  status: number
  playwrightStatus?: number
  operation: string | null
  errorCode: string | null
  bucket: string | null
  key: string | null
  preflight: boolean
  index: Record<string, number | null>
}

const expectJson = JSON.parse(readFileSync(new URL('../fixtures/chromium-session.expect.json', import.meta.url), 'utf8')) as {
  files: Record<string, { preflights: boolean }>
  entries: Expected[]
}

// What the analysis must find, per step (preflight rows separately); everything else must be clean.
const FINDINGS: Record<string, string[]> = {
  'put-expired PUT': ['request-expired', 'clock-skew'],
  'put-expired OPTIONS': ['clock-skew'],
  'put-etag-mismatch PUT': ['md5-mismatch'],
  'head-404 HEAD': ['no-error-body'],
  'put-bad-signature PUT': ['signature-mismatch'],
  'presigned-expired GET': ['request-expired', 'presigned-expired'],
  'cors-missing OPTIONS': ['cors-preflight-failed'],
  'cors-missing PUT': ['cors-preflight-failed'],
}

describe.each(Object.keys(expectJson.files))('%s', (file) => {
  const har = JSON.parse(readFileSync(new URL(`../fixtures/${file}`, import.meta.url), 'utf8'))
  const result = analyzeHar(har)
  const byIndex = new Map(result.entries.map((e) => [e.index, e]))
  const rows = expectJson.entries.filter((e) => e.index[file] !== null)

  it('finds exactly the BOS entries', () => {
    expect(result.entries.map((e) => e.index)).toEqual(rows.filter((r) => r.operation !== null).map((r) => r.index[file]))
  })

  it.each(rows.filter((r) => r.operation !== null).map((r) => [`${r.step} ${r.method}`, r] as const))('%s', (name, r) => {
    const a = byIndex.get(r.index[file]!)!
    // Playwright's HAR drops FormData bodies, so the form's key field is not there to read.
    const key = r.operation === 'PostObject' && !expectJson.files[file]!.preflights ? null : r.key
    expect(a).toMatchObject({ method: r.method, operation: r.operation, bucket: r.bucket, key, preflight: r.preflight, region: 'bj' })
    expect(a.status).toBe(r.status)
    expect(a.error?.code ?? null).toBe(r.errorCode)
    if (r.status === 0) expect(a.requestId).toBeNull()
    else expect(a.requestId).toMatch(/^[0-9a-f-]{36}$/)
    expect(a.findings.map((f) => f.id)).toEqual(FINDINGS[name] ?? [])
  })

  it('diagnoses the clock, the signature and the presigned expiry', () => {
    const expired = result.entries.find((e) => e.error?.code === 'RequestExpired' && e.method === 'PUT')!
    const f = expired.findings.find((x) => x.id === 'request-expired')!
    expect(f.cause).toBe('client-clock')
    expect(Math.abs((f.skewSeconds as number) + 2400)).toBeLessThan(5)
    const presigned = result.entries.find((e) => e.error?.code === 'RequestExpired' && e.method === 'GET')!
    expect(presigned.findings.find((x) => x.id === 'request-expired')!.cause).toBe('stale-signature')
    expect(presigned.auth?.source).toBe('query')
    const sig = result.entries.find((e) => e.error?.code === 'SignatureDoesNotMatch')
    if (sig?.auth) {
      const s = sig.findings.find((x) => x.id === 'signature-mismatch')!
      expect(s.canonicalRequest).toMatch(
        /^PUT\n\/docs\/hello\.txt\n\ncontent-length:\d+\ncontent-md5:.+\ncontent-type:.+\nhost:mybucket\.bj\.bcebos\.com%3A\d+\nx-bce-date:/,
      )
    }
  })

  it('groups the multipart upload into one completed session', () => {
    expect(result.uploads).toHaveLength(1)
    const u = result.uploads[0]!
    expect(u).toMatchObject({ bucket: 'mybucket', key: 'videos/clip.bin', outcome: 'completed' })
    expect(u.parts.map((p) => [p.partNumber, p.status])).toEqual([
      [1, 200],
      [2, 200],
      [3, 200],
    ])
    expect(u.parts.every((p) => /^[0-9a-f]{32}$/.test(p.etag ?? ''))).toBe(true)
    expect(u.completeIndex).not.toBeNull()
  })
})
