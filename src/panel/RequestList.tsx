// The request grid: windowed rows, Network-panel keyboard model (arrows, Home/End, PageUp/PageDown,
// Enter opens; Escape is the App's), selection via aria-activedescendant on the focusable grid. Its
// columns (./columns.ts) sort, resize and hide from the header (./ListHead.tsx); grouped by upload
// (./list-rows.ts) it is a tree grid: ArrowRight opens a session's row, ArrowLeft closes it.
import type { ComponentChildren } from 'preact'
import { useLayoutEffect, useRef, useState } from 'preact/hooks'
import type { ColumnId, ListPrefs } from '../devtools/list-prefs.ts'
import type { CapturedRecord } from '../devtools/store-types.ts'
import { gridTemplate, visibleColumns, type ColumnDef } from './columns.ts'
import { CopyButton } from './CopyButton.tsx'
import { bytes, clockTime, duration, isFailed, objectLabel, partNumberOf, recordSize, recordTime, statusLabel } from './format.ts'
import { t, viewsReady } from './i18n.ts'
import { Badges, MiddleTruncated, rowClass, rowDomId } from './ListCells.tsx'
import { headDomId, ListHead } from './ListHead.tsx'
import type { ListRow } from './list-rows.ts'
import { useWindowedList } from './useWindowedList.ts'
import { viewParts } from './ViewParts.tsx'

export const ROW_HEIGHT = 21
export { rowDomId }

interface RequestListProps {
  /** The records, sorted and maybe grouped (./list-rows.ts). */
  rows: readonly ListRow[]
  prefs: ListPrefs
  /** Sort, widths, hidden columns changed from the header. */
  onPrefs: (prefs: ListPrefs) => void
  /** An upload group opened or closed. */
  onToggleGroup: (uploadId: string, open: boolean) => void
  /** The header row's context menu (the column menu), at viewport coordinates. */
  onHeaderMenu: (x: number, y: number) => void
  selectedId: number | null
  onSelect: (id: number) => void
  onOpen: (id: number) => void
  onCopyFailure: (text: string, label: string) => void
  gridRef: { current: HTMLDivElement | null }
  /** A row's context menu: right-click (at the pointer), Shift+F10 or the context-menu key (under the row). */
  onContextMenu?: (id: number, at: { x: number; y: number } | { anchor: Element }) => void
  /** Shown instead of rows when there are none. */
  empty: ComponentChildren
}

