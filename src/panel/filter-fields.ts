// What the filter's words match: the fields a user would paste (URL, operation, error code, request id,
// debug id, key), shared by the plain filter (./filter.ts) and its syntax (./filter-syntax.ts).
import type { CapturedRecord } from '../devtools/store-types.ts'

export type Match = (r: CapturedRecord) => boolean

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

export function regexMatch(source: string): Match {
  const re = new RegExp(source, 'i')
  return (r) => searchFields(r).some((f) => re.test(f))
}

export function textMatch(word: string): Match {
  const needle = word.toLowerCase()
  return (r) => searchFields(r).some((f) => f.toLowerCase().includes(needle))
}
