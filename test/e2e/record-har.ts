// Records a realistic browser session against the local BOS-like server (test/e2e/bos-server/),
// driven by the genuine @baiducloud/sdk in Debian's Chromium (headless, via playwright-core).
//
//   npx tsx test/e2e/record-har.ts
//
// Writes:
//   test/fixtures/chromium-session.har           Playwright's recordHar (content: 'embed'). Playwright does
//                                                not record CORS preflights, nor requests the browser blocked.
//   test/fixtures/chromium-session.devtools.har  The same session built from the page's CDP Network events in
//                                                the layout Chrome DevTools uses for "Save all as HAR": it has
//                                                the preflight OPTIONS entries (_resourceType "preflight") and
//                                                the request CORS blocked (status 0, _error).
//   test/fixtures/chromium-session.expect.json   What each BOS entry is (operation, error code), per file.
//
// Then checks both HARs against the plan and the server's own log, prints a table, exits 1 on a mismatch.

import { mkdirSync, readFileSync, writeFileSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import { chromium, type Browser, type BrowserServer, type CDPSession, type Page } from 'playwright-core'
import { startBosServer, type BosServer, type SeenRequest } from './bos-server/index.ts'
import type { FetchResult, SdkResult } from './sdk-page.ts'

const OUT_DIR = resolve(process.cwd(), 'test/fixtures')
const PW_HAR = resolve(OUT_DIR, 'chromium-session.har')
const DT_HAR = resolve(OUT_DIR, 'chromium-session.devtools.har')
const EXPECT = resolve(OUT_DIR, 'chromium-session.expect.json')
const BUCKET = 'mybucket'
const NOCORS_BUCKET = 'nocors-bucket'
/** Only BOS traffic and the page itself go into the HARs (the 1 MB SDK bundle stays out). */
const URL_FILTER = /^http:\/\/[^/]*\.bcebos\.com(:\d+)?\/|\/page\.html$/
const keep = (url: string) => URL_FILTER.test(url)
/** Request bodies above this are left out of the DevTools-layout HAR (the 100 KiB multipart parts). */
const MAX_POST_DATA = 16 * 1024

// ---------------------------------------------------------------------------------------------
// The plan: every request the session is expected to produce, in the order the server sees them.

interface Expected {
  step: string
  method: string
  /** URL path as sent (percent-encoded), without the query. */
  path: string
  /** Sorted names of the query parameters. */
  queryKeys: string[]
  status: number
  /** BOS API name; null for the non-BOS page. */
  operation: string | null
  /** Error code the response body carries (null on success, and for HEAD: no body). */
  errorCode: string | null
  /** The code the server decided on, when the body cannot carry it (HEAD). */
  serverCode?: string
  bucket: string | null
  key: string | null
  preflight: boolean
  /** The browser blocked it (CORS): never reached the server, status 0. */
  blocked?: boolean
  /** Status in the Playwright HAR when it differs (-1 for a blocked request). */
  playwrightStatus?: number
  /** Stable facts about the entry a decoder should find. */
  facts?: Record<string, unknown>
  /** Present in the Playwright HAR (preflights are not). */
  inPlaywrightHar: boolean
  notes?: string
}

const plan: Expected[] = []
function expectReq(e: Omit<Expected, 'inPlaywrightHar' | 'preflight' | 'queryKeys'> & { queryKeys?: string[]; preflight?: boolean }) {
  const preflight = e.preflight ?? false
  plan.push({ ...e, queryKeys: e.queryKeys ?? [], preflight, inPlaywrightHar: !preflight })
}
/** An SDK call: its preflight, then the request. */
function expectSdk(e: Omit<Expected, 'inPlaywrightHar' | 'preflight' | 'queryKeys'> & { queryKeys?: string[] }) {
  expectReq({
    step: e.step,
    method: 'OPTIONS',
    path: e.path,
    queryKeys: e.queryKeys,
    status: 200,
    operation: 'OPTIONSObject',
    errorCode: null,
    bucket: e.bucket,
    key: e.key,
    preflight: true,
    notes: `CORS preflight for ${e.method}`,
  })
  expectReq(e)
}

// ---------------------------------------------------------------------------------------------
// Chromium: always killed.

// launchServer + connect (rather than launch) so the Chromium child process is ours to kill.
let chromiumServer: BrowserServer | undefined
let browser: Browser | undefined
let server: BosServer | undefined
function killBrowser() {
  const proc = chromiumServer?.process()
  if (proc && proc.exitCode === null && proc.signalCode === null) {
    try {
      proc.kill('SIGKILL')
    } catch {
      /* already gone */
    }
  }
}
process.on('exit', killBrowser)
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(sig, () => {
    killBrowser()
    process.exit(130)
  })
}

