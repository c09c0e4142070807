// @vitest-environment happy-dom
// The toolbar at 400 px: groups that do not fit go into the "»" menu (lowest priority first), which offers
// their controls (checkboxes as checkbox items, buttons as items) and works them; wide again, they return.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { App } from '../../src/panel/App.tsx'
import { overflowing } from '../../src/panel/toolbarOverflow.tsx'
import { loadViewParts } from '../../src/panel/ViewParts.tsx'
import { FakeStore, sessionRecords } from '../helpers/fake-store.ts'

describe('overflowing', () => {
  const groups = [
    { key: 'a', priority: 1, width: 100 },
    { key: 'b', priority: 2, width: 50 },
    { key: 'c', priority: 3, width: 30 },
  ]
  it('hides nothing when everything fits', () => {
    expect(overflowing(400, 100, groups).size).toBe(0)
  })
  it('hides the lowest priorities first, counting the » button', () => {
    // 100 + 104 + 54 + 34 = 292: at 250 "a" must go (with » 30: 322 - 104 = 218).
    expect([...overflowing(250, 100, groups)]).toEqual(['a'])
    expect([...overflowing(180, 100, groups)]).toEqual(['a', 'b'])
    expect([...overflowing(10, 100, groups)]).toEqual(['a', 'b', 'c'])
  })
})

// happy-dom lays nothing out: the toolbar is `width` wide, each group and control has a fixed width.
let width = 1200
const observers: (() => void)[] = []
const originals = {
  client: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientWidth'),
  offset: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetWidth'),
  ro: globalThis.ResizeObserver,
}
const GROUP_WIDTH: Record<string, number> = { regex: 22, switches: 190, preserve: 100, tools: 48, settings: 22 }
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', {
    configurable: true,
    get(this: HTMLElement) {
      return this.getAttribute('role') === 'toolbar' ? width : 0
    },
  })
  Object.defineProperty(HTMLElement.prototype, 'offsetWidth', {
    configurable: true,
    get(this: HTMLElement) {
      if (this.dataset.ov) return this.hidden ? 0 : GROUP_WIDTH[this.dataset.ov]!
      if (this.classList.contains('toolbar-count')) return 90
      if (this.classList.contains('toolbar-divider')) return 5
      if (this.tagName === 'DATALIST') return 0
      return 22
    },
  })
  globalThis.ResizeObserver = class {
    constructor(private cb: () => void) {}
    observe() {
      observers.push(this.cb)
    }
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver
})
afterAll(() => {
  for (const [k, d] of [
    ['clientWidth', originals.client],
    ['offsetWidth', originals.offset],
  ] as const)
    if (d) Object.defineProperty(HTMLElement.prototype, k, d)
  globalThis.ResizeObserver = originals.ro
})
afterEach(() => {
  cleanup()
  observers.length = 0
  width = 1200
})

const resize = (w: number) => {
  width = w
  for (const cb of observers) cb()
}
const group = (key: string) => document.querySelector<HTMLElement>(`[data-ov="${key}"]`)!

describe('toolbar overflow', () => {
  it('shows everything when wide, and no » button', () => {
    render(<App store={new FakeStore({ records: sessionRecords() })} />)
    expect(screen.queryByTestId('toolbar-more')).toBeNull()
    for (const k of Object.keys(GROUP_WIDTH)) expect(group(k).hidden, k).toBe(false)
  })

  it('at 400 px moves Export, Import, Settings and the switches into » and works them from there', async () => {
    await loadViewParts()
    const store = new FakeStore({ records: sessionRecords() })
    render(<App store={store} />)
    resize(400)
    await waitFor(() => expect(screen.getByTestId('toolbar-more')).toBeTruthy())
    // Fixed: clear, filter at 120, count, dividers (+ gaps) = 262; regex, Export/Import and Settings fit beside ».
    for (const k of ['switches', 'preserve']) expect(group(k).hidden, k).toBe(true)
    for (const k of ['regex', 'tools', 'settings']) expect(group(k).hidden, k).toBe(false)
    resize(330)
    await waitFor(() => expect(group('settings').hidden).toBe(true))
    expect(group('tools').hidden).toBe(true)
    expect(group('regex').hidden).toBe(false)
    fireEvent.click(screen.getByTestId('toolbar-more'))
    const menu = await screen.findByTestId('toolbar-more-menu')
    expect(menu.getAttribute('role')).toBe('menu')
    const errors = screen.getByTestId('overflow-errors-only')
    expect(errors.getAttribute('role')).toBe('menuitemcheckbox')
    expect(errors.getAttribute('aria-checked')).toBe('false')
    for (const id of ['overflow-findings-only', 'overflow-preserve-log', 'overflow-import-har', 'overflow-export-har', 'overflow-settings'])
      expect(screen.getByTestId(id), id).toBeTruthy()
    fireEvent.click(errors)
    await waitFor(() => expect((screen.getByTestId('errors-only') as HTMLInputElement).checked).toBe(true))
    expect(screen.queryByTestId('toolbar-more-menu')).toBeNull()
    fireEvent.click(screen.getByTestId('toolbar-more'))
    expect((await screen.findByTestId('overflow-errors-only')).getAttribute('aria-checked')).toBe('true')
    fireEvent.click(screen.getByTestId('overflow-settings'))
    await screen.findByTestId('settings-dialog')
    resize(1200)
    await waitFor(() => expect(screen.queryByTestId('toolbar-more')).toBeNull())
    expect(group('tools').hidden).toBe(false)
  })
})
