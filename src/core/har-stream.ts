// A streaming HAR reader: bytes in (any chunking), entries out, with no limit on the file's size.
// A structural scan of the bytes finds `log.entries` and each entry's extent; long strings (bodies) are
// jumped over with indexOf('"') and never decoded unless the entry may be BOS. Each entry is first parsed
// as its skeleton (the entry with its long strings emptied), which is enough to tell that it is not BOS:
// the strings that decision reads (request.url, the request and response headers) are never emptied.
// Only entries that analysis would take as BOS are then decoded and parsed in full. Pure TS: no Node or
// DOM API, so the CLI (file and stdin) and the panel's import (File.stream()) share it.
import { NotAHarError } from './analyze.ts'
import { exchangeUrl, toExchange } from './har.ts'
import { matchBos, matchByUrl, mayBeBos } from './hosts.ts'

/** The input is not valid JSON; `offset` is the byte offset (in the input, a BOM included) where it stops being. */
export class HarSyntaxError extends Error {
  override name = 'HarSyntaxError'
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {
    super(`not valid JSON at byte ${offset}: ${reason}`)
  }
}

/**
 * Valid JSON whose duplicate keys ("log" twice at the top level, or "entries" twice in the log) make
 * JSON.parse keep another `log.entries` than the first one, which is the one streamed. Thrown at the end
 * of the input; whoever can should parse the document whole instead.
 */
export class HarAmbiguousError extends Error {
  override name = 'HarAmbiguousError'
  constructor() {
    super('the HAR has "log" or "log.entries" twice; the last one counts, so it must be read whole')
  }
}

/**
 * An entry whose text is longer than the biggest string the JavaScript engine can hold (about 512 MB in
 * V8), so it cannot be decoded to be parsed: valid JSON, maybe, but not readable here.
 */
export class HarEntryTooLargeError extends Error {
  override name = 'HarEntryTooLargeError'
  constructor(
    readonly offset: number,
    readonly index: number,
    readonly size: number,
  ) {
    super(`entry ${index} (at byte ${offset}, ${size} bytes) is longer than the biggest string JavaScript can hold`)
  }

  /** The entry's size in whole MiB, as messages give it. */
  get megabytes(): number {
    return Math.round(this.size / (1 << 20))
  }
}

/**
 * An entry's bytes (all of them, or its skeleton's) as text; a decode that throws (valid or not, UTF-8
 * decoding only fails on size) is HarEntryTooLargeError, of the entry's `size` in the input.
 */
export function entryText(decoder: TextDecoder, bytes: Uint8Array, offset: number, index: number, size = bytes.length): string {
  try {
    return decoder.decode(bytes)
  } catch {
    throw new HarEntryTooLargeError(offset, index, size)
  }
}

export interface HarReadOptions {
  /** Hosts to treat as BOS besides the BOS endpoints (compileHostPatterns of the custom domains). */
  isCustomHost?: (host: string) => boolean
  /** Called after each chunk with the bytes read so far. */
  onProgress?: (bytesRead: number) => void
  /** Checked between chunks: an aborted read throws the signal's reason. */
  signal?: AbortSignal
  /**
   * Called with each chunk the reader will not read again, so that the source may fill it anew (fresh
   * memory costs a page fault every 4 KB). With it, a record's `full()` and `bytes()` are good only
   * until the next record is asked for.
   */
  release?: (chunk: Uint8Array) => void
  /** A faster way through long strings than the scan's own (the CLI's SIMD one); without it, the scan's. */
  strings?: StringSkipper
  /** See HarHandOff. */
  handOff?: HarHandOff
}

/**
 * Takes an entry unread: called with the bytes that the separator between entries says are the next
 * entry (see HarScanner.separated), before they are decoded or checked, with its index. Returning true
 * takes them: the reader then yields a record of them that is `handedOff` (no verdict, no skeleton) and
 * goes on after them. They are that entry only if they parse as JSON; whoever takes them must parse them,
 * and when they do not, throw away what the read gave (its records and its errors alike) and read the
 * input again without a hand-off, which tells what is wrong and where.
 */
export type HarHandOff = (bytes: Uint8Array, index: number) => boolean

/**
 * Skips the valid contents of JSON strings in the chunk being scanned. `skip(i)`, from chunk[i] inside a
 * string and not inside an escape, returns where the scan must look next: any p >= i such that [i, p) is
 * valid string contents without a closing quote and p is not inside an escape. The scan checks the byte
 * at p itself (a quote, a bad byte, an escape, or one it steps over), so stopping early is never wrong.
 */
export interface StringSkipper {
  /** The chunk that the next skip() calls are about. */
  load(chunk: Uint8Array): void
  skip(i: number): number
}

