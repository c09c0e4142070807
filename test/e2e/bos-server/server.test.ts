// Tests of the BOS-like test server itself, from Node (node:http with explicit Host headers: Node's
// fetch cannot set Host). Requests are signed with the genuine SDK's signer (@baiducloud/sdk src/auth.js),
// so the server's verifier is checked against an independent implementation.

import { createHash, createHmac } from 'node:crypto'
import { request } from 'node:http'
import { createRequire } from 'node:module'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startBosServer, verifyBceAuth, type BosServer } from './index.ts'

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

const AK = 'AKIDEXAMPLE'
const SK = 'SKEXAMPLE'
const BUCKET = 'mybucket'

interface Res {
  status: number
  headers: Record<string, string | string[] | undefined>
  text: string
  json: { code?: string; message?: string; requestId?: string; [k: string]: unknown } | null
}

function send(
  port: number,
  opts: { method: string; host: string; path: string; headers?: Record<string, string | number>; body?: Buffer | string },
): Promise<Res> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: opts.method, path: opts.path, headers: { host: opts.host, ...opts.headers }, agent: false },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          let json: Res['json'] = null
          try {
            json = text ? (JSON.parse(text) as Res['json']) : null
          } catch {
            json = null
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json })
        })
      },
    )
    req.on('error', reject)
    req.end(opts.body)
  })
}

const isoNow = (offsetMs = 0) => new Date(Date.now() + offsetMs).toISOString().replace(/\.\d+Z$/, 'Z')
const md5b64 = (s: string | Buffer) => createHash('md5').update(s).digest('base64')
const md5hex = (s: string | Buffer) => createHash('md5').update(s).digest('hex')

let bos: BosServer
let host: string

/** A request signed like the SDK signs it (x-bce-date, default header set + x-bce-*). */
function signed(
  method: string,
  path: string,
  o: {
    query?: Record<string, string>
    body?: Buffer | string
    headers?: Record<string, string>
    sk?: string
    ak?: string
    expiration?: number
    timestampOffsetMs?: number
    host?: string
  } = {},
) {
  const h = o.host ?? host
  const body = o.body ?? ''
  const ts = Math.floor((Date.now() + (o.timestampOffsetMs ?? 0)) / 1000)
  const headers: Record<string, string> = {
    'x-bce-date': new Date(ts * 1000).toISOString().replace(/\.\d+Z$/, 'Z'),
    'content-length': String(Buffer.byteLength(body)),
    ...o.headers,
  }
  const auth = new Auth(o.ak ?? AK, o.sk ?? SK).generateAuthorization(method, path, o.query ?? {}, { ...headers, host: h }, ts, o.expiration)
  const qs = new URLSearchParams(o.query ?? {}).toString().replace(/\+/g, '%20')
  return send(bos.port, { method, host: h, path: path + (qs ? '?' + qs : ''), headers: { ...headers, authorization: auth }, body })
}

beforeAll(async () => {
  bos = await startBosServer({ sk: { [AK]: SK, my_ak: 'my_sk' }, pages: { '/hello.html': '<p>hi</p>' } })
  host = `${BUCKET}.bj.bcebos.com:${bos.port}`
})
afterAll(() => bos.close())
beforeEach(() => {
  bos.clockOffsetMs = 0
  bos.etagMismatch = false
})

