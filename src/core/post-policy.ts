// PostObject (HTML form / FormData upload): reads the form from the HAR request body, decodes the
// base64 policy and checks it against what was sent and against the server's clock.
import { cap, clauses, list, type Message, msg, plural, type Text } from '../i18n/report-message.ts'
import { english, finding } from './finding.ts'
import { parseIsoUtc } from './auth.ts'
import { base64ToBytes, bytesToText } from './encoding.ts'
import type { Exchange } from './har.ts'
import { isSecretFormField } from './redact.ts'
import type { Finding } from './types.ts'

export interface PostForm {
  /** Text fields by lower-case name (the signature and policy are left out: see `hasSignature`). */
  fields: Record<string, string>
  fieldOrder: string[]
  file: { name: string | null; size: number | null; sizeIsUpperBound: boolean } | null
  policyBase64: string | null
  hasSignature: boolean
}

export interface PolicyDocument {
  expiration: string | null
  conditions: unknown[]
}

export interface PostInfo {
  fields: Record<string, string>
  file: PostForm['file']
  policy: PolicyDocument | null
}

function boundaryOf(contentType: string): string | null {
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType)
  return m ? (m[1] ?? m[2]!) : null
}

/** Parses multipart/form-data text as HAR keeps it; binary file content may be mangled, the fields are not. */
export function parseMultipartForm(x: Exchange): PostForm | null {
  const fields: Record<string, string> = {}
  const order: string[] = []
  let file: PostForm['file'] = null
  const contentLength = Number(x.requestHeaders.get('content-length') ?? NaN)
  const wholeBody = Number.isFinite(contentLength) ? contentLength : x.requestBody.size
  const add = (name: string, value: string) => {
    const key = name.toLowerCase()
    fields[key] = value
    order.push(key)
  }

  if (x.requestBody.params?.length) {
    for (const p of x.requestBody.params) {
      if (p.fileName !== null || p.name.toLowerCase() === 'file') {
        order.push(p.name.toLowerCase())
        file = { name: p.fileName, size: wholeBody, sizeIsUpperBound: true }
      } else add(p.name, p.value)
    }
  } else {
    const text = x.requestBody.text
    const boundary = boundaryOf(x.requestHeaders.get('content-type') ?? x.requestBody.mimeType)
    if (!text || !boundary) return null
    for (const part of text.split(`--${boundary}`)) {
      const sep = part.indexOf('\r\n\r\n') >= 0 ? '\r\n\r\n' : '\n\n'
      const at = part.indexOf(sep)
      if (at < 0) continue
      const head = part.slice(0, at)
      const name = /name="([^"]*)"/i.exec(head)?.[1]
      if (name === undefined) continue
      const body = part.slice(at + sep.length).replace(/\r?\n$/, '')
      const fileName = /filename="([^"]*)"/i.exec(head)?.[1]
      if (fileName !== undefined || name.toLowerCase() === 'file') {
        order.push(name.toLowerCase())
        // HAR keeps binary content as text (or drops it): its length is only an estimate.
        file =
          body.length > 0
            ? { name: fileName ?? null, size: body.length, sizeIsUpperBound: false }
            : { name: fileName ?? null, size: wholeBody, sizeIsUpperBound: true }
      } else add(name, body)
    }
  }
  const policyBase64 = fields.policy ?? null
  const hasSignature = 'signature' in fields
  delete fields.policy
  delete fields.signature
  return { fields, fieldOrder: order, file, policyBase64, hasSignature }
}

export type PolicyDecode = { ok: true; policy: PolicyDocument } | { ok: false; problem: string; problemMessage: Message }

