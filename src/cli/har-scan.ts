// Reads `log.entries` of a HAR text one entry at a time. JSON.parse of a whole 100 MB HAR builds every
// object at once (and pays the GC for it); slicing the entries array and parsing each entry on its own
// keeps memory near the size of the text and makes the analysis cheaper than reading the file.
// Anything unusual makes it return null, and the caller falls back to a plain JSON.parse.

export interface EntrySource {
  readonly length: number
  /** The parsed entry; throws SyntaxError when that entry is not valid JSON. */
  get(i: number): unknown
  /** The entry's JSON text, for cheap substring checks before parsing. */
  text(i: number): string
}

const QUOTE = 34
const BACKSLASH = 92
const LBRACE = 123
const RBRACE = 125
const LBRACKET = 91
const RBRACKET = 93
const COLON = 58

/** Index just past the string that starts at `i` (a quote), or -1 when it never ends. */
function skipString(s: string, i: number): number {
  let from = i + 1
  for (;;) {
    const j = s.indexOf('"', from)
    if (j < 0) return -1
    let k = j - 1
    let backslashes = 0
    while (s.charCodeAt(k) === BACKSLASH) {
      backslashes++
      k--
    }
    if ((backslashes & 1) === 0) return j + 1
    from = j + 1
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9
}

/** Offsets [start0, end0, start1, end1, …] of the entries, or null when the text is not shaped like a HAR. */
function entryOffsets(s: string): number[] | null {
  const n = s.length
  let i = 0
  while (i < n && (isSpace(s.charCodeAt(i)) || s.charCodeAt(i) === 0xfeff)) i++
  if (s.charCodeAt(i) !== LBRACE) return null
  // Walk the document keeping the key path; stop at the array under log.entries.
  const path: (string | null)[] = []
  let key: string | null = null
  let entriesAt = -1
  for (; i < n; i++) {
    const c = s.charCodeAt(i)
    if (c === QUOTE) {
      const end = skipString(s, i)
      if (end < 0) return null
      let j = end
      while (j < n && isSpace(s.charCodeAt(j))) j++
      key = s.charCodeAt(j) === COLON ? s.slice(i + 1, end - 1) : null
      i = end - 1
    } else if (c === LBRACE || c === LBRACKET) {
      path.push(key)
      key = null
      if (c === LBRACKET && path.length === 3 && path[1] === 'log' && path[2] === 'entries') {
        entriesAt = i
        break
      }
    } else if (c === RBRACE || c === RBRACKET) {
      path.pop()
      key = null
      if (path.length === 0) return null // the document ended without log.entries
    }
  }
  if (entriesAt < 0) return null

  const offsets: number[] = []
  let depth = 0
  let start = -1
  for (i = entriesAt + 1; i < n; i++) {
    const c = s.charCodeAt(i)
    if (c === QUOTE) {
      const end = skipString(s, i)
      if (end < 0) return null
      i = end - 1
    } else if (c === LBRACE || c === LBRACKET) {
      if (depth === 0) start = i
      depth++
    } else if (c === RBRACE || c === RBRACKET) {
      if (depth === 0) break // the end of the entries array
      depth--
      if (depth === 0) offsets.push(start, i + 1)
    } else if (depth === 0 && !isSpace(c) && c !== 44 /* , */) {
      return null // a scalar in the entries array: let JSON.parse judge the file
    }
  }
  if (i >= n) return null
  // The rest of the document must close properly (a cut-off download must not pass as complete).
  let open = path.length - 1
  for (i++; i < n; i++) {
    const c = s.charCodeAt(i)
    if (c === QUOTE) {
      const end = skipString(s, i)
      if (end < 0) return null
      i = end - 1
    } else if (c === LBRACE || c === LBRACKET) open++
    else if (c === RBRACE || c === RBRACKET) open--
    else if (open === 0 && !isSpace(c)) return null // text after the document
    if (open < 0) return null
  }
  return open === 0 ? offsets : null
}

export function scanHar(text: string): EntrySource | null {
  const offsets = entryOffsets(text)
  if (!offsets) return null
  // The walk matches brackets, it does not check JSON: the document with each entry replaced by 0 must
  // parse (keys, commas, everything around the entries) and name those entries; each entry parses on read.
  const skeleton: string[] = []
  for (let k = 0, at = 0; k <= offsets.length; k += 2) {
    skeleton.push(text.slice(at, offsets[k]), k < offsets.length ? '0' : '')
    at = offsets[k + 1]!
  }
  try {
    const entries = (JSON.parse(skeleton.join('')) as { log?: { entries?: unknown } }).log?.entries
    if (!Array.isArray(entries) || entries.length !== offsets.length / 2 || entries.some((e) => e !== 0)) return null
  } catch {
    return null
  }
  const slice = (i: number) => text.slice(offsets[2 * i], offsets[2 * i + 1])
  return { length: offsets.length / 2, get: (i) => JSON.parse(slice(i)) as unknown, text: slice }
}
