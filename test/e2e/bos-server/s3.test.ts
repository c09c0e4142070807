// The S3-compatible endpoint of the BOS-like server: its pure parts, then the server driven from Node by the
// genuine @aws-sdk/client-s3 (a lookup that sends every host to 127.0.0.1 stands in for Chromium's
// --host-resolver-rules).

import { Agent, request } from 'node:http'
import {
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListPartsCommand,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
  UploadPartCommand,
} from '@aws-sdk/client-s3'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'
import { NodeHttpHandler } from '@smithy/node-http-handler'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BosServer, startBosServer } from './index.ts'
import { checksumRefusal, parseS3Target } from './s3.ts'
import { parseCompleteXml, s3ErrorXml, xmlUnescape } from './s3-xml.ts'

describe('S3 endpoint: pure parts', () => {
  it('parses virtual-host and path-style targets', () => {
    expect(parseS3Target('mybucket.s3.bj.bcebos.com', '/a%20b/c.txt')).toEqual({ bucket: 'mybucket', key: 'a b/c.txt', region: 'bj', style: 'virtual-host' })
    expect(parseS3Target('s3.gz.bcebos.com', '/mybucket/k')).toEqual({ bucket: 'mybucket', key: 'k', region: 'gz', style: 'path-style' })
    expect(parseS3Target('s3.bj.bcebos.com', '/')).toEqual({ bucket: null, key: null, region: 'bj', style: 'path-style' })
  })

  it.each([
    [{ 'x-amz-checksum-crc32': 'NhCmhg==', 'x-amz-sdk-checksum-algorithm': 'CRC32' }, [], 'x-amz-checksum-crc32'],
    [{ 'x-amz-checksum-algorithm': 'CRC32' }, [], 'x-amz-checksum-algorithm'],
    [{ 'x-amz-checksum-mode': 'ENABLED' }, [], 'x-amz-checksum-mode'],
    [{ 'content-encoding': 'aws-chunked' }, [], 'Content-Encoding'],
    [{ 'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER' }, [], 'x-amz-content-sha256'],
    [{}, [['x-amz-checksum-crc32', 'AAAAAA==']], 'x-amz-checksum-crc32'],
    [{ 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD', 'content-md5': 'XUFAKrxLKna5cZ2REBfFkg==' }, [], null],
  ] as [Record<string, string>, [string, string][], string | null][])('refuses the SDK default checksums: %j %j -> %s', (headers, query, header) => {
    expect(checksumRefusal(headers, query)?.header ?? null).toBe(header)
  })

  it('writes S3 error XML and reads Complete part lists (quoted, entity-encoded, missing, "undefined" ETags)', () => {
    expect(s3ErrorXml('NoSuchKey', 'The specified key does not exist.', 'rid', 'hid', [['Key', 'a&b']])).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>a&amp;b</Key><RequestId>rid</RequestId><HostId>hid</HostId></Error>',
    )
    const xml =
      '<CompleteMultipartUpload xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Part><ETag>&quot;e1&quot;</ETag><PartNumber>1</PartNumber></Part>' +
      '<Part><PartNumber>2</PartNumber></Part><Part><ETag>undefined</ETag><PartNumber>3</PartNumber></Part></CompleteMultipartUpload>'
    expect(parseCompleteXml(xml)).toEqual([
      { partNumber: 1, etag: '"e1"' },
      { partNumber: 2, etag: null },
      { partNumber: 3, etag: 'undefined' },
    ])
    expect(parseCompleteXml('{"parts":[]}')).toBeNull()
    expect(xmlUnescape('&lt;&amp;quot;&#34;&#x41;')).toBe('<&quot;"A')
  })
})

describe('S3 endpoint, driven by the genuine @aws-sdk/client-s3', () => {
  let bos: BosServer
  const agent = new Agent({ lookup: (_h, _o, cb) => cb(null, [{ address: '127.0.0.1', family: 4 }] as never, 4 as never) })
  const client = (over: Partial<S3ClientConfig> = {}) =>
    new S3Client({
      endpoint: `http://s3.bj.bcebos.com:${bos.port}`,
      region: 'bj',
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'SKEXAMPLE' },
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      maxAttempts: 1,
      requestHandler: new NodeHttpHandler({ httpAgent: agent }),
      ...over,
    })
  const fail = async (p: Promise<unknown>) =>
    p.then(
      () => null,
      (e: { name: string; $metadata?: { httpStatusCode?: number }; message: string }) => ({
        name: e.name,
        status: e.$metadata?.httpStatusCode,
        message: e.message,
      }),
    )
  const last = () => bos.seen[bos.seen.length - 1]!

  beforeAll(async () => {
    bos = await startBosServer()
  })
  afterAll(async () => {
    agent.destroy()
    await bos.close()
  })

  it('PutObject, GetObject, HeadObject, virtual-host and path-style, with S3 ids', async () => {
    const put = await client().send(new PutObjectCommand({ Bucket: 'mybucket', Key: 'a b/中.txt', Body: 'hello', ContentType: 'text/plain' }))
    expect(put.ETag).toBe('"5d41402abc4b2a76b9719d911017c592"')
    expect(last()).toMatchObject({ host: `mybucket.s3.bj.bcebos.com:${bos.port}`, operation: 'PutObject', status: 200, sigv4: { ok: true, source: 'header' } })
    expect(last().url).toBe('/a%20b/%E4%B8%AD.txt?x-id=PutObject')
    const got = await client({ forcePathStyle: true }).send(new GetObjectCommand({ Bucket: 'mybucket', Key: 'a b/中.txt' }))
    expect(await got.Body?.transformToString()).toBe('hello')
    expect(last().url).toBe('/mybucket/a%20b/%E4%B8%AD.txt?x-id=GetObject')
    const head = await client().send(new HeadObjectCommand({ Bucket: 'mybucket', Key: 'a b/中.txt' }))
    expect(head.ContentLength).toBe(5)
    expect(head.$metadata.requestId).toBe(last().requestId)
    expect(head.$metadata.extendedRequestId).toBe(last().debugId)
  })

  it('a wrong secret: SignatureDoesNotMatch, the SDK reads the S3 XML error', async () => {
    const e = await fail(
      client({ credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'WRONG' } }).send(new PutObjectCommand({ Bucket: 'mybucket', Key: 'k', Body: 'x' })),
    )
    expect(e).toMatchObject({ name: 'SignatureDoesNotMatch', status: 403 })
    expect(last().sigv4?.canonicalRequest).toMatch(/^PUT\n\/k\nx-id=PutObject\n/)
  })

  it('a client clock 17 minutes behind the server: RequestTimeTooSkewed; the SDK corrects its clock and the retry succeeds', async () => {
    bos.clockOffsetMs = 17 * 60_000
    try {
      const e = await fail(client().send(new PutObjectCommand({ Bucket: 'mybucket', Key: 'skew', Body: 'x' })))
      expect(e).toMatchObject({ name: 'RequestTimeTooSkewed', status: 403 })
      expect(Object.fromEntries(last().sigv4!.error!.fields).MaxAllowedSkewMilliseconds).toBe('900000')
      // From ServerTime (or Date) the SDK takes an offset of 17 minutes, which is over its 4-minute threshold: it retries.
      await client({ maxAttempts: 3 }).send(new PutObjectCommand({ Bucket: 'mybucket', Key: 'skew', Body: 'x' }))
      expect(bos.seen.slice(-2).map((s) => [s.code, s.headers['amz-sdk-request']])).toEqual([
        ['RequestTimeTooSkewed', 'attempt=1; max=3'],
        [null, 'attempt=2; max=3'],
      ])
    } finally {
      bos.clockOffsetMs = 0
    }
  })

  it('a scope region that is not the endpoint’s: AuthorizationHeaderMalformed', async () => {
    const e = await fail(
      client({ region: 'us-east-1', endpoint: `http://s3.bj.bcebos.com:${bos.port}` }).send(new HeadObjectCommand({ Bucket: 'mybucket', Key: 'skew' })),
    )
    expect(e?.status).toBe(400)
    expect(last().code).toBe('AuthorizationHeaderMalformed')
  })

  it('the SDK’s default checksums: 501 NotImplemented naming the header', async () => {
    const e = await fail(
      client({ requestChecksumCalculation: 'WHEN_SUPPORTED', responseChecksumValidation: 'WHEN_SUPPORTED' }).send(
        new PutObjectCommand({ Bucket: 'mybucket', Key: 'crc', Body: 'hello' }),
      ),
    )
    expect(e).toMatchObject({ name: 'NotImplemented', status: 501 })
    expect(last().headers['x-amz-checksum-crc32']).toBe('NhCmhg==')
  })

  it('presigned GET: works inside X-Amz-Expires, AccessDenied "Request has expired" once the server is past it', async () => {
    await client().send(new PutObjectCommand({ Bucket: 'mybucket', Key: 'shared.txt', Body: 'shared' }))
    const url = new URL(await getSignedUrl(client(), new GetObjectCommand({ Bucket: 'mybucket', Key: 'shared.txt' }), { expiresIn: 60 }))
    const get = (path: string) =>
      new Promise<{ status: number; text: string }>((resolve, reject) => {
        request({ host: '127.0.0.1', port: bos.port, path, headers: { host: url.host }, agent: false }, (res) => {
          let text = ''
          res.on('data', (c: Buffer) => (text += c))
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }))
        })
          .on('error', reject)
          .end()
      })
    expect((await get(url.pathname + url.search)).status).toBe(200)
    bos.clockOffsetMs = 120_000
    const late = await get(url.pathname + url.search)
    bos.clockOffsetMs = 0
    expect(late.status).toBe(403)
    expect(late.text).toMatch(/<Code>AccessDenied<\/Code><Message>Request has expired<\/Message><X-Amz-Expires>60<\/X-Amz-Expires>/)
  })

  it('multipart: Create (XML), UploadPart, ListParts, Complete; an "undefined" ETag is InvalidPart', async () => {
    const c = client()
    const part = Buffer.alloc(100 * 1024, 'a')
    const create = await c.send(new CreateMultipartUploadCommand({ Bucket: 'mybucket', Key: 'mp.bin' }))
    const UploadId = create.UploadId!
    const p1 = await c.send(new UploadPartCommand({ Bucket: 'mybucket', Key: 'mp.bin', UploadId, PartNumber: 1, Body: part }))
    const p2 = await c.send(new UploadPartCommand({ Bucket: 'mybucket', Key: 'mp.bin', UploadId, PartNumber: 2, Body: 'tail' }))
    const listed = await c.send(new ListPartsCommand({ Bucket: 'mybucket', Key: 'mp.bin', UploadId }))
    expect(listed.Parts?.map((p) => [p.PartNumber, p.ETag, p.Size])).toEqual([
      [1, p1.ETag, part.length],
      [2, p2.ETag, 4],
    ])
    const bad = await fail(
      c.send(
        new CompleteMultipartUploadCommand({
          Bucket: 'mybucket',
          Key: 'mp.bin',
          UploadId,
          MultipartUpload: {
            Parts: [
              { PartNumber: 1, ETag: 'undefined' },
              { PartNumber: 2, ETag: p2.ETag },
            ],
          },
        }),
      ),
    )
    expect(bad).toMatchObject({ name: 'InvalidPart', status: 400 })
    const done = await c.send(
      new CompleteMultipartUploadCommand({
        Bucket: 'mybucket',
        Key: 'mp.bin',
        UploadId,
        MultipartUpload: {
          Parts: [
            { PartNumber: 1, ETag: p1.ETag },
            { PartNumber: 2, ETag: p2.ETag },
          ],
        },
      }),
    )
    expect(done.ETag).toMatch(/^"[0-9a-f]{32}-2"$/)
    expect(bos.getObject('mybucket', 'mp.bin')?.data.length).toBe(part.length + 4)
  })
})