// ---------------------------------------------------------------------------------------------
// A DevTools-layout HAR from CDP Network events.

interface CdpRequest {
  url: string
  method: string
  headers: Record<string, string>
  postData?: string
  hasPostData?: boolean
}
interface CdpTiming {
  requestTime: number
  dnsStart: number
  dnsEnd: number
  connectStart: number
  connectEnd: number
  sslStart: number
  sslEnd: number
  sendStart: number
  sendEnd: number
  receiveHeadersEnd: number
}
interface CdpResponse {
  url: string
  status: number
  statusText: string
  headers: Record<string, string>
  mimeType: string
  protocol?: string
  remoteIPAddress?: string
  remotePort?: number
  connectionId?: number
  encodedDataLength: number
  timing?: CdpTiming
}
interface Tracked {
  requestId: string
  order: number
  request: CdpRequest
  wallTime: number
  timestamp: number
  type?: string
  initiator?: unknown
  priority?: string
  extraRequestHeaders?: Record<string, string>
  response?: CdpResponse
  responseType?: string
  extraResponseHeaders?: Record<string, string>
  extraStatusCode?: number
  headersText?: string
  finishedAt?: number
  encodedDataLength?: number
  errorText?: string
  corsError?: string
  body?: { text: string; base64: boolean }
  postData?: string
  postDataOmitted?: number
}

function recordCdp(cdp: CDPSession) {
  const byId = new Map<string, Tracked>()
  const done: Tracked[] = []
  const pending: Promise<unknown>[] = []
  let order = 0
  const get = (id: string) => byId.get(id)

  cdp.on('Network.requestWillBeSent', (e) => {
    const prev = byId.get(e.requestId)
    if (prev && e.redirectResponse) {
      prev.response = e.redirectResponse as unknown as CdpResponse
      prev.finishedAt = e.timestamp
      done.push(prev)
    }
    byId.set(e.requestId, {
      requestId: e.requestId,
      order: order++,
      request: e.request as unknown as CdpRequest,
      wallTime: e.wallTime,
      timestamp: e.timestamp,
      type: e.type,
      initiator: e.initiator,
      priority: e.request.initialPriority,
    })
    const t = byId.get(e.requestId)!
    if (e.request.hasPostData && e.request.postData === undefined && keep(e.request.url)) {
      // Bodies the browser did not inline (Blob, FormData). Large ones are left out to keep the HAR small.
      pending.push(
        cdp
          .send('Network.getRequestPostData', { requestId: e.requestId })
          .then((r) => {
            const size = Buffer.byteLength(r.postData)
            if (size <= MAX_POST_DATA) t.postData = r.postData
            else t.postDataOmitted = size
          })
          .catch(() => undefined),
      )
    }
  })
  cdp.on('Network.requestWillBeSentExtraInfo', (e) => {
    const t = get(e.requestId)
    if (t) t.extraRequestHeaders = e.headers as Record<string, string>
    else byId.set(e.requestId, { extraRequestHeaders: e.headers } as unknown as Tracked) // arrives first sometimes
  })
  cdp.on('Network.responseReceivedExtraInfo', (e) => {
    const t = get(e.requestId)
    const info = { extraResponseHeaders: e.headers as Record<string, string>, extraStatusCode: e.statusCode, headersText: e.headersText }
    if (t) Object.assign(t, info)
    else byId.set(e.requestId, info as unknown as Tracked)
  })
  cdp.on('Network.responseReceived', (e) => {
    const t = get(e.requestId)
    if (!t) return
    t.response = e.response as unknown as CdpResponse
    t.responseType = e.type
  })
  cdp.on('Network.loadingFinished', (e) => {
    const t = get(e.requestId)
    if (!t?.request) return
    t.finishedAt = e.timestamp
    t.encodedDataLength = e.encodedDataLength
    done.push(t)
    if (keep(t.request.url) && t.responseType !== 'Preflight' && t.request.method !== 'HEAD') {
      pending.push(
        cdp
          .send('Network.getResponseBody', { requestId: e.requestId })
          .then((b) => (t.body = { text: b.body, base64: b.base64Encoded }))
          .catch(() => undefined),
      )
    }
  })
  cdp.on('Network.loadingFailed', (e) => {
    const t = get(e.requestId)
    if (!t?.request) return
    t.finishedAt = e.timestamp
    t.errorText = e.errorText
    t.corsError = e.corsErrorStatus?.corsError
    t.responseType ??= e.type
    done.push(t)
  })

  return {
    async har(pageTitle: string, pageStarted: number) {
      await Promise.all(pending)
      // Chromium announces the XHR before its preflight, in either order; list each preflight
      // right before the request it was made for (the order the server sees them).
      const kept = done.filter((t) => t.request && keep(t.request.url)).sort((a, b) => a.order - b.order)
      const preflightFor = new Map<string, Tracked>()
      for (const t of kept) {
        const init = t.initiator as { type?: string; requestId?: string } | undefined
        if (init?.type === 'preflight' && init.requestId) preflightFor.set(init.requestId, t)
      }
      const ordered: Tracked[] = []
      for (const t of kept) {
        const init = t.initiator as { type?: string; requestId?: string } | undefined
        if (init?.type === 'preflight' && init.requestId && kept.some((k) => k.requestId === init.requestId)) continue
        const pre = preflightFor.get(t.requestId)
        if (pre) ordered.push(pre)
        ordered.push(t)
      }
      const entries = ordered.map(toHarEntry)
      return {
        log: {
          version: '1.2',
          creator: { name: 'bos-devtools test/e2e/record-har.ts (CDP Network events, Chrome DevTools HAR layout)', version: '1' },
          pages: [
            {
              startedDateTime: new Date(pageStarted).toISOString(),
              id: 'page_1',
              title: pageTitle,
              pageTimings: { onContentLoad: -1, onLoad: -1 },
            },
          ],
          entries,
        },
      }
    },
  }
}

