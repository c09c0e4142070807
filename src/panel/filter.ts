// The toolbar filter: the Network panel's syntax (./filter-syntax.ts, loaded after the first paint: until
// then the words of the text match as plain words), or with the regex switch on, the whole text as one
// regular expression over the fields a user would paste; plus the "Errors only" and "With findings only"
// switches.
import type { CapturedRecord } from '../devtools/store-types.ts'
import { regexMatch, textMatch, type Match } from './filter-fields.ts'
import { isFailed } from './format.ts'

export { searchFields } from './filter-fields.ts'

export interface FilterState {
  text: string
  regex: boolean
  errorsOnly: boolean
  findingsOnly: boolean
}

export const EMPTY_FILTER: FilterState = { text: '', regex: false, errorsOnly: false, findingsOnly: false }

export interface CompiledText {
  /** null when the text filter is off (empty) or invalid. */
  test: Match | null
  /** The RegExp syntax error, shown on the input; the text filter is then ignored. */
  error: string | null
}

type Syntax = typeof import('./filter-syntax.ts')
let syntax: Syntax | undefined
let loading: Promise<Syntax> | undefined

/** Loads the property syntax once; resolves when compileText understands it. */
export const loadFilterSyntax = (): Promise<Syntax> =>
  (loading ??= import('./filter-syntax.ts').then(
    (m) => (syntax = m),
    (e: unknown) => {
      loading = undefined
      throw e
    },
  ))

/** The property keys for the input's suggestions, once the syntax is in. */
export const filterKeys = (): readonly string[] => syntax?.FILTER_KEYS ?? []

/** Never throws: an invalid pattern comes back as `error`. */
export function compileText(text: string, regex: boolean): CompiledText {
  const t = text.trim()
  if (!t) return { test: null, error: null }
  try {
    if (regex) return { test: regexMatch(t), error: null }
    if (syntax) return { test: syntax.compileSyntax(t), error: null }
    const words = t.split(/\s+/).map(textMatch)
    return { test: (r) => words.every((w) => w(r)), error: null }
  } catch (e) {
    return { test: null, error: e instanceof Error ? e.message : String(e) }
  }
}

export const isFiltering = (s: FilterState): boolean => s.text.trim() !== '' || s.errorsOnly || s.findingsOnly

export function filterRecords(records: readonly CapturedRecord[], s: FilterState, text: CompiledText): readonly CapturedRecord[] {
  if (!text.test && !s.errorsOnly && !s.findingsOnly) return records
  return records.filter((r) => {
    const a = r.analysis
    if (s.errorsOnly && !isFailed(a)) return false
    if (s.findingsOnly && a.findings.length === 0) return false
    return !text.test || text.test(r)
  })
}
