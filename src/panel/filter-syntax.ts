// The filter's syntax, the Network panel's: words match the fields a user would paste; `key:value` tokens
// filter on a property (status-code:403, method:PUT, larger-than:1M, domain:*.bcebos.com, and ours: code:,
// op:, bucket:, key:, finding:, has:finding, is:preflight); a leading "-" negates any token; /…/ is a regular
// expression. Loaded after the first paint (./filter.ts): plain words work before it is in.
import type { CapturedRecord } from '../devtools/store-types.ts'
import { isFailed, recordSize } from './format.ts'
import { regexMatch, textMatch, type Match } from './filter-fields.ts'

/** The property keys, for the tooltip and the input's suggestions (in this order). */
export const FILTER_KEYS = [
  'status-code:',
  'method:',
  'domain:',
  'larger-than:',
  'code:',
  'op:',
  'bucket:',
  'key:',
  'finding:',
  'has:finding',
  'has:error',
  'has:upload',
  'is:preflight',
  'is:s3',
] as const

const contains = (field: (r: CapturedRecord) => string | null | undefined, v: string): Match => {
  const needle = v.toLowerCase()
  return (r) => (field(r) ?? '').toLowerCase().includes(needle)
}

/** `*` wildcards (the Network panel's domain: rule), whole value, case-insensitive. */
function wildcard(v: string): RegExp {
  return new RegExp(`^${v.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`, 'i')
}

/** "100", "10k", "1.5M" (the Network panel's larger-than: units, 1k = 1024). */
export function parseSize(v: string): number | null {
  const m = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(v.trim())
  if (!m) return null
  const unit = m[2]!.toLowerCase() === 'k' ? 1024 : m[2]!.toLowerCase() === 'm' ? 1024 * 1024 : 1
  return Number(m[1]) * unit
}

function statusMatch(v: string): Match | null {
  if (/^\d{3}$/.test(v)) return (r) => r.analysis.status === Number(v)
  if (/^[1-5]xx$/i.test(v)) return (r) => Math.floor(r.analysis.status / 100) === Number(v[0])
  if (v === '0') return (r) => r.analysis.status === 0
  return null
}

/** A `key:value` token, or null when the key is not one of ours (the token is then plain text). */
function property(key: string, v: string): Match | null {
  switch (key) {
    case 'status-code':
      return statusMatch(v)
    case 'method':
      return (r) => r.analysis.method.toUpperCase() === v.toUpperCase()
    case 'domain': {
      const re = wildcard(v)
      return (r) => re.test(r.analysis.host)
    }
    case 'larger-than': {
      const n = parseSize(v)
      return n === null ? null : (r) => recordSize(r) > n
    }
    case 'code':
      return contains((r) => r.analysis.error?.code, v)
    case 'op':
    case 'operation':
      return contains((r) => r.analysis.operation, v)
    case 'bucket': {
      const re = wildcard(v)
      return (r) => re.test(r.analysis.bucket ?? '')
    }
    case 'key':
      return contains((r) => r.analysis.key, v)
    case 'finding':
      return (r) => r.analysis.findings.some((f) => f.id.includes(v.toLowerCase()))
    case 'has':
      if (v === 'finding' || v === 'findings') return (r) => r.analysis.findings.length > 0
      if (v === 'error') return (r) => isFailed(r.analysis)
      if (v === 'upload') return (r) => r.analysis.uploadId !== null
      return null
    case 'is':
      if (v === 'preflight') return (r) => r.analysis.preflight
      if (v === 's3') return (r) => r.analysis.matchedBy === 's3'
      if (v === 'error' || v === 'failed') return (r) => isFailed(r.analysis)
      return null
    default:
      return null
  }
}

/** Splits on spaces, keeping "quoted phrases" together (quotes removed). */
function tokens(text: string): string[] {
  return [...text.matchAll(/(-?)"([^"]*)"|(\S+)/g)].map((m) => (m[3] !== undefined ? m[3] : `${m[1]}${m[2]}`)).filter((t) => t !== '' && t !== '-')
}

/** The text as a match, in the Network panel's syntax. Throws a SyntaxError for an invalid /regex/. */
export function compileSyntax(t: string): Match {
  const parts: Match[] = []
  for (const raw of tokens(t)) {
    const negate = raw.startsWith('-') && raw.length > 1
    const token = negate ? raw.slice(1) : raw
    let m: Match | null = null
    const slash = /^\/(.+)\/$/.exec(token)
    if (slash) m = regexMatch(slash[1]!)
    else {
      const colon = token.indexOf(':')
      // "https://…" pasted whole is text: a key has no "/" and is followed by a value.
      if (colon > 0 && !token.slice(0, colon).includes('/')) m = property(token.slice(0, colon).toLowerCase(), token.slice(colon + 1))
      if (!m) m = textMatch(token)
    }
    parts.push(negate ? (r) => !m!(r) : m)
  }
  return (r) => parts.every((p) => p(r))
}
