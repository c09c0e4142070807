// The list's controls in real DevTools, as a keyboard and filter user meets them: the Network panel's
// filter syntax, Escape kept inside the panel (DevTools' Console drawer stays closed), one Tab stop for the
// grid, the Request tab with its timing and Copy as (masked unless asked), and an axe-core accessibility
// scan of the panel's views in both themes. The page uses the genuine @baiducloud/sdk against the local
// BOS-like server.
import { join } from 'node:path'
import type { Frame } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seriousViolations } from './axe.ts'
import { startBosServer, type BosServer } from './bos-server/index.ts'
import { callPage, openDevtools, panelLocators, poll, putWhileServerClockAhead, SHOTS, type DevtoolsSession } from './browser.ts'
import { copiedBy } from './clipboard.ts'
import type { SdkPutResult, SdkResult } from './sdk-page.ts'

/** Whether DevTools' drawer (where Escape opens the Console) is showing in the DevTools window. */
const drawerOpen = (s: DevtoolsSession) =>
  s.devtools.evaluate(`(() => {
    const find = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.classList.contains('drawer-tabbed-pane') && el.offsetHeight > 0) return true
        if (el.shadowRoot && find(el.shadowRoot)) return true
      }
      return false
    }
    return find(document)
  })()`) as Promise<boolean>

let bos: BosServer
let s: DevtoolsSession
let panel: Frame
const call = <T>(fn: string, ...args: unknown[]) => callPage<T>(s.page, fn, ...args)
const { row, tab, openRow } = panelLocators(() => panel)
const rows = () => panel.locator('[data-testid=bos-row]')
const statuses = async () => (await rows().evaluateAll((els) => els.map((e) => e.getAttribute('data-status')))).sort()

let put: SdkPutResult
let missing: SdkResult
let late: SdkPutResult

beforeAll(async () => {
  bos = await startBosServer()
  s = await openDevtools(`http://localhost:${bos.port}/page.html`)
  await poll(() => s.page.evaluate(() => (window as unknown as { sdkReady?: boolean }).sdkReady), 'the SDK in the page')
  put = await call<SdkPutResult>('sdkPut', bos.port, 'mybucket', 'reports/2026/q4/summary-final.csv', 'a,b\n1,2\n', { contentType: 'text/csv' })
  missing = await call<SdkResult>('sdkGet', bos.port, 'mybucket', 'docs/missing.txt')
  late = await putWhileServerClockAhead(bos, s.page, 40)
  panel = await s.openBosPanel()
  for (const r of [put, missing, late]) await row(r.requestId!).waitFor()
})

afterAll(async () => {
  await s?.close()
  await bos?.close()
})

