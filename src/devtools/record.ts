// From a DevTools HAR entry to the plain, size-capped record the store keeps: a HAR 1.2 Entry (what the
// views show, the core re-analyses and Export writes) beside its analysis. DevTools entries hold
// getContent closures and whole bodies (memory: apollo-client-devtools#1332), so none outlives this step.
import type { Content, Entry, Header, Param, PostData } from 'har-format'
import type { EntryAnalysis } from '../core/types.ts'
import { num, obj, str } from './raw-entry.ts'
import type { ContentResult } from './seam.ts'
import { BODY_CAP, type CapturedBody, type CapturedRecord, type TimingPhase } from './store-types.ts'

/** Success bodies up to this size may be API answers worth reading (multipart Initiate/Complete, ListParts). */
const SMALL_BODY_BYTES = 64 * 1024

function capText(text: string): { text: string; capped: boolean } {
  return text.length > BODY_CAP ? { text: text.slice(0, BODY_CAP), capped: true } : { text, capped: false }
}

function formParams(raw: unknown): Param[] | undefined {
  if (!Array.isArray(raw)) return undefined
  return raw.flatMap((p) => {
    const { name, value, fileName, contentType } = obj(p)
    if (typeof name !== 'string') return []
    const param: Param = { name, value: capText(str(value) ?? '').text }
    if (typeof fileName === 'string') param.fileName = fileName
    if (typeof contentType === 'string') param.contentType = contentType
    return [param]
  })
}

/** Headers as {name, value} pairs in the order sent; pseudo-headers kept, as DevTools shows them. */
export function plainHeaders(raw: unknown): Header[] {
  if (!Array.isArray(raw)) return []
  const out: Header[] = []
  for (const h of raw) {
    const name = str(obj(h).name)
    const value = obj(h).value
    if (name) out.push({ name, value: typeof value === 'string' ? value : value == null ? '' : String(value) })
  }
  return out
}

/** Errors always (their analysis depends on the body); successes only when small JSON/XML, never downloads. */
export function wantsBody(method: string, status: number, mimeType: string, size: number | null): boolean {
  if (method === 'HEAD') return false
  if (status === 0 || status >= 400) return true
  if (!/json|xml/i.test(mimeType)) return false
  return size === null || (size > 0 && size <= SMALL_BODY_BYTES)
}

/** The size DevTools reported, when it did (HAR writes -1 for unknown). */
export const knownSize = (content: Content): number | null => (content.size >= 0 ? content.size : null)

/** `content` without its body: `state` says why. */
function withoutText(content: Content, state: CapturedBody['state']): { content: Content; body: CapturedBody } {
  const { text: _text, encoding: _encoding, ...rest } = content
  return { content: rest, body: { state, capped: false } }
}

