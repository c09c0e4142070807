// From a DevTools HAR entry to the plain, size-capped record the store keeps. DevTools entries hold
// getContent closures and whole bodies (memory: apollo-client-devtools#1332), so none outlives this step.
import type { FormParam, HarHeader } from '../core/har.ts'
import type { EntryAnalysis } from '../core/types.ts'
import { num, obj, str } from './raw-entry.ts'
import type { ContentResult } from './seam.ts'
import { BODY_CAP, type CapturedBody, type CapturedRecord, type HarExtras } from './store-types.ts'

/** Success bodies up to this size may be API answers worth reading (multipart Initiate/Complete, ListParts). */
const SMALL_BODY_BYTES = 64 * 1024

function capText(text: string): { text: string; capped: boolean } {
  return text.length > BODY_CAP ? { text: text.slice(0, BODY_CAP), capped: true } : { text, capped: false }
}

function formParams(raw: unknown): FormParam[] | null {
  if (!Array.isArray(raw)) return null
  return raw.flatMap((p) => {
    const { name, value, fileName, contentType } = obj(p)
    if (typeof name !== 'string') return []
    return [{ name, value: capText(str(value) ?? '').text, fileName: str(fileName), contentType: str(contentType) }]
  })
}

/** Headers as {name, value} pairs in the order sent; pseudo-headers kept, as DevTools shows them. */
export function plainHeaders(raw: unknown): HarHeader[] {
  if (!Array.isArray(raw)) return []
  const out: HarHeader[] = []
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

/** Builds the record for a BOS entry the core has analysed. */
export function trimEntry(raw: unknown, id: number, source: CapturedRecord['source'], analysis: EntryAnalysis): { record: CapturedRecord; extras: HarExtras } {
  const entry = obj(raw)
  const request = obj(entry.request)
  const response = obj(entry.response)
  const content = obj(response.content)
  const size = num(content.size)
  const mimeType = str(content.mimeType) ?? ''
  const inline = str(content.text)

  let body: CapturedBody
  const base = { mimeType, size: size !== null && size >= 0 ? size : null }
  if (inline !== null && inline !== '') {
    body = { ...base, state: 'loaded', ...capText(inline), encoding: str(content.encoding) || null }
  } else {
    const pending = wantsBody(analysis.method, analysis.status, mimeType, base.size)
    body = { ...base, state: pending ? 'pending' : 'not-needed', text: null, capped: false, encoding: null }
  }

  const postData = request.postData === undefined ? null : obj(request.postData)
  const postText = str(postData?.text)
  const extras: HarExtras = {
    resourceType: str(entry._resourceType),
    fromCache: str(entry._fromCache),
    requestBodySize: num(request.bodySize),
    postParams: formParams(postData?.params),
  }
  return {
    record: {
      id,
      source,
      analysis,
      request: {
        method: analysis.method,
        url: analysis.url,
        httpVersion: str(request.httpVersion) ?? '',
        headers: plainHeaders(request.headers),
        postData: postData && { mimeType: str(postData.mimeType) ?? '', text: postText === null ? null : capText(postText).text },
      },
      response: {
        status: analysis.status,
        statusText: str(response.statusText) ?? '',
        httpVersion: str(response.httpVersion) ?? '',
        headers: plainHeaders(response.headers),
        body,
      },
      startedDateTime: analysis.startedDateTime,
      time: Math.max(0, num(entry.time) ?? 0),
      extras,
    },
    extras,
  }
}

/** The body DevTools answered with: 'unavailable' when it gave nothing for a response that had something. */
export function bodyFromContent(body: CapturedBody, content: ContentResult, status: number): CapturedBody {
  const { text, encoding } = content
  if (text === null || (text === '' && (status === 0 || (body.size ?? 0) > 0))) {
    return { ...body, state: 'unavailable', text: null, capped: false, encoding: null }
  }
  return { ...body, state: 'loaded', ...capText(text), encoding }
}

/** The record as a HAR entry again, with its body, for the core to re-analyse. */
export function toHarEntry(record: CapturedRecord, extras: HarExtras): Record<string, unknown> {
  const { request, response } = record
  const { body } = response
  return {
    startedDateTime: record.startedDateTime ?? undefined,
    time: record.time,
    request: {
      method: request.method,
      url: request.url,
      httpVersion: request.httpVersion,
      headers: request.headers,
      bodySize: extras.requestBodySize ?? undefined,
      postData: request.postData || extras.postParams ? { ...request.postData, params: extras.postParams ?? undefined } : undefined,
    },
    response: {
      status: response.status,
      statusText: response.statusText,
      httpVersion: response.httpVersion,
      headers: response.headers,
      content: { size: body.size ?? undefined, mimeType: body.mimeType, text: body.text ?? undefined, encoding: body.encoding ?? undefined },
    },
    _resourceType: extras.resourceType ?? undefined,
    _fromCache: extras.fromCache ?? undefined,
  }
}

/** Identity of one exchange, for entries that arrive both from getHAR() and onRequestFinished. */
export function dedupeKey(record: CapturedRecord): string {
  const requestId = record.response.headers.find((h) => h.name.toLowerCase() === 'x-bce-request-id')?.value.trim() ?? ''
  return [record.request.method, record.request.url, record.startedDateTime ?? '', requestId].join('\n')
}
