// Reading error bodies: BOS JSON, S3-style XML, HTML pages from proxies and gateways, plain text,
// base64-encoded or binary content, truncated bodies and no body at all. Never throws.
import { decodeXmlText, xmlTag } from './xml.ts'
import { base64ToBytes, bytesToText, looksBinary } from './encoding.ts'
import type { Exchange } from './har.ts'
import { msg, type Message } from '../i18n/report-message.ts'
import { english } from './finding.ts'
import type { BodyInfo } from './types.ts'

/** Bodies larger than this are not parsed as a whole: error bodies are small, downloads are not. */
export const MAX_PARSE_CHARS = 256 * 1024

export interface DecodedBody extends BodyInfo {
  code: string | null
  message: string | null
  requestId: string | null
  /** The text as decoded (capped), for display; null when there is none or it is binary. */
  text: string | null
}

/** The note in English beside its message. */
const noted = (m: Message | null): { note: string | null; noteMessage: Message | null } => ({ note: m && english(m), noteMessage: m })

const none = (format: BodyInfo['format'], note: Message): DecodedBody => ({
  format,
  truncated: false,
  ...noted(note),
  code: null,
  message: null,
  requestId: null,
  text: null,
})

/** Decodes the response content of an exchange to text, reporting what could not be read. */
export function responseText(x: Exchange): { text: string } | { body: DecodedBody } {
  const c = x.responseContent
  if (x.method === 'HEAD') return { body: none('head', msg('body.note.head')) }
  if (c.text === null || c.text === '') {
    if (c.size !== null && c.size > 0) {
      return {
        body: none('unavailable', msg('body.note.notKept', { size: c.size })),
      }
    }
    if (x.status === 0) return { body: none('unavailable', msg('body.note.noResponse')) }
    return { body: none('empty', msg('body.note.empty')) }
  }
  let text = c.text
  if (c.encoding === 'base64') {
    const bytes = base64ToBytes(text.length > MAX_PARSE_CHARS * 2 ? text.slice(0, MAX_PARSE_CHARS * 2) : text)
    if (!bytes) return { body: { ...none('binary', msg('body.note.badBase64')), truncated: false } }
    const decoded = bytesToText(bytes)
    if (decoded === null) return { body: none('binary', msg('body.note.binarySize', { size: bytes.length })) }
    text = decoded
  } else if (looksBinary(text)) {
    return { body: none('binary', msg('body.note.binary')) }
  }
  return { text }
}

/** Text between the first <tag …> and the </tag> after it (case-insensitive), in linear time. */
function htmlTagText(html: string, tag: string): string | undefined {
  const open = new RegExp(`<${tag}[^<>]*>`, 'i').exec(html)
  if (!open) return undefined
  const close = new RegExp(`</${tag}>`, 'gi')
  close.lastIndex = open.index + open[0].length
  const end = close.exec(html)
  return end ? html.slice(open.index + open[0].length, end.index) : undefined
}

/** Pulls "key":"value" out of JSON that does not parse (cut off by DevTools or a proxy). */
function jsonField(text: string, key: string): string | null {
  const m = new RegExp(`"${key}"\\s*:\\s*"((?:[^"\\\\]|\\\\.)*)"`).exec(text)
  if (!m) return null
  try {
    return JSON.parse(`"${m[1]}"`) as string
  } catch {
    return m[1]!
  }
}

const trimId = (s: unknown): string | null => (typeof s === 'string' && s.trim() ? s.trim() : null)

export function parseBodyText(raw: string, declaredSize: number | null): DecodedBody {
  const cut = raw.length > MAX_PARSE_CHARS
  const text = cut ? raw.slice(0, MAX_PARSE_CHARS) : raw
  const sizeTruncated = declaredSize !== null && declaredSize > 0 && declaredSize > raw.length * 4 // chars vs bytes: only flag gross cuts
  const trimmed = text.trimStart()
  const base = { truncated: cut || sizeTruncated, text, code: null, message: null, requestId: null }

  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let value: unknown
    let parsed = false
    if (!cut) {
      try {
        value = JSON.parse(text)
        parsed = true
      } catch {
        parsed = false
      }
    }
    if (parsed && value && typeof value === 'object' && !Array.isArray(value)) {
      const o = value as Record<string, unknown>
      const code = typeof o.code === 'string' ? o.code : typeof o.Code === 'string' ? o.Code : null
      const message = typeof o.message === 'string' ? o.message : typeof o.Message === 'string' ? o.Message : null
      // Spelled out (same fields, same order) rather than {...base, …}: a spread whose keys are then set
      // again took V8's slow path, five times the JSON.parse of the body.
      return {
        truncated: base.truncated,
        text,
        code: code?.trim() || null,
        message,
        requestId: trimId(o.requestId ?? o.RequestId),
        format: 'json',
        ...noted(code ? null : msg('body.note.jsonNoCode')),
      }
    }
    if (parsed) return { ...base, format: 'json', ...noted(msg('body.note.jsonNotObject')) }
    const code = jsonField(text, 'code')
    return {
      ...base,
      format: 'json',
      truncated: true,
      ...noted(msg(code ? 'body.note.jsonCutWithCode' : 'body.note.jsonCutNoCode')),
      code: code?.trim() || null,
      message: jsonField(text, 'message'),
      requestId: trimId(jsonField(text, 'requestId')),
    }
  }

  if (/^<\?xml|^<Error[\s>]/i.test(trimmed) && !/^<(!doctype\s+)?html/i.test(trimmed)) {
    const code = xmlTag(text, 'Code')
    return {
      ...base,
      format: 'xml',
      ...noted(code ? null : msg('body.note.xmlNoCode')),
      code,
      message: xmlTag(text, 'Message'),
      requestId: xmlTag(text, 'RequestId'),
    }
  }

  if (/^<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i.test(trimmed) || /<\/(html|body)>/i.test(text)) {
    const title = htmlTagText(text, 'title') ?? htmlTagText(text, 'h1')
    const clean = title
      ? decodeXmlText(title.replace(/<[^<>]+>/g, ''))
          .replace(/\s+/g, ' ')
          .trim()
      : ''
    return {
      ...base,
      format: 'html',
      ...noted(clean ? msg('body.note.htmlTitled', { title: clean.slice(0, 120) }) : msg('body.note.html')),
    }
  }

  return { ...base, format: 'text', ...noted(msg('body.note.text')) }
}

/** Decodes the response body of an exchange. */
export function decodeErrorBody(x: Exchange): DecodedBody {
  const r = responseText(x)
  if ('body' in r) return r.body
  return parseBodyText(r.text, x.responseContent.size)
}