/** One entry of `log.entries`, as the scan found it. */
export interface HarEntryRecord {
  /** Its position in `log.entries` (every entry counts, BOS or not). */
  readonly index: number
  /** Its extent in the input: byte offsets of its first byte and just past its last. */
  readonly start: number
  readonly end: number
  /** True when analysis may take it as BOS (mayBeBos, then the full host/header match on the skeleton). */
  readonly bos: boolean
  /** True for an entry the options' handOff took: it was not parsed (bos false, skeleton undefined). */
  readonly handedOff?: boolean
  /** True when no string was left out of the skeleton (it is then the entry itself; handed off: no skeleton). */
  readonly complete: boolean
  /** The entry parsed with its long strings (other than request.url and headers) replaced by "". */
  readonly skeleton: unknown
  /** The entry parsed in full (decoded on first call; the skeleton when it is complete). */
  full(): unknown
  /** The entry's bytes, exactly as in the input. */
  bytes(): Uint8Array
}

// Strings longer than this (in bytes) are left out of the skeleton, unless the BOS decision reads them.
const LONG = 256
// Keys longer than this are never one the scan looks for.
const KEY_MAX = 32
// An entry up to this size that ends where the separator between entries says is parsed whole, bodies and
// all: JSON.parse reads its bytes faster than the scan would (a long string in it is then not left out).
const SMALL = 16 * 1024
// The most bytes between two entries that is learnt as their separator.
const GAP_MAX = 64
const NEWLINE = 0x0a

const QUOTE = 0x22
const BACKSLASH = 0x5c

// Container kinds on the stack.
const OBJ = 1
const ARR = 2
// What comes next.
const E_VALUE = 0
const E_VALUE_OR_END = 1
const E_KEY_OR_END = 2
const E_KEY = 3
const E_COLON = 4
const E_COMMA_OR_END = 5
const E_EOF = 6

const NO_WORDS = new Int32Array(0)
// The word scan reads the first flagged byte of a word as its lowest one; elsewhere strings go byte by byte.
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1
const NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/
const BOM = [0xef, 0xbb, 0xbf]

function describe(c: number): string {
  return c >= 0x20 && c < 0x7f ? `unexpected character "${String.fromCharCode(c)}"` : `unexpected byte 0x${c.toString(16).padStart(2, '0')}`
}

/** The byte after a backslash of a JSON escape other than \u: " \ / b f n r t. */
const isEscape = (c: number) => c === QUOTE || c === BACKSLASH || c === 0x2f || c === 0x62 || c === 0x66 || c === 0x6e || c === 0x72 || c === 0x74

/** Whether `bytes` are in `chunk` at `at`. */
function holds(chunk: Uint8Array, at: number, bytes: Uint8Array): boolean {
  let k = 0
  while (k < bytes.length && chunk[at + k] === bytes[k]) k++
  return k === bytes.length
}

const isHex = (c: number) => (c >= 0x30 && c <= 0x39) || ((c | 32) >= 0x61 && (c | 32) <= 0x66)

/**
 * The first byte from chunk[i] on that may be a quote, a backslash or a control byte, by bit tricks on
 * `words`, an Int32Array view of the chunk's aligned 4-byte words from index `a0` (several times a byte
 * loop's speed): the lowest flag of a word (little-endian) is always one; a flag above a real one may be
 * false, and the caller steps over a byte flagged falsely. Returns i itself when it is outside the words,
 * and where they end when none is flagged.
 */
function nextFlagged(words: Int32Array, a0: number, i: number): number {
  const rel = i - a0
  const nw = words.length
  if (rel < 0 || rel >> 2 >= nw) return i
  let k = rel >> 2
  let x = words[k]!
  let y = x ^ 0x22222222
  let z = x ^ 0x5c5c5c5c
  let t = (((x - 0x20202020) & ~x) | ((y - 0x01010101) & ~y) | ((z - 0x01010101) & ~z)) & 0x80808080 & (-1 << ((rel & 3) << 3))
  while (t === 0 && ++k < nw) {
    x = words[k]!
    y = x ^ 0x22222222
    z = x ^ 0x5c5c5c5c
    t = (((x - 0x20202020) & ~x) | ((y - 0x01010101) & ~y) | ((z - 0x01010101) & ~z)) & 0x80808080
  }
  if (t === 0) return a0 + (nw << 2)
  return a0 + (k << 2) + ((31 - Math.clz32(t & -t)) >> 3)
}

/**
 * Whether the BOS decision reads a string inside the entry's value for the key at [k1From, k1To) and the
 * key at [k2From, k2To) below it (request.url, the request and response headers); null when one of the
 * keys has an escape or a byte beyond ASCII (the slow way decodes it).
 */
function readsForBos(chunk: Uint8Array, k1From: number, k1To: number, k2From: number, k2To: number): boolean | null {
  if (k1From < 0 || k2From < 0) return false
  const a = asciiKey(chunk, k1From, k1To)
  const b = asciiKey(chunk, k2From, k2To)
  if (a === null || b === null) return null
  return (a === 'request' && (b === 'url' || b === 'headers')) || (a === 'response' && b === 'headers')
}

