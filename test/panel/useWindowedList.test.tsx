// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { computeWindow, useWindowedList } from '../../src/panel/useWindowedList.ts'

describe('computeWindow', () => {
  it('is empty for no rows', () => {
    expect(computeWindow(0, 20, 0, 400, 5)).toEqual({ start: 0, end: 0, offset: 0, total: 0 })
  })

  it('covers the viewport plus overscan', () => {
    // 400 px / 20 px = 20 rows visible (+1 partial), overscan 5 on each side.
    expect(computeWindow(1000, 20, 0, 400, 5)).toEqual({ start: 0, end: 26, offset: 0, total: 20000 })
    expect(computeWindow(1000, 20, 2000, 400, 5)).toEqual({ start: 95, end: 126, offset: 1900, total: 20000 })
  })

  it('clamps a scroll position past the end (the list got shorter)', () => {
    expect(computeWindow(30, 20, 99999, 400, 5)).toEqual({ start: 5, end: 30, offset: 100, total: 600 })
  })

  it('stays bounded for any size', () => {
    for (const n of [1, 10, 5000, 1_000_000]) {
      const w = computeWindow(n, 21, n * 10, 420, 8)
      expect(w.end - w.start).toBeLessThanOrEqual(21 + 1 + 16)
    }
  })
})

const VIEWPORT = 200
const original = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight')
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.dataset.testid === 'scroller' ? VIEWPORT : 0
    },
  })
})
afterAll(() => {
  if (original) Object.defineProperty(HTMLElement.prototype, 'clientHeight', original)
  else delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight
})
afterEach(cleanup)

function List({ count }: { count: number }) {
  const w = useWindowedList(count, 20, 2)
  const items = []
  for (let i = w.range.start; i < w.range.end; i++)
    items.push(
      <div data-testid="item" key={i}>
        {i}
      </div>,
    )
  return (
    <div>
      <button onClick={() => w.scrollToIndex(500)}>to 500</button>
      <div data-testid="scroller" ref={w.scrollerRef} onScroll={w.onScroll} style={{ height: `${VIEWPORT}px`, overflow: 'auto' }}>
        <div style={{ height: `${w.range.total}px` }}>{items}</div>
      </div>
    </div>
  )
}

const shown = () => screen.getAllByTestId('item').map((e) => Number(e.textContent))

describe('useWindowedList', () => {
  it('starts at the bottom, follows appended rows there, and stays put once scrolled up', async () => {
    const { rerender } = render(<List count={1000} />)
    expect(shown().at(-1)).toBe(999)
    expect(shown().length).toBeLessThanOrEqual(10 + 1 + 4)
    rerender(<List count={1001} />)
    expect(shown().at(-1)).toBe(1000)

    const scroller = screen.getByTestId('scroller')
    scroller.scrollTop = 0
    fireEvent.scroll(scroller)
    await act(() => {})
    expect(shown()[0]).toBe(0)
    rerender(<List count={1002} />)
    expect(shown()[0]).toBe(0) // not yanked to the bottom
  })

  it('scrolls an index into view', async () => {
    render(<List count={1000} />)
    fireEvent.click(screen.getByText('to 500'))
    await act(() => {})
    expect(shown()).toContain(500)
  })
})
