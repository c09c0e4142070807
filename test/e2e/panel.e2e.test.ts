// The BOS tab in a real Chromium: the built extension, real DevTools, the genuine @baiducloud/sdk in a
// page, and *.bcebos.com mapped to the local BOS-like server (which checks signatures like BOS).
import { join } from 'node:path'
import type { Frame } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBosServer, type BosServer } from './bos-server/index.ts'
import { callPage, openDevtools, poll, putWhileServerClockAhead, SHOTS, type DevtoolsSession, panelLocators } from './browser.ts'
import { expectNothingLeaves } from './privacy.ts'
import type { SdkPutResult, SdkResult } from './sdk-page.ts'

let bos: BosServer
let s: DevtoolsSession
let panel: Frame
const call = <T>(fn: string, ...args: unknown[]) => callPage<T>(s.page, fn, ...args)
const { row } = panelLocators(() => panel)

beforeAll(async () => {
  bos = await startBosServer({ customDomains: { 'files.example.test': 'public-assets' } })
  bos.addBucket('public-assets', 'public-read')
  s = await openDevtools(`http://localhost:${bos.port}/page.html`)
  await poll(() => s.page.evaluate(() => (window as unknown as { sdkReady?: boolean }).sdkReady), 'the SDK in the page')
})

afterAll(async () => {
  await s?.close()
  await bos?.close()
})

