// The analysis in another language: finding titles and details, error-code texts and body notes, re-said
// from the report catalogs (src/i18n/report-*.ts) without touching the code that builds them. Pure: no DOM,
// no extension API. English is returned as it is (the same objects), so English output never changes.
//
// How a finding is re-said. Each finding id has a small spec that builds, from the finding's facts
// (skewSeconds, partNumbers, violations, origin …), the catalog messages its English title and detail are
// made of, for every variant the builder in src/core can produce. A part of the English that no fact
// carries (the status in unknown-code, the size in a body note, the Content-Type of a signing trap …) is a
// "hole": read from the English text where the message's English template puts it, never guessed. Then
// the whole candidate is rendered in English again and must equal the core's text byte for byte: only then
// is it rendered in the other language. A variant that does not come out identical (a builder changed, a
// value that cannot be read back) keeps its English title or detail: a Chinese sentence never says less
// than the English one, or something else.
import type { Locale } from '../i18n/locale.ts'
import { format } from '../i18n/format.ts'
import { reportEn, type ReportKey } from '../i18n/report-en.ts'
import { reportZh_CN } from '../i18n/report-zh_CN.ts'
import { joinClauses, joinList, joinSentences } from '../i18n/translator.ts'
import { describeErrorCode } from './error-codes-zh.ts'
import type { EntryAnalysis, ErrorInfo, Finding } from './types.ts'

const CATALOGS: Record<Locale, Readonly<Record<ReportKey, string>>> = { en: reportEn, zh_CN: reportZh_CN }

// ---- message trees ----------------------------------------------------------------------------------

/** A text in any language: a literal (data, the same everywhere) or built from catalog messages. */
type Node = string | number | Msg | Hole | Seq | List | Cap | Done
interface Msg {
  readonly k: ReportKey
  readonly p?: Readonly<Record<string, Node>>
}
/** A value only the English text holds; `as` turns what was read into a node (null: not a valid value). */
interface Hole {
  readonly h: string
  readonly as?: (raw: string) => Node | null
}
/** Sentences: a space between them in English, nothing in Chinese. */
interface Seq {
  readonly seq: readonly Node[]
}
/** "a, b" / "a、b" (list) or "a; b" / "a；b" (clauses). */
interface List {
  readonly list: readonly Node[]
  readonly sep: 'list' | 'clauses'
}
/** Upper-case first letter in English (a clause that starts a sentence). */
interface Cap {
  readonly cap: Node
}
/** Already solved. */
interface Done {
  readonly done: (l: Locale) => string
}

const m = (k: ReportKey, p?: Readonly<Record<string, Node>>): Msg => (p ? { k, p } : { k })
/** `base.one` for exactly 1, `base.other` otherwise, in every language (the Chinese .one names "1"), with {count}. */
const pl = (base: string, count: number, p: Readonly<Record<string, Node>> = {}): Msg =>
  m(`${base}.${count === 1 ? 'one' : 'other'}` as ReportKey, { ...p, count })
const hole = (h: string, as?: (raw: string) => Node | null): Hole => (as ? { h, as } : { h })
const seq = (...items: (Node | false | null | undefined)[]): Seq => ({ seq: items.filter((x): x is Node => x !== false && x !== null && x !== undefined) })
const list = (items: readonly Node[]): List => ({ list: items, sep: 'list' })
const clauses = (items: readonly Node[]): List => ({ list: items, sep: 'clauses' })

const isMsg = (n: Node): n is Msg => typeof n === 'object' && 'k' in n

type Tok = string | Hole

/** The English text of a node as literal pieces and holes. */
function tokens(n: Node, out: Tok[]): void {
  if (typeof n === 'string' || typeof n === 'number') out.push(String(n))
  else if (isMsg(n)) {
    const template = reportEn[n.k]
    let last = 0
    for (const ph of template.matchAll(/\{([A-Za-z][A-Za-z0-9_]*)\}/g)) {
      out.push(template.slice(last, ph.index))
      const v = n.p?.[ph[1]!]
      if (v === undefined) out.push(ph[0])
      else tokens(v, out)
      last = ph.index + ph[0].length
    }
    out.push(template.slice(last))
  } else if ('h' in n) out.push(n)
  else if ('seq' in n || 'list' in n) {
    const items = 'seq' in n ? n.seq : n.list
    const sep = 'seq' in n ? ' ' : n.sep === 'list' ? ', ' : '; '
    items.forEach((item, i) => {
      if (i) out.push(sep)
      tokens(item, out)
    })
  } else if ('cap' in n) {
    const inner: Tok[] = []
    tokens(n.cap, inner)
    const first = inner.findIndex((t) => typeof t !== 'string' || t !== '')
    if (first >= 0 && typeof inner[first] === 'string') inner[first] = upperFirst(inner[first] as string)
    out.push(...inner)
  } else out.push(n.done('en'))
}

