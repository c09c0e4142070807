// A DevTools-style menu (the soft context menu of Chrome DevTools): items, checkboxes, separators, items
// disabled with a reason, submenus. Opens at a point (a context menu) or under a button (a menu button).
// WAI-ARIA menu pattern: focus moves to the first item; arrows, Home/End and a first letter move it;
// Enter/Space choose; ArrowRight/Left open and close a submenu; Escape closes one level, and the root's
// Escape (or Tab) returns focus to the opener. A click outside, or focus leaving for another window, closes
// it. Rendered into <body> (a portal), so that no transformed or clipped ancestor clips it, and kept
// inside the viewport.
import { createPortal } from 'preact'
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks'
import './menu.css'

export interface MenuItem {
  label: string
  /** Set for a checkbox item (role=menuitemcheckbox): whether it is ticked. */
  checked?: boolean
  /** Why the item cannot be chosen now: the item shows disabled and says why (its title). */
  disabled?: string | null
  /** Shown at the end of the item, dimmed (a shortcut, a value). */
  hint?: string
  /** A tooltip of an enabled item. */
  title?: string
  onSelect?: () => void
  submenu?: MenuEntry[]
  testId?: string
}

export const SEPARATOR = 'separator'
export type MenuEntry = MenuItem | typeof SEPARATOR

/** Where the menu opens: its top-left corner at a point, or below (else above) an element. */
export type MenuPosition = { x: number; y: number } | { anchor: Element }

/** How the menu closed: a choice or Escape/Tab (focus goes back to the opener), or a click or blur elsewhere. */
export type MenuCloseReason = 'select' | 'escape' | 'tab' | 'outside' | 'blur'

export interface MenuProps {
  items: MenuEntry[]
  position: MenuPosition
  onClose: (reason: MenuCloseReason) => void
  /** The accessible name of the menu. */
  label: string
  /** Focus returns here when the menu closes by a choice, Escape or Tab (default: what had focus). */
  opener?: HTMLElement | null
  /** Focus the last item first (ArrowUp on a menu button). */
  focusLast?: boolean
  testId?: string
}

const MARGIN = 4
const isItem = (e: MenuEntry): e is MenuItem => e !== SEPARATOR

/** Keeps a box of size w×h that wants to sit at (x, y) inside the viewport (flipping to `altX`/`altY` first). */
export function placeInViewport(
  want: { x: number; y: number; altX?: number; altY?: number },
  size: { w: number; h: number },
  view: { w: number; h: number },
): { x: number; y: number } {
  const clampAxis = (v: number, alt: number | undefined, len: number, max: number) => {
    if (v + len <= max - MARGIN) return Math.max(MARGIN, v)
    if (alt !== undefined && alt - len >= MARGIN) return alt - len
    return Math.max(MARGIN, max - MARGIN - len)
  }
  return { x: clampAxis(want.x, want.altX, size.w, view.w), y: clampAxis(want.y, want.altY, size.h, view.h) }
}

function wanted(p: MenuPosition): { x: number; y: number; altX?: number; altY?: number } {
  if ('anchor' in p) {
    const r = p.anchor.getBoundingClientRect()
    return { x: r.left, y: r.bottom, altX: r.right, altY: r.top }
  }
  return { x: p.x, y: p.y, altX: p.x, altY: p.y }
}

