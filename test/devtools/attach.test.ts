import { afterEach, describe, expect, it, vi } from 'vitest'
import { attachToPanel } from '../../src/devtools/attach.ts'
import type { PanelStore } from '../../src/devtools/store-types.ts'

const store = { getSnapshot: () => null } as unknown as PanelStore
const panelWindow = (extra: Partial<Window> = {}) => ({ ...extra }) as Window

describe('attachToPanel', () => {
  it('leaves the store on a panel window whose script has not run yet', () => {
    const win = panelWindow()
    attachToPanel(win, store)
    expect(win.__bosStore).toBe(store)
  })

  it('hands the store to a panel that is already waiting', () => {
    const attach = vi.fn()
    const win = panelWindow({ __bosAttach: attach })
    attachToPanel(win, store)
    expect(attach).toHaveBeenCalledWith(store)
    expect(win.__bosStore).toBe(store)
  })

  it('survives a panel whose attach throws', () => {
    const win = panelWindow({
      __bosAttach: () => {
        throw new Error('panel bug')
      },
    })
    expect(() => attachToPanel(win, store)).not.toThrow()
  })
})

describe('the DevTools page', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    vi.resetModules()
  })

  it('starts capture at once and creates the BOS panel, attaching the store on show', async () => {
    const create = vi.fn()
    const addListener = vi.fn()
    const event = () => ({ addListener, removeListener: vi.fn() })
    vi.stubGlobal('chrome', {
      runtime: { getURL: () => 'chrome-extension://abc/', lastError: undefined },
      devtools: {
        network: { onRequestFinished: event(), onNavigated: event(), getHAR: (cb: (log: unknown) => void) => cb({ entries: [] }) },
        panels: { themeName: 'default', create },
        inspectedWindow: { reload: vi.fn() },
      },
      storage: { local: { get: (_k: string, cb: (items: object) => void) => cb({}), set: vi.fn() } },
    })
    await import('../../src/devtools/devtools.ts')
    expect(addListener).toHaveBeenCalledTimes(2) // onRequestFinished, onNavigated: listening before the panel exists
    expect(create).toHaveBeenCalledWith('BOS', '/icons/icon-32.png', '/src/panel/panel.html', expect.any(Function))

    const onShown = vi.fn()
    create.mock.calls[0]![3]({ onShown: { addListener: onShown, removeListener: vi.fn() } })
    const win = panelWindow()
    onShown.mock.calls[0]![0](win)
    expect(win.__bosStore?.getSnapshot().capture).toMatch(/backfilling|live/)
  })
})
