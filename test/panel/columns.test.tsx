// @vitest-environment happy-dom
// The list's columns (sort, resize, hide, remembered through the store) and Group by upload, on the fake
// store; the sort and grouping functions on their own.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { COLUMN_IDS, DEFAULT_LIST_PREFS, type ListPrefs, MIN_COLUMN_WIDTH } from '../../src/devtools/list-prefs.ts'
import type { CapturedRecord } from '../../src/devtools/store-types.ts'
import { App } from '../../src/panel/App.tsx'
import { COLUMNS, DEFAULT_PREFS, MIN_WIDTH, nextSort, sortRecords } from '../../src/panel/columns.ts'
import { recordSize } from '../../src/panel/format.ts'
import { buildRows } from '../../src/panel/list-rows.ts'
import { uploadMembership } from '../../src/panel/list-group.tsx'
import { loadViewParts } from '../../src/panel/ViewParts.tsx'
import { FakeStore, sessionRecords } from '../helpers/fake-store.ts'
import { captureRecords, groupedUploadSpecs, UPLOAD_ID, UPLOAD_ID_2 } from '../helpers/multipart-records.ts'
import { useScrollerHeight } from './setup-dom.ts'

useScrollerHeight()
beforeAll(async () => {
  // The header's keys and the grouping come with the views, right after the first paint.
  await loadViewParts()
})
afterEach(() => {
  cleanup()
})

const prefs = (p: Partial<ListPrefs> = {}): ListPrefs => ({ ...DEFAULT_PREFS, ...p })
const uploads = () => [...sessionRecords(), ...captureRecords(groupedUploadSpecs(), 100)]

function setup(records: CapturedRecord[] = sessionRecords(), listPrefs?: ListPrefs) {
  const store = new FakeStore({ records, ...(listPrefs ? { listPrefs } : {}) })
  render(<App store={store} />)
  return store
}

const grid = () => screen.getByTestId('bos-grid')
const key = (k: string, init: KeyboardEventInit = {}) => fireEvent.keyDown(grid(), { key: k, ...init })
const header = (id: string) => document.querySelector<HTMLElement>(`[data-testid=column-header][data-col=${id}]`)!
const headers = () => screen.getAllByTestId('column-header').map((h) => h.dataset.col)
const rowIds = () =>
  [...document.querySelectorAll<HTMLElement>('[data-testid=bos-row],[data-testid=bos-group]')].map((r) => r.dataset.recordId ?? r.dataset.uploadId)
const statuses = () => screen.getAllByTestId('bos-row').map((r) => Number(r.dataset.status))

describe('the column model', () => {
  it('repeats the DevTools page defaults exactly (the panel takes only types from list-prefs.ts)', () => {
    expect(COLUMNS.map((c) => c.id)).toEqual([...COLUMN_IDS])
    expect(DEFAULT_PREFS).toEqual(DEFAULT_LIST_PREFS)
    expect(MIN_WIDTH).toBe(MIN_COLUMN_WIDTH)
  })

  it('cycles a header ascending, descending, unsorted; another header starts ascending', () => {
    expect(nextSort(null, 'status')).toEqual({ column: 'status', dir: 'asc' })
    expect(nextSort({ column: 'status', dir: 'asc' }, 'status')).toEqual({ column: 'status', dir: 'desc' })
    expect(nextSort({ column: 'status', dir: 'desc' }, 'status')).toBeNull()
    expect(nextSort({ column: 'status', dir: 'desc' }, 'code')).toEqual({ column: 'code', dir: 'asc' })
  })

  it('sorts numbers as numbers and text without case, stably both ways, and leaves the list as it was unsorted', () => {
    const records = sessionRecords()
    expect(sortRecords(records, null)).toBe(records)
    const asc = sortRecords(records, { column: 'status', dir: 'asc' })
    expect(asc.map((r) => r.analysis.status)).toEqual(records.map((r) => r.analysis.status).sort((a, b) => a - b))
    // Equal statuses keep capture order in both directions.
    const twoHundreds = records.filter((r) => r.analysis.status === 200).map((r) => r.id)
    expect(asc.filter((r) => r.analysis.status === 200).map((r) => r.id)).toEqual(twoHundreds)
    const desc = sortRecords(records, { column: 'status', dir: 'desc' })
    expect(desc.filter((r) => r.analysis.status === 200).map((r) => r.id)).toEqual(twoHundreds)
    expect(desc[0]!.analysis.status).toBe(Math.max(...records.map((r) => r.analysis.status)))
    const ops = sortRecords(records, { column: 'op', dir: 'asc' }).map((r) => r.analysis.operation ?? '')
    expect(ops).toEqual([...ops].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())))
    const sizes = sortRecords(records, { column: 'size', dir: 'desc' }).map(recordSize)
    expect(sizes[0]).toBe(Math.max(...sizes))
  })
})