/** Builds the record for a BOS entry the core has analysed. */
export function trimEntry(raw: unknown, id: number, source: CapturedRecord['source'], analysis: EntryAnalysis): CapturedRecord {
  const e = obj(raw)
  const request = obj(e.request)
  const response = obj(e.response)
  const rawContent = obj(response.content)
  const size = num(rawContent.size)
  const mimeType = str(rawContent.mimeType) ?? ''
  const inline = str(rawContent.text)

  let content: Content = { size: size !== null && size >= 0 ? size : -1, mimeType }
  let body: CapturedBody
  if (inline !== null && inline !== '') {
    const { text, capped } = capText(inline)
    content.text = text
    const encoding = str(rawContent.encoding)
    if (encoding) content.encoding = encoding
    body = { state: 'loaded', capped }
  } else {
    ;({ content, body } = withoutText(content, wantsBody(analysis.method, analysis.status, mimeType, knownSize(content)) ? 'pending' : 'not-needed'))
  }

  let postData: PostData | undefined
  if (request.postData !== undefined) {
    const raw = obj(request.postData)
    const text = str(raw.text)
    const params = formParams(raw.params)
    postData = { mimeType: str(raw.mimeType) ?? '' } as PostData
    if (text !== null) postData.text = capText(text).text
    if (params) postData.params = params
  }
  const time = Math.max(0, num(e.time) ?? 0)
  const entry: Entry = {
    startedDateTime: str(e.startedDateTime) ?? '',
    time,
    request: {
      method: analysis.method,
      url: analysis.url,
      httpVersion: str(request.httpVersion) ?? '',
      // Cookies and query are in the headers and URL: Export derives them, the record does not keep them twice.
      cookies: [],
      headers: plainHeaders(request.headers),
      queryString: [],
      ...(postData ? { postData } : {}),
      headersSize: -1,
      bodySize: num(request.bodySize) ?? -1,
    },
    response: {
      status: analysis.status,
      statusText: str(response.statusText) ?? '',
      httpVersion: str(response.httpVersion) ?? '',
      cookies: [],
      headers: plainHeaders(response.headers),
      content,
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: keptTimings(e.timings, time),
  }
  const resourceType = str(e._resourceType)
  const fromCache = str(e._fromCache)
  // Kept as DevTools wrote them (the core reads any string); the typings list Chrome's values only.
  if (resourceType !== null) entry._resourceType = resourceType as Entry['_resourceType']
  if (fromCache !== null) entry._fromCache = fromCache as Entry['_fromCache']
  // Why an unanswered request failed (net::ERR_…): re-analysis and export need it (core network-error.ts).
  const error = str(response._error)
  if (error !== null) (entry.response as Entry['response'] & { _error?: string })._error = error
  return { id, source, analysis, entry, body }
}

/** The record with `content` as its response body. */
export function withContent(record: CapturedRecord, content: Content, body: CapturedBody): CapturedRecord {
  return { ...record, entry: { ...record.entry, response: { ...record.entry.response, content } }, body }
}

/** The record with the body DevTools answered with: 'unavailable' when it gave nothing for a response that had something. */
export function bodyFromContent(record: CapturedRecord, result: ContentResult): CapturedRecord {
  const { text, encoding } = result
  const current = record.entry.response.content
  const status = record.entry.response.status
  if (text === null || (text === '' && (status === 0 || (knownSize(current) ?? 0) > 0))) {
    const { content, body } = withoutText(current, 'unavailable')
    return withContent(record, content, body)
  }
  const capped = capText(text)
  const { text: _t, encoding: _e, ...rest } = current
  return withContent(record, { ...rest, text: capped.text, ...(encoding ? { encoding } : {}) }, { state: 'loaded', capped: capped.capped })
}

/** The record without its body (downloads and pages a file saved with their content: not kept, as in capture). */
export function dropBody(record: CapturedRecord): CapturedRecord {
  const { content, body } = withoutText(record.entry.response.content, 'not-needed')
  return withContent(record, content, body)
}

/** Identity of one exchange, for entries that arrive both from getHAR() and onRequestFinished. */
export function dedupeKey(record: CapturedRecord): string {
  const { request, response, startedDateTime } = record.entry
  const requestId = response.headers.find((h) => h.name.toLowerCase() === 'x-bce-request-id')?.value.trim() ?? ''
  return [request.method, request.url, startedDateTime, requestId].join('\n')
}

/**
 * The HAR timings as DevTools measured them (seven numbers: cheap to keep), for the Request tab's breakdown
 * and Export. A HAR without them keeps the total, counted as waiting, so the phases still add up to `time`.
 */
export function keptTimings(raw: unknown, time: number): Entry['timings'] {
  const t = obj(raw)
  const phase = (k: TimingPhase) => {
    const v = num(t[k])
    return v !== null && v >= 0 ? v : -1
  }
  const send = phase('send')
  const wait = phase('wait')
  const receive = phase('receive')
  const out: Entry['timings'] = { send, wait, receive }
  for (const k of ['blocked', 'dns', 'connect', 'ssl'] as const) if (phase(k) >= 0) out[k] = phase(k)
  // HAR 1.2: time is the sum of the phases (ssl is inside connect). Phases that do not add up are not kept.
  const sum = Math.max(0, phase('blocked')) + Math.max(0, phase('dns')) + Math.max(0, phase('connect')) + send + wait + receive
  if (send < 0 || wait < 0 || receive < 0 || Math.abs(sum - time) > Math.max(1, time * 0.01)) return { send: 0, wait: time, receive: 0 }
  return out
}
