// Reads a HAR file or standard input and parses it. Errors become one sentence for stderr.
import { readFileSync } from 'node:fs'

export class InputError extends Error {}

const label = (path: string) => (path === '-' ? 'standard input' : path)

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
    const code = (e as NodeJS.ErrnoException).code
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : code === 'ERR_STRING_TOO_LONG'
              ? 'it is larger than the biggest string Node.js can hold (about 512 MB)'
              : (e as Error).message
    throw new InputError(`cannot read ${label(path)}: ${why}`)
  }
  if (text.trim() === '') throw new InputError(`${label(path)} is empty, not a HAR file`)
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, bytes }
}

export function parseJson(text: string, path: string): unknown {
  try {
    return JSON.parse(text)
  } catch (e) {
    const msg = (e as Error).message.replace(/^Unexpected token/, 'unexpected token')
    throw new InputError(`${label(path)} is not valid JSON (${msg}), so it is not a HAR file`)
  }
}
