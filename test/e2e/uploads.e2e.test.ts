// Debugging direct-to-BOS uploads in real DevTools (issue #5): the genuine @baiducloud/sdk and browser
// forms in a page, against the local BOS-like server (which enforces signatures, PostObject policies,
// multipart part sizes and CORS), each failure diagnosed in the BOS panel; the signature view's local
// key check pinpoints a wrong secret key.
import { join } from 'node:path'
import type { Frame } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBosServer, type BosServer } from './bos-server/index.ts'
import { callPage, openDevtools, poll, SHOTS, type DevtoolsSession, panelLocators } from './browser.ts'
import { expectNothingLeaves } from './privacy.ts'
import type { FetchResult, PostObjectResult, SdkMultipartResult, SdkPutResult } from './sdk-page.ts'

const REAL_SK = 'SKEXAMPLE'
const WRONG_SK = 'WRONG-SECRET-KEY'
const NOCORS = 'nocors-bucket'

let bos: BosServer
let s: DevtoolsSession
let panel: Frame
const call = <T>(fn: string, ...args: unknown[]) => callPage<T>(s.page, fn, ...args)
const { row, finding, tab, openRow } = panelLocators(() => panel)
/** ISO 8601 without milliseconds, as policies write it. */
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')

beforeAll(async () => {
  bos = await startBosServer()
  bos.addBucket(NOCORS)
  bos.setCors(NOCORS, null)
  s = await openDevtools(`http://localhost:${bos.port}/page.html`)
  await poll(() => s.page.evaluate(() => (window as unknown as { sdkReady?: boolean }).sdkReady), 'the SDK in the page')
  panel = await s.openBosPanel()
})

afterAll(async () => {
  await s?.close()
  await bos?.close()
})