function asciiKey(chunk: Uint8Array, from: number, to: number): string | null {
  if (to - from > KEY_MAX) return ''
  let s = ''
  for (let k = from; k < to; k++) {
    const c = chunk[k]!
    if (c === BACKSLASH || c >= 0x80) return null
    s += String.fromCharCode(c)
  }
  return s
}

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09
const isTokenByte = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x2b || c === 0x2d || c === 0x2e

function concat(parts: readonly Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1) return parts[0]!
  const out = new Uint8Array(length)
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

/**
 * The first bad byte of a string in `bytes` (an entry that the scan found sound outside its strings):
 * where JSON.parse of the entry failed, found again to name its byte offset.
 */
function stringError(bytes: Uint8Array, base: number): HarSyntaxError | null {
  let inString = false
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!
    if (!inString) {
      if (c === QUOTE) inString = true
      continue
    }
    if (c === QUOTE) inString = false
    else if (c < 0x20) return new HarSyntaxError(base + i, `${describe(c)} in a string (a control character must be escaped)`)
    else if (c === BACKSLASH) {
      const e = bytes[i + 1]!
      if (e === 0x75) {
        for (let k = 2; k < 6; k++) {
          const h = bytes[i + k]!
          if (!isHex(h)) return new HarSyntaxError(base + i, 'bad \\u escape in a string')
        }
        i += 5
      } else if (isEscape(e)) i++
      else return new HarSyntaxError(base + i, 'bad escape in a string')
    }
  }
  return null
}

/** The incremental scanner: push chunks, take the finished entries. */
export class HarScanner {
  private readonly decoder = new TextDecoder()
  private readonly isCustomHost: ((host: string) => boolean) | undefined
  private readonly strings: StringSkipper | null
  private readonly handOff: HarHandOff | null
  /** Finished entries since the last take(). */
  private ready: HarEntryRecord[] = []

  private base = 0 // offset of the current chunk's first byte
  private words: Int32Array = NO_WORDS // the current chunk's aligned 4-byte words
  private wordsAt = 0 // index in the chunk of the first of them
  private bom = 0 // BOM bytes matched at the start; -1 once past
  private seen = false // a byte other than whitespace and the BOM
  private expect = E_VALUE
  private readonly kind: number[] = []
  private readonly keys: (string | null)[] = []

  // Inside a string.
  private inString = false
  private strStart = 0
  private strKey = false
  /** The escape state: 0, 1 after a backslash, 2..5 while the hex digits of \\uXXXX come. */
  private strEsc = 0
  private keyBytes: number[] | null = null

  // Inside a number or literal.
  private token = ''
  private tokenStart = 0

  // The entries array being streamed and the entry being read.
  private entriesFound = false // log.entries seen as an array (the first one is streamed)
  private streaming = false // inside that array, at its own depth + 1 for entries
  private index = 0
  private entryStart = -1
  private segStart = 0 // where the current chunk's part of the entry starts
  private segments: Uint8Array[] = []
  private elided: number[] = [] // [start, end) of the contents of each string left out
  private lastEnd = -1 // offset just past the last entry
  // What lies between two entries ("," and whitespace with a line break in it) and the "{" after: see separated().
  private sep: Uint8Array | null = null
  private sepNewline = 0 // index in sep of its first line break

  // What JSON.parse would make of the document: the last "log" at the top level and its last "entries".
  private rootKind = 0
  private logKeys = 0
  private lastLogIsObject = false
  private lastLogEntries = 0 // "entries" keys in the last log
  private lastEntriesIsArray = false
  private streamedFrom: [number, number] | null = null // [log key, entries key] ordinals streamed

  constructor(isCustomHost?: (host: string) => boolean, strings?: StringSkipper, handOff?: HarHandOff) {
    this.isCustomHost = isCustomHost
    this.strings = strings ?? null
    this.handOff = handOff ?? null
  }

  /** Where the entry being read starts (its bytes are still needed), or -1 between entries. */
  openEntryStart(): number {
    return this.entryStart
  }

  /** The entries finished so far, handed over once. */
  take(): HarEntryRecord[] {
    const r = this.ready
    this.ready = []
    return r
  }

  private fail(offset: number, reason: string): never {
    throw new HarSyntaxError(offset, reason)
  }

