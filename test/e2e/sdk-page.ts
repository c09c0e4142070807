// The page that drives the genuine @baiducloud/sdk in a browser: `/page.html` (test/e2e/pages/sdk-page.html)
// plus `/sdk.js` (the SDK's own browser bundle). Pass `sdkPages()` as `pages` to startBosServer (it is
// the default there). Both files are read lazily, on the first request.

import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

export const SDK_BUNDLE_PATH = 'node_modules/@baiducloud/sdk/dist/baidubce-sdk.bundle.min.js'
const PAGE_URL = new URL('./pages/sdk-page.html', import.meta.url)

let pageCache: string | undefined
let sdkCache: string | undefined

/** The page's HTML. */
export function sdkPageHtml(): string {
  return (pageCache ??= readFileSync(PAGE_URL, 'utf8'))
}

/** The SDK bundle, read relative to process.cwd() (the project root). */
export function sdkBundle(): string {
  return (sdkCache ??= readFileSync(resolve(process.cwd(), SDK_BUNDLE_PATH), 'utf8'))
}

export function sdkPages(): Record<string, () => string> {
  // favicon.ico: an empty answer keeps a 404 out of the console and of recordings.
  return { '/page.html': sdkPageHtml, '/sdk.js': sdkBundle, '/favicon.ico': () => '' }
}

// ---- What the page functions return (for tests calling them through page.evaluate) ----------

/** One XMLHttpRequest/fetch the page saw finish (only CORS-exposed response headers are visible). */
export interface PageXhr {
  method: string
  url: string
  status: number
  requestId: string | null
  debugId: string | null
  etag: string | null
}

/** Shape returned by every sdk* page function. */
export interface SdkResult {
  /** The SDK promise resolved. */
  ok: boolean
  /** HTTP status: from the SDK error, else from the last XHR of the call. */
  status: number | null
  /** BOS error code (null on success, and for HEAD errors: the SDK gets no body). */
  code: string | null
  message: string | null
  requestId: string | null
  debugId: string | null
  /** ETag without quotes (the SDK strips them). */
  etag: string | null
  /** The server Date the SDK copied into its error (`err['x-bce-date']`). */
  serverDate: string | null
  /** The SDK's response headers on success (lower-case; CORS-exposed ones only). */
  headers: Record<string, string> | null
  /** JSON body on success (e.g. InitiateMultipartUpload), or null. */
  body: unknown
  /** Text body for GetObject. */
  text: string | null
  /** A thrown JS error (CORS failure, network error, SDK argument check), as a string. */
  jsError: string | null
  /** The SDK's shared clock correction (BceBaseClient.prototype.timeOffset) after the call, ms. */
  sdkTimeOffsetMs: number | null
  xhrs: PageXhr[]
}

export interface SdkPutResult extends SdkResult {
  /** The Content-MD5 the SDK sent (base64). */
  contentMd5: string
  /** hex of that MD5, comparable with `etag`. */
  contentMd5Hex: string
}

export interface SdkMultipartResult extends SdkResult {
  uploadId: string | null
  initiate: SdkResult
  parts: Array<SdkResult & { partNumber: number; size: number }>
  /** The part list sent to CompleteMultipartUpload. */
  partList: Array<{ partNumber: number; eTag: string }>
  complete: SdkResult | null
}

export interface SdkAppendResult extends SdkResult {
  nextAppendOffset: number | null
}

/** presignedGet and postObject use fetch; `code`/`message`/`requestId` come from the JSON body or headers. */
export interface FetchResult {
  ok: boolean
  status: number
  url: string
  code: string | null
  message: string | null
  requestId: string | null
  debugId: string | null
  etag: string | null
  text: string | null
  /** Response type, e.g. 'cors' or 'opaqueredirect' (redirect: 'manual'). */
  type: string
  jsError: string | null
}

export interface PostObjectResult extends FetchResult {
  policy: string
  signature: string
}
