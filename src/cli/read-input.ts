// Reads a HAR file or standard input and parses it. Errors become one sentence for stderr.
import { readFile } from 'node:fs/promises'

export class InputError extends Error {}

const label = (path: string) => (path === '-' ? 'standard input' : path)

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

/** The whole input as text; a UTF-8 BOM (some tools write one) is dropped. */
export async function readText(path: string): Promise<string> {
  let text: string
  try {
    // Read straight to a string: no second copy of the bytes.
    text = path === '-' ? await readStdin() : await readFile(path, 'utf8')
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    const why =
      code === 'ENOENT' ? 'no such file'
      : code === 'EISDIR' ? 'it is a directory'
      : code === 'EACCES' ? 'permission denied'
      : code === 'ERR_STRING_TOO_LONG' ? 'it is larger than the biggest string Node.js can hold (about 512 MB)'
      : (e as Error).message
    throw new InputError(`cannot read ${label(path)}: ${why}`)
  }
  if (text.trim() === '') throw new InputError(`${label(path)} is empty, not a HAR file`)
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

export function parseJson(text: string, path: string): unknown {
  try {
    return JSON.parse(text)
  } catch (e) {
    const msg = (e as Error).message.replace(/^Unexpected token/, 'unexpected token')
    throw new InputError(`${label(path)} is not valid JSON (${msg}), so it is not a HAR file`)
  }
}
