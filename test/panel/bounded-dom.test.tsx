// @vitest-environment happy-dom
// 10,000 records: the rows in the DOM are bounded by the viewport (plus overscan), never by the record
// count, whether the list is scrolled, filtered or un-filtered again.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact'
import { afterEach, describe, expect, it } from 'vitest'
import { App } from '../../src/panel/App.tsx'
import { ROW_HEIGHT } from '../../src/panel/RequestList.tsx'
import { FakeStore, manyRecords } from '../helpers/fake-store.ts'
import { useScrollerHeight, VIEWPORT } from './setup-dom.ts'

useScrollerHeight()
afterEach(cleanup)

const OVERSCAN = 8
const MAX_ROWS = Math.ceil(VIEWPORT / ROW_HEIGHT) + 1 + 2 * OVERSCAN
const rows = () => screen.queryAllByTestId('bos-row')

describe('a 10,000-record list', () => {
  it('keeps the rows in the DOM bounded by the viewport', async () => {
    const records = manyRecords(10_000)
    render(<App store={new FakeStore({ records, capacity: 10_000 })} />)
    expect(screen.getByTestId('count').textContent).toBe('10000 requests')
    expect(screen.getByTestId('bos-grid').getAttribute('aria-rowcount')).toBe('10001')
    expect(rows().length).toBeGreaterThan(VIEWPORT / ROW_HEIGHT - 1)
    expect(rows().length).toBeLessThanOrEqual(MAX_ROWS)
    expect(document.querySelectorAll('[role=row]').length).toBeLessThanOrEqual(MAX_ROWS + 1) // + the header row

    const scroller = screen.getByTestId('bos-scroller')
    for (const top of [0, 5000 * ROW_HEIGHT, 9990 * ROW_HEIGHT]) {
      scroller.scrollTop = top
      fireEvent.scroll(scroller)
      await waitFor(() => expect(rows().map((r) => r.dataset.recordId)).toContain(String(top / ROW_HEIGHT + 1)))
      expect(rows().length).toBeLessThanOrEqual(MAX_ROWS)
    }

    // Filtering 10,000 records to a few thousand, then back to all: still bounded.
    fireEvent.input(screen.getByTestId('filter'), { target: { value: 'RequestExpired' } })
    await waitFor(() => expect(screen.getByTestId('count').textContent).toBe('1000 / 10000 requests'))
    expect(rows().length).toBeLessThanOrEqual(MAX_ROWS)
    expect(rows().every((r) => r.dataset.code === 'RequestExpired')).toBe(true)
    fireEvent.input(screen.getByTestId('filter'), { target: { value: '' } })
    await waitFor(() => expect(screen.getByTestId('count').textContent).toBe('10000 requests'))
    expect(rows().length).toBeLessThanOrEqual(MAX_ROWS)
  })
})
