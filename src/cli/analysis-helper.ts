// A second thread for `analyze`: on a big HAR, reading (the structural scan and JSON.parse of each entry)
// and analysing (the analysis, JSON.stringify of the report, UTF-8) cost about the same, so the main
// thread reads and hands the BOS entries outside upload sessions, as bytes, to a helper thread
// (analysis-worker.ts) that analyses and renders them. Their reports come back as UTF-8 into the same
// ReportArena the main thread fills, so the report is written as before. The main thread analyses an
// entry itself while the helper has enough queued, so neither waits on the other.
import { MessageChannel, type MessagePort, receiveMessageOnPort, type Worker } from 'node:worker_threads'
import type { CaptureNotesState } from '../core/capture-notes.ts'
import type { FromHelper, HelperInit, ToHelper } from './analysis-worker.ts'
import type { ReportArena } from './report-arena.ts'
import type { TallyCounts } from './tally.ts'

/**
 * The helper's thread as the main thread sees it: a Worker and a MessageChannel (workerPort), or a test's
 * stand-in. The main thread reads the file with synchronous reads, so it never yields to the event loop
 * while it reads: the answers are taken with poll() (receiveMessageOnPort) as it goes.
 */
export interface HelperPort {
  post(m: ToHelper, transfer: ArrayBuffer[]): void
  /** The helper's next answer if it has come, without waiting. */
  poll(): FromHelper | undefined
  /** Every answer from now on, as it comes; `failed` if the thread fails or stops first. */
  listen(answer: (m: FromHelper) => void, failed: (e: Error) => void): void
  terminate(): void
}

/** The real thing: a Worker running the helper, spoken to on its own channel. */
export function workerPort(start: (port: MessagePort) => Worker): HelperPort {
  const { port1, port2 } = new MessageChannel()
  const worker = start(port2)
  let stopping = false
  // Kept from the start: with standard input the event loop turns while the input is read, and a
  // thread that failed then must not be missed.
  let failure: Error | null = null
  let failed: ((e: Error) => void) | null = null
  const fail = (e: Error) => {
    failure ??= e
    failed?.(failure)
  }
  worker.on('error', fail)
  worker.on('exit', (code) => stopping || fail(new Error(`the analysis helper thread stopped (exit code ${code})`)))
  return {
    post: (m, transfer) => port1.postMessage(m, transfer),
    poll: () => receiveMessageOnPort(port1)?.message as FromHelper | undefined,
    listen(answer, onFail) {
      port1.on('message', answer)
      failed = onFail
      if (failure) onFail(failure)
    },
    terminate() {
      stopping = true
      port1.close()
      void worker.terminate()
    },
  }
}

const BATCH_ENTRIES = 256
const BATCH_BYTES = 1 << 20
/** An entry bigger than this stays with the main thread, which has parsed it already (its body and all). */
const ENTRY_BYTES = 256 << 10
/**
 * Entries handed on and not answered yet, past which the main thread analyses the next ones itself (the
 * helper has more to do per entry: it parses it again).
 */
const QUEUED_MAX = 8192
/** The same in bytes of entries, for big ones (the helper parses a body the reader only skipped). */
const QUEUED_BYTES = 8 << 20

export class AnalysisHelper {
  private port: HelperPort | null = null
  private indexes: number[] = []
  private ends: number[] = []
  private bytes = new Uint8Array(BATCH_BYTES)
  private at = 0
  private tickets = 0
  /** Entries posted and not answered, and their bytes. */
  private queued = 0
  private queuedBytes = 0
  /** Calls of `owed`, to take the answers every so often. */
  private asked = 0
  /** The most bytes of report per byte of entry seen in a batch (before the first answer, a guess of 4). */
  private ratio: number | null = null
  /** Each batch posted and not answered: its first ticket, its entries and its bytes, in order. */
  private readonly posted: number[] = []
  /** By ticket: the report's slot in the arena, or -1 (no report: the entry was not BOS after all). */
  private readonly slots: number[] = []
  private failure: Error | null = null
  /** An entry handed off unread did not parse (or was of an upload session): the read must be made again. */
  misread = false

  constructor(
    private readonly spawn: (init: HelperInit) => HelperPort,
    private readonly init: HelperInit,
    private readonly arena: ReportArena,
    /** Entries handed on and not answered yet, past which the caller analyses the next ones itself. */
    private readonly queuedMax = QUEUED_MAX,
  ) {}

