// The rows the list shows: the records in their sort order, or with "Group by upload" on, each multipart
// session (InitiateMultipartUpload, UploadPart×N, Complete or Abort, and their preflights) folded into one
// row that opens like a tree grid's. A session is its uploadId, as the core's src/core/sessions.ts groups
// it; the preflight of an Initiate (`?uploads`, no uploadId yet) joins the Initiate that follows it.
// Pure: no DOM, no store.
import type { ListPrefs } from '../devtools/list-prefs.ts'
import type { CapturedRecord } from '../devtools/store-types.ts'
import { sortRecords } from './columns.ts'
import { isFailed, partNumberOf } from './format.ts'

export type UploadOutcomeShown = 'completed' | 'aborted' | 'failed' | 'in-progress'

export interface UploadGroup {
  uploadId: string
  /** Its members in the list's order. */
  members: CapturedRecord[]
  /** Distinct part numbers sent. */
  parts: number
  /** Members that failed (preflights included: a refused preflight stops the upload). */
  failed: number
  outcome: UploadOutcomeShown
}

export type ListRow =
  | { kind: 'record'; id: number; record: CapturedRecord /** Inside an open group. */; child: boolean }
  | { kind: 'group'; id: number; group: UploadGroup; expanded: boolean }

/** Row ids of groups: negative, so they never meet a record's id; stable for the panel's life. */
const groupIds = new Map<string, number>()
export function groupRowId(uploadId: string): number {
  let id = groupIds.get(uploadId)
  if (id === undefined) groupIds.set(uploadId, (id = -1 - groupIds.size))
  return id
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k)
  if (list) list.push(v)
  else m.set(k, [v])
}

const INITIATE_QUERY = /[?&]uploads(?:=|&|#|$)/
const pathOf = (url: string) => url.replace(/[?#].*$/s, '')

/** uploadId by record id, for the records of a session; `records` in capture order. */
export function uploadMembership(records: readonly CapturedRecord[]): Map<number, string> {
  const of = new Map<number, string>()
  /** Preflights of an Initiate waiting for it, by URL path. */
  const waiting = new Map<string, number[]>()
  for (const r of records) {
    const a = r.analysis
    if (a.preflight && !a.uploadId && INITIATE_QUERY.test(a.url)) {
      push(waiting, pathOf(a.url), r.id)
      continue
    }
    if (!a.uploadId) continue
    of.set(r.id, a.uploadId)
    if (a.operation === 'InitiateMultipartUpload') {
      const path = pathOf(a.url)
      for (const id of waiting.get(path) ?? []) of.set(id, a.uploadId)
      waiting.delete(path)
    }
  }
  return of
}

function summarise(uploadId: string, members: CapturedRecord[]): UploadGroup {
  const parts = new Set<number>()
  let failed = 0
  let outcome: UploadOutcomeShown = 'in-progress'
  for (const r of members) {
    const a = r.analysis
    const bad = isFailed(a)
    if (bad) failed++
    if (a.preflight) continue
    const n = a.operation === 'UploadPart' || a.operation === 'UploadPartCopy' ? partNumberOf(a.url) : null
    if (n !== null) parts.add(n)
    if (a.operation === 'CompleteMultipartUpload' && outcome !== 'completed') outcome = bad ? 'failed' : 'completed'
    if (a.operation === 'AbortMultipartUpload' && !bad && outcome !== 'completed') outcome = 'aborted'
  }
  return { uploadId, members, parts: parts.size, failed, outcome }
}

/**
 * The list's rows: `records` (capture order, already filtered) sorted as `sort` says; grouped, each
 * session of two or more requests is one row where its first request would be, followed, when it is in
 * `expanded`, by its requests in the same order.
 */
export function buildRows(records: readonly CapturedRecord[], sort: ListPrefs['sort'], grouped: boolean, expanded: ReadonlySet<string>): ListRow[] {
  const sorted = sortRecords(records, sort)
  const single = (record: CapturedRecord, child = false): ListRow => ({ kind: 'record', id: record.id, record, child })
  if (!grouped) return sorted.map((r) => single(r))
  const membership = uploadMembership(records)
  const members = new Map<string, CapturedRecord[]>()
  for (const r of sorted) {
    const u = membership.get(r.id)
    if (u !== undefined) push(members, u, r)
  }
  const rows: ListRow[] = []
  const placed = new Set<string>()
  for (const r of sorted) {
    const u = membership.get(r.id)
    const list = u === undefined ? undefined : members.get(u)
    if (u === undefined || !list || list.length < 2) {
      rows.push(single(r))
      continue
    }
    if (placed.has(u)) continue
    placed.add(u)
    const open = expanded.has(u)
    rows.push({ kind: 'group', id: groupRowId(u), group: summarise(u, list), expanded: open })
    if (open) for (const m of list) rows.push(single(m, true))
  }
  return rows
}