describe('sorting from the header', () => {
  it('a click sorts ascending, a second descending, a third restores capture order; each is saved', () => {
    const store = setup()
    const captured = rowIds()
    fireEvent.click(header('status'))
    expect(header('status').getAttribute('aria-sort')).toBe('ascending')
    expect(statuses()).toEqual([...statuses()].sort((a, b) => a - b))
    fireEvent.click(header('status'))
    expect(header('status').getAttribute('aria-sort')).toBe('descending')
    expect(statuses()).toEqual([...statuses()].sort((a, b) => b - a))
    fireEvent.click(header('status'))
    expect(header('status').hasAttribute('aria-sort')).toBe(false)
    expect(rowIds()).toEqual(captured)
    expect(store.calls.listPrefs.map((p) => p.sort)).toEqual([{ column: 'status', dir: 'asc' }, { column: 'status', dir: 'desc' }, null])
  })

  it('keeps the selection on its record through a sort, and arrows follow the sorted order', () => {
    setup()
    key('Home')
    const first = grid().getAttribute('aria-activedescendant')
    fireEvent.click(header('status'))
    fireEvent.click(header('status'))
    expect(grid().getAttribute('aria-activedescendant')).toBe(first)
    key('Home')
    expect(document.querySelector('[data-testid=bos-row][aria-selected=true]')!.getAttribute('data-status')).toBe('502')
    key('ArrowDown')
    expect(document.querySelector('[data-testid=bos-row][aria-selected=true]')!.getAttribute('data-status')).toBe('500')
  })

  it('from the keyboard: ArrowUp from the first row reaches the header, arrows move along it, Enter sorts, ArrowDown goes back', () => {
    const store = setup()
    key('Home')
    key('ArrowUp')
    expect(grid().getAttribute('aria-activedescendant')).toBe('bos-col-time')
    key('ArrowRight')
    key('ArrowRight')
    key('ArrowRight')
    key('ArrowRight')
    expect(grid().getAttribute('aria-activedescendant')).toBe('bos-col-status')
    key('Enter')
    expect(store.calls.listPrefs.at(-1)!.sort).toEqual({ column: 'status', dir: 'asc' })
    key('ArrowDown')
    expect(grid().getAttribute('aria-activedescendant')).toMatch(/^bos-row-/)
    expect(document.querySelector('[data-testid=bos-row][aria-selected=true]')).toBe(screen.getAllByTestId('bos-row')[0])
  })
})