export function Menu(p: MenuProps) {
  const opener = useRef<HTMLElement | null>(null)
  const rootRef = useRef<HTMLDivElement | null>(null)
  if (opener.current === null) opener.current = p.opener ?? (document.activeElement instanceof HTMLElement ? document.activeElement : null)
  const closed = useRef(false)

  const close = (reason: MenuCloseReason) => {
    if (closed.current) return
    closed.current = true
    if (reason === 'select' || reason === 'escape' || reason === 'tab') opener.current?.focus({ preventScroll: true })
    p.onClose(reason)
  }

  useEffect(() => {
    const inside = (t: EventTarget | null) => t instanceof Node && !!rootRef.current?.contains(t)
    const onPointer = (e: Event) => {
      if (!inside(e.target)) close('outside')
    }
    const onBlur = () => close('blur')
    document.addEventListener('pointerdown', onPointer, true)
    document.addEventListener('contextmenu', onPointer, true)
    window.addEventListener('blur', onBlur)
    window.addEventListener('resize', onBlur)
    return () => {
      document.removeEventListener('pointerdown', onPointer, true)
      document.removeEventListener('contextmenu', onPointer, true)
      window.removeEventListener('blur', onBlur)
      window.removeEventListener('resize', onBlur)
    }
  }, [])

  const onFocusOut = (e: FocusEvent) => {
    // Focus that leaves every level of the menu for the page (not the moves between its items) closes it.
    const to = e.relatedTarget
    if (to instanceof Node && !rootRef.current?.contains(to)) close('blur')
  }

  return createPortal(
    <div class="menu-layer" ref={rootRef} onFocusOut={onFocusOut} data-testid={p.testId ? `${p.testId}-layer` : undefined}>
      <MenuList
        items={p.items}
        want={wanted(p.position)}
        label={p.label}
        focusLast={p.focusLast}
        onChoose={(item) => {
          close('select')
          item.onSelect?.()
        }}
        onEscape={() => close('escape')}
        onTab={() => close('tab')}
        testId={p.testId}
      />
    </div>,
    document.body,
  )
}

interface ListProps {
  items: MenuEntry[]
  want: { x: number; y: number; altX?: number; altY?: number }
  label: string
  focusLast?: boolean
  onChoose: (item: MenuItem) => void
  /** Escape (and ArrowLeft in a submenu): close this level. */
  onEscape: () => void
  onTab: () => void
  /** Set for a submenu: ArrowLeft closes it too. */
  sub?: boolean
  /** False for a submenu opened by hovering: focus stays in its parent until the pointer or a key comes. */
  autoFocus?: boolean
  testId?: string
}

