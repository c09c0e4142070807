// Unit tests of the test server's bce-auth-v1 verifier and URI encoding (pure: no server, no network).
// Signatures are made with the genuine SDK's signer (@baiducloud/sdk src/auth.js) or by hand from the spec.

import { createHmac } from 'node:crypto'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { pctDecode, safeDecode, uriEncode } from './encoding.ts'
import { verifyBceAuth } from './signature.ts'

interface SdkAuth {
  generateAuthorization(
    method: string,
    resource: string,
    params: Record<string, string | null>,
    headers: Record<string, string | number>,
    timestamp?: number,
    expirationInSeconds?: number,
    headersToSign?: string[],
  ): string
}
const require = createRequire(import.meta.url)
const Auth = require('@baiducloud/sdk/src/auth.js') as new (ak: string, sk: string) => SdkAuth

const AK = 'my_ak'
const SK = 'my_sk'
const T0 = Date.parse('2026-01-02T03:04:05Z')
const ts = (ms: number) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z')
const hmacHex = (key: string, msg: string) => createHmac('sha256', key).update(msg).digest('hex')
/** A bce-auth-v1 string computed by hand from a canonical request. */
const handSigned = (canonical: string, signed: string, at = T0, exp = 1800) => {
  const prefix = `bce-auth-v1/${AK}/${ts(at)}/${exp}`
  return `${prefix}/${signed}/${hmacHex(hmacHex(SK, prefix), canonical)}`
}

describe('uriEncode / pctDecode', () => {
  it('encodes everything but unreserved characters, upper-case hex; keepSlash keeps /', () => {
    expect(uriEncode("a b!'()*~._-")).toBe('a%20b%21%27%28%29%2A~._-')
    expect(uriEncode('a/b:c')).toBe('a%2Fb%3Ac')
    expect(uriEncode('a/b:c', true)).toBe('a/b%3Ac')
    expect(uriEncode('测试')).toBe('%E6%B5%8B%E8%AF%95')
  })
  it('decodes percent-encoding with + kept literal; safeDecode leaves bad input alone', () => {
    expect(pctDecode('a+b%20c')).toBe('a+b c')
    expect(() => pctDecode('%E6%B5')).toThrow(URIError)
    expect(safeDecode('%E6%B5')).toBe('%E6%B5')
    expect(safeDecode('%2F')).toBe('/')
  })
})

