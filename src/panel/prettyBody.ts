// Turns a captured body into something readable: decoded base64, pretty JSON, indented XML. Pure and
// total: bad JSON or XML comes back as it was, never as an exception.
import type { Content } from 'har-format'

export type BodyKind = 'json' | 'xml' | 'html' | 'text'

export interface ReadableBody {
  /** The body as text, or null when it is binary. */
  text: string | null
  kind: BodyKind
  /** Pretty form, or null when it would equal `text` (or could not be made). */
  pretty: string | null
}

const utf8 = () => new TextDecoder('utf-8', { fatal: true })

function fromBase64(s: string): string | null {
  try {
    const bin = atob(s.replace(/\s+/g, ''))
    const bytes = new Uint8Array(bin.length)
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i)
    const text = utf8().decode(bytes)
    // Control characters other than whitespace mean a binary body that happens to be valid UTF-8.
    return /[\u0000-\u0008\u000e-\u001f]/.test(text) ? null : text
  } catch {
    return null
  }
}

export function bodyKind(mimeType: string, text: string): BodyKind {
  const m = mimeType.toLowerCase()
  const t = text.trimStart()
  if (m.includes('json') || /^[{[]/.test(t)) return 'json'
  if (m.includes('html') || /^<!doctype html|^<html/i.test(t)) return 'html'
  if (m.includes('xml') || /^<[?A-Za-z]/.test(t)) return 'xml'
  return 'text'
}

/** A response body as the record keeps it (`text` absent when it was not kept). */
export function readableBody(b: Pick<Content, 'text' | 'encoding' | 'mimeType'>): ReadableBody {
  const text = b.text === undefined ? null : b.encoding === 'base64' ? fromBase64(b.text) : b.text
  if (text === null) return { text: null, kind: 'text', pretty: null }
  const kind = bodyKind(b.mimeType, text)
  let pretty: string | null = null
  if (kind === 'json') {
    try {
      pretty = JSON.stringify(JSON.parse(text), null, 2)
    } catch {
      pretty = null // cut off or not JSON after all: show it raw
    }
  } else if (kind === 'xml') pretty = indentXml(text)
  return { text, kind, pretty: pretty === text ? null : pretty }
}

/** A forgiving XML indenter: one tag or text run per line, two spaces per level. */
export function indentXml(xml: string): string {
  const tokens = xml
    .replace(/>\s+</g, '><')
    .trim()
    .split(/(<[^>]*>)/)
    .filter((t) => t.trim() !== '')
  const out: string[] = []
  let depth = 0
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    const next = tokens[i + 1]
    const after = tokens[i + 2]
    const isTag = t.startsWith('<')
    const closing = isTag && t.startsWith('</')
    const selfContained = isTag && (/\/>$/.test(t) || /^<[?!]/.test(t))
    if (closing) depth = Math.max(0, depth - 1)
    // <Code>NoSuchKey</Code> stays on one line.
    if (isTag && !closing && !selfContained && next !== undefined && !next.startsWith('<') && after?.startsWith('</')) {
      out.push('  '.repeat(depth) + t + next.trim() + after)
      i += 2
      continue
    }
    out.push('  '.repeat(depth) + (isTag ? t : t.trim()))
    if (isTag && !closing && !selfContained) depth++
  }
  return out.join('\n')
}