  /**
   * Hands the entry (its bytes, copied) on and returns its ticket, or null when the helper has enough to
   * do, the arena has no room for more of its reports, or the entry is over ENTRY_BYTES: the caller
   * analyses it then (one `unread`, which the helper would parse, the caller's reader parses first).
   */
  offer(index: number, bytes: Uint8Array, unread = false): number | null {
    // A helper that failed is reported by finish(), once the input is known sound: a broken file's own
    // error comes first.
    if (this.failure) return null
    if (bytes.length > ENTRY_BYTES || this.busy()) this.drain()
    if (bytes.length > ENTRY_BYTES) return null
    if (this.busy()) return null
    if (this.at + bytes.length > this.bytes.length) this.post()
    this.bytes.set(bytes, this.at)
    this.at += bytes.length
    // An entry handed off unread goes as -1 - index: the helper parses it and gives the reader's verdict.
    this.indexes.push(unread ? -1 - index : index)
    this.ends.push(this.at)
    const ticket = this.tickets++
    if (this.indexes.length >= BATCH_ENTRIES) this.post()
    return ticket
  }

  /** Whether offer() would take an entry of `size` bytes now (to spare the caller work on one it would not). */
  accepts(size: number): boolean {
    if (this.failure || size > ENTRY_BYTES) return false
    if (this.busy()) this.drain()
    return !this.busy()
  }

  /**
   * Bytes of report the arena should keep room for: those the helper owes for what it has been handed
   * (guessed from the biggest ratio of report to entry seen so far), so that the arena's budget holds.
   */
  get owed(): number {
    // Asked for every BOS entry the main thread reads: the answers are taken now and then, so that what
    // has come back stops counting as owed (through a stretch of entries not handed on, too).
    if (this.queued > 0 && (++this.asked & 63) === 0) this.drain()
    return (this.queuedBytes + this.at) * (this.ratio ?? 4)
  }

  private busy(): boolean {
    if (this.queued >= this.queuedMax || this.queuedBytes >= QUEUED_BYTES) return true
    // One batch until the first answer has shown how big the reports are; then twice what is owed by
    // that measure, in case the ratio grows (the budget is passed only if it more than doubles).
    if (this.ratio === null && this.queued > 0) return true
    return this.arena.room <= 2 * this.owed
  }

  /** Whether the thread has been started (an entry has been handed on). */
  get started(): boolean {
    return this.tickets > 0
  }

  /** The arena slot of a ticket's report (-1: none, the entry was not BOS after all), once finish() has resolved. */
  slot(ticket: number): number {
    return this.slots[ticket]!
  }

  /** Waits for every report, then for what the helper counted and observed; stops the thread. */
  async finish(): Promise<{ counts: TallyCounts; notes: CaptureNotesState } | null> {
    if (this.at > 0) this.post()
    const port = this.port
    if (!port) return null
    this.drain()
    try {
      return await new Promise((resolve, reject) => {
        const answer = (m: FromHelper) => {
          if (m.kind === 'counts') resolve({ counts: m.counts, notes: m.notes })
          else if (m.kind === 'failed') reject(helperFailed(m.error))
          else this.received(m)
        }
        if (this.failure) reject(this.failure)
        port.listen(answer, reject)
        port.post({ kind: 'end' }, [])
      })
    } finally {
      this.close()
    }
  }

  /** Stops the thread (after a failure of the input, whose reports are not needed). */
  close(): void {
    this.port?.terminate()
    this.port = null
  }

  private post(): void {
    const port = (this.port ??= this.spawn(this.init))
    const indexes = Int32Array.from(this.indexes)
    const ends = Int32Array.from(this.ends)
    // A copy of the size it needs goes with the message; the batch's buffer is filled again.
    const bytes = this.bytes.slice(0, this.at)
    this.posted.push(this.tickets - this.indexes.length, this.indexes.length, this.at)
    this.queued += this.indexes.length
    this.queuedBytes += this.at
    port.post({ kind: 'batch', indexes, ends, bytes }, [bytes.buffer, indexes.buffer, ends.buffer])
    this.at = 0
    this.indexes = []
    this.ends = []
    this.drain()
  }

  /** Takes the answers that have come. */
  private drain(): void {
    for (let m = this.port?.poll(); m && !this.failure; m = this.port?.poll()) {
      if (m.kind === 'failed') this.failure = helperFailed(m.error)
      else if (m.kind === 'reports') this.received(m)
    }
  }

  private received(m: Extract<FromHelper, { kind: 'reports' }>): void {
    const first = this.posted.shift()!
    const n = this.posted.shift()!
    const size = this.posted.shift()!
    this.queued -= n
    this.queuedBytes -= size
    if (size > 0) this.ratio = Math.max(this.ratio ?? 0, m.reports.length / size)
    for (let k = 0, from = 0; k < n; k++) {
      const to = m.ends[k]!
      if (to < 0) {
        this.slots[first + k] = -1
        if (to === -2) this.misread = true
      } else {
        this.slots[first + k] = this.arena.addBytes(m.reports.subarray(from, to))
        from = to
      }
    }
  }
}

const helperFailed = (error: string) => new Error(`the analysis helper thread failed: ${error}`)
