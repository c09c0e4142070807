// The panel's "Export HAR": the records' HAR entries as a HAR 1.2 file. Pure (no DOM): the panel loads it
// on first use, tests call it directly. The stored entries are capped copies of what DevTools saw, so each
// gets back what the store leaves out (cookies and query, read from its headers and URL; the timing
// phases) and says in `comment`s where it is not the whole truth (bodies not kept or cut, timings reduced
// to the total). Secrets are redacted with the core's redactHar unless the user asked for them.
import { version as packageVersion } from '../../package.json'
import type { Cookie, Entry, Header, Har, QueryString } from 'har-format'
import { redactHar } from '../core/redact.ts'
import { BODY_CAP, type CapturedRecord } from '../devtools/store-types.ts'

export interface HarExportOptions {
  /** Keep signatures, security tokens and cookies (default false: redacted). */
  includeSecrets?: boolean
  /** creator.version (default: the extension's version). */
  version?: string
}

const EPOCH = new Date(0).toISOString()

const headerValues = (headers: readonly Header[], name: string) => headers.filter((h) => h.name.toLowerCase() === name).map((h) => h.value)

/** `Cookie: a=1; b=2` → [{a,1},{b,2}]. */
function requestCookies(headers: readonly Header[]): Cookie[] {
  return headerValues(headers, 'cookie').flatMap((v) =>
    v.split(';').flatMap((pair) => {
      const eq = pair.indexOf('=')
      const name = (eq < 0 ? pair : pair.slice(0, eq)).trim()
      return name ? [{ name, value: eq < 0 ? '' : pair.slice(eq + 1).trim() }] : []
    }),
  )
}

/** Each Set-Cookie (Chrome joins several with newlines) → {name, value, attributes}. */
function responseCookies(headers: readonly Header[]): Cookie[] {
  return headerValues(headers, 'set-cookie')
    .flatMap((v) => v.split('\n'))
    .flatMap((line) => {
      const [pair = '', ...attrs] = line.split(';')
      const eq = pair.indexOf('=')
      const name = (eq < 0 ? pair : pair.slice(0, eq)).trim()
      if (!name) return []
      const cookie: Cookie = { name, value: eq < 0 ? '' : pair.slice(eq + 1).trim() }
      for (const attr of attrs) {
        const [k = '', ...rest] = attr.split('=')
        const key = k.trim().toLowerCase()
        const val = rest.join('=').trim()
        if (key === 'path') cookie.path = val
        else if (key === 'domain') cookie.domain = val
        else if (key === 'expires' && Number.isFinite(Date.parse(val))) cookie.expires = new Date(val).toISOString()
        else if (key === 'httponly') cookie.httpOnly = true
        else if (key === 'secure') cookie.secure = true
      }
      return [cookie]
    })
}

function queryString(url: string): QueryString[] {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }))
  } catch {
    return []
  }
}

function bodyComment(r: CapturedRecord): string | undefined {
  const { body } = r
  const { size: n } = r.entry.response.content
  const size = n >= 0 ? ` (the response had ${n} bytes)` : ''
  if (body.state === 'not-needed') return `Body not kept: the BOS panel keeps the bodies of errors and of small JSON/XML answers only${size}.`
  if (body.state === 'unavailable') return `Body unavailable: DevTools (or the imported file) did not keep it${size}.`
  if (body.state === 'pending') return 'Body not in this file: it was still being read from DevTools when the file was exported.'
  if (body.capped) return `Body cut at ${BODY_CAP} characters by the BOS panel${size}.`
  return undefined
}

/** One record's entry as a HAR 1.2 entry for the file (secrets as captured: redact the whole HAR afterwards). */
export function recordToEntry(r: CapturedRecord): Entry {
  const { request: rq, response: rs, startedDateTime, time } = r.entry
  const comments: string[] = []
  const startOk = Number.isFinite(Date.parse(startedDateTime))
  if (!startOk) comments.push('Start time unknown: startedDateTime is a placeholder (1970-01-01).')
  // The core never keeps a presigned URL's signature (it is redacted before the panel sees the URL).
  if (/REDACTED/.test(rq.url)) comments.push("The URL's signature or token was not captured: the BOS panel never keeps it.")

  let postData = rq.postData && { ...rq.postData }
  if (postData && (postData.text?.length ?? 0) >= BODY_CAP) postData = { ...postData, comment: `Request body cut at ${BODY_CAP} characters by the BOS panel.` }

  const content = { ...rs.content }
  const note = bodyComment(r)
  if (note) content.comment = note

  const entry: Entry = {
    startedDateTime: startOk ? startedDateTime : EPOCH,
    time,
    request: {
      method: rq.method,
      url: rq.url,
      httpVersion: rq.httpVersion,
      cookies: requestCookies(rq.headers),
      headers: rq.headers.map((h) => ({ name: h.name, value: h.value })),
      queryString: queryString(rq.url),
      ...(postData ? { postData } : {}),
      headersSize: -1,
      bodySize: rq.bodySize,
    },
    response: {
      status: rs.status,
      statusText: rs.statusText,
      httpVersion: rs.httpVersion,
      cookies: responseCookies(rs.headers),
      headers: rs.headers.map((h) => ({ name: h.name, value: h.value })),
      content,
      redirectURL: rs.status >= 300 && rs.status < 400 ? (headerValues(rs.headers, 'location')[0] ?? '') : '',
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    // The phases DevTools measured (record.ts keptTimings); a capture without them has the total as waiting.
    timings: { blocked: -1, dns: -1, connect: -1, ssl: -1, ...r.entry.timings },
  }
  if (comments.length) entry.comment = comments.join(' ')
  if (r.entry._resourceType) entry._resourceType = r.entry._resourceType
  if (r.entry._fromCache) entry._fromCache = r.entry._fromCache
  // The network error of a request with no answer, as Chrome writes it: what its diagnosis rests on.
  const error = (rs as { _error?: unknown })._error
  if (typeof error === 'string') (entry.response as { _error?: string })._error = error
  return entry
}

/** The records as a HAR 1.2 log; redacted (core redactHar) unless `includeSecrets`. */
export function buildHar(records: readonly CapturedRecord[], opts: HarExportOptions = {}): Har {
  const har: Har = {
    log: {
      version: '1.2',
      creator: { name: 'BOS DevTools', version: opts.version ?? packageVersion },
      entries: records.map(recordToEntry),
      comment: `${records.length} BOS request${records.length === 1 ? '' : 's'} exported from the BOS DevTools panel. ${
        opts.includeSecrets
          ? 'Secrets are included: signatures, security tokens and cookies as captured.'
          : 'Signatures, security tokens, cookies and credentials are redacted.'
      }`,
    },
  }
  return opts.includeSecrets ? har : (redactHar(har) as Har)
}

/** The text of the file: the HAR, indented like DevTools' own exports. */
export const harText = (records: readonly CapturedRecord[], opts: HarExportOptions = {}) => JSON.stringify(buildHar(records, opts), null, 2)

/** bos-2026-11-26-040005.har, in local time. */
export function harFileName(at: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `bos-${at.getFullYear()}-${p(at.getMonth() + 1)}-${p(at.getDate())}-${p(at.getHours())}${p(at.getMinutes())}${p(at.getSeconds())}.har`
}
