// A HAR file analysed like a DevTools session read at once: a fresh analyzer that prescans (so multipart
// parts are judged knowing their Complete), the same trimming as capture, pausing every few tens of ms to
// let the panel paint and capture go on. The records come back with id 0: the store numbers them when
// it commits them.
import { BosAnalyzer, isSessionRequest } from '../core/index.ts'
import { guard, nextTask } from './guard.ts'
import { bodyFromContent, dropBody, knownSize, trimEntry, wantsBody } from './record.ts'
import type { CapturedRecord } from './store-types.ts'

/** An import analyses for this long, then lets the page breathe. */
export const IMPORT_SLICE_MS = 40

export async function analyseImport(
  entries: readonly unknown[],
  customHosts: readonly string[],
  { sliceMs = IMPORT_SLICE_MS, pause = nextTask }: { sliceMs?: number; pause?: () => Promise<unknown> } = {},
): Promise<{ records: CapturedRecord[]; withoutAuthorization: number }> {
  const importer = new BosAnalyzer({ customHosts })
  importer.prescan(entries)
  const ready: CapturedRecord[] = []
  let since = Date.now()
  for (let i = 0; i < entries.length; i++) {
    if (Date.now() - since > sliceMs) {
      await pause()
      since = Date.now()
    }
    guard(() => {
      const record = importRecord(importer, entries[i], i)
      if (record) ready.push(record)
    })
  }
  // Requests that look signed but kept no Authorization: a HAR exported without sensitive data.
  return { records: ready, withoutAuthorization: importer.captureNotes.strippedRequests() }
}

/** One entry of a file as the record the store would keep (id 0, no DevTools to ask for a body), or null when it is not BOS. */
function importRecord(importer: BosAnalyzer, raw: unknown, i: number): CapturedRecord | null {
  const analysis = importer.analyze(raw, i)
  if (!analysis) return null
  let record = trimEntry(raw, 0, 'import', analysis)
  const { content } = record.entry.response
  const reanalyse = () => (record = { ...record, analysis: importer.analyze(record.entry, i) ?? analysis })
  if (record.body.state === 'pending') {
    // No DevTools to ask: a body the file does not hold is unavailable.
    record = bodyFromContent(record, { text: null, encoding: null })
  } else if (record.body.state === 'loaded' && !wantsBody(analysis.method, analysis.status, content.mimeType, knownSize(content))) {
    // Downloads and pages saved with their content: not kept, as in capture (memory).
    record = dropBody(record)
    reanalyse()
  } else if (record.body.capped) {
    reanalyse()
  }
  return record
}

/** What a streamed import has analysed so far, staged until it is committed. */
export interface ImportStaging {
  /** Analyses entries that may be BOS, in file order; not-BOS ones are skipped. */
  add(entries: readonly unknown[]): void
  /**
   * The staged records in file order (at most `keep`), how many were left out to stay within it (they come
   * before), the entries of the multipart/append requests among those by their place in that order (the
   * store's upload sessions outlive the rows: it learns them as dropped rows), and the Authorization note.
   */
  result(): { records: CapturedRecord[]; spilled: number; spilledSessions: ReadonlyMap<number, CapturedRecord['entry']>; withoutAuthorization: number }
  /** Records staged so far (left-out ones included). */
  readonly count: number
}

/**
 * A file analysed batch by batch as a reader streams it (import of a file too big to hold): each batch is
 * prescanned before it is analysed, and when a Complete arrives the parts staged before it are analysed
 * again, as live capture does, so a part is judged knowing its Complete. Only the last `keep` records are
 * held (the list keeps no more): memory stays bounded whatever the file's size.
 */
export function createImportStaging(customHosts: readonly string[], keep: number, keepSessionEntries: number): ImportStaging {
  // Bounded as the store's own sessions are: a file of any size must not grow the staging's session state.
  const importer = new BosAnalyzer({ customHosts, sessionLimits: { maxEntries: keepSessionEntries } })
  const staged = new Map<number, CapturedRecord>() // by the analyzer's index, in insertion (file) order
  // The trimmed entries of session requests left out, by their place among those left out: no more than
  // the store's session memory holds (it would forget the oldest sessions' facts anyway).
  const spilledSessions = new Map<number, CapturedRecord['entry']>()
  let next = 0
  let spilled = 0
  return {
    add(entries) {
      const first = next
      entries.forEach((raw, k) => guard(() => importer.prescanEntry(raw, first + k)))
      for (const raw of entries) {
        const i = next++
        guard(() => {
          const record = importRecord(importer, raw, i)
          if (!record) return
          staged.set(i, record)
          const { operation, uploadId } = record.analysis
          if (operation === 'CompleteMultipartUpload' && uploadId) {
            for (const j of importer.sessions.relatedEntries(uploadId)) {
              const part = j === i ? undefined : staged.get(j)
              const analysis = part && importer.analyze(part.entry, j)
              if (part && analysis) staged.set(j, { ...part, analysis })
            }
          }
          if (staged.size > keep) {
            const [first, out] = staged.entries().next().value!
            staged.delete(first)
            if (isSessionRequest(out.entry)) {
              spilledSessions.set(spilled, out.entry)
              if (spilledSessions.size > keepSessionEntries) spilledSessions.delete(spilledSessions.keys().next().value!)
            }
            spilled++
          }
        })
      }
    },
    result: () => ({ records: [...staged.values()], spilled, spilledSessions, withoutAuthorization: importer.captureNotes.strippedRequests() }),
    get count() {
      return staged.size + spilled
    },
  }
}
