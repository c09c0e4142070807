// URI encoding and decoding as BOS signing and routing use them.

/** RFC 3986 encoding: keep A-Z a-z 0-9 - . _ ~, %XX (upper case) for every other UTF-8 byte. */
export function uriEncode(s: string, keepSlash = false): string {
  const out = encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())
  return keepSlash ? out.replace(/%2F/g, '/') : out
}

/** Percent-decoding that keeps `+` literal (RFC 3986 semantics, not form encoding). */
export function pctDecode(s: string): string {
  return decodeURIComponent(s)
}

/** pctDecode, or the input unchanged when it is not valid percent-encoding. */
export function safeDecode(s: string): string {
  try {
    return pctDecode(s)
  } catch {
    return s
  }
}
