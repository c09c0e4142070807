// Reads a HAR file or standard input: whole (redact) or as chunks (analyze). Errors become one sentence for stderr.
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs'

export class InputError extends Error {}

/** How messages name the input: its path, or "standard input" for -. */
export const label = (path: string) => (path === '-' ? 'standard input' : path)

/** A file whose bytes, read again at an offset, are no longer what the first pass read there. */
export const changedWhileRead = (path: string) => new InputError(`${label(path)} changed while it was read`)

/** Node's "Cannot create a string longer than …" (Buffer, TextDecoder) or V8's "Invalid string length". */
export const isStringTooLong = (e: unknown): boolean =>
  (e as NodeJS.ErrnoException | null)?.code === 'ERR_STRING_TOO_LONG' || (e instanceof RangeError && /string length/i.test(e.message))

const BIGGEST_STRING = 'the biggest string Node.js can hold (about 512 MB)'

/** The input, or the part of it that must be read as one string, is longer than any string can be. */
export const tooBigForString = (path: string, what = 'it is') => new InputError(`cannot read ${label(path)}: ${what} larger than ${BIGGEST_STRING}`)

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

/** The whole input as text; a UTF-8 BOM (some tools write one) is dropped. */
export async function readText(path: string): Promise<string> {
  return (await readInput(path)).text
}

/**
 * The same, with the bytes it was decoded from: the text is a copy, so the caller may reuse that memory
 * (the report is written over it: memory already paged in, where fresh buffers page-faulted byte by byte).
 */
export async function readInput(path: string): Promise<{ text: string; bytes: Buffer }> {
  let text: string
  let bytes: Buffer
  try {
    // The bytes in one go, then one decode: readFile(path, 'utf8') reads and decodes 512 KB pieces on
    // the thread pool and joins them (slower, and the CLI has nothing else to do meanwhile).
    bytes = path === '-' ? await readStdin() : readFileSync(path)
    text = bytes.toString('utf8')
  } catch (e) {
    throw readError(path, e)
  }
  if (text.trim() === '') throw new InputError(`${label(path)} is empty, not a HAR file`)
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, bytes }
}

function readError(path: string, e: unknown): InputError {
  if (isStringTooLong(e)) return tooBigForString(path)
  const code = (e as NodeJS.ErrnoException).code
  const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : (e as Error).message
  return new InputError(`cannot read ${label(path)}: ${why}`)
}

const CHUNK = 1 << 20

/**
 * A file or standard input as chunks, each in memory of its own (the reader keeps the chunks of an entry
 * it is reading). A file can also be read again at any offset (`at`), for the second pass over its BOS
 * entries; standard input cannot.
 */
export interface InputChunks {
  chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>
  /** A chunk the reader is done with: a file's chunks are read into it again. */
  release?(chunk: Uint8Array): void
  /** Bytes [start, end) of a file, valid until the next call. */
  at?(start: number, end: number): Uint8Array
  /** The chunks again from the start (a file; standard input cannot). */
  again?(): Iterable<Uint8Array> | AsyncIterable<Uint8Array>
  close(): void
}

export function openInput(path: string): InputChunks {
  if (path === '-') {
    return {
      chunks: (async function* () {
        try {
          for await (const chunk of process.stdin) yield chunk as Buffer
        } catch (e) {
          throw readError(path, e)
        }
      })(),
      close: () => {},
    }
  }
  let fd: number
  let regular: boolean
  try {
    fd = openSync(path, 'r')
    regular = fstatSync(fd).isFile()
  } catch (e) {
    throw readError(path, e)
  }
  // The second pass reads windows of the file: its BOS entries are many and small, or few.
  let buffer = Buffer.alloc(0)
  let window = buffer
  let windowAt = 0
  // Chunks the reader has released: memory already paged in (a fresh buffer page-faults every 4 KB).
  const free: Buffer[] = []
  function* chunks(): Generator<Uint8Array> {
    for (let pos = 0; ; ) {
      const buf = free.pop() ?? Buffer.allocUnsafe(CHUNK)
      let n: number
      try {
        n = readSync(fd, buf, 0, CHUNK, regular ? pos : null)
      } catch (e) {
        throw readError(path, e)
      }
      if (n === 0) return
      pos += n
      yield buf.subarray(0, n)
    }
  }
  return {
    release: (chunk) => {
      if (chunk.byteOffset === 0 && chunk.buffer.byteLength === CHUNK && free.length < 8) free.push(Buffer.from(chunk.buffer, 0, CHUNK))
    },
    chunks: chunks(),
    close: () => closeSync(fd),
    // A pipe given by its path (<(zcat session.har.gz)) is read once, in order, as standard input is.
    ...(regular ? { at, again: chunks } : {}),
  }
  function at(start: number, end: number): Uint8Array {
    if (start < windowAt || end > windowAt + window.length) {
      const size = Math.max(end - start, CHUNK)
      if (buffer.length < size) buffer = Buffer.allocUnsafe(size)
      const n = readSync(fd, buffer, 0, size, start)
      window = buffer.subarray(0, n)
      windowAt = start
      if (end > windowAt + n) throw changedWhileRead(path)
    }
    return window.subarray(start - windowAt, end - windowAt)
  }
}

export function parseJson(text: string, path: string): unknown {
  try {
    return JSON.parse(text)
  } catch (e) {
    const msg = (e as Error).message.replace(/^Unexpected token/, 'unexpected token')
    throw new InputError(`${label(path)} is not valid JSON (${msg}), so it is not a HAR file`)
  }
}
