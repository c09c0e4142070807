// The toolbar's overflow "»" menu, as DevTools' toolbars have: groups marked data-ov="N" that do not fit
// are hidden (lowest N first) and offered in a menu instead, measured with a ResizeObserver. The menu's
// items are read from the hidden controls themselves (a checkbox is a checkbox item, a pressed toggle a
// checked one, a button an item) and choosing one clicks that control, so nothing is described twice.
// Startup code, small: the menu component comes with the views chunk when "»" is first opened.
import { useLayoutEffect, useRef, useState } from 'preact/hooks'
import type { MenuEntry } from './extras/Menu.tsx'
import { t } from './i18n.ts'
import { Views } from './ViewParts.tsx'

/** The width the filter box keeps before groups start to go (it shrinks to this first). */
export const FILTER_MIN = 120
const MORE_WIDTH = 26
const GAP = 4

export interface OverflowGroup {
  key: string
  /** Lower goes first. */
  priority: number
  width: number
}

/** Which groups to hide so that `fixed` plus the rest (and the "»" button, if any go) fits in `available`. */
export function overflowing(available: number, fixed: number, groups: readonly OverflowGroup[]): Set<string> {
  const hidden = new Set<string>()
  let need = fixed + groups.reduce((s, g) => s + g.width + GAP, 0)
  if (need <= available) return hidden
  need += MORE_WIDTH + GAP
  for (const g of [...groups].sort((a, b) => a.priority - b.priority)) {
    if (need <= available) break
    hidden.add(g.key)
    need -= g.width + GAP
  }
  return hidden
}

/** The menu entries for the hidden groups, from their controls. */
function entriesOf(groups: HTMLElement[]): MenuEntry[] {
  const out: MenuEntry[] = []
  for (const g of groups) {
    const controls = [...g.querySelectorAll<HTMLElement>('button, input[type=checkbox]')]
    if (controls.length && out.length) out.push('separator')
    for (const c of controls) {
      const box = c instanceof HTMLInputElement ? c : null
      const label = (box ? box.closest('label')?.textContent : c.getAttribute('aria-label') || c.textContent)?.trim() ?? ''
      const pressed = c.getAttribute('aria-pressed')
      out.push({
        label,
        checked: box ? box.checked : pressed !== null ? pressed === 'true' : undefined,
        disabled: (c as HTMLButtonElement).disabled ? c.title || label : null,
        testId: c.dataset.testid ? `overflow-${c.dataset.testid}` : undefined,
        onSelect: () => c.click(),
      })
    }
  }
  return out
}

export function useToolbarOverflow(bar: { current: HTMLElement | null }) {
  const widths = useRef(new Map<string, number>())
  const [hidden, setHidden] = useState<string>('')
  const [open, setOpen] = useState(false)
  const button = useRef<HTMLButtonElement | null>(null)

  const measure = () => {
    const el = bar.current
    // Not laid out (a hidden panel, a DOM without layout): nothing is known not to fit.
    if (!el || el.clientWidth === 0) return
    let fixed = 0
    const groups: OverflowGroup[] = []
    for (const c of el.children as unknown as HTMLElement[]) {
      const key = c.dataset.ov
      if (key) {
        if (!c.hidden) widths.current.set(key, c.offsetWidth)
        groups.push({ key, priority: Number(c.dataset.ovPriority ?? 0), width: widths.current.get(key) ?? 0 })
      } else if (c.classList.contains('filter-input')) fixed += FILTER_MIN + GAP
      else if (!c.classList.contains('toolbar-spacer') && !c.classList.contains('toolbar-more')) {
        const w = c.offsetWidth
        if (w) fixed += w + GAP // nothing laid out (a datalist) takes no gap either
      }
    }
    const style = getComputedStyle(el)
    const available = el.clientWidth - (parseFloat(style.paddingLeft) || 0) - (parseFloat(style.paddingRight) || 0)
    const hide = overflowing(available, fixed, groups)
    for (const c of el.children as unknown as HTMLElement[]) if (c.dataset.ov) c.hidden = hide.has(c.dataset.ov)
    setHidden([...hide].sort().join(' '))
  }

  useLayoutEffect(measure) // every render: a count or a new button changes what fits
  useLayoutEffect(() => {
    if (!bar.current || typeof ResizeObserver === 'undefined') return
    const ro = new ResizeObserver(() => measure())
    ro.observe(bar.current)
    return () => ro.disconnect()
  }, [])

  const hiddenGroups = () => (bar.current ? [...(bar.current.children as unknown as HTMLElement[])].filter((c) => c.dataset.ov && c.hidden) : [])
  const more = hidden ? (
    <>
      <button
        type="button"
        ref={button}
        class="icon-button toolbar-more"
        aria-label={t('toolbar.more')}
        title={t('toolbar.more')}
        aria-haspopup="menu"
        aria-expanded={open}
        data-testid="toolbar-more"
        onClick={() => setOpen(!open)}
        onKeyDown={(e) => e.key === 'ArrowDown' && (e.preventDefault(), setOpen(true))}
      >
        »
      </button>
      {open && (
        <Views quiet>
          {({ Menu }) => (
            <Menu
              items={entriesOf(hiddenGroups())}
              position={{ anchor: button.current! }}
              label={t('toolbar.more')}
              opener={button.current}
              onClose={() => setOpen(false)}
              testId="toolbar-more-menu"
            />
          )}
        </Views>
      )}
    </>
  ) : null
  return { more }
}
