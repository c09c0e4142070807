// Pieces of the list's rows that request rows (RequestList.tsx) and upload-group rows (list-group.tsx,
// loaded later) share.
import type { CapturedRecord } from '../devtools/store-types.ts'
import { findingBadges, splitForMiddle } from './format.ts'

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

const MAX_BADGES = 3

export const rowDomId = (id: number) => `bos-row-${id}`

export const rowClass = (index: number, selected: boolean, ...more: (string | false)[]) =>
  ['grid-row', index % 2 ? 'odd' : 'even', selected && 'selected', ...more].filter(Boolean).join(' ')

export function Badges({ findings }: { findings: CapturedRecord['analysis']['findings'] }) {
  const badges = findingBadges(findings)
  const shown = badges.slice(0, MAX_BADGES)
  return (
    <>
      {shown.map((b) => (
        <span key={b.key} class={`badge badge-${b.severity}`} title={b.title}>
          {b.label}
        </span>
      ))}
      {badges.length > shown.length && (
        <span
          class="badge badge-more"
          title={badges
            .slice(MAX_BADGES)
            .map((b) => b.title)
            .join('\n')}
        >
          +{badges.length - shown.length}
        </span>
      )}
    </>
  )
}

export function MiddleTruncated({ text }: { text: string }) {
  const { head, tail } = splitForMiddle(text)
  return (
    <span class="mid-trunc">
      {head && <span class="head">{head}</span>}
      <span class="tail">{tail}</span>
    </span>
  )
}
