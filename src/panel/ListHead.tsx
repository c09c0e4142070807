// The list's header row, as the Network panel's: click a header to sort (ascending, descending, capture
// order), drag its right edge to resize (the column and its right neighbour share the space), right-click
// for the column menu. From the keyboard the header is the grid's first row: ArrowUp from the first row
// reaches it, ArrowLeft/ArrowRight move, Enter sorts, Shift+ArrowLeft/ArrowRight resize, Shift+F10 (or
// the context-menu key) opens the menu. See RequestList.tsx.
import type { ColumnId, ListPrefs } from '../devtools/list-prefs.ts'
import { MIN_WIDTH, nextSort, type ColumnDef } from './columns.ts'
import { t, viewsReady } from './i18n.ts'

export const headDomId = (id: ColumnId) => `bos-col-${id}`

/** The widths the header cells have on screen now, px. */
export function measureWidths(head: HTMLElement | null, columns: readonly ColumnDef[]): Partial<Record<ColumnId, number>> {
  const out: Partial<Record<ColumnId, number>> = {}
  for (const c of columns) {
    const w = head?.querySelector<HTMLElement>(`[data-col=${c.id}]`)?.getBoundingClientRect().width
    out[c.id] = Math.round(w && w > 0 ? w : c.width)
  }
  return out
}

/** `id` wider by `delta` px and its right neighbour (if any) narrower by as much, both at least the minimum. */
export function resized(
  widths: Partial<Record<ColumnId, number>>,
  columns: readonly ColumnDef[],
  id: ColumnId,
  delta: number,
): Partial<Record<ColumnId, number>> {
  const i = columns.findIndex((c) => c.id === id)
  const next = columns[i + 1]?.id
  const a = widths[id] ?? MIN_WIDTH
  if (!next) return { ...widths, [id]: Math.max(MIN_WIDTH, Math.round(a + delta)) }
  const b = widths[next] ?? MIN_WIDTH
  const na = Math.round(Math.min(a + b - MIN_WIDTH, Math.max(MIN_WIDTH, a + delta)))
  return { ...widths, [id]: na, [next]: a + b - na }
}

interface ListHeadProps {
  columns: readonly ColumnDef[]
  prefs: ListPrefs
  onPrefs: (prefs: ListPrefs) => void
  /** Widths while a drag is under way (not saved until it ends). */
  onDrag: (widths: Partial<Record<ColumnId, number>> | null) => void
  /** The header cell the keyboard is on. */
  active: ColumnId | null
  onMenu: (x: number, y: number) => void
  headRef: { current: HTMLDivElement | null }
}

export function ListHead(p: ListHeadProps) {
  const sort = p.prefs.sort
  const startDrag = (e: PointerEvent, id: ColumnId) => {
    if (e.button !== 0) return
    e.preventDefault()
    e.stopPropagation()
    const handle = e.currentTarget as HTMLElement
    const base = measureWidths(p.headRef.current, p.columns)
    const x0 = e.clientX
    let last = base
    handle.setPointerCapture?.(e.pointerId)
    const move = (m: PointerEvent) => {
      last = resized(base, p.columns, id, m.clientX - x0)
      p.onDrag(last)
    }
    const end = () => {
      handle.removeEventListener('pointermove', move)
      handle.removeEventListener('pointerup', end)
      handle.removeEventListener('pointercancel', end)
      p.onDrag(null)
      if (last !== base) p.onPrefs({ ...p.prefs, widths: last })
    }
    handle.addEventListener('pointermove', move)
    handle.addEventListener('pointerup', end)
    handle.addEventListener('pointercancel', end)
  }
  const title = viewsReady() ? t('list.col.title') : undefined
  return (
    <div
      class="grid-row head-row"
      role="row"
      aria-rowindex={1}
      ref={p.headRef}
      onContextMenu={(e) => {
        e.preventDefault()
        p.onMenu(e.clientX, e.clientY)
      }}
    >
      {p.columns.map((c) => {
        const dir = sort?.column === c.id ? sort.dir : null
        return (
          <div
            key={c.id}
            role="columnheader"
            id={headDomId(c.id)}
            class={`c-${c.id} sortable${p.active === c.id ? ' active' : ''}${c.numeric ? ' numeric' : ''}`}
            aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : undefined}
            data-col={c.id}
            data-testid="column-header"
            title={title}
            onClick={() => p.onPrefs({ ...p.prefs, sort: nextSort(sort, c.id) })}
          >
            <span class="col-label">{t(c.label)}</span>
            {dir && <span class={`sort-arrow ${dir}`} aria-hidden="true" />}
            <span
              class="col-resizer"
              aria-hidden="true"
              data-testid="column-resizer"
              onPointerDown={(e) => startDrag(e, c.id)}
              onClick={(e) => e.stopPropagation()}
            />
          </div>
        )
      })}
      <div role="columnheader" class="c-copy" aria-label={t('list.col.copy')} />
    </div>
  )
}
