// Just enough XML for S3 bodies (errors, InitiateMultipartUploadResult, CompleteMultipartUpload, ListParts,
// CopyObjectResult): element text by tag name, in linear time, entities and CDATA decoded. No namespaces,
// no attributes: S3 bodies put everything a diagnosis needs in plain elements.

function stripCdata(s: string): string {
  let out = ''
  let at = 0
  for (;;) {
    const open = s.indexOf('<![CDATA[', at)
    const close = open < 0 ? -1 : s.indexOf(']]>', open + 9)
    if (close < 0) return out + s.slice(at)
    out += s.slice(at, open) + s.slice(open + 9, close)
    at = close + 3
  }
}

export function decodeXmlText(s: string): string {
  return stripCdata(s)
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
}

// indexOf, not /<Code>([\s\S]*?)<\/Code>/: the regex rescans to the end from every unclosed <Code> (quadratic).
export const xmlTag = (xml: string, tag: string): string | null => {
  const open = xml.indexOf(`<${tag}>`)
  const close = open < 0 ? -1 : xml.indexOf(`</${tag}>`, open + tag.length + 2)
  return close < 0 ? null : decodeXmlText(xml.slice(open + tag.length + 2, close).trim())
}

/** The inner text of each <tag>…</tag> in order (not nested tags of the same name), scanned once. */
export function xmlBlocks(xml: string, tag: string): string[] {
  const out: string[] = []
  const open = `<${tag}>`
  const close = `</${tag}>`
  let at = 0
  for (;;) {
    const i = xml.indexOf(open, at)
    if (i < 0) return out
    const j = xml.indexOf(close, i + open.length)
    if (j < 0) return out
    out.push(xml.slice(i + open.length, j))
    at = j + close.length
  }
}

/** Whether a body reads as XML (a declaration or a root element), not HTML. */
export const looksXml = (text: string): boolean => /^\s*<(\?xml|[A-Za-z][\w.-]*[\s>])/.test(text) && !/^\s*<(!doctype\s+)?html/i.test(text)