export function RequestList(p: RequestListProps) {
  const n = p.rows.length
  const list = useWindowedList(n, ROW_HEIGHT)
  const selectedIndex = p.selectedId === null ? -1 : p.rows.findIndex((r) => r.id === p.selectedId)
  const { start, end, offset, total } = list.range
  const headRef = useRef<HTMLDivElement | null>(null)
  const [drag, setDrag] = useState<ListPrefs['widths'] | null>(null)
  /** The header cell the keyboard is on (the grid's first row), or null on the rows. */
  const [headCol, setHeadCol] = useState<ColumnId | null>(null)
  const columns = visibleColumns(p.prefs)
  const widths = drag ?? p.prefs.widths
  if (headCol && !columns.some((c) => c.id === headCol)) setHeadCol(columns[0]?.id ?? null)

  // A selection made from outside (or kept through a filter change) is brought into view.
  useLayoutEffect(() => {
    if (selectedIndex >= 0) list.scrollToIndex(selectedIndex)
  }, [p.selectedId])

  const move = (to: number) => {
    const i = Math.max(0, Math.min(n - 1, to))
    const r = p.rows[i]
    if (!r) return
    p.onSelect(r.id)
    list.scrollToIndex(i)
  }

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return
    if (headCol) {
      // The header's keys come with the views, right after the first paint.
      const handled = viewParts()?.headKey(e, headCol, {
        columns,
        prefs: p.prefs,
        onPrefs: p.onPrefs,
        head: headRef.current,
        setHeadCol,
        toFirstRow: () => move(0),
        onMenu: p.onHeaderMenu,
      })
      if (handled) e.preventDefault()
      return
    }
    if (e.shiftKey && e.key !== 'F10') return
    const i = selectedIndex
    const cur = p.rows[i]
    if (e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) {
      const row = p.selectedId === null ? null : document.getElementById(rowDomId(p.selectedId))
      if (row && p.onContextMenu) {
        e.preventDefault()
        p.onContextMenu(p.selectedId!, { anchor: row })
      }
      return
    }
    switch (e.key) {
      case 'ArrowDown':
        move(i < 0 ? 0 : i + 1)
        break
      case 'ArrowUp':
        if (i === 0 || n === 0) setHeadCol(columns[0]?.id ?? null)
        else move(i < 0 ? n - 1 : i - 1)
        break
      case 'ArrowRight':
        // A tree grid's keys: open a group, then go to its first request.
        if (cur?.kind === 'group') {
          if (cur.expanded) move(i + 1)
          else p.onToggleGroup(cur.group.uploadId, true)
        }
        break
      case 'ArrowLeft':
        if (cur?.kind === 'group' && cur.expanded) p.onToggleGroup(cur.group.uploadId, false)
        else if (cur?.kind === 'record' && cur.child) {
          let g = i - 1
          while (g >= 0 && p.rows[g]!.kind !== 'group') g--
          if (g >= 0) move(g)
        }
        break
      case 'Home':
        move(0)
        break
      case 'End':
        move(n - 1)
        break
      case 'PageDown':
        move(i < 0 ? list.pageRows : i + list.pageRows)
        break
      case 'PageUp':
        move(i < 0 ? 0 : i - list.pageRows)
        break
      case 'Enter':
        if (cur?.kind === 'group') p.onToggleGroup(cur.group.uploadId, !cur.expanded)
        else if (cur) p.onOpen(cur.id)
        break
      default:
        return
    }
    e.preventDefault()
  }

  const active = headCol ? headDomId(headCol) : selectedIndex >= start && selectedIndex < end ? rowDomId(p.selectedId!) : undefined
  const grouped = p.prefs.groupByUpload
  const rows = []
  // Group rows exist only once the grouping code (with the views) is in: ./list-rows.ts.
  const GroupRow = viewParts()?.GroupRow
  for (let i = start; i < end; i++) {
    const r = p.rows[i]!
    rows.push(
      r.kind === 'group' && GroupRow ? (
        <GroupRow
          key={r.id}
          row={r}
          columns={columns}
          index={i}
          selected={i === selectedIndex}
          onClick={() => {
            p.onSelect(r.id)
            p.onToggleGroup(r.group.uploadId, !r.expanded)
          }}
        />
      ) : r.kind === 'record' ? (
        <Row
          key={r.id}
          record={r.record}
          columns={columns}
          level={grouped ? (r.child ? 2 : 1) : undefined}
          index={i}
          selected={i === selectedIndex}
          onOpen={p.onOpen}
          onCopyFailure={p.onCopyFailure}
        />
      ) : null,
    )
  }

  return (
    <div
      class={`grid${headCol ? ' on-head' : ''}`}
      role={grouped ? 'treegrid' : 'grid'}
      aria-label={t('list.label')}
      aria-rowcount={n + 1}
      aria-activedescendant={active}
      tabIndex={0}
      ref={p.gridRef}
      data-testid="bos-grid"
      style={{ '--cols': gridTemplate(columns, widths), '--cols-narrow': gridTemplate(columns, widths, true) }}
      onKeyDown={onKeyDown}
      onBlur={() => setHeadCol(null)}
      onContextMenu={(e) => {
        const row = (e.target as Element).closest<HTMLElement>('[data-record-id]')
        if (!row || !p.onContextMenu) return
        e.preventDefault()
        const id = Number(row.dataset.recordId)
        p.onSelect(id)
        p.onContextMenu(id, { x: e.clientX, y: e.clientY })
      }}
    >
      <div class="grid-head" role="rowgroup">
        <ListHead columns={columns} prefs={p.prefs} onPrefs={p.onPrefs} onDrag={setDrag} active={headCol} onMenu={p.onHeaderMenu} headRef={headRef} />
      </div>
      <div class="grid-scroller" role="rowgroup" ref={list.scrollerRef} onScroll={list.onScroll} data-testid="bos-scroller">
        {n === 0 ? (
          p.empty
        ) : (
          <div class="grid-sizer" style={{ height: `${total}px` }}>
            <div class="grid-window" style={{ transform: `translateY(${offset}px)` }}>
              {rows}
            </div>
            {total < list.viewport && <Filler height={list.viewport - total} columns={columns} />}
          </div>
        )}
      </div>
    </div>
  )
}