function MenuList(p: ListProps) {
  const ref = useRef<HTMLDivElement | null>(null)
  const items = p.items
  const focusable = items.map((e, i) => (isItem(e) ? i : -1)).filter((i) => i >= 0)
  const [active, setActive] = useState(() => (p.focusLast ? focusable[focusable.length - 1] : focusable[0]) ?? -1)
  const [open, setOpen] = useState<{ index: number; focus: boolean } | null>(null)
  const [pos, setPos] = useState<{ x: number; y: number } | null>(null)
  const [focused, setFocused] = useState(p.autoFocus !== false)

  useLayoutEffect(() => {
    const el = ref.current
    if (!el) return
    const r = el.getBoundingClientRect()
    setPos(placeInViewport(p.want, { w: r.width, h: r.height }, { w: window.innerWidth, h: window.innerHeight }))
  }, [p.want.x, p.want.y])

  // The active item has focus (roving focus: items are not Tab stops).
  useLayoutEffect(() => {
    // Not before it is placed: a hidden (visibility) element cannot take focus.
    if (!pos || !focused || open?.focus) return
    ref.current?.querySelector<HTMLElement>(`[data-index="${active}"]`)?.focus({ preventScroll: false })
  }, [active, open, focused, pos !== null])

  const step = (from: number, by: number) => {
    if (!focusable.length) return -1
    const k = focusable.indexOf(from)
    return focusable[(k + by + focusable.length) % focusable.length]!
  }

  const activate = (i: number) => {
    const e = items[i]
    if (!e || !isItem(e) || e.disabled) return
    if (e.submenu) setOpen({ index: i, focus: true })
    else p.onChoose(e)
  }

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return
    const item = items[active]
    switch (e.key) {
      case 'ArrowDown':
        setActive(step(active, 1))
        break
      case 'ArrowUp':
        setActive(step(active, -1))
        break
      case 'Home':
      case 'PageUp':
        setActive(focusable[0] ?? -1)
        break
      case 'End':
      case 'PageDown':
        setActive(focusable[focusable.length - 1] ?? -1)
        break
      case 'Enter':
      case ' ':
        activate(active)
        break
      case 'ArrowRight':
        if (item && isItem(item) && item.submenu && !item.disabled) setOpen({ index: active, focus: true })
        break
      case 'ArrowLeft':
        if (!p.sub) return
        p.onEscape()
        break
      case 'Escape':
        p.onEscape()
        break
      case 'Tab':
        p.onTab()
        break
      default: {
        // A first letter moves to the next item that starts with it.
        if (e.key.length !== 1 || !/\S/.test(e.key)) return
        const ch = e.key.toLocaleLowerCase()
        let i = active
        for (let n = 0; n < focusable.length; n++) {
          i = step(i, 1)
          if ((items[i] as MenuItem).label.toLocaleLowerCase().startsWith(ch)) break
        }
        setActive(i)
      }
    }
    // Handled here: neither the panel (its Escape) nor DevTools (which would open its Console drawer) sees it.
    e.preventDefault()
    e.stopPropagation()
  }

  const submenu = open ? (items[open.index] as MenuItem) : null
  const itemEl = open ? ref.current?.querySelector<HTMLElement>(`[data-index="${open.index}"]`) : null
  const itemBox = itemEl?.getBoundingClientRect()
  return (
    <>
      <div
        ref={ref}
        role="menu"
        aria-label={p.label}
        aria-orientation="vertical"
        class="menu"
        style={pos ? { left: `${pos.x}px`, top: `${pos.y}px` } : { left: `${p.want.x}px`, top: `${p.want.y}px`, visibility: 'hidden' }}
        data-testid={p.testId}
        onKeyDown={onKeyDown}
        onContextMenu={(e) => e.preventDefault()}
      >
        {items.map((e, i) =>
          isItem(e) ? (
            <Item
              key={i}
              item={e}
              index={i}
              active={i === active}
              expanded={open?.index === i}
              onHover={() => {
                setFocused(true)
                setActive(i)
                if (e.submenu && !e.disabled) setOpen({ index: i, focus: false })
                else if (open) setOpen(null)
              }}
              onClick={() => activate(i)}
            />
          ) : (
            <div key={i} role="separator" class="menu-separator" />
          ),
        )}
      </div>
      {submenu?.submenu && (
        <MenuList
          key={`${open!.index}${open!.focus ? 'k' : 'h'}`}
          sub
          items={submenu.submenu}
          label={submenu.label}
          want={itemBox ? { x: itemBox.right - 2, y: itemBox.top - 4, altX: itemBox.left + 2, altY: itemBox.bottom + 4 } : p.want}
          onChoose={p.onChoose}
          onEscape={() => {
            setOpen(null)
            ref.current?.querySelector<HTMLElement>(`[data-index="${open!.index}"]`)?.focus()
          }}
          onTab={p.onTab}
          testId={submenu.testId ? `${submenu.testId}-menu` : undefined}
          autoFocus={open!.focus}
        />
      )}
    </>
  )
}

interface ItemProps {
  item: MenuItem
  index: number
  active: boolean
  expanded: boolean
  onHover: () => void
  onClick: () => void
}

function Item({ item: e, index, active, expanded, onHover, onClick }: ItemProps) {
  const check = e.checked !== undefined
  return (
    <div
      role={check ? 'menuitemcheckbox' : 'menuitem'}
      aria-checked={check ? e.checked : undefined}
      aria-disabled={e.disabled ? 'true' : undefined}
      aria-haspopup={e.submenu ? 'menu' : undefined}
      aria-expanded={e.submenu ? expanded : undefined}
      tabIndex={-1}
      class={`menu-item ${active ? 'active' : ''} ${e.disabled ? 'disabled' : ''}`}
      title={e.disabled || e.title || undefined}
      data-index={index}
      data-testid={e.testId}
      onMouseEnter={onHover}
      onClick={(ev) => {
        ev.stopPropagation()
        onClick()
      }}
    >
      <span class="menu-check" aria-hidden="true">
        {e.checked ? '✓' : ''}
      </span>
      <span class="menu-label">{e.label}</span>
      {e.hint && <span class="menu-hint">{e.hint}</span>}
      {e.submenu && (
        <span class="menu-arrow" aria-hidden="true">
          ▸
        </span>
      )}
    </div>
  )
}
