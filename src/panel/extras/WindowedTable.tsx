// A data table that puts only the rows in view in the DOM once it is long: a 10,000-part upload's
// part table and Complete list. Short tables stay plain tables (no inner scroller, striping by CSS).
import type { ComponentChildren, VNode } from 'preact'
import { useLayoutEffect } from 'preact/hooks'
import { useWindowedList } from '../useWindowedList.ts'

/** Tables longer than this are windowed. */
export const WINDOW_FROM = 200
/** Fixed row height of a windowed table, px (extras.css: .data-table.windowed). */
const ROW_HEIGHT = 22

interface WindowedTableProps<T> {
  items: readonly T[]
  head: ComponentChildren
  /** One <tr>; `alt` is the striping class a windowed table needs (its spacer rows shift nth-child). */
  row: (item: T, index: number, alt: string) => VNode
  testId: string
  /** The row to bring into view when the table opens (the part of the selected request). */
  focusIndex?: number
}

export function WindowedTable<T>(props: WindowedTableProps<T>) {
  const { items, head, row, testId } = props
  if (items.length <= WINDOW_FROM) {
    return (
      <table class="data-table" data-testid={testId}>
        <thead>{head}</thead>
        <tbody>{items.map((item, i) => row(item, i, ''))}</tbody>
      </table>
    )
  }
  return <Windowed {...props} />
}

function Windowed<T>({ items, head, row, testId, focusIndex }: WindowedTableProps<T>) {
  const list = useWindowedList(items.length, ROW_HEIGHT, 12, false)
  useLayoutEffect(() => {
    const el = list.scrollerRef.current
    if (!el || focusIndex === undefined || focusIndex < 0) return
    el.scrollTop = Math.max(0, focusIndex * ROW_HEIGHT - el.clientHeight / 2)
    list.onScroll()
  }, [focusIndex])
  const { start, end, offset, total } = list.range
  const below = total - end * ROW_HEIGHT
  return (
    <div class="table-window" ref={list.scrollerRef} onScroll={list.onScroll} data-testid={`${testId}-window`}>
      <table class="data-table windowed" data-testid={testId} aria-rowcount={items.length + 1}>
        <thead>{head}</thead>
        <tbody>
          {offset > 0 && <tr class="spacer" aria-hidden="true" style={{ height: `${offset}px` }} />}
          {items.slice(start, end).map((item, k) => row(item, start + k, (start + k) % 2 ? 'alt' : ''))}
          {below > 0 && <tr class="spacer" aria-hidden="true" style={{ height: `${below}px` }} />}
        </tbody>
      </table>
    </div>
  )
}
