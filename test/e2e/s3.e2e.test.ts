// The S3-compatible endpoint in real DevTools (issue 11 item 9): the genuine @aws-sdk/client-s3,
// s3-request-presigner and lib-storage in a page, configured for BOS (endpoint s3.bj.bcebos.com, region bj,
// virtual-host), against the local server's S3 mode, which checks SigV4 with @smithy/signature-v4 and the
// secret it knows and answers S3 XML. Each failure is then read in the BOS panel.
import { join } from 'node:path'
import type { Frame } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BosServer, S3_EXPOSE_HEADERS, type SeenRequest, startBosServer } from './bos-server/index.ts'
import { callPage, type DevtoolsSession, openDevtools, poll, SHOTS, panelLocators } from './browser.ts'
import { expectNothingLeaves } from './privacy.ts'
import { buildS3Bundle, type S3FetchResult, type S3MultipartResult, type S3Result, s3Pages } from './s3-page.ts'

const REAL_SK = 'SKEXAMPLE'
const WRONG_SK = 'WRONG-SECRET-KEY'
/** A bucket whose CORS rule exposes x-amz-request-id, x-amz-id-2 and Date, but not ETag. */
const NOETAG = 'noetag-bucket'

let bos: BosServer
let s: DevtoolsSession
let panel: Frame
const call = <T>(fn: string, ...args: unknown[]) => callPage<T>(s.page, fn, ...args)
const { row, finding, tab, openRow } = panelLocators(() => panel)
/** The server's record of the latest request matching `pred`. */
const seen = (pred: (r: SeenRequest) => boolean): SeenRequest => {
  const all = bos.seen.filter((r) => !r.preflight && pred(r))
  if (!all.length) throw new Error('no such request reached the server')
  return all[all.length - 1]!
}
const shot = (name: string) => s.devtools.screenshot({ path: join(SHOTS, name) })

beforeAll(async () => {
  bos = await startBosServer({ pages: s3Pages(await buildS3Bundle()) })
  const rule = (expose: string[]) => [
    { allowedOrigins: ['*'], allowedMethods: ['GET', 'PUT', 'POST', 'DELETE', 'HEAD'], allowedHeaders: ['*'], allowedExposeHeaders: expose, maxAgeSeconds: 0 },
  ]
  bos.setCors('mybucket', rule(S3_EXPOSE_HEADERS))
  bos.setCors(NOETAG, rule(S3_EXPOSE_HEADERS.filter((h) => h !== 'ETag')))
  s = await openDevtools(`http://localhost:${bos.port}/s3.html`)
  await poll(() => s.page.evaluate(() => (window as unknown as { s3Ready?: boolean }).s3Ready), 'the AWS SDK in the page')
  panel = await s.openBosPanel()
})

afterAll(async () => {
  await s?.close()
  await bos?.close()
})

