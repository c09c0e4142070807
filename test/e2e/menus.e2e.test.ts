// The copy menus and the toolbar's overflow menu in real DevTools: the row context menu by mouse and by
// keyboard (Shift+F10, the ContextMenu key), what each copy item puts on the clipboard (masked, and with
// secrets only through "Copy with secrets"), the detail pane's Copy menu, the toolbar at 400 px with its
// "»" menu, and an axe-core scan with each menu open. Genuine @baiducloud/sdk page, local BOS-like server.
import { join } from 'node:path'
import type { Frame } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seriousViolations } from './axe.ts'
import { startBosServer, type BosServer } from './bos-server/index.ts'
import { callPage, openDevtools, panelLocators, poll, putWhileServerClockAhead, SHOTS, type DevtoolsSession } from './browser.ts'
import { readClipboard } from './clipboard.ts'
import type { SdkPutResult, SdkResult } from './sdk-page.ts'

let bos: BosServer
let s: DevtoolsSession
let panel: Frame
const { row } = panelLocators(() => panel)
let missing: SdkResult
let late: SdkPutResult
let signature: string

const focusedTestId = () => panel.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid ?? null)
const key = (k: string) => panel.page().keyboard.press(k)

beforeAll(async () => {
  bos = await startBosServer()
  s = await openDevtools(`http://localhost:${bos.port}/page.html`)
  await poll(() => s.page.evaluate(() => (window as unknown as { sdkReady?: boolean }).sdkReady), 'the SDK in the page')
  missing = await callPage<SdkResult>(s.page, 'sdkGet', bos.port, 'mybucket', 'docs/missing.txt')
  late = await putWhileServerClockAhead(bos, s.page, 40)
  panel = await s.openBosPanel()
  for (const r of [missing, late]) await row(r.requestId!).waitFor()
  const sent = bos.seen.find((r) => r.requestId === late.requestId)!.headers.authorization as string
  signature = sent.split('/').pop()!
})

afterAll(async () => {
  await s?.close()
  await bos?.close()
})

/** Waits for the row menu's "Copied: …" (opening the menu clears it): the copy is asynchronous. */
const copied = () =>
  poll(() => panel.evaluate(() => [...document.querySelectorAll('[data-testid=menu-copy-status]')].some((e) => e.textContent)), 'the copy to finish')

/** Right-clicks the row and chooses `item` (a test id); returns the clipboard. */
async function copyFromRow(requestId: string, item: string): Promise<string> {
  await row(requestId).click({ button: 'right' })
  await panel.getByTestId('row-menu').waitFor()
  await panel.getByTestId(item).click()
  await panel.getByTestId('row-menu').waitFor({ state: 'detached' })
  await copied()
  return readClipboard(s, bos.port)
}