function headerList(h: Record<string, string> | undefined) {
  const out: Array<{ name: string; value: string }> = []
  for (const [name, value] of Object.entries(h ?? {})) {
    for (const v of String(value).split('\n')) out.push({ name, value: v })
  }
  return out
}

const round = (v: number) => (v < 0 ? v : Math.round(v * 1000) / 1000)

function toHarEntry(t: Tracked) {
  const url = new URL(t.request.url)
  const isPreflight = t.responseType === 'Preflight' || (t.initiator as { type?: string } | undefined)?.type === 'preflight'
  const reqHeaders = t.extraRequestHeaders ?? t.request.headers
  const res = t.response
  const resHeaders = t.extraResponseHeaders ?? res?.headers
  const postData = t.request.postData ?? t.postData
  const tm = res?.timing
  const ms = (a: number, b: number) => (a >= 0 && b >= 0 ? Math.max(0, b - a) : -1)
  let timings = { blocked: -1, dns: -1, ssl: -1, connect: -1, send: 0, wait: 0, receive: 0, _blocked_queueing: -1 }
  let total = t.finishedAt !== undefined ? Math.max(0, (t.finishedAt - t.timestamp) * 1000) : 0
  if (tm) {
    const queue = Math.max(0, (tm.requestTime - t.timestamp) * 1000)
    const firstNet = [tm.dnsStart, tm.connectStart, tm.sendStart].find((v) => v >= 0) ?? 0
    const headersEnd = tm.requestTime * 1000 + tm.receiveHeadersEnd
    const end = t.finishedAt !== undefined ? t.finishedAt * 1000 : headersEnd
    timings = {
      blocked: queue + firstNet,
      dns: ms(tm.dnsStart, tm.dnsEnd),
      ssl: ms(tm.sslStart, tm.sslEnd),
      connect: ms(tm.connectStart, tm.connectEnd),
      send: ms(tm.sendStart, tm.sendEnd),
      wait: ms(tm.sendEnd, tm.receiveHeadersEnd),
      receive: Math.max(0, end - headersEnd),
      _blocked_queueing: queue,
    }
    total = [timings.blocked, timings.dns, timings.connect, timings.send, timings.wait, timings.receive].filter((v) => v > 0).reduce((a, b) => a + b, 0)
  }
  const headersSize = t.headersText ? Buffer.byteLength(t.headersText) : -1
  const transfer = t.encodedDataLength ?? 0
  const bodyText = t.body ? (t.body.base64 ? t.body.text : t.body.text) : undefined
  const decodedSize = t.body ? (t.body.base64 ? Buffer.from(t.body.text, 'base64').length : Buffer.byteLength(t.body.text)) : 0
  const contentType = Object.entries(reqHeaders).find(([k]) => k.toLowerCase() === 'content-type')?.[1]
  const protocol = (res?.protocol ?? 'http/1.1').toUpperCase()
  return {
    _connectionId: res?.connectionId !== undefined ? String(res.connectionId) : '',
    _initiator: t.initiator ?? { type: 'other' },
    _priority: t.priority ?? 'High',
    _resourceType: isPreflight ? 'preflight' : (t.type ?? 'other').toLowerCase(),
    cache: {},
    connection: res?.remotePort !== undefined ? String(res.remotePort) : undefined,
    pageref: 'page_1',
    request: {
      method: t.request.method,
      url: t.request.url,
      httpVersion: protocol,
      headers: headerList(reqHeaders),
      queryString: [...url.searchParams].map(([name, value]) => ({ name, value })),
      cookies: [],
      headersSize: -1,
      bodySize: postData !== undefined ? Buffer.byteLength(postData) : (t.postDataOmitted ?? 0),
      ...(postData !== undefined ? { postData: { mimeType: contentType ?? '', text: postData } } : {}),
      ...(t.postDataOmitted ? { comment: `postData (${t.postDataOmitted} bytes) left out by test/e2e/record-har.ts` } : {}),
    },
    response: {
      status: t.errorText && !res ? 0 : (t.extraStatusCode ?? res?.status ?? 0),
      statusText: res?.statusText ?? '',
      httpVersion: res ? protocol : '',
      headers: headerList(resHeaders),
      cookies: [],
      content: {
        size: decodedSize,
        mimeType: res?.mimeType ?? 'x-unknown',
        ...(bodyText !== undefined ? { text: bodyText } : {}),
        ...(t.body?.base64 ? { encoding: 'base64' } : {}),
      },
      redirectURL: resHeaders?.['Location'] ?? resHeaders?.['location'] ?? '',
      headersSize,
      bodySize: headersSize >= 0 ? Math.max(0, transfer - headersSize) : -1,
      _transferSize: transfer,
      _error: t.errorText ?? null,
      ...(t.corsError ? { _corsError: t.corsError } : {}),
      _fetchedViaServiceWorker: false,
    },
    serverIPAddress: res?.remoteIPAddress ?? '',
    startedDateTime: new Date(t.wallTime * 1000).toISOString(),
    time: round(total),
    timings: Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, round(v)])),
  }
}