  push(chunk: Uint8Array): void {
    const n = chunk.length
    let i = 0
    // A UTF-8 BOM (some tools write one) at the very start.
    if (this.bom >= 0) {
      while (i < n && this.bom < 3 && chunk[i] === BOM[this.bom]) {
        this.bom++
        i++
      }
      if (this.bom === 3) this.bom = -1
      else if (i < n) {
        if (this.bom > 0) this.fail(0, describe(BOM[0]!))
        this.bom = -1
      }
    }
    if (this.entryStart >= 0) this.segStart = 0
    const a0 = (4 - (chunk.byteOffset & 3)) & 3
    this.wordsAt = a0
    this.words = LITTLE_ENDIAN && n - a0 >= 4 ? new Int32Array(chunk.buffer, chunk.byteOffset + a0, (n - a0) >> 2) : NO_WORDS
    this.strings?.load(chunk)
    while (i < n) {
      if (this.inString) {
        i = this.scanString(chunk, i)
        continue
      }
      if (this.token !== '') {
        const start = i
        while (i < n && isTokenByte(chunk[i]!) && i - start < 64) i++
        this.token += String.fromCharCode(...chunk.subarray(start, i))
        if (this.token.length > 64) this.fail(this.tokenStart, `bad literal or number "${this.token.slice(0, 40)}…"`)
        if (i === n) break
        this.endToken(chunk, i)
      }
      const c = chunk[i]!
      if (isSpace(c)) {
        i++
        continue
      }
      this.seen = true
      const at = this.base + i
      switch (this.expect) {
        case E_VALUE:
        case E_VALUE_OR_END:
          if (c === 0x5d /* ] */ && this.expect === E_VALUE_OR_END) {
            this.close(chunk, i)
            i++
            continue
          }
          if (c === 0x7b && this.streaming && this.kind.length === 3) {
            let j = this.separated(chunk, i)
            if (j < 0) j = this.shortEntry(chunk, i)
            if (j > 0) {
              i = j
              continue
            }
          }
          this.beginValue(i, c, at)
          i++
          continue
        case E_KEY_OR_END:
        case E_KEY:
          if (c === 0x7d /* } */ && this.expect === E_KEY_OR_END) {
            this.close(chunk, i)
            i++
            continue
          }
          if (c !== QUOTE) this.fail(at, `${describe(c)} where a key was expected`)
          this.beginString(i, true)
          i++
          continue
        case E_COLON:
          if (c !== 0x3a) this.fail(at, `${describe(c)} where ":" was expected`)
          this.expect = E_VALUE
          i++
          continue
        case E_COMMA_OR_END: {
          const top = this.kind[this.kind.length - 1]!
          if (c === 0x2c) {
            this.expect = top === OBJ ? E_KEY : E_VALUE
          } else if ((c === 0x7d && top === OBJ) || (c === 0x5d && top === ARR)) {
            this.close(chunk, i)
          } else {
            this.fail(at, `${describe(c)} where "," or "${top === OBJ ? '}' : ']'}" was expected`)
          }
          i++
          continue
        }
        default:
          this.fail(at, `${describe(c)} after the end of the document`)
      }
    }
    if (this.entryStart >= 0 && this.segStart < n) this.segments.push(chunk.subarray(this.segStart))
    this.base += n
  }

  /** The input ended: throws when the document is cut off or is not a HAR. */
  end(): void {
    if (this.token !== '') this.endToken(null, 0)
    if (!this.seen) throw new NotAHarError('empty, not a HAR file')
    if (this.inString || this.expect !== E_EOF) this.fail(this.base, 'unexpected end of input')
    if (this.rootKind !== OBJ || this.logKeys === 0) throw new NotAHarError('not a HAR file: there is no "log" object at the top level')
    if (!this.lastLogIsObject || !this.lastEntriesIsArray) {
      if (this.streamedFrom) throw new HarAmbiguousError()
      throw new NotAHarError('not a HAR file: "log.entries" is missing or is not an array')
    }
    const s = this.streamedFrom
    if (!s || s[0] !== this.logKeys || s[1] !== this.lastLogEntries) throw new HarAmbiguousError()
  }

  /**
   * The fastest path, for an entry (chunk[i] = "{") of a HAR laid out one entry per line or indented (all
   * tools but a few write one so): the bytes between the last entry and this one, when they hold a line
   * break, are taken as the separator, and the first place it occurs again ends this entry, if it is less
   * than SMALL bytes away. A line break is never inside a JSON string, and with an indentation of its own
   * the separator seldom occurs inside an entry; when it does, the bytes up to it do not parse. Bytes that
   * begin with "{" and parse as JSON are exactly one object, the one that starts there (JSON's grammar
   * leaves no other reading), so a guess that parses is the entry's extent, and one that does not costs a
   * failed parse before the scan. A handOff that takes the guess parses it instead (HarHandOff: one that
   * does not parse means a read again). Returns where to go on, or -1.
   */
  private separated(chunk: Uint8Array, i: number): number {
    const from = this.lastEnd - this.base
    if (from >= 0 && from < i && i - from <= GAP_MAX) this.learnSeparator(chunk, from, i)
    const sep = this.sep
    if (!sep) return -1
    const n = chunk.length
    const limit = Math.min(n - sep.length, i + SMALL)
    let end = -1
    for (let p = i + 1; ; ) {
      const nl = chunk.indexOf(NEWLINE, p)
      const s = nl - this.sepNewline
      if (nl < 0 || s > limit) return -1
      p = nl + 1
      if (s > i && holds(chunk, s, sep)) {
        end = s
        break
      }
    }
    const bytes = chunk.subarray(i, end)
    if (this.handOff?.(bytes, this.index)) {
      this.seen = true
      this.expect = E_COMMA_OR_END
      this.ready.push(this.handedRecord(this.index++, this.base + i, this.base + end, bytes))
      return end
    }
    let parsed: unknown
    try {
      parsed = JSON.parse(this.decoder.decode(bytes))
    } catch {
      return -1
    }
    return this.readWhole(i, end, bytes, [], parsed)
  }

