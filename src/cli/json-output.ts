// The `--json` report, written entry by entry so a 100k-entry HAR never builds one giant string.
import type { UploadSession } from '../core/sessions.ts'
import type { AnalysisSummary, EntryAnalysis } from '../core/types.ts'

export interface JsonSink {
  write(chunk: string): void
  /** Text already encoded as UTF-8 (a report kept from the first pass). */
  writeBytes(chunk: Uint8Array): void
}

const CHUNK = 1 << 20

/**
 * Output as UTF-8, each string encoded once, straight into 1 MB buffers that go out (`emit`) as they fill.
 * Appending to a string instead builds ropes that are flattened (as two-byte text as soon as one "→" is
 * in them) and encoded again on the way out, which cost more than the JSON.stringify itself. A string is
 * never split across buffers, so each buffer is whole UTF-8 text. Memory stays at one buffer: the CLI
 * writes its report only once the input has been read whole (a broken file prints nothing but its error).
 */
export class Utf8Chunks implements JsonSink {
  private buf: Buffer
  private at = 0

  private block: Buffer

  /** `emit` returns true when the chunk is written out already (so its memory may be written over). */
  constructor(private readonly emit: (chunk: Buffer) => boolean | undefined | void) {
    this.block = Buffer.allocUnsafe(CHUNK)
    this.buf = this.block
  }

  write(chunk: string): void {
    // A UTF-16 code unit takes at most 3 bytes of UTF-8 (a lone surrogate becomes U+FFFD, 3 bytes).
    const most = chunk.length * 3
    if (this.at + most > this.buf.length) {
      this.flush()
      if (most > CHUNK) {
        this.emit(Buffer.from(chunk, 'utf8'))
        return
      }
      this.fresh()
    }
    this.at += this.buf.write(chunk, this.at, 'utf8')
  }

  writeBytes(chunk: Uint8Array): void {
    if (this.at + chunk.length > this.buf.length) {
      this.flush()
      if (chunk.length > CHUNK) {
        this.emit(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length))
        return
      }
      this.fresh()
    }
    this.buf.set(chunk, this.at)
    this.at += chunk.length
  }

  /** Sends what is left. */
  end(): void {
    this.flush()
  }

  private flush(): void {
    // Standard output to a file, or to a pipe on Linux, is written at once: the same memory serves again
    // (1 MB of fresh memory costs 256 page faults). Elsewhere the rest of the buffer, then a new one.
    if (this.at > 0 && this.emit(this.buf.subarray(0, this.at)) === true && this.buf.byteOffset === this.block.byteOffset) this.buf = this.block
    else this.buf = this.buf.subarray(this.at)
    this.at = 0
  }

  private fresh(): void {
    if (this.buf.length < CHUNK) {
      this.block = Buffer.allocUnsafe(CHUNK)
      this.buf = this.block
    }
  }
}

/** The same for a caller that takes text (tests): the strings as written, lone surrogates and all. */
export class TextChunks implements JsonSink {
  private readonly done: string[] = []

  end(): void {}

  write(chunk: string): void {
    this.done.push(chunk)
  }

  writeBytes(chunk: Uint8Array): void {
    this.done.push(Buffer.from(chunk).toString('utf8'))
  }

  chunks(): string[] {
    return this.done
  }
}

export async function writeJsonReport(
  sink: JsonSink,
  meta: { version: string },
  /** Each entry's analysis, or its JSON already written as UTF-8. */
  entries: Iterable<EntryAnalysis | Uint8Array>,
  /** Called after the last entry: what only the whole file can tell. */
  tail: () => { uploads: UploadSession[]; summary: AnalysisSummary; notes: readonly unknown[] },
  /** After each entry: a promise to wait for before going on (the output is behind), or null. */
  pause?: () => Promise<void> | null,
): Promise<void> {
  sink.write(`{"tool":"bos-devtools","version":${JSON.stringify(meta.version)},"entries":[`)
  let first = true
  for (const e of entries) {
    sink.write(first ? '\n' : ',\n')
    if (e instanceof Uint8Array) sink.writeBytes(e)
    else sink.write(JSON.stringify(e))
    first = false
    const wait = pause?.()
    if (wait) await wait
  }
  const { uploads, summary, notes } = tail()
  sink.write(`${first ? '' : '\n'}],"uploads":${JSON.stringify(uploads)},"summary":${JSON.stringify(summary)},"notes":${JSON.stringify(notes)}}\n`)
}