const upperFirst = (s: string): string => (s ? s[0]!.toUpperCase() + s.slice(1) : s)

/**
 * Reads the holes out of `text`, in linear time: each hole ends at the first place its next literal piece
 * follows (the last piece must end the text). Null when the text does not have that shape.
 */
function match(toks: readonly Tok[], text: string): Map<Hole, string> | null {
  const pieces: Tok[] = []
  for (const t of toks) {
    if (typeof t === 'string' && typeof pieces[pieces.length - 1] === 'string') pieces[pieces.length - 1] += t
    else if (t !== '') pieces.push(t)
  }
  const got = new Map<Hole, string>()
  const byName = new Map<string, string>()
  let pos = 0
  for (let i = 0; i < pieces.length; i++) {
    const t = pieces[i]!
    if (typeof t === 'string') {
      if (!text.startsWith(t, pos)) return null
      pos += t.length
      continue
    }
    const next = pieces[i + 1]
    let end: number
    if (next === undefined) end = text.length
    else if (typeof next !== 'string')
      return null // two holes in a row: no way to tell where one ends
    else if (i + 1 === pieces.length - 1) {
      end = text.length - next.length
      if (end < pos || !text.endsWith(next)) return null
    } else {
      end = text.indexOf(next, pos)
      if (end < 0) return null
    }
    const v = text.slice(pos, end)
    const seen = byName.get(t.h)
    if (seen !== undefined && seen !== v) return null
    byName.set(t.h, v)
    got.set(t, v)
    pos = end
  }
  return pos === text.length ? got : null
}

function render(n: Node, l: Locale, vals: ReadonlyMap<string, Node>): string {
  if (typeof n === 'string' || typeof n === 'number') return String(n)
  if (isMsg(n)) {
    const params: Record<string, string> = {}
    for (const [k, v] of Object.entries(n.p ?? {})) params[k] = render(v, l, vals)
    return format(CATALOGS[l][n.k], params)
  }
  if ('h' in n) return render(vals.get(n.h) ?? '', l, vals)
  if ('seq' in n)
    return joinSentences(
      l,
      n.seq.map((x) => render(x, l, vals)),
    )
  if ('list' in n) {
    const items = n.list.map((x) => render(x, l, vals))
    return n.sep === 'list' ? joinList(l, items) : joinClauses(l, items)
  }
  if ('cap' in n) {
    const s = render(n.cap, l, vals)
    return l === 'en' ? upperFirst(s) : s
  }
  return n.done(l)
}

/**
 * The first candidate whose English, with its holes read from `english`, is exactly `english`: as a text
 * that can be said in any language. Null when none is.
 */
function solve(candidates: readonly Node[], english: string): Done | null {
  for (const c of candidates) {
    const toks: Tok[] = []
    tokens(c, toks)
    const raw = match(toks, english)
    if (!raw) continue
    const vals = new Map<string, Node>()
    let ok = true
    for (const [h, v] of raw) {
      const n = h.as ? h.as(v) : v
      if (n === null) {
        ok = false
        break
      }
      if (!vals.has(h.h)) vals.set(h.h, n)
    }
    if (!ok || render(c, 'en', vals) !== english) continue
    return { done: (l) => render(c, l, vals) }
  }
  return null
}

// ---- holes ------------------------------------------------------------------------------------------

/** A whole number as written. */
const int = (raw: string): string | null => (/^-?\d+$/.test(raw) ? raw : null)
/** One of a set of sentences (a nested message with its own holes). */
const oneOf =
  (candidates: readonly Node[]) =>
  (raw: string): Node | null =>
    solve(candidates, raw)
/** An English list "a, b" said as a list in any language. */
const splitList = (raw: string): Node | null => (raw === '' ? null : list(raw.split(', ')))
/** A fixed English word (like "(none)") said in any language; anything else as it is. */
const orWord =
  (k: ReportKey) =>
  (raw: string): Node =>
    raw === reportEn[k] ? m(k) : raw

// ---- the vocabulary ---------------------------------------------------------------------------------

/** core/clock.ts humanDuration. */
function duration(seconds: number): Node {
  const s = Math.abs(Math.round(seconds))
  if (s < 90) return pl('duration.seconds', s)
  const minutes = Math.round(s / 60)
  if (minutes < 120) return m('duration.minutes', { count: minutes })
  const hours = Math.floor(minutes / 60)
  if (hours < 48) {
    const rest = minutes % 60
    return rest ? m('duration.hoursMinutes', { hours, minutes: rest }) : m('duration.hours', { count: hours })
  }
  return m('duration.days', { count: Math.round(hours / 24) })
}

