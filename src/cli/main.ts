// `bos-devtools analyze <file.har|-> [--json] [--host pattern]…`: a thin shell over the core.
import { parseArgs } from 'node:util'
import { localizeText } from '../core/localize.ts'
import { localeFromEnv, parseLocaleOption, type Locale } from '../i18n/locale.ts'
import {
  BosAnalyzer,
  compileHostPatterns,
  HarAmbiguousError,
  HarEntryTooLargeError,
  HarSyntaxError,
  harEntries,
  isSessionRequest,
  NotAHarError,
  parseHarEntry,
  readHarRecords,
  redactHar,
} from '../core/index.ts'
import type { EntryAnalysis } from '../core/types.ts'
import { formatNote, formatSummary } from './format-text.ts'
import { isFailOn, type Options, renderer, styleOf, Tally } from './tally.ts'
import { type JsonSink, Utf8Chunks, writeJsonReport } from './json-output.ts'
import { changedWhileRead, InputError, label, openInput, parseJson, readInput, tooBigForString, type InputChunks } from './read-input.ts'
import { type RedactRead, readRedacted, writeRedacted } from './redact-stream.ts'
import { ReportArena } from './report-arena.ts'
import { simdStrings } from './simd-strings.ts'
import { AnalysisHelper, type HelperPort } from './analysis-helper.ts'
import type { HelperInit } from './analysis-worker.ts'
import { harFromTrace, isZip, NotATraceError } from '../lib/trace.ts'

export type { Options } from './tally.ts'

declare const __VERSION__: string
export const VERSION: string = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev'

const USAGE = `Usage: bos-devtools analyze <file.har | trace.zip | -> [options]
       bos-devtools redact <file.har | -> > redacted.har

analyze  explains every request to Baidu Object Storage (BOS) in a HAR
         file: operation, bucket, key, error code with its meaning and
         advice, request and debug ids, and the problems found (clock
         skew, expired signatures, Content-MD5 mismatches, policies,
         multipart uploads, CORS, ...). A Playwright trace (trace.zip)
         is read as the HAR of its network log, bodies included.
redact   writes the HAR with signatures, security tokens, form
         signatures, cookies and credentials removed, keeping what is
         needed to diagnose it (access key id, signing time, expiry).

Options:
  --json            machine-readable output (stable contract, see README)
  --host <pattern>  also treat this host as BOS (custom domain or CDN);
                    "files.example.com" or "*.example.com"; repeatable
  --fail-on <error|warning>
                    exit 1 when a finding of that severity or worse is
                    there (for CI); without it the exit status ignores
                    findings
  --lang <en|zh_CN> language of titles, details and advice (text
                    reports follow LANG when --lang is not given;
                    --json stays English unless --lang is given)
  -h, --help        show this help
  -v, --version     show the version

Exit status: 0 when the file was analysed (with --fail-on: and no finding
of that severity or worse); 1 when --fail-on matched a finding; 2 when the
input is not a readable HAR file or the arguments are wrong; 3 on an
internal error.`

export interface Io {
  out(chunk: string): void
  /**
   * The report as UTF-8 bytes (standard output); without it, the report goes to `out` as text. Returns
   * true when the chunk has been written out, so that its memory may be written over.
   */
  outBytes?(chunk: Uint8Array): boolean | undefined | void
  err(chunk: string): void
  /**
   * A promise that resolves once standard output has taken what was written, or null when it has (a pipe
   * to a slower reader would queue the whole report in memory otherwise); without it, nothing is waited for.
   */
  drained?(): Promise<void> | null
  isTTY: boolean
  env: Record<string, string | undefined>
  /** Starts the analysis helper thread (analysis-helper.ts); without it, all is done on this one. */
  helper?(init: HelperInit): HelperPort
}

function inputError(e: unknown, io: Io): number {
  if (!(e instanceof InputError)) throw e
  io.err(`bos-devtools: ${e.message}\n`)
  return 2
}

function notAHar(file: string, problem: string, io: Io): number {
  io.err(`bos-devtools: ${file === '-' ? 'standard input' : file} is ${problem}\n`)
  return 2
}

