// What the panel is given of one upload session: the tracker's facts, each linked to its row while the
// row is listed. Shared by the capture store and the panel tests' fake, so both say the same.
import type { SessionTracker } from '../core/sessions.ts'
import type { LiveUploadSession, UploadSessionView } from './store-types.ts'

export function uploadSessionView(tracker: SessionTracker, uploadId: string, listed: (id: number) => boolean): UploadSessionView {
  const s = tracker.uploadSession(uploadId)
  if (!s) return { state: tracker.wasForgotten(uploadId) ? 'forgotten' : 'unknown', uploadId }
  const row = (i: number | null) => (i !== null && listed(i) ? i : null)
  const session: LiveUploadSession = {
    ...s,
    parts: s.parts.map((p) => ({ ...p, row: row(p.index) })),
    initiateRow: row(s.initiateIndex),
    completeRow: row(s.completeIndex),
    abortRow: row(s.abortIndex),
    rowsDropped: s.entries.reduce((n, i) => (listed(i) ? n : n + 1), 0),
    notKept: tracker.notKept(uploadId),
  }
  return { state: 'tracked', session }
}