  /** An entry found whole in this chunk, at [start, end), and parsed: recorded; returns where to go on. */
  private readWhole(start: number, end: number, bytes: Uint8Array, elided: number[], parsed: unknown): number {
    this.seen = true
    this.expect = E_COMMA_OR_END
    this.ready.push(this.record(this.index++, this.base + start, this.base + end, [bytes], elided, parsed))
    return end
  }

  /** chunk[from, to) lies between two entries and chunk[to] is "{": the separator, when it has a line break. */
  private learnSeparator(chunk: Uint8Array, from: number, to: number): void {
    const sep = this.sep
    const len = to - from + 1
    if (sep && sep.length === len && holds(chunk, from, sep)) return
    const nl = chunk.subarray(from, to).indexOf(NEWLINE)
    if (nl < 0) return
    // A copy: the chunk may be a Buffer (whose slice() is a view) that the source fills again.
    this.sep = new Uint8Array(chunk.subarray(from, to + 1))
    this.sepNewline = nl
  }

  /**
   * The fast path for an entry (an object, chunk[i] = "{") that lies whole in this chunk: its extent is
   * found by skipping strings and counting brackets, and the keys that say which long strings the BOS
   * decision reads are the strings before a ":" at its first two levels. A long string is checked here as
   * JSON.parse would and left out of the skeleton as the slow way leaves it out; JSON.parse of the
   * skeleton's bytes checks the rest. Returns where to go on, or -1 (the entry crosses the chunk's end, a
   * key it needs has an escape, or it is not valid JSON) to read it again the slow way, which also names
   * the byte that is wrong.
   */
  private shortEntry(chunk: Uint8Array, i: number): number {
    const n = chunk.length
    const start = i
    let depth = 0
    let elided: number[] | null = null
    // The contents [from, to) of the last string, and of the keys that hold the current values at depths 1 and 2.
    let strFrom = -1
    let strTo = -1
    let key1From = -1
    let key1To = -1
    let key2From = -1
    let key2To = -1
    for (; i < n; i++) {
      const c = chunk[i]!
      if (c === QUOTE) {
        const from = i + 1
        const limit = Math.min(n, from + LONG + 1) // the closing quote of a string that is not long is before it
        for (i = from; i < limit; i++) {
          const b = chunk[i]!
          if (b === QUOTE) break
          if (b === BACKSLASH) i++
        }
        if (i >= limit) {
          if (limit === n) return -1
          i = this.longString(chunk, from)
          if (i < 0) return -1
          let k = i + 1
          while (k < n && isSpace(chunk[k]!)) k++
          if (k === n) return -1
          // A key is never left out; a value is, unless the BOS decision reads it.
          if (chunk[k] !== 0x3a) {
            const reads = depth >= 2 ? readsForBos(chunk, key1From, key1To, key2From, key2To) : false
            if (reads === null) return -1
            if (!reads) (elided ??= []).push(this.base + from, this.base + i)
          }
        }
        strFrom = from
        strTo = i
      } else if (c === 0x3a) {
        if (depth === 1) {
          key1From = strFrom
          key1To = strTo
        } else if (depth === 2) {
          key2From = strFrom
          key2To = strTo
        }
      } else if (c === 0x7b || c === 0x5b) {
        if (++depth === 2) key2From = key2To = -1
      } else if (c === 0x7d || c === 0x5d) {
        if (--depth === 0) break
      }
    }
    if (i >= n) return -1
    const end = i + 1
    const bytes = chunk.subarray(start, end)
    const at = this.base + start
    const segments = [bytes]
    let parsed: unknown
    try {
      parsed = JSON.parse(this.decoder.decode(elided ? skeletonBytes(segments, at, this.base + end, elided) : bytes))
    } catch {
      return -1
    }
    return this.readWhole(start, end, bytes, elided ?? [], parsed)
  }

