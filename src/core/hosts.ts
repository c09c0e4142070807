// Which requests are BOS, and where bucket, key and region sit in their URL.
import type { HeaderMap } from './har.ts'
import type { MatchReason } from './types.ts'
import { decodeUriOrKeep } from './encoding.ts'

export interface BosTarget {
  matchedBy: MatchReason
  host: string
  bucket: string | null
  /** Object key, percent-decoded; null for bucket- and service-level requests. */
  key: string | null
  region: string | null
  /** True for the S3-compatible endpoint (XML bodies, x-amz-request-id). */
  s3: boolean
}

const BCEBOS = '.bcebos.com'
// Legacy BOS endpoint from the early SDKs and the bce-bos-uploader default: bos.{region}.baidubce.com
const LEGACY = /^bos\.([a-z0-9-]+)\.baidubce\.com$/

/** pathname.replace(/^\/+/, ''), without the regex. */
function stripSlashes(pathname: string): string {
  let i = 0
  while (pathname.charCodeAt(i) === 47) i++
  return i === 0 ? pathname : pathname.slice(i)
}

/** /^\/v1(\/|$)/.test(pathname): the old API version prefix. */
function hasV1(pathname: string): boolean {
  return pathname.startsWith('/v1') && (pathname.length === 3 || pathname.charCodeAt(3) === 47)
}

function splitPath(pathname: string): { first: string | null; rest: string | null } {
  const p = stripSlashes(pathname)
  if (p === '') return { first: null, rest: null }
  const slash = p.indexOf('/')
  if (slash < 0) return { first: decodeUriOrKeep(p), rest: null }
  const rest = p.slice(slash + 1)
  return { first: decodeUriOrKeep(p.slice(0, slash)), rest: rest === '' ? null : decodeUriOrKeep(rest) }
}

function keyOf(pathname: string): string | null {
  const p = stripSlashes(pathname)
  return p === '' ? null : decodeUriOrKeep(p)
}

/** Path-style: /{bucket}/{key} or /v1/{bucket}/{key}. */
function pathStyle(url: URL, host: string, region: string | null, matchedBy: MatchReason, s3: boolean): BosTarget {
  let pathname = url.pathname
  // The /v1 prefix of the old API version; S3 has none (a bucket may be called "v1" there).
  if (!s3 && hasV1(pathname)) pathname = pathname.slice(3)
  const { first, rest } = splitPath(pathname)
  if (first === null) return { matchedBy: s3 ? 's3' : 'service', host, bucket: null, key: null, region, s3 }
  return { matchedBy, host, bucket: first, key: rest, region, s3 }
}

/**
 * Compiles user host patterns: `cdn.example.com`, `*.example.com` (any subdomain depth, not the apex),
 * or a full `https://files.example.com` (scheme and path are ignored).
 */
