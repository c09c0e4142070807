// `redact` entry by entry, so a HAR of any size can be shared: read whole, a file past the biggest string
// Node.js can hold (about 512 MB) could not be redacted at all. The output is the same bytes as
// `JSON.stringify(redactHar(har), null, 2)`: the document around log.entries (version, creator, pages) is
// read from the bytes before the first entry and after the last, redacted and written as a whole; each
// entry is redacted and indented on its own.
import { HarAmbiguousError, parseHarEntry, readHarRecords, redactEntry, redactHar, type StringSkipper } from '../core/index.ts'
import type { JsonSink } from './json-output.ts'
import { changedWhileRead, isStringTooLong, parseJson, tooBigForString } from './read-input.ts'
import { ReportArena } from './report-arena.ts'

/** What a HAR's text makes of its entries: each written by JSON.stringify(…, null, 2) at the depth of log.entries[i]. */
const ENTRY_INDENT = '\n      '

/** The redacted HAR's text up to its first entry and after its last, and how entries are joined. */
export interface RedactFrame {
  head: string
  tail: string
}

/**
 * The frame of the redacted HAR around its entries, from `doc`: the document with log.entries empty. A
 * marker entry is written in their place and the text cut there (another marker if the text holds it).
 */
export function redactFrame(doc: { log: { entries: unknown[] } }): RedactFrame {
  for (;;) {
    const marker = `bos-devtools-entries-${Math.random().toString(36).slice(2)}`
    doc.log.entries = [marker]
    const text = JSON.stringify(redactHar(doc), null, 2)
    const quoted = JSON.stringify(marker)
    const at = text.indexOf(quoted)
    if (text.indexOf(quoted, at + 1) < 0) return { head: text.slice(0, at), tail: text.slice(at + quoted.length) }
  }
}

/** What comes between two entries. */
export const ENTRY_SEPARATOR = `,${ENTRY_INDENT}`

/** One entry, redacted, as the whole document's JSON.stringify(…, null, 2) writes it. */
export const redactedEntryText = (entry: unknown): string => JSON.stringify(redactEntry(entry), null, 2).replaceAll('\n', ENTRY_INDENT)

/**
 * A source of chunks that remembers the bytes the reader's records do not cover: all of them before the
 * first entry, and those after the last entry seen so far (so at the end, the bytes after the last). With
 * `keepAll` (an input that cannot be read again: standard input, a pipe) it keeps every byte instead, so
 * that entries can be read again from memory as from a file.
 */
export class FrameBytes {
  private readonly chunks: { chunk: Uint8Array; at: number }[] = []
  private read = 0
  private prefix: Uint8Array | null = null
  private keepFrom = 0

  /** The source must not write over a chunk once it has handed it on. */
  constructor(
    private readonly source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
    private readonly keepAll = false,
  ) {}

  async *[Symbol.asyncIterator](): AsyncGenerator<Uint8Array> {
    for await (const got of this.source) {
      if (got.length === 0) continue
      // A pipe read into a 1 MB buffer fills 64 KB of it: kept whole, the rest would be held for nothing.
      const chunk = this.keepAll && got.length < got.buffer.byteLength / 2 ? new Uint8Array(got) : got
      this.chunks.push({ chunk, at: this.read })
      this.read += chunk.length
      yield chunk
    }
  }

  /** An entry [start, end) was read: what comes before the first is kept, what lies before `end` no longer. */
  entry(start: number, end: number): void {
    if (!this.prefix) this.prefix = this.bytes(0, start)
    this.keepFrom = end
    if (this.keepAll) return
    while (this.chunks.length && this.chunks[0]!.at + this.chunks[0]!.chunk.length <= end) this.chunks.shift()
  }

  /** The bytes before the first entry and after the last; null when there was no entry. */
  frame(): { before: Uint8Array; after: Uint8Array } | null {
    return this.prefix ? { before: this.prefix, after: this.bytes(this.keepFrom, this.read) } : null
  }

  /** Every byte read, when there was no entry or all are kept (else some were let go). */
  all(): Uint8Array {
    return this.bytes(0, this.read)
  }

  /** Bytes [from, to) among those kept: a view when they lie in one chunk, else a copy. */
  bytes(from: number, to: number): Uint8Array {
    const chunks = this.chunks
    // The first chunk that ends after `from`.
    let lo = 0
    let hi = chunks.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (chunks[mid]!.at + chunks[mid]!.chunk.length <= from) lo = mid + 1
      else hi = mid
    }
    const one = chunks[lo]
    if (one && one.at <= from && to <= one.at + one.chunk.length) return one.chunk.subarray(from - one.at, to - one.at)
    const out = new Uint8Array(Math.max(0, to - from))
    for (let k = lo; k < chunks.length && chunks[k]!.at < to; k++) {
      const { chunk, at } = chunks[k]!
      const s = Math.max(from, at)
      const e = Math.min(to, at + chunk.length)
      if (s < e) out.set(chunk.subarray(s - at, e - at), s - from)
    }
    return out
  }
}

export type RedactRead =
  | {
      kind: 'entries'
      frame: { before: Uint8Array; after: Uint8Array }
      /** The text of the first entries, redacted (slot k is entry k). */
      kept: ReportArena
      /** [start, end) in the input of each entry after those, to read again. */
      later: number[]
      count: number
      /** The input's bytes [start, end) again, from memory, for an input read with `keepAll`. */
      again: ((start: number, end: number) => Uint8Array) | null
    }
  /** No entry, or duplicate keys read from memory: the whole input's text. */
  | { kind: 'whole'; text: string }

