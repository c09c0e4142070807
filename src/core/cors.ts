// CORS: the failure the console hides. BOS omits every Access-Control-* header when no rule of the
// bucket matches, so a refused preflight looks like a bare 403 (or no response at all to the page).
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
  return {
    id: 'cors-preflight-failed',
    severity: 'error',
    title: 'No response: most likely blocked by CORS',
    detail: `The request${origin ? ` from ${origin}` : ''} never got a response the page could read. A signed request to BOS needs a CORS preflight first; if the OPTIONS row before it failed, the bucket has no matching CORS rule. ${ruleAdvice(origin, x.method, sent)} (A network failure, a cancelled request or an ad blocker looks the same: check the console.)`,
    missing: 'unknown',
    origin,
    method: x.method,
    requestHeaders: sent,
  }
}

const UPLOAD_OPS = new Set(['PutObject', 'UploadPart', 'AppendObject', 'PostObject'])

function ruleAdvice(origin: string | null, method: string | null, headers: string[]): string {
  return `The bucket's CORS rule must allow origin ${origin ?? '(the page origin)'} (no trailing "/"), method ${method ?? '(the request method)'}${headers.length ? `, and the headers ${headers.join(', ')} (or "*")` : ''}; set it in the BOS console (Bucket → CORS) or with PutBucketCors.`
}

export function corsFindings(x: Exchange, preflight: boolean, operation: string | null): Finding[] {
  const origin = x.requestHeaders.get('origin')
  // A request blocked by CORS often keeps only provisional headers (no Origin) in the HAR.
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
    let why = ''
    if (x.status === 0 || !allowOrigin) {
      missing = 'all'
      why = `The preflight got ${x.status === 0 ? 'no response' : `${x.status} without any Access-Control-* header`}: no CORS rule of the bucket matched, and BOS does not say which part failed.`
    } else if (allowOrigin !== '*' && allowOrigin !== origin) {
      missing = 'origin'
      why = `The rule allows origin ${allowOrigin}, not ${origin}.`
    } else if (method && allowedMethods.length && !allowedMethods.includes(method.toUpperCase()) && !allowedMethods.includes('*')) {
      missing = 'method'
      why = `The rule allows ${allowedMethods.join(', ')}, not ${method}.`
    } else if (!allowedHeaders.includes('*')) {
      const notAllowed = wanted.filter((h) => !allowedHeaders.includes(h))
      if (notAllowed.length) {
        missing = 'headers'
        why = `The rule does not allow the request headers ${notAllowed.join(', ')}.`
      }
    }
    if (missing) {
      out.push({
        id: 'cors-preflight-failed',
        severity: 'error',
        title: 'CORS preflight refused: the browser will not send the request',
        detail: `${why} The page sees only "CORS error" / status 0. ${ruleAdvice(origin, method, wanted)}`,
        missing,
        origin,
        method,
        requestHeaders: wanted,
      })
    }
    return out
  }

  if (!allowOrigin) {
    out.push({
      id: 'cors-not-allowed',
      severity: 'warning',
      title: 'The page could not read this response (no Access-Control-Allow-Origin)',
      detail: `BOS answered, but without CORS headers for ${origin}, so page JavaScript saw a CORS error instead of status ${x.status}. ${ruleAdvice(origin, x.method, [])}`,
      origin,
    })
    return out
  }

  const exposed = list(res.get('access-control-expose-headers'))
  const all = exposed.includes('*')
  if (operation && UPLOAD_OPS.has(operation) && x.status >= 200 && x.status < 300 && !all && !exposed.includes('etag')) {
    out.push({
      id: 'cors-etag-not-exposed',
      severity: operation === 'UploadPart' ? 'error' : 'warning',
      title: 'ETag is not exposed to page JavaScript',
      detail: `The response has an ETag, but Access-Control-Expose-Headers (${exposed.join(', ') || 'absent'}) does not list it, so the page reads it as null. Multipart uploads then send "eTag": undefined in CompleteMultipartUpload and fail with InvalidPart. Add ETag (and x-bce-request-id, x-bce-debug-id) to the CORS rule's exposed headers.`,
      exposeHeaders: exposed,
    })
  }
  if (x.status >= 400 && !all && (!exposed.includes('x-bce-request-id') || !exposed.includes('x-bce-debug-id'))) {
    const hidden = ['x-bce-request-id', 'x-bce-debug-id'].filter((h) => !exposed.includes(h))
    out.push({
      id: 'cors-ids-not-exposed',
      severity: 'info',
      title: `${hidden.join(' and ')} hidden from page JavaScript`,
      detail: `DevTools sees ${hidden.join(' and ')}, but the page's error handling cannot read ${hidden.length > 1 ? 'them' : 'it'} unless the CORS rule exposes ${hidden.length > 1 ? 'them' : 'it'}; expose both so your own error reports carry them.`,
      hidden,
    })
  }
  return out
}