describe('verifyBceAuth', () => {
  const headers = { host: 'b.bj.bcebos.com', 'x-bce-date': ts(T0), 'content-length': '3' }

  it('returns null for an anonymous request', () => {
    expect(verifyBceAuth({ method: 'GET', url: '/k?x=1', headers: { host: 'h' } }, SK)).toBeNull()
  })

  it('accepts what the SDK signs, and reports what went into the canonical request', () => {
    const auth = new Auth(AK, SK).generateAuthorization('PUT', '/dir/a%20b.txt', { acl: '' }, headers, T0 / 1000, 1800)
    const r = verifyBceAuth({ method: 'put', url: '/dir/a%20b.txt?acl', headers: { ...headers, authorization: auth } }, SK, { now: T0 })
    expect(r).toMatchObject({
      ok: true,
      source: 'header',
      accessKeyId: AK,
      timestamp: ts(T0),
      expirationSeconds: 1800,
      signedHeaders: ['content-length', 'host', 'x-bce-date'],
    })
    expect(r?.error).toBeUndefined()
    expect(r?.expectedSignature).toBe(r?.signature)
    expect(r?.canonicalRequest).toBe(`PUT\n/dir/a%20b.txt\nacl=\ncontent-length:3\nhost:b.bj.bcebos.com\nx-bce-date:${encodeURIComponent(ts(T0))}`)
  })

  it('finds the signature in the authorization query parameter (presigned URL), leaving it out of the canonical query', () => {
    const auth = new Auth(AK, SK).generateAuthorization('GET', '/v1/k.txt', { a: 'x y' }, { host: 'b.bj.bcebos.com' }, T0 / 1000, 300)
    const url = `/v1/k.txt?a=x%20y&authorization=${encodeURIComponent(auth)}`
    const r = verifyBceAuth({ method: 'GET', url, headers: { host: 'b.bj.bcebos.com' } }, SK, { now: T0 + 299_000 })
    expect(r).toMatchObject({ ok: true, source: 'query', raw: auth })
    expect(r?.canonicalRequest).toBe('GET\n/v1/k.txt\na=x%20y\nhost:b.bj.bcebos.com')
    // no Date header needed for a presigned URL; expired once its validity has passed
    expect(verifyBceAuth({ method: 'GET', url, headers: { host: 'b.bj.bcebos.com' } }, SK, { now: T0 + 301_000 })?.error).toBe('RequestExpired')
  })

  it('looks the secret key up in a map or a function; an unknown key id is InvalidAccessKeyId', () => {
    const auth = new Auth(AK, SK).generateAuthorization('GET', '/k', {}, headers, T0 / 1000)
    const req = { method: 'GET', url: '/k', headers: { ...headers, authorization: auth } }
    expect(verifyBceAuth(req, { [AK]: SK })?.ok).toBe(true)
    expect(verifyBceAuth(req, (ak) => (ak === AK ? SK : undefined))?.ok).toBe(true)
    expect(verifyBceAuth(req, () => undefined)?.error).toBe('InvalidAccessKeyId')
    // inherited properties are not keys
    expect(verifyBceAuth({ ...req, headers: { ...headers, authorization: auth.replace(AK, 'toString') } }, {})?.error).toBe('InvalidAccessKeyId')
  })

  it('judges expiry only with opts.now: timestamp + expiration, inclusive; -1 never expires', () => {
    const at = (exp: number) => handSigned('GET\n/k\n\nhost:h', 'host', T0, exp)
    const req = (exp: number) => ({ method: 'GET', url: '/k', headers: { host: 'h', date: 'x', authorization: at(exp) } })
    expect(verifyBceAuth(req(60), SK, { now: T0 + 60_000 })?.ok).toBe(true)
    expect(verifyBceAuth(req(60), SK, { now: T0 + 60_001 })?.error).toBe('RequestExpired')
    expect(verifyBceAuth(req(60), SK)?.ok).toBe(true)
    expect(verifyBceAuth(req(-1), SK, { now: T0 + 10 * 365 * 86400_000 })?.ok).toBe(true)
  })

  it('wants a date or x-bce-date header when judging time, unless requireDate is false', () => {
    const authorization = handSigned('GET\n/k\n\nhost:h', 'host')
    const req = { method: 'GET', url: '/k', headers: { host: 'h', authorization } }
    expect(verifyBceAuth(req, SK, { now: T0 })?.error).toBe('MissingDateHeader')
    expect(verifyBceAuth(req, SK, { now: T0, requireDate: false })?.ok).toBe(true)
    expect(verifyBceAuth(req, SK)?.ok).toBe(true)
    expect(verifyBceAuth({ ...req, headers: { ...req.headers, Date: 'Fri, 02 Jan 2026 03:04:05 GMT' } }, SK, { now: T0 })?.ok).toBe(true)
  })

  it('reads header names in any case, joins repeated values, skips signed headers that are absent or empty', () => {
    const canonical = 'GET\n/k\n\nhost:h\nx-bce-meta-a:1%2C2'
    const authorization = handSigned(canonical, 'Host;X-Bce-Meta-A;x-bce-missing;x-bce-empty')
    const r = verifyBceAuth(
      { method: 'GET', url: '/k', headers: { HOST: 'h', 'x-bce-meta-a': ['1', '2'], 'x-bce-empty': ' ', Authorization: authorization } },
      SK,
    )
    expect(r).toMatchObject({ ok: true, signedHeaders: ['host', 'x-bce-meta-a'], canonicalRequest: canonical })
  })

  it('canonicalises the query: decoded then re-encoded, sorted, keys without = get an empty value', () => {
    const canonical = 'GET\n/k\nA=&b=%2B%20&c=%E6%B5%8B\nhost:h'
    const authorization = handSigned(canonical, 'host')
    const r = verifyBceAuth({ method: 'GET', url: `/k?c=%E6%B5%8B&b=+%20&A`, headers: { host: 'h', authorization } }, SK)
    expect(r).toMatchObject({ ok: true, canonicalRequest: canonical })
  })

  it('accepts an upper-case hex signature; rejects a wrong one with what it expected', () => {
    const authorization = handSigned('GET\n/k\n\nhost:h', 'host')
    const [head, sig] = [authorization.slice(0, -64), authorization.slice(-64)]
    expect(verifyBceAuth({ method: 'GET', url: '/k', headers: { host: 'h', authorization: head + sig.toUpperCase() } }, SK)?.ok).toBe(true)
    const wrong = verifyBceAuth({ method: 'GET', url: '/k', headers: { host: 'h', authorization: head + '0'.repeat(64) } }, SK)
    expect(wrong).toMatchObject({ ok: false, error: 'SignatureDoesNotMatch', signature: '0'.repeat(64), expectedSignature: sig })
    // a path that is not valid percent-encoding cannot be canonicalised
    expect(verifyBceAuth({ method: 'GET', url: '/%E6%B5', headers: { host: 'h', authorization } }, SK)?.error).toBe('SignatureDoesNotMatch')
  })

  it.each([
    ['too few fields', `bce-auth-v1/${AK}/${ts(T0)}/1800/${'a'.repeat(64)}`],
    ['another version', `bce-auth-v2/${AK}/${ts(T0)}/1800/host/${'a'.repeat(64)}`],
    ['an empty key id', `bce-auth-v1//${ts(T0)}/1800/host/${'a'.repeat(64)}`],
    ['a timestamp with milliseconds', `bce-auth-v1/${AK}/2026-01-02T03:04:05.000Z/1800/host/${'a'.repeat(64)}`],
    ['an impossible date', `bce-auth-v1/${AK}/2026-13-02T03:04:05Z/1800/host/${'a'.repeat(64)}`],
    ['a negative expiration other than -1', `bce-auth-v1/${AK}/${ts(T0)}/-5/host/${'a'.repeat(64)}`],
    ['a short signature', `bce-auth-v1/${AK}/${ts(T0)}/1800/host/abc`],
    ['a non-hex signature', `bce-auth-v1/${AK}/${ts(T0)}/1800/host/${'g'.repeat(64)}`],
  ])('InvalidHTTPAuthHeader for %s, before any key lookup', (_what, authorization) => {
    const r = verifyBceAuth({ method: 'GET', url: '/k', headers: { host: 'h', authorization } }, {})
    expect(r).toMatchObject({ ok: false, error: 'InvalidHTTPAuthHeader', raw: authorization })
    expect(r?.accessKeyId).toBeUndefined()
  })
})