/** The whole file parsed at once, with its log.entries; an exit code (after the message) when it is not a HAR. */
function parseWholeHar(text: string, file: string, io: Io): { har: unknown; entries: unknown[] } | number {
  let har: unknown
  try {
    har = parseJson(text, file)
  } catch (e) {
    return inputError(e, io)
  }
  const found = harEntries(har)
  return 'problem' in found ? notAHar(file, found.problem, io) : { har, entries: found.entries }
}

export async function main(argv: string[], io: Io): Promise<number> {
  let args
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        host: { type: 'string', multiple: true, default: [] },
        lang: { type: 'string' },
        'fail-on': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    })
  } catch (e) {
    io.err(`bos-devtools: ${(e as Error).message}\n`)
    return 2
  }
  const { values, positionals } = args
  if (values.version) {
    io.out(`${VERSION}\n`)
    return 0
  }
  if (values.help || positionals.length === 0) {
    io.out(`${USAGE}\n`)
    return positionals.length === 0 && !values.help ? 2 : 0
  }
  const [command, file, ...extra] = positionals
  if (command !== 'analyze' && command !== 'redact') {
    io.err(`bos-devtools: unknown command "${command}"; try "bos-devtools analyze session.har"\n`)
    return 2
  }
  if (!file || extra.length) {
    io.err(`bos-devtools: ${command} takes exactly one HAR file (or - for standard input)\n`)
    return 2
  }

  if (command === 'redact') return redactCommand(file, io)

  // Entry by entry when the file is shaped like a HAR (the fast path for big files); else parse it whole.
  // --json is a contract other tools parse: English unless asked; a text report follows the environment.
  const json = values.json ?? false
  const locale: Locale | null = values.lang !== undefined ? parseLocaleOption(values.lang) : json ? 'en' : localeFromEnv(io.env)
  if (!locale) {
    io.err(`bos-devtools: unknown language "${values.lang}" for --lang; use en or zh_CN\n`)
    return 2
  }
  const failOn = values['fail-on']
  if (failOn !== undefined && !isFailOn(failOn)) {
    io.err(`bos-devtools: unknown severity "${failOn}" for --fail-on; use error or warning\n`)
    return 2
  }
  const options = { json, hosts: values.host ?? [], locale, failOn: failOn ?? null }
  return withInput(file, io, (input) => analyzeInput(input, file, options, io))
}

/** Runs `use` on the opened input; an InputError from either becomes its one line and exit 2. */
async function withInput(file: string, io: Io, use: (input: InputChunks) => Promise<number>): Promise<number> {
  let input: InputChunks
  try {
    input = openInput(file)
  } catch (e) {
    return inputError(e, io)
  }
  try {
    return await use(input)
  } catch (e) {
    return inputError(e, io)
  } finally {
    input.close()
  }
}

/**
 * What the streaming reader's error says of the input, as an exit code (after its message), or 'whole'
 * when only JSON.parse of the whole document settles it (duplicate "log" or "entries" keys) and the input
 * can be read again (`rereadable`).
 */
function readFailure(e: unknown, file: string, io: Io, rereadable: boolean): number | 'whole' {
  if (e instanceof HarSyntaxError) throw new InputError(`${label(file)} is not valid JSON at byte ${e.offset} (${e.reason}), so it is not a HAR file`)
  if (e instanceof NotAHarError) return notAHar(file, e.message, io)
  if (e instanceof HarEntryTooLargeError) throw tooBigForString(file, `its log.entries[${e.index}] (at byte ${e.offset}, ${e.megabytes} MB) is`)
  if (e instanceof HarAmbiguousError) {
    if (!rereadable) throw new InputError(`${label(file)} ${e.message.replace(/^the HAR/, 'has a HAR that')}; give it as a file`)
    return 'whole'
  }
  throw e
}

