// A Playwright trace (trace.zip) as a HAR: its network log (`*.network`, JSON lines) holds one
// `resource-snapshot` event per request whose `snapshot` is a HAR entry; the bodies are files of the zip,
// named by the entry (`_file: "resources/<sha1>.<ext>"`, or `_sha1` in older traces).
import { unzipSync } from 'fflate'

export class NotATraceError extends Error {
  override name = 'NotATraceError'
}

/** A zip file starts with a local file header ("PK\x03\x04"), or is an empty archive ("PK\x05\x06"). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6)
}

const TEXTUAL = /^(text\/|application\/(json|xml|javascript|x-www-form-urlencoded)|[^;]*\+(json|xml)\b)/i

interface Body {
  text?: string
  encoding?: string
  mimeType?: string
  _file?: string
  _sha1?: string
  [k: string]: unknown
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

function toBase64(b: Uint8Array): string {
  let s = ''
  for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000))
  return btoa(s)
}

/** The body's bytes put back into the HAR field, as text (UTF-8 and textual) or base64. */
function inline(body: Body | undefined, files: Record<string, Uint8Array>): void {
  if (!body || typeof body !== 'object' || typeof body.text === 'string') return
  const name = typeof body._file === 'string' ? body._file : typeof body._sha1 === 'string' ? `resources/${body._sha1}` : null
  const bytes = name ? files[name] : undefined
  if (!bytes) return
  let text: string | null = null
  if (TEXTUAL.test(body.mimeType ?? '') || !body.mimeType) {
    try {
      text = utf8.decode(bytes)
    } catch {
      text = null
    }
  }
  if (text !== null) body.text = text
  else {
    body.text = toBase64(bytes)
    body.encoding = 'base64'
  }
  delete body._file
  delete body._sha1
}

/**
 * The HAR 1.2 log of a Playwright trace, request and response bodies included. Every context's network
 * log is read (`trace.network`, `1-trace.network`, …), in the order of the entries' start times.
 */
export function harFromTrace(zip: Uint8Array): { log: { version: string; creator: { name: string; version: string }; entries: unknown[] } } {
  let files: Record<string, Uint8Array>
  try {
    files = unzipSync(zip)
  } catch (e) {
    throw new NotATraceError(`not a readable zip file (${(e as Error).message})`)
  }
  const logs = Object.keys(files)
    .filter((n) => n.endsWith('.network'))
    .sort()
  if (logs.length === 0) throw new NotATraceError('a zip file without a network log (*.network), so not a Playwright trace')
  const entries: { e: Record<string, any>; at: number; n: number }[] = []
  for (const name of logs) {
    for (const line of new TextDecoder().decode(files[name]).split('\n')) {
      if (!line.trim()) continue
      let event: { type?: string; snapshot?: Record<string, any> }
      try {
        event = JSON.parse(line)
      } catch {
        continue // a trace cut short (the browser killed mid-write) ends with a partial line
      }
      if (event?.type !== 'resource-snapshot' || !event.snapshot || typeof event.snapshot !== 'object') continue
      const e = event.snapshot
      inline(e.request?.postData, files)
      inline(e.response?.content, files)
      const at = Date.parse(e.startedDateTime)
      entries.push({ e, at: Number.isFinite(at) ? at : Number.POSITIVE_INFINITY, n: entries.length })
    }
  }
  entries.sort((a, b) => a.at - b.at || a.n - b.n)
  return { log: { version: '1.2', creator: { name: 'Playwright trace', version: '' }, entries: entries.map((x) => x.e) } }
}
