// Builds HAR 1.2 entries for table-driven tests: only what a test cares about is spelled out.
export interface EntrySpec {
  method?: string
  url: string
  status?: number
  started?: string
  time?: number
  req?: Record<string, string>
  res?: Record<string, string>
  body?: string | null
  bodyEncoding?: 'base64'
  bodySize?: number
  mimeType?: string
  postData?: { mimeType: string; text?: string }
  resourceType?: string
  fromCache?: string
  /** Chrome's response._error for a request with no answer (net::ERR_…). */
  networkError?: string
}

const headers = (h: Record<string, string> = {}) => Object.entries(h).map(([name, value]) => ({ name, value }))

export function entry(s: EntrySpec): Record<string, unknown> {
  const body = s.body ?? null
  return {
    startedDateTime: s.started ?? '2026-11-26T04:00:00.000Z',
    time: s.time ?? 100,
    request: {
      method: s.method ?? 'GET',
      url: s.url,
      httpVersion: 'HTTP/1.1',
      headers: headers(s.req),
      queryString: [],
      cookies: [],
      headersSize: -1,
      bodySize: -1,
      ...(s.postData ? { postData: s.postData } : {}),
    },
    response: {
      status: s.status ?? 200,
      statusText: '',
      httpVersion: 'HTTP/1.1',
      headers: headers(s.res),
      cookies: [],
      content: {
        size: s.bodySize ?? (body === null ? 0 : body.length),
        mimeType: s.mimeType ?? 'application/json; charset=utf-8',
        ...(body === null ? {} : { text: body }),
        ...(s.bodyEncoding ? { encoding: s.bodyEncoding } : {}),
      },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
      ...(s.networkError ? { _error: s.networkError } : {}),
    },
    cache: {},
    timings: { send: 0, wait: s.time ?? 100, receive: 0 },
    ...(s.resourceType ? { _resourceType: s.resourceType } : {}),
    ...(s.fromCache ? { _fromCache: s.fromCache } : {}),
  }
}

export function har(entries: unknown[]): Record<string, unknown> {
  return { log: { version: '1.2', creator: { name: 'test', version: '1' }, entries } }
}

/** The BOS JSON error body, with the leading space in requestId the docs show. */
export function bosError(code: string, message: string, requestId = '4db2b34d-654d-4d8a-b49b-3049ca786409'): string {
  return JSON.stringify({ code, message, requestId: ` ${requestId}` })
}

export const BOS_HEADERS = {
  Server: 'BceBos',
  'x-bce-request-id': '4db2b34d-654d-4d8a-b49b-3049ca786409',
  'x-bce-debug-id': 'FFh7572V+sO+cH3q2Vd0nQ==',
  Date: 'Thu, 26 Nov 2026 04:00:00 GMT',
  'Content-Type': 'application/json; charset=utf-8',
}

/** The facts of an analysis two capture paths must agree on (live, re-analysed, imported, CLI). */
export const analysisFacts = (a: {
  method: string
  url: string
  status: number
  operation: string | null
  preflight: boolean
  requestId: string | null
  error: { code: string } | null
  uploadId: string | null
  findings: { id: string }[]
}) => ({
  method: a.method,
  url: a.url,
  status: a.status,
  operation: a.operation,
  preflight: a.preflight,
  requestId: a.requestId,
  code: a.error?.code ?? null,
  uploadId: a.uploadId,
  findings: a.findings.map((f) => f.id),
})

/** A PutObject refused with RequestExpired, the client 17 minutes behind BOS: the CLI and library samples. */
export const requestExpiredEntry = (): Record<string, unknown> =>
  entry({
    url: 'https://mybucket.bj.bcebos.com/a.txt',
    method: 'PUT',
    status: 403,
    started: '2026-11-26T04:00:00.000Z',
    res: { ...BOS_HEADERS, Date: 'Thu, 26 Nov 2026 04:17:00 GMT' },
    req: { 'x-bce-date': '2026-11-26T04:00:00Z' },
    body: bosError('RequestExpired', 'Request has expired. Timestamp date is 2026-11-26T04:00:00Z'),
  })
