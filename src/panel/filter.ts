// The toolbar filter: text or regex over the fields a user would paste (URL, operation, error code,
// request id, debug id, key), plus the "Errors only" and "With findings only" switches.
import type { CapturedRecord } from '../devtools/store-types.ts'
import { isFailed } from './format.ts'

export interface FilterState {
  text: string
  regex: boolean
  errorsOnly: boolean
  findingsOnly: boolean
}

export const EMPTY_FILTER: FilterState = { text: '', regex: false, errorsOnly: false, findingsOnly: false }

export interface CompiledText {
  /** null when the text filter is off (empty) or invalid. */
  test: ((field: string) => boolean) | null
  /** The RegExp syntax error, shown on the input; the text filter is then ignored. */
  error: string | null
}

/** Never throws: an invalid pattern comes back as `error`. */
export function compileText(text: string, regex: boolean): CompiledText {
  const t = text.trim()
  if (!t) return { test: null, error: null }
  if (!regex) {
    const needle = t.toLowerCase()
    return { test: (f) => f.toLowerCase().includes(needle), error: null }
  }
  try {
    const re = new RegExp(t, 'i')
    return { test: (f) => re.test(f), error: null }
  } catch (e) {
    return { test: null, error: e instanceof Error ? e.message : String(e) }
  }
}

// Records never change once captured, so their search fields are computed once.
const fieldCache = new WeakMap<object, string[]>()

export function searchFields(r: CapturedRecord): string[] {
  let f = fieldCache.get(r)
  if (!f) {
    const a = r.analysis
    f = [a.url, a.operation, a.error?.code, a.requestId, a.debugId, a.key].filter((s): s is string => typeof s === 'string' && s !== '')
    fieldCache.set(r, f)
  }
  return f
}

export const isFiltering = (s: FilterState): boolean => s.text.trim() !== '' || s.errorsOnly || s.findingsOnly

export function filterRecords(records: readonly CapturedRecord[], s: FilterState, text: CompiledText): readonly CapturedRecord[] {
  if (!text.test && !s.errorsOnly && !s.findingsOnly) return records
  return records.filter((r) => {
    const a = r.analysis
    if (s.errorsOnly && !isFailed(a)) return false
    if (s.findingsOnly && a.findings.length === 0) return false
    return !text.test || searchFields(r).some(text.test)
  })
}
