// PostObject (HTML form / FormData upload): reads the form from the HAR request body, decodes the
// base64 policy and checks it against what was sent and against the server's clock.
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

export type PolicyDecode = { ok: true; policy: PolicyDocument } | { ok: false; problem: string }

export function decodePolicy(b64: string): PolicyDecode {
  const bytes = base64ToBytes(b64)
  if (!bytes) return { ok: false, problem: 'the policy field is not base64' }
  const text = bytesToText(bytes)
  if (text === null) return { ok: false, problem: 'the policy field decodes to binary, not JSON text' }
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch (e) {
    return { ok: false, problem: `the decoded policy is not valid JSON (${(e as Error).message})` }
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return { ok: false, problem: 'the decoded policy is not a JSON object' }
  const o = doc as Record<string, unknown>
  if (o.expiration !== undefined && typeof o.expiration !== 'string') return { ok: false, problem: '"expiration" must be an ISO 8601 string' }
  if (typeof o.expiration === 'string' && parseIsoUtc(o.expiration) === null) {
    return { ok: false, problem: `"expiration" "${o.expiration}" is not UTC ISO 8601 (like 2026-11-26T08:00:00Z)` }
  }
  if (!Array.isArray(o.conditions)) return { ok: false, problem: '"conditions" is missing or is not an array' }
  // The conditions are shown and exported as they are: a policy nested thousands deep breaks JSON.stringify.
  if (depth(o.conditions) > 32) return { ok: false, problem: 'the conditions are nested too deeply to be a BOS policy' }
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
  expected: string
  actual: string
}

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
        const expected = `${a} to ${b} bytes`
        const size = form.file?.size
        rangeChecked = true
        if (size != null && size > b && !form.file?.sizeIsUpperBound) out.push({ condition, expected, actual: `about ${size} bytes` })
        else if (size != null && size < a) out.push({ condition, expected, actual: `${form.file?.sizeIsUpperBound ? 'at most ' : 'about '}${size} bytes` })
        else if (size != null && size > b && form.file?.sizeIsUpperBound && size > b + 4096) {
          out.push({ condition, expected, actual: `request body ${size} bytes (file part not kept by the HAR)` })
        } else if (serverCode === 'MaxMessageLengthExceeded') {
          // The HAR did not keep the file part, but BOS measured it: trust the server.
          out.push({ condition, expected, actual: `more than ${b} bytes (measured by BOS; the HAR did not keep the file part)` })
        }
      } else if ((op === 'starts-with' || op === 'eq') && typeof a === 'string' && typeof b === 'string') {
        const name = a.replace(/^\$/, '')
        const v = field(name)
        const ok = v !== null && (op === 'eq' ? v === b : v.startsWith(b))
        if (!ok) {
          out.push({
            condition: `["${op}", "${a}", "${show(name, b)}"]`,
            expected: op === 'eq' ? `"${show(name, b)}"` : `starts with "${show(name, b)}"`,
            actual: v === null ? 'not sent' : `"${show(name, v)}"`,
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
            expected: expected.includes('*') ? `matches ${e}` : `"${e}"`,
            actual: v === null ? 'not sent' : `"${show(name, v)}"`,
          })
        }
      }
    }
  }
  if (!rangeChecked && serverCode === 'MaxMessageLengthExceeded') {
    out.push({
      condition: 'content-length-range',
      expected: 'a size within the policy range',
      actual: 'a size BOS refused (the policy has no readable content-length-range)',
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
      findings.push({
        id: 'post-form-incomplete',
        severity: 'info',
        title: 'The form fields were not kept in the HAR',
        detail:
          'DevTools did not keep the multipart body of this form upload, so the policy cannot be checked. Re-run with the Network panel open, or save the HAR with content.',
        missing: [],
      })
    }
    return { info: null, findings }
  }
  const missing = ['key', 'accesskey', 'policy', 'signature'].filter((f) =>
    f === 'policy' ? form.policyBase64 === null : f === 'signature' ? !form.hasSignature : !(f in form.fields),
  )
  const fileIndex = form.fieldOrder.indexOf('file')
  const afterFile = fileIndex >= 0 ? form.fieldOrder.slice(fileIndex + 1).filter((f) => f !== 'file') : []
  if (missing.length || afterFile.length || (!form.file && failed)) {
    const parts = [
      missing.length ? `missing ${missing.map((m) => (m === 'accesskey' ? 'accessKey' : m)).join(', ')}` : '',
      afterFile.length ? `fields after the file are ignored by BOS: ${afterFile.join(', ')}` : '',
      !form.file && failed ? 'no file field' : '',
    ].filter(Boolean)
    findings.push({
      id: 'post-form-incomplete',
      severity: missing.length || afterFile.length ? 'error' : 'info',
      title: 'The PostObject form is incomplete',
      detail: `A PostObject form needs key, accessKey, policy and signature text fields and the file as the last field: ${parts.join('; ')}.`,
      missing,
      ignoredAfterFile: afterFile,
    })
  }

  let policy: PolicyDocument | null = null
  if (form.policyBase64 !== null) {
    const d = decodePolicy(form.policyBase64)
    if (!d.ok) {
      findings.push({
        id: 'policy-invalid',
        severity: 'error',
        title: 'The policy cannot be read',
        detail: `${d.problem[0]!.toUpperCase()}${d.problem.slice(1)}. BOS answers with InvalidPolicyDocument; the policy field must be base64 of a JSON object {"expiration": "…Z", "conditions": [...]}.`,
        problem: d.problem,
      })
    } else {
      policy = d.policy
      const expMs = policy.expiration ? parseIsoUtc(policy.expiration) : null
      const nowMs = serverMs ?? x.startedMs
      if (expMs !== null && nowMs !== null && nowMs > expMs) {
        findings.push({
          id: 'policy-expired',
          severity: failed ? 'error' : 'warning',
          title: 'The upload policy had expired',
          detail: `The policy's expiration is ${policy.expiration}, and the form was sent ${Math.round((nowMs - expMs) / 1000)} s later by the ${serverMs !== null ? "server's" : "browser's"} clock. A PostObject RequestExpired means this, not a skewed header signature: fetch a fresh policy from your signing server right before each upload.`,
          expiration: policy.expiration,
          overdueSeconds: Math.round((nowMs - expMs) / 1000),
        })
      }
      const violations = checkConditions(policy, form, bucket, serverCode)
      if (violations.length) {
        const code = violations.some((v) => v.condition.startsWith('content-length-range')) ? 'MaxMessageLengthExceeded' : 'AccessDenied'
        findings.push({
          id: 'policy-violation',
          severity: failed ? 'error' : 'warning',
          title: `The form breaks ${violations.length === 1 ? 'a policy condition' : `${violations.length} policy conditions`}`,
          detail: `${violations.map((v) => `${v.condition}: expected ${v.expected}, sent ${v.actual}`).join('; ')}. BOS refuses such uploads (${code}); change the form or have the signing server issue a policy that allows it.`,
          violations,
        })
      }
    }
  }
  // The STS token of the form is a secret like its signature (BOS's or SigV4's): checked against the
  // policy, never shown.
  const shown = { ...form.fields }
  for (const name of Object.keys(shown)) if (isSecretFormField(name)) delete shown[name]
  return { info: { fields: shown, file: form.file, policy: policy && maskPolicy(policy) }, findings }
}