// ---------------------------------------------------------------------------------------------
// The session

type Win = Record<string, (...args: unknown[]) => Promise<unknown>>
async function call<T>(page: Page, fn: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(([f, a]) => (window as unknown as Win)[f as string]!(...(a as unknown[])), [fn, args] as const) as Promise<T>
}

function summarize(label: string, r: SdkResult | FetchResult) {
  console.log(`  ${label.padEnd(28)} status=${r.status} code=${r.code ?? '-'} requestId=${r.requestId ?? '-'}${r.jsError ? ' jsError=' + r.jsError : ''}`)
}

async function session(page: Page, bos: BosServer) {
  const port = bos.port
  const mismatches: string[] = []
  const check = (cond: boolean, what: string) => {
    if (!cond) mismatches.push(what)
  }

  await page.goto(`http://localhost:${port}/page.html`)
  await page.waitForFunction(() => (window as unknown as { sdkReady?: boolean }).sdkReady === true)
  expectReq({
    step: 'page',
    method: 'GET',
    path: '/page.html',
    status: 200,
    operation: null,
    errorCode: null,
    bucket: null,
    key: null,
    notes: 'the test page itself (non-BOS)',
  })

  // 1. PutObject OK
  let r: SdkResult = await call(page, 'sdkPut', port, BUCKET, 'docs/hello.txt', 'hello bos')
  summarize('PutObject', r)
  check(r.ok && r.status === 200, 'put-ok')
  expectSdk({
    step: 'put-ok',
    method: 'PUT',
    path: '/docs/hello.txt',
    status: 200,
    operation: 'PutObject',
    errorCode: null,
    bucket: BUCKET,
    key: 'docs/hello.txt',
    facts: { signedHeaders: ['content-length', 'content-md5', 'content-type', 'host', 'x-bce-date'], expirationSeconds: 1800 },
    notes: 'Content-MD5 sent; ETag equals it',
  })

  // 2. GetObject NoSuchKey
  r = await call(page, 'sdkGet', port, BUCKET, 'docs/missing.txt')
  summarize('GetObject NoSuchKey', r)
  check(r.status === 404 && r.code === 'NoSuchKey', 'get-nosuchkey')
  expectSdk({
    step: 'get-nosuchkey',
    method: 'GET',
    path: '/docs/missing.txt',
    status: 404,
    operation: 'GetObject',
    errorCode: 'NoSuchKey',
    bucket: BUCKET,
    key: 'docs/missing.txt',
    notes: 'the SDK sends an empty Range header, so it is in the preflight',
  })

  // 3. GetObjectMeta (HEAD) 404 (no body)
  r = await call(page, 'sdkHead', port, BUCKET, 'docs/missing.txt')
  summarize('GetObjectMeta 404', r)
  check(r.status === 404 && r.code === null, 'head-404')
  expectSdk({
    step: 'head-404',
    method: 'HEAD',
    path: '/docs/missing.txt',
    status: 404,
    operation: 'GetObjectMeta',
    errorCode: null,
    serverCode: 'NoSuchKey',
    bucket: BUCKET,
    key: 'docs/missing.txt',
    notes: 'HEAD: no body, so no code; the SDK error has message "{}" and no request id',
  })

  // 4. RequestExpired: the server clock runs 40 minutes ahead
  bos.clockOffsetMs = 40 * 60 * 1000
  r = await call(page, 'sdkPut', port, BUCKET, 'docs/late.txt', 'too late')
  summarize('PutObject RequestExpired', r)
  check(r.status === 403 && r.code === 'RequestExpired', 'put-expired')
  expectSdk({
    step: 'put-expired',
    method: 'PUT',
    path: '/docs/late.txt',
    status: 403,
    operation: 'PutObject',
    errorCode: 'RequestExpired',
    bucket: BUCKET,
    key: 'docs/late.txt',
    facts: { clientMinusServerSecondsApprox: -2400, expirationSeconds: 1800 },
    notes: 'server clock +40 min: response Date is 40 min after x-bce-date; signature valid 1800 s',
  })
  bos.clockOffsetMs = 0
  const offset = await call<number | null>(page, 'getSdkClock')
  console.log(`  (SDK clock correction after RequestExpired: ${offset} ms; reset to 0)`)
  await call(page, 'resetSdkClock')

  // 5. Content-MD5 / ETag mismatch (a "proxy" rewrote the body)
  const put5 = await call<SdkResult & { contentMd5Hex: string }>(page, 'sdkPut', port, BUCKET, 'etag-mismatch/report.csv', 'id,name\n1,bos\n', {
    contentType: 'text/csv',
  })
  summarize('PutObject ETag mismatch', put5)
  check(put5.ok && put5.etag !== put5.contentMd5Hex, 'put-etag-mismatch')
  expectSdk({
    step: 'put-etag-mismatch',
    method: 'PUT',
    path: '/etag-mismatch/report.csv',
    status: 200,
    operation: 'PutObject',
    errorCode: null,
    bucket: BUCKET,
    key: 'etag-mismatch/report.csv',
    facts: { contentMd5Hex: put5.contentMd5Hex, etag: put5.etag },
    notes: 'success, but ETag != hex(Content-MD5): the body was changed on the way',
  })

  // 6. Multipart upload: 2 parts of 100 KiB + a small last part
  const mp = await call<SdkResult & { uploadId: string | null; parts: SdkResult[] }>(
    page,
    'sdkMultipart',
    port,
    BUCKET,
    'videos/clip.bin',
    [102400, 102400, 2048],
  )
  summarize('Multipart (complete)', mp)
  check(mp.ok && !!mp.etag?.startsWith('-'), 'multipart')
  const mpBase = { bucket: BUCKET, key: 'videos/clip.bin', errorCode: null, path: '/videos/clip.bin' }
  expectSdk({ ...mpBase, step: 'multipart-initiate', method: 'POST', queryKeys: ['uploads'], status: 200, operation: 'InitiateMultipartUpload' })
  for (const n of [1, 2, 3]) {
    expectSdk({
      ...mpBase,
      step: `multipart-part-${n}`,
      method: 'PUT',
      queryKeys: ['partNumber', 'uploadId'],
      status: 200,
      operation: 'UploadPart',
      notes: n < 3 ? '102400 bytes' : '2048 bytes (last part)',
    })
  }
  expectSdk({
    ...mpBase,
    step: 'multipart-complete',
    method: 'POST',
    queryKeys: ['uploadId'],
    status: 200,
    operation: 'CompleteMultipartUpload',
    facts: { eTag: mp.etag, partETags: mp.parts.map((p) => p.etag) },
    notes: 'ETag "-" + md5(part etags); the completed object has no Content-MD5',
  })

  // 7. SignatureDoesNotMatch (wrong secret key)
  r = await call(page, 'sdkPutWithSk', port, BUCKET, 'docs/hello.txt', 'hello again', 'WRONG-SECRET-KEY')
  summarize('PutObject wrong SK', r)
  check(r.status === 403 && r.code === 'SignatureDoesNotMatch', 'put-bad-signature')
  expectSdk({
    step: 'put-bad-signature',
    method: 'PUT',
    path: '/docs/hello.txt',
    status: 403,
    operation: 'PutObject',
    errorCode: 'SignatureDoesNotMatch',
    bucket: BUCKET,
    key: 'docs/hello.txt',
  })
  await call(page, 'resetSdkClock')

  // 8. Presigned GET that works (no custom headers: no preflight). The SDK puts /v1 in the path.
  let f: FetchResult = await call(page, 'presignedGet', port, BUCKET, 'docs/hello.txt', 300)
  summarize('presigned GET', f)
  check(f.status === 200 && f.text === 'hello bos', 'presigned-ok')
  expectReq({
    step: 'presigned-ok',
    method: 'GET',
    path: '/v1/docs/hello.txt',
    queryKeys: ['authorization'],
    status: 200,
    operation: 'GetObject',
    errorCode: null,
    bucket: BUCKET,
    key: 'docs/hello.txt',
    facts: { authSource: 'query', expirationSeconds: 300, signedHeaders: ['host'] },
    notes: 'presigned URL, expiration 300 s, signed headers: host',
  })

  // 9. Presigned GET after expiry (signed 1 h ago, valid 1800 s)
  f = await call(page, 'presignedGet', port, BUCKET, 'docs/hello.txt', 1800, -3600)
  summarize('presigned GET expired', f)
  check(f.status === 403 && f.code === 'RequestExpired', 'presigned-expired')
  expectReq({
    step: 'presigned-expired',
    method: 'GET',
    path: '/v1/docs/hello.txt',
    queryKeys: ['authorization'],
    status: 403,
    operation: 'GetObject',
    errorCode: 'RequestExpired',
    bucket: BUCKET,
    key: 'docs/hello.txt',
    facts: { authSource: 'query', signedAgoSecondsApprox: 3600, expirationSeconds: 1800 },
    notes: 'presigned URL signed 3600 s ago with 1800 s validity',
  })

  // 10. AppendObject
  r = await call(page, 'sdkAppend', port, BUCKET, 'logs/app.log', 'line 1\n', 0)
  summarize('AppendObject', r)
  check(r.ok && (r as SdkResult & { nextAppendOffset: number | null }).nextAppendOffset === 7, 'append')
  expectSdk({
    step: 'append',
    method: 'POST',
    path: '/logs/app.log',
    queryKeys: ['append', 'offset'],
    status: 200,
    operation: 'AppendObject',
    errorCode: null,
    bucket: BUCKET,
    key: 'logs/app.log',
    notes: 'x-bce-next-append-offset: 7',
  })

  // 11. PostObject from an HTML-style form (FormData: a simple CORS request, no preflight)
  const policy = {
    expiration: new Date(Date.now() + 3600_000).toISOString().replace(/\.\d+Z$/, 'Z'),
    conditions: [{ bucket: BUCKET }, { key: 'uploads/*' }, ['content-length-range', 0, 1024]],
  }
  f = await call(page, 'postObject', port, BUCKET, 'uploads/form.txt', policy, 'SKEXAMPLE', { fields: { 'success-action-status': '201' } })
  summarize('PostObject', f)
  check(f.status === 201, 'post-object')
  expectReq({
    step: 'post-object',
    method: 'POST',
    path: '/',
    status: 201,
    operation: 'PostObject',
    errorCode: null,
    bucket: BUCKET,
    key: 'uploads/form.txt',
    notes: 'multipart/form-data with accessKey, policy, signature, key, success-action-status, file',
  })

  // 12. A bucket without any CORS rule: the preflight gets 403 and no Access-Control-* headers
  bos.addBucket(NOCORS_BUCKET)
  bos.setCors(NOCORS_BUCKET, null)
  r = await call(page, 'sdkPut', port, NOCORS_BUCKET, 'docs/hello.txt', 'hello bos')
  summarize('PutObject, no CORS rule', r)
  // The SDK rejects with {status_code: 0, message: {}} (no code, no request id); the XHR's error event
  // also surfaces as an uncaught page error "Uncaught, unspecified "error" event." from the bundled http shim.
  check(!r.ok && r.status === 0 && r.code === null, 'cors-missing')
  expectReq({
    step: 'cors-missing',
    method: 'OPTIONS',
    path: '/docs/hello.txt',
    status: 403,
    operation: 'OPTIONSObject',
    errorCode: null,
    serverCode: 'AccessDenied',
    bucket: NOCORS_BUCKET,
    key: 'docs/hello.txt',
    preflight: true,
    notes: 'no CORS rule: 403 without any Access-Control-* header (the browser keeps no preflight body)',
  })
  expectReq({
    step: 'cors-missing',
    method: 'PUT',
    path: '/docs/hello.txt',
    status: 0,
    playwrightStatus: -1,
    operation: 'PutObject',
    errorCode: null,
    bucket: NOCORS_BUCKET,
    key: 'docs/hello.txt',
    blocked: true,
    notes: 'blocked by the browser (CORS), never reached the server: DevTools layout status 0 + _error net::ERR_FAILED; Playwright status -1 + _failureText',
  })
  await call(page, 'resetSdkClock')

  return mismatches
}