describe('the BOS panel in real DevTools', () => {
  let put: SdkPutResult

  it('captures a request made before the panel was ever shown', async () => {
    put = await call<SdkPutResult>('sdkPut', bos.port, 'mybucket', 'docs/hello.txt', 'hello bos', { contentType: 'text/plain' })
    expect(put.status).toBe(200)
    expect(bos.seen.find((r) => r.requestId === put.requestId)?.auth?.ok).toBe(true) // the genuine SDK signed it, the server verified it
    panel = await s.openBosPanel()
    await row(put.requestId!).waitFor()
    expect(await row(put.requestId!).getAttribute('data-operation')).toBe('PutObject')
    expect(await row(put.requestId!).getAttribute('data-status')).toBe('200')
    // its CORS preflight is listed too, marked as such
    await expect.poll(() => panel.locator('[data-testid=bos-row][data-operation=OPTIONSObject]').count()).toBeGreaterThan(0)
  })

  it('captures while another DevTools tab is selected (NoSuchKey)', async () => {
    await s.showConsole()
    const get = await call<SdkResult>('sdkGet', bos.port, 'mybucket', 'docs/missing.txt')
    expect(get.code).toBe('NoSuchKey')
    panel = await s.openBosPanel()
    await row(get.requestId!).waitFor()
    expect(await row(get.requestId!).getAttribute('data-code')).toBe('NoSuchKey')
    expect(await row(get.requestId!).getAttribute('data-status')).toBe('404')
  })

  it('explains RequestExpired caused by a server clock 40 minutes ahead', async () => {
    const late = await putWhileServerClockAhead(bos, s.page, 40)
    expect(late.code).toBe('RequestExpired')
    await row(late.requestId!).click()
    const summary = panel.getByTestId('summary')
    await expect.poll(() => summary.innerText()).toMatch(/40 minutes behind the server/)
    expect(await summary.innerText()).toMatch(/RequestExpired/)
    await panel.locator('[data-testid=finding][data-finding-id=request-expired]').waitFor()
  })

  it('flags a Content-MD5 that does not match the ETag', async () => {
    const r = await call<SdkPutResult>('sdkPut', bos.port, 'mybucket', 'etag-mismatch/report.csv', 'a,b\n1,2\n', { contentType: 'text/csv' })
    expect(r.status).toBe(200)
    await row(r.requestId!).click()
    await panel.locator('[data-testid=finding][data-finding-id=md5-mismatch]').waitFor()
    expect(await panel.getByTestId('summary').innerText()).toContain(r.contentMd5Hex)
    await s.devtools.screenshot({ path: join(SHOTS, 'panel-light-detail.png') })
  })

  it('copies the x-bce-debug-id to the clipboard', async () => {
    const get = await call<SdkResult>('sdkGet', bos.port, 'mybucket', 'docs/nothing-here.txt')
    await row(get.requestId!).click()
    await panel.getByTestId('detail').getByRole('button', { name: 'Copy x-bce-debug-id', exact: true }).click()
    await expect.poll(() => panel.locator('[role=status]').allInnerTexts()).toContainEqual(expect.stringMatching(/Copied/))
    // read the system clipboard back through the inspected page
    const cdp = await s.browser.newBrowserCDPSession()
    await cdp.send('Browser.grantPermissions', { origin: `http://localhost:${bos.port}`, permissions: ['clipboardReadWrite', 'clipboardSanitizedWrite'] })
    await s.page.bringToFront()
    const text = await s.page.evaluate(() => navigator.clipboard.readText())
    expect(text).toBe(get.debugId)
  })

  it('adds a custom domain and pulls its earlier requests in from the DevTools HAR (getHAR)', async () => {
    // A CDN domain in front of the bucket that strips every BOS header: not recognised on its own.
    const r = await s.page.evaluate((port) => fetch(`http://files.example.test:${port}/photos/nothing.jpg`).then((x) => x.status), bos.port)
    expect(r).toBe(404)
    await panel.getByTestId('settings').click()
    await panel.getByTestId('hosts-input').fill('files.example.test')
    await panel.getByTestId('settings-save').click()
    const custom = panel.locator('[data-testid=bos-row][data-operation=GetObject][data-status="404"]', { hasText: 'photos/nothing.jpg' })
    await custom.waitFor()
    expect(await custom.getAttribute('data-source')).toBe('backfill') // it came from getHAR, with its body
    expect(await custom.getAttribute('data-code')).toBe('NoSuchKey')
    // the pattern is kept in chrome.storage for the next DevTools session
    const stored = await panel.evaluate(() => new Promise((res) => chrome.storage.local.get('customHosts', res)))
    expect(JSON.stringify(stored)).toContain('files.example.test')
  })

  it('lists a request that was in flight when DevTools was asked for its HAR once, with its answer', async () => {
    const key = 'held/in-flight.txt'
    const result = s.page.evaluate(
      ([port, path]) => (window as unknown as { bosFetch: (...a: unknown[]) => Promise<SdkResult> }).bosFetch(port, 'mybucket', path),
      [bos.port, `/${key}`] as const,
    )
    await poll(() => bos.holding() > 0, 'the request to reach the server')
    // Saving the settings reads the DevTools HAR again, which now lists the request without an answer.
    await panel.getByTestId('settings').click()
    await panel.getByTestId('settings-save').click()
    await s.devtools.waitForTimeout(500)
    bos.release()
    const { requestId } = await result
    const rows = panel.locator('[data-testid=bos-row]', { hasText: key })
    await rows.and(panel.locator(`[data-request-id="${requestId}"]`)).waitFor()
    await s.devtools.waitForTimeout(300)
    expect(await rows.count()).toBe(1)
    expect(await rows.getAttribute('data-status')).toBe('403')
  })

  it('keeps non-BOS traffic out and shows a dense list', async () => {
    const ids = await panel.locator('[data-testid=bos-row]').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.requestId))
    expect(ids.length).toBeGreaterThanOrEqual(8)
    expect(ids.filter((id) => id).every((id) => /^[0-9a-f-]{36}$/.test(id!))).toBe(true) // page.html and sdk.js are not rows
    await panel.getByTestId('detail-close').click()
    await s.devtools.screenshot({ path: join(SHOTS, 'panel-light-list.png') })
  })

  it('makes no network request of its own and keeps nothing it captured', async () => {
    const ids = await panel.locator('[data-testid=bos-row]').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.requestId ?? ''))
    await expectNothingLeaves(s, panel, ids)
  })
})