/** core/clock.ts describeSkew. */
const skewText = (skewSeconds: number): Node =>
  skewSeconds === 0 ? m('skew.inStep') : m(skewSeconds < 0 ? 'skew.behind' : 'skew.ahead', { duration: duration(skewSeconds) })

/** core/error-body.ts: the note about a response body. */
const BODY_NOTES: readonly Node[] = [
  m('body.note.head'),
  m('body.note.notKept', { size: hole('size', int) }),
  m('body.note.noResponse'),
  m('body.note.empty'),
  m('body.note.badBase64'),
  m('body.note.binarySize', { size: hole('size', int) }),
  m('body.note.binary'),
  m('body.note.jsonNoCode'),
  m('body.note.jsonNotObject'),
  m('body.note.jsonCutWithCode'),
  m('body.note.jsonCutNoCode'),
  m('body.note.xmlNoCode'),
  m('body.note.htmlTitled', { title: hole('title') }),
  m('body.note.html'),
  m('body.note.text'),
]

/** core/auth.ts: what is wrong with an authorization string. */
const AUTH_PROBLEMS: readonly Node[] = [
  m('auth.problem.v2'),
  m('auth.problem.s3', { endpoint: hole('endpoint') }),
  m('auth.problem.prefix'),
  m('auth.problem.fieldCount', { count: hole('count', int), format: hole('format') }),
  m('auth.problem.emptyAk'),
  m('auth.problem.timestamp', { timestamp: hole('timestamp') }),
  m('auth.problem.expirationNotNumber', { expiration: hole('expiration') }),
  m('auth.problem.expirationTooLarge', { expiration: hole('expiration') }),
  m('auth.problem.expirationNotAllowed', { expiration: hole('expiration', int) }),
  m('auth.problem.signedHeaders', { signedHeaders: hole('signedHeaders') }),
  m('auth.problem.signatureCase'),
  m('auth.problem.signatureLength', { length: hole('length', int) }),
]

/** core/post-policy.ts decodePolicy: why a policy cannot be read. */
const POLICY_PROBLEMS: readonly Node[] = [
  m('policy.problem.notBase64'),
  m('policy.problem.binary'),
  m('policy.problem.notJson', { error: hole('error') }),
  m('policy.problem.notObject'),
  m('policy.problem.expirationType'),
  m('policy.problem.expirationFormat', { expiration: hole('expiration') }),
  m('policy.problem.conditions'),
  m('policy.problem.nested'),
]

/** core/post-policy.ts checkConditions: a violation's `expected` or `actual`; quoted values are data. */
const POLICY_PHRASES: readonly Node[] = [
  m('policy.expected.range', { min: hole('min', int), max: hole('max', int) }),
  m('policy.expected.startsWith', { value: hole('value') }),
  m('policy.expected.matches', { pattern: hole('pattern') }),
  m('policy.expected.anySize'),
  m('policy.actual.about', { size: hole('size', int) }),
  m('policy.actual.atMost', { size: hole('size', int) }),
  m('policy.actual.requestBody', { size: hole('size', int) }),
  m('policy.actual.measured', { max: hole('max', int) }),
  m('policy.actual.notSent'),
  m('policy.actual.refused'),
]

function policyPhrase(s: string): Node | null {
  return solve(POLICY_PHRASES, s) ?? (/^"[\s\S]*"$/.test(s) ? s : null)
}

/** core/signing.ts: a trap's detail; `contentLength` and `reserved` pick the variant of two of them. */
function trapNode(id: string, n: number, v: { contentLength: boolean; reserved: boolean }): Node | null {
  switch (id) {
    case 'content-type-charset':
      return m('trap.content-type-charset.detail', { contentType: hole(`contentType${n}`) })
    case 'signed-not-sent':
      return v.contentLength
        ? m('trap.signed-not-sent.detail.contentLength', { name: 'content-length' })
        : m('trap.signed-not-sent.detail', { name: hole(`name${n}`) })
    case 'browser-controlled':
      return m('trap.browser-controlled.detail', { name: hole(`name${n}`) })
    case 'host-port':
      return m('trap.host-port.detail', { host: hole(`host${n}`) })
    case 'uri-encoding':
      return v.reserved ? m('trap.uri-encoding.detail.reserved', { chars: hole(`chars${n}`, splitList) }) : m('trap.uri-encoding.detail')
    case 'query-encoding':
      return m('trap.query-encoding.detail')
    case 'v1-prefix':
      return m('trap.v1-prefix.detail')
    case 'security-token-unsigned':
      return m('trap.security-token-unsigned.detail')
    default:
      return null
  }
}

/** Every variant of one trap's detail. */
const trapVariants = (id: string): Node[] =>
  [
    trapNode(id, 0, { contentLength: true, reserved: true }),
    ...(id === 'signed-not-sent' || id === 'uri-encoding' ? [trapNode(id, 0, { contentLength: false, reserved: false })] : []),
  ].filter((x): x is Node => x !== null)

