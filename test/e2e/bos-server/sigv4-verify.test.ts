// The S3 endpoint's SigV4 check, against requests signed by smithy's public sign()/presign() (what the AWS
// SDK runs) and AWS's published example.

import { Sha256 } from '@aws-crypto/sha256-js'
import { SignatureV4 } from '@smithy/signature-v4'
import type { HttpRequest } from '@smithy/types'
import { describe, expect, it } from 'vitest'
import { amzDate, parseAmzDate, parseRawQuery, type SigV4Input, verifySigV4 } from './sigv4-verify.ts'

const AK = 'AKIDEXAMPLE'
const SK = 'SKEXAMPLE'
const NOW = Date.UTC(2026, 11, 4, 22, 53, 28)
const HOST = 'mybucket.s3.bj.bcebos.com:8443'

const signer = (secretAccessKey = SK, region = 'bj') =>
  new SignatureV4({ credentials: { accessKeyId: AK, secretAccessKey }, region, service: 's3', sha256: Sha256, uriEscapePath: false })

const hex = async (s: string) => {
  const h = new Sha256()
  h.update(new TextEncoder().encode(s))
  return Buffer.from(await h.digest()).toString('hex')
}

/** The request as a server receives it, from what smithy signed. */
function received(r: HttpRequest, body = ''): SigV4Input {
  const q = Object.entries(r.query ?? {})
    .flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => `${encodeURIComponent(k)}=${encodeURIComponent(String(x ?? ''))}`))
    .join('&')
  const headers: Record<string, string> = {}
  for (const [k, v] of Object.entries(r.headers)) headers[k.toLowerCase()] = v
  return { method: r.method, url: r.path + (q ? `?${q}` : ''), headers, body: Buffer.from(body) }
}

async function signedPut(opts: { sk?: string; region?: string; at?: number; body?: string } = {}) {
  const body = opts.body ?? 'hello'
  const req: HttpRequest = {
    method: 'PUT',
    protocol: 'http:',
    hostname: 'mybucket.s3.bj.bcebos.com',
    port: 8443,
    path: '/a%20b/%E4%B8%AD.txt',
    query: { 'x-id': 'PutObject' },
    headers: {
      host: HOST,
      'content-type': 'text/plain',
      'content-length': String(body.length),
      'x-amz-content-sha256': await hex(body),
      'amz-sdk-request': 'attempt=1; max=3',
    },
    body,
  }
  const signed = await signer(opts.sk, opts.region).sign(req, { signingDate: new Date(opts.at ?? NOW) })
  return received(signed as HttpRequest, body)
}

