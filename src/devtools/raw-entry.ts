// Reading a raw HAR entry as DevTools (or a file) gives it, before the core has looked at it: every field
// may be missing or of the wrong type. Shared by the seam (in-flight filter) and the capture store.

export const obj = (v: unknown): Record<string, unknown> => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {})
export const str = (v: unknown): string | null => (typeof v === 'string' ? v : null)
export const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null)

/**
 * Identity of one request before it is analysed, whatever its answer: the same in a HAR read while it
 * was unanswered and in the finished entry. (Records keep the URL redacted, so this reads the raw entry.)
 */
export function exchangeKey(raw: unknown): string {
  const request = obj(obj(raw).request)
  return [str(request.method)?.toUpperCase() ?? '', str(request.url) ?? '', str(obj(raw).startedDateTime) ?? ''].join('\n')
}

/** No status and no response header: DevTools had no answer for it (yet, or ever). */
export function unanswered(raw: unknown): boolean {
  const response = obj(obj(raw).response)
  return !num(response.status) && !(Array.isArray(response.headers) && response.headers.length > 0)
}

/** When the raw entry's request started, in ms; null when unknown. */
export function startedMs(raw: unknown): number | null {
  const started = str(obj(raw).startedDateTime)
  const ms = started ? Date.parse(started) : NaN
  return Number.isFinite(ms) ? ms : null
}
