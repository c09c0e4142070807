// Reading a HAR file someone picked or dropped on the panel: a size limit, JSON, log.entries. Every problem
// becomes one message for the panel, naming the file: a UiMessage (key and parameters), which the panel
// says in its language; the DevTools page carries no catalog. Nothing here throws.
import { harEntries } from '../core/har.ts'
import { uiMessage, type UiMessage } from '../i18n/message.ts'
import { MAX_IMPORT_BYTES } from './store-types.ts'

const MB = 1024 * 1024
/** A size as the import messages say it. */
export const megabytes = (n: number): string => `${(n / MB).toFixed(n < 10 * MB ? 1 : 0)} MB`

/** The command that analyses the file on the command line (any size). */
export const cliCommand = (fileName: string): string => `npx bos-devtools analyze "${fileName}"`

/** The panel's answer for a file over the limit (it checks the file's size before reading it). */
export function tooBigMessage(fileName: string, bytes: number, max = MAX_IMPORT_BYTES): UiMessage {
  return uiMessage('har.import.tooBig', { name: fileName, size: megabytes(bytes), limit: megabytes(max), command: cliCommand(fileName) })
}

/** The entries of a HAR file's text, or why there are none. */
export function parseHarText(text: string, fileName: string, maxChars = MAX_IMPORT_BYTES): { entries: unknown[] } | { error: UiMessage } {
  if (text.length > maxChars) return { error: tooBigMessage(fileName, text.length, maxChars) }
  // Windows tools (Charles, Fiddler) may start the file with a byte-order mark, which JSON.parse refuses.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  if (!body.trim()) return { error: uiMessage('har.import.empty', { name: fileName }) }
  let har: unknown
  try {
    har = JSON.parse(body)
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e)
    return { error: uiMessage('har.import.notJson', { name: fileName, error: why.length > 160 ? why.slice(0, 160) + '…' : why }) }
  }
  const found = harEntries(har)
  if ('problem' in found) {
    // harEntries says which of the two it is in English; the panel needs to know which, not its sentence.
    const hasLog = typeof har === 'object' && har !== null && 'log' in har
    return { error: uiMessage(hasLog ? 'har.import.noEntries' : 'har.import.noLog', { name: fileName }) }
  }
  return { entries: found.entries }
}