/**
 * The details of a list of traps, in every variant the core can produce: at most one "signed but not
 * sent" is content-length (headers are signed once), and there is at most one uri-encoding trap.
 */
function trapSequences(traps: readonly string[]): Node[][] {
  const out: Node[][] = []
  const notSent = traps.flatMap((id, i) => (id === 'signed-not-sent' ? [i] : []))
  for (const cl of [-1, ...notSent]) {
    for (const reserved of traps.includes('uri-encoding') ? [true, false] : [true]) {
      const nodes = traps.map((id, i) => trapNode(id, i, { contentLength: i === cl, reserved }))
      if (nodes.every((x) => x !== null)) out.push(nodes as Node[])
    }
  }
  return out
}

/** The trap ids core/signing.ts knows (SigningTrap['id']). */
export const LOCALIZED_TRAP_IDS: readonly string[] = [
  'content-type-charset',
  'signed-not-sent',
  'browser-controlled',
  'host-port',
  'uri-encoding',
  'query-encoding',
  'v1-prefix',
  'security-token-unsigned',
]

/** core/cors.ts ruleAdvice. */
function ruleAdvice(origin: string | null, method: Node | null, headers: readonly string[]): Node {
  const o: Node = origin ?? m('cors.pageOrigin')
  const mt: Node = method ?? m('cors.requestMethod')
  return headers.length ? m('cors.ruleAdvice.headers', { origin: o, method: mt, headers: list(headers) }) : m('cors.ruleAdvice', { origin: o, method: mt })
}

// ---- facts ------------------------------------------------------------------------------------------

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null)
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null)
const nums = (v: unknown): number[] => (Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number' && Number.isFinite(x)) : [])
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [])
const pairs = (v: unknown): [string, string][] =>
  v && typeof v === 'object' && !Array.isArray(v)
    ? Object.entries(v as Record<string, unknown>).flatMap(([k, x]) => (typeof x === 'string' ? [[k, x] as [string, string]] : []))
    : []

// ---- the findings -----------------------------------------------------------------------------------

interface Spec {
  title: readonly Node[]
  detail: readonly Node[]
}

const fixed = (title: ReportKey, detail: ReportKey): Spec => ({ title: [m(title)], detail: [m(detail)] })

function expiry(f: Finding): Spec {
  const cause = str(f.cause)
  const skew = num(f.skewSeconds)
  const age = num(f.signatureAgeSeconds)
  const skewNode = skew === null ? null : skewText(skew)
  const clockOff = skew !== null && Math.abs(skew) >= 60
  const validity = hole(
    'validity',
    oneOf([m('expiry.validity.unknown'), m('expiry.validity.none'), m('expiry.validity.seconds', { seconds: hole('seconds', int) })]),
  )
  const when = age === null ? null : m(age >= 0 ? 'expiry.when.before' : 'expiry.when.after', { duration: duration(age) })
  // Every cause but client-clock ends with the measured skew, when the response had a Date.
  const measured = skewNode && m('finding.request-expired.measuredSkew', { skew: skewNode })
  const title: Node[] = []
  const detail: Node[] = []
  switch (cause) {
    case 'client-clock':
      if (skewNode) {
        title.push(m('finding.request-expired.title.client-clock', { skew: skewNode }))
        detail.push(m('expiry.client-clock.signedJustNow', { skew: skewNode, validity }), m('expiry.client-clock', { skew: skewNode }))
      }
      break
    case 'stale-signature':
      title.push(m('finding.request-expired.title.stale-signature'))
      if (when)
        detail.push(
          seq(m('expiry.stale-signature', { when, validity }), clockOff && skewNode && m('expiry.stale-signature.clockAlso', { skew: skewNode }), measured),
        )
      break
    case 'signer-clock':
      title.push(m('finding.request-expired.title.signer-clock'))
      if (when) detail.push(seq(skewNode ? m('expiry.signer-clock.skewed', { when, skew: skewNode }) : m('expiry.signer-clock.onTime', { when }), measured))
      break
    case 'sts-token':
      title.push(m('finding.request-expired.title.sts-token'))
      detail.push(seq(m('expiry.sts-token'), measured))
      break
    case 'unknown':
      title.push(m('finding.request-expired.title.unknown'))
      detail.push(
        seq(m('expiry.unknown.noFacts'), measured),
        seq(m(skewNode ? 'expiry.unknown.clocksAgree' : 'expiry.unknown.noServerDate', { validity }), measured),
      )
      break
  }
  return { title, detail }
}