/** `redact`: entry by entry (redact-stream.ts); the whole document at once only where that alone can tell. */
async function redactCommand(file: string, io: Io): Promise<number> {
  return withInput(file, io, async (opened) => {
    const input = await unzipped(opened)
    if (typeof input === 'string') return notAHar(file, input, io)
    let read: RedactRead
    try {
      // Entries past the first 64 MB of output are read again: from the file, or from memory where the
      // input cannot be read again (then it is kept whole as it is read).
      read = await readRedacted(input.chunks, { budget: LIMITS.earlyReports, keepAll: !input.at, file, strings: stringSkipper(io) })
    } catch (e) {
      if (e instanceof InputError) return inputError(e, io)
      if (e instanceof RangeError) return inputError(tooDeep(file, e), io)
      const failed = readFailure(e, file, io, !!input.at)
      return failed === 'whole' ? redactText((await readInput(file)).text, file, io) : failed
    }
    // No entry: the document is small, or all there is of it is around log.entries.
    if (read.kind === 'whole') return redactText(read.text, file, io)
    const out = sinkOf(io)
    try {
      await writeRedacted(read, input.at ?? read.again, file, out, io.drained)
    } catch (e) {
      // The frame (before any output) or an entry read again nested too deeply for JSON.stringify.
      if (e instanceof RangeError) return inputError(tooDeep(file, e), io)
      throw e
    }
    out.end()
    return 0
  })
}

function tooDeep(file: string, e: RangeError): InputError {
  // JSON.parse reads any depth; JSON.stringify recurses and overflows the stack a few thousand deep.
  return /call stack/i.test(e.message)
    ? new InputError(`${label(file)} is nested too deeply (${e.message}) to be written back as JSON`)
    : new InputError(`${label(file)} has an entry too large to be written back as JSON (${e.message})`)
}

/** The old way: the whole document parsed, redacted and written at once. */
function redactText(text: string, file: string, io: Io): number {
  const whole = parseWholeHar(text, file, io)
  if (typeof whole === 'number') return whole
  let redacted: string
  try {
    redacted = JSON.stringify(redactHar(whole.har), null, 2)
  } catch (e) {
    if (!(e instanceof RangeError)) throw e
    return inputError(tooDeep(file, e), io)
  }
  io.out(redacted + '\n')
  return 0
}

/** A Playwright trace (trace.zip) turned into the bytes of its HAR; the input itself when it is no zip. */
async function unzipped(input: InputChunks): Promise<InputChunks | string> {
  const it = Symbol.asyncIterator in input.chunks ? input.chunks[Symbol.asyncIterator]() : input.chunks[Symbol.iterator]()
  const first = await it.next()
  const head: Uint8Array[] = first.done ? [] : [first.value]
  const rest = {
    [Symbol.asyncIterator]: () => ({
      next: async (): Promise<IteratorResult<Uint8Array>> => {
        const h = head.shift()
        return h ? { done: false, value: h } : it.next()
      },
    }),
  }
  if (!head[0] || !isZip(head[0])) return { ...input, chunks: rest }
  const parts: Uint8Array[] = []
  for await (const c of rest) parts.push(c)
  let har: string
  try {
    har = JSON.stringify(harFromTrace(Buffer.concat(parts)))
  } catch (e) {
    if (!(e instanceof NotATraceError)) throw e
    return e.message
  }
  const bytes = Buffer.from(har, 'utf8')
  return { chunks: [bytes], at: (start, end) => bytes.subarray(start, end), again: () => [bytes], close: () => {} }
}

/**
 * Two passes. The first streams the input through the core's reader (har-stream.ts): it checks the whole
 * document and counts the entries. Upload sessions are prescanned (so a part is judged knowing the
 * Complete that came after it) and their entries kept for later: where each lies (a file) or its bytes
 * (standard input). Every other BOS entry is analysed at once and its report kept as bytes (ReportArena,
 * up to Limits.earlyReports bytes; past that, it is kept for later too). That is sound because only the
 * entries of upload sessions read or change what the analyzer gathers across entries (the capture notes
 * do not depend on the order), and why most of those can be analysed on the helper thread instead
 * (analysis-helper.ts). The second pass parses the entries kept for later and writes the report in the
 * file's order as it goes: the input is known to be sound. From a file, entries may go to the helper
 * unread (HarHandOff); if one was not what the separator said, the file is read once more without that.
 */
