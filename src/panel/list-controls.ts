// What the list's header does, as opposed to what it shows (./ListHead.tsx): resizing by drag or by
// keyboard, and the header row's keys. Loaded with the views, right after the first paint (./views.ts):
// nobody resizes a column before the panel has painted.
import type { ColumnId, ListPrefs } from '../devtools/list-prefs.ts'
import { MIN_WIDTH, nextSort, type ColumnDef } from './columns.ts'

type Widths = Partial<Record<ColumnId, number>>

/** Shift+ArrowLeft/ArrowRight on a header: px per press. */
const RESIZE_STEP = 16

/** The widths the header cells have on screen now, px. */
export function measureWidths(head: HTMLElement | null, columns: readonly ColumnDef[]): Widths {
  const out: Widths = {}
  for (const c of columns) {
    const w = head?.querySelector<HTMLElement>(`[data-col=${c.id}]`)?.getBoundingClientRect().width
    out[c.id] = Math.round(w && w > 0 ? w : c.width)
  }
  return out
}

/** `id` wider by `delta` px and its right neighbour (if any) narrower by as much, both at least the minimum. */
export function resized(widths: Widths, columns: readonly ColumnDef[], id: ColumnId, delta: number): Widths {
  const i = columns.findIndex((c) => c.id === id)
  const next = columns[i + 1]?.id
  const a = widths[id] ?? MIN_WIDTH
  if (!next) return { ...widths, [id]: Math.max(MIN_WIDTH, Math.round(a + delta)) }
  const b = widths[next] ?? MIN_WIDTH
  const na = Math.round(Math.min(a + b - MIN_WIDTH, Math.max(MIN_WIDTH, a + delta)))
  return { ...widths, [id]: na, [next]: a + b - na }
}

export interface HeadContext {
  columns: readonly ColumnDef[]
  prefs: ListPrefs
  onPrefs: (prefs: ListPrefs) => void
  head: HTMLElement | null
  setHeadCol: (id: ColumnId | null) => void
  toFirstRow: () => void
  onMenu: (x: number, y: number) => void
}

/**
 * A key on the header row (the keyboard is on column `col`): ArrowLeft/ArrowRight/Home/End move,
 * Enter or Space sorts, Shift+ArrowLeft/ArrowRight resize, Shift+F10 or the context-menu key opens the
 * column menu, ArrowDown goes back to the rows. True when the key was handled.
 */
export function headKey(e: KeyboardEvent, col: ColumnId, c: HeadContext): boolean {
  const { columns } = c
  const i = columns.findIndex((x) => x.id === col)
  const arrow = e.key === 'ArrowLeft' ? -1 : e.key === 'ArrowRight' ? 1 : 0
  if (e.shiftKey && arrow) {
    c.onPrefs({ ...c.prefs, widths: resized(measureWidths(c.head, columns), columns, col, arrow * RESIZE_STEP) })
    return true
  }
  const to = (k: number) => c.setHeadCol(columns[Math.max(0, Math.min(columns.length - 1, k))]!.id)
  if (e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) {
    const box = c.head?.querySelector(`[data-col=${col}]`)?.getBoundingClientRect()
    c.onMenu(box ? box.left : 0, box ? box.bottom : 0)
    return true
  }
  if (e.shiftKey) return false
  if (arrow) to(i + arrow)
  else if (e.key === 'Home') to(0)
  else if (e.key === 'End') to(columns.length - 1)
  else if (e.key === 'Enter' || e.key === ' ') c.onPrefs({ ...c.prefs, sort: nextSort(c.prefs.sort, col) })
  else if (e.key === 'ArrowDown') {
    c.setHeadCol(null)
    c.toFirstRow()
  } else return false
  return true
}

/**
 * A drag on the right edge of column `id`'s header: `onDrag` gets the widths as the pointer moves, and
 * `onDone` the final ones (none when it did not move).
 */
export function startDrag(
  e: PointerEvent,
  id: ColumnId,
  head: HTMLElement | null,
  columns: readonly ColumnDef[],
  onDrag: (widths: Widths | null) => void,
  onDone: (widths: Widths) => void,
): void {
  if (e.button !== 0) return
  e.preventDefault()
  e.stopPropagation()
  const handle = e.currentTarget as HTMLElement
  const base = measureWidths(head, columns)
  const x0 = e.clientX
  let last = base
  handle.setPointerCapture?.(e.pointerId)
  const move = (m: PointerEvent) => {
    last = resized(base, columns, id, m.clientX - x0)
    onDrag(last)
  }
  const end = () => {
    handle.removeEventListener('pointermove', move)
    handle.removeEventListener('pointerup', end)
    handle.removeEventListener('pointercancel', end)
    onDrag(null)
    if (last !== base) onDone(last)
  }
  handle.addEventListener('pointermove', move)
  handle.addEventListener('pointerup', end)
  handle.addEventListener('pointercancel', end)
}