function signatureMismatch(f: Finding): Spec {
  const traps = strs(f.traps)
  if (typeof f.canonicalRequest !== 'string') return fixed('finding.signature-mismatch.title.noAuth', 'finding.signature-mismatch.detail.noAuth')
  const main = m('finding.signature-mismatch.detail', {
    signedHeaders: hole('signedHeaders', orWord('finding.signature-mismatch.defaultSet')),
    ak: hole('ak'),
  })
  return {
    title: [traps.length ? pl('finding.signature-mismatch.title.traps', traps.length) : m('finding.signature-mismatch.title')],
    detail: trapSequences(traps).map((ts) => seq(...ts, main)),
  }
}

function corsPreflight(f: Finding): Spec {
  const origin = str(f.origin)
  const method = str(f.method)
  const headers = strs(f.requestHeaders)
  const advice = ruleAdvice(origin, method, headers)
  if (f.missing === 'unknown') {
    return {
      title: [m('finding.cors-preflight-failed.title.noResponse')],
      detail: [
        origin
          ? m('finding.cors-preflight-failed.detail.noResponseFrom', { origin, advice })
          : m('finding.cors-preflight-failed.detail.noResponse', { advice }),
      ],
    }
  }
  const why: Node[] =
    f.missing === 'all'
      ? [m('finding.cors-preflight-failed.why.noResponse'), m('finding.cors-preflight-failed.why.noHeaders', { status: hole('status') })]
      : f.missing === 'origin' && origin !== null
        ? [m('finding.cors-preflight-failed.why.origin', { allowed: hole('allowed'), origin })]
        : f.missing === 'method' && method !== null
          ? [m('finding.cors-preflight-failed.why.method', { allowed: hole('allowed', splitList), method })]
          : f.missing === 'headers'
            ? [m('finding.cors-preflight-failed.why.headers', { headers: hole('headers', splitList) })]
            : []
  return { title: [m('finding.cors-preflight-failed.title')], detail: why.map((w) => m('finding.cors-preflight-failed.detail', { why: w, advice })) }
}

function partEtagMismatch(f: Finding): Spec {
  const parts = nums(f.partNumbers)
  const items = clauses(
    parts.map((p, i) => m('finding.part-etag-mismatch.item', { partNumber: p, listed: hole(`listed${i}`), uploaded: hole(`uploaded${i}`) })),
  )
  return {
    title: [pl('finding.part-etag-mismatch.title', parts.length)],
    detail: (['finding.part-etag-mismatch.undefinedHint', 'finding.part-etag-mismatch.exactHint'] as const).map((hint) =>
      seq(m('finding.part-etag-mismatch.detail', { items }), m(hint)),
    ),
  }
}

function postFormIncomplete(f: Finding): Spec {
  const missing = strs(f.missing).map((x) => (x === 'accesskey' ? 'accessKey' : x))
  const afterFile = strs(f.ignoredAfterFile)
  const problems = (noFile: boolean) =>
    clauses([
      ...(missing.length ? [m('finding.post-form-incomplete.missing', { fields: list(missing) })] : []),
      ...(afterFile.length ? [m('finding.post-form-incomplete.afterFile', { fields: list(afterFile) })] : []),
      ...(noFile ? [m('finding.post-form-incomplete.noFile')] : []),
    ])
  return {
    title: [m('finding.post-form-incomplete.title'), m('finding.post-form-incomplete.title.notKept')],
    detail: [
      m('finding.post-form-incomplete.detail', { problems: problems(false) }),
      m('finding.post-form-incomplete.detail', { problems: problems(true) }),
      m('finding.post-form-incomplete.detail.notKept'),
    ],
  }
}

function policyViolation(f: Finding): Spec {
  const violations = Array.isArray(f.violations) ? (f.violations as unknown[]) : []
  const items: Node[] = []
  for (const v of violations) {
    const o = (v ?? {}) as Record<string, unknown>
    const condition = str(o.condition)
    const expected = str(o.expected)
    const actual = str(o.actual)
    const e = expected === null ? null : policyPhrase(expected)
    const a = actual === null ? null : policyPhrase(actual)
    if (condition === null || !e || !a) return { title: [pl('finding.policy-violation.title', violations.length)], detail: [] }
    items.push(m('finding.policy-violation.item', { condition, expected: e, actual: a }))
  }
  const code = violations.some((v) => str((v as Record<string, unknown> | null)?.condition)?.startsWith('content-length-range'))
    ? 'MaxMessageLengthExceeded'
    : 'AccessDenied'
  return {
    title: [pl('finding.policy-violation.title', violations.length)],
    detail: [m('finding.policy-violation.detail', { violations: clauses(items), code })],
  }
}