  /**
   * From chunk[i] (the first byte of a string's contents) to its closing quote, checked as JSON.parse
   * would, four bytes at a time as scanString: the quote's index, or -1 when the string is bad or goes on
   * past the chunk's end.
   */
  private longString(chunk: Uint8Array, i: number): number {
    const n = chunk.length
    const strings = this.strings
    for (;;) {
      i = strings ? strings.skip(i) : nextFlagged(this.words, this.wordsAt, i)
      if (i >= n) return -1
      const c = chunk[i]!
      if (c === QUOTE) return i
      if (c === BACKSLASH) {
        const e = chunk[i + 1]
        if (e === 0x75) {
          if (i + 5 >= n) return -1
          for (let k = 2; k < 6; k++) if (!isHex(chunk[i + k]!)) return -1
          i += 6
        } else if (e !== undefined && isEscape(e)) i += 2
        else return -1
        continue
      }
      if (c < 0x20) return -1
      i++
    }
  }

  /** A value starts with chunk[i] (= c, at offset `at`); entries are the values in frame 2 (log.entries). */
  private beginValue(i: number, c: number, at: number): void {
    const depth = this.kind.length
    if (this.streaming && depth === 3) {
      this.entryStart = at
      this.segStart = i
      this.segments = []
      this.elided = []
    }
    if (c === 0x7b || c === 0x5b) {
      const k = c === 0x7b ? OBJ : ARR
      if (depth === 0) this.rootKind = k
      // The value of a top-level "log": is it an object? (duplicates: the last one counts)
      if (depth === 1 && this.kind[0] === OBJ && this.keys[0] === 'log') {
        this.logKeys++
        this.lastLogIsObject = k === OBJ
        this.lastLogEntries = 0
        this.lastEntriesIsArray = false
      }
      if (depth === 2 && this.isLog()) {
        if (this.keys[1] === 'entries') {
          this.lastLogEntries++
          this.lastEntriesIsArray = k === ARR
          if (k === ARR && !this.entriesFound) {
            this.entriesFound = true
            this.streaming = true
            this.streamedFrom = [this.logKeys, this.lastLogEntries]
          }
        }
      }
      this.kind.push(k)
      this.keys.push(null)
      this.expect = k === OBJ ? E_KEY_OR_END : E_VALUE_OR_END
      return
    }
    this.scalarAt(depth)
    if (c === QUOTE) {
      this.beginString(i, false)
      return
    }
    if (c === 0x2d || (c >= 0x30 && c <= 0x39) || c === 0x74 || c === 0x66 || c === 0x6e) {
      this.token = String.fromCharCode(c)
      this.tokenStart = at
      return
    }
    this.fail(at, `${describe(c)} where a value was expected`)
  }

  /** Bookkeeping for a scalar value starting at `depth`: a top-level "log" or "entries" that is not a container. */
  private scalarAt(depth: number): void {
    if (depth === 0) this.rootKind = -1
    if (depth === 1 && this.kind[0] === OBJ && this.keys[0] === 'log') {
      this.logKeys++
      this.lastLogIsObject = false
      this.lastLogEntries = 0
      this.lastEntriesIsArray = false
    }
    if (depth === 2 && this.isLog() && this.keys[1] === 'entries') {
      this.lastLogEntries++
      this.lastEntriesIsArray = false
    }
  }

  /** Frame 1 is an object that is the value of a top-level "log". */
  private isLog(): boolean {
    return this.kind[0] === OBJ && this.keys[0] === 'log' && this.kind[1] === OBJ
  }

  private endToken(chunk: Uint8Array | null, i: number): void {
    const t = this.token
    this.token = ''
    if (!(t === 'true' || t === 'false' || t === 'null' || NUMBER.test(t))) this.fail(this.tokenStart, `bad literal or number "${t.slice(0, 40)}"`)
    this.valueDone(chunk, i)
  }

  /** A value ended just before chunk[i] (chunk null: at the end of the input). */
  private valueDone(chunk: Uint8Array | null, i: number): void {
    this.expect = this.kind.length === 0 ? E_EOF : E_COMMA_OR_END
    if (this.entryStart >= 0 && this.kind.length === 3) this.finishEntry(chunk, i)
  }

  private close(chunk: Uint8Array, i: number): void {
    if (this.streaming && this.kind.length === 3) this.streaming = false // the entries array closes
    this.kind.pop()
    this.keys.pop()
    this.valueDone(chunk, i + 1)
  }

  private beginString(i: number, key: boolean): void {
    this.inString = true
    this.strStart = this.base + i
    this.strKey = key
    this.strEsc = 0
    // Keys the scan looks for: at the top level, in the log, and the first two levels of an entry.
    const depth = this.kind.length
    this.keyBytes = key && (depth === 1 || depth === 2 || depth === 4 || depth === 5) ? [] : null
    if (key) this.keys[depth - 1] = null
  }

