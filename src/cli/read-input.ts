// Reads and parses a HAR file or standard input. Errors become one sentence for stderr.
import { readFile } from 'node:fs/promises'

export class InputError extends Error {}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

export async function readJsonInput(path: string): Promise<unknown> {
  let bytes: Buffer
  try {
    bytes = path === '-' ? await readStdin() : await readFile(path)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : (e as Error).message
    throw new InputError(`cannot read ${path === '-' ? 'standard input' : path}: ${why}`)
  }
  if (bytes.length === 0) throw new InputError(`${path === '-' ? 'standard input' : path} is empty, not a HAR file`)
  let text: string
  try {
    // Strip a UTF-8 BOM: some tools write one, JSON.parse rejects it.
    text = bytes.toString('utf8', bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0)
  } catch {
    throw new InputError(`${path} is too large to read as text (${bytes.length} bytes)`)
  }
  bytes = Buffer.alloc(0) // let the raw bytes go before parsing doubles the memory
  try {
    return JSON.parse(text)
  } catch (e) {
    const msg = (e as Error).message.replace(/^Unexpected token/, 'unexpected token')
    throw new InputError(`${path === '-' ? 'standard input' : path} is not valid JSON (${msg}), so it is not a HAR file`)
  }
}
