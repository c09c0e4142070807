// Small pure formatters shared by the list and the detail view, in the panel's language. No DOM, no store.
import type { FindingId } from '../core/finding-ids.ts'
import type { TrapId } from '../core/signing.ts'
import type { Finding, MatchReason, Severity } from '../core/types.ts'
import { decodeUriOrKeep } from '../core/encoding.ts'
import type { CapturedRecord } from '../devtools/store-types.ts'
import type { UiKey } from '../i18n/index.ts'
import { findingText, t } from './i18n.ts'

/** Failed (0) and 4xx/5xx answers are shown in red, like the Network panel. */
export const isErrorStatus = (status: number): boolean => status >= 400 || status === 0

/** A failed request: a red status, or a 200 whose body is an error (CopyObject and the like, core success-body.ts). */
export const isFailed = (a: { status: number; error: unknown }): boolean => isErrorStatus(a.status) || a.error !== null

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
  if (n === null || !Number.isFinite(n) || n < 0) return t('bytes.unknown')
  if (n < 1024) return `${n} B`
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`
  if (n < 1024 ** 3) return `${(n / 1024 / 1024).toFixed(1)} MB`
  return `${(n / 1024 ** 3).toFixed(2)} GB` // a whole upload's total (10,000 parts)
}

export const statusLabel = (status: number): string => (status === 0 ? t('status.failed') : String(status))

export const recordTime = (r: CapturedRecord): string | null => r.entry.startedDateTime || r.analysis.startedDateTime

/**
 * Bytes of the answer (the HAR's content size, else its body size); the request's body for an upload
 * (its bodySize, or its Content-Length: Chrome writes bodySize 0 for a Blob or File it did not keep).
 */
export function recordSize(r: CapturedRecord): number {
  const res = r.entry.response
  const req = r.entry.request
  const answer = Math.max(res?.content?.size ?? -1, res?.bodySize ?? -1)
  const length = Number(req?.headers?.find((h) => h.name.toLowerCase() === 'content-length')?.value)
  return Math.max(answer, req?.bodySize ?? -1, Number.isFinite(length) ? length : -1, 0)
}

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
 * A label split for middle truncation: the tail is the last path segment (the file name), at most 28
 * characters, which the list never cuts; the head gives way with an ellipsis.
 */
export function splitForMiddle(label: string): { head: string; tail: string } {
  const slash = label.lastIndexOf('/', label.length - 2)
  const cut = Math.max(slash + 1, label.length - 28)
  return cut <= 0 ? { head: '', tail: label } : { head: label.slice(0, cut), tail: label.slice(cut) }
}

/** The part number of an UploadPart/UploadPartCopy request, from its query; null for any other. */
export function partNumberOf(url: string): number | null {
  const m = /[?&]partNumber=(\d+)(?:&|#|$)/.exec(url)
  return m ? Number(m[1]) : null
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

/**
 * Shows a URL with the signature of an `authorization` query parameter, tokens and SigV4 signatures
 * masked. A display-only mirror of core/redact.ts's query rules, kept here because redact.ts is not part
 * of the first paint (copies and exports go through redact.ts itself).
 */
export function maskUrl(url: string): string {
  const q = url.indexOf('?')
  if (q < 0) return url
  return (
    url.slice(0, q) +
    url
      .slice(q)
      .replace(
        /([?&#](?:authorization|x-bce-security-token|x-amz-security-token|x-amz-signature|signature)=)([^&#]*)/gi,
        (_, k: string, v: string) => k + maskAuthorization(decodeUriOrKeep(v)),
      )
  )
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

const SECRET_HEADERS = new Set([
  'x-bce-security-token',
  'x-bce-server-side-encryption-customer-key',
  'x-amz-security-token',
  'x-amz-server-side-encryption-customer-key',
  'cookie',
  'set-cookie',
])

/** The value of a header as the panel may show it: signatures, tokens, keys and cookies masked. */
export function displayHeaderValue(name: string, value: string): string {
  const n = name.toLowerCase()
  if (n === 'authorization' || n === 'proxy-authorization') return maskAuthorization(value)
  if (SECRET_HEADERS.has(n)) return value ? '••••' : value
  return value
}

/** How the request was recognised as BOS; a reason this panel has no words for (a newer core) as it is. */
export function matchedByText(m: MatchReason): string {
  const key = `matchedBy.${m}` as const
  const text = t(key)
  return text === key ? m : text
}

/** "−17 min", "+40 s": the skew on a badge, minus sign for a clock behind. */
export function shortSkew(seconds: number): string {
  const sign = seconds < 0 ? '\u2212' : '+'
  const s = Math.abs(Math.round(seconds))
  if (s < 90) return t('time.short.seconds', { sign, count: s })
  const min = Math.round(s / 60)
  if (min < 120) return t('time.short.minutes', { sign, count: min })
  const h = Math.round(min / 60)
  return h < 48 ? t('time.short.hours', { sign, count: h }) : t('time.short.days', { sign, count: Math.round(h / 24) })
}

/** "17 minutes", "2 hours 5 minutes": a span of time, the way the core's clock.ts words it in English. */
export function humanDuration(seconds: number): string {
  const s = Math.abs(Math.round(seconds))
  if (s < 90) return s === 1 ? t('time.seconds.one', { count: s }) : t('time.seconds.other', { count: s })
  const minutes = Math.round(s / 60)
  if (minutes < 120) return t('time.minutes', { count: minutes })
  const hours = Math.floor(minutes / 60)
  if (hours < 48) return minutes % 60 ? t('time.hoursMinutes', { hours, minutes: minutes % 60 }) : t('time.hours', { count: hours })
  return t('time.days', { count: Math.round(hours / 24) })
}

/** "17 minutes behind the server": this computer's clock against the server's (client minus server). */
export const describeSkew = (skewSeconds: number): string =>
  skewSeconds === 0 ? t('skew.inStep') : t(skewSeconds < 0 ? 'skew.behind' : 'skew.ahead', { duration: humanDuration(skewSeconds) })

export interface Badge {
  key: string
  label: string
  severity: Severity
  title: string
}

export const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 }
export const worse = (a: Severity, b: Severity): Severity => (RANK[a] >= RANK[b] ? a : b)

type BadgeKey = Exclude<Extract<UiKey, `badge.${string}`>, 'badge.skew'>
// Typed by the core's vocabularies: a misspelt id fails tsc instead of never showing its label.
const SHORT: Partial<Record<FindingId | TrapId, BadgeKey>> = {
  'md5-mismatch': 'badge.md5',
  'content-md5-malformed': 'badge.md5',
  'status-mismatch': 'badge.status',
  'unknown-code': 'badge.unknownCode',
  'no-error-body': 'badge.noBody',
  'error-body-not-bos': 'badge.notBos',
  'error-body-truncated': 'badge.cutOff',
  'presigned-expired': 'badge.urlExpired',
  'authorization-malformed': 'badge.auth',
  'bad-digest': 'badge.digest',
  'content-sha256-malformed': 'badge.sha256',
  'content-crc32-malformed': 'badge.crc32',
  'request-expired': 'badge.expired',
  'request-time-too-skewed': 'badge.skewed',
  'clock-skew': 'badge.clock',
  'signature-mismatch': 'badge.signature',
  'credential-region-mismatch': 'badge.region',
  'sdk-default-checksums': 'badge.checksums',
  'signed-not-sent': 'badge.signature',
  'security-token-unsigned': 'badge.sts',
  'content-type-charset': 'badge.charset',
  'host-port': 'badge.host',
  'v1-prefix': 'badge.v1',
  'uri-encoding': 'badge.encoding',
  'query-encoding': 'badge.encoding',
  'browser-controlled': 'badge.browser',
  'copy-precondition-failed': 'badge.precondition',
  'upload-already-finished': 'badge.upload',
  'part-too-small': 'badge.partSize',
  'part-etag-mismatch': 'badge.partEtag',
  'part-order-invalid': 'badge.partOrder',
  'policy-expired': 'badge.policyExpired',
  'post-form-incomplete': 'badge.form',
  'cors-etag-not-exposed': 'badge.etagHidden',
}
// Families of findings share one short label; anything newer falls back to its id's first word.
const PREFIX: Record<string, BadgeKey> = {
  cors: 'badge.cors',
  part: 'badge.parts',
  parts: 'badge.parts',
  policy: 'badge.policy',
  post: 'badge.policy',
  append: 'badge.append',
  anonymous: 'badge.anonymous',
}
const SKEW_IDS = new Set(['clock-skew', 'request-expired', 'request-time-too-skewed'])

/** One badge per kind of finding (the skew of request-expired and clock-skew is shown once). */
export function findingBadges(findings: readonly Finding[]): Badge[] {
  const out = new Map<string, Badge>()
  for (const f of findings) {
    // An expiry with the clocks in step (a stale signature or policy) is no skew: it keeps its own label.
    const skew = SKEW_IDS.has(f.id) && typeof f.skewSeconds === 'number' && Math.abs(f.skewSeconds) >= 60 ? f.skewSeconds : null
    const first = f.id.split('-')[0]!
    const badge = SHORT[f.id] ?? PREFIX[first]
    const key = skew !== null ? 'skew' : (badge ?? first)
    const label = skew !== null ? t('badge.skew', { skew: shortSkew(skew) }) : badge ? t(badge) : first
    const prev = out.get(key)
    const title = findingText(f).title
    if (prev) {
      prev.severity = worse(prev.severity, f.severity)
      prev.title += `\n${title}`
    } else out.set(key, { key, label, severity: f.severity, title })
  }
  return [...out.values()].sort((a, b) => RANK[b.severity] - RANK[a.severity])
}
