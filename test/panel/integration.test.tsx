// @vitest-environment happy-dom
// The panel against the real capture store (src/devtools) over a fake DevTools: the contract in
// store-types.ts as both sides implement it, and the onShown hand-over through attach.ts.
import { act, screen, waitFor, within } from '@testing-library/preact'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createCaptureStore, type CaptureStore } from '../../src/devtools/capture-store.ts'
import { FakeDevtools } from '../helpers/fake-devtools.ts'
import { SCENARIOS, SIGNATURE } from '../helpers/fake-store.ts'
import { entry, type EntrySpec } from '../helpers/har.ts'
import { useScrollerHeight } from './setup-dom.ts'

useScrollerHeight()

let dt: FakeDevtools
let store: CaptureStore

beforeEach(async () => {
  vi.resetModules()
  document.body.innerHTML = '<div id="app"></div>'
  document.documentElement.className = ''
  dt = new FakeDevtools()
  const early = [SCENARIOS.putObject, SCENARIOS.noSuchKey] as EntrySpec[]
  dt.harEntries = early.map((s) => dt.withContent(entry({ ...s, body: null }), s.body ?? ''))
  store = createCaptureStore(dt)
})

afterEach(() => {
  window.dispatchEvent(new Event('pagehide'))
  store.dispose()
  delete window.__bosStore
  delete window.__bosAttach
})

async function showPanel(): Promise<void> {
  const { attachToPanel } = await import('../../src/devtools/attach.ts')
  await import('../../src/panel/main.tsx')
  await act(() => attachToPanel(window, store))
}

const rows = () => screen.queryAllByTestId('bos-row')

describe('panel + capture store', () => {
  it('shows backfilled and live requests, explains them, follows the theme, and clears', async () => {
    await store.start()
    await store.idle()
    await showPanel()
    await waitFor(() => expect(rows().map((r) => r.dataset.code)).toEqual(['', 'NoSuchKey']))

    const s = SCENARIOS.requestExpired
    dt.finish(entry({ ...s, body: null }), s.body)
    await store.idle()
    await waitFor(() => expect(rows()).toHaveLength(3))
    const expired = rows()[2]!
    expect(expired.dataset).toMatchObject({ code: 'RequestExpired', status: '403', operation: 'PutObject' })
    expect(within(expired).getByText('skew \u221217 min')).toBeTruthy()

    await act(() => expired.click())
    // A fresh panel: the detail views' messages may still be on their way (they load after the first paint).
    expect((await screen.findAllByTestId('finding'))[0]!.textContent).toContain('17 minutes behind')
    await act(() => screen.getByTestId('tab-body').click())
    expect(screen.getByTestId('body-text').textContent).toContain('"code": "RequestExpired"')
    await act(() => screen.getByTestId('tab-headers').click())
    expect(document.body.innerHTML).not.toContain(SIGNATURE)

    dt.setTheme('dark')
    await waitFor(() => expect(document.documentElement.classList.contains('theme-dark')).toBe(true))

    await act(() => screen.getByRole('button', { name: 'Clear' }).click())
    await waitFor(() => expect(rows()).toHaveLength(0))
    expect(screen.getByTestId('empty').textContent).toContain('No BOS requests yet.')
  })

  it('says it is importing while getHAR() is still running', async () => {
    const release = dt.holdHAR()
    const started = store.start()
    await showPanel()
    await waitFor(() => expect(screen.getByTestId('backfilling')).toBeTruthy())
    release()
    await started
    await store.idle()
    await waitFor(() => expect(screen.queryByTestId('backfilling')).toBeNull())
    await waitFor(() => expect(rows()).toHaveLength(2))
  })
})