describe('resizing and hiding', () => {
  it('Shift+ArrowRight on a header widens it and narrows its right neighbour by as much; the widths become proportions', () => {
    const store = setup()
    key('Home')
    key('ArrowUp')
    key('ArrowRight')
    key('ArrowRight') // Operation
    key('ArrowRight', { shiftKey: true })
    const { widths } = store.calls.listPrefs.at(-1)!
    // happy-dom measures nothing: the columns' default widths stand in.
    expect(widths.op).toBe(180 + 16)
    expect(widths.object).toBe(300 - 16)
    expect(grid().style.getPropertyValue('--cols')).toContain('minmax(32px, 196fr)')
  })

  it('a drag on a header edge resizes; it is saved once, when the drag ends', () => {
    const store = setup()
    const edge = header('code').querySelector<HTMLElement>('[data-testid=column-resizer]')!
    fireEvent.pointerDown(edge, { button: 0, clientX: 500, pointerId: 1 })
    fireEvent.pointerMove(edge, { clientX: 540, pointerId: 1 })
    // Code (150 px) widens by 40; Size (66 px) gives what it can above its minimum.
    expect(grid().style.getPropertyValue('--cols')).toContain('minmax(32px, 184fr) minmax(32px, 32fr)')
    expect(store.calls.listPrefs).toHaveLength(0)
    fireEvent.pointerUp(edge, { clientX: 540, pointerId: 1 })
    expect(store.calls.listPrefs).toHaveLength(1)
    expect(store.calls.listPrefs[0]!.widths).toMatchObject({ code: 184, size: 32 })
    // The click that ends a drag does not sort.
    fireEvent.click(edge)
    expect(store.calls.listPrefs).toHaveLength(1)
  })

  it('shows the columns the stored prefs leave visible, and no cells of the hidden ones', () => {
    setup(sessionRecords(), prefs({ hidden: ['method', 'code', 'size'] }))
    expect(headers()).toEqual(['time', 'op', 'object', 'status', 'duration', 'findings'])
    expect(document.querySelector('.c-method, .c-code, .c-size')).toBeNull()
    expect(document.querySelectorAll('[data-testid=bos-row] .c-duration')).toHaveLength(10)
  })

  it('a right-click on the header opens the column menu: a ticked item per column hides or shows it, Reset columns restores the defaults', async () => {
    const store = setup(sessionRecords(), prefs({ sort: { column: 'status', dir: 'asc' }, widths: { op: 300 } }))
    fireEvent.contextMenu(header('status'), { clientX: 40, clientY: 10 })
    const menu = await screen.findByTestId('column-menu')
    expect(menu.getAttribute('role')).toBe('menu')
    const size = screen.getByTestId('column-toggle-size')
    expect(size.getAttribute('aria-checked')).toBe('true')
    expect(screen.getByTestId('column-toggle-duration').getAttribute('aria-checked')).toBe('false')
    fireEvent.click(size)
    await waitFor(() => expect(headers()).not.toContain('size'))
    expect(store.calls.listPrefs.at(-1)?.hidden).toEqual(['duration', 'size'])
    fireEvent.contextMenu(header('op'), { clientX: 40, clientY: 10 })
    fireEvent.click(await screen.findByTestId('column-reset'))
    await waitFor(() => expect(headers()).toContain('size'))
    expect(store.calls.listPrefs.at(-1)).toEqual(DEFAULT_PREFS)
  })

  it('the column menu will not hide the last column shown, and says why', async () => {
    setup(sessionRecords(), prefs({ hidden: COLUMN_IDS.filter((c) => c !== 'object') }))
    fireEvent.contextMenu(header('object'), { clientX: 40, clientY: 10 })
    const only = await screen.findByTestId('column-toggle-object')
    expect(only.getAttribute('aria-disabled')).toBe('true')
    expect(only.getAttribute('title')).toMatch(/at least one column/)
  })

  it('follows the store: prefs that load after the first paint apply at once', async () => {
    const store = setup()
    expect(headers()).not.toContain('duration')
    act(() => store.update({ listPrefs: prefs({ hidden: [], sort: { column: 'duration', dir: 'desc' } }) }))
    // (The panel re-renders from the store at most every STORE_THROTTLE_MS.)
    await waitFor(() => expect(headers()).toContain('duration'))
    expect(header('duration').getAttribute('aria-sort')).toBe('descending')
  })
})