export async function analyzeInput(opened: InputChunks, file: string, values: Options, io: Io, limits: Limits = LIMITS): Promise<number> {
  const input = await unzipped(opened)
  if (typeof input === 'string') return notAHar(file, input, io)
  const first = await analyzeOnce(input, file, values, io, limits, !!input.again)
  // An entry handed off unread was not one (see HarHandOff): read again, each entry checked as it comes.
  if (first !== MISREAD) return first
  return (await analyzeOnce({ ...input, chunks: input.again!() }, file, values, io, limits, false)) as number
}

/** What a read that handed entries off unread gives when one of them was not what it seemed. */
const MISREAD = Symbol('misread')

async function analyzeOnce(input: InputChunks, file: string, values: Options, io: Io, limits: Limits, unread: boolean): Promise<number | typeof MISREAD> {
  // Kept bytes go out as they are only where the report goes out as bytes.
  const early = io.outBytes ? new ReportArena(limits.earlyReports) : null
  const helper =
    early && io.helper && io.env.BOS_DEVTOOLS_THREADS !== '1' ? new AnalysisHelper(io.helper, helperInit(values, io), early, limits.helperQueue) : null
  try {
    return await analyzeStream(input, file, values, io, limits, early, helper, unread)
  } finally {
    helper?.close()
  }
}

