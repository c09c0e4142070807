// The upload callback's outcome: BOS stores the object, then calls the page's server. The answer's body
// says how that went (`{"callback": {"result"}}` on success, `{"callback": {"code", "message"}}` on
// failure: @baiducloud/sdk's CHANGELOG for 1.0.1, bce-sdk-go PutObjectResult.Callback), and BOS's error
// page lists 203 Non-Authoritative Information for a stored object whose callback failed.
import { list, msg, sentences } from '../i18n/report-message.ts'
import { responseText } from './error-body.ts'
import { finding } from './finding.ts'
import type { Exchange } from './har.ts'
import type { ProcessInfo } from './process.ts'
import type { Finding } from './types.ts'

/** The answer's `callback` object, when the body is small JSON with one. */
function callbackResult(x: Exchange): { code: string | null; message: string | null } | null {
  const r = responseText(x)
  if ('body' in r || r.text.length > 64 * 1024) return null
  try {
    const cb = (JSON.parse(r.text) as { callback?: unknown })?.callback
    if (!cb || typeof cb !== 'object') return null
    const o = cb as Record<string, unknown>
    const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null)
    return { code: str(o.code), message: str(o.message) }
  } catch {
    return null
  }
}

export function callbackFindings(x: Exchange, process: ProcessInfo | null): Finding[] {
  const cb = process?.callback
  if (!process || !cb) return []
  const out: Finding[] = []
  if (process.problems.length) {
    const problems = list(process.problems.map((p) => msg(`process.problem.${p}`)))
    out.push(
      finding(
        'callback-invalid',
        x.status >= 400 ? 'error' : 'warning',
        msg('finding.callback-invalid.title'),
        msg('finding.callback-invalid.detail', { problems }),
        {
          problems: process.problems,
        },
      ),
    )
  }
  if (x.status < 200 || x.status >= 300) return out
  const result = callbackResult(x)
  if (!result?.code && x.status !== 203) return out
  const target = cb.urls?.length
    ? list(cb.urls)
    : cb.key
      ? msg('finding.callback-failed.configured', { key: cb.key })
      : msg('finding.callback-failed.unknownTarget')
  const detail = sentences(
    result?.code
      ? msg('finding.callback-failed.detail.code', { target, code: result.code, message: result.message ?? '' })
      : msg('finding.callback-failed.detail.203', { target }),
    msg('finding.callback-failed.advice'),
  )
  out.push(
    finding('callback-failed', 'warning', msg('finding.callback-failed.title'), detail, {
      code: result?.code ?? null,
      callbackMessage: result?.message ?? null,
      urls: cb.urls,
    }),
  )
  return out
}
