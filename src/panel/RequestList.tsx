// The request grid: windowed rows, Network-panel keyboard model (arrows, Home/End, PageUp/PageDown,
// Enter opens; Escape is the App's), selection via aria-activedescendant on the focusable grid.
import type { ComponentChildren } from 'preact'
import { useLayoutEffect } from 'preact/hooks'
import type { CapturedRecord } from '../devtools/store-types.ts'
import { CopyButton } from './CopyButton.tsx'
import { clockTime, findingBadges, isFailed, objectLabel, partNumberOf, recordTime, splitForMiddle, statusLabel } from './format.ts'
import { t, viewsReady } from './i18n.ts'
import { useWindowedList } from './useWindowedList.ts'

export const ROW_HEIGHT = 21
const MAX_BADGES = 3

interface RequestListProps {
  records: readonly CapturedRecord[]
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

export const rowDomId = (id: number) => `bos-row-${id}`

export function RequestList(p: RequestListProps) {
  const n = p.records.length
  const list = useWindowedList(n, ROW_HEIGHT)
  const selectedIndex = p.selectedId === null ? -1 : p.records.findIndex((r) => r.id === p.selectedId)
  const { start, end, offset, total } = list.range

  // A selection made from outside (or kept through a filter change) is brought into view.
  useLayoutEffect(() => {
    if (selectedIndex >= 0) list.scrollToIndex(selectedIndex)
  }, [p.selectedId])

  const move = (to: number) => {
    const i = Math.max(0, Math.min(n - 1, to))
    const r = p.records[i]
    if (!r) return
    p.onSelect(r.id)
    list.scrollToIndex(i)
  }

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return
    const i = selectedIndex
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
        move(i < 0 ? n - 1 : i - 1)
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
      case 'Enter': {
        const r = p.records[i]
        if (r) p.onOpen(r.id)
        break
      }
      default:
        return
    }
    e.preventDefault()
  }

  const active = selectedIndex >= start && selectedIndex < end ? rowDomId(p.selectedId!) : undefined
  const rows = []
  for (let i = start; i < end; i++) {
    const r = p.records[i]!
    rows.push(<Row key={r.id} record={r} index={i} selected={i === selectedIndex} onOpen={p.onOpen} onCopyFailure={p.onCopyFailure} />)
  }

  return (
    <div
      class="grid"
      role="grid"
      aria-label={t('list.label')}
      aria-rowcount={n + 1}
      aria-activedescendant={active}
      tabIndex={0}
      ref={p.gridRef}
      data-testid="bos-grid"
      onKeyDown={onKeyDown}
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
        <div class="grid-row head-row" role="row" aria-rowindex={1}>
          <div role="columnheader" class="c-time">
            {t('list.col.time')}
          </div>
          <div role="columnheader" class="c-method">
            {t('list.col.method')}
          </div>
          <div role="columnheader" class="c-op">
            {t('list.col.operation')}
          </div>
          <div role="columnheader" class="c-object">
            {t('list.col.object')}
          </div>
          <div role="columnheader" class="c-status">
            {t('list.col.status')}
          </div>
          <div role="columnheader" class="c-code">
            {t('list.col.code')}
          </div>
          <div role="columnheader" class="c-findings">
            {t('list.col.findings')}
          </div>
          <div role="columnheader" class="c-copy" aria-label={t('list.col.copy')} />
        </div>
      </div>
      <div class="grid-scroller" role="rowgroup" ref={list.scrollerRef} onScroll={list.onScroll} data-testid="bos-scroller">
        {n === 0 ? (
          p.empty
        ) : (
          <div class="grid-sizer" style={{ height: `${total}px` }}>
            <div class="grid-window" style={{ transform: `translateY(${offset}px)` }}>
              {rows}
            </div>
            {total < list.viewport && <Filler height={list.viewport - total} />}
          </div>
        )}
      </div>
    </div>
  )
}

interface RowProps {
  record: CapturedRecord
  index: number
  selected: boolean
  onOpen: (id: number) => void
  onCopyFailure: (text: string, label: string) => void
}

function Row({ record: r, index, selected, onOpen, onCopyFailure }: RowProps) {
  const a = r.analysis
  const badges = findingBadges(a.findings)
  const shown = badges.slice(0, MAX_BADGES)
  const label = objectLabel(r)
  const s3 = a.matchedBy === 's3'
  const part = a.uploadId ? partNumberOf(a.url) : null
  const cls = ['grid-row', index % 2 ? 'odd' : 'even', selected ? 'selected' : '', isFailed(a) ? 'error' : '', a.preflight ? 'preflight' : '']
  return (
    <div
      role="row"
      id={rowDomId(r.id)}
      class={cls.join(' ')}
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-testid="bos-row"
      data-record-id={r.id}
      data-status={a.status}
      data-operation={a.operation ?? ''}
      data-code={a.error?.code ?? ''}
      data-request-id={a.requestId ?? ''}
      data-source={r.source}
      onClick={() => onOpen(r.id)}
    >
      <div role="gridcell" class="c-time" title={recordTime(r) ?? undefined}>
        {clockTime(recordTime(r))}
      </div>
      <div role="gridcell" class="c-method">
        {a.method}
      </div>
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
      <div role="gridcell" class="c-object" title={`${label}\n${a.host}`}>
        <MiddleTruncated text={label} />
      </div>
      <div role="gridcell" class="c-status">
        {statusLabel(a.status)}
      </div>
      <div role="gridcell" class="c-code" title={a.error ? `${a.error.code}: ${a.error.message}` : undefined}>
        {a.error?.code ?? ''}
      </div>
      <div role="gridcell" class="c-findings">
        {shown.map((b) => (
          <span key={b.key} class={`badge badge-${b.severity}`} title={b.title}>
            {b.label}
          </span>
        ))}
        {badges.length > shown.length && (
          <span
            class="badge badge-more"
            title={badges
              .slice(MAX_BADGES)
              .map((b) => b.title)
              .join('\n')}
          >
            +{badges.length - shown.length}
          </span>
        )}
      </div>
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

function MiddleTruncated({ text }: { text: string }) {
  const { head, tail } = splitForMiddle(text)
  return (
    <span class="mid-trunc">
      {head && <span class="head">{head}</span>}
      <span class="tail">{tail}</span>
    </span>
  )
}

/** Carries the column lines down to the bottom of a short list, as the Network panel does. */
function Filler({ height }: { height: number }) {
  return (
    <div class="grid-row filler" aria-hidden="true" style={{ height: `${height}px` }}>
      <div class="c-time" />
      <div class="c-method" />
      <div class="c-op" />
      <div class="c-object" />
      <div class="c-status" />
      <div class="c-code" />
      <div class="c-findings" />
      <div class="c-copy" />
    </div>
  )
}