async function analyzeStream(
  input: InputChunks,
  file: string,
  values: Options,
  io: Io,
  limits: Limits,
  early: ReportArena | null,
  helper: AnalysisHelper | null,
  /** Whether BOS entries may be handed to the helper unread (the input can be read again if one misleads). */
  unread: boolean,
): Promise<number | typeof MISREAD> {
  const analyzer = new BosAnalyzer({ customHosts: values.hosts })
  const isCustomHost = compileHostPatterns(values.hosts)
  const tally = new Tally(values)
  const render = renderer(values, useColor(io))
  // Per BOS entry: [index, start, end] of one for the second pass, [index, -1, slot] of one already reported
  // (slot -1: no report), [index, -2, ticket] of one handed to the helper thread (unread ones, BOS or not).
  const where: number[] = []
  const kept: Uint8Array[] = []
  const held = { bytes: 0, raws: new Map<number, unknown>() }
  const helperAfter = limits.helperAfter ?? LIMITS.helperAfter!
  let analysed = 0
  let bosBytes = 0
  let total = 0
  // Tickets of the entries handed off unread, in order. Once the helper is at work, the BOS entries that
  // are not of upload sessions go to it unread where they can: it parses them, and this thread does not.
  const tickets: number[] = []
  let ticketsAt = 0
  const handOff =
    helper &&
    unread &&
    ((bytes: Uint8Array, index: number): boolean => {
      if (!helper.started || !helper.accepts(bytes.length) || !handOffUnread(bytes)) return false
      const ticket = helper.offer(index, bytes, true)
      if (ticket === null) return false
      tickets.push(ticket)
      return true
    })
  try {
    const strings = stringSkipper(io)
    for await (const r of readHarRecords(input.chunks, {
      isCustomHost,
      ...(input.release ? { release: input.release } : {}),
      ...(strings ? { strings } : {}),
      ...(handOff ? { handOff } : {}),
    })) {
      // An entry handed off unread was not one: the rest of this read is thrown away, so it stops here.
      if (helper?.misread) return MISREAD
      total++
      if (r.handedOff) {
        where.push(r.index, -2, tickets[ticketsAt++]!)
        continue
      }
      if (!r.bos) continue
      bosBytes += r.end - r.start
      const session = isSessionRequest(r.skeleton)
      if (session) {
        const raw = r.full()
        analyzer.prescanEntry(raw, r.index, true)
        // Kept parsed for the second pass while they are few (a parse saved, where GC work stays small).
        if (held.bytes < limits.heldEntries) {
          held.bytes += r.end - r.start
          held.raws.set(r.index, raw)
        }
      } else if (early && early.room > (helper?.owed ?? 0)) {
        // Past the first few (a small HAR is not worth a thread), most go to the helper thread, where the
        // BOS entries are a good part of the file (where they are not, reading is most of the work).
        analysed++
        const worth = helper && (helper.started || (analysed > helperAfter && 4 * bosBytes >= r.end))
        const ticket = worth ? helper.offer(r.index, r.bytes()) : null
        if (ticket !== null) {
          where.push(r.index, -2, ticket)
          continue
        }
        const a = analyzer.analyze(r.full(), r.index, true)
        if (!a) continue
        where.push(r.index, -1, early.add(render(tally.add(a))))
        continue
      }
      where.push(r.index, r.start, r.end)
      // A copy (a Buffer's slice() is a view of memory the reader fills again).
      if (!input.at) kept.push(held.raws.has(r.index) ? EMPTY : new Uint8Array(r.bytes()))
    }
  } catch (e) {
    helper?.close()
    // The error may be one the hand-off made (an entry's extent guessed wrong): the read again tells.
    if (tickets.length > 0) return MISREAD
    const failed = readFailure(e, file, io, !!input.at)
    return failed === 'whole' ? analyzeWhole(file, values, io) : failed
  }
  tally.summary.entries = total
  const at = input.at
  let later = 0
  /** Where[k]'s entry, left for the second pass, analysed (in the file's order: upload sessions need it). */
  const analyseLater = (k: number): EntryAnalysis | null => {
    let raw: unknown = held.raws.get(where[k]!)
    if (raw !== undefined) held.raws.delete(where[k]!)
    else {
      try {
        raw = parseHarEntry(at ? at(where[k + 1]!, where[k + 2]!) : kept[later]!)
      } catch {
        throw changedWhileRead(file)
      }
    }
    if (!at) kept[later] = EMPTY
    later++
    const a = analyzer.analyze(raw, where[k]!, true)
    return a && tally.add(a)
  }
  // While the helper thread works through what it has queued, this one analyses the entries left for
  // the second pass, in order, into the arena while it has room.
  if (helper?.started) {
    for (let k = 0; k < where.length && early!.room > helper.owed; k += 3) {
      if (where[k + 1]! < 0) continue
      const a = analyseLater(k)
      where[k + 1] = -1
      where[k + 2] = a ? early!.add(render(a)) : -1
    }
  }
  let helped: Awaited<ReturnType<AnalysisHelper['finish']>> | undefined
  try {
    helped = await helper?.finish()
  } catch (e) {
    // A helper that failed after handing back a misread (or before it could): the read again tells.
    if (tickets.length > 0) return MISREAD
    throw e
  }
  if (helper?.misread) return MISREAD
  if (helped) {
    tally.merge(helped.counts)
    analyzer.captureNotes.merge(helped.notes)
  }
  function* entries(): Generator<EntryAnalysis | Uint8Array> {
    for (let k = 0; k < where.length; k += 3) {
      const kind = where[k + 1]!
      if (kind < 0) {
        const slot = kind === -1 ? where[k + 2]! : helper!.slot(where[k + 2]!)
        if (slot >= 0) yield early!.get(slot)
        continue
      }
      const a = analyseLater(k)
      if (a) yield a
    }
  }
  return report(analyzer, tally, entries(), values, io)
}

/**
 * Whether to hand an entry's bytes off unread: when they name a BOS host and not an upload session. The
 * helper parses it, and one of an upload session after all (isSessionRequest reads the URL decoded: an
 * escape, or a "&" written as \u0026) costs a second read of the file, so this says no to the likely ones.
 */
function handOffUnread(bytes: Uint8Array): boolean {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)
  if (b.indexOf(BCEBOS_COM) < 0) return false
  for (let at = b.indexOf(UPLOAD); at >= 0; at = b.indexOf(UPLOAD, at + 1)) {
    const before = b[at - 1]
    if (before === 0x3f || before === 0x26 || b[at + 6] === 0x49 /* uploadI */) return false
  }
  return b.indexOf(APPEND) < 0
}
const BCEBOS_COM = Buffer.from('bcebos.com')
const UPLOAD = Buffer.from('upload')
const APPEND = Buffer.from('append')

