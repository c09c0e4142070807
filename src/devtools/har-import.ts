// Reading a HAR file someone picked or dropped on the panel: a size limit, JSON, log.entries. Every problem
// becomes one sentence for the panel, naming the file; nothing here throws.
import { harEntries } from '../core/har.ts'
import { MAX_IMPORT_BYTES } from './store-types.ts'

const MB = 1024 * 1024
const megabytes = (n: number) => `${(n / MB).toFixed(n < 10 * MB ? 1 : 0)} MB`

/** The panel's answer for a file over the limit (it checks the file's size before reading it). */
export function tooBigMessage(fileName: string, bytes: number, max = MAX_IMPORT_BYTES): string {
  return `${fileName} is ${megabytes(bytes)}: the panel imports HAR files up to ${megabytes(max)}. Analyse it on the command line instead: npx bos-devtools analyze "${fileName}"`
}

/** The entries of a HAR file's text, or why there are none. */
export function parseHarText(text: string, fileName: string, maxChars = MAX_IMPORT_BYTES): { entries: unknown[] } | { error: string } {
  if (text.length > maxChars) return { error: tooBigMessage(fileName, text.length, maxChars) }
  // Windows tools (Charles, Fiddler) may start the file with a byte-order mark, which JSON.parse refuses.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  if (!body.trim()) return { error: `${fileName} is empty: there is nothing to import.` }
  let har: unknown
  try {
    har = JSON.parse(body)
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e)
    return { error: `${fileName} is not a HAR file: it is not valid JSON (${why.length > 160 ? why.slice(0, 160) + '…' : why}).` }
  }
  const found = harEntries(har)
  if ('problem' in found) return { error: `${fileName} is ${found.problem}.` }
  return { entries: found.entries }
}
