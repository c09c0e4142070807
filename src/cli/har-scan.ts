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

/** Where the log.entries array opens, and how many containers are open around it. */
interface Head {
  at: number
  open: number
}

/** Entry offsets [start0, end0, start1, end1, …] and where the entries array closes. */
interface Split {
  offsets: number[]
  close: number
  /** The text between every two entries, when it is the same throughout. */
  gap?: string
}

/** Finds log.entries; null when the text is not shaped like a HAR. */
function findEntries(s: string): Head | null {
  const n = s.length
  let i = 0
  while (i < n && (isSpace(s.charCodeAt(i)) || s.charCodeAt(i) === 0xfeff)) i++
  if (s.charCodeAt(i) !== LBRACE) return null
  // Walk the document keeping the key path; stop at the array under log.entries.
  const path: (string | null)[] = []
  let key: string | null = null
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
      if (c === LBRACKET && path.length === 3 && path[1] === 'log' && path[2] === 'entries') return { at: i, open: path.length - 1 }
    } else if (c === RBRACE || c === RBRACKET) {
      path.pop()
      key = null
      if (path.length === 0) return null // the document ended without log.entries
    }
  }
  return null
}

/** The entries by matching brackets through every string of them. */
function matchedSplit(s: string, at: number): Split | null {
  const n = s.length
  const offsets: number[] = []
  let depth = 0
  let start = -1
  let i
  for (i = at + 1; i < n; i++) {
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
  return i < n ? { offsets, close: i } : null
}

/**
 * The entries of a HAR written one entry per line or indented (JSON.stringify(har, null, 2), DevTools,
 * Firefox): a newline cannot be inside a JSON string, so "," + the whitespace before the first entry +
 * "{" is what separates the entries, and indexOf finds it far faster than a walk through every string
 * (the walk cost 8% of the whole run). Only what follows the last separator is walked.
 * It is a guess until every piece has parsed: the document with each piece replaced by 0 parses (see
 * checked), so when every piece parses too, the document is JSON and the pieces are its entries. What
 * can fool it is an array after log.entries laid out like it (pages last, unindented): see scanHar.
 */
function quickSplit(s: string, at: number): Split | null {
  let first = at + 1
  while (first < s.length && isSpace(s.charCodeAt(first))) first++
  const space = s.slice(at + 1, first)
  if (s.charCodeAt(first) !== LBRACE || !space.includes('\n')) return null
  const separator = `,${space}{`
  // A pretty printer closes the array at the indentation of the line that opened it: no entry after that.
  const line = s.lastIndexOf('\n', at) + 1
  let indent = line
  while (s.charCodeAt(indent) === 32 || s.charCodeAt(indent) === 9) indent++
  const end = s.indexOf(`\n${s.slice(line, indent)}]`, first)
  const offsets: number[] = []
  let start = first
  for (let j = s.indexOf(separator, start); j >= 0 && (end < 0 || j < end); j = s.indexOf(separator, start)) {
    offsets.push(start, j)
    start = j + separator.length - 1
  }
  // The rest, from the last separator to where the array closes, bracket by bracket.
  const rest = matchedSplit(s, start - 1)
  if (!rest || rest.offsets[0] !== start) return null
  for (const o of rest.offsets) offsets.push(o)
  return { offsets, close: rest.close, ...(rest.offsets.length === 2 ? { gap: separator.slice(0, -1) } : {}) }
}

/** The offsets when the rest of the document is sound around them, else null. */
function checked(s: string, split: Split | null, head: Head): number[] | null {
  if (!split) return null
  const { offsets } = split
  const n = s.length
  // The rest of the document must close properly (a cut-off download must not pass as complete).
  let open = head.open
  for (let i = split.close + 1; i < n; i++) {
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
  if (open !== 0) return null
  // The walk matches brackets, it does not check JSON: the document with each entry replaced by 0 must
  // parse (keys, commas, everything around the entries) and name those entries; each entry parses on read.
  let skeleton: string
  if (split.gap !== undefined) {
    skeleton = s.slice(0, offsets[0]) + '0' + `${split.gap}0`.repeat(offsets.length / 2 - 1) + s.slice(offsets[offsets.length - 1])
  } else {
    const pieces: string[] = []
    for (let k = 0, at = 0; k <= offsets.length; k += 2) {
      pieces.push(s.slice(at, offsets[k]), k < offsets.length ? '0' : '')
      at = offsets[k + 1]!
    }
    skeleton = pieces.join('')
  }
  try {
    const entries = (JSON.parse(skeleton) as { log?: { entries?: unknown } }).log?.entries
    if (!Array.isArray(entries) || entries.length !== offsets.length / 2 || entries.some((e) => e !== 0)) return null
  } catch {
    return null
  }
  return offsets
}

/** Thrown by `get` when the quick split turns out wrong: scan again with `scanHar(text, false)`. */
export class RescanNeeded extends Error {
  constructor() {
    super('log.entries is not laid out as its first entry suggested')
  }
}

/**
 * The entries of a HAR text, or null when the text is not shaped like a HAR (the caller then parses it
 * whole). `quick` lets the entries be split by their separator (see quickSplit); when one of them then
 * fails to parse, `get` compares with the split matched bracket by bracket: the same split means that
 * entry is broken (its SyntaxError is thrown, as it would have been), another one throws RescanNeeded,
 * and everything read from this source must be thrown away.
 */
export function scanHar(text: string, quick = true): EntrySource | null {
  const head = findEntries(text)
  if (!head) return null
  const matched = () => checked(text, matchedSplit(text, head.at), head)
  let guess = quick ? checked(text, quickSplit(text, head.at), head) : null
  let trusted = false
  // An array after the entries, indented like them, ends up in the last pieces: try those now, rather
  // than find out at the end of the whole analysis.
  if (guess && !lastPiecesParse(text, guess)) {
    trusted = same(guess, matched())
    if (!trusted) guess = null
  }
  if (!guess) trusted = true // matched bracket by bracket: nothing to doubt
  const offsets = guess ?? matched()
  if (!offsets) return null
  const slice = (i: number) => text.slice(offsets[2 * i], offsets[2 * i + 1])
  return {
    length: offsets.length / 2,
    get: (i) => {
      try {
        return JSON.parse(slice(i)) as unknown
      } catch (e) {
        if (!trusted) {
          if (!same(offsets, matched())) throw new RescanNeeded()
          trusted = true
        }
        throw e
      }
    },
    text: slice,
  }
}

function same(a: number[], b: number[] | null): boolean {
  return !!b && a.length === b.length && a.every((o, k) => o === b[k])
}

function lastPiecesParse(text: string, offsets: number[]): boolean {
  for (let k = Math.max(0, offsets.length - 4); k < offsets.length; k += 2) {
    try {
      JSON.parse(text.slice(offsets[k], offsets[k + 1]))
    } catch {
      return false
    }
  }
  return true
}