const SPECS: Readonly<Record<string, (f: Finding) => Spec>> = {
  'unknown-code': (f) => {
    const code = str(f.code) ?? hole('code')
    return { title: [m('finding.unknown-code.title', { code })], detail: [m('finding.unknown-code.detail', { code, status: hole('status') })] }
  },
  'status-mismatch': (f) => {
    const p = { code: hole('code'), status: num(f.observedStatus) ?? hole('status'), documented: num(f.documentedStatus) ?? hole('documented') }
    return { title: [m('finding.status-mismatch.title', p)], detail: [m('finding.status-mismatch.detail', p)] }
  },
  'no-error-body': (f) => {
    const notes = f.reason === 'head' ? [m('body.note.head')] : f.reason === 'empty' ? [m('body.note.empty')] : BODY_NOTES
    const rest = m('finding.no-error-body.detail', { status: hole('status') })
    const guesses = [null, m('finding.no-error-body.guess404'), m('finding.no-error-body.guess403')]
    return { title: [m('finding.no-error-body.title')], detail: notes.flatMap((note) => guesses.map((g) => seq(note, rest, g))) }
  },
  'error-body-not-bos': (f) => ({
    title: f.format === 'html' ? [m('finding.error-body-not-bos.title.html')] : [m('finding.error-body-not-bos.title')],
    detail: [...BODY_NOTES, m('finding.error-body-not-bos.detail')],
  }),
  'error-body-truncated': () => ({ title: [m('finding.error-body-truncated.title')], detail: [...BODY_NOTES, m('finding.error-body-truncated.detail')] }),
  'request-expired': expiry,
  'request-time-too-skewed': expiry,
  'presigned-expired': (f) => {
    const overdue = num(f.overdueSeconds)
    const expiredAt = str(f.expiredAt)
    const p = {
      signedAt: hole('signedAt'),
      seconds: hole('seconds', int),
      expiredAt: expiredAt ?? hole('expiredAt'),
      duration: overdue === null ? hole('duration') : duration(overdue),
    }
    return {
      title: [m('finding.presigned-expired.title')],
      detail: overdue === null ? [] : [m('finding.presigned-expired.detail.server', p), m('finding.presigned-expired.detail.browser', p)],
    }
  },
  'clock-skew': (f) => {
    const skew = num(f.skewSeconds)
    const serverDate = str(f.serverDate)
    return {
      title: skew === null ? [] : [m('finding.clock-skew.title', { skew: skewText(skew) })],
      detail: serverDate === null ? [] : [m('finding.clock-skew.detail', { serverDate })],
    }
  },
  'authorization-malformed': (f) => {
    const problem = str(f.problem)
    const said = problem === null ? null : solve(AUTH_PROBLEMS, problem)
    return {
      title: [m('finding.authorization-malformed.title.header'), m('finding.authorization-malformed.title.query')],
      detail: said
        ? [m('finding.authorization-malformed.detail.header', { problem: said }), m('finding.authorization-malformed.detail.query', { problem: said })]
        : [],
    }
  },
  'signature-mismatch': signatureMismatch,
  'anonymous-request': () => fixed('finding.anonymous-request.title', 'finding.anonymous-request.detail'),
  'bad-digest': (f) => {
    const sent = pairs(f.digests)
    return {
      title: [m('finding.bad-digest.title')],
      detail: [sent.length ? m('finding.bad-digest.detail', { digests: list(sent.map(([h, v]) => `${h}: ${v}`)) }) : m('finding.bad-digest.detail.none')],
    }
  },
  'md5-mismatch': (f) => {
    const md5 = str(f.contentMd5Hex)
    const etag = str(f.etag)
    const contentMd5 = str(f.contentMd5) ?? hole('contentMd5')
    if (md5 === null || etag === null) return { title: [], detail: [] }
    return f.where === 'response'
      ? { title: [m('finding.md5-mismatch.title.response')], detail: [m('finding.md5-mismatch.detail.response', { md5, etag })] }
      : { title: [m('finding.md5-mismatch.title.request')], detail: [m('finding.md5-mismatch.detail.request', { md5, contentMd5, etag })] }
  },
  'content-md5-malformed': (f) => {
    const where = f.where === 'response' ? 'response' : 'request'
    const value = str(f.value) ?? hole('value')
    const why =
      f.reason === 'hex-not-base64'
        ? m('finding.content-md5-malformed.why.hex-not-base64')
        : f.reason === 'wrong-length'
          ? m('finding.content-md5-malformed.why.wrong-length', { bytes: hole('bytes', int) })
          : m('finding.content-md5-malformed.why.not-base64')
    const hint = f.reason === 'hex-not-base64' && m('finding.content-md5-malformed.hexHint', { base64: hole('base64') })
    return {
      title: [m(`finding.content-md5-malformed.title.${where}`)],
      detail: [seq(m(`finding.content-md5-malformed.detail.${where}`, { value, why }), hint)],
    }
  },
  'content-sha256-malformed': (f) => {
    const value = str(f.value) ?? hole('value')
    const base = m('finding.content-sha256-malformed.detail', { value })
    return {
      title: [m('finding.content-sha256-malformed.title')],
      detail: [base, seq(base, m('finding.content-sha256-malformed.base64Hint', { hex: hole('hex') }))],
    }
  },
  'content-crc32-malformed': (f) => ({
    title: [m(f.where === 'response' ? 'finding.content-crc32-malformed.title.response' : 'finding.content-crc32-malformed.title.request')],
    detail: [m('finding.content-crc32-malformed.detail', { value: str(f.value) ?? hole('value') })],
  }),
  'policy-expired': (f) => {
    const p = { expiration: str(f.expiration) ?? hole('expiration'), seconds: num(f.overdueSeconds) ?? hole('seconds', int) }
    return { title: [m('finding.policy-expired.title')], detail: [m('finding.policy-expired.detail.server', p), m('finding.policy-expired.detail.browser', p)] }
  },
  'policy-violation': policyViolation,
  'policy-invalid': (f) => {
    const problem = str(f.problem)
    const said = problem === null ? null : solve(POLICY_PROBLEMS, problem)
    // The JSON shape is an example, passed as a parameter: templates allow no literal braces.
    const shape = '{"expiration": "…Z", "conditions": [...]}'
    return { title: [m('finding.policy-invalid.title')], detail: said ? [m('finding.policy-invalid.detail', { problem: { cap: said }, shape })] : [] }
  },
  'post-form-incomplete': postFormIncomplete,
  'part-too-small': (f) => {
    const parts = nums(f.partNumbers)
    return {
      title: [pl('finding.part-too-small.title', parts.length, { parts: list(parts) })],
      detail: [
        m('finding.part-too-small.detail', {
          sizes: clauses(parts.map((p, i) => m('finding.part-too-small.item', { partNumber: p, size: hole(`size${i}`, int) }))),
        }),
      ],
    }
  },
  'part-etag-mismatch': partEtagMismatch,
  'part-order-invalid': (f) => {
    const parts = nums(f.partNumbers)
    const at = parts.findIndex((n, i) => i > 0 && n <= parts[i - 1]!)
    return {
      title: [m('finding.part-order-invalid.title')],
      detail: at > 0 ? [m('finding.part-order-invalid.detail', { numbers: list(parts), part: parts[at]!, previous: parts[at - 1]! })] : [],
    }
  },
  'parts-not-listed': (f) => {
    const parts = nums(f.partNumbers)
    return { title: [m('finding.parts-not-listed.title')], detail: [pl('finding.parts-not-listed.detail', parts.length, { parts: list(parts) })] }
  },
  'parts-not-uploaded': (f) => {
    const parts = nums(f.partNumbers)
    return { title: [m('finding.parts-not-uploaded.title')], detail: [pl('finding.parts-not-uploaded.detail', parts.length, { parts: list(parts) })] }
  },
  'upload-already-finished': (f) => {
    const entry = num(f.endedAt)
    if (entry === null) return fixed('finding.upload-already-finished.title.unknown', 'finding.upload-already-finished.detail.unknown')
    return {
      title: [m('finding.upload-already-finished.title.completed'), m('finding.upload-already-finished.title.aborted')],
      detail: [m('finding.upload-already-finished.detail.completed', { entry }), m('finding.upload-already-finished.detail.aborted', { entry })],
    }
  },
  'append-offset-incorrect': (f) => {
    const sent = hole('sent', orWord('finding.append-offset-incorrect.none'))
    const expected = num(f.expectedOffset)
    const entry = num(f.previousIndex)
    if (expected !== null && entry !== null) {
      return {
        title: [m('finding.append-offset-incorrect.title.prior', { sent, expected })],
        detail: [m('finding.append-offset-incorrect.detail.prior', { entry, expected, sent })],
      }
    }
    return { title: [m('finding.append-offset-incorrect.title', { sent })], detail: [m('finding.append-offset-incorrect.detail')] }
  },
  'append-not-appendable': () => fixed('finding.append-not-appendable.title', 'finding.append-not-appendable.detail'),
  'copy-precondition-failed': (f) => {
    const sent = pairs(f.conditions)
    return {
      title: [m('finding.copy-precondition-failed.title')],
      detail: [
        sent.length
          ? m('finding.copy-precondition-failed.detail', {
              conditions: list(sent.map(([h, v]) => `${h}: ${v}`)),
              source: hole('source', orWord('finding.copy-precondition-failed.unknownSource')),
            })
          : m('finding.copy-precondition-failed.detail.none'),
      ],
    }
  },
  'cors-preflight-failed': corsPreflight,
  'cors-not-allowed': (f) => {
    const origin = str(f.origin)
    if (origin === null) return { title: [m('finding.cors-not-allowed.title')], detail: [] }
    const advice = ruleAdvice(origin, hole('method', orWord('cors.requestMethod')), [])
    return { title: [m('finding.cors-not-allowed.title')], detail: [m('finding.cors-not-allowed.detail', { origin, status: hole('status'), advice })] }
  },
  'cors-etag-not-exposed': (f) => {
    const exposed = strs(f.exposeHeaders)
    return {
      title: [m('finding.cors-etag-not-exposed.title')],
      detail: [m('finding.cors-etag-not-exposed.detail', { exposed: exposed.length ? list(exposed) : m('finding.cors-etag-not-exposed.absent') })],
    }
  },
  'cors-ids-not-exposed': (f) => {
    const hidden = strs(f.hidden)
    if (hidden.length === 0 || hidden.length > 2) return { title: [], detail: [] }
    const headers: Node = hidden.length === 2 ? m('finding.cors-ids-not-exposed.and', { first: hidden[0]!, second: hidden[1]! }) : hidden[0]!
    return { title: [m('finding.cors-ids-not-exposed.title', { headers })], detail: [pl('finding.cors-ids-not-exposed.detail', hidden.length, { headers })] }
  },
}