describe('the genuine AWS SDK v3 against the S3-compatible endpoint, in the BOS panel', () => {
  it('a PutObject that works: virtual-host, SigV4 verified by the server, the Authorization tab titled AWS Signature V4', async () => {
    const r = await call<S3Result>('s3Put', bos.port, 'mybucket', 'docs/hello world.txt', 'hello s3')
    expect(r).toMatchObject({ ok: true, status: 200 })
    const req = seen((x) => x.key === 'docs/hello world.txt')
    expect(req.host).toBe(`mybucket.s3.bj.bcebos.com:${bos.port}`)
    expect(req.sigv4).toMatchObject({ ok: true, source: 'header', scopeRegion: 'bj' })
    expect(r.requestId).toBe(req.requestId) // x-amz-request-id, exposed by CORS
    await row(req.requestId).waitFor()
    expect(await row(req.requestId).getAttribute('data-operation')).toBe('PutObject')
    await row(req.requestId).click()
    await tab('auth').click()
    await expect.poll(() => panel.getByTestId('auth').innerText()).toMatch(/AWS Signature V4/)
  })

  it('a wrong secret key: SignatureDoesNotMatch, the canonical request shown, and the local key check pinpoints the key', async () => {
    const r = await call<S3Result>('s3Put', bos.port, 'mybucket', 'docs/wrong key.txt', 'hello', { sk: WRONG_SK })
    expect(r).toMatchObject({ ok: false, code: 'SignatureDoesNotMatch', status: 403 })
    const server = seen((x) => x.key === 'docs/wrong key.txt').sigv4!
    expect(server.canonicalRequest).toBeTruthy()
    const id = seen((x) => x.key === 'docs/wrong key.txt').requestId
    await openRow(id)
    await finding('signature-mismatch').waitFor()
    // The ids this endpoint sends (x-amz-request-id, x-amz-id-2) are exposed: nothing hidden to report.
    expect(await finding('cors-ids-not-exposed').count()).toBe(0)
    expect(await panel.getByTestId('copy-debug-id').innerText()).toBe('Copy x-amz-id-2')
    // What the core rebuilt from the HAR is what smithy's signer rebuilt on the server.
    expect(await panel.getByTestId('finding-canonical').first().innerText()).toBe(server.canonicalRequest)

    await tab('auth').click()
    await panel.getByTestId('canonical-request').waitFor()
    expect(await panel.getByTestId('canonical-request').innerText()).toBe(server.canonicalRequest)
    expect(await panel.getByTestId('string-to-sign').innerText()).toBe(server.stringToSign)
    expect(await panel.locator('[data-testid=signed-headers] li').evaluateAll((li) => li.map((l) => (l as HTMLElement).dataset.name))).toEqual(
      server.signedHeaders,
    )
    const input = panel.getByTestId('sk-input')
    const check = async (key: string) => {
      await input.fill(key)
      await panel.getByTestId('sk-check').click()
      expect(await input.inputValue()).toBe('')
      const result = panel.getByTestId('key-check-result')
      await result.waitFor()
      return result
    }
    // The key the server holds gives another signature; the key the page used gives exactly this one.
    let result = await check(REAL_SK)
    await expect.poll(() => result.getAttribute('data-outcome')).toBe('different')
    result = await check(WRONG_SK)
    await expect.poll(() => result.getAttribute('data-outcome')).toBe('same')
    expect(await result.innerText()).toMatch(/This key produces the same signature/)
    await panel.getByTestId('canonical-request').scrollIntoViewIfNeeded()
    await shot('s3-signature-canonical.png')
    await result.scrollIntoViewIfNeeded()
    await shot('s3-signature-check.png')
    const html = await panel.content()
    for (const secret of [REAL_SK, WRONG_SK, server.signature!]) expect(html).not.toContain(secret)
  })

  it('a client clock 17 minutes behind: RequestTimeTooSkewed with the minutes; the SDK corrects its clock and its retry succeeds', async () => {
    bos.clockOffsetMs = 17 * 60_000
    let r: S3Result
    try {
      r = await call<S3Result>('s3Put', bos.port, 'mybucket', 'docs/skew.txt', 'late', { maxAttempts: 3 })
    } finally {
      bos.clockOffsetMs = 0
    }
    const attempts = bos.seen.filter((x) => x.key === 'docs/skew.txt' && !x.preflight)
    expect(attempts.map((x) => x.code)).toEqual(['RequestTimeTooSkewed', null])
    expect(r).toMatchObject({ ok: true, attempts: 2 })
    expect(Math.round(r.clockOffsetMs! / 60_000)).toBe(17)
    await openRow(attempts[0]!.requestId)
    await finding('request-time-too-skewed').waitFor()
    expect(await finding('request-time-too-skewed').innerText()).toMatch(/^Request time too skewed: your clock is 17 minutes behind the server/)
    expect(await row(attempts[0]!.requestId).innerText()).toMatch(/skew −17 min/)
    await shot('s3-skew.png')
  })

  it('a scope region other than bj: AuthorizationHeaderMalformed, credential-region-mismatch names both regions', async () => {
    const r = await call<S3Result>('s3Put', bos.port, 'mybucket', 'docs/region.txt', 'x', { region: 'us-east-1' })
    expect(r.status).toBe(400)
    const id = seen((x) => x.key === 'docs/region.txt').requestId
    expect(seen((x) => x.key === 'docs/region.txt').code).toBe('AuthorizationHeaderMalformed')
    await openRow(id)
    await finding('credential-region-mismatch').waitFor()
    expect(await finding('credential-region-mismatch').innerText()).toMatch(/Signed for region "us-east-1", but the endpoint is "bj"/)
  })

  it('a presigned GET used after it expired: AccessDenied "Request has expired", presigned-expired', async () => {
    expect((await call<S3Result>('s3Put', bos.port, 'mybucket', 'docs/shared.txt', 'shared')).ok).toBe(true)
    const fresh = await call<S3FetchResult>('s3PresignedGet', bos.port, 'mybucket', 'docs/shared.txt', 900, 0)
    expect(fresh).toMatchObject({ status: 200, text: 'shared' })
    const r = await call<S3FetchResult>('s3PresignedGet', bos.port, 'mybucket', 'docs/shared.txt', 900, 3600)
    expect(r.status).toBe(403)
    expect(r.text).toMatch(/<Code>AccessDenied<\/Code><Message>Request has expired<\/Message>/)
    const id = seen((x) => x.key === 'docs/shared.txt' && x.status === 403).requestId
    await openRow(id)
    await finding('presigned-expired').waitFor()
    expect(await finding('presigned-expired').innerText()).toMatch(/signed at \d{4}-\d\d-\d\dT[\d:.]+Z for 900 s/)
    await shot('s3-presigned-expired.png')
  })

  it('the SDK’s default checksums refused (501 NotImplemented): sdk-default-checksums names them and WHEN_REQUIRED', async () => {
    const r = await call<S3Result>('s3Put', bos.port, 'mybucket', 'docs/crc.txt', 'hello', { defaultChecksums: true })
    expect(r).toMatchObject({ ok: false, code: 'NotImplemented', status: 501 })
    const req = seen((x) => x.key === 'docs/crc.txt')
    expect(req.headers['x-amz-checksum-crc32']).toBe('NhCmhg==')
    expect(req.headers['x-amz-sdk-checksum-algorithm']).toBe('CRC32')
    await openRow(req.requestId)
    await finding('sdk-default-checksums').waitFor()
    const text = await finding('sdk-default-checksums').innerText()
    expect(text).toContain('"x-amz-checksum-crc32"')
    expect(text).toContain('"x-amz-sdk-checksum-algorithm"')
    expect(text).toContain("requestChecksumCalculation: 'WHEN_REQUIRED'")
    await shot('s3-checksums.png')
  })

  it('lib-storage multipart: it works when CORS exposes ETag, and stops at "missing ETag" when it does not', async () => {
    const size = 5 * 1024 * 1024 + 1024
    const ok = await call<S3Result>('s3Upload', bos.port, 'mybucket', 'videos/big.bin', size, 5 * 1024 * 1024)
    expect(ok.jsError).toBeNull()
    expect(ok.ok).toBe(true)
    expect(bos.getObject('mybucket', 'videos/big.bin')?.data.length).toBe(size)
    const hidden = await call<S3Result>('s3Upload', bos.port, NOETAG, 'videos/big.bin', size, 5 * 1024 * 1024)
    expect(hidden.ok).toBe(false)
    expect(hidden.message).toMatch(/missing ETag in UploadPart response/)
    const part = seen((x) => x.bucket === NOETAG && x.operation === 'UploadPart')
    await openRow(part.requestId)
    await finding('cors-etag-not-exposed').waitFor()
  })

  it('hand-written multipart with ETag not exposed by CORS: Complete lists "undefined", InvalidPart explained', async () => {
    const mp = await call<S3MultipartResult>('s3Multipart', bos.port, NOETAG, 'videos/clip.bin', [100 * 1024, 1024])
    expect(mp.parts.map((p) => [p.status, p.etag])).toEqual([
      [200, null],
      [200, null],
    ])
    expect(mp.listed).toEqual(['undefined', 'undefined'])
    expect(mp.complete).toMatchObject({ ok: false, code: 'InvalidPart', status: 400 })
    const part1 = seen((x) => x.bucket === NOETAG && x.key === 'videos/clip.bin' && x.operation === 'UploadPart' && x.url.includes('partNumber=1'))
    await openRow(part1.requestId)
    await finding('cors-etag-not-exposed').waitFor()
    expect(await finding('cors-etag-not-exposed').innerText()).toContain('<ETag>undefined</ETag>')
    const complete = seen((x) => x.bucket === NOETAG && x.key === 'videos/clip.bin' && x.operation === 'CompleteMultipartUpload')
    await openRow(complete.requestId)
    await finding('part-etag-mismatch').waitFor()
    const text = await finding('part-etag-mismatch').innerText()
    expect(text).toMatch(/part 1: listed "undefined"/)
    expect(text).toMatch(/add ETag to the bucket CORS rule's exposed headers/)
    await tab('upload').click()
    const session = panel.getByTestId('session')
    await session.waitFor()
    expect(await session.getAttribute('data-outcome')).toBe('failed')
    expect(await session.innerText()).toContain(mp.uploadId!)
    await shot('s3-multipart.png')
  })

  it('loads nothing from outside the extension, and keeps no key, signature or captured request', async () => {
    const ids = await panel.locator('[data-testid=bos-row]').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.requestId ?? ''))
    await expectNothingLeaves(s, panel, [...ids, REAL_SK, WRONG_SK])
  })
})
