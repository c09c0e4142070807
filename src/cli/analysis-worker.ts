// The helper thread's side of `analyze` (analysis-helper.ts is the main thread's): it parses, analyses and
// renders the BOS entries the main thread's reader hands it, while the reader goes on through the file.
// Only entries outside upload sessions come here: their analysis reads and changes nothing across entries
// but the capture notes, whose state goes back with the counts at the end. Some come unread (the reader's
// HarHandOff): the helper parses them and gives the reader's verdict, and says when one was not an entry
// after all, or was of an upload session; the main thread then reads the file again without it.
import type { CaptureNotesState } from '../core/capture-notes.ts'
import type { EntryAnalysis } from '../core/types.ts'
import { BosAnalyzer, compileHostPatterns, isSessionRequest, parseHarEntry, recordIsBos } from '../core/index.ts'
import { type Options, renderer, Tally, type TallyCounts } from './tally.ts'

/** How the helper is set up (Worker's workerData): the command's options, and whether text is coloured. */
export interface HelperInit extends Options {
  bosDevtoolsHelper: true
  color: boolean
}

/** Main thread to helper. */
export type ToHelper =
  /**
   * Entry k is `bytes` [ends[k-1], ends[k]) (from 0), at log.entries[indexes[k]], or at [-1 - indexes[k]]
   * when that is negative: an entry handed off unread, not yet parsed nor known to be BOS.
   */
  { kind: 'batch'; indexes: Int32Array; ends: Int32Array; bytes: Uint8Array } | { kind: 'end' }

/** Helper to main thread. */
export type FromHelper =
  /**
   * For the batch posted before it: report k is `reports` [from, ends[k]), from the last end before it
   * that is not negative (or 0); -1: no report, the entry was not BOS after all; -2: an entry handed off
   * unread did not parse as one, or is of an upload session (the read must be made again).
   */
  | { kind: 'reports'; ends: Int32Array; reports: Uint8Array }
  | { kind: 'counts'; counts: TallyCounts; notes: CaptureNotesState }
  | { kind: 'failed'; error: string }

const MISREAD = Symbol('misread')

export const isHelperInit = (data: unknown): data is HelperInit => (data as HelperInit | null)?.bosDevtoolsHelper === true

/** What the helper answers each message with; `post` sends with the buffers to transfer. */
export function helperHandler(init: HelperInit, post: (m: FromHelper, transfer: ArrayBuffer[]) => void): (m: ToHelper) => void {
  const analyzer = new BosAnalyzer({ customHosts: init.hosts })
  const tally = new Tally(init)
  const render = renderer(init, init.color)
  const isCustomHost = compileHostPatterns(init.hosts)
  /**
   * An entry handed off unread, parsed and given the reader's verdict: the analysis, null (not BOS), or
   * MISREAD when its bytes are not one entry (they begin with "{", so bytes that parse are one) or it is of
   * an upload session.
   */
  const unread = (bytes: Uint8Array, index: number): EntryAnalysis | null | typeof MISREAD => {
    let raw: unknown
    try {
      raw = parseHarEntry(bytes)
    } catch {
      return MISREAD
    }
    if (!recordIsBos(raw, isCustomHost)) return null
    return isSessionRequest(raw) ? MISREAD : analyzer.analyze(raw, index, true)
  }
  return (m) => {
    try {
      if (m.kind === 'end') {
        post({ kind: 'counts', counts: tally.counts(), notes: analyzer.captureNotes.state() }, [])
        return
      }
      const n = m.indexes.length
      const ends = new Int32Array(n)
      // UTF-8 as the main thread's ReportArena writes it (Buffer.write: a lone surrogate as U+FFFD).
      let out = Buffer.allocUnsafeSlow(1 << 18)
      let at = 0
      for (let k = 0, from = 0; k < n; k++) {
        const to = m.ends[k]!
        const index = m.indexes[k]!
        const bytes = m.bytes.subarray(from, to)
        const a = index >= 0 ? analyzer.analyze(parseHarEntry(bytes), index, true) : unread(bytes, -1 - index)
        from = to
        if (a === MISREAD) {
          ends[k] = -2
          continue
        }
        if (!a) {
          ends[k] = -1
          continue
        }
        const text = render(tally.add(a))
        if (at + text.length * 3 > out.length) {
          const bigger = Buffer.allocUnsafeSlow(Math.max(2 * out.length, at + text.length * 3))
          out.copy(bigger, 0, 0, at)
          out = bigger
        }
        at += out.write(text, at, 'utf8')
        ends[k] = at
      }
      const reports = new Uint8Array(out.buffer, 0, at)
      post({ kind: 'reports', ends, reports }, [out.buffer as ArrayBuffer, ends.buffer as ArrayBuffer])
    } catch (e) {
      post({ kind: 'failed', error: (e as Error)?.stack ?? String(e) }, [])
    }
  }
}