  /**
   * Through a string to its closing quote, checking escapes and control characters as JSON.parse would
   * (a string left out of the skeleton must still be valid JSON). Four bytes at a time: a word with no
   * quote, backslash or control byte in it (bit tricks on an Int32Array view of the chunk, several times
   * a byte loop's speed) is skipped whole; the others go byte by byte. Returns where to go on.
   */
  private scanString(chunk: Uint8Array, i: number): number {
    const n = chunk.length
    const words = this.words
    const a0 = this.wordsAt
    const strings = this.strings
    const start = i
    let esc = this.strEsc
    while (i < n) {
      if (esc === 0) {
        i = strings ? strings.skip(i) : nextFlagged(words, a0, i)
        if (i >= n) break
        const c = chunk[i]!
        if (c === QUOTE) {
          this.strEsc = 0
          this.captureKey(chunk, start, i)
          this.endString(chunk, i)
          return i + 1
        }
        if (c === BACKSLASH) {
          // The escape in one step when its letter is in this chunk too (nearly always).
          if (i + 1 < n) {
            const e = chunk[i + 1]!
            if (isEscape(e)) i += 2
            else if (e === 0x75) {
              esc = 2
              i += 2
            } else this.fail(this.base + i, 'bad escape in a string')
            continue
          }
          esc = 1
        } else if (c < 0x20) this.fail(this.base + i, `${describe(c)} in a string (a control character must be escaped)`)
        i++
        continue
      }
      const c = chunk[i]!
      if (esc === 1) {
        if (c === 0x75) esc = 2
        else if (isEscape(c)) esc = 0
        else this.fail(this.base + i - 1, 'bad escape in a string')
      } else {
        if (!isHex(c)) this.fail(this.base + i, 'bad \\u escape in a string')
        esc = esc === 5 ? 0 : esc + 1
      }
      i++
    }
    this.strEsc = esc
    this.captureKey(chunk, start, n)
    return n
  }

  private captureKey(chunk: Uint8Array, from: number, to: number): void {
    const kb = this.keyBytes
    if (!kb) return
    if (kb.length + (to - from) > KEY_MAX) {
      this.keyBytes = null
      return
    }
    for (let k = from; k < to; k++) kb.push(chunk[k]!)
  }

  /** The closing quote is chunk[j]. */
  private endString(chunk: Uint8Array, j: number): void {
    this.inString = false
    const end = this.base + j // the closing quote
    const depth = this.kind.length
    if (this.strKey) {
      const kb = this.keyBytes
      this.keyBytes = null
      this.keys[depth - 1] = kb ? this.keyText(kb) : null
      this.expect = E_COLON
      return
    }
    if (this.entryStart >= 0 && end - this.strStart - 1 > LONG && !this.readsForBos(depth)) this.elided.push(this.strStart + 1, end)
    this.valueDone(chunk, j + 1)
  }

  private keyText(kb: number[]): string | null {
    const s = String.fromCharCode(...kb)
    if (!kb.includes(BACKSLASH) && !kb.some((b) => b >= 0x80)) return s
    try {
      return JSON.parse(`"${this.decoder.decode(new Uint8Array(kb))}"`) as string
    } catch {
      return null
    }
  }

  /** A string value at this depth is request.url or inside the request or response headers. */
  private readsForBos(depth: number): boolean {
    if (depth < 5) return false
    const a = this.keys[3]
    const b = this.keys[4]
    return (a === 'request' && (b === 'url' || b === 'headers')) || (a === 'response' && b === 'headers')
  }

  /** The entry ended just before chunk[i]. */
  private finishEntry(chunk: Uint8Array | null, i: number): void {
    if (chunk) this.segments.push(chunk.subarray(this.segStart, i))
    const start = this.entryStart
    const end = this.base + i
    const segments = this.segments
    const elided = this.elided
    this.entryStart = -1
    this.segments = []
    this.elided = []
    this.ready.push(this.record(this.index++, start, end, segments, elided))
  }

  /** The record of an entry the hand-off took: its extent and bytes only. */
  private handedRecord(index: number, start: number, end: number, bytes: Uint8Array): HarEntryRecord {
    this.lastEnd = end
    const none = () => {
      throw new Error('an entry handed off is not parsed by the reader')
    }
    return { index, start, end, bos: false, handedOff: true, complete: true, skeleton: undefined, full: none, bytes: () => bytes }
  }