/** The finding ids this module can say in another language (README's table, plus request-time-too-skewed). */
export const LOCALIZED_FINDING_IDS: readonly string[] = Object.keys(SPECS)

// ---- the public surface -----------------------------------------------------------------------------

/** `english` said in `locale` through the first candidate that reproduces it exactly; null when none does. */
function say(candidates: readonly Node[], english: unknown, locale: Locale): string | null {
  if (typeof english !== 'string') return null
  const done = solve(candidates, english)
  return done?.done(locale) ?? null
}

/**
 * A copy of the finding with its title and detail in `locale`, every other field as it is. English gives
 * the finding itself. A title or detail whose variant cannot be re-said exactly keeps its English.
 */
export function localizeFinding(f: Finding, locale: Locale): Finding {
  if (locale === 'en') return f
  const spec = SPECS[f.id]
  if (!spec) return f
  let title: string | null = null
  let detail: string | null = null
  try {
    const s = spec(f)
    title = say(s.title, f.title, locale)
    detail = say(s.detail, f.detail, locale)
  } catch {
    // Facts of an unexpected shape (a finding from another version of the core): English it stays.
  }
  if (title === null && detail === null) return f
  return { ...f, title: title ?? f.title, detail: detail ?? f.detail }
}

/** The description and advice of an error in `locale` (the server's message is never translated). */
export function localizeError(e: ErrorInfo, locale: Locale): ErrorInfo {
  if (locale === 'en') return e
  if (e.documentedStatus === null) {
    if (e.description !== reportEn['error.unknown.description'] || e.advice !== reportEn['error.unknown.advice']) return e
    return { ...e, description: CATALOGS[locale]['error.unknown.description'], advice: CATALOGS[locale]['error.unknown.advice'] }
  }
  const english = describeErrorCode(e.code, 'en')
  const said = describeErrorCode(e.code, locale)
  // Only texts that are this code's English ones are replaced (an older core may have written others).
  if (!english || !said || english.description !== e.description || english.advice !== e.advice) return e
  return { ...e, description: said.description, advice: said.advice }
}

