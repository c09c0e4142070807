// A CapturedRecord as a HAR entry again, for the core functions the panel runs itself (canonical
// request, upload sessions). The record keeps the request as sent (its headers with the Authorization
// signature, its form or JSON body), so what the core rebuilds is what BOS received.
import type { CapturedRecord } from '../../devtools/store-types.ts'

export function harLike(r: CapturedRecord): Record<string, unknown> {
  const b = r.response.body
  const a = r.analysis
  // An Initiate whose body was not kept still names its upload (the analysis read it when it was there).
  const text = b.text ?? (a.operation === 'InitiateMultipartUpload' && a.uploadId ? JSON.stringify({ uploadId: a.uploadId }) : undefined)
  return {
    startedDateTime: r.startedDateTime ?? undefined,
    time: r.time,
    request: {
      method: r.request.method,
      url: r.request.url,
      httpVersion: r.request.httpVersion,
      headers: r.request.headers,
      postData: r.request.postData ?? undefined,
    },
    response: {
      status: r.response.status,
      statusText: r.response.statusText,
      httpVersion: r.response.httpVersion,
      headers: r.response.headers,
      content: { size: b.size ?? undefined, mimeType: b.mimeType, text, encoding: b.encoding ?? undefined },
    },
  }
}
