// A HAR file imported as a stream (loaded with HarPanel.tsx, never at startup): File.stream() through the
// core's streaming reader, so the file's text is never held whole and only the entries that may be BOS are
// decoded. Those go to the store in batches, as JSON text (nothing of this window is kept by the DevTools
// page). Between batches and every few milliseconds of reading the main thread yields, so the panel
// scrolls and filters while a big file is read. A cancel or a file that turns out broken (a truncated
// JSON is only known at its end) drops what was staged: the list is as it was.
import { NotAHarError } from '../core/analyze.ts'
import { entryText, HarAmbiguousError, HarEntryTooLargeError, HarSyntaxError, readHarRecords } from '../core/har-stream.ts'
import { compileHostPatterns } from '../core/hosts.ts'
import { nextTask } from '../devtools/guard.ts'
import type { ImportResult, ImportSession } from '../devtools/store-types.ts'
import { uiMessage, type UiMessage } from '../i18n/message.ts'

export interface ImportProgress {
  /** Bytes read so far, of `total` (the file's size). */
  read: number
  total: number
  /** log.entries read so far, and the BOS records among them. */
  entries: number
  bos: number
}

export type StreamOutcome =
  | { kind: 'done'; result: ImportResult }
  | { kind: 'cancelled' }
  | { kind: 'error'; error: UiMessage }
  /** Duplicate "log"/"entries" keys: only JSON.parse of the whole text can say which entries count. */
  | { kind: 'ambiguous' }

export interface StreamOptions {
  customHosts: readonly string[]
  signal: AbortSignal
  onProgress: (p: ImportProgress) => void
  /** Entries (and bytes of their JSON) per batch handed to the store. */
  batchEntries?: number
  batchBytes?: number
  /** Reading time between yields to the event loop, in ms. */
  sliceMs?: number
  /** Yields to the event loop (tests count the calls). */
  pause?: () => Promise<unknown>
}

const utf8 = new TextDecoder()

/** The chunks of a stream, its reader released (and the read cancelled) when the consumer stops early. */
async function* chunks(stream: ReadableStream<Uint8Array>, signal: AbortSignal, beforeRead: () => void): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader()
  // Cancel ends a read that waits (a slow disk, a network drive): the reader then sees the abort.
  const cancel = () => void reader.cancel().catch(() => undefined)
  signal.addEventListener('abort', cancel)
  try {
    for (;;) {
      beforeRead()
      const { done, value } = await reader.read()
      if (done) return
      yield value
    }
  } finally {
    signal.removeEventListener('abort', cancel)
    cancel()
  }
}

/** Why a file is not a HAR, as the panel says it. */
export function readError(e: unknown, name: string): UiMessage | null {
  if (e instanceof HarSyntaxError) {
    // A page saved instead of its HAR (or an error page): the first thing in it is a tag.
    if (/^unexpected character "<"/.test(e.reason) && e.offset < 1024) return uiMessage('har.import.html', { name })
    return uiMessage('har.import.notJsonAt', { name, offset: String(e.offset), reason: e.reason })
  }
  if (e instanceof HarEntryTooLargeError) {
    return uiMessage('har.import.entryTooLarge', { name, index: String(e.index), offset: String(e.offset), size: String(e.megabytes) })
  }
  if (e instanceof NotAHarError) {
    if (/^empty/.test(e.message)) return uiMessage('har.import.empty', { name })
    if (/no "log" object/.test(e.message)) return uiMessage('har.import.noLog', { name })
    return uiMessage('har.import.noEntries', { name })
  }
  return null
}

/** Streams `file` into a store import session; never rejects on a bad file (only on a store that throws). */
export async function streamImport(
  file: { size: number; stream(): ReadableStream<Uint8Array> },
  name: string,
  session: ImportSession,
  opts: StreamOptions,
): Promise<StreamOutcome> {
  const { signal, onProgress, batchEntries = 200, batchBytes = 4 << 20, sliceMs = 12, pause = nextTask } = opts
  const progress: ImportProgress = { read: 0, total: file.size, entries: 0, bos: 0 }
  let batch: string[] = []
  let batchSize = 0
  const flush = () => {
    if (batch.length) session.add(`[${batch.join(',')}]`)
    batch = []
    batchSize = 0
  }
  let since = Date.now()
  const breath = async () => {
    await pause()
    since = Date.now()
  }
  const stop = (outcome: StreamOutcome): StreamOutcome => {
    session.cancel()
    return outcome
  }
  try {
    const isCustomHost = compileHostPatterns(opts.customHosts)
    // Before each read, when the chunk before it has been gone through: a read that waits on the disk
    // shows where it is.
    const source = chunks(file.stream(), signal, () => onProgress({ ...progress }))
    const records = readHarRecords(source, { isCustomHost, signal, onProgress: (read) => (progress.read = read) })
    for await (const r of records) {
      progress.entries++
      if (r.bos) {
        progress.bos++ // the reader's verdict is the analyzer's host match, on the entry's skeleton
        const text = entryText(utf8, r.bytes(), r.start, r.index)
        batch.push(text)
        batchSize += text.length
        if (batch.length >= batchEntries || batchSize >= batchBytes) {
          flush()
          onProgress({ ...progress })
          await breath()
        }
      }
      if (Date.now() - since >= sliceMs) await breath()
      signal.throwIfAborted()
    }
    flush()
    onProgress({ ...progress })
    return { kind: 'done', result: session.commit(progress.entries) }
  } catch (e) {
    if (signal.aborted) return stop({ kind: 'cancelled' })
    if (e instanceof HarAmbiguousError) return stop({ kind: 'ambiguous' })
    const why = readError(e, name)
    if (why) return stop({ kind: 'error', error: why })
    session.cancel()
    // The file could not be read (moved, changed on disk, permission): a DOMException from the stream.
    if (typeof e === 'object' && e !== null && 'name' in e && /NotReadable|NotFound|Security/.test(String(e.name))) {
      return { kind: 'error', error: uiMessage('har.import.unreadable', { name, error: String((e as { message?: unknown }).message ?? e) }) }
    }
    throw e
  }
}