describe('the list controls in real DevTools', () => {
  const filter = () => panel.getByTestId('filter')

  it('filters with the Network panel syntax and our properties, and hides preflights', async () => {
    expect(await rows().count()).toBeGreaterThan(3) // the SDK's PUTs have CORS preflights
    await filter().fill('status-code:404')
    await expect.poll(statuses).toEqual(['404'])
    await filter().fill('method:PUT -status-code:200')
    await expect.poll(() => rows().evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))).toEqual(['RequestExpired'])
    await filter().fill('-is:preflight')
    await expect.poll(() => rows().count()).toBe(3)
    expect(await rows().evaluateAll((els) => els.map((e) => e.getAttribute('data-operation')))).not.toContain('OPTIONSObject')
    await filter().fill('code:RequestExpired')
    await expect.poll(() => rows().count()).toBe(1)
    await filter().fill('has:error')
    await expect.poll(statuses).toEqual(['403', '404'])
    await s.devtools.screenshot({ path: join(SHOTS, 'controls-filter-has-error.png') })
    await filter().fill('')
    await expect.poll(() => rows().count()).toBeGreaterThan(3)
  })

  it('is one Tab stop: arrows move the active row, Enter opens it, Escape closes it without opening the drawer', async () => {
    await filter().fill('-is:preflight')
    await expect.poll(() => rows().count()).toBe(3)
    const grid = panel.getByTestId('bos-grid')
    // Every row's copy button is out of the Tab order: only the grid itself is a Tab stop.
    const tabStops = await grid.evaluate(
      (g) => [...g.querySelectorAll<HTMLElement>('button, a[href], input, [tabindex]')].filter((e) => e.tabIndex >= 0).length,
    )
    expect(tabStops).toBe(0)
    expect(await grid.getAttribute('tabindex')).toBe('0')
    // Tab from the filter through the toolbar reaches the grid, and one more Tab leaves it.
    const focused = () => panel.evaluate(() => document.activeElement?.getAttribute('data-testid'))
    await filter().focus()
    for (let i = 0; i < 20 && (await focused()) !== 'bos-grid'; i++) await panel.page().keyboard.press('Tab')
    expect(await focused()).toBe('bos-grid')
    await panel.page().keyboard.press('Tab')
    expect(await panel.evaluate(() => !!document.activeElement?.closest('[data-testid=bos-grid]'))).toBe(false)
    await panel.page().keyboard.press('Shift+Tab')
    expect(await focused()).toBe('bos-grid')
    await panel.page().keyboard.press('Home')
    const first = await grid.getAttribute('aria-activedescendant')
    await panel.page().keyboard.press('ArrowDown')
    const second = await grid.getAttribute('aria-activedescendant')
    expect(second).toBeTruthy()
    expect(second).not.toBe(first)
    // the active row is drawn with a focus ring while the grid has keyboard focus
    const ring = await panel.locator(`#${second}`).evaluate((e) => getComputedStyle(e).outlineStyle + ' ' + getComputedStyle(e).boxShadow)
    expect(ring).not.toBe('none none')
    await panel.page().keyboard.press('Enter')
    await panel.getByTestId('detail').waitFor()
    expect(await drawerOpen(s)).toBe(false)
    await panel.page().keyboard.press('Escape')
    await panel.getByTestId('detail').waitFor({ state: 'detached' })
    await s.devtools.waitForTimeout(500)
    expect(await drawerOpen(s)).toBe(false)
    // focus stays in the panel, on the grid
    expect(await panel.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('bos-grid')
    await filter().fill('')
  })

  it('shows the request: its query, payload and timing phases', async () => {
    await openRow(put.requestId!)
    await tab('request').click()
    const request = panel.getByTestId('request-tab')
    await request.waitFor()
    expect(await panel.getByTestId('request-payload').innerText()).toContain('a,b')
    const timing = await panel.getByTestId('request-timing').innerText()
    expect(timing).toMatch(/Waiting|Wait/)
    await s.devtools.screenshot({ path: join(SHOTS, 'controls-request-tab.png') })
  })

  it('copies as cURL with the signature masked, and with it only when Include secrets is ticked', async () => {
    await openRow(late.requestId!)
    await tab('request').click()
    const masked = await copiedBy(s, bos.port, () => panel.getByTestId('copy-curl-bash').click())
    expect(masked).toMatch(/^curl /)
    expect(masked).toContain(`'http://mybucket.bj.bcebos.com:${bos.port}/docs/late.txt'`)
    const auth = /Authorization: (bce-auth-v1\/[^']*)/i.exec(masked)?.[1]
    expect(auth).toBeTruthy()
    const sent = bos.seen.find((r) => r.requestId === late.requestId)!.headers.authorization as string
    const signature = sent.split('/').pop()!
    expect(signature).toMatch(/^[0-9a-f]{64}$/)
    expect(masked).not.toContain(signature)
    await panel.getByTestId('copy-secrets').check()
    expect(await copiedBy(s, bos.port, () => panel.getByTestId('copy-curl-bash').click())).toContain(signature)
  })

  it('passes an axe-core scan of the list, the detail tabs and Settings (no serious or critical violation)', async () => {
    const found: string[] = []
    await panel.getByTestId('detail-close').click()
    found.push(...(await seriousViolations(panel)).map((v) => `list: ${v}`))
    await openRow(missing.requestId!)
    for (const name of ['summary', 'headers', 'request', 'body', 'auth']) {
      await tab(name).click()
      await panel.locator('#bos-tabpanel').waitFor()
      await panel.page().waitForTimeout(200)
      found.push(...(await seriousViolations(panel)).map((v) => `${name}: ${v}`))
    }
    await panel.getByTestId('settings').click()
    await panel.getByTestId('settings-dialog').waitFor()
    found.push(...(await seriousViolations(panel)).map((v) => `settings: ${v}`))
    await panel.getByTestId('settings-cancel').click()
    expect(found).toEqual([])
  })
})

describe('the panel in the dark theme', () => {
  let dark: DevtoolsSession
  afterAll(() => dark?.close())

  it('passes the axe-core scan too (contrast of the dark colours)', async () => {
    dark = await openDevtools(`http://localhost:${bos.port}/page.html`, { theme: 'dark' })
    await poll(() => dark.page.evaluate(() => (window as unknown as { sdkReady?: boolean }).sdkReady), 'the SDK in the page')
    const r = await callPage<SdkResult>(dark.page, 'sdkGet', bos.port, 'mybucket', 'docs/missing-in-the-dark.txt')
    const p = await dark.openBosPanel()
    const darkRow = p.locator(`[data-testid=bos-row][data-request-id="${r.requestId}"]`)
    await darkRow.waitFor()
    expect(await p.evaluate(() => document.documentElement.className)).toContain('theme-dark')
    const found = (await seriousViolations(p)).map((v) => `list: ${v}`)
    await darkRow.click()
    await p.getByTestId('summary').waitFor()
    found.push(...(await seriousViolations(p)).map((v) => `summary: ${v}`))
    expect(found).toEqual([])
  })
})
