// The list's columns and Group by upload in real DevTools, as a Network-panel user meets them: a header
// click sorts, a header edge drags to resize, the header's context menu hides a column, and all of it
// (with Group by upload) is still there after the panel reloads, read back from chrome.storage.local.
// Group by upload folds the genuine @baiducloud/sdk's multipart sessions (with their CORS preflights) into
// one row each that opens and closes from the mouse and the keyboard. An axe-core scan covers the sorted,
// resized and grouped list.
import { join } from 'node:path'
import type { Frame } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBosServer, type BosServer } from './bos-server/index.ts'
import { callPage, openDevtools, poll, SHOTS, type DevtoolsSession } from './browser.ts'
import { seriousViolations } from './axe.ts'
import type { SdkMultipartResult, SdkPutResult, SdkResult } from './sdk-page.ts'

let bos: BosServer
let s: DevtoolsSession
let panel: Frame
const call = <T>(fn: string, ...args: unknown[]) => callPage<T>(s.page, fn, ...args)
const rows = () => panel.locator('[data-testid=bos-row]')
const groups = () => panel.locator('[data-testid=bos-group]')
const header = (col: string) => panel.locator(`[data-testid=column-header][data-col=${col}]`)
const headerIds = () => panel.locator('[data-testid=column-header]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.col))
const statuses = () => rows().evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-status'))))
const width = async (col: string) => (await header(col).boundingBox())!.width
/** What the DevTools page saved with the `storage` permission. */
const stored = () => panel.evaluate(() => chrome.storage.local.get('listPrefs').then((v) => v.listPrefs)) as Promise<Record<string, unknown> | undefined>

let done: SdkMultipartResult
let small: SdkMultipartResult

/** Reloads the panel window: a fresh panel gets the store on the next onShown, with the saved prefs. */
async function reloadPanel(): Promise<void> {
  await panel.evaluate(() => location.reload())
  await s.showConsole()
  panel = await s.openBosPanel()
  await poll(() => panel.evaluate(() => document.querySelectorAll('[data-testid=bos-row],[data-testid=bos-group]').length > 3), 'the panel after its reload')
}

beforeAll(async () => {
  bos = await startBosServer()
  s = await openDevtools(`http://localhost:${bos.port}/page.html`)
  await poll(() => s.page.evaluate(() => (window as unknown as { sdkReady?: boolean }).sdkReady), 'the SDK in the page')
  await call<SdkPutResult>('sdkPut', bos.port, 'mybucket', 'reports/2026/q4/summary-final.csv', 'a,b\n1,2\n', { contentType: 'text/csv' })
  await call<SdkResult>('sdkGet', bos.port, 'mybucket', 'docs/missing.txt')
  done = await call<SdkMultipartResult>('sdkMultipart', bos.port, 'mybucket', 'videos/ok.bin', [102400, 1024])
  small = await call<SdkMultipartResult>('sdkMultipart', bos.port, 'mybucket', 'videos/small-parts.bin', [1024, 2048])
  expect(done.complete?.status).toBe(200)
  expect(small.complete?.code).toBe('EntityTooSmall')
  panel = await s.openBosPanel()
  await poll(() => panel.evaluate((id) => !!document.querySelector(`[data-request-id="${id}"]`), small.complete!.requestId!), 'the last Complete in the list')
})

afterAll(async () => {
  await s?.close()
  await bos?.close()
})

describe('the list columns in real DevTools', () => {
  it('sorts by a header click: ascending, descending, then the capture order again', async () => {
    const captured = await statuses()
    expect(captured.length).toBeGreaterThan(10) // the SDK's requests and their preflights
    await header('status').click()
    await expect.poll(() => header('status').getAttribute('aria-sort')).toBe('ascending')
    expect(await statuses()).toEqual([...captured].sort((a, b) => a - b))
    await header('status').click()
    await expect.poll(() => header('status').getAttribute('aria-sort')).toBe('descending')
    expect(await statuses()).toEqual([...captured].sort((a, b) => b - a))
    await header('status').click()
    await expect.poll(() => header('status').getAttribute('aria-sort')).toBe(null)
    expect(await statuses()).toEqual(captured)
    await header('status').click()
    await header('status').click() // descending again, for the reload below
  })

  it('resizes by dragging a header edge: the column and its right neighbour share the space', async () => {
    const op = await width('op')
    const object = await width('object')
    const edge = (await header('op').locator('[data-testid=column-resizer]').boundingBox())!
    const page = panel.page()
    await page.mouse.move(edge.x + edge.width / 2, edge.y + edge.height / 2)
    await page.mouse.down()
    await page.mouse.move(edge.x + edge.width / 2 - 60, edge.y + edge.height / 2, { steps: 5 })
    await page.mouse.up()
    await expect.poll(() => width('op')).toBeLessThan(op - 50)
    expect(Math.abs((await width('op')) + (await width('object')) - (op + object))).toBeLessThan(2)
    // The drag did not sort.
    expect(await header('op').getAttribute('aria-sort')).toBe(null)
    await expect.poll(async () => ((await stored())?.widths as Record<string, number> | undefined)?.op).toBeLessThan(op - 50)
  })

  it('from the keyboard: the header is the first row; Shift+ArrowRight widens, ArrowDown goes back to the rows', async () => {
    const grid = panel.getByTestId('bos-grid')
    await grid.focus()
    await panel.page().keyboard.press('Home')
    await panel.page().keyboard.press('ArrowUp')
    await expect.poll(() => grid.getAttribute('aria-activedescendant')).toBe('bos-col-time')
    const time = await width('time')
    await panel.page().keyboard.press('Shift+ArrowRight')
    await expect.poll(() => width('time')).toBeGreaterThan(time + 10)
    await panel.page().keyboard.press('ArrowDown')
    await expect.poll(() => grid.getAttribute('aria-activedescendant')).toMatch(/^bos-row-/)
  })

  it('Group by upload folds each multipart session into one row that opens and closes', async () => {
    await panel.getByTestId('group-by-upload').check()
    await expect.poll(() => groups().count()).toBe(2)
    expect(await panel.getByTestId('bos-grid').getAttribute('role')).toBe('treegrid')
    const ok = panel.locator(`[data-testid=bos-group][data-upload-id="${done.uploadId}"]`)
    const failed = panel.locator(`[data-testid=bos-group][data-upload-id="${small.uploadId}"]`)
    expect(await ok.getByTestId('group-parts').innerText()).toBe('2 parts')
    expect(await ok.getByTestId('group-outcome').innerText()).toBe('completed')
    expect(await failed.getByTestId('group-outcome').innerText()).toBe('Complete failed')
    expect(await failed.locator('.c-code').innerText()).toBe('EntityTooSmall')
    // Initiate, 2 parts, Complete and their CORS preflights.
    expect(Number(await failed.getAttribute('data-members'))).toBeGreaterThanOrEqual(4)
    expect(await rows().evaluateAll((els, id) => els.some((e) => e.getAttribute('data-request-id') === id), small.complete!.requestId)).toBe(false)

    await failed.click()
    await expect.poll(() => failed.getAttribute('aria-expanded')).toBe('true')
    const child = panel.locator(`[data-testid=bos-row][data-request-id="${small.complete!.requestId}"]`)
    await child.waitFor()
    expect(await child.getAttribute('aria-level')).toBe('2')
    await s.devtools.screenshot({ path: join(SHOTS, 'columns-group-upload.png') })

    // Keyboard: ArrowLeft from a request goes to its group, again closes it; ArrowRight opens it.
    const grid = panel.getByTestId('bos-grid')
    await child.click()
    await panel.page().keyboard.press('Escape')
    await grid.focus()
    await panel.page().keyboard.press('ArrowLeft')
    await expect.poll(() => grid.getAttribute('aria-activedescendant')).toBe(await failed.getAttribute('id'))
    await panel.page().keyboard.press('ArrowLeft')
    await expect.poll(() => failed.getAttribute('aria-expanded')).toBe('false')
    await expect.poll(() => child.count()).toBe(0)
    await panel.page().keyboard.press('ArrowRight')
    await expect.poll(() => failed.getAttribute('aria-expanded')).toBe('true')
  })

  it('shows a hidden column from the right-click menu of the header, which lists every column ticked when shown', async () => {
    expect(await headerIds()).not.toContain('duration')
    await header('status').click({ button: 'right' })
    const menu = panel.getByTestId('column-menu')
    await menu.waitFor()
    expect(await panel.getByTestId('column-toggle-size').getAttribute('aria-checked')).toBe('true')
    expect(await panel.getByTestId('column-toggle-duration').getAttribute('aria-checked')).toBe('false')
    await panel.getByTestId('column-toggle-duration').click()
    await menu.waitFor({ state: 'detached' })
    await expect.poll(headerIds).toContain('duration')
  })

  it('an axe-core scan of the sorted, resized and grouped list finds no serious or critical violation', async () => {
    expect(await seriousViolations(panel)).toEqual([])
  })

  it('keeps the sort, the widths and Group by upload through a panel reload, from storage', async () => {
    const op = await width('op')
    const saved = await stored()
    expect(saved).toMatchObject({ sort: { column: 'status', dir: 'desc' }, groupByUpload: true })
    await reloadPanel()
    await expect.poll(() => header('status').getAttribute('aria-sort')).toBe('descending')
    expect(Math.abs((await width('op')) - op)).toBeLessThan(2)
    expect(await panel.getByTestId('group-by-upload').isChecked()).toBe(true)
    await expect.poll(() => groups().count()).toBe(2)
    expect(await headerIds()).toEqual(expect.arrayContaining(['size', 'duration']))
  })
})
