// The rows the list shows: the records in their sort order, or with "Group by upload" on, each multipart
// session folded into one row that opens like a tree grid's (./list-group.tsx, loaded with the views
// right after the first paint: until then the list is not grouped). Pure: no DOM, no store.
import type { ListPrefs } from '../devtools/list-prefs.ts'
import type { CapturedRecord } from '../devtools/store-types.ts'
import { sortRecords } from './columns.ts'
import { viewParts } from './ViewParts.tsx'

export type { ListRow, UploadGroup, UploadOutcomeShown } from './ListCells.tsx'
import type { ListRow } from './ListCells.tsx'

/**
 * The list's rows: `records` (capture order, already filtered) sorted as `sort` says; grouped (once the
 * grouping code is in), each session of two or more requests is one row where its first request would
 * be, followed, when it is in `expanded`, by its requests in the same order.
 */
export function buildRows(records: readonly CapturedRecord[], sort: ListPrefs['sort'], grouped: boolean, expanded: ReadonlySet<string>): ListRow[] {
  const sorted = sortRecords(records, sort)
  const group = grouped ? viewParts()?.groupRows : undefined
  return group ? group(records, sorted, expanded) : sorted.map((record) => ({ kind: 'record', id: record.id, record, child: false }))
}
