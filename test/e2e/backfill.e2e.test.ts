// Requests the page made before DevTools had loaded the extension come from getHAR(); later ones from
// onRequestFinished. Also the dark DevTools theme, with screenshots.
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBosServer, type BosServer } from './bos-server/index.ts'
import { openDevtools, poll, SHOTS, type DevtoolsSession } from './browser.ts'
import { expectNothingLeaves } from './privacy.ts'

// Requests, 150 ms apart from page load: DevTools starts recording somewhere in there. The burst lasts 6 s,
// so that DevTools is open before it ends even on a loaded machine (at 50 ms apart, a full `npm test` run
// opened DevTools after the last one, and there was nothing to backfill). Few enough that every row fits the
// list's window (all in the DOM), so the no-gaps check below sees them all.
const EARLY = 40
const GAP_MS = 150

let bos: BosServer
let s: DevtoolsSession

beforeAll(async () => {
  bos = await startBosServer()
  s = await openDevtools(`http://localhost:${bos.port}/page.html?early=${EARLY}&gap=${GAP_MS}`, { theme: 'dark' })
})

afterAll(async () => {
  await s?.close()
  await bos?.close()
})

describe('capture from the start (dark theme)', () => {
  it('backfills what DevTools recorded before the extension loaded, then follows live, without gaps', async () => {
    const early: (string | null)[] = await poll(async () => {
      const ids = (await s.page.evaluate(() => (window as unknown as { earlyIds: (string | null)[] }).earlyIds)) ?? []
      return ids.filter(Boolean).length === EARLY ? ids : null
    }, 'the early requests to finish')
    const panel = await s.openBosPanel()
    const rowsOf = () =>
      panel
        .locator('[data-testid=bos-row]:not([data-operation=OPTIONSObject])')
        .evaluateAll((rows) => rows.map((r) => ({ id: (r as HTMLElement).dataset.requestId!, source: (r as HTMLElement).dataset.source! })))
    await expect.poll(async () => (await rowsOf()).length, { timeout: 10_000 }).toBeGreaterThan(0)
    const rows = await rowsOf()
    expect(await panel.getByTestId('count').textContent()).toMatch(new RegExp(`^${rows.length}\\b`)) // the DOM holds every row
    const positions = rows.map((r) => early.indexOf(r.id))
    expect(positions.every((p) => p >= 0)).toBe(true) // only the page's BOS requests are rows
    // From the first request DevTools recorded on, every request is there: nothing was missed between
    // DevTools opening, the extension loading (getHAR backfill) and live capture. (Rows are in the order
    // requests finished, which a busy machine may shuffle a little, so compare as sets.)
    const first = Math.min(...positions)
    expect([...positions].sort((a, b) => a - b)).toEqual(Array.from({ length: EARLY - first }, (_, i) => first + i))
    expect(rows.every((r) => r.source === 'backfill' || r.source === 'live')).toBe(true)
    // Whether any fell into the gap before the extension listened depends on timing; getHAR itself is
    // exercised deterministically by the custom-domain test in panel.e2e.test.ts.
    console.log(`early burst: ${rows.length} of ${EARLY} recorded, ${rows.filter((r) => r.source === 'backfill').length} via getHAR`)
  })

  it('follows the dark DevTools theme', async () => {
    const panel = await s.openBosPanel()
    await expect.poll(() => panel.evaluate(() => document.documentElement.className)).toMatch(/dark/)
    const bg = await panel.evaluate(() => getComputedStyle(document.body).backgroundColor)
    const [r, g, b] = bg.match(/\d+/g)!.map(Number)
    expect(r! + g! + b!).toBeLessThan(3 * 80) // a dark background, not the light one
    await s.devtools.screenshot({ path: join(SHOTS, 'panel-dark-list.png') })
    await panel.locator('[data-testid=bos-row]').last().click()
    await panel.getByTestId('summary').waitFor()
    await s.devtools.screenshot({ path: join(SHOTS, 'panel-dark-detail.png') })
  })

  it('makes no network request of its own and keeps nothing it captured', async () => {
    const panel = await s.openBosPanel()
    const ids = await panel.locator('[data-testid=bos-row]').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.requestId ?? ''))
    await expectNothingLeaves(s, panel, ids)
  })
})
