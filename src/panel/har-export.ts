// The panel's "Export HAR": captured BOS records back into a HAR 1.2 file. Pure (no DOM): the panel loads
// it on first use, tests call it directly. Records are trimmed copies of what DevTools saw, so the file
// says where it is not the whole truth (bodies not kept or cut, timings reduced to the total) in
// `comment`s. Secrets are redacted with the core's redactHar unless the user asked for them.
import { version as packageVersion } from '../../package.json'
import type { HarHeader } from '../core/har.ts'
import { redactHar } from '../core/redact.ts'
import { BODY_CAP, type CapturedRecord } from '../devtools/store-types.ts'

export interface HarExportOptions {
  /** Keep signatures, security tokens and cookies (default false: redacted). */
  includeSecrets?: boolean
  /** creator.version (default: the extension's version). */
  version?: string
}

export interface HarCookie {
  name: string
  value: string
  path?: string
  domain?: string
  expires?: string
  httpOnly?: boolean
  secure?: boolean
}

export interface HarEntry {
  startedDateTime: string
  time: number
  request: {
    method: string
    url: string
    httpVersion: string
    cookies: HarCookie[]
    headers: HarHeader[]
    queryString: Array<{ name: string; value: string }>
    postData?: { mimeType: string; text?: string; params?: Array<{ name: string; value: string; fileName?: string; contentType?: string }>; comment?: string }
    headersSize: number
    bodySize: number
  }
  response: {
    status: number
    statusText: string
    httpVersion: string
    cookies: HarCookie[]
    headers: HarHeader[]
    content: { size: number; mimeType: string; text?: string; encoding?: string; comment?: string }
    redirectURL: string
    headersSize: number
    bodySize: number
  }
  cache: Record<string, never>
  timings: { blocked: number; dns: number; connect: number; send: number; wait: number; receive: number; ssl: number; comment?: string }
  comment?: string
  _resourceType?: string
  _fromCache?: string
}

export interface Har {
  log: { version: '1.2'; creator: { name: string; version: string }; entries: HarEntry[]; comment?: string }
}

const EPOCH = new Date(0).toISOString()

const headerValues = (headers: readonly HarHeader[], name: string) => headers.filter((h) => h.name.toLowerCase() === name).map((h) => h.value)

/** `Cookie: a=1; b=2` → [{a,1},{b,2}]. */
function requestCookies(headers: readonly HarHeader[]): HarCookie[] {
  return headerValues(headers, 'cookie').flatMap((v) =>
    v.split(';').flatMap((pair) => {
      const eq = pair.indexOf('=')
      const name = (eq < 0 ? pair : pair.slice(0, eq)).trim()
      return name ? [{ name, value: eq < 0 ? '' : pair.slice(eq + 1).trim() }] : []
    }),
  )
}

/** Each Set-Cookie (Chrome joins several with newlines) → {name, value, attributes}. */
function responseCookies(headers: readonly HarHeader[]): HarCookie[] {
  return headerValues(headers, 'set-cookie')
    .flatMap((v) => v.split('\n'))
    .flatMap((line) => {
      const [pair = '', ...attrs] = line.split(';')
      const eq = pair.indexOf('=')
      const name = (eq < 0 ? pair : pair.slice(0, eq)).trim()
      if (!name) return []
      const cookie: HarCookie = { name, value: eq < 0 ? '' : pair.slice(eq + 1).trim() }
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

function queryString(url: string): Array<{ name: string; value: string }> {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }))
  } catch {
    return []
  }
}

function bodyComment(r: CapturedRecord): string | undefined {
  const { body } = r.response
  const size = body.size === null ? '' : ` (the response had ${body.size} bytes)`
  if (body.state === 'not-needed') return `Body not kept: the BOS panel keeps the bodies of errors and of small JSON/XML answers only${size}.`
  if (body.state === 'unavailable') return `Body unavailable: DevTools (or the imported file) did not keep it${size}.`
  if (body.state === 'pending') return 'Body not in this file: it was still being read from DevTools when the file was exported.'
  if (body.capped) return `Body cut at ${BODY_CAP} characters by the BOS panel${size}.`
  return undefined
}

/** One record as a HAR 1.2 entry (secrets as captured: redact the whole HAR afterwards). */
export function recordToEntry(r: CapturedRecord): HarEntry {
  const x = r.extras
  const comments: string[] = []
  const startOk = r.startedDateTime !== null && Number.isFinite(Date.parse(r.startedDateTime))
  if (!startOk) comments.push('Start time unknown: startedDateTime is a placeholder (1970-01-01).')
  // The core never keeps a presigned URL's signature (it is redacted before the panel sees the URL).
  if (/REDACTED/.test(r.request.url)) comments.push("The URL's signature or token was not captured: the BOS panel never keeps it.")

  const { request: rq, response: rs } = r
  const { body } = rs
  let postData: HarEntry['request']['postData']
  if (rq.postData || x?.postParams) {
    postData = { mimeType: rq.postData?.mimeType ?? '' }
    if (rq.postData?.text != null) postData.text = rq.postData.text
    if (x?.postParams) {
      postData.params = x.postParams.map((p) => ({
        name: p.name,
        value: p.value,
        ...(p.fileName === null ? {} : { fileName: p.fileName }),
        ...(p.contentType === null ? {} : { contentType: p.contentType }),
      }))
    }
    if ((postData.text?.length ?? 0) >= BODY_CAP) postData.comment = `Request body cut at ${BODY_CAP} characters by the BOS panel.`
  }

  const content: HarEntry['response']['content'] = { size: body.size ?? -1, mimeType: body.mimeType }
  if (body.state === 'loaded' && body.text !== null) {
    content.text = body.text
    if (body.encoding) content.encoding = body.encoding
  }
  const note = bodyComment(r)
  if (note) content.comment = note

  const entry: HarEntry = {
    startedDateTime: startOk ? r.startedDateTime! : EPOCH,
    time: r.time,
    request: {
      method: rq.method,
      url: rq.url,
      httpVersion: rq.httpVersion,
      cookies: requestCookies(rq.headers),
      headers: rq.headers.map((h) => ({ name: h.name, value: h.value })),
      queryString: queryString(rq.url),
      ...(postData ? { postData } : {}),
      headersSize: -1,
      bodySize: x?.requestBodySize ?? -1,
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
    // Only the total is kept: all of it is counted as waiting, so the phases still add up to `time`.
    timings: { blocked: -1, dns: -1, connect: -1, send: 0, wait: r.time, receive: 0, ssl: -1, comment: 'The BOS panel keeps only the total time.' },
  }
  if (comments.length) entry.comment = comments.join(' ')
  if (x?.resourceType) entry._resourceType = x.resourceType
  if (x?.fromCache) entry._fromCache = x.fromCache
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
