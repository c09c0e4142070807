import { describe, expect, it } from 'vitest'
import { decodeAuthString, findAuth } from '../../src/core/auth.ts'
import { HeaderMap } from '../../src/core/har.ts'

const SIG = '80c9672aca2ea9af4bb40b9a8ff458d72df94e97d550840727f3a929af271d25'

describe('decodeAuthString', () => {
  it('decodes every field', () => {
    const r = decodeAuthString(`bce-auth-v1/my_ak/2014-06-13T05:57:36Z/1800/host;x-bce-meta-key1/${SIG}`, 'header', false)
    expect(r).toEqual({
      ok: true,
      auth: {
        source: 'header',
        version: 'bce-auth-v1',
        accessKeyId: 'my_ak',
        timestamp: '2014-06-13T05:57:36Z',
        expirationSeconds: 1800,
        signedHeaders: ['host', 'x-bce-meta-key1'],
        sts: false,
        signature: SIG,
        signedAtMs: Date.UTC(2014, 5, 13, 5, 57, 36),
      },
    })
  })

  it('accepts -1 (never expires) and an empty signed-header list (server default set)', () => {
    const r = decodeAuthString(`bce-auth-v1/02fe1db0eea94e8480054b43acd6124f/2016-06-20T07:10:11Z/-1//${SIG}`, 'query', false)
    expect(r.ok && r.auth.expirationSeconds).toBe(-1)
    expect(r.ok && r.auth.signedHeaders).toEqual([])
  })

  it.each([
    ['Bearer abc', /does not start with "bce-auth-v1\/"/],
    ['bce-auth-v1/ak/2014-06-13T05:57:36Z/1800/host', /5 "\/"-separated fields/],
    [`bce-auth-v1//2014-06-13T05:57:36Z/1800/host/${SIG}`, /access key id field is empty/],
    [`bce-auth-v1/ak/2014-06-13T05:57:36.123Z/1800/host/${SIG}`, /without milliseconds/],
    [`bce-auth-v1/ak/2014-06-13 05:57:36/1800/host/${SIG}`, /not UTC ISO 8601/],
    [`bce-auth-v1/ak/2014-06-13T05:57:36Z/30m/host/${SIG}`, /not a whole number/],
    [`bce-auth-v1/ak/2014-06-13T05:57:36Z/-5/host/${SIG}`, /-1 for never/],
    [`bce-auth-v1/ak/2014-06-13T05:57:36Z/1800/Host;X-Bce-Date/${SIG}`, /lower-case names/],
    [`bce-auth-v1/ak/2014-06-13T05:57:36Z/1800/host/${SIG.toUpperCase()}`, /lower-case hex/],
    ['bce-auth-v1/ak/2014-06-13T05:57:36Z/1800/host/abc', /3 characters; it must be 64 hex/],
    ['AWS4-HMAC-SHA256 Credential=ak/20261126/bj/s3/aws4_request, SignedHeaders=host, Signature=abc', /S3 \(AWS\) signature/],
  ])('%s', (raw, problem) => {
    const r = decodeAuthString(raw, 'header', false)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.problem).toMatch(problem)
  })
})

describe('findAuth', () => {
  it('prefers the header, falls back to the presigned query, and notices STS', () => {
    const q = new URLSearchParams({ authorization: `bce-auth-v1/ak/2026-11-26T04:00:00Z/3600/host/${SIG}`, 'x-bce-security-token': 'tok' })
    const r = findAuth(new HeaderMap([]), q)
    expect(r?.ok && r.auth.source).toBe('query')
    expect(r?.ok && r.auth.sts).toBe(true)
    const h = findAuth(new HeaderMap([{ name: 'Authorization', value: `bce-auth-v1/ak/2026-11-26T04:00:00Z/1800/host/${SIG}` }]), q)
    expect(h?.ok && h.auth.source).toBe('header')
    expect(findAuth(new HeaderMap([]), new URLSearchParams())).toBeNull()
  })
})
