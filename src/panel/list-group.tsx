// Group by upload: a multipart session (InitiateMultipartUpload, UploadPart×N, Complete or Abort, and
// their preflights) folded into one row that shows its state at a glance (parts, failures, how it ended)
// and opens like a tree grid's. A session is its uploadId, as the core's src/core/sessions.ts groups it;
// the preflight of an Initiate (`?uploads`, no uploadId yet) joins the Initiate that follows it. Loaded
// with the views (./views.ts); ./list-rows.ts calls groupRows once it is in.
import type { ColumnDef } from './columns.ts'
import type { CapturedRecord } from '../devtools/store-types.ts'
import { bytes, clockTime, duration, isFailed, objectLabel, partNumberOf, recordSize, recordTime } from './format.ts'
import { t, tn } from './i18n.ts'
import { Badges, type ListRow, MiddleTruncated, rowClass, rowDomId, type UploadGroup, type UploadOutcomeShown } from './ListCells.tsx'

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

/** `sorted` (the list's order of `records`, capture order) with each session of two or more requests as one row. */
export function groupRows(records: readonly CapturedRecord[], sorted: readonly CapturedRecord[], expanded: ReadonlySet<string>): ListRow[] {
  const single = (record: CapturedRecord, child = false): ListRow => ({ kind: 'record', id: record.id, record, child })
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

const OUTCOME = {
  completed: 'list.group.outcome.completed',
  aborted: 'list.group.outcome.aborted',
  failed: 'list.group.outcome.failed',
  'in-progress': 'list.group.outcome.in-progress',
} as const

interface GroupRowProps {
  row: Extract<ListRow, { kind: 'group' }>
  columns: readonly ColumnDef[]
  index: number
  selected: boolean
  onClick: () => void
}

/** A multipart session folded into one row: what it is, its parts and failures, how it ended. */
export function GroupRow({ row: { id, group: g, expanded }, columns, index, selected, onClick }: GroupRowProps) {
  const first = g.members[0]!
  const initiate = g.members.find((m) => m.analysis.operation === 'InitiateMultipartUpload') ?? first
  const label = objectLabel(initiate)
  const times = g.members.map((m) => Date.parse(recordTime(m) ?? ''))
  const cell = (c: ColumnDef) => {
    switch (c.id) {
      case 'time':
        return clockTime(recordTime(first))
      case 'op':
        return (
          <>
            <span class={`disclosure${expanded ? ' open' : ''}`} aria-hidden="true" />
            {t('list.group.label')}
          </>
        )
      case 'object':
        return (
          <>
            <span class="tag" data-testid="group-parts">
              {tn('list.group.parts', g.parts)}
            </span>
            {g.failed > 0 && (
              <span class="tag tag-error" data-testid="group-failed">
                {t('list.group.failed', { count: g.failed })}
              </span>
            )}
            <span class={`tag group-outcome-${g.outcome}`} data-testid="group-outcome">
              {t(OUTCOME[g.outcome])}
            </span>
            <MiddleTruncated text={label} />
          </>
        )
      case 'code':
        return g.members.find((m) => m.analysis.error)?.analysis.error?.code ?? ''
      case 'size':
        return bytes(g.members.reduce((sum, m) => sum + (m.analysis.operation === 'UploadPart' ? recordSize(m) : 0), 0))
      case 'duration': {
        const ends = g.members.map((m, i) => times[i]! + (m.entry.time ?? 0))
        return duration(Math.max(...ends) - Math.min(...times))
      }
      case 'findings':
        return <Badges findings={g.members.flatMap((m) => m.analysis.findings)} />
      default:
        return ''
    }
  }
  return (
    <div
      role="row"
      id={rowDomId(id)}
      class={rowClass(index, selected, 'group-row', g.outcome === 'failed' && 'error')}
      aria-rowindex={index + 2}
      aria-selected={selected}
      aria-level={1}
      aria-expanded={expanded}
      data-testid="bos-group"
      data-upload-id={g.uploadId}
      data-members={g.members.length}
      onClick={onClick}
    >
      {columns.map((c) => (
        <div key={c.id} role="gridcell" class={`c-${c.id}`} title={c.id === 'object' ? `${label}\n${g.uploadId}` : undefined}>
          {cell(c)}
        </div>
      ))}
      <div role="gridcell" class="c-copy" />
    </div>
  )
}
