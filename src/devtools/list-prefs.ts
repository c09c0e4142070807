// How the user set up the request list: hidden columns, widths, sort order and "Group by upload". Kept in
// chrome.storage.local (./settings.ts) and validated when read back: another version may have written it,
// and a bad value must never break the list. Pure data, shared by the DevTools page and the panel.

/** The list's columns in display order (the copy button after them is not a column the user manages). */
export const COLUMN_IDS = ['time', 'method', 'op', 'object', 'status', 'code', 'size', 'duration', 'findings'] as const
export type ColumnId = (typeof COLUMN_IDS)[number]

export type SortDir = 'asc' | 'desc'

export interface ListPrefs {
  hidden: readonly ColumnId[]
  /** Widths in px set by dragging a header edge; none: the default layout. */
  widths: Readonly<Partial<Record<ColumnId, number>>>
  sort: { column: ColumnId; dir: SortDir } | null
  groupByUpload: boolean
}

/** Hidden until the user shows them: the list stays as dense as it was. */
export const DEFAULT_LIST_PREFS: ListPrefs = Object.freeze({
  hidden: Object.freeze(['duration'] as ColumnId[]),
  widths: Object.freeze({}),
  sort: null,
  groupByUpload: false,
})

export const MIN_COLUMN_WIDTH = 32
export const MAX_COLUMN_WIDTH = 2000

const isColumn = (v: unknown): v is ColumnId => typeof v === 'string' && (COLUMN_IDS as readonly string[]).includes(v)

/** What was stored, kept where valid and defaulted where not; undefined when nothing usable is there. */
export function readListPrefs(v: unknown): ListPrefs | undefined {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined
  const o = v as Record<string, unknown>
  const hidden = Array.isArray(o.hidden) ? [...new Set(o.hidden.filter(isColumn))] : [...DEFAULT_LIST_PREFS.hidden]
  const widths: Partial<Record<ColumnId, number>> = {}
  if (o.widths && typeof o.widths === 'object') {
    for (const [k, w] of Object.entries(o.widths)) {
      if (isColumn(k) && typeof w === 'number' && Number.isFinite(w)) widths[k] = Math.round(Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, w)))
    }
  }
  const s = o.sort as Record<string, unknown> | null | undefined
  const sort = s && isColumn(s.column) && (s.dir === 'asc' || s.dir === 'desc') ? { column: s.column, dir: s.dir as SortDir } : null
  return {
    // At least one column stays: a list of nothing but copy buttons cannot be set up again from its header.
    hidden: hidden.length >= COLUMN_IDS.length ? [] : hidden,
    widths,
    sort,
    groupByUpload: o.groupByUpload === true,
  }
}
