// Small pure formatters shared by the list and the detail view. No DOM, no store.
import { humanDuration } from '../core/clock.ts'
import type { Finding, MatchReason, Severity } from '../core/types.ts'
import type { CapturedRecord } from '../devtools/store-types.ts'

/** Failed (0) and 4xx/5xx answers are shown in red, like the Network panel. */
export const isErrorStatus = (status: number): boolean => status >= 400 || status === 0

const pad = (n: number, w = 2) => String(n).padStart(w, '0')

/** HH:MM:SS.mmm in the user's time zone; "—" when the time is unknown. */
export function clockTime(iso: string | null): string {
  const ms = iso ? Date.parse(iso) : NaN
  if (!Number.isFinite(ms)) return '—'
  const d = new Date(ms)
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`
}

/** ISO 8601 UTC, or null when the time does not parse. */
export function isoTime(iso: string | null): string | null {
  const ms = iso ? Date.parse(iso) : NaN
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null
}

export function duration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—'
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`
}

export function bytes(n: number | null): string {
  if (n === null || !Number.isFinite(n) || n < 0) return 'unknown size'
  if (n < 1024) return `${n} B`
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`
  return `${(n / 1024 / 1024).toFixed(1)} MB`
}

export const statusLabel = (status: number): string => (status === 0 ? '(failed)' : String(status))

export const recordTime = (r: CapturedRecord): string | null => r.startedDateTime ?? r.analysis.startedDateTime

/** "bucket/key" when known, else host + path: what the user recognises in the row. */
export function objectLabel(r: CapturedRecord): string {
  const a = r.analysis
  if (a.bucket) return a.key ? `${a.bucket}/${a.key}` : `${a.bucket}/`
  try {
    const u = new URL(a.url)
    return u.host + u.pathname
  } catch {
    return withoutQuery(a.url)
  }
}

/**
 * The URL without query string, fragment or user info: a presigned URL carries its signature in the
 * query, so nothing that is shown for copying may keep it.
 */
export function withoutQuery(url: string): string {
  try {
    const u = new URL(url)
    u.search = ''
    u.hash = ''
    u.username = ''
    u.password = ''
    return u.href
  } catch {
    return url.replace(/[?#].*$/s, '')
  }
}

/** Shows a URL with the signature of an `authorization` query parameter masked. */
export function maskUrl(url: string): string {
  const q = url.indexOf('?')
  if (q < 0) return url
  return url.slice(0, q) + url.slice(q).replace(/([?&](?:authorization|x-bce-security-token)=)([^&#]*)/gi, (_, k: string, v: string) => k + maskAuthorization(decodeSafe(v)))
}

function decodeSafe(v: string): string {
  try {
    return decodeURIComponent(v)
  } catch {
    return v
  }
}

/** bce-auth-v1/ak/ts/exp/headers/•••• — everything but the signature; other schemes lose their whole credential. */
export function maskAuthorization(value: string): string {
  const v = value.trim()
  if (/^bce-auth-v1\//i.test(v)) {
    const parts = v.split('/')
    if (parts.length >= 6) return [...parts.slice(0, 5), '••••'].join('/')
    return 'bce-auth-v1/••••'
  }
  const scheme = /^([A-Za-z0-9-]+)\s+\S/.exec(v)
  return scheme ? `${scheme[1]} ••••` : '••••'
}

const SECRET_HEADERS = new Set(['x-bce-security-token', 'x-bce-server-side-encryption-customer-key', 'x-amz-security-token', 'cookie', 'set-cookie'])

/** The value of a header as the panel may show it: signatures, tokens, keys and cookies masked. */
export function displayHeaderValue(name: string, value: string): string {
  const n = name.toLowerCase()
  if (n === 'authorization' || n === 'proxy-authorization') return maskAuthorization(value)
  if (SECRET_HEADERS.has(n)) return value ? '••••' : value
  return value
}

const MATCHED_BY: Record<MatchReason, string> = {
  'virtual-host': 'virtual-hosted BOS endpoint',
  'path-style': 'path-style BOS endpoint',
  service: 'BOS service endpoint',
  s3: 'S3-compatible BOS endpoint',
  cdn: 'BOS CDN domain',
  'custom-host': 'your custom host pattern',
  'response-headers': 'BOS response headers',
  signature: 'bce-auth-v1 signature',
}
export const matchedByText = (m: MatchReason): string => MATCHED_BY[m] ?? m

/** "−17 min", "+40 s": the skew on a badge, minus sign for a clock behind. */
export function shortSkew(seconds: number): string {
  const sign = seconds < 0 ? '\u2212' : '+'
  const s = Math.abs(Math.round(seconds))
  if (s < 90) return `${sign}${s} s`
  const min = Math.round(s / 60)
  if (min < 120) return `${sign}${min} min`
  const h = Math.round(min / 60)
  return h < 48 ? `${sign}${h} h` : `${sign}${Math.round(h / 24)} d`
}

export interface Badge {
  key: string
  label: string
  severity: Severity
  title: string
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 }
export const worse = (a: Severity, b: Severity): Severity => (RANK[a] >= RANK[b] ? a : b)

const SHORT: Record<string, string> = {
  'md5-mismatch': 'MD5',
  'content-md5-malformed': 'MD5',
  'status-mismatch': 'status',
  'unknown-code': 'code?',
  'no-error-body': 'no body',
  'error-body-not-bos': 'not BOS',
  'error-body-truncated': 'cut off',
  'presigned-expired': 'URL expired',
  'authorization-malformed': 'auth',
  'bad-digest': 'digest',
  'content-sha256-malformed': 'SHA-256',
  'content-crc32-malformed': 'CRC32',
  'request-expired': 'expired',
  'request-time-too-skewed': 'skewed',
  'clock-skew': 'skew',
  'signature-mismatch': 'signature',
  'signed-not-sent': 'signature',
  'security-token-unsigned': 'STS',
  'content-type-charset': 'charset',
  'host-port': 'host',
  'v1-prefix': '/v1',
  'uri-encoding': 'encoding',
  'query-encoding': 'encoding',
  'browser-controlled': 'browser',
  'copy-precondition-failed': 'precondition',
  'upload-already-finished': 'upload',
  'part-too-small': 'part size',
  'part-etag-mismatch': 'part ETag',
  'part-order-invalid': 'part order',
  'policy-expired': 'policy expired',
  'post-form-incomplete': 'form',
  'cors-etag-not-exposed': 'ETag hidden',
}
// Families of findings share one short label; anything newer falls back to its id's first word.
const PREFIX: Record<string, string> = { cors: 'CORS', part: 'parts', parts: 'parts', policy: 'policy', post: 'policy', append: 'append' }
const shortLabel = (id: string): string => SHORT[id] ?? PREFIX[id.split('-')[0]!] ?? id.split('-')[0]!
const SKEW_IDS = new Set(['clock-skew', 'request-expired', 'request-time-too-skewed'])

/** One badge per kind of finding (the skew of request-expired and clock-skew is shown once). */
export function findingBadges(findings: readonly Finding[]): Badge[] {
  const out = new Map<string, Badge>()
  for (const f of findings) {
    // An expiry with the clocks in step (a stale signature or policy) is no skew: it keeps its own label.
    const skew = SKEW_IDS.has(f.id) && typeof f.skewSeconds === 'number' && Math.abs(f.skewSeconds) >= 60 ? f.skewSeconds : null
    const label = skew !== null ? `skew ${shortSkew(skew)}` : shortLabel(f.id)
    const key = skew !== null ? 'skew' : label
    const prev = out.get(key)
    if (prev) {
      prev.severity = worse(prev.severity, f.severity)
      prev.title += `\n${f.title}`
    } else out.set(key, { key, label, severity: f.severity, title: f.title })
  }
  return [...out.values()].sort((a, b) => RANK[b.severity] - RANK[a.severity])
}

/** "17 minutes" style span between two instants, for the Authorization tab. */
export function relative(deltaMs: number, after: string, before: string): string {
  return `${humanDuration(Math.abs(deltaMs) / 1000)} ${deltaMs >= 0 ? after : before}`
}
