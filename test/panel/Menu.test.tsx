// @vitest-environment happy-dom
// The generic menu: roles, keyboard (arrows, Home/End, letters, Enter/Space, Escape, submenus), disabled
// items with their reason, closing on a click outside, focus back to the opener, the viewport clamp.
import { cleanup, fireEvent, render, screen } from '@testing-library/preact'
import { useState } from 'preact/hooks'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { Menu, type MenuCloseReason, type MenuEntry, placeInViewport, SEPARATOR } from '../../src/panel/extras/Menu.tsx'

afterEach(cleanup)

function setup(items: MenuEntry[], extra: { focusLast?: boolean } = {}) {
  const closed: MenuCloseReason[] = []
  function Host() {
    const [open, setOpen] = useState(false)
    const [btn, setBtn] = useState<HTMLButtonElement | null>(null)
    return (
      <div>
        <button type="button" ref={setBtn} data-testid="opener" onClick={() => setOpen(true)}>
          open
        </button>
        <button type="button" data-testid="elsewhere">
          elsewhere
        </button>
        {open && btn && (
          <Menu
            items={items}
            position={{ anchor: btn }}
            label="Things"
            opener={btn}
            focusLast={extra.focusLast}
            testId="m"
            onClose={(r) => {
              closed.push(r)
              setOpen(false)
            }}
          />
        )}
      </div>
    )
  }
  render(<Host />)
  const opener = screen.getByTestId('opener')
  opener.focus()
  fireEvent.click(opener)
  return { closed, opener }
}

const menu = () => screen.getByTestId('m')
const focused = () => document.activeElement as HTMLElement
const key = (k: string, init: KeyboardEventInit = {}) => fireEvent.keyDown(focused(), { key: k, ...init })

