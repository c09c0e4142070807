// Export and import in real DevTools: the panel's Export HAR downloads a file from inside the DevTools
// panel (Blob + <a download>), the file is a redacted HAR 1.2, and importing it back (the file picker)
// shows the same requests again, tagged as imported.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { CDPSession, Frame } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBosServer, type BosServer } from './bos-server/index.ts'
import { callPage, openDevtools, poll, SHOTS, type DevtoolsSession } from './browser.ts'
import type { SdkPutResult, SdkResult } from './sdk-page.ts'

let bos: BosServer
let s: DevtoolsSession
let panel: Frame
let cdp: CDPSession
const downloads = mkdtempSync(join(tmpdir(), 'bos-downloads-'))
const done = new Map<string, string>() // guid → suggested file name, once completed
const call = <T>(fn: string, ...args: unknown[]) => callPage<T>(s.page, fn, ...args)
const rows = () => panel.locator('[data-testid=bos-row]')

interface HarFile {
  log: {
    version: string
    creator: { name: string; version: string }
    entries: Array<{ request: { method: string; url: string; headers: Array<{ name: string; value: string }> }; response: { status: number } }>
  }
}

beforeAll(async () => {
  bos = await startBosServer()
  s = await openDevtools(`http://localhost:${bos.port}/page.html`)
  await poll(() => s.page.evaluate(() => (window as unknown as { sdkReady?: boolean }).sdkReady), 'the SDK in the page')
  cdp = await s.browser.newBrowserCDPSession()
  const names = new Map<string, string>()
  cdp.on('Browser.downloadWillBegin', (e) => names.set(e.guid, e.suggestedFilename))
  cdp.on('Browser.downloadProgress', (e) => e.state === 'completed' && done.set(e.guid, names.get(e.guid) ?? ''))
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads, eventsEnabled: true })
})

afterAll(async () => {
  await s?.close()
  await bos?.close()
  rmSync(downloads, { recursive: true, force: true })
})

describe('HAR export and import in the BOS panel', () => {
  let exported = ''
  let count = 0

  it('exports the captured requests as a redacted HAR 1.2 download', async () => {
    const put = await call<SdkPutResult>('sdkPut', bos.port, 'mybucket', 'docs/export.txt', 'export me', { contentType: 'text/plain' })
    expect(put.status).toBe(200)
    const get = await call<SdkResult>('sdkGet', bos.port, 'mybucket', 'docs/not-there.txt')
    expect(get.code).toBe('NoSuchKey')
    panel = await s.openBosPanel()
    await panel.locator(`[data-testid=bos-row][data-request-id="${get.requestId}"]`).waitFor()
    count = await rows().count()

    await panel.getByRole('button', { name: 'Export HAR' }).click()
    const dialog = panel.getByTestId('export-dialog')
    await dialog.waitFor()
    expect(await dialog.getByLabel('Include secrets (signatures, tokens, cookies)').isChecked()).toBe(false)
    await s.devtools.screenshot({ path: join(SHOTS, 'panel-export-dialog.png') })
    await dialog.getByRole('button', { name: 'Export' }).click()

    const name = await poll(() => [...done.values()][0], 'the download to complete')
    expect(name).toMatch(/^bos-\d{4}-\d\d-\d\d-\d{6}\.har$/)
    expect(await panel.getByTestId('io-message').innerText()).toBe(`Exported ${count} requests to ${name}, secrets redacted.`)
    exported = join(downloads, name)
    expect(existsSync(exported)).toBe(true)
    const har = JSON.parse(readFileSync(exported, 'utf8')) as HarFile
    expect(har.log.version).toBe('1.2')
    expect(har.log.creator.name).toBe('BOS DevTools')
    expect(har.log.creator.version).toMatch(/^\d+\.\d+\.\d+/)
    expect(har.log.entries).toHaveLength(count)
    const auth = har.log.entries.flatMap((e) => e.request.headers.filter((h) => h.name.toLowerCase() === 'authorization').map((h) => h.value))
    expect(auth.length).toBeGreaterThanOrEqual(2)
    for (const a of auth) expect(a).toMatch(/^bce-auth-v1\/AKIDEXAMPLE\/[^/]+\/\d+\/[^/]*\/REDACTED$/)
  })

  it('imports the file back through the file picker: same requests, tagged imported', async () => {
    await panel.getByRole('button', { name: 'Clear' }).click()
    await expect.poll(() => rows().count()).toBe(0)
    await panel.getByTestId('import-file').setInputFiles(exported)
    await expect.poll(() => panel.locator('[data-testid=bos-row][data-source=import]').count()).toBe(count)
    expect(await panel.getByTestId('io-message').innerText()).toMatch(
      new RegExp(`^Imported ${count} BOS requests from bos-.*\\.har \\(${count} entries read\\)\\.$`),
    )
    expect(await panel.locator('[data-testid=bos-row][data-code=NoSuchKey]').first().innerText()).toContain('imported')
    await s.devtools.screenshot({ path: join(SHOTS, 'panel-imported.png') })
  })

  it('takes a file dropped on the panel (a real drag through DevTools, not a synthetic DOM event)', async () => {
    await panel.getByRole('button', { name: 'Clear' }).click()
    await expect.poll(() => rows().count()).toBe(0)
    const box = (await panel.getByTestId('bos-grid').boundingBox())!
    const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 }
    const page = await s.devtools.context().newCDPSession(s.devtools)
    const data = { items: [], files: [exported], dragOperationsMask: 1 }
    await page.send('Input.dispatchDragEvent', { type: 'dragEnter', ...at, data })
    await page.send('Input.dispatchDragEvent', { type: 'dragOver', ...at, data })
    await panel.getByTestId('drop-overlay').waitFor()
    await page.send('Input.dispatchDragEvent', { type: 'drop', ...at, data })
    await expect.poll(() => panel.locator('[data-testid=bos-row][data-source=import]').count()).toBe(count)
    await page.detach()
  })

  it('says why a file cannot be imported, and keeps the list', async () => {
    const bad = join(downloads, 'notes.har')
    writeFileSync(bad, 'this is not JSON')
    await panel.getByTestId('import-file').setInputFiles(bad)
    const alert = panel.getByRole('alert')
    await alert.waitFor()
    expect(await alert.innerText()).toMatch(/^notes\.har is not a HAR file: it is not valid JSON/)
    expect(await rows().count()).toBe(count)
  })
})
