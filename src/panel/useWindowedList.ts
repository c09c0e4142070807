// Fixed-height windowing: only the rows in view (plus a little overscan) are in the DOM, so 5,000
// records scroll as smoothly as 50. Newest rows are appended at the bottom; like the Network panel the
// list follows them while the user is already at the bottom, and stays put once they scroll up.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks'

export interface WindowRange {
  /** First rendered index. */
  start: number
  /** One past the last rendered index. */
  end: number
  /** translateY of the first rendered row, px. */
  offset: number
  /** Height of all rows, px. */
  total: number
}

export function computeWindow(count: number, rowHeight: number, scrollTop: number, viewport: number, overscan: number): WindowRange {
  const total = count * rowHeight
  if (count === 0) return { start: 0, end: 0, offset: 0, total }
  const maxTop = Math.max(0, total - viewport)
  const top = Math.min(Math.max(0, scrollTop), maxTop)
  const first = Math.floor(top / rowHeight)
  const visible = Math.ceil(viewport / rowHeight) + 1
  const start = Math.max(0, first - overscan)
  const end = Math.min(count, first + visible + overscan)
  return { start, end, offset: start * rowHeight, total }
}

/** Used until the scroller has been measured (or while the panel is hidden and measures 0). */
const FALLBACK_ROWS = 30

export interface WindowedList {
  scrollerRef: { current: HTMLDivElement | null }
  onScroll: () => void
  range: WindowRange
  /** Rows that fit in the viewport (PageUp/PageDown step). */
  pageRows: number
  /** Height of the scroller, px (a fallback until measured). */
  viewport: number
  scrollToIndex: (index: number) => void
}

/** `follow`: stay at the bottom as rows are appended (a live list); false for a table read from the top. */
export function useWindowedList(count: number, rowHeight: number, overscan = 8, follow = true): WindowedList {
  const scrollerRef = useRef<HTMLDivElement | null>(null)
  const [scrollTop, setScrollTop] = useState(0)
  const [measured, setMeasured] = useState(0)
  const atBottom = useRef(follow)
  const viewport = measured > 0 ? measured : FALLBACK_ROWS * rowHeight
  const total = count * rowHeight

  const onScroll = useCallback(() => {
    const el = scrollerRef.current
    if (!el) return
    setScrollTop(el.scrollTop)
    const h = el.clientHeight > 0 ? el.clientHeight : viewport
    atBottom.current = follow && el.scrollTop + h >= count * rowHeight - rowHeight / 2
  }, [count, rowHeight, viewport, follow])

  useLayoutEffect(() => {
    const el = scrollerRef.current
    if (!el) return
    const measure = () => setMeasured(el.clientHeight)
    measure()
    if (typeof ResizeObserver === 'undefined') {
      addEventListener('resize', measure)
      return () => removeEventListener('resize', measure)
    }
    const ro = new ResizeObserver(measure)
    ro.observe(el)
    return () => ro.disconnect()
  }, [])

  // Follow new rows (and keep the bottom after a resize) while the user sits at the bottom.
  useLayoutEffect(() => {
    const el = scrollerRef.current
    if (!el) return
    if (atBottom.current) {
      const top = Math.max(0, total - viewport)
      el.scrollTop = top
      setScrollTop(top)
    } else if (scrollTop > Math.max(0, total - viewport)) {
      // The list got shorter (filter, clear): clamp, the browser does the same to the real scroller.
      setScrollTop(el.scrollTop)
    }
  }, [total, viewport])

  const scrollToIndex = useCallback(
    (index: number) => {
      const el = scrollerRef.current
      if (!el || index < 0 || index >= count) return
      const top = el.scrollTop
      let next = top
      if (index * rowHeight < top) next = index * rowHeight
      else if ((index + 1) * rowHeight > top + viewport) next = (index + 1) * rowHeight - viewport
      if (next !== top) {
        el.scrollTop = next
        setScrollTop(next)
      }
      atBottom.current = follow && next + viewport >= total - rowHeight / 2
    },
    [count, rowHeight, viewport, total, follow],
  )

  useEffect(() => {
    if (count === 0) atBottom.current = follow
  }, [count, follow])

  return {
    scrollerRef,
    onScroll,
    range: computeWindow(count, rowHeight, scrollTop, viewport, overscan),
    pageRows: Math.max(1, Math.floor(viewport / rowHeight) - 1),
    viewport,
    scrollToIndex,
  }
}