/** A body note (core/error-body.ts) in `locale`; as it is when it is not one the catalog has. */
export function localizeBodyNote(note: string, locale: Locale): string {
  if (locale === 'en') return note
  return say(BODY_NOTES, note, locale) ?? note
}

/** The detail of a signing trap (core/signing.ts signingTraps) in `locale`; as it is when it cannot be re-said. */
export function localizeTrapDetail(trap: { id: string; detail: string }, locale: Locale): string {
  if (locale === 'en') return trap.detail
  return say(trapVariants(trap.id), trap.detail, locale) ?? trap.detail
}

/** A policy violation's `expected` or `actual` (core/post-policy.ts) in `locale`; quoted values are data. */
export function localizePolicyPhrase(phrase: string, locale: Locale): string {
  if (locale === 'en') return phrase
  const said = solve(POLICY_PHRASES, phrase)
  return said ? said.done(locale) : phrase
}

/**
 * The analysis of an entry in `locale`: findings, the error code's description and advice, the body note.
 * Facts, ids, the server's message and every other field stay as they are. English gives `a` itself.
 */
export function localizeAnalysis(a: EntryAnalysis, locale: Locale): EntryAnalysis {
  if (locale === 'en') return a
  const note = a.body.note === null ? null : localizeBodyNote(a.body.note, locale)
  return {
    ...a,
    error: a.error && localizeError(a.error, locale),
    findings: a.findings.map((f) => localizeFinding(f, locale)),
    body: note === a.body.note ? a.body : { ...a.body, note },
  }
}