describe('debugging direct-to-BOS uploads in the BOS panel', () => {
  it('PostObject with an expired policy: policy-expired, and the Form tab shows the policy against the server Date', async () => {
    const policy = { expiration: iso(Date.now() - 120_000), conditions: [{ bucket: 'mybucket' }, ['starts-with', '$key', 'uploads/']] }
    const r = await call<PostObjectResult>('postObject', bos.port, 'mybucket', 'uploads/late.txt', policy, REAL_SK)
    expect(r.status).toBe(403)
    expect(r.code).toBe('RequestExpired')
    await openRow(r.requestId!)
    await finding('policy-expired').waitFor()
    expect(await finding('policy-expired').innerText()).toContain(policy.expiration)
    await tab('form').click()
    await panel.getByTestId('post-form').waitFor()
    expect(await panel.getByTestId('policy-expiration').innerText()).toMatch(/\(expired (\d+ seconds|2 minutes) before the server answered/)
    expect(await panel.getByTestId('form-fields').innerText()).toContain('uploads/late.txt')
    expect(await panel.getByTestId('form-signature').innerText()).toContain('never shown')
    expect(await panel.locator('[data-testid=policy-condition]').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.state))).toEqual([
      'met',
      'met',
    ])
    expect(await panel.content()).not.toContain(r.signature)
  })

  it('PostObject over its content-length-range: MaxMessageLengthExceeded, policy-violation, the condition marked violated', async () => {
    // DevTools keeps the text fields of a FormData body but not its file part: the core judges the size by
    // the whole request body, so the file is well over the range (8 KB against at most 1 KB).
    const policy = { expiration: iso(Date.now() + 3_600_000), conditions: [{ bucket: 'mybucket' }, ['content-length-range', 0, 1024]] }
    const r = await call<PostObjectResult>('postObject', bos.port, 'mybucket', 'uploads/big.txt', policy, REAL_SK, { text: 'x'.repeat(8192) })
    expect(r.status).toBe(400)
    expect(r.code).toBe('MaxMessageLengthExceeded')
    await openRow(r.requestId!)
    await finding('policy-violation').waitFor()
    expect(await finding('policy-violation').innerText()).toMatch(/content-length-range 0–1024/)
    expect(await panel.getByTestId('finding-violations').innerText()).toMatch(
      /content-length-range 0–1024: expected 0 to 1024 bytes, sent request body \d+ bytes/,
    )
    await tab('form').click()
    const conds = panel.locator('[data-testid=policy-condition]')
    await conds.first().waitFor()
    expect(await conds.evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.state))).toEqual(['met', 'violated'])
    expect(await panel.getByTestId('form-file').innerText()).toMatch(/at most 8\.\d KB/)
    await s.devtools.screenshot({ path: join(SHOTS, 'uploads-form.png') })
  })

  it('multipart upload with a part below 100 KB: EntityTooSmall at Complete, part-too-small, the session lists the parts', async () => {
    const mp = await call<SdkMultipartResult>('sdkMultipart', bos.port, 'mybucket', 'videos/small-parts.bin', [1024, 2048])
    expect(mp.parts.map((p) => p.status)).toEqual([200, 200])
    expect(mp.complete?.code).toBe('EntityTooSmall')
    await openRow(mp.complete!.requestId!)
    await finding('part-too-small').waitFor()
    expect(await finding('part-too-small').innerText()).toMatch(/Part 1 below the 100 KB minimum/)
    await tab('upload').click()
    const session = panel.getByTestId('session')
    await session.waitFor()
    expect(await session.getAttribute('data-outcome')).toBe('failed')
    expect(await session.innerText()).toContain(mp.uploadId!)
    const parts = panel.locator('[data-testid=session-part]')
    expect(await parts.evaluateAll((rows) => rows.map((r) => [(r as HTMLElement).dataset.partNumber, (r as HTMLElement).dataset.state]))).toEqual([
      ['1', 'too-small'],
      ['2', 'ok'],
    ])
    expect(await parts.nth(0).innerText()).toContain('1.0 KB')
    expect(await parts.nth(0).innerText()).toContain(mp.parts[0]!.etag!)
    expect(await panel.getByTestId('session-findings').innerText()).toMatch(/Part 1 below the 100 KB minimum/)
    // a part's row is one click away, and keeps the Upload tab
    await parts.nth(1).getByTestId('session-go-part').click()
    await expect.poll(() => row(mp.parts[1]!.requestId!).getAttribute('aria-selected')).toBe('true')
    expect(await tab('upload').getAttribute('aria-selected')).toBe('true')
    await s.devtools.screenshot({ path: join(SHOTS, 'uploads-session.png') })
  })

  it('Complete with a wrong part ETag: InvalidPart, part-etag-mismatch naming the part, the Complete list diff', async () => {
    const mp = await call<SdkMultipartResult>('sdkMultipart', bos.port, 'mybucket', 'videos/wrong-etag.bin', [102400, 1024], { corruptEtagOfPart: 1 })
    expect(mp.complete?.code).toBe('InvalidPart')
    await openRow(mp.complete!.requestId!)
    await finding('part-etag-mismatch').waitFor()
    expect(await finding('part-etag-mismatch').innerText()).toContain(`part 1: listed "${mp.partList[0]!.eTag}", uploaded ${mp.parts[0]!.etag}`)
    expect(await panel.getByTestId('finding-parts').first().innerText()).toBe('Part: 1')
    await tab('upload').click()
    const diff = panel.locator('[data-testid=complete-row]')
    await diff.first().waitFor()
    expect(await diff.evaluateAll((rows) => rows.map((r) => [(r as HTMLElement).dataset.partNumber, (r as HTMLElement).dataset.match]))).toEqual([
      ['1', 'no'],
      ['2', 'yes'],
    ])
    expect(await diff.nth(0).innerText()).toContain(mp.partList[0]!.eTag)
    expect(await diff.nth(0).innerText()).toContain(mp.parts[0]!.etag!)
    expect(await panel.locator('[data-testid=session-part][data-part-number="1"]').getAttribute('data-state')).toBe('etag-mismatch')
  })

  it('a presigned GET used after it expired: presigned-expired, and request-expired blames the stale signature', async () => {
    const put = await call<SdkPutResult>('sdkPut', bos.port, 'mybucket', 'docs/shared.txt', 'shared')
    expect(put.status).toBe(200)
    const r = await call<FetchResult>('presignedGet', bos.port, 'mybucket', 'docs/shared.txt', 1800, -3600)
    expect(r.status).toBe(403)
    expect(r.code).toBe('RequestExpired')
    await openRow(r.requestId!)
    await finding('presigned-expired').waitFor()
    await finding('request-expired').waitFor()
    expect(await finding('request-expired').innerText()).toMatch(/the signature was made too long ago/)
    expect(await finding('presigned-expired').innerText()).toMatch(/used .* later/)
  })

  it('a wrong secret key: SignatureDoesNotMatch, the canonical request shown, and the local check pinpoints the key', async () => {
    const r = await call<SdkPutResult>('sdkPutWithSk', bos.port, 'mybucket', 'docs/wrong key.txt', 'hello', WRONG_SK)
    await call('resetSdkClock')
    expect(r.code).toBe('SignatureDoesNotMatch')
    const server = bos.seen.find((x) => x.requestId === r.requestId)!.auth!
    expect(server.canonicalRequest).toBeTruthy()
    await openRow(r.requestId!)
    await finding('signature-mismatch').waitFor()
    // what the core says BOS rebuilt is what the BOS-like server did rebuild
    expect(await panel.getByTestId('finding-canonical').innerText()).toBe(server.canonicalRequest)

    await tab('auth').click()
    const canonical = panel.getByTestId('canonical-request')
    await canonical.waitFor()
    expect(await canonical.innerText()).toBe(server.canonicalRequest)
    expect(await panel.locator('[data-testid=signed-headers] li').evaluateAll((li) => li.map((l) => (l as HTMLElement).dataset.name))).toEqual(
      server.signedHeaders,
    )
    const input = panel.getByTestId('sk-input')
    expect(await input.getAttribute('type')).toBe('password')
    expect(await input.getAttribute('autocomplete')).toBe('off')
    expect(await input.getAttribute('spellcheck')).toBe('false')

    const check = async (key: string) => {
      await input.fill(key)
      await panel.getByTestId('sk-check').click()
      expect(await input.inputValue()).toBe('')
      const result = panel.getByTestId('key-check-result')
      await result.waitFor()
      return result
    }
    // The key BOS holds gives another signature: the signer did not use it.
    let result = await check(REAL_SK)
    await expect.poll(() => result.getAttribute('data-outcome')).toBe('different')
    expect(await result.innerText()).toMatch(/This key gives a different signature/)
    // The key the page used reproduces the signature exactly: the key, not the canonical request, is wrong.
    result = await check(WRONG_SK)
    await expect.poll(() => result.getAttribute('data-outcome')).toBe('same')
    expect(await result.innerText()).toMatch(/This key produces the same signature/)
    await result.scrollIntoViewIfNeeded()
    await s.devtools.screenshot({ path: join(SHOTS, 'signature-check.png') })

    // Neither key, nor the signature, is anywhere in the panel, its storage or the extension's web storage.
    const html = await panel.content()
    const signature = /\/([0-9a-f]{64})$/.exec(server.raw)![1]!
    for (const secret of [REAL_SK, WRONG_SK, signature]) expect(html).not.toContain(secret)
    const stored = await panel.evaluate(async () => {
      const all = async (area: chrome.storage.StorageArea) => new Promise((res) => area.get(null, res))
      return JSON.stringify([await all(chrome.storage.local), await all(chrome.storage.sync), { ...localStorage }, { ...sessionStorage }])
    })
    for (const secret of [REAL_SK, WRONG_SK, signature]) expect(stored).not.toContain(secret)
  })

  it('a bucket without a CORS rule: the preflight row and the blocked request both show cors-preflight-failed', async () => {
    const r = await call<SdkPutResult>('sdkPut', bos.port, NOCORS, 'docs/blocked.txt', 'blocked')
    await call('resetSdkClock')
    expect(r.ok).toBe(false)
    expect(r.status === 0 || r.status === null).toBe(true)
    expect(bos.seen.filter((x) => x.bucket === NOCORS).map((x) => [x.method, x.status])).toEqual([['OPTIONS', 403]]) // the PUT never left the browser
    const preflight = panel.locator(`[data-testid=bos-row][data-operation=OPTIONSObject]`, { hasText: NOCORS })
    const blocked = panel.locator(`[data-testid=bos-row][data-operation=PutObject][data-status="0"]`, { hasText: NOCORS })
    await preflight.first().waitFor()
    await blocked.first().waitFor()
    await preflight.first().click()
    await tab('summary').click()
    await finding('cors-preflight-failed').waitFor()
    expect(await finding('cors-preflight-failed').innerText()).toMatch(/no CORS rule of the bucket matched/)
    await blocked.first().click()
    await finding('cors-preflight-failed').waitFor()
    expect(await finding('cors-preflight-failed').innerText()).toMatch(/most likely blocked by CORS/)
    expect(await blocked.first().innerText()).toContain('CORS')
  })

  it('loads its views from the extension itself, and keeps no key, signature or captured request', async () => {
    const ids = await panel.locator('[data-testid=bos-row]').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.requestId ?? ''))
    await expectNothingLeaves(s, panel, [...ids, REAL_SK, WRONG_SK])
  })
})