export function compileHostPatterns(patterns: readonly string[]): (host: string) => boolean {
  const exact = new Set<string>()
  const suffixes: string[] = []
  for (const raw of patterns) {
    let p = raw.trim().toLowerCase()
    if (!p) continue
    p = p
      .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
      .replace(/[/?#].*$/, '')
      .replace(/:\d+$/, '')
    if (p.startsWith('*.')) suffixes.push(p.slice(1))
    else if (p) exact.add(p)
  }
  return (host) => exact.has(host) || suffixes.some((s) => host.endsWith(s) && host.length > s.length)
}

/** Response headers that only BOS (or a CDN/custom domain in front of it) sends. */
function hasBosOrigin(res: HeaderMap, host: string): boolean {
  const server = res.get('server')
  if (server && /\bBceBos\b/i.test(server)) return true
  if (res.has('x-bce-debug-id')) return true
  // Every Baidu Cloud API answers with x-bce-request-id; on *.baidubce.com it is not BOS (STS, IAM, …).
  return res.has('x-bce-request-id') && !host.endsWith('.baidubce.com')
}

/**
 * What /^[a-z][a-z0-9+.-]*:\/\/(?:[^/?#@]*@)?([^/?#:]+)/i captures (the host as written, null when there is
 * none), by hand: this runs for every entry of a HAR, and the regex allocated its match each time.
 */
export function rawHost(url: string): string | null {
  const n = url.length
  const first = url.charCodeAt(0) | 32
  if (first < 97 || first > 122) return null
  let i = 1
  for (; i < n; i++) {
    const c = url.charCodeAt(i)
    const lower = c | 32
    if (!((lower >= 97 && lower <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 46 || c === 45)) break
  }
  if (url.charCodeAt(i) !== 58 || url.charCodeAt(i + 1) !== 47 || url.charCodeAt(i + 2) !== 47) return null
  const authority = i + 3
  // The regex first tries a user-info part: everything up to the first "@" that comes before any "/?#".
  let at = authority
  while (at < n) {
    const c = url.charCodeAt(at)
    if (c === 47 || c === 63 || c === 35 || c === 64) break
    at++
  }
  if (url.charCodeAt(at) === 64) {
    const end = hostEnd(url, at + 1)
    if (end > at + 1) return url.slice(at + 1, end)
  }
  const end = hostEnd(url, authority)
  return end > authority ? url.slice(authority, end) : null
}

/** The end of the run of characters other than "/?#:" that starts at `i`. */
function hostEnd(url: string, i: number): number {
  for (; i < url.length; i++) {
    const c = url.charCodeAt(i)
    if (c === 47 || c === 63 || c === 35 || c === 58) break
  }
  return i
}

function rawHeaders(v: unknown): unknown[] {
  return Array.isArray(v) ? v : []
}

/**
 * A cheap first look at a raw HAR entry: false only when it certainly is not BOS (host unknown, no BOS
 * response header, no bce-auth-v1 signature). Saves building the full exchange for page noise.
 */
export function mayBeBos(raw: unknown, isCustomHost?: (host: string) => boolean): boolean {
  const req = (raw as { request?: { url?: unknown; headers?: unknown } } | null)?.request
  const url = req?.url
  if (typeof url !== 'string') return false
  const written = rawHost(url)
  if (written === null) return true // let the full parser decide
  const host = written.toLowerCase()
  if (host.endsWith(BCEBOS) || LEGACY.test(host) || isCustomHost?.(host)) return true
  if (url.includes('bce-auth-v1')) return true
  for (const h of rawHeaders((raw as { response?: { headers?: unknown } }).response?.headers)) {
    const name = (h as { name?: unknown } | null)?.name
    if (typeof name !== 'string' || name.length < 6) continue
    const n = name.toLowerCase()
    if (n === 'server' || n.startsWith('x-bce-')) return true
  }
  for (const h of rawHeaders(req?.headers)) {
    const name = (h as { name?: unknown } | null)?.name
    if (typeof name === 'string' && name.toLowerCase() === 'authorization') return true
  }
  return false
}

export interface MatchInput {
  parsed: URL | null
  requestHeaders: HeaderMap
  responseHeaders: HeaderMap
}

/**
 * What matchBos says of a request by its URL alone: false when it is not http(s), true for a BOS endpoint,
 * a legacy or a custom host (matchBos reads no header then), null when the headers decide.
 */
export function matchByUrl(url: URL | null, isCustomHost?: (host: string) => boolean): boolean | null {
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return false
  const host = url.hostname.toLowerCase()
  return host.endsWith(BCEBOS) || LEGACY.test(host) || isCustomHost?.(host) ? true : null
}

/** Classifies a request; null when it is not BOS traffic. */
export function matchBos(x: MatchInput, isCustomHost?: (host: string) => boolean): BosTarget | null {
  const url = x.parsed
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return null
  const host = url.hostname.toLowerCase()

  if (host.endsWith(BCEBOS)) {
    const labels = host.slice(0, -BCEBOS.length).split('.')
    if (labels.length === 1) {
      // {region}.bcebos.com: path-style, or the service itself (ListBuckets)
      return pathStyle(url, host, labels[0] || null, 'path-style', false)
    }
    const last = labels[labels.length - 1]!
    if (last === 'cdn') {
      // {bucket}.cdn.bcebos.com: the default CDN domain of a bucket; the path is the key.
      return { matchedBy: 'cdn', host, bucket: labels.slice(0, -1).join('.'), key: keyOf(url.pathname), region: null, s3: false }
    }
    if (labels.length >= 2 && labels[labels.length - 2] === 's3') {
      // {bucket}.s3.{region}.bcebos.com (virtual-host) or s3.{region}.bcebos.com/{bucket}/… (path-style)
      if (labels.length === 2) return pathStyle(url, host, last, 's3', true)
      return { matchedBy: 's3', host, bucket: labels.slice(0, -2).join('.'), key: keyOf(url.pathname), region: last, s3: true }
    }
    // {bucket}.{region}.bcebos.com; bucket names have no dots, but keep whatever is there. The SDK's
    // presigned URLs keep the /v1 API prefix on bucket domains too, and BOS accepts it there.
    const path = hasV1(url.pathname) ? url.pathname.slice(3) : url.pathname
    return { matchedBy: 'virtual-host', host, bucket: labels.slice(0, -1).join('.'), key: keyOf(path), region: last, s3: false }
  }

  const legacy = LEGACY.exec(host)
  if (legacy) return pathStyle(url, host, legacy[1]!, 'path-style', false)

  if (isCustomHost?.(host)) return { matchedBy: 'custom-host', host, bucket: null, key: keyOf(url.pathname), region: null, s3: false }
  if (hasBosOrigin(x.responseHeaders, host)) {
    return { matchedBy: 'response-headers', host, bucket: null, key: keyOf(url.pathname), region: null, s3: false }
  }
  // A request that never got an answer (CORS refusal, network error) still shows a BOS signature.
  if (!host.endsWith('.baidubce.com')) {
    const auth = x.requestHeaders.get('authorization') ?? url.searchParams.get('authorization')
    if (auth?.trimStart().startsWith('bce-auth-v1/')) {
      return { matchedBy: 'signature', host, bucket: null, key: keyOf(url.pathname), region: null, s3: false }
    }
  }
  return null
}