// ---------------------------------------------------------------------------------------------
// Checking

interface HarEntry {
  request: { method: string; url: string; headers: Array<{ name: string; value: string }> }
  response: { status: number; headers: Array<{ name: string; value: string }>; content?: { text?: string; encoding?: string } }
  _resourceType?: string
}

function hdr(list: Array<{ name: string; value: string }>, name: string): string | null {
  return list.find((h) => h.name.toLowerCase() === name)?.value ?? null
}

function matches(e: HarEntry, x: Expected): boolean {
  const u = new URL(e.request.url)
  const keys = [...new Set([...u.searchParams.keys()])].sort()
  return e.request.method === x.method && u.pathname === x.path && keys.join('&') === [...x.queryKeys].sort().join('&') && e.response.status === x.status
}

function checkHar(file: string, expected: Expected[], seen: SeenRequest[]): string[] {
  const har = JSON.parse(readFileSync(file, 'utf8')) as { log: { entries: HarEntry[] } }
  const problems: string[] = []
  const entries = har.log.entries
  if (entries.length !== expected.length) problems.push(`${file}: ${entries.length} entries, expected ${expected.length}`)
  expected.forEach((x, i) => {
    const e = entries[i]
    if (!e || !matches(e, x)) {
      problems.push(
        `${file}: entry ${i} is ${e ? `${e.request.method} ${e.request.url} ${e.response.status}` : 'missing'}, expected ${x.method} ${x.path} ${x.status} (${x.step})`,
      )
      return
    }
    if (x.operation === null || x.blocked) return
    const rid = hdr(e.response.headers, 'x-bce-request-id')
    if (!rid) problems.push(`${file}: entry ${i} (${x.step}) has no x-bce-request-id`)
    else if (!seen.some((s) => s.requestId === rid)) problems.push(`${file}: entry ${i} request id ${rid} unknown to the server`)
    if (!hdr(e.response.headers, 'x-bce-debug-id')) problems.push(`${file}: entry ${i} (${x.step}) has no x-bce-debug-id`)
    if (x.operation === 'PutObject' && x.status === 200) {
      const sent = hdr(e.request.headers, 'content-md5')
      const etag = hdr(e.response.headers, 'etag')?.replace(/"/g, '')
      const same = !!sent && Buffer.from(sent, 'base64').toString('hex') === etag
      if (same !== (x.step !== 'put-etag-mismatch')) problems.push(`${file}: entry ${i} (${x.step}) ETag ${etag} vs Content-MD5 ${sent}`)
    }
    if (x.errorCode && !x.preflight) {
      const c = e.response.content
      const text = c?.encoding === 'base64' ? Buffer.from(c.text ?? '', 'base64').toString() : c?.text
      try {
        const body = JSON.parse(text ?? '') as { code?: string; requestId?: string }
        if (body.code !== x.errorCode) problems.push(`${file}: entry ${i} body code ${body.code}, expected ${x.errorCode}`)
        if (body.requestId !== rid) problems.push(`${file}: entry ${i} body requestId differs from the header`)
      } catch {
        problems.push(`${file}: entry ${i} (${x.step}) has no JSON error body`)
      }
    }
  })
  return problems
}

// ---------------------------------------------------------------------------------------------

async function main() {
  mkdirSync(OUT_DIR, { recursive: true })
  server = await startBosServer()
  const bos = server
  console.log(`BOS-like server on 127.0.0.1:${bos.port}`)
  let mismatches: string[] = []
  let pageStarted = Date.now()
  let devtoolsHar: unknown
  try {
    chromiumServer = await chromium.launchServer({
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--host-resolver-rules=MAP *.bcebos.com 127.0.0.1',
      ],
    })
    browser = await chromium.connect(chromiumServer.wsEndpoint())
    browserVersion = browser.version()
    const context = await browser.newContext({ recordHar: { path: PW_HAR, content: 'embed', urlFilter: URL_FILTER } })
    const page = await context.newPage()
    page.on('pageerror', (e) => console.error('page error:', e.message))
    const cdp = await context.newCDPSession(page)
    const rec = recordCdp(cdp)
    await cdp.send('Network.enable', { maxPostDataSize: 1024 * 1024 })
    pageStarted = Date.now()
    mismatches = await session(page, bos)
    await page.waitForTimeout(200) // let the last loadingFinished/getResponseBody land
    devtoolsHar = await rec.har('BOS SDK test page', pageStarted)
    await context.close() // writes the Playwright HAR
  } finally {
    await browser?.close().catch(() => undefined)
    await chromiumServer?.close().catch(() => undefined)
    killBrowser()
    await bos.close()
  }
  writeFileSync(DT_HAR, JSON.stringify(devtoolsHar, null, 2) + '\n')

  // The order the server answered in, for the record.
  console.log('\nServer log:')
  for (const s of bos.seen) {
    console.log(
      `  ${s.method.padEnd(7)} ${s.host.padEnd(28)} ${s.url.slice(0, 60).padEnd(60)} ${s.status} ${s.code ?? ''} ${s.operation} auth=${s.auth ? (s.auth.ok ? 'ok' : s.auth.error) : '-'}`,
    )
  }

  const problems = [
    ...mismatches.map((m) => `session step failed: ${m}`),
    ...checkHar(
      PW_HAR,
      plan.filter((x) => x.inPlaywrightHar).map((x) => (x.playwrightStatus === undefined ? x : { ...x, status: x.playwrightStatus })),
      bos.seen,
    ),
    ...checkHar(DT_HAR, plan, bos.seen),
  ]

  const expectDoc = {
    description:
      'Entries of the recorded Chromium session with the genuine @baiducloud/sdk 1.0.7 against test/e2e/bos-server/, in HAR order. ' +
      'Match an entry by method + URL path (+ sorted query parameter names) + status; `nth` counts earlier entries with the same key in the same file. ' +
      'errorCode is what the response body says (HEAD errors have no body: null, see serverCode). ' +
      '`index` is the position in each file (null: not in that file). Preflight OPTIONS are only in the DevTools-layout HAR; ' +
      'the CORS-blocked PUT has status 0 there (`_error`) and -1 in the Playwright HAR (`_failureText`). ' +
      'Request ids, ports, dates and upload ids change with every recording; bodies, ETags and everything listed here do not.',
    recordedWith: { chromium: browserVersion, sdk: '@baiducloud/sdk 1.0.7', recorder: 'test/e2e/record-har.ts' },
    files: {
      'chromium-session.har': { recorder: 'playwright-core recordHar, content: embed', preflights: false },
      'chromium-session.devtools.har': { recorder: 'CDP Network events, Chrome DevTools HAR layout', preflights: true },
    },
    entries: withNth(plan),
  }
  writeFileSync(EXPECT, JSON.stringify(expectDoc, null, 2) + '\n')

  console.log('\nExpected entries (DevTools HAR order):')
  for (const x of expectDoc.entries) {
    console.log(
      `  ${x.method.padEnd(7)} ${(x.path + (x.queryKeys.length ? '?' + x.queryKeys.join('&') : '')).padEnd(44)} ${String(x.status).padEnd(3)} ${(x.operation ?? '(page)').padEnd(24)} ${x.errorCode ?? ''}${x.index['chromium-session.har'] === null ? '   [devtools HAR only]' : ''}`,
    )
  }
  for (const f of [PW_HAR, DT_HAR, EXPECT]) console.log(`${f}: ${statSync(f).size} bytes`)
  if (problems.length) {
    console.error('\nPROBLEMS:\n  ' + problems.join('\n  '))
    process.exitCode = 1
  } else {
    console.log('\nBoth HARs match the plan.')
  }
}