export function decodePolicy(b64: string): PolicyDecode {
  const bytes = base64ToBytes(b64)
  if (!bytes) return bad(msg('policy.problem.notBase64'))
  const text = bytesToText(bytes)
  if (text === null) return bad(msg('policy.problem.binary'))
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch (e) {
    return bad(msg('policy.problem.notJson', { error: (e as Error).message }))
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return bad(msg('policy.problem.notObject'))
  const o = doc as Record<string, unknown>
  if (o.expiration !== undefined && typeof o.expiration !== 'string') return bad(msg('policy.problem.expirationType'))
  if (typeof o.expiration === 'string' && parseIsoUtc(o.expiration) === null) {
    return bad(msg('policy.problem.expirationFormat', { expiration: o.expiration }))
  }
  if (!Array.isArray(o.conditions)) return bad(msg('policy.problem.conditions'))
  // The conditions are shown and exported as they are: a policy nested thousands deep breaks JSON.stringify.
  if (depth(o.conditions) > 32) return bad(msg('policy.problem.nested'))
  return { ok: true, policy: { expiration: (o.expiration as string | undefined) ?? null, conditions: o.conditions } }
}

/** Nesting depth of a JSON value, without recursion. */
function depth(v: unknown): number {
  let max = 0
  const stack: [unknown, number][] = [[v, 1]]
  while (stack.length) {
    const [x, d] = stack.pop()!
    if (!x || typeof x !== 'object') continue
    if (d > max) max = d
    if (max > 32) break
    for (const c of Object.values(x)) stack.push([c, d + 1])
  }
  return max
}

interface Violation {
  condition: string
  expected: Text
  actual: Text
}

/** A violation as a finding fact: `expected` and `actual` in English, their messages beside them. */
const violationFact = (v: Violation) => ({
  condition: v.condition,
  expected: english(v.expected),
  actual: english(v.actual),
  message: { expected: v.expected, actual: v.actual },
})

const bad = (problem: Message): PolicyDecode => ({ ok: false, problem: english(problem), problemMessage: problem })

/** `prefix*` wildcard as BOS policies write it; otherwise an exact match. */
function wildcardMatch(pattern: string, value: string): boolean {
  if (!pattern.includes('*')) return pattern === value
  // Each literal piece at its first place after the previous one: linear, where a ".*"-per-star regex
  // backtracks exponentially ("a*a*a*…b" against "aaaa…").
  const pieces = pattern.split('*')
  const first = pieces[0]!
  const last = pieces[pieces.length - 1]!
  if (value.length < first.length + last.length || !value.startsWith(first) || !value.endsWith(last)) return false
  let at = first.length
  const end = value.length - last.length
  for (let i = 1; i < pieces.length - 1; i++) {
    const found = value.indexOf(pieces[i]!, at)
    if (found < 0 || found + pieces[i]!.length > end) return false
    at = found + pieces[i]!.length
  }
  return true
}

// Form fields whose values are secrets (core redact.ts's isSecretFormField): checked against the policy,
// never repeated in a finding.
const MASK = '<redacted>'

function checkConditions(policy: PolicyDocument, form: PostForm, bucket: string | null, serverCode: string | null): Violation[] {
  const out: Violation[] = []
  const field = (name: string) => (name === 'bucket' ? bucket : Object.hasOwn(form.fields, name.toLowerCase()) ? form.fields[name.toLowerCase()]! : null)
  const show = (name: string, v: string) => (isSecretFormField(name) ? MASK : v)
  let rangeChecked = false
  for (const c of policy.conditions) {
    if (Array.isArray(c)) {
      const [op, a, b] = c as unknown[]
      if (op === 'content-length-range' && typeof a === 'number' && typeof b === 'number') {
        const condition = `content-length-range ${a}–${b}`
        const expected = msg('policy.expected.range', { min: a, max: b })
        const size = form.file?.size
        rangeChecked = true
        if (size != null && size > b && !form.file?.sizeIsUpperBound) out.push({ condition, expected, actual: msg('policy.actual.about', { size }) })
        else if (size != null && size < a)
          out.push({ condition, expected, actual: msg(form.file?.sizeIsUpperBound ? 'policy.actual.atMost' : 'policy.actual.about', { size }) })
        else if (size != null && size > b && form.file?.sizeIsUpperBound && size > b + 4096) {
          out.push({ condition, expected, actual: msg('policy.actual.requestBody', { size }) })
        } else if (serverCode === 'MaxMessageLengthExceeded') {
          // The HAR did not keep the file part, but BOS measured it: trust the server.
          out.push({ condition, expected, actual: msg('policy.actual.measured', { max: b }) })
        }
      } else if ((op === 'starts-with' || op === 'eq') && typeof a === 'string' && typeof b === 'string') {
        const name = a.replace(/^\$/, '')
        const v = field(name)
        const ok = v !== null && (op === 'eq' ? v === b : v.startsWith(b))
        if (!ok) {
          out.push({
            condition: `["${op}", "${a}", "${show(name, b)}"]`,
            expected: op === 'eq' ? `"${show(name, b)}"` : msg('policy.expected.startsWith', { value: show(name, b) }),
            actual: v === null ? msg('policy.actual.notSent') : `"${show(name, v)}"`,
          })
        }
      }
    } else if (c && typeof c === 'object') {
      for (const [name, expected] of Object.entries(c as Record<string, unknown>)) {
        if (typeof expected !== 'string') continue
        const v = field(name)
        if (v === null || !wildcardMatch(expected, v)) {
          const e = show(name, expected)
          out.push({
            condition: `{"${name}": "${e}"}`,
            expected: expected.includes('*') ? msg('policy.expected.matches', { pattern: e }) : `"${e}"`,
            actual: v === null ? msg('policy.actual.notSent') : `"${show(name, v)}"`,
          })
        }
      }
    }
  }
  if (!rangeChecked && serverCode === 'MaxMessageLengthExceeded') {
    out.push({
      condition: 'content-length-range',
      expected: msg('policy.expected.anySize'),
      actual: msg('policy.actual.refused'),
    })
  }
  return out
}

/** The decoded policy as shown and exported: conditions on secret fields keep their shape, not their value. */
function maskPolicy(policy: PolicyDocument): PolicyDocument {
  const conditions = policy.conditions.map((c) => {
    if (Array.isArray(c)) {
      const [op, a, b] = c as unknown[]
      return typeof a === 'string' && isSecretFormField(a.replace(/^\$/, '')) && typeof b === 'string' ? [op, a, MASK, ...c.slice(3)] : c
    }
    if (c && typeof c === 'object') {
      return Object.fromEntries(Object.entries(c as Record<string, unknown>).map(([k, v]) => [k, isSecretFormField(k) && typeof v === 'string' ? MASK : v]))
    }
    return c
  })
  return { expiration: policy.expiration, conditions }
}

export interface PostCheck {
  info: PostInfo | null
  findings: Finding[]
}

/** Checks a PostObject request: form completeness, policy validity, expiry and conditions. */
export function checkPostObject(x: Exchange, bucket: string | null, serverMs: number | null, serverCode: string | null = null): PostCheck {
  const form = parseMultipartForm(x)
  const findings: Finding[] = []
  const failed = x.status >= 400 || x.status === 0
  if (!form) {
    if (failed) {
      const title = msg('finding.post-form-incomplete.title.notKept')
      findings.push(finding('post-form-incomplete', 'info', title, msg('finding.post-form-incomplete.detail.notKept'), { missing: [] }))
    }
    return { info: null, findings }
  }
  const missing = ['key', 'accesskey', 'policy', 'signature'].filter((f) =>
    f === 'policy' ? form.policyBase64 === null : f === 'signature' ? !form.hasSignature : !(f in form.fields),
  )
  const fileIndex = form.fieldOrder.indexOf('file')
  const afterFile = fileIndex >= 0 ? form.fieldOrder.slice(fileIndex + 1).filter((f) => f !== 'file') : []
  if (missing.length || afterFile.length || (!form.file && failed)) {
    const problems = clauses([
      ...(missing.length ? [msg('finding.post-form-incomplete.missing', { fields: list(missing.map((m) => (m === 'accesskey' ? 'accessKey' : m))) })] : []),
      ...(afterFile.length ? [msg('finding.post-form-incomplete.afterFile', { fields: list(afterFile) })] : []),
      ...(!form.file && failed ? [msg('finding.post-form-incomplete.noFile')] : []),
    ])
    const severity = missing.length || afterFile.length ? 'error' : 'info'
    const detail = msg('finding.post-form-incomplete.detail', { problems })
    findings.push(finding('post-form-incomplete', severity, msg('finding.post-form-incomplete.title'), detail, { missing, ignoredAfterFile: afterFile }))
  }

  let policy: PolicyDocument | null = null
  if (form.policyBase64 !== null) {
    const d = decodePolicy(form.policyBase64)
    if (!d.ok) {
      const detail = msg('finding.policy-invalid.detail', { problem: cap(d.problemMessage), shape: '{"expiration": "…Z", "conditions": [...]}' })
      findings.push(finding('policy-invalid', 'error', msg('finding.policy-invalid.title'), detail, { problem: d.problem }))
    } else {
      policy = d.policy
      const expMs = policy.expiration ? parseIsoUtc(policy.expiration) : null
      const nowMs = serverMs ?? x.startedMs
      if (expMs !== null && nowMs !== null && nowMs > expMs) {
        const seconds = Math.round((nowMs - expMs) / 1000)
        const detail = msg(serverMs !== null ? 'finding.policy-expired.detail.server' : 'finding.policy-expired.detail.browser', {
          expiration: policy.expiration!,
          seconds,
        })
        const facts = { expiration: policy.expiration, overdueSeconds: seconds }
        findings.push(finding('policy-expired', failed ? 'error' : 'warning', msg('finding.policy-expired.title'), detail, facts))
      }
      const violations = checkConditions(policy, form, bucket, serverCode)
      if (violations.length) {
        const code = violations.some((v) => v.condition.startsWith('content-length-range')) ? 'MaxMessageLengthExceeded' : 'AccessDenied'
        const items = clauses(violations.map((v) => msg('finding.policy-violation.item', { condition: v.condition, expected: v.expected, actual: v.actual })))
        const detail = msg('finding.policy-violation.detail', { violations: items, code })
        const title = plural('finding.policy-violation.title', violations.length)
        findings.push(finding('policy-violation', failed ? 'error' : 'warning', title, detail, { violations: violations.map(violationFact) }))
      }
    }
  }
  // The STS token of the form is a secret like its signature (BOS's or SigV4's): checked against the
  // policy, never shown.
  const shown = { ...form.fields }
  for (const name of Object.keys(shown)) if (isSecretFormField(name)) delete shown[name]
  return { info: { fields: shown, file: form.file, policy: policy && maskPolicy(policy) }, findings }
}