describe('Menu', () => {
  const onA = vi.fn()
  const onB = vi.fn()
  const onSub = vi.fn()
  const items: MenuEntry[] = [
    { label: 'Alpha', onSelect: onA, testId: 'a' },
    { label: 'Beta', onSelect: onB, checked: true, testId: 'b' },
    SEPARATOR,
    { label: 'Gamma', disabled: 'No gamma on this response', onSelect: vi.fn(), testId: 'g' },
    {
      label: 'More',
      testId: 'more',
      submenu: [
        { label: 'Deep one', onSelect: onSub, testId: 'deep' },
        { label: 'Deep two', testId: 'deep2' },
      ],
    },
  ]

  it('has the menu roles, a checkbox item, a separator and a disabled item that says why', () => {
    setup(items)
    expect(menu().getAttribute('role')).toBe('menu')
    expect(menu().getAttribute('aria-label')).toBe('Things')
    expect(screen.getByTestId('a').getAttribute('role')).toBe('menuitem')
    expect(screen.getByTestId('b').getAttribute('role')).toBe('menuitemcheckbox')
    expect(screen.getByTestId('b').getAttribute('aria-checked')).toBe('true')
    expect(menu().querySelectorAll('[role=separator]')).toHaveLength(1)
    const g = screen.getByTestId('g')
    expect(g.getAttribute('aria-disabled')).toBe('true')
    expect(g.title).toBe('No gamma on this response')
    expect(screen.getByTestId('more').getAttribute('aria-haspopup')).toBe('menu')
    // Rendered into <body>, not inside the opener's parent (a transformed row would clip it).
    expect(menu().closest('[data-testid=m-layer]')?.parentElement).toBe(document.body)
  })

  it('focuses the first item, moves with the arrows (skipping separators, wrapping), Home and End', () => {
    setup(items)
    expect(focused().dataset.testid).toBe('a')
    key('ArrowDown')
    expect(focused().dataset.testid).toBe('b')
    key('ArrowDown')
    expect(focused().dataset.testid).toBe('g') // disabled items are focusable (their reason is read), not choosable
    key('ArrowDown')
    key('ArrowDown')
    expect(focused().dataset.testid).toBe('a')
    key('ArrowUp')
    expect(focused().dataset.testid).toBe('more')
    key('Home')
    expect(focused().dataset.testid).toBe('a')
    key('End')
    expect(focused().dataset.testid).toBe('more')
    key('b')
    expect(focused().dataset.testid).toBe('b')
  })

  it('starts on the last item when asked (ArrowUp on a menu button)', () => {
    setup(items, { focusLast: true })
    expect(focused().dataset.testid).toBe('more')
  })

  it('Enter chooses, closes and gives focus back to the opener; Space too', () => {
    const { closed, opener } = setup(items)
    key('Enter')
    expect(onA).toHaveBeenCalledTimes(1)
    expect(closed).toEqual(['select'])
    expect(screen.queryByTestId('m')).toBeNull()
    expect(focused()).toBe(opener)
    fireEvent.click(opener)
    key('ArrowDown')
    key(' ')
    expect(onB).toHaveBeenCalledTimes(1)
  })

  it('a disabled item cannot be chosen, by key or click', () => {
    const { closed } = setup(items)
    key('ArrowDown')
    key('ArrowDown')
    key('Enter')
    fireEvent.click(screen.getByTestId('g'))
    expect(closed).toEqual([])
    expect(screen.getByTestId('m')).toBeTruthy()
  })

  it('Escape closes, returns focus to the opener, and stops there (no DevTools Console drawer)', () => {
    const { closed, opener } = setup(items)
    const outer = vi.fn()
    document.addEventListener('keydown', outer)
    const ev = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true })
    focused().dispatchEvent(ev)
    document.removeEventListener('keydown', outer)
    expect(ev.defaultPrevented).toBe(true)
    expect(outer).not.toHaveBeenCalled()
    expect(closed).toEqual(['escape'])
    expect(focused()).toBe(opener)
  })

  it('ArrowRight opens a submenu on its first item, ArrowLeft and Escape close only the submenu', () => {
    const { closed } = setup(items)
    key('End')
    key('ArrowRight')
    expect(screen.getByTestId('more').getAttribute('aria-expanded')).toBe('true')
    expect(screen.getByTestId('more-menu').getAttribute('role')).toBe('menu')
    expect(focused().dataset.testid).toBe('deep')
    key('ArrowLeft')
    expect(screen.queryByTestId('more-menu')).toBeNull()
    expect(focused().dataset.testid).toBe('more')
    key('Enter')
    expect(focused().dataset.testid).toBe('deep')
    key('Escape')
    expect(screen.queryByTestId('more-menu')).toBeNull()
    expect(closed).toEqual([])
    key('ArrowRight')
    key('Enter')
    expect(onSub).toHaveBeenCalledTimes(1)
    expect(closed).toEqual(['select'])
  })

  it('hovering a submenu item opens it without taking focus; clicking its item chooses it', () => {
    const { closed } = setup(items)
    fireEvent.mouseEnter(screen.getByTestId('more'))
    expect(screen.getByTestId('more-menu')).toBeTruthy()
    expect(focused().dataset.testid).toBe('more')
    fireEvent.mouseEnter(screen.getByTestId('a'))
    expect(screen.queryByTestId('more-menu')).toBeNull()
    fireEvent.mouseEnter(screen.getByTestId('more'))
    fireEvent.click(screen.getByTestId('deep'))
    expect(onSub).toHaveBeenCalledTimes(2)
    expect(closed).toEqual(['select'])
  })

  it('a click outside closes it without moving focus back; Tab closes it', () => {
    const { closed, opener } = setup(items)
    fireEvent.pointerDown(screen.getByTestId('elsewhere'))
    expect(closed).toEqual(['outside'])
    expect(screen.queryByTestId('m')).toBeNull()
    fireEvent.click(opener)
    fireEvent.pointerDown(screen.getByTestId('a')) // inside: stays open
    expect(screen.getByTestId('m')).toBeTruthy()
    key('Tab')
    expect(closed).toEqual(['outside', 'tab'])
  })
})

describe('placeInViewport', () => {
  const view = { w: 400, h: 300 }
  it('keeps the wanted place when it fits', () => {
    expect(placeInViewport({ x: 10, y: 20 }, { w: 100, h: 50 }, view)).toEqual({ x: 10, y: 20 })
  })
  it('flips to the other side of the anchor when there is room, else hugs the edge', () => {
    // Below a button at the bottom: above it instead (alt y is the button's top).
    expect(placeInViewport({ x: 10, y: 280, altY: 260 }, { w: 100, h: 50 }, view)).toEqual({ x: 10, y: 210 })
    // Right-click near the right edge: opens to the left of the point.
    expect(placeInViewport({ x: 380, y: 10, altX: 380 }, { w: 100, h: 50 }, view)).toEqual({ x: 280, y: 10 })
    // No room on either side: inside the viewport all the same.
    expect(placeInViewport({ x: 390, y: 10, altX: 50 }, { w: 100, h: 500 }, view)).toEqual({ x: 296, y: 4 })
  })
})
