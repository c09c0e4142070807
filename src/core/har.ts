// Tolerant access to HAR 1.2 entries. HAR files come from Chrome, Firefox, Charles, proxies and
// hand edits: every field may be missing or of the wrong type, so nothing here trusts its input.

export interface HarHeader {
  name: string
  value: string
}

/** The parts of a HAR entry the core reads, after normalisation. */
export interface Exchange {
  method: string
  url: string
  /** Parsed URL, or null when the URL does not parse. */
  parsed: URL | null
  status: number
  statusText: string
  startedMs: number | null
  startedDateTime: string | null
  /** Total time in flight in ms (HAR `time`), 0 when unknown. */
  durationMs: number
  requestHeaders: HeaderMap
  responseHeaders: HeaderMap
  /** Request body as HAR keeps it (text fields of forms; may be absent or mangled for binary uploads). */
  requestBody: { mimeType: string; text: string | null; params: FormParam[] | null; size: number | null }
  responseContent: { size: number | null; mimeType: string; text: string | null; encoding: string | null }
  resourceType: string | null
  /** True when the browser served the response from its cache (its Date is then old). */
  fromCache: boolean
  /**
   * Why there was no response, as the browser recorded it: Chrome's `response._error` (net::ERR_…),
   * Playwright's `_failureText`, or a Firefox NS_ERROR_… / NS_BINDING_… status text; null when none.
   */
  networkError: string | null
}

function networkError(response: Record<string, unknown>): string | null {
  for (const v of [response._error, response._failureText, response.statusText]) {
    if (typeof v === 'string' && /^(net::ERR_|NS_ERROR_|NS_BINDING_)[A-Z0-9_]+/.test(v.trim())) return v.trim().slice(0, 200)
  }
  return null
}

/** Lower-cased header lookup; repeated headers are joined with ", " as HTTP allows. */
export class HeaderMap {
  private readonly map = new Map<string, string>()
  private readonly raw: readonly unknown[]
  private listCache: HarHeader[] | null = null

  constructor(raw: unknown) {
    this.raw = Array.isArray(raw) ? raw : []
    for (const h of this.raw) {
      const name = (h as { name?: unknown } | null)?.name
      // HTTP/2 pseudo-headers (:authority, :path) are not headers of the request.
      if (typeof name !== 'string' || name === '' || name.charCodeAt(0) === 58) continue
      const v = headerValue(h)
      const key = name.toLowerCase()
      const prev = this.map.get(key)
      this.map.set(key, prev === undefined ? v : `${prev}, ${v}`)
    }
  }

  /** The headers as sent, in order (built on first use: the analysis itself only looks names up). */
  get list(): HarHeader[] {
    if (!this.listCache) {
      this.listCache = []
      for (const h of this.raw) {
        const name = (h as { name?: unknown } | null)?.name
        if (typeof name === 'string' && name !== '' && name.charCodeAt(0) !== 58) this.listCache.push({ name, value: headerValue(h) })
      }
    }
    return this.listCache
  }

  get(name: string): string | null {
    return this.map.get(name) ?? null
  }

  has(name: string): boolean {
    return this.map.has(name)
  }

  names(): IterableIterator<string> {
    return this.map.keys()
  }
}

function headerValue(h: unknown): string {
  const value = (h as { value?: unknown }).value
  if (typeof value === 'string') return value
  try {
    return value == null ? '' : String(value)
  } catch {
    return '' // {"toString": 1} or arrays nested thousands deep: no string to be had
  }
}

/** A form field as HAR `postData.params` lists it (Firefox, Charles); file parts have a fileName. */
export interface FormParam {
  name: string
  value: string
  fileName: string | null
  contentType: string | null
}

function formParams(v: unknown): FormParam[] | null {
  if (!Array.isArray(v)) return null
  const out: FormParam[] = []
  for (const p of v) {
    const o = obj(p)
    if (typeof o.name !== 'string') continue
    out.push({ name: o.name, value: str(o.value) ?? '', fileName: str(o.fileName), contentType: str(o.contentType) })
  }
  return out
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null)
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null)
const obj = (v: unknown): Record<string, unknown> => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {})

/** Normalises one raw HAR entry; returns null when it has no usable request URL. */
export function toExchange(raw: unknown): Exchange | null {
  const entry = obj(raw)
  const request = obj(entry.request)
  const response = obj(entry.response)
  const url = str(request.url)
  if (!url) return null
  const parsed = parseUrl(url)
  const startedDateTime = str(entry.startedDateTime)
  const startedMs = startedDateTime ? Date.parse(startedDateTime) : NaN
  const postData = obj(request.postData)
  const content = obj(response.content)
  const cache = str(entry._fromCache)
  return {
    method: (str(request.method) ?? 'GET').toUpperCase(),
    url,
    parsed,
    // Failed requests are 0 in Chrome's HAR and -1 in Playwright's: both mean no response.
    // A fractional one (hand-edited HARs) is cut to its integer part: the contract promises an integer.
    status: Math.max(0, Math.trunc(num(response.status) ?? 0)),
    statusText: str(response.statusText) ?? '',
    startedMs: Number.isFinite(startedMs) ? startedMs : null,
    startedDateTime,
    durationMs: Math.max(0, num(entry.time) ?? 0),
    requestHeaders: new HeaderMap(request.headers),
    responseHeaders: new HeaderMap(response.headers),
    requestBody: {
      mimeType: str(postData.mimeType) ?? '',
      text: str(postData.text),
      params: formParams(postData.params),
      size: (num(request.bodySize) ?? -1) >= 0 ? num(request.bodySize) : null,
    },
    responseContent: {
      size: num(content.size),
      mimeType: str(content.mimeType) ?? '',
      text: str(content.text),
      encoding: str(content.encoding),
    },
    resourceType: str(entry._resourceType),
    fromCache: cache === 'disk' || cache === 'memory',
    networkError: networkError(response),
  }
}

/** The URL toExchange would parse of a raw entry: null when it has none, or none that parses. */
export function exchangeUrl(raw: unknown): URL | null {
  const url = str(obj(obj(raw).request).url)
  return url ? parseUrl(url) : null
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

const NO_QUERY = new URLSearchParams()

/** `url.searchParams`, read-only: one shared empty object for a URL without a query (most of them). */
export function queryParams(url: URL): URLSearchParams {
  return url.search === '' ? NO_QUERY : url.searchParams
}

/** The `log.entries` array of a parsed HAR file, or a sentence saying why there is none. */
export function harEntries(har: unknown): { entries: unknown[] } | { problem: string } {
  const root = obj(har)
  if (!('log' in root)) return { problem: 'not a HAR file: there is no "log" object at the top level' }
  const log = obj(root.log)
  if (!Array.isArray(log.entries)) return { problem: 'not a HAR file: "log.entries" is missing or is not an array' }
  return { entries: log.entries }
}