interface RowProps {
  record: CapturedRecord
  columns: readonly ColumnDef[]
  /** aria-level in a tree grid (grouped): 2 inside an open group. */
  level?: number
  index: number
  selected: boolean
  onOpen: (id: number) => void
  onCopyFailure: (text: string, label: string) => void
}

function Row({ record: r, columns, level, index, selected, onOpen, onCopyFailure }: RowProps) {
  const a = r.analysis
  const s3 = a.matchedBy === 's3'
  return (
    <div
      role="row"
      id={rowDomId(r.id)}
      class={rowClass(index, selected, isFailed(a) && 'error', a.preflight && 'preflight', level === 2 && 'child')}
      aria-rowindex={index + 2}
      aria-selected={selected}
      aria-level={level}
      data-testid="bos-row"
      data-record-id={r.id}
      data-status={a.status}
      data-operation={a.operation ?? ''}
      data-code={a.error?.code ?? ''}
      data-request-id={a.requestId ?? ''}
      data-source={r.source}
      onClick={() => onOpen(r.id)}
    >
      {columns.map((c) => (
        <Cell key={c.id} id={c.id} record={r} />
      ))}
      <div role="gridcell" class="c-copy">
        <CopyButton
          icon
          text={a.debugId}
          label={t(s3 ? 'copy.amzId2' : 'copy.debugId')}
          title={a.debugId ? t(s3 ? 'copy.amzId2.withValue' : 'copy.debugId.withValue', { id: a.debugId }) : t(s3 ? 'copy.amzId2.none' : 'copy.debugId.none')}
          testId="row-copy-debug-id"
          tabStop={false}
          onFailure={onCopyFailure}
        />
      </div>
    </div>
  )
}

/** One cell of a request's row. */
function Cell({ id, record: r }: { id: ColumnId; record: CapturedRecord }) {
  const a = r.analysis
  switch (id) {
    case 'time':
      return (
        <div role="gridcell" class="c-time" title={recordTime(r) ?? undefined}>
          {clockTime(recordTime(r))}
        </div>
      )
    case 'method':
      return (
        <div role="gridcell" class="c-method">
          {a.method}
        </div>
      )
    case 'op': {
      const part = a.uploadId ? partNumberOf(a.url) : null
      return (
        <div role="gridcell" class="c-op" title={a.operation ?? t('list.operation.unknown')}>
          {a.preflight && <span class="tag">{t('list.tag.preflight')}</span>}
          {r.source === 'import' && (
            <span class="tag" title={viewsReady() ? t('list.tag.imported.title') : undefined}>
              {t('list.tag.imported')}
            </span>
          )}
          {part !== null && (
            // Numbers and an id, the same in every language: no catalog entry (the startup budget).
            <span class="tag part-tag" title={`#${part} · ${a.uploadId}`} data-testid="part-tag">
              #{part} {a.uploadId!.slice(0, 6)}
            </span>
          )}
          {a.operation ?? '—'}
        </div>
      )
    }
    case 'object': {
      const label = objectLabel(r)
      return (
        <div role="gridcell" class="c-object" title={`${label}\n${a.host}`}>
          <MiddleTruncated text={label} />
        </div>
      )
    }
    case 'status':
      return (
        <div role="gridcell" class="c-status">
          {statusLabel(a.status)}
        </div>
      )
    case 'code':
      return (
        <div role="gridcell" class="c-code" title={a.error ? `${a.error.code}: ${a.error.message}` : undefined}>
          {a.error?.code ?? ''}
        </div>
      )
    case 'size':
      return (
        <div role="gridcell" class="c-size">
          {bytes(recordSize(r))}
        </div>
      )
    case 'duration':
      return (
        <div role="gridcell" class="c-duration">
          {duration(r.entry.time)}
        </div>
      )
    case 'findings':
      return (
        <div role="gridcell" class="c-findings">
          <Badges findings={a.findings} />
        </div>
      )
  }
}

/** Carries the column lines down to the bottom of a short list, as the Network panel does. */
function Filler({ height, columns }: { height: number; columns: readonly ColumnDef[] }) {
  return (
    <div class="grid-row filler" aria-hidden="true" style={{ height: `${height}px` }}>
      {columns.map((c) => (
        <div key={c.id} class={`c-${c.id}`} />
      ))}
      <div class="c-copy" />
    </div>
  )
}