describe('verifyBceAuth', () => {
  it('accepts the two SDK test vectors (bos-protocol.md §1.3)', () => {
    const sk = { my_ak: 'my_sk' }
    const now = Date.parse('2014-06-13T05:57:36Z')
    const v1 = verifyBceAuth(
      {
        method: 'PUT',
        url: '/v1/bucket/object1?A&b=&C=d',
        headers: {
          host: 'bce.baidu.com',
          abc: '123',
          'x-bce-meta-key1': 'ABC',
          'x-bce-date': '2014-06-13T05:57:36Z',
          authorization: 'bce-auth-v1/my_ak/2014-06-13T05:57:36Z/1800/host;x-bce-meta-key1/80c9672aca2ea9af4bb40b9a8ff458d72df94e97d550840727f3a929af271d25',
        },
      },
      sk,
      { now },
    )
    expect(v1).toMatchObject({ ok: true, accessKeyId: 'my_ak', signedHeaders: ['host', 'x-bce-meta-key1'] })
    expect(v1?.canonicalRequest).toBe('PUT\n/v1/bucket/object1\nA=&C=d&b=\nhost:bce.baidu.com\nx-bce-meta-key1:ABC')

    const v2 = verifyBceAuth(
      {
        method: 'DELETE',
        url: '/v1/test-bucket1361199862',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'content-length': 0,
          'user-agent': 'This is the user-agent',
          authorization:
            'bce-auth-v1/my_ak/2014-06-13T05:57:36Z/1800/content-length;content-type/c9386b15d585960ae5e6972f73ed92a9a682dc81025480ba5b41206d3e489822',
        },
      },
      sk,
    )
    expect(v2).toMatchObject({ ok: true, signedHeaders: ['content-length', 'content-type'] })
    // the same vector, judged at "now": expired
    expect(
      verifyBceAuth({ method: 'DELETE', url: '/v1/test-bucket1361199862', headers: { date: 'x', authorization: v2!.raw } }, sk, { now: Date.now() })?.error,
    ).toBe('RequestExpired')
  })

  it('rejects a wrong SK, an unknown AK, a malformed string; empty signed headers mean the default set', () => {
    const headers = { host: 'b.bj.bcebos.com', 'x-bce-date': isoNow(), 'x-bce-meta-a': 'x/y', 'content-length': '0' }
    const auth = new Auth('my_ak', 'my_sk').generateAuthorization('GET', '/k%20ey', { uploads: '' }, headers)
    const req = { method: 'GET', url: '/k%20ey?uploads=', headers: { ...headers, authorization: auth } }
    expect(verifyBceAuth(req, { my_ak: 'my_sk' }, { now: Date.now() })?.ok).toBe(true)
    expect(verifyBceAuth(req, { my_ak: 'other' })?.error).toBe('SignatureDoesNotMatch')
    expect(verifyBceAuth(req, { someone: 'my_sk' })?.error).toBe('InvalidAccessKeyId')
    expect(verifyBceAuth({ ...req, headers: { authorization: 'bce-auth-v1/my_ak/yesterday/1800//abc' } }, 'my_sk')?.error).toBe('InvalidHTTPAuthHeader')
    expect(verifyBceAuth({ method: 'GET', url: '/', headers: {} }, 'sk')).toBeNull()
    // empty signedHeaders: host, content-length, content-type, content-md5 and every x-bce-*
    const ts = isoNow()
    const prefix = `bce-auth-v1/my_ak/${ts}/1800`
    const canonical =
      'GET\n/k%20ey\nuploads=\ncontent-length:0\nhost:b.bj.bcebos.com\nx-bce-date:' + encodeURIComponent(headers['x-bce-date']) + '\nx-bce-meta-a:x%2Fy'
    const sig = createHmac('sha256', createHmac('sha256', 'my_sk').update(prefix).digest('hex')).update(canonical).digest('hex')
    const r = verifyBceAuth({ ...req, headers: { ...headers, authorization: `${prefix}//${sig}` } }, 'my_sk')
    expect(r).toMatchObject({ ok: true, signedHeadersField: '' })
  })
})