let browserVersion = ''
function withNth(list: Expected[]) {
  const counts = { pw: new Map<string, number>(), dt: new Map<string, number>() }
  let pwIndex = 0
  return list.map((x, dtIndex) => {
    const k = `${x.method} ${x.path} ${[...x.queryKeys].sort().join('&')} ${x.status}`
    const dt = counts.dt.get(k) ?? 0
    counts.dt.set(k, dt + 1)
    let pw: number | null = null
    if (x.inPlaywrightHar) {
      const kp = `${x.method} ${x.path} ${[...x.queryKeys].sort().join('&')} ${x.playwrightStatus ?? x.status}`
      pw = counts.pw.get(kp) ?? 0
      counts.pw.set(kp, pw + 1)
    }
    return {
      step: x.step,
      method: x.method,
      path: x.path,
      queryKeys: x.queryKeys,
      status: x.status,
      ...(x.playwrightStatus !== undefined ? { playwrightStatus: x.playwrightStatus } : {}),
      operation: x.operation,
      errorCode: x.errorCode,
      ...(x.serverCode ? { serverCode: x.serverCode } : {}),
      bucket: x.bucket,
      key: x.key,
      preflight: x.preflight,
      ...(x.blocked ? { blocked: true } : {}),
      ...(x.facts ? { facts: x.facts } : {}),
      notes: x.notes ?? null,
      inPlaywrightHar: x.inPlaywrightHar,
      index: { 'chromium-session.har': x.inPlaywrightHar ? pwIndex++ : null, 'chromium-session.devtools.har': dtIndex },
      nth: { 'chromium-session.har': pw, 'chromium-session.devtools.har': dt },
    }
  })
}

main().catch((e: unknown) => {
  console.error(e)
  killBrowser()
  process.exit(1)
})