async function presignedGet(expiresIn: number, at = NOW) {
  const req: HttpRequest = {
    method: 'GET',
    protocol: 'http:',
    hostname: 'mybucket.s3.bj.bcebos.com',
    port: 8443,
    path: '/docs/shared.txt',
    query: { 'x-id': 'GetObject' },
    headers: { host: HOST, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
  }
  const signed = await signer().presign(req, { signingDate: new Date(at), expiresIn, unsignableHeaders: new Set(['x-amz-content-sha256']) })
  const r = received(signed as HttpRequest)
  delete r.headers['x-amz-content-sha256']
  return r
}

const opts = (now = NOW) => ({ now, region: 'bj' })

describe('verifySigV4', () => {
  it('accepts a header-signed PutObject (key with a space and CJK, encoded once) and recomputes its canonical request', async () => {
    const r = await verifySigV4(await signedPut(), { [AK]: SK }, opts())
    expect(r?.error).toBeUndefined()
    expect(r?.ok).toBe(true)
    expect(r?.source).toBe('header')
    expect(r?.canonicalRequest?.split('\n').slice(0, 3)).toEqual(['PUT', '/a%20b/%E4%B8%AD.txt', 'x-id=PutObject'])
    expect(r?.signedHeaders).toEqual(['amz-sdk-request', 'content-length', 'content-type', 'host', 'x-amz-content-sha256', 'x-amz-date'])
  })

  it('a wrong secret: SignatureDoesNotMatch with the StringToSign and CanonicalRequest', async () => {
    const r = await verifySigV4(await signedPut({ sk: 'WRONG' }), { [AK]: SK }, opts())
    expect(r?.error?.code).toBe('SignatureDoesNotMatch')
    expect(r?.error?.status).toBe(403)
    const fields = Object.fromEntries(r!.error!.fields)
    expect(fields.CanonicalRequest).toBe(r?.canonicalRequest)
    expect(fields.StringToSign).toMatch(/^AWS4-HMAC-SHA256\n20261204T225328Z\n20261204\/bj\/s3\/aws4_request\n[0-9a-f]{64}$/)
    expect(fields.SignatureProvided).toBe(r?.signature)
    expect(r?.expectedSignature).not.toBe(r?.signature)
  })

  it('a changed body: XAmzContentSHA256Mismatch', async () => {
    const input = await signedPut()
    input.body = Buffer.from('HELLO')
    expect((await verifySigV4(input, { [AK]: SK }, opts()))?.error?.code).toBe('XAmzContentSHA256Mismatch')
  })

  it.each([
    [-16, 'RequestTimeTooSkewed'],
    [16, 'RequestTimeTooSkewed'],
    [-14, undefined],
  ])('a client clock %i minutes off: %s', async (minutes, code) => {
    const r = await verifySigV4(await signedPut({ at: NOW + minutes * 60_000 }), { [AK]: SK }, opts())
    expect(r?.error?.code).toBe(code)
    if (code) {
      expect(Object.fromEntries(r!.error!.fields)).toEqual({
        RequestTime: amzDate(NOW + minutes * 60_000),
        ServerTime: '2026-12-04T22:53:28Z',
        MaxAllowedSkewMilliseconds: '900000',
      })
    }
  })

  it('a scope region other than the endpoint’s: AuthorizationHeaderMalformed naming both', async () => {
    const r = await verifySigV4(await signedPut({ region: 'us-east-1' }), { [AK]: SK }, opts())
    expect(r?.error?.code).toBe('AuthorizationHeaderMalformed')
    expect(r?.error?.status).toBe(400)
    expect(r?.error?.message).toBe("The authorization header is malformed; the region 'us-east-1' is wrong; expecting 'bj'")
  })

  it('an unknown access key: InvalidAccessKeyId; no signature at all: null', async () => {
    expect((await verifySigV4(await signedPut(), { OTHER: SK }, opts()))?.error?.code).toBe('InvalidAccessKeyId')
    expect(await verifySigV4({ method: 'GET', url: '/k', headers: { host: HOST }, body: Buffer.alloc(0) }, { [AK]: SK }, opts())).toBeNull()
  })

  it('a presigned GET: accepted within X-Amz-Expires, AccessDenied "Request has expired" after it', async () => {
    const url = await presignedGet(60)
    const ok = await verifySigV4(url, { [AK]: SK }, opts(NOW + 30_000))
    expect(ok?.error).toBeUndefined()
    expect(ok?.source).toBe('query')
    expect(ok?.canonicalRequest?.endsWith('\nhost\nUNSIGNED-PAYLOAD')).toBe(true)
    const late = await verifySigV4(url, { [AK]: SK }, opts(NOW + 61_000))
    expect(late?.error?.code).toBe('AccessDenied')
    expect(late?.error?.message).toBe('Request has expired')
    expect(Object.fromEntries(late!.error!.fields)).toEqual({ 'X-Amz-Expires': '60', Expires: '2026-12-04T22:54:28Z', ServerTime: '2026-12-04T22:54:29Z' })
  })

  it('a presigned URL whose query was edited: SignatureDoesNotMatch', async () => {
    const url = await presignedGet(60)
    url.url = url.url.replace('x-id=GetObject', 'x-id=PutObject')
    expect((await verifySigV4(url, { [AK]: SK }, opts()))?.error?.code).toBe('SignatureDoesNotMatch')
  })

  it("reproduces AWS's GET /test.txt example (s3-compat.md §2.5)", async () => {
    const input: SigV4Input = {
      method: 'GET',
      url: '/test.txt',
      headers: {
        host: 'examplebucket.s3.amazonaws.com',
        range: 'bytes=0-9',
        'x-amz-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
        'x-amz-date': '20130524T000000Z',
        authorization:
          'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
      },
      body: Buffer.alloc(0),
    }
    const r = await verifySigV4(
      input,
      { AKIAIOSFODNN7EXAMPLE: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
      { now: Date.UTC(2013, 4, 24), region: 'us-east-1' },
    )
    expect(r?.error).toBeUndefined()
    expect(r?.expectedSignature).toBe('f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41')
    expect(r?.stringToSign?.split('\n')[3]).toBe('7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972')
  })

  it('parses x-amz-date and raw queries (a + stays a plus, valueless names get "")', () => {
    expect(parseAmzDate('20261204T225328Z')).toBe(NOW)
    expect(Number.isNaN(parseAmzDate('2026-12-04T22:53:28Z'))).toBe(true)
    expect(parseRawQuery('/k?uploads&a=b%20c&x=1+2')).toEqual([
      ['uploads', ''],
      ['a', 'b c'],
      ['x', '1+2'],
    ])
  })
})
