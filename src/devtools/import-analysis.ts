// A HAR file analysed like a DevTools session read at once: a fresh analyzer that prescans (so multipart
// parts are judged knowing their Complete), the same trimming as capture, pausing every few tens of ms to
// let the panel paint and capture go on. The records come back with id 0: the store numbers them when
// it commits them.
import { BosAnalyzer } from '../core/index.ts'
import { guard } from './guard.ts'
import { bodyFromContent, dropBody, knownSize, trimEntry, wantsBody } from './record.ts'
import type { CapturedRecord } from './store-types.ts'

/** An import analyses for this long, then lets the page breathe. */
export const IMPORT_SLICE_MS = 40

/** Yields to the event loop: scheduler.yield() where there is one (no 4 ms clamp of nested timers), else a timer. */
const breathe = (): Promise<unknown> => {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler
  return typeof scheduler?.yield === 'function' ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0))
}

export async function analyseImport(
  entries: readonly unknown[],
  customHosts: readonly string[],
  { sliceMs = IMPORT_SLICE_MS, pause = breathe }: { sliceMs?: number; pause?: () => Promise<unknown> } = {},
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
      const analysis = importer.analyze(entries[i], i)
      if (!analysis) return
      let record = trimEntry(entries[i], 0, 'import', analysis)
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
      ready.push(record)
    })
  }
  // Requests that look signed but kept no Authorization: a HAR exported without sensitive data.
  return { records: ready, withoutAuthorization: importer.captureNotes.strippedRequests() }
}
