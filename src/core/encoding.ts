// Byte-level helpers that work the same in Node, the DevTools page and the panel (atob, TextDecoder).

/** decodeURIComponent, or the text as sent when it holds a malformed escape. */
export function decodeUriOrKeep(s: string): string {
  if (!s.includes('%')) return s // nothing to decode (the common case)
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

/** Decodes standard base64 (padding optional); null when the text is not base64. */
export function base64ToBytes(s: string): Uint8Array | null {
  const t = s.trim()
  if (t.length === 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(t) || t.length % 4 === 1) return null
  try {
    const bin = atob(t.padEnd(Math.ceil(t.length / 4) * 4, '='))
    const out = new Uint8Array(bin.length)
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i)
    return out
  } catch {
    return null
  }
}

const HEX_BYTE = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))

export function bytesToHex(b: Uint8Array): string {
  let s = ''
  for (let i = 0; i < b.length; i++) s += HEX_BYTE[b[i]!]
  return s
}

export function hexToBase64(hex: string): string {
  let bin = ''
  for (let i = 0; i + 1 < hex.length; i += 2) bin += String.fromCharCode(parseInt(hex.slice(i, i + 2), 16))
  return btoa(bin)
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

/** Decodes UTF-8; null when the bytes are not text (binary bodies). */
export function bytesToText(b: Uint8Array): string | null {
  try {
    const t = utf8.decode(b)
    return looksBinary(t) ? null : t
  } catch {
    return null
  }
}

/** Control characters other than tab/newline in the first 1 KB mean a binary payload. */
export function looksBinary(text: string): boolean {
  const head = text.slice(0, 1024)
  let control = 0
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i)
    if (c === 0) return true
    if (c < 32 && c !== 9 && c !== 10 && c !== 13) control++
  }
  return control > head.length / 10
}
