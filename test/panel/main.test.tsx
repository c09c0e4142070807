// @vitest-environment happy-dom
// The hand-over from the DevTools page: window.__bosStore before the script runs, or window.__bosAttach after.
import { act, screen, waitFor } from '@testing-library/preact'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { FakeStore, sessionRecords } from '../helpers/fake-store.ts'
import { useScrollerHeight } from './setup-dom.ts'

useScrollerHeight()

beforeEach(() => {
  vi.resetModules()
  document.body.innerHTML = '<div id="app"></div>'
  document.documentElement.className = ''
})

afterEach(async () => {
  window.dispatchEvent(new Event('pagehide')) // unmounts, like a closing panel
  delete window.__bosStore
  delete window.__bosAttach
  vi.useRealTimers()
})

const loadPanel = () => import('../../src/panel/main.tsx')

describe('panel entry', () => {
  it('mounts the store the DevTools page left on the window', async () => {
    const store = new FakeStore({ records: sessionRecords(), theme: 'dark' })
    window.__bosStore = store
    await loadPanel()
    await waitFor(() => expect(screen.getAllByTestId('bos-row')).toHaveLength(10))
    expect(document.documentElement.classList.contains('theme-dark')).toBe(true)
  })

  it('says it is connecting until __bosAttach delivers the store; the same store again changes nothing', async () => {
    await loadPanel()
    // Rendered once the startup messages are in (a chunk of their own).
    expect((await screen.findByTestId('connecting')).textContent).toContain('Connecting to DevTools…')
    const store = new FakeStore({ records: sessionRecords() })
    await act(() => window.__bosAttach!(store))
    await waitFor(() => expect(screen.getAllByTestId('bos-row')).toHaveLength(10))
    // Every onShown hands the store over again: the panel keeps its state (here: Errors only).
    await act(() => screen.getByTestId('errors-only').click())
    const filtered = screen.getAllByTestId('bos-row').length
    expect(filtered).toBeLessThan(10)
    await act(() => window.__bosAttach!(store))
    expect(screen.getAllByTestId('bos-row')).toHaveLength(filtered)
    expect(store.listenerCount).toBe(1)
  })

  it('a new store replaces the old one and drops its subscription at once', async () => {
    await loadPanel()
    const first = new FakeStore({ records: sessionRecords() })
    const second = new FakeStore({ records: sessionRecords().slice(0, 2) })
    await act(() => window.__bosAttach!(first))
    await act(() => window.__bosAttach!(second))
    await waitFor(() => expect(screen.getAllByTestId('bos-row')).toHaveLength(2))
    expect(first.listenerCount).toBe(0)
  })

  it('drops its store subscription synchronously on pagehide', async () => {
    const store = new FakeStore({ records: sessionRecords() })
    window.__bosStore = store
    await loadPanel()
    await waitFor(() => expect(store.listenerCount).toBe(1))
    window.dispatchEvent(new Event('pagehide'))
    expect(store.listenerCount).toBe(0)
  })

  it("speaks the browser's UI language (chrome.i18n.getUILanguage), from the first render", async () => {
    vi.stubGlobal('chrome', { i18n: { getUILanguage: () => 'zh-CN' } })
    try {
      window.__bosStore = new FakeStore({ records: sessionRecords() })
      await loadPanel()
      await waitFor(() => expect(screen.getAllByTestId('bos-row')).toHaveLength(10))
      expect(screen.getByTestId('filter').getAttribute('placeholder')).toBe('过滤')
      expect(screen.getByTestId('count').textContent).toBe('10 个请求')
      expect(document.documentElement.lang).toBe('zh-CN')
    } finally {
      vi.unstubAllGlobals()
    }
  })

  it('outside DevTools, explains after 2 s that it must be opened as the BOS tab', async () => {
    vi.useFakeTimers()
    await loadPanel()
    await vi.waitFor(() => screen.getByTestId('connecting'))
    expect(screen.queryByTestId('outside-devtools')).toBeNull()
    await act(() => {
      vi.advanceTimersByTime(2100)
    })
    expect(screen.getByTestId('outside-devtools').textContent).toMatch(/BOS tab of Chrome DevTools/)
  })
})