  /** `parsed`: the entry already parsed (its bytes are one segment and nothing is left out). */
  private record(index: number, start: number, end: number, segments: Uint8Array[], elided: number[], parsed?: unknown): HarEntryRecord {
    this.lastEnd = end
    const decoder = this.decoder
    let whole: Uint8Array | null = null
    const bytes = () => (whole ??= concat(segments, end - start))
    const parse = (b: Uint8Array, what: string): unknown => {
      const text = entryText(decoder, b, start, index, end - start)
      try {
        return JSON.parse(text) as unknown
      } catch (e) {
        throw stringError(bytes(), start) ?? new HarSyntaxError(start, `entry ${index}${what}: ${(e as Error).message}`)
      }
    }
    const complete = elided.length === 0
    const skeleton = parsed !== undefined ? parsed : parse(complete ? bytes() : skeletonBytes(segments, start, end, elided), '')
    let full: unknown = complete ? skeleton : undefined
    let done = complete
    const bos = recordIsBos(skeleton, this.isCustomHost)
    return {
      index,
      start,
      end,
      bos,
      complete,
      skeleton,
      full: () => {
        if (!done) {
          full = parse(bytes(), '')
          done = true
        }
        return full
      },
      bytes,
    }
  }
}

const utf8 = new TextDecoder()

/** One entry's bytes (a record's `bytes()`, kept or read again) parsed as the reader parses it. */
export function parseHarEntry(bytes: Uint8Array): unknown {
  return JSON.parse(utf8.decode(bytes)) as unknown
}

/** The verdict a record gives of an entry parsed in full (`bos`): what a taker of handed-off entries applies. */
export function recordIsBos(raw: unknown, isCustomHost?: (host: string) => boolean): boolean {
  return mayBeBos(raw, isCustomHost) && isBos(raw, isCustomHost)
}

function isBos(raw: unknown, isCustomHost?: (host: string) => boolean): boolean {
  // Most BOS requests are told by their host: no exchange (and no header map) is built for them.
  const byUrl = matchByUrl(exchangeUrl(raw), isCustomHost)
  if (byUrl !== null) return byUrl
  const x = toExchange(raw)
  return !!x && matchBos(x, isCustomHost) !== null
}

/** The entry's bytes without the contents of the strings left out. */
function skeletonBytes(segments: readonly Uint8Array[], start: number, end: number, elided: readonly number[]): Uint8Array {
  let dropped = 0
  for (let k = 0; k < elided.length; k += 2) dropped += elided[k + 1]! - elided[k]!
  const out = new Uint8Array(end - start - dropped)
  let at = 0
  let pos = start // offset of the current segment's first byte
  let k = 0
  for (const seg of segments) {
    const segEnd = pos + seg.length
    let from = pos
    while (from < segEnd) {
      // Skip elided ranges that are already behind.
      while (k < elided.length && elided[k + 1]! <= from) k += 2
      const cut = k < elided.length ? elided[k]! : Infinity
      if (cut >= segEnd) {
        out.set(seg.subarray(from - pos), at)
        at += segEnd - from
        from = segEnd
      } else {
        if (cut > from) {
          out.set(seg.subarray(from - pos, cut - pos), at)
          at += cut - from
        }
        from = Math.min(segEnd, elided[k + 1]!)
      }
    }
    pos = segEnd
  }
  return out
}

async function* records(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, opts: HarReadOptions): AsyncGenerator<HarEntryRecord> {
  const scanner = new HarScanner(opts.isCustomHost, opts.strings, opts.handOff)
  let read = 0
  // Chunks pushed and not released yet, with the offset of their first byte.
  const held: { chunk: Uint8Array; at: number }[] = []
  for await (const chunk of source) {
    opts.signal?.throwIfAborted()
    scanner.push(chunk)
    if (opts.release) held.push({ chunk, at: read })
    read += chunk.length
    opts.onProgress?.(read)
    yield* scanner.take()
    if (opts.release) {
      const open = scanner.openEntryStart()
      while (held.length && (open < 0 || held[0]!.at + held[0]!.chunk.length <= open)) opts.release(held.shift()!.chunk)
    }
  }
  opts.signal?.throwIfAborted()
  scanner.end()
  yield* scanner.take()
}

/**
 * Every entry of `log.entries` with its byte extent, its BOS verdict and its skeleton; `full()` parses
 * it whole. Throws HarSyntaxError (with the byte offset) when the input is not JSON, NotAHarError when it
 * is JSON without log.entries (or is empty), HarAmbiguousError for duplicate "log"/"entries" keys; those
 * come only at the end of the input for what only the end can tell, so a caller that must not act on a
 * broken file waits for the last record.
 */
export function readHarRecords(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, opts: HarReadOptions = {}): AsyncGenerator<HarEntryRecord> {
  return records(source, opts)
}

/**
 * The entries of a HAR, in order, one per element of `log.entries`: those analysis may take as BOS
 * parsed in full; the others as their skeleton (long strings such as bodies replaced by "", never
 * decoded), which is all a BOS analysis reads of them (BosAnalyzer.analyze returns null for it as it
 * would for the entry). Errors as readHarRecords.
 */
export async function* readHarEntries(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, opts: HarReadOptions = {}): AsyncGenerator<unknown> {
  // Every entry comes out parsed here: a handOff is for readers of records.
  for await (const r of records(source, { ...opts, handOff: undefined })) yield r.bos ? r.full() : r.skeleton
}