describe('Group by upload', () => {
  it('groups each multipart session with its preflights, the Initiate preflight included', () => {
    const records = captureRecords(groupedUploadSpecs(), 100)
    const of = uploadMembership(records)
    expect(records.filter((r) => of.get(r.id) === UPLOAD_ID)).toHaveLength(8)
    expect(records.filter((r) => of.get(r.id) === UPLOAD_ID_2)).toHaveLength(10)
    expect(of.get(records[0]!.id)).toBe(UPLOAD_ID) // OPTIONS …?uploads, before the Initiate
  })

  it('is off until switched on; then each session is one row with its parts, failures and outcome', () => {
    const store = setup(uploads())
    expect(screen.queryAllByTestId('bos-group')).toHaveLength(0)
    fireEvent.click(screen.getByTestId('group-by-upload'))
    expect(store.calls.listPrefs.at(-1)!.groupByUpload).toBe(true)
    expect(grid().getAttribute('role')).toBe('treegrid')
    const groups = screen.getAllByTestId('bos-group')
    expect(groups.map((g) => g.dataset.uploadId)).toEqual([UPLOAD_ID, UPLOAD_ID_2])
    expect(screen.getAllByTestId('bos-row')).toHaveLength(10) // the other requests
    const [failed, done] = groups
    expect(failed!.getAttribute('aria-expanded')).toBe('false')
    expect(failed!.querySelector('[data-testid=group-parts]')!.textContent).toBe('2 parts')
    expect(failed!.querySelector('[data-testid=group-failed]')!.textContent).toBe('1 failed')
    expect(failed!.querySelector('[data-testid=group-outcome]')!.textContent).toBe('Complete failed')
    expect(failed!.querySelector('.c-code')!.textContent).toBe('InvalidPart')
    expect(done!.querySelector('[data-testid=group-parts]')!.textContent).toBe('3 parts')
    expect(done!.querySelector('[data-testid=group-failed]')).toBeNull()
    expect(done!.querySelector('[data-testid=group-outcome]')!.textContent).toBe('completed')
  })

  it('a click opens a group below its row and closes it again', () => {
    setup(uploads(), prefs({ groupByUpload: true }))
    const group = () => screen.getAllByTestId('bos-group')[0]!
    fireEvent.click(group())
    expect(group().getAttribute('aria-expanded')).toBe('true')
    const ids = rowIds()
    const at = ids.indexOf(UPLOAD_ID)
    expect(ids.slice(at + 1, at + 9).map(Number)).toEqual([100, 101, 102, 103, 104, 105, 106, 107])
    expect(document.querySelector('[data-record-id="100"]')!.getAttribute('aria-level')).toBe('2')
    fireEvent.click(group())
    expect(group().getAttribute('aria-expanded')).toBe('false')
    expect(document.querySelector('[data-record-id="100"]')).toBeNull()
  })

  it('keys as in a tree grid: ArrowRight opens, then enters; ArrowLeft goes to the group, then closes it; Enter toggles', () => {
    setup(uploads(), prefs({ groupByUpload: true }))
    const group = () => screen.getAllByTestId('bos-group')[0]!
    const active = () => grid().getAttribute('aria-activedescendant')
    fireEvent.click(screen.getAllByTestId('bos-row').at(-1)!) // the last request before the groups
    key('Escape')
    key('ArrowDown')
    expect(active()).toBe(group().id)
    key('ArrowRight')
    expect(group().getAttribute('aria-expanded')).toBe('true')
    key('ArrowRight')
    expect(active()).toBe('bos-row-100')
    key('ArrowDown')
    key('ArrowLeft')
    expect(active()).toBe(group().id)
    key('ArrowLeft')
    expect(group().getAttribute('aria-expanded')).toBe('false')
    key('Enter')
    expect(group().getAttribute('aria-expanded')).toBe('true')
    expect(screen.queryByTestId('detail')).toBeNull()
  })

  it('sorts the groups by their first request and the requests inside them', () => {
    const rows = buildRows(uploads(), { column: 'time', dir: 'desc' }, true, new Set([UPLOAD_ID_2]))
    const at = rows.findIndex((r) => r.kind === 'group' && r.group.uploadId === UPLOAD_ID_2)
    expect(at).toBeLessThan(rows.findIndex((r) => r.kind === 'group' && r.group.uploadId === UPLOAD_ID))
    const inside = rows.slice(at + 1, at + 11).map((r) => (r.kind === 'record' ? r.record.id : null))
    expect(inside).toEqual([...inside].sort((a, b) => b! - a!))
    expect(rows.filter((r) => r.kind === 'record' && r.child)).toHaveLength(10)
  })
})