/** The scan's SIMD way through long strings, unless BOS_DEVTOOLS_SIMD=0 (or WebAssembly lacks SIMD). */
const stringSkipper = (io: Io) => (io.env.BOS_DEVTOOLS_SIMD === '0' ? null : simdStrings())

function helperInit(values: Options, io: Io): HelperInit {
  return { ...values, bosDevtoolsHelper: true, color: useColor(io) }
}

export interface Limits {
  /** The most bytes of reports kept from the first pass (a 100k-entry HAR of 60% BOS makes 68 MB of --json). */
  earlyReports: number
  /** The most bytes of upload-session entries kept parsed from the first pass to the second. */
  heldEntries: number
  /**
   * BOS entries analysed on this thread before the helper thread is started (a small HAR needs none); it
   * is started only where BOS entries are a quarter of the bytes read or more.
   */
  helperAfter?: number
  /** Entries queued for the helper past which this thread analyses the next ones itself. */
  helperQueue?: number
}
const LIMITS: Limits = { earlyReports: 64 << 20, heldEntries: 16 << 20, helperAfter: 1000 }

const EMPTY = new Uint8Array(0)

/** The old way, for a HAR whose duplicate keys only JSON.parse of the whole document can settle. */
async function analyzeWhole(file: string, values: Options, io: Io): Promise<number> {
  const { text } = await readInput(file)
  const whole = parseWholeHar(text, file, io)
  if (typeof whole === 'number') return whole
  const list = whole.entries
  const analyzer = new BosAnalyzer({ customHosts: values.hosts })
  analyzer.prescan(list)
  const tally = new Tally(values)
  tally.summary.entries = list.length
  function* entries(): Generator<EntryAnalysis> {
    for (let i = 0; i < list.length; i++) {
      const a = analyzer.analyze(list[i], i)
      if (a) yield tally.add(a)
    }
  }
  return report(analyzer, tally, entries(), values, io)
}

const textStyle = (io: Io) => styleOf(useColor(io))
const useColor = (io: Io) => io.isTTY && !io.env.NO_COLOR

/** Standard output as a sink: bytes where the Io takes them, else text. */
function sinkOf(io: Io): JsonSink & { end(): void } {
  const bytesOut = io.outBytes
  return bytesOut ? new Utf8Chunks(bytesOut) : { write: (s) => io.out(s), writeBytes: (b) => io.out(Buffer.from(b).toString('utf8')), end: () => {} }
}

/** Writes the report: each entry's analysis (analysed and counted by the tally) or its bytes already rendered. */
async function report(analyzer: BosAnalyzer, tally: Tally, entries: Iterable<EntryAnalysis | Uint8Array>, values: Options, io: Io): Promise<number> {
  // The input has been read whole before this (a broken file prints nothing but its error): the report
  // goes out as it is written.
  const out = sinkOf(io)
  const pause = () => io.drained?.() ?? null
  const summary = tally.summary
  if (values.json) {
    await writeJsonReport(
      out,
      { version: VERSION },
      entries,
      () => ({
        uploads: analyzer.sessions.uploadSessions(),
        summary,
        notes: analyzer.captureNotes.notes().map((n) => (values.locale === 'en' ? n : { ...n, message: localizeText(n.note, values.locale) ?? n.message })),
      }),
      pause,
    )
  } else {
    const style = textStyle(io)
    const render = renderer(values, useColor(io))
    for (const e of entries) {
      if (e instanceof Uint8Array) out.writeBytes(e)
      else out.write(render(e))
      const wait = pause()
      if (wait) await wait
    }
    for (const n of analyzer.captureNotes.notes()) out.write(`${formatNote(localizeText(n.note, values.locale) ?? n.message, style, values.locale)}\n\n`)
    out.write(formatSummary(summary, tally.findings, style, values.locale) + '\n')
  }
  out.end()
  return tally.failed ? 1 : 0
}
