// The list's columns as the Network panel has them: each with its header, its default width, the key it
// sorts by, and the grid template the visible ones make (the default layout, or the widths the user
// dragged, as proportions so the columns always fill the list). Pure: no DOM, no store.
// Types only from ../devtools/list-prefs.ts: a module both the DevTools page and the panel load at startup
// becomes a chunk of its own in the panel's startup (about 2 KB), so its few values are repeated here and
// test/panel/columns.test.ts holds them equal.
import type { ColumnId, ListPrefs } from '../devtools/list-prefs.ts'
import type { CapturedRecord } from '../devtools/store-types.ts'
import type { UiKey } from '../i18n/index.ts'
import { objectLabel, RANK, recordSize, recordTime } from './format.ts'

export interface ColumnDef {
  id: ColumnId
  label: Extract<UiKey, `list.col.${string}`>
  /** The default layout's grid track. */
  track: string
  /** Its width in px there, as a proportion once the user has resized a column. */
  width: number
  /** Kept when the list is narrow (the detail open, DevTools docked right). */
  narrow?: boolean
  /** Numbers sort and align right. */
  numeric?: boolean
  sortKey: (r: CapturedRecord) => number | string
}

const lower = (s: string | null | undefined) => (s ?? '').toLowerCase()

/** In COLUMN_IDS order. Operation and Code grow to their longest names before Bucket/Key takes the rest. */
export const COLUMNS: readonly ColumnDef[] = [
  { id: 'time', label: 'list.col.time', track: '96px', width: 96, sortKey: (r) => Date.parse(recordTime(r) ?? '') || 0 },
  { id: 'method', label: 'list.col.method', track: '68px', width: 68, sortKey: (r) => r.analysis.method.toUpperCase() },
  { id: 'op', label: 'list.col.operation', track: 'minmax(110px, 236px)', width: 180, narrow: true, sortKey: (r) => lower(r.analysis.operation) },
  { id: 'object', label: 'list.col.object', track: 'minmax(120px, 1fr)', width: 300, narrow: true, sortKey: (r) => lower(objectLabel(r)) },
  { id: 'status', label: 'list.col.status', track: '60px', width: 60, narrow: true, numeric: true, sortKey: (r) => r.analysis.status },
  { id: 'code', label: 'list.col.code', track: 'minmax(90px, 200px)', width: 150, sortKey: (r) => lower(r.analysis.error?.code) },
  { id: 'size', label: 'list.col.size', track: '66px', width: 66, numeric: true, sortKey: recordSize },
  { id: 'duration', label: 'list.col.duration', track: '66px', width: 66, numeric: true, sortKey: (r) => r.entry.time ?? 0 },
  {
    id: 'findings',
    label: 'list.col.findings',
    track: 'minmax(100px, 180px)',
    width: 140,
    narrow: true,
    // The worst severity first, then how many.
    sortKey: (r) => r.analysis.findings.reduce((m, f) => Math.max(m, RANK[f.severity] * 1000), 0) + r.analysis.findings.length,
  },
]

export const columnDef = (id: ColumnId): ColumnDef => COLUMNS.find((c) => c.id === id)!

/** As ../devtools/list-prefs.ts's DEFAULT_LIST_PREFS and MIN_COLUMN_WIDTH. */
export const DEFAULT_PREFS: ListPrefs = { hidden: ['duration'], widths: {}, sort: null, groupByUpload: false }
export const MIN_WIDTH = 32

/** The default tracks of a narrow list, which keeps only Operation, Bucket/Key, Status and Findings. */
const narrowDefault: Partial<Record<ColumnId, string>> = {
  op: 'minmax(70px, 0.8fr)',
  object: 'minmax(80px, 1.6fr)',
  status: '58px',
  findings: 'minmax(100px, 0.8fr)',
}

/** The copy button's track after the columns. */
const COPY_TRACK = '26px'

/** The visible columns, in order. */
export const visibleColumns = (prefs: ListPrefs): ColumnDef[] => COLUMNS.filter((c) => !prefs.hidden.includes(c.id))

/**
 * The grid template of `columns`: the default tracks, or once a width was set, every column in
 * proportion to its width (the Network panel's behaviour: the columns always fill the list).
 */
export function gridTemplate(columns: readonly ColumnDef[], widths: ListPrefs['widths'], narrow = false): string {
  const sized = Object.keys(widths).length > 0
  if (narrow) columns = columns.filter((c) => c.narrow)
  const tracks = columns.map((c) => (sized ? `minmax(${MIN_WIDTH}px, ${widths[c.id] ?? c.width}fr)` : narrow ? (narrowDefault[c.id] ?? c.track) : c.track))
  return [...tracks, COPY_TRACK].join(' ')
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })
const compare = (a: number | string, b: number | string): number =>
  typeof a === 'number' && typeof b === 'number' ? a - b : collator.compare(String(a), String(b))

/** The records in the order `sort` asks for; stable (equal keys keep capture order), the same array when unsorted. */
export function sortRecords(records: readonly CapturedRecord[], sort: ListPrefs['sort']): readonly CapturedRecord[] {
  if (!sort) return records
  const key = columnDef(sort.column).sortKey
  const dir = sort.dir === 'asc' ? 1 : -1
  const keyed = records.map((r, i) => ({ r, i, k: key(r) }))
  keyed.sort((a, b) => dir * compare(a.k, b.k) || a.i - b.i)
  return keyed.map((x) => x.r)
}

/** A header click: ascending, then descending, then the capture order again. */
export function nextSort(sort: ListPrefs['sort'], column: ColumnId): ListPrefs['sort'] {
  if (sort?.column !== column) return { column, dir: 'asc' }
  return sort.dir === 'asc' ? { column, dir: 'desc' } : null
}