describe('BOS over HTTP', () => {
  it('PutObject / GetObject / HeadObject with SDK-style signatures, BOS response headers', async () => {
    const put = await signed('PUT', '/dir/hello%20bos.txt', {
      body: 'hello bos',
      headers: { 'content-type': 'text/plain', 'content-md5': md5b64('hello bos') },
    })
    expect(put.status).toBe(200)
    expect(put.headers.etag).toBe(`"${md5hex('hello bos')}"`)
    expect(put.headers['x-bce-request-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(Buffer.from(String(put.headers['x-bce-debug-id']), 'base64')).toHaveLength(24)
    expect(put.headers.server).toBe('BceBos')
    expect(Math.abs(Date.parse(String(put.headers.date)) - Date.now())).toBeLessThan(2000)

    const get = await signed('GET', '/dir/hello%20bos.txt')
    expect(get).toMatchObject({ status: 200, text: 'hello bos' })
    expect(get.headers['content-md5']).toBe(md5b64('hello bos'))
    const head = await signed('HEAD', '/dir/hello%20bos.txt')
    expect(head).toMatchObject({ status: 200, text: '' })
    expect(head.headers['content-length']).toBe('9')

    // path-style, with and without /v1, on the region host
    const ps = await signed('GET', `/v1/${BUCKET}/dir/hello%20bos.txt`, { host: `bj.bcebos.com:${bos.port}` })
    expect(ps).toMatchObject({ status: 200, text: 'hello bos' })
    const ps2 = await signed('GET', `/${BUCKET}/dir/hello%20bos.txt`, { host: `bj.bcebos.com:${bos.port}` })
    expect(ps2.status).toBe(200)
    const seen = bos.seen.at(-1)!
    expect(seen).toMatchObject({ operation: 'GetObject', bucket: BUCKET, key: 'dir/hello bos.txt', status: 200 })
    expect(seen.auth?.ok).toBe(true)
  })

  it('errors carry the BOS JSON body; HEAD errors have none', async () => {
    const get = await signed('GET', '/nope.txt')
    expect(get.status).toBe(404)
    expect(get.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(get.json).toEqual({ code: 'NoSuchKey', message: 'The specified key does not exist.', requestId: get.headers['x-bce-request-id'] })
    const head = await signed('HEAD', '/nope.txt')
    expect(head).toMatchObject({ status: 404, text: '' })
    expect(head.headers['x-bce-request-id']).toBeTruthy()
    const nb = await signed('GET', '/k', { host: `nobucket.bj.bcebos.com:${bos.port}` })
    expect(nb.json?.code).toBe('NoSuchBucket')
  })

  it('rejects a wrong SK, unknown AK, malformed auth, missing date; anonymous only on public buckets', async () => {
    const wrong = await signed('PUT', '/a.txt', { body: 'x', sk: 'WRONG' })
    expect(wrong.status).toBe(403)
    expect(wrong.json?.code).toBe('SignatureDoesNotMatch')
    expect(bos.seen.at(-1)?.auth).toMatchObject({ ok: false, error: 'SignatureDoesNotMatch' })
    expect((await signed('GET', '/a.txt', { ak: 'NOBODY' })).json?.code).toBe('InvalidAccessKeyId')
    const bad = await send(bos.port, { method: 'GET', host, path: '/a.txt', headers: { authorization: 'bce-auth-v1/x', 'x-bce-date': isoNow() } })
    expect(bad.status).toBe(400)
    expect(bad.json?.code).toBe('InvalidHTTPAuthHeader')
    const auth = new Auth(AK, SK).generateAuthorization('GET', '/a.txt', {}, { host })
    const nodate = await send(bos.port, { method: 'GET', host, path: '/a.txt', headers: { authorization: auth } })
    expect(nodate.status).toBe(400)
    expect(nodate.json?.code).toBe('MissingDateHeader')

    const anon = await send(bos.port, { method: 'GET', host, path: '/a.txt' })
    expect(anon.json?.code).toBe('AccessDenied')
    bos.addBucket('pub', 'public-read')
    const pubHost = `pub.bj.bcebos.com:${bos.port}`
    expect((await signed('PUT', '/p.txt', { host: pubHost, body: 'pub' })).status).toBe(200)
    expect(await send(bos.port, { method: 'GET', host: pubHost, path: '/p.txt' })).toMatchObject({ status: 200, text: 'pub' })
    expect((await send(bos.port, { method: 'PUT', host: pubHost, path: '/p.txt', body: 'x' })).json?.code).toBe('AccessDenied')
  })

  it('judges expiry by the server clock (clockOffsetMs); -1 never expires; presigned URLs', async () => {
    bos.clockOffsetMs = 31 * 60 * 1000
    const res = await signed('GET', '/nope.txt')
    expect(res.status).toBe(403)
    expect(res.json?.code).toBe('RequestExpired')
    const ts = String(res.json?.message).replace('Request has expired. Timestamp date is ', '')
    expect(ts).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
    expect(Date.parse(String(res.headers.date)) - Date.now()).toBeGreaterThan(30 * 60 * 1000)
    expect((await signed('GET', '/nope.txt', { expiration: -1 })).json?.code).toBe('NoSuchKey')
    bos.clockOffsetMs = 0
    expect((await signed('GET', '/nope.txt', { timestampOffsetMs: -1801_000 })).json?.code).toBe('RequestExpired')

    await signed('PUT', '/shared.txt', { body: 'shared' })
    const presign = (offsetS: number, exp: number) => {
      const t = Math.floor(Date.now() / 1000) + offsetS
      const a = new Auth(AK, SK).generateAuthorization('GET', '/v1/shared.txt', {}, { Host: host }, t, exp)
      return send(bos.port, { method: 'GET', host, path: '/v1/shared.txt?authorization=' + encodeURIComponent(a) })
    }
    expect(await presign(0, 300)).toMatchObject({ status: 200, text: 'shared' })
    expect((await presign(-3600, 1800)).json?.code).toBe('RequestExpired')
  })

  it('verifies Content-MD5 and x-bce-content-sha256 (BadDigest); etag-mismatch/ keys get a wrong ETag', async () => {
    const bad = await signed('PUT', '/d.txt', { body: 'data', headers: { 'content-md5': md5b64('other') } })
    expect(bad.status).toBe(400)
    expect(bad.json?.code).toBe('BadDigest')
    const sha = await signed('PUT', '/d.txt', { body: 'data', headers: { 'x-bce-content-sha256': '00'.repeat(32) } })
    expect(sha.json?.code).toBe('BadDigest')
    const ok = await signed('PUT', '/d.txt', {
      body: 'data',
      headers: { 'x-bce-content-sha256': createHash('sha256').update('data').digest('hex') },
    })
    expect(ok.status).toBe(200)
    const mm = await signed('PUT', '/etag-mismatch/d.txt', { body: 'data', headers: { 'content-md5': md5b64('data') } })
    expect(mm.status).toBe(200)
    expect(mm.headers.etag).not.toBe(`"${md5hex('data')}"`)
    bos.etagMismatch = true
    expect((await signed('PUT', '/e.txt', { body: 'data' })).headers.etag).not.toBe(`"${md5hex('data')}"`)
  })

  it('AppendObject: next offset, OffsetIncorrect, ObjectUnappendable', async () => {
    const a1 = await signed('POST', '/log.txt', { query: { append: '', offset: '0' }, body: 'line1\n' })
    expect(a1.status).toBe(200)
    expect(a1.headers['x-bce-next-append-offset']).toBe('6')
    const a2 = await signed('POST', '/log.txt', { query: { append: '', offset: '6' }, body: 'line2\n' })
    expect(a2.headers['x-bce-next-append-offset']).toBe('12')
    const wrong = await signed('POST', '/log.txt', { query: { append: '', offset: '3' }, body: 'x' })
    expect(wrong.status).toBe(409)
    expect(wrong.json?.code).toBe('OffsetIncorrect')
    await signed('PUT', '/normal.txt', { body: 'n' })
    const na = await signed('POST', '/normal.txt', { query: { append: '', offset: '1' }, body: 'x' })
    expect(na.status).toBe(403)
    expect(na.json?.code).toBe('ObjectUnappendable')
    expect((await signed('HEAD', '/log.txt')).headers['x-bce-object-type']).toBe('Appendable')
  })
})

describe('multipart', () => {
  async function upload(key: string, sizes: number[]) {
    const init = await signed('POST', key, { query: { uploads: '' } })
    expect(init.status).toBe(200)
    const uploadId = String(init.json?.uploadId)
    expect(init.json).toMatchObject({ bucket: BUCKET, key: key.slice(1) })
    const etags: string[] = []
    for (const [i, size] of sizes.entries()) {
      const body = Buffer.alloc(size, 97 + i)
      const r = await signed('PUT', key, { query: { partNumber: String(i + 1), uploadId }, body })
      expect(r.status).toBe(200)
      etags.push(String(r.headers.etag).replace(/"/g, ''))
      expect(etags[i]).toBe(md5hex(body))
    }
    return { uploadId, etags }
  }
  const complete = (key: string, uploadId: string, parts: Array<{ partNumber: number; eTag: string }>) =>
    signed('POST', key, {
      query: { uploadId },
      body: JSON.stringify({ parts }),
      headers: { 'content-type': 'application/json; charset=UTF-8' },
    })

  it('completes with ETag "-" + md5(part etags); ListParts; NoSuchUpload afterwards', async () => {
    const { uploadId, etags } = await upload('/big.bin', [100 * 1024, 100 * 1024, 10])
    const list = await signed('GET', '/big.bin', { query: { uploadId } })
    expect(list.json?.parts).toHaveLength(3)
    const done = await complete(
      '/big.bin',
      uploadId,
      etags.map((eTag, i) => ({ partNumber: i + 1, eTag })),
    )
    expect(done.status).toBe(200)
    expect(done.json?.eTag).toBe('-' + md5hex(etags.join('')))
    expect(bos.getObject(BUCKET, 'big.bin')?.data.length).toBe(200 * 1024 + 10)
    const again = await complete('/big.bin', uploadId, [{ partNumber: 1, eTag: etags[0]! }])
    expect(again.status).toBe(404)
    expect(again.json?.code).toBe('NoSuchUpload')
  })

  it('EntityTooSmall, InvalidPart, InvalidPartOrder', async () => {
    const small = await upload('/small.bin', [10, 10])
    const r1 = await complete(
      '/small.bin',
      small.uploadId,
      small.etags.map((eTag, i) => ({ partNumber: i + 1, eTag })),
    )
    expect(r1.status).toBe(400)
    expect(r1.json?.code).toBe('EntityTooSmall')
    const r2 = await complete('/small.bin', small.uploadId, [
      { partNumber: 1, eTag: small.etags[0]! },
      { partNumber: 2, eTag: '0'.repeat(32) },
    ])
    expect(r2.json?.code).toBe('InvalidPart')
    const r3 = await complete('/small.bin', small.uploadId, [{ partNumber: 3, eTag: 'x' }])
    expect(r3.json?.code).toBe('InvalidPart')
    const r4 = await complete('/small.bin', small.uploadId, [
      { partNumber: 2, eTag: small.etags[1]! },
      { partNumber: 1, eTag: small.etags[0]! },
    ])
    expect(r4.json?.code).toBe('InvalidPartOrder')
    const ab = await signed('DELETE', '/small.bin', { query: { uploadId: small.uploadId } })
    expect(ab.status).toBe(204)
  })
})

describe('CORS', () => {
  const preflight = (h: string, origin: string, method = 'PUT') =>
    send(bos.port, {
      method: 'OPTIONS',
      host: h,
      path: '/k.txt',
      headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': 'authorization,content-md5,x-bce-date' },
    })
  const acHeaders = (r: Res) => Object.keys(r.headers).filter((k) => k.startsWith('access-control-'))

  it('answers a preflight from the default rule', async () => {
    const r = await preflight(host, 'http://localhost:1234')
    expect(r.status).toBe(200)
    expect(r.headers['access-control-allow-origin']).toBe('http://localhost:1234')
    expect(r.headers['access-control-allow-methods']).toBe('GET, PUT, POST, DELETE, HEAD')
    expect(r.headers['access-control-allow-headers']).toBe('authorization, content-md5, x-bce-date')
    expect(String(r.headers['access-control-expose-headers'])).toContain('x-bce-request-id')
    expect(r.headers['x-bce-request-id']).toBeTruthy()
    expect(bos.seen.at(-1)).toMatchObject({ operation: 'OptionsObject', preflight: true, status: 200 })
    // an actual request gets Allow-Origin and Expose-Headers too
    const get = await signed('GET', '/nope.txt', { headers: { origin: 'http://localhost:1234' } })
    expect(get.headers['access-control-allow-origin']).toBe('http://localhost:1234')
  })

  it('omits every Access-Control-* header and answers 403 when no rule matches', async () => {
    bos.addBucket('nocors')
    bos.setCors('nocors', null)
    const r = await preflight(`nocors.bj.bcebos.com:${bos.port}`, 'http://localhost:1234')
    expect(r.status).toBe(403)
    expect(acHeaders(r)).toEqual([])

    bos.addBucket('strict')
    bos.setCors('strict', [{ allowedOrigins: ['https://*.example.com'], allowedMethods: ['GET'], allowedHeaders: ['authorization', 'x-bce-*'] }])
    const strict = `strict.bj.bcebos.com:${bos.port}`
    expect((await preflight(strict, 'https://app.example.com', 'PUT')).status).toBe(403) // method
    const wrongOrigin = await preflight(strict, 'https://evil.test', 'GET')
    expect(wrongOrigin.status).toBe(403)
    expect(acHeaders(wrongOrigin)).toEqual([])
    expect((await preflight(strict, 'https://app.example.com', 'GET')).status).toBe(403) // content-md5 not allowed
    const ok = await send(bos.port, {
      method: 'OPTIONS',
      host: strict,
      path: '/k.txt',
      headers: { origin: 'https://app.example.com', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization,x-bce-date' },
    })
    expect(ok.status).toBe(200)
    expect(ok.headers['access-control-max-age']).toBeUndefined()
  })
})

describe('PostObject', () => {
  function form(fields: Array<[string, string]>, file: string) {
    const boundary = '----bos' + Math.random().toString(16).slice(2)
    const parts = fields.map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
    parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="f.txt"\r\nContent-Type: text/plain\r\n\r\n${file}\r\n`)
    parts.push(`--${boundary}--\r\n`)
    return { body: parts.join(''), type: `multipart/form-data; boundary=${boundary}` }
  }
  function post(policy: unknown, key: string, file = 'hello world', extra: Array<[string, string]> = [], sk = SK) {
    const p64 = typeof policy === 'string' ? policy : Buffer.from(JSON.stringify(policy)).toString('base64')
    const signature = createHmac('sha256', sk).update(p64).digest('hex')
    const f = form([['accessKey', AK], ['policy', p64], ['signature', signature], ['key', key], ...extra], file)
    return send(bos.port, { method: 'POST', host, path: '/', headers: { 'content-type': f.type }, body: f.body })
  }
  const later = () => new Date(Date.now() + 3600_000).toISOString().replace(/\.\d+Z$/, 'Z')

  it('stores the file; success-action-status and -redirect', async () => {
    const conditions = [{ bucket: BUCKET }, { key: 'up/*' }, ['content-length-range', 0, 100]]
    const r = await post({ expiration: later(), conditions }, 'up/a.txt')
    expect(r.status).toBe(200)
    expect(r.headers.etag).toBe(`"${md5hex('hello world')}"`) // 5eb63bbbe01eeed093cb22bb8f5acdc3
    expect(bos.getObject(BUCKET, 'up/a.txt')?.data.toString()).toBe('hello world')
    expect(bos.seen.at(-1)?.operation).toBe('PostObject')
    expect((await post({ expiration: later(), conditions }, 'up/b.txt', 'x', [['success-action-status', '201']])).status).toBe(201)
    expect((await post({ expiration: later(), conditions }, 'up/c.txt', 'x', [['success-action-status', '204']])).status).toBe(204)
    const redir = await post({ expiration: later(), conditions }, 'up/d.txt', 'x', [['success-action-redirect', 'http://localhost/done']])
    expect(redir.status).toBe(302)
    expect(String(redir.headers.location)).toMatch(/^http:\/\/localhost\/done\?bucket=mybucket&key=up%2Fd.txt&etag=/)
  })

  it('expired policy, content-length-range, key condition, malformed policy, bad signature', async () => {
    const expired = await post({ expiration: '2020-01-01T00:00:00Z', conditions: [] }, 'up/x.txt')
    expect(expired.status).toBe(403)
    expect(expired.json).toMatchObject({ code: 'RequestExpired', message: 'Request has expired. Timestamp date is 2020-01-01T00:00:00Z' })
    const big = await post({ expiration: later(), conditions: [['content-length-range', 0, 5]] }, 'up/x.txt', 'more than five')
    expect(big.status).toBe(400)
    expect(big.json?.code).toBe('MaxMessageLengthExceeded')
    const key = await post({ expiration: later(), conditions: [{ key: 'abc*' }] }, 'up/x.txt')
    expect(key.status).toBe(403)
    expect(key.json?.code).toBe('AccessDenied')
    const bucket = await post({ expiration: later(), conditions: [{ bucket: 'other' }] }, 'up/x.txt')
    expect(bucket.json?.code).toBe('AccessDenied')
    const malformed = await post(Buffer.from('{not json').toString('base64'), 'up/x.txt')
    expect(malformed.status).toBe(400)
    expect(malformed.json?.code).toBe('InvalidPolicyDocument')
    const noExp = await post({ conditions: [] }, 'up/x.txt')
    expect(noExp.json?.code).toBe('InvalidPolicyDocument')
    const sig = await post({ expiration: later(), conditions: [] }, 'up/x.txt', 'x', [], 'WRONG')
    expect(sig.json?.code).toBe('SignatureDoesNotMatch')
    expect(bos.getObject(BUCKET, 'up/x.txt')).toBeUndefined()
  })
})

describe('non-BOS hosts', () => {
  it('serve the pages', async () => {
    const r = await send(bos.port, { method: 'GET', host: `localhost:${bos.port}`, path: '/hello.html' })
    expect(r).toMatchObject({ status: 200, text: '<p>hi</p>' })
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8')
    expect((await send(bos.port, { method: 'GET', host: `localhost:${bos.port}`, path: '/nope' })).status).toBe(404)
  })
})
