import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { decodeAuthString, type DecodedAuth } from '../../src/core/auth.ts'
import { toExchange, type Exchange } from '../../src/core/har.ts'
import { canonicalRequest, checkSignature, hostVariants, signingTraps, uriEncode, withHost } from '../../src/core/signing.ts'
import { entry } from '../helpers/har.ts'

function decoded(raw: string): DecodedAuth {
  const r = decodeAuthString(raw, 'header', false)
  if (!r.ok) throw new Error(r.problem)
  return r.auth
}

describe('uriEncode', () => {
  it('encodes like BOS: RFC 3986, upper-case hex, UTF-8', () => {
    expect(uriEncode("a b!'()*~._-")).toBe('a%20b%21%27%28%29%2A~._-')
    expect(uriEncode('/example/测试', true)).toBe('/example/%E6%B5%8B%E8%AF%95')
    expect(uriEncode('a/b:c')).toBe('a%2Fb%3Ac')
  })
})

describe('canonical request and signature (published test vectors)', () => {
  it('PUT /v1/bucket/object1 with params and x-bce-meta signed', async () => {
    // bce-sdk-js test/sdk/auth.spec.js: AK my_ak, SK my_sk, timestamp 1402639056
    const x = toExchange(
      entry({
        method: 'PUT',
        url: 'http://bce.baidu.com/v1/bucket/object1?A&b=&C=d',
        req: { Host: 'bce.baidu.com', abc: '123', 'x-bce-meta-key1': 'ABC' },
      }),
    )!
    const auth = decoded('bce-auth-v1/my_ak/2014-06-13T05:57:36Z/1800/host;x-bce-meta-key1/80c9672aca2ea9af4bb40b9a8ff458d72df94e97d550840727f3a929af271d25')
    const c = canonicalRequest(x, auth)
    expect(c.text).toBe('PUT\n/v1/bucket/object1\nA=&C=d&b=\nhost:bce.baidu.com\nx-bce-meta-key1:ABC')
    expect(await checkSignature(auth, c, 'my_sk')).toMatchObject({ matches: true })
    expect((await checkSignature(auth, c, 'not_my_sk')).matches).toBe(false)
  })

  it('DELETE with a charset Content-Type signed', async () => {
    const x = toExchange(
      entry({
        method: 'DELETE',
        url: 'http://bce.baidu.com/v1/test-bucket1361199862',
        req: { Host: 'bce.baidu.com', 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': '0' },
      }),
    )!
    const auth = decoded(
      'bce-auth-v1/my_ak/2014-06-13T05:57:36Z/1800/content-length;content-type/c9386b15d585960ae5e6972f73ed92a9a682dc81025480ba5b41206d3e489822',
    )
    expect((await checkSignature(auth, canonicalRequest(x, auth), 'my_sk')).matches).toBe(true)
    expect(signingTraps(x, auth).map((t) => t.id)).toContain('content-type-charset')
  })
})

describe('against the genuine browser SDK (recorded Chromium session)', () => {
  const har = JSON.parse(readFileSync(new URL('../fixtures/chromium-session.devtools.har', import.meta.url), 'utf8')) as { log: { entries: unknown[] } }
  const exchanges = har.log.entries.map((e) => toExchange(e)!).filter((x) => x.requestHeaders.get('authorization')?.startsWith('bce-auth-v1/'))

  it('rebuilds the canonical request so the real secret key verifies every good signature', async () => {
    const good = exchanges.filter((x) => x.status >= 200 && x.status < 300)
    expect(good.length).toBeGreaterThan(5)
    for (const x of good) {
      const auth = decoded(x.requestHeaders.get('authorization')!)
      const r = await checkSignature(auth, canonicalRequest(x, auth), 'SKEXAMPLE')
      expect(r.matches, `${x.method} ${x.url}`).toBe(true)
    }
  })

  it('pinpoints the wrong secret key of the SignatureDoesNotMatch request', async () => {
    const bad = exchanges.find((x) => x.status === 403 && x.responseContent.text?.includes('SignatureDoesNotMatch'))!
    const auth = decoded(bad.requestHeaders.get('authorization')!)
    const c = canonicalRequest(bad, auth)
    expect((await checkSignature(auth, c, 'SKEXAMPLE')).matches).toBe(false)
    expect((await checkSignature(auth, c, 'WRONG-SECRET-KEY')).matches).toBe(true)
  })

  it('verifies presigned URLs (authorization in the query, excluded from the canonical query)', async () => {
    const presigned = har.log.entries.map((e) => toExchange(e)!).filter((x) => x.parsed?.searchParams.has('authorization') && x.status === 200)
    expect(presigned.length).toBeGreaterThan(0)
    for (const x of presigned) {
      const r = decodeAuthString(x.parsed!.searchParams.get('authorization')!, 'query', false)
      if (!r.ok) throw new Error(r.problem)
      expect((await checkSignature(r.auth, canonicalRequest(x, r.auth), 'SKEXAMPLE')).matches).toBe(true)
    }
  })
})

describe('signingTraps', () => {
  const auth = (signed: string) => decoded(`bce-auth-v1/ak/2026-11-26T04:00:00Z/1800/${signed}/${'a'.repeat(64)}`)
  const traps = (x: Exchange, signed: string) => signingTraps(x, auth(signed)).map((t) => t.id)
  const ex = (url: string, req: Record<string, string>, method = 'PUT') => toExchange(entry({ url, method, req }))!

  it.each([
    [
      'charset added to a signed Content-Type',
      ex('https://b.bj.bcebos.com/k', { 'Content-Type': 'text/plain;charset=UTF-8' }),
      'content-type;host',
      'content-type-charset',
    ],
    ['signed header not sent', ex('https://b.bj.bcebos.com/k', {}, 'GET'), 'content-length;host', 'signed-not-sent'],
    ['browser-controlled header signed', ex('https://b.bj.bcebos.com/k', { 'User-Agent': 'x' }), 'host;user-agent', 'browser-controlled'],
    ['Host rewritten to another port', ex('http://b.bj.bcebos.com:8080/k', { Host: 'b.bj.bcebos.com' }), 'host', 'host-port'],
    ['key with characters encodeURIComponent keeps', ex('https://b.bj.bcebos.com/report(1)!.pdf', {}), 'host', 'uri-encoding'],
    ['plus in the query', ex('https://b.bj.bcebos.com/?prefix=a+b', {}, 'GET'), 'host', 'query-encoding'],
    ['legacy /v1 prefix', ex('https://bj.bcebos.com/v1/b/k', {}), 'host', 'v1-prefix'],
    ['security token not signed', ex('https://b.bj.bcebos.com/k', { 'x-bce-security-token': 't' }), 'host', 'security-token-unsigned'],
  ])('%s', (_n, x, signed, id) => {
    expect(traps(x, signed)).toContain(id)
  })

  it('names the raw characters of the query that the canonical query encodes', () => {
    const [t] = signingTraps(ex('https://b.bj.bcebos.com/?prefix=report(1)!*', {}, 'GET'), auth('host')).filter((x) => x.id === 'query-encoding')
    expect(t!.detail).toBe(
      'The query string was sent with "(", ")", "!", "*" unencoded: BOS percent-encodes these in the canonical query string, so a signer that signs them as they stand in the URL signs a different query.',
    )
    const both = signingTraps(ex('https://b.bj.bcebos.com/?prefix=a+b(', {}, 'GET'), auth('host')).find((x) => x.id === 'query-encoding')!
    expect(both.detail).toMatch(/literal plus.*"\(" unencoded/)
    // percent-encoded, as a careful signer sends them: no trap
    expect(traps(ex('https://b.bj.bcebos.com/?prefix=report%281%29%21', {}, 'GET'), 'host')).not.toContain('query-encoding')
  })

  it('host-port only when the Host sent and the URL disagree on the port, not for a port alone', () => {
    expect(traps(ex('http://b.bj.bcebos.com:8080/k', { Host: 'b.bj.bcebos.com:8080' }), 'host')).not.toContain('host-port')
    expect(traps(ex('http://b.bj.bcebos.com:8080/k', {}), 'host')).not.toContain('host-port') // HTTP/2: no Host header
    expect(traps(ex('https://b.bj.bcebos.com/k', { Host: 'b.bj.bcebos.com:443' }), 'host')).not.toContain('host-port') // the default port, spelled out
    expect(traps(ex('https://b.bj.bcebos.com/k', { Host: 'b.bj.bcebos.com:8443' }), 'host')).toContain('host-port')
    expect(traps(ex('https://b.bj.bcebos.com/k', { Host: 'b.bj.bcebos.com:8443' }), 'content-type')).not.toContain('host-port') // host not signed
  })

  it('finds nothing on a clean request', () => {
    expect(
      traps(ex('https://b.bj.bcebos.com/dir/a.txt', { 'Content-Type': 'text/plain', 'x-bce-date': '2026-11-26T04:00:00Z' }), 'content-type;host;x-bce-date'),
    ).toEqual([])
  })
})

describe('the key check tries the Host a signer may have signed', () => {
  const ex = (url: string, req: Record<string, string>) => toExchange(entry({ url, method: 'GET', req }))!

  it('offers the host without its port and with the default port, never the one sent', () => {
    expect(hostVariants(ex('http://b.bj.bcebos.com:8080/k', { Host: 'b.bj.bcebos.com:8080' }))).toEqual(['b.bj.bcebos.com', 'b.bj.bcebos.com:80'])
    expect(hostVariants(ex('https://b.bj.bcebos.com/k', {}))).toEqual(['b.bj.bcebos.com:443'])
  })

  it('a signature made for the host without the port verifies only against that variant', async () => {
    const x = ex('http://b.bj.bcebos.com:8080/k', { Host: 'b.bj.bcebos.com:8080', 'x-bce-date': '2026-11-26T04:00:00Z' })
    const unsigned = decoded(`bce-auth-v1/ak/2026-11-26T04:00:00Z/1800/host;x-bce-date/${'0'.repeat(64)}`)
    const signedFor = withHost(x, 'b.bj.bcebos.com')
    const { expected } = await checkSignature(unsigned, canonicalRequest(signedFor, unsigned), 'SK')
    const auth = { ...unsigned, signature: expected }
    expect((await checkSignature(auth, canonicalRequest(x, auth), 'SK')).matches).toBe(false)
    const hits = []
    for (const h of hostVariants(x)) if ((await checkSignature(auth, canonicalRequest(withHost(x, h), auth), 'SK')).matches) hits.push(h)
    expect(hits).toEqual(['b.bj.bcebos.com'])
    expect(withHost(x, 'b.bj.bcebos.com').requestHeaders.get('x-bce-date')).toBe('2026-11-26T04:00:00Z')
  })
})