/**
 * Extra stack frames an entry read again must pass under on the first pass. Where the second pass calls
 * from a deeper stack than the first, an entry nested right at the limit would pass the first and fail
 * after output was written.
 */
const MARGIN_FRAMES = 48

/** The longest string V8 makes (2^29 - 24 UTF-16 units); JSON.stringify past it throws "Invalid string length". */
const MAX_STRING = 2 ** 29 - 24

function deeper<T>(frames: number, f: () => T): T {
  return frames > 0 ? deeper(frames - 1, f) : f()
}

export interface RedactReadOptions {
  /** Bytes of redacted entries to keep as UTF-8; past them, entries are read again. */
  budget: number
  /** The input cannot be read again (standard input, a pipe): keep all of it. */
  keepAll?: boolean
  /** The input's name in messages. */
  file?: string
  /** The longest string there can be (V8's, unless a test makes it smaller). */
  maxString?: number
  /** The scan's way through long strings (HarReadOptions.strings). */
  strings?: StringSkipper | null
}

/**
 * Reads the HAR, redacting each entry as it comes. Their text is kept as UTF-8 (outside the JS heap) until
 * the input is known sound, since a broken file prints nothing but its error; past `budget` bytes of it,
 * only where each entry lies is kept, to redact it again then: from the file (the caller's), or from
 * memory with `keepAll` (an input that cannot be read again, kept whole as it is read). Each entry is
 * still redacted and written here, so that one nested too deeply to be written fails before anything is
 * printed. Throws what the reader throws (HarSyntaxError, NotAHarError, HarEntryTooLargeError, and
 * HarAmbiguousError unless `keepAll`: then the text read is parsed whole) and JSON.stringify's RangeError.
 */
export async function readRedacted(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, opts: RedactReadOptions): Promise<RedactRead> {
  const { budget, keepAll = false, file = '-', maxString = MAX_STRING, strings = null } = opts
  const bytes = new FrameBytes(source, keepAll)
  const kept = new ReportArena(budget)
  const later: number[] = []
  let count = 0
  try {
    for await (const r of readHarRecords(bytes, strings ? { strings } : {})) {
      bytes.entry(r.start, r.end)
      const text = later.length === 0 && kept.room > 0 ? redactedEntryText(r.full()) : null
      if (text !== null && Buffer.byteLength(text, 'utf8') <= kept.room) kept.add(text)
      else {
        // The reader has checked the entry's JSON whole. Its skeleton (long strings emptied) nests as the
        // entry does, and redacting changes no nesting, so it is written here in its place: the same
        // check for the depth, without parsing and redacting the bodies twice.
        deeper(MARGIN_FRAMES, () => {
          const skeleton = redactedEntryText(r.skeleton).length
          // The strings emptied come back, each written in no more characters than its bytes (twice that
          // leaves room for what redaction writes in): where that might not fit in a string, the entry
          // itself is written, so that a text too long fails now and not after output has begun.
          if (!r.complete && skeleton + 2 * (r.end - r.start) > maxString) {
            // Past V8's own limit JSON.stringify throws; past a smaller one (a test's), this does.
            if (redactedEntryText(r.full()).length > maxString) throw new RangeError('Invalid string length')
          }
        })
        later.push(r.start, r.end)
      }
      count++
    }
  } catch (e) {
    if (keepAll && e instanceof HarAmbiguousError)
      return { kind: 'whole', text: wholeText(bytes, file, 'it has "log" or "log.entries" twice, so it must be read as one string, and it is') }
    throw e
  }
  const frame = bytes.frame()
  if (!frame) return { kind: 'whole', text: wholeText(bytes, file) }
  return { kind: 'entries', frame, kept, later, count, again: keepAll ? (start, end) => bytes.bytes(start, end) : null }
}

/**
 * Writes the redacted HAR: the frame, then every entry's text in order (those kept, then the others read
 * again with `at`), waiting for `drained` after each so that a slow reader of the output bounds memory.
 */
export async function writeRedacted(
  read: Extract<RedactRead, { kind: 'entries' }>,
  at: ((start: number, end: number) => Uint8Array) | null,
  /** The input's name in messages. */
  file: string,
  out: JsonSink,
  drained?: () => Promise<void> | null,
): Promise<void> {
  const frame = asString(() => utf8.decode(read.frame.before) + utf8.decode(read.frame.after), file, 'what lies around its log.entries is')
  const doc = parseJson(frame, file) as { log: { entries: unknown[] } }
  const { head, tail } = redactFrame(doc)
  out.write(head)
  const first = read.count - read.later.length / 2
  for (let k = 0; k < read.count; k++) {
    if (k > 0) out.write(ENTRY_SEPARATOR)
    if (k < first) out.writeBytes(read.kept.get(k))
    else out.write(redactedEntryText(readAgain(at, read.later, 2 * (k - first), file)))
    const wait = drained?.()
    if (wait) await wait
  }
  out.write(`${tail}\n`)
}

function readAgain(at: ((start: number, end: number) => Uint8Array) | null, later: number[], k: number, file: string): unknown {
  try {
    // Only an input that can be read again has entries left for later.
    return parseHarEntry(at!(later[k]!, later[k + 1]!))
  } catch {
    throw changedWhileRead(file)
  }
}

const utf8 = new TextDecoder()

/** `text()`, or the one-line answer when it would be longer than a string can be. */
function asString(text: () => string, file: string, what?: string): string {
  try {
    return text()
  } catch (e) {
    if (isStringTooLong(e)) throw tooBigForString(file, what)
    throw e
  }
}

const wholeText = (bytes: FrameBytes, file: string, what?: string) => asString(() => utf8.decode(bytes.all()), file, what)