describe('the row context menu in real DevTools', () => {
  it('opens at the pointer on right-click, and copies cURL with the signature masked', async () => {
    await row(late.requestId!).click({ button: 'right' })
    const menu = panel.getByTestId('row-menu')
    await menu.waitFor()
    expect(await menu.getAttribute('role')).toBe('menu')
    expect(await focusedTestId()).toBe('copy-item-curlBash')
    await s.devtools.screenshot({ path: join(SHOTS, 'menus-row-context-menu.png') })
    await panel.getByTestId('copy-item-curlBash').click()
    await copied()
    const text = await readClipboard(s, bos.port)
    expect(text).toMatch(/^curl 'http:\/\/mybucket\.bj\.bcebos\.com:\d+\/docs\/late\.txt'/)
    expect(signature).toMatch(/^[0-9a-f]{64}$/)
    expect(text).toMatch(/authorization: bce-auth-v1\//i)
    expect(text).not.toContain(signature)
  })

  it('copies each item as it says, masked', async () => {
    const cmd = await copyFromRow(late.requestId!, 'copy-item-curlCmd')
    expect(cmd).toMatch(/^curl \^"http:\/\/mybucket/)
    expect(cmd).not.toContain(signature)
    const fetchText = await copyFromRow(late.requestId!, 'copy-item-fetch')
    expect(fetchText).toMatch(/^fetch\("http:\/\/mybucket/)
    expect(fetchText).not.toContain(signature)
    expect(await copyFromRow(late.requestId!, 'copy-item-url')).toMatch(/^http:\/\/mybucket\.bj\.bcebos\.com:\d+\/docs\/late\.txt$/)
    expect(await copyFromRow(missing.requestId!, 'copy-item-requestId')).toBe(missing.requestId)
    expect(missing.debugId).toBeTruthy()
    expect(await copyFromRow(missing.requestId!, 'copy-item-debugId')).toBe(missing.debugId)
    expect(await copyFromRow(missing.requestId!, 'copy-item-response')).toContain('NoSuchKey')
    const ticket = await copyFromRow(missing.requestId!, 'copy-item-ticket')
    expect(ticket).toContain(missing.requestId!)
    expect(ticket).not.toContain(signature)
  })

  it('by keyboard: Shift+F10 and the ContextMenu key on the focused row; secrets only through the submenu; Escape back to the grid', async () => {
    await row(late.requestId!).click()
    await panel.getByTestId('bos-grid').focus()
    await key('Shift+F10')
    await panel.getByTestId('row-menu').waitFor()
    expect(await focusedTestId()).toBe('copy-item-curlBash')
    await key('Escape')
    await panel.getByTestId('row-menu').waitFor({ state: 'detached' })
    expect(await focusedTestId()).toBe('bos-grid')
    await key('ContextMenu')
    await panel.getByTestId('row-menu').waitFor()
    await key('End')
    expect(await focusedTestId()).toBe('copy-with-secrets')
    await key('ArrowRight')
    expect(await focusedTestId()).toBe('copy-secret-curlBash')
    await s.devtools.screenshot({ path: join(SHOTS, 'menus-copy-with-secrets.png') })
    await key('Enter')
    await panel.getByTestId('row-menu').waitFor({ state: 'detached' })
    await copied()
    expect(await focusedTestId()).toBe('bos-grid')
    expect(await readClipboard(s, bos.port)).toContain(signature)
  })

  it('the detail pane Copy menu, and an axe-core scan with the menus open (no serious or critical violation)', async () => {
    const found: string[] = []
    await row(missing.requestId!).click()
    const button = panel.getByTestId('copy-menu-button')
    await button.click()
    await panel.getByTestId('copy-menu').waitFor()
    found.push(...(await seriousViolations(panel)).map((v) => `copy menu: ${v}`))
    await panel.getByTestId('copy-with-secrets').hover()
    await panel.getByTestId('copy-with-secrets-menu').waitFor()
    found.push(...(await seriousViolations(panel)).map((v) => `secrets submenu: ${v}`))
    await key('Escape') // focus is still on the parent item: Escape there closes the whole menu
    await panel.getByTestId('copy-menu').waitFor({ state: 'detached' })
    expect(await focusedTestId()).toBe('copy-menu-button')
    await row(missing.requestId!).click({ button: 'right' })
    await panel.getByTestId('row-menu').waitFor()
    found.push(...(await seriousViolations(panel)).map((v) => `row menu: ${v}`))
    await key('Escape')
    expect(found).toEqual([])
  })
})

describe('the toolbar at 400 px', () => {
  it('moves what does not fit into "»": Export, Import and Settings stay reachable, and the menu passes axe', async () => {
    if (await panel.getByTestId('detail-close').isVisible()) await panel.getByTestId('detail-close').click()
    await s.devtools.setViewportSize({ width: 400, height: 640 })
    const more = panel.getByTestId('toolbar-more')
    await s.devtools.screenshot({ path: join(SHOTS, 'menus-toolbar-400.png') })
    await more.waitFor({ timeout: 10_000 })
    // Nothing is cut off: every control still in the toolbar lies inside it.
    const cut = await panel.evaluate(() => {
      const bar = document.querySelector('[role=toolbar]')!.getBoundingClientRect()
      return [...document.querySelectorAll<HTMLElement>('[role=toolbar] button, [role=toolbar] input')]
        .filter((e) => e.offsetParent !== null && (e as HTMLInputElement).type !== 'file')
        .filter((e) => e.getBoundingClientRect().right > bar.right + 0.5)
        .map((e) => e.dataset.testid)
    })
    expect(cut).toEqual([])
    await more.click()
    await panel.getByTestId('toolbar-more-menu').waitFor()
    await s.devtools.screenshot({ path: join(SHOTS, 'menus-toolbar-overflow-400.png') })
    const found = (await seriousViolations(panel)).map((v) => `overflow menu: ${v}`)
    const reachable = async (id: string) => (await panel.getByTestId(id).isVisible()) || (await panel.getByTestId(`overflow-${id}`).isVisible())
    for (const id of ['export-har', 'import-har', 'settings', 'errors-only', 'preserve-log']) expect(await reachable(id), id).toBe(true)
    if (await panel.getByTestId('overflow-settings').isVisible()) await panel.getByTestId('overflow-settings').click()
    else {
      await key('Escape')
      await panel.getByTestId('settings').click()
    }
    await panel.getByTestId('settings-dialog').waitFor()
    await panel.getByTestId('settings-cancel').click()
    expect(found).toEqual([])
  })
})
