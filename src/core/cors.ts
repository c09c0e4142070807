// CORS: the failure the console hides. BOS omits every Access-Control-* header when no rule of the
// bucket matches, so a refused preflight looks like a bare 403 (or no response at all to the page).
import type { OperationName } from './operation-names.ts'
import { list as textList, type Message, msg, plural } from '../i18n/report-message.ts'
import { finding } from './finding.ts'
import { networkErrorFinding } from './network-error.ts'
import type { Exchange } from './har.ts'
import type { Finding } from './types.ts'

// One CORS rule answers a whole page: the same few header values come again and again. Read each once
// (a copy is handed out: the lists end up in findings).
const lists = new Map<string, string[]>()
const list = (v: string | null): string[] => {
  const text = v ?? ''
  let items = lists.get(text)
  if (!items) {
    items = text
      .split(',')
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean)
    if (lists.size >= 64) lists.clear()
    if (text.length <= 512) lists.set(text, items)
  }
  return items.slice()
}

function noResponse(x: Exchange, origin: string | null): Finding {
  const sent = [...x.requestHeaders.names()].filter((n) => n === 'authorization' || n === 'content-md5' || n === 'content-type' || n.startsWith('x-bce-'))
  const advice = ruleAdvice(origin, x.method, sent)
  const detail = origin
    ? msg('finding.cors-preflight-failed.detail.noResponseFrom', { origin, advice })
    : msg('finding.cors-preflight-failed.detail.noResponse', { advice })
  return finding('cors-preflight-failed', 'error', msg('finding.cors-preflight-failed.title.noResponse'), detail, {
    missing: 'unknown',
    origin,
    method: x.method,
    requestHeaders: sent,
  })
}

const UPLOAD_OPS = new Set(['PutObject', 'UploadPart', 'AppendObject', 'PostObject'])

function ruleAdvice(origin: string | null, method: string | null, headers: string[]): Message {
  const o = origin ?? msg('cors.pageOrigin')
  const m = method ?? msg('cors.requestMethod')
  return headers.length
    ? msg('cors.ruleAdvice.headers', { origin: o, method: m, headers: textList(headers) })
    : msg('cors.ruleAdvice', { origin: o, method: m })
}

/** The request and debug ids an error answer carries: BOS's own, or on the S3-compatible endpoint S3's (BOS-HDR). */
const ID_HEADERS = { native: ['x-bce-request-id', 'x-bce-debug-id'], s3: ['x-amz-request-id', 'x-amz-id-2'] } as const

/** `s3`: the request went to the S3-compatible endpoint (s3.{region}.bcebos.com), where ids and bodies are S3's. */
export function corsFindings(x: Exchange, preflight: boolean, operation: OperationName | null, s3 = false): Finding[] {
  const origin = x.requestHeaders.get('origin')
  // A request blocked by CORS often keeps only provisional headers (no Origin) in the HAR.
  // A recorded network error that is not CORS explains itself (network-error.ts); ERR_FAILED or none may be CORS.
  const net = networkErrorFinding(x)
  if (net) return [net]
  if (x.status === 0 && !preflight) return [noResponse(x, origin)]
  if (!origin) return [] // same-origin or not from a page: CORS does not apply
  const res = x.responseHeaders
  const allowOrigin = res.get('access-control-allow-origin')
  const out: Finding[] = []

  if (preflight) {
    const method = x.requestHeaders.get('access-control-request-method')
    const wanted = list(x.requestHeaders.get('access-control-request-headers'))
    const allowedHeaders = list(res.get('access-control-allow-headers'))
    const allowedMethods = list(res.get('access-control-allow-methods')).map((m) => m.toUpperCase())
    let missing: 'all' | 'origin' | 'method' | 'headers' | null = null
    let why: Message | null = null
    if (x.status === 0 || !allowOrigin) {
      missing = 'all'
      why = x.status === 0 ? msg('finding.cors-preflight-failed.why.noResponse') : msg('finding.cors-preflight-failed.why.noHeaders', { status: x.status })
    } else if (allowOrigin !== '*' && allowOrigin !== origin) {
      missing = 'origin'
      why = msg('finding.cors-preflight-failed.why.origin', { allowed: allowOrigin, origin })
    } else if (method && allowedMethods.length && !allowedMethods.includes(method.toUpperCase()) && !allowedMethods.includes('*')) {
      missing = 'method'
      why = msg('finding.cors-preflight-failed.why.method', { allowed: textList(allowedMethods), method })
    } else if (!allowedHeaders.includes('*')) {
      const notAllowed = wanted.filter((h) => !allowedHeaders.includes(h))
      if (notAllowed.length) {
        missing = 'headers'
        why = msg('finding.cors-preflight-failed.why.headers', { headers: textList(notAllowed) })
      }
    }
    if (missing && why) {
      const detail = msg('finding.cors-preflight-failed.detail', { why, advice: ruleAdvice(origin, method, wanted) })
      out.push(
        finding('cors-preflight-failed', 'error', msg('finding.cors-preflight-failed.title'), detail, { missing, origin, method, requestHeaders: wanted }),
      )
    }
    return out
  }

  if (!allowOrigin) {
    const detail = msg('finding.cors-not-allowed.detail', { origin, status: x.status, advice: ruleAdvice(origin, x.method, []) })
    out.push(finding('cors-not-allowed', 'warning', msg('finding.cors-not-allowed.title'), detail, { origin }))
    return out
  }

  const exposed = list(res.get('access-control-expose-headers'))
  const all = exposed.includes('*')
  if (operation && UPLOAD_OPS.has(operation) && x.status >= 200 && x.status < 300 && !all && !exposed.includes('etag')) {
    const detail = msg(s3 ? 'finding.cors-etag-not-exposed.detail.s3' : 'finding.cors-etag-not-exposed.detail', {
      exposed: exposed.length ? textList(exposed) : msg('finding.cors-etag-not-exposed.absent'),
    })
    const severity = operation === 'UploadPart' ? 'error' : 'warning'
    out.push(finding('cors-etag-not-exposed', severity, msg('finding.cors-etag-not-exposed.title'), detail, { exposeHeaders: exposed }))
  }
  const ids = ID_HEADERS[s3 ? 's3' : 'native']
  if (x.status >= 400 && !all && ids.some((h) => !exposed.includes(h))) {
    const hidden = ids.filter((h) => !exposed.includes(h))
    const headers = hidden.length === 2 ? msg('finding.cors-ids-not-exposed.and', { first: hidden[0]!, second: hidden[1]! }) : hidden[0]!
    const detail = plural('finding.cors-ids-not-exposed.detail', hidden.length, { headers })
    out.push(finding('cors-ids-not-exposed', 'info', msg('finding.cors-ids-not-exposed.title', { headers }), detail, { hidden }))
  }
  return out
}
