// The list's header row, as the Network panel's: click a header to sort (ascending, descending, capture
// order), drag its right edge to resize (the column and its right neighbour share the space), right-click
// for the column menu. From the keyboard the header is the grid's first row: ArrowUp from the first row
// reaches it, ArrowLeft/ArrowRight move, Enter sorts, Shift+ArrowLeft/ArrowRight resize, Shift+F10 (or
// the context-menu key) opens the menu. What the header does is ./list-controls.ts, loaded with the views.
import type { ColumnId, ListPrefs } from '../devtools/list-prefs.ts'
import { nextSort, type ColumnDef } from './columns.ts'
import { t, viewsReady } from './i18n.ts'
import { viewParts } from './ViewParts.tsx'

export const headDomId = (id: ColumnId) => `bos-col-${id}`

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
              onPointerDown={(e) => viewParts()?.startDrag(e, c.id, p.headRef.current, p.columns, p.onDrag, (widths) => p.onPrefs({ ...p.prefs, widths }))}
              onClick={(e) => e.stopPropagation()}
            />
          </div>
        )
      })}
      <div role="columnheader" class="c-copy" aria-label={t('list.col.copy')} />
    </div>
  )
}
