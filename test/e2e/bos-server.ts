// A local server that behaves like Baidu Object Storage (BOS) closely enough to drive the genuine
// @baiducloud/sdk from a real browser, and that serves the test pages on every other host.
//
// One Node `http` server on 127.0.0.1. Requests whose Host (minus port) ends in `.bcebos.com` are BOS
// (Chromium is started with `--host-resolver-rules=MAP *.bcebos.com 127.0.0.1`); everything else is
// answered from `pages`.
//
// Protocol facts: /work/shared/reference/bos-protocol.md (signing §1, errors §3, PostObject §6,
// multipart §7, CORS §9) and the BOS "Return a Response" page (codes, messages, statuses).
// Where BOS behaviour is not documented, the choice made here is marked "GUESS".

import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { sdkPages } from './sdk-page.ts'

// ---------------------------------------------------------------------------------------------
// Public types

export type BucketAcl = 'private' | 'public-read' | 'public-read-write'

/** One BOS CORS rule, shaped like PutBucketCors' `corsConfiguration[]` items. */
export interface CorsRule {
  /** Origins; `*` is a wildcard anywhere in the pattern (`https://*.example.com`). */
  allowedOrigins: string[]
  allowedMethods: string[]
  /** Request headers a preflight may ask for; `*` wildcards, case-insensitive. */
  allowedHeaders: string[]
  allowedExposeHeaders?: string[]
  /** Sent as Access-Control-Max-Age on preflights when set. */
  maxAgeSeconds?: number
}

export type AuthError = 'InvalidHTTPAuthHeader' | 'InvalidAccessKeyId' | 'MissingDateHeader' | 'RequestExpired' | 'SignatureDoesNotMatch'

/** The outcome of checking one bce-auth-v1 string. */
export interface AuthResult {
  ok: boolean
  /** Set when ok is false. */
  error?: AuthError
  /** Where the authorization string was found. */
  source: 'header' | 'query'
  /** The raw authorization string. */
  raw: string
  accessKeyId?: string
  timestamp?: string
  expirationSeconds?: number
  /** The signed-headers field as sent (may be empty: the server default set applies). */
  signedHeadersField?: string
  /** The header names that went into the canonical request. */
  signedHeaders?: string[]
  signature?: string
  /** What the server computed (only when a signature was computed). */
  expectedSignature?: string
  canonicalRequest?: string
}

export interface SeenRequest {
  method: string
  /** Path and query exactly as received. */
  url: string
  host: string
  headers: Record<string, string>
  bucket: string | null
  key: string | null
  /** BOS API name: PutObject, GetObject, HeadObject, OptionsObject, … */
  operation: string
  preflight: boolean
  /** Null for anonymous requests, preflights and PostObject (whose auth is the form policy). */
  auth: AuthResult | null
  status: number
  /** BOS error code sent, or null on success. */
  code: string | null
  requestId: string
  debugId: string
  requestBytes: number
}

export interface BosServerOptions {
  /** accessKeyId → secretAccessKey. Default `{ AKIDEXAMPLE: 'SKEXAMPLE' }`. */
  sk?: Record<string, string>
  /** path → body served on non-BOS hosts. Default: the SDK test page (`/page.html`, `/sdk.js`). */
  pages?: Record<string, string | (() => string)>
  /** Buckets that exist at start, all private. Default `['mybucket']`. */
  buckets?: string[]
  /**
   * Custom domains bound to a bucket (host name → bucket). Answered like a CDN in front of BOS that
   * strips the BOS headers (no Server: BceBos, no x-bce-*), so only a user host pattern recognises them.
   */
  customDomains?: Record<string, string>
}

export interface BosServer {
  port: number
  /** Every BOS request, in the order the responses were sent. */
  seen: SeenRequest[]
  /** The server's clock is real time plus this; it is what expiry is judged against and what `Date` says. */
  clockOffsetMs: number
  /** When true every successful PutObject answers with a wrong ETag (also for keys under `etag-mismatch/`). */
  etagMismatch: boolean
  /** Replace a bucket's CORS rules; `null` removes every rule (then no Access-Control-* headers are sent). */
  setCors(bucket: string, rules: CorsRule[] | null): void
  /** Create a bucket (default ACL private) if it does not exist. */
  addBucket(bucket: string, acl?: BucketAcl): void
  setAcl(bucket: string, acl: BucketAcl): void
  /** Stored object, for assertions. */
  getObject(bucket: string, key: string): { data: Buffer; etag: string; appendable: boolean } | undefined
  /** The server's current time in ms (real time + clockOffsetMs). */
  now(): number
  /** Requests for keys under `held/` (preflights aside) wait for this: a request still in flight when DevTools loads the extension. */
  release(): void
  /** How many requests wait for release(). */
  holding(): number
  close(): Promise<void>
}

// ---------------------------------------------------------------------------------------------
// Errors (code → status, message), from the BOS "Return a Response" page unless marked.

const ERRORS = {
  AccessDenied: [403, 'Access denied.'],
  BadDigest: [400, 'The Content-MD5 you specified did not match what we received.'],
  BucketAlreadyExists: [
    409,
    'The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.',
  ],
  BucketNotEmpty: [409, 'The bucket you tried to delete is not empty.'],
  EntityTooSmall: [400, 'Your proposed upload is smaller than the minimum allowed object size.'],
  InappropriateJSON: [400, 'The JSON you provided was well-formed and valid, but not appropriate for this operation.'],
  InternalError: [500, 'We encountered an internal error. Please try again.'],
  // GUESS: not on the BOS page; BCE common error code, AWS-style message.
  InvalidAccessKeyId: [403, 'The Access Key ID you provided does not exist in our records.'],
  InvalidArgument: [400, 'Invalid Argument.'],
  InvalidHTTPAuthHeader: [400, 'The HTTP authorization header is invalid. Consult the service documentation for details.'],
  InvalidPart: [
    400,
    "One or more of the specified parts could not be found. The part might not have been uploaded, or the specified entity tag might not have matched the part's entity tag.",
  ],
  InvalidPartOrder: [400, 'The list of parts was not in ascending order.Parts list must specified in order by part number.'],
  InvalidPolicyDocument: [400, 'The content of the form does not meet the conditions specified in the policy document.'],
  InvalidRange: [416, 'The requested range cannot be satisfied.'],
  InvalidURI: [400, 'Could not parse the specified URI.'],
  MalformedJSON: [400, 'The JSON you provided was not well-formed.'],
  MaxMessageLengthExceeded: [400, 'Your request was too big.'],
  MethodNotAllowed: [405, 'The specified method is not allowed against this resource.'],
  MissingContentLength: [411, 'You must provide the Content-Length HTTP header.'],
  MissingDateHeader: [400, 'Request must have a "date" or "x-bce-date" header.'],
  NoSuchBucket: [404, 'The specified bucket does not exist.'],
  NoSuchKey: [404, 'The specified key does not exist.'],
  NoSuchUpload: [
    404,
    'The specified multipart upload does not exist. The upload ID might be invalid, or the multipart upload might have been aborted or completed.',
  ],
  NotImplemented: [501, 'A header you provided implies functionality that is not implemented.'],
  ObjectUnappendable: [403, 'The object can not be append'],
  OffsetIncorrect: [409, 'Offset not equal to current object length'],
  RequestExpired: [403, 'Request has expired.'], // message completed with the timestamp
  SignatureDoesNotMatch: [
    403,
    'The request signature we calculated does not match the signature you provided. Check your Secret Access Key and signing method. Consult the service documentation for details.',
  ],
} as const satisfies Record<string, readonly [number, string]>

export type BosErrorCode = keyof typeof ERRORS

class BosError extends Error {
  constructor(
    readonly code: BosErrorCode,
    message?: string,
  ) {
    super(message ?? ERRORS[code][1])
  }
  get status(): number {
    return ERRORS[this.code][0]
  }
}

// ---------------------------------------------------------------------------------------------
// bce-auth-v1

/** RFC 3986 encoding: keep A-Z a-z 0-9 - . _ ~, %XX (upper case) for every other UTF-8 byte. */
export function uriEncode(s: string, keepSlash = false): string {
  const out = encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())
  return keepSlash ? out.replace(/%2F/g, '/') : out
}

const hmacHex = (key: string, msg: string) => createHmac('sha256', key).update(msg, 'utf8').digest('hex')

/** Percent-decoding that keeps `+` literal (RFC 3986 semantics, not form encoding). */
function pctDecode(s: string): string {
  return decodeURIComponent(s)
}

function headerValue(headers: Record<string, string | string[] | number | undefined>, name: string): string | undefined {
  for (const [k, v] of Object.entries(headers)) {
    if (k.toLowerCase() !== name) continue
    if (v === undefined) return undefined
    return Array.isArray(v) ? v.join(',') : String(v)
  }
  return undefined
}

export interface VerifyInput {
  method: string
  /** Path plus query exactly as sent on the request line, e.g. `/dir/a%20b.txt?uploads=`. */
  url: string
  /** Request headers (any case). `host` must include the port when the client sent one. */
  headers: Record<string, string | string[] | number | undefined>
}

const DEFAULT_SIGNED = ['host', 'content-length', 'content-type', 'content-md5']

/**
 * Check a bce-auth-v1 signature the way BOS does. The authorization string comes from the
 * `Authorization` header or else from the `authorization` query parameter.
 *
 * `sk` is the secret key, or a map / lookup from access key id to secret key.
 * `opts.now` (ms) enables the expiry check; without it only the signature is checked.
 * Returns null when the request carries no authorization at all (anonymous).
 */
export function verifyBceAuth(
  req: VerifyInput,
  sk: string | Record<string, string> | ((ak: string) => string | undefined),
  opts: { now?: number; requireDate?: boolean } = {},
): AuthResult | null {
  const qIndex = req.url.indexOf('?')
  const rawPath = qIndex < 0 ? req.url : req.url.slice(0, qIndex)
  const rawQuery = qIndex < 0 ? '' : req.url.slice(qIndex + 1)
  const queryPairs: Array<[string, string]> = []
  for (const part of rawQuery.split('&')) {
    if (part === '') continue
    const eq = part.indexOf('=')
    const k = eq < 0 ? part : part.slice(0, eq)
    const v = eq < 0 ? '' : part.slice(eq + 1)
    queryPairs.push([safeDecode(k), safeDecode(v)])
  }

  const fromHeader = headerValue(req.headers, 'authorization')
  const fromQuery = queryPairs.find(([k]) => k.toLowerCase() === 'authorization')?.[1]
  const source: 'header' | 'query' = fromHeader !== undefined ? 'header' : 'query'
  const raw = fromHeader ?? fromQuery
  if (raw === undefined) return null
  const result: AuthResult = { ok: false, source, raw }

  const fields = raw.trim().split('/')
  const [version, ak, ts, exp, signedField, sig] = fields
  if (
    fields.length !== 6 ||
    version !== 'bce-auth-v1' ||
    !ak ||
    !ts ||
    !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(ts) ||
    Number.isNaN(Date.parse(ts)) ||
    !exp ||
    !/^(-1|\d+)$/.test(exp) ||
    signedField === undefined ||
    !sig ||
    !/^[0-9a-f]{64}$/i.test(sig)
  ) {
    return { ...result, error: 'InvalidHTTPAuthHeader' }
  }
  Object.assign(result, {
    accessKeyId: ak,
    timestamp: ts,
    expirationSeconds: Number(exp),
    signedHeadersField: signedField,
    signature: sig.toLowerCase(),
  })

  const secret = typeof sk === 'string' ? sk : typeof sk === 'function' ? sk(ak) : Object.hasOwn(sk, ak) ? sk[ak] : undefined
  if (secret === undefined) return { ...result, error: 'InvalidAccessKeyId' }

  if (source === 'header' && opts.requireDate !== false && opts.now !== undefined) {
    if (headerValue(req.headers, 'x-bce-date') === undefined && headerValue(req.headers, 'date') === undefined) {
      return { ...result, error: 'MissingDateHeader' }
    }
  }
  if (opts.now !== undefined && exp !== '-1' && opts.now > Date.parse(ts) + Number(exp) * 1000) {
    return { ...result, error: 'RequestExpired' }
  }

  let canonicalUri: string
  try {
    canonicalUri = rawPath
      .split('/')
      .map((seg) => uriEncode(pctDecode(seg)))
      .join('/')
  } catch {
    return { ...result, error: 'SignatureDoesNotMatch' }
  }
  if (!canonicalUri.startsWith('/')) canonicalUri = '/' + canonicalUri

  const canonicalQuery = queryPairs
    .filter(([k]) => k.toLowerCase() !== 'authorization')
    .map(([k, v]) => `${uriEncode(k)}=${uriEncode(v)}`)
    .sort()
    .join('&')

  let names: string[]
  if (signedField === '') {
    const present = Object.keys(req.headers).map((h) => h.toLowerCase())
    names = [...DEFAULT_SIGNED, ...present.filter((h) => h.startsWith('x-bce-'))]
  } else {
    names = signedField.split(';').map((h) => h.trim().toLowerCase())
  }
  const lines: string[] = []
  const used: string[] = []
  for (const name of new Set(names)) {
    const value = headerValue(req.headers, name)?.trim()
    if (value === undefined || value === '') continue
    lines.push(`${uriEncode(name)}:${uriEncode(value)}`)
    used.push(name)
  }
  lines.sort()
  const canonicalRequest = [req.method.toUpperCase(), canonicalUri, canonicalQuery, lines.join('\n')].join('\n')
  const signingKey = hmacHex(secret, `bce-auth-v1/${ak}/${ts}/${exp}`)
  const expected = hmacHex(signingKey, canonicalRequest)
  Object.assign(result, { signedHeaders: used.sort(), expectedSignature: expected, canonicalRequest })
  const ok = timingSafeEqual(Buffer.from(expected), Buffer.from(sig.toLowerCase()))
  return ok ? { ...result, ok: true } : { ...result, error: 'SignatureDoesNotMatch' }
}

function safeDecode(s: string): string {
  try {
    return pctDecode(s)
  } catch {
    return s
  }
}

// ---------------------------------------------------------------------------------------------
// Store

interface StoredObject {
  data: Buffer
  /** Lower-case hex, no quotes; multipart objects start with `-`. */
  etag: string
  /** base64 MD5 of data, or null for multipart objects (BOS returns none for them). */
  contentMd5: string | null
  contentType: string
  lastModified: number
  appendable: boolean
  meta: Record<string, string>
}

interface Upload {
  key: string
  initiated: number
  contentType: string
  parts: Map<number, { data: Buffer; etag: string; lastModified: number }>
}

interface Bucket {
  name: string
  acl: BucketAcl
  cors: CorsRule[] | null
  objects: Map<string, StoredObject>
  uploads: Map<string, Upload>
  created: number
}

export const DEFAULT_EXPOSE_HEADERS = ['ETag', 'x-bce-request-id', 'x-bce-debug-id', 'x-bce-next-append-offset', 'Content-MD5', 'Date']

/** The rule every bucket starts with. */
export function defaultCorsRules(): CorsRule[] {
  return [
    {
      allowedOrigins: ['*'],
      allowedMethods: ['GET', 'PUT', 'POST', 'DELETE', 'HEAD'],
      allowedHeaders: ['*'],
      allowedExposeHeaders: [...DEFAULT_EXPOSE_HEADERS],
      // 0 so that Chromium preflights every request (deterministic captures); BOS omits it when unset.
      maxAgeSeconds: 0,
    },
  ]
}

const md5 = (b: Buffer | string) => createHash('md5').update(b).digest()
const MIN_PART_SIZE = 100 * 1024

function wildcard(pattern: string, value: string, caseInsensitive = false): boolean {
  const re = new RegExp(
    '^' +
      pattern
        .split('*')
        .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*') +
      '$',
    caseInsensitive ? 'is' : 's',
  )
  return re.test(value)
}

// ---------------------------------------------------------------------------------------------
// Request parsing

interface Target {
  bucket: string | null
  key: string | null
  region: string
  style: 'virtual-host' | 'path-style'
}

function parseTarget(hostname: string, rawPath: string): Target {
  const labels = hostname.slice(0, -'.bcebos.com'.length).split('.')
  let path = rawPath
  const decode = (s: string) => {
    try {
      return pctDecode(s)
    } catch {
      throw new BosError('InvalidURI')
    }
  }
  if (labels.length >= 2) {
    // {bucket}.{region}.bcebos.com/[v1/]{key}. Real BOS accepts the SDKs' `/v1` prefix here too
    // (e.g. presigned URLs from @baiducloud/sdk look like bucket.bj.bcebos.com/v1/key).
    if (path === '/v1' || path.startsWith('/v1/')) path = path.slice(3)
    const key = decode(path.replace(/^\//, ''))
    return { bucket: labels[0] ?? null, key: key === '' ? null : key, region: labels[1] ?? '', style: 'virtual-host' }
  }
  if (path === '/v1' || path.startsWith('/v1/')) path = path.slice(3)
  const m = /^\/([^/]*)(?:\/(.*))?$/s.exec(path)
  const bucket = m?.[1] ? decode(m[1]) : null
  const key = m?.[2] ? decode(m[2]) : null
  return { bucket, key, region: labels[0] ?? '', style: 'path-style' }
}

function flatHeaders(h: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v
  return out
}

function readBody(req: IncomingMessage, limit = 64 * 1024 * 1024): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > limit) {
        reject(new Error('body too large'))
        req.destroy()
        return
      }
      chunks.push(c)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

interface FormPart {
  name: string
  filename: string | null
  contentType: string | null
  data: Buffer
}

/** multipart/form-data parser; stops after the `file` field (BOS ignores fields after it). */
function parseMultipart(body: Buffer, boundary: string): FormPart[] {
  const parts: FormPart[] = []
  const delim = Buffer.from('--' + boundary)
  let pos = body.indexOf(delim)
  if (pos < 0) throw new BosError('InvalidArgument', 'Malformed multipart/form-data body.')
  for (;;) {
    pos += delim.length
    if (body.subarray(pos, pos + 2).toString() === '--') break
    if (body.subarray(pos, pos + 2).toString() === '\r\n') pos += 2
    const headEnd = body.indexOf('\r\n\r\n', pos)
    if (headEnd < 0) throw new BosError('InvalidArgument', 'Malformed multipart/form-data body.')
    const head = body.subarray(pos, headEnd).toString('utf8')
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delim]), headEnd + 4)
    if (next < 0) throw new BosError('InvalidArgument', 'Malformed multipart/form-data body.')
    const data = body.subarray(headEnd + 4, next)
    const disp = /content-disposition:\s*form-data;([^\r\n]*)/i.exec(head)?.[1] ?? ''
    const name = /(?:^|;)\s*name="([^"]*)"/i.exec(disp)?.[1]
    const filename = /(?:^|;)\s*filename="([^"]*)"/i.exec(disp)?.[1] ?? null
    const contentType = /content-type:\s*([^\r\n]*)/i.exec(head)?.[1]?.trim() ?? null
    if (name !== undefined) {
      parts.push({ name, filename, contentType, data: Buffer.from(data) })
      if (name.toLowerCase() === 'file') break
    }
    pos = next + 2
  }
  return parts
}

// ---------------------------------------------------------------------------------------------
// Server

interface Ctx {
  req: IncomingMessage
  method: string
  url: string
  query: URLSearchParams
  headers: Record<string, string>
  body: Buffer
  target: Target
  /** Response headers collected so far. */
  out: Record<string, string>
  seen: SeenRequest
}

interface Reply {
  status: number
  headers?: Record<string, string>
  body?: Buffer | string
}

const json = (status: number, obj: unknown, headers: Record<string, string> = {}): Reply => ({
  status,
  headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
  body: JSON.stringify(obj),
})

export async function startBosServer(opts: BosServerOptions = {}): Promise<BosServer> {
  const sk = opts.sk ?? { AKIDEXAMPLE: 'SKEXAMPLE' }
  const pages = opts.pages ?? sdkPages()
  const buckets = new Map<string, Bucket>()
  const seen: SeenRequest[] = []
  const waiting: Array<() => void> = []

  const addBucket = (name: string, acl: BucketAcl = 'private') => {
    if (!buckets.has(name)) {
      buckets.set(name, { name, acl, cors: defaultCorsRules(), objects: new Map(), uploads: new Map(), created: Date.now() })
    }
  }
  for (const b of opts.buckets ?? ['mybucket']) addBucket(b)

  const api: BosServer = {
    port: 0,
    seen,
    clockOffsetMs: 0,
    etagMismatch: false,
    setCors(bucket, rules) {
      addBucket(bucket)
      buckets.get(bucket)!.cors = rules === null ? null : rules.map((r) => ({ ...r }))
    },
    addBucket,
    setAcl(bucket, acl) {
      addBucket(bucket, acl)
      buckets.get(bucket)!.acl = acl
    },
    getObject(bucket, key) {
      const o = buckets.get(bucket)?.objects.get(key)
      return o && { data: o.data, etag: o.etag, appendable: o.appendable }
    },
    now: () => Date.now() + api.clockOffsetMs,
    release() {
      for (const go of waiting.splice(0)) go()
    },
    holding: () => waiting.length,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
  const now = () => api.now()

  // ---- CORS -----------------------------------------------------------------------------------

  function corsRuleFor(bucket: Bucket | undefined, origin: string, method: string, reqHeaders: string[]) {
    if (!bucket?.cors) return undefined
    return bucket.cors.find(
      (r) =>
        r.allowedOrigins.some((o) => wildcard(o, origin)) &&
        r.allowedMethods.some((m) => m.toUpperCase() === method.toUpperCase()) &&
        reqHeaders.every((h) => r.allowedHeaders.some((a) => wildcard(a, h, true))),
    )
  }

  /** Access-Control-* for an actual (non-preflight) request, or nothing when no rule matches. */
  function corsForActual(ctx: Ctx, bucket: Bucket | undefined) {
    const origin = ctx.headers.origin
    if (!origin) return
    const rule = corsRuleFor(bucket, origin, ctx.method, [])
    if (!rule) return
    ctx.out['Access-Control-Allow-Origin'] = origin
    ctx.out['Vary'] = 'Origin'
    if (rule.allowedExposeHeaders?.length) ctx.out['Access-Control-Expose-Headers'] = rule.allowedExposeHeaders.join(', ')
  }

  function preflight(ctx: Ctx, bucket: Bucket | undefined): Reply {
    ctx.seen.operation = 'OptionsObject'
    ctx.seen.preflight = true
    if (!bucket) throw new BosError('NoSuchBucket')
    const origin = ctx.headers.origin
    const method = ctx.headers['access-control-request-method']
    const reqHeaders = (ctx.headers['access-control-request-headers'] ?? '')
      .split(',')
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean)
    const rule = origin && method ? corsRuleFor(bucket, origin, method, reqHeaders) : undefined
    // BOS: when no rule matches, the Access-Control-* headers are simply omitted.
    if (!origin || !method || !rule) throw new BosError('AccessDenied', 'CORS request denied: no CORS rule matches.')
    ctx.out['Access-Control-Allow-Origin'] = origin
    ctx.out['Vary'] = 'Origin'
    ctx.out['Access-Control-Allow-Methods'] = rule.allowedMethods.join(', ')
    if (reqHeaders.length) ctx.out['Access-Control-Allow-Headers'] = reqHeaders.join(', ')
    if (rule.allowedExposeHeaders?.length) ctx.out['Access-Control-Expose-Headers'] = rule.allowedExposeHeaders.join(', ')
    if (rule.maxAgeSeconds !== undefined) ctx.out['Access-Control-Max-Age'] = String(rule.maxAgeSeconds)
    return { status: 200 }
  }

  // ---- auth -----------------------------------------------------------------------------------

  function authenticate(ctx: Ctx, bucket: Bucket | undefined, write: boolean) {
    const auth = verifyBceAuth({ method: ctx.method, url: ctx.url, headers: ctx.req.headers }, sk, { now: now() })
    ctx.seen.auth = auth
    if (!auth) {
      if (!bucket) throw new BosError('NoSuchBucket')
      const allowed = bucket.acl === 'public-read-write' || (bucket.acl === 'public-read' && !write)
      if (!allowed) throw new BosError('AccessDenied')
      return
    }
    if (auth.error === 'RequestExpired') {
      throw new BosError('RequestExpired', `Request has expired. Timestamp date is ${auth.timestamp}`)
    }
    if (auth.error) throw new BosError(auth.error)
  }

  // ---- operations -----------------------------------------------------------------------------

  function operationName(ctx: Ctx): string {
    const { method, query, target } = ctx
    const has = (k: string) => query.has(k)
    if (method === 'OPTIONS') return 'OptionsObject'
    if (!target.bucket) return method === 'GET' ? 'ListBuckets' : 'Unknown'
    if (target.key === null) {
      if (method === 'POST' && /^multipart\/form-data/i.test(ctx.headers['content-type'] ?? '')) return 'PostObject'
      if (method === 'GET') return has('uploads') ? 'ListMultipartUploads' : has('cors') ? 'GetBucketCors' : 'ListObjects'
      if (method === 'HEAD') return 'HeadBucket'
      if (method === 'PUT') return 'PutBucket'
      if (method === 'DELETE') return 'DeleteBucket'
      return 'Unknown'
    }
    switch (method) {
      case 'PUT':
        if (has('partNumber') && has('uploadId')) return 'UploadPart'
        if (ctx.headers['x-bce-copy-source']) return 'CopyObject'
        return 'PutObject'
      case 'GET':
        return has('uploadId') ? 'ListParts' : 'GetObject'
      case 'HEAD':
        return 'HeadObject'
      case 'DELETE':
        return has('uploadId') ? 'AbortMultipartUpload' : 'DeleteObject'
      case 'POST':
        if (has('uploads')) return 'InitiateMultipartUpload'
        if (has('uploadId')) return 'CompleteMultipartUpload'
        if (has('append')) return 'AppendObject'
        return 'Unknown'
      default:
        return 'Unknown'
    }
  }

  function checkDigests(ctx: Ctx, data: Buffer) {
    const cmd5 = ctx.headers['content-md5']
    if (cmd5 !== undefined && cmd5.trim() !== md5(data).toString('base64')) throw new BosError('BadDigest')
    const sha = ctx.headers['x-bce-content-sha256']
    if (sha !== undefined && sha.trim().toLowerCase() !== createHash('sha256').update(data).digest('hex')) {
      throw new BosError('BadDigest')
    }
  }

  function requireLength(ctx: Ctx) {
    if (ctx.headers['content-length'] === undefined && ctx.headers['transfer-encoding'] === undefined) {
      throw new BosError('MissingContentLength')
    }
  }

  function metaFrom(ctx: Ctx): Record<string, string> {
    const meta: Record<string, string> = {}
    for (const [k, v] of Object.entries(ctx.headers)) if (k.startsWith('x-bce-meta-')) meta[k] = v
    return meta
  }

  function objectHeaders(o: StoredObject): Record<string, string> {
    const h: Record<string, string> = {
      'Content-Type': o.contentType,
      ETag: `"${o.etag}"`,
      'Last-Modified': new Date(o.lastModified).toUTCString(),
      'Accept-Ranges': 'bytes',
      'x-bce-storage-class': 'STANDARD',
      'x-bce-object-type': o.appendable ? 'Appendable' : o.etag.startsWith('-') ? 'MultiPart' : 'Normal',
      ...o.meta,
    }
    if (o.contentMd5) h['Content-MD5'] = o.contentMd5
    if (o.appendable) h['x-bce-next-append-offset'] = String(o.data.length)
    return h
  }

  function getKey(bucket: Bucket, key: string): StoredObject {
    const o = bucket.objects.get(key)
    if (!o) throw new BosError('NoSuchKey')
    return o
  }

  function getUpload(bucket: Bucket, ctx: Ctx): Upload {
    const u = bucket.uploads.get(ctx.query.get('uploadId') ?? '')
    if (!u || u.key !== ctx.target.key) throw new BosError('NoSuchUpload')
    return u
  }

  const ops: Record<string, (ctx: Ctx, bucket: Bucket) => Reply> = {
    PutObject(ctx, bucket) {
      requireLength(ctx)
      const key = ctx.target.key!
      let data = ctx.body
      let etagHex: string
      if (api.etagMismatch || key.startsWith('etag-mismatch/')) {
        // Simulates a proxy that rewrote the body on the way (and dropped Content-MD5):
        // BOS stored different bytes, so its ETag differs from the client's Content-MD5.
        data = Buffer.concat([data, Buffer.from('\n<!-- injected by proxy -->\n')])
        etagHex = md5(data).toString('hex')
      } else {
        checkDigests(ctx, data)
        etagHex = md5(data).toString('hex')
      }
      bucket.objects.set(key, {
        data,
        etag: etagHex,
        contentMd5: md5(data).toString('base64'),
        contentType: ctx.headers['content-type'] ?? 'application/octet-stream',
        lastModified: now(),
        appendable: false,
        meta: metaFrom(ctx),
      })
      return { status: 200, headers: { ETag: `"${etagHex}"`, 'x-bce-storage-class': 'STANDARD' } }
    },
    GetObject(ctx, bucket) {
      const o = getKey(bucket, ctx.target.key!)
      const headers = objectHeaders(o)
      const range = ctx.headers.range?.trim()
      if (range) {
        const m = /^bytes=(\d*)-(\d*)$/.exec(range)
        if (m && (m[1] || m[2])) {
          const size = o.data.length
          let start = m[1] ? Number(m[1]) : size - Number(m[2])
          let end = m[1] ? (m[2] ? Number(m[2]) : size - 1) : size - 1
          start = Math.max(0, start)
          end = Math.min(end, size - 1)
          if (start > end || start >= size) throw new BosError('InvalidRange')
          headers['Content-Range'] = `bytes ${start}-${end}/${size}`
          return { status: 206, headers, body: o.data.subarray(start, end + 1) }
        }
      }
      return { status: 200, headers, body: o.data }
    },
    HeadObject(ctx, bucket) {
      const o = getKey(bucket, ctx.target.key!)
      return { status: 200, headers: { ...objectHeaders(o), 'Content-Length': String(o.data.length) } }
    },
    DeleteObject(ctx, bucket) {
      getKey(bucket, ctx.target.key!)
      bucket.objects.delete(ctx.target.key!)
      return { status: 204 }
    },
    InitiateMultipartUpload(ctx, bucket) {
      const uploadId = randomBytes(16).toString('hex')
      bucket.uploads.set(uploadId, {
        key: ctx.target.key!,
        initiated: now(),
        contentType: ctx.headers['content-type'] ?? 'application/octet-stream',
        parts: new Map(),
      })
      return json(200, { bucket: bucket.name, key: ctx.target.key, uploadId })
    },
    UploadPart(ctx, bucket) {
      const upload = getUpload(bucket, ctx)
      const n = Number(ctx.query.get('partNumber'))
      if (!Number.isInteger(n) || n < 1 || n > 10000) throw new BosError('InvalidArgument')
      requireLength(ctx)
      checkDigests(ctx, ctx.body)
      const digest = md5(ctx.body)
      upload.parts.set(n, { data: ctx.body, etag: digest.toString('hex'), lastModified: now() })
      return { status: 200, headers: { ETag: `"${digest.toString('hex')}"`, 'Content-MD5': digest.toString('base64') } }
    },
    CompleteMultipartUpload(ctx, bucket) {
      const upload = getUpload(bucket, ctx)
      let doc: unknown
      try {
        doc = JSON.parse(ctx.body.toString('utf8'))
      } catch {
        throw new BosError('MalformedJSON')
      }
      const list = (doc as { parts?: unknown } | null)?.parts
      if (!Array.isArray(list) || list.length === 0) throw new BosError('InappropriateJSON')
      const parts = list.map((p: unknown) => {
        const { partNumber, eTag } = (p ?? {}) as { partNumber?: unknown; eTag?: unknown }
        if (typeof partNumber !== 'number') throw new BosError('InappropriateJSON')
        return { partNumber, eTag: typeof eTag === 'string' ? eTag.replace(/"/g, '').toLowerCase() : null }
      })
      for (let i = 1; i < parts.length; i++) {
        if (parts[i]!.partNumber <= parts[i - 1]!.partNumber) throw new BosError('InvalidPartOrder')
      }
      const stored = parts.map((p) => {
        const s = upload.parts.get(p.partNumber)
        if (!s || p.eTag !== s.etag) throw new BosError('InvalidPart')
        return s
      })
      stored.forEach((s, i) => {
        if (i < stored.length - 1 && s.data.length < MIN_PART_SIZE) throw new BosError('EntityTooSmall')
      })
      const etag = '-' + md5(stored.map((s) => s.etag).join('')).toString('hex')
      const key = ctx.target.key!
      bucket.objects.set(key, {
        data: Buffer.concat(stored.map((s) => s.data)),
        etag,
        contentMd5: null,
        contentType: upload.contentType,
        lastModified: now(),
        appendable: false,
        meta: {},
      })
      bucket.uploads.delete(ctx.query.get('uploadId')!)
      const location = `http://${bucket.name}.${ctx.target.region}.bcebos.com/${uriEncode(key, true)}`
      return json(200, { location, bucket: bucket.name, key, eTag: etag }, { ETag: `"${etag}"` })
    },
    AbortMultipartUpload(ctx, bucket) {
      getUpload(bucket, ctx)
      bucket.uploads.delete(ctx.query.get('uploadId')!)
      return { status: 204 }
    },
    ListParts(ctx, bucket) {
      const upload = getUpload(bucket, ctx)
      const maxParts = Math.min(1000, Number(ctx.query.get('maxParts') ?? 1000) || 1000)
      const marker = Number(ctx.query.get('partNumberMarker') ?? 0) || 0
      const all = [...upload.parts.entries()].sort(([a], [b]) => a - b).filter(([n]) => n > marker)
      const page = all.slice(0, maxParts)
      return json(200, {
        bucket: bucket.name,
        key: upload.key,
        uploadId: ctx.query.get('uploadId'),
        initiated: new Date(upload.initiated).toISOString().replace(/\.\d+Z$/, 'Z'),
        owner: { id: 'owner-id', displayName: 'owner' },
        storageClass: 'STANDARD',
        partNumberMarker: marker,
        nextPartNumberMarker: page.length ? page[page.length - 1]![0] : marker,
        maxParts,
        isTruncated: all.length > page.length,
        parts: page.map(([n, p]) => ({
          partNumber: n,
          lastModified: new Date(p.lastModified).toISOString().replace(/\.\d+Z$/, 'Z'),
          eTag: p.etag,
          size: p.data.length,
        })),
      })
    },
    AppendObject(ctx, bucket) {
      requireLength(ctx)
      const key = ctx.target.key!
      const existing = bucket.objects.get(key)
      if (existing && !existing.appendable) throw new BosError('ObjectUnappendable')
      const current = existing?.data.length ?? 0
      const offsetParam = ctx.query.get('offset')
      if (offsetParam !== null && offsetParam !== '' && Number(offsetParam) !== current) {
        throw new BosError('OffsetIncorrect')
      }
      checkDigests(ctx, ctx.body)
      const data = Buffer.concat([existing?.data ?? Buffer.alloc(0), ctx.body])
      const etag = md5(data).toString('hex')
      bucket.objects.set(key, {
        data,
        etag,
        contentMd5: md5(data).toString('base64'),
        contentType: existing?.contentType ?? ctx.headers['content-type'] ?? 'application/octet-stream',
        lastModified: now(),
        appendable: true,
        meta: existing?.meta ?? metaFrom(ctx),
      })
      return {
        status: 200,
        headers: {
          ETag: `"${etag}"`,
          'Content-MD5': md5(ctx.body).toString('base64'),
          'x-bce-next-append-offset': String(data.length),
        },
      }
    },
    ListObjects(ctx, bucket) {
      const prefix = ctx.query.get('prefix') ?? ''
      const marker = ctx.query.get('marker') ?? ''
      const maxKeys = Math.min(1000, Number(ctx.query.get('maxKeys') ?? 1000) || 1000)
      const keys = [...bucket.objects.keys()].filter((k) => k.startsWith(prefix) && k > marker).sort()
      const page = keys.slice(0, maxKeys)
      return json(200, {
        name: bucket.name,
        prefix,
        marker,
        maxKeys,
        isTruncated: keys.length > page.length,
        ...(keys.length > page.length ? { nextMarker: page[page.length - 1] } : {}),
        contents: page.map((k) => {
          const o = bucket.objects.get(k)!
          return {
            key: k,
            lastModified: new Date(o.lastModified).toISOString().replace(/\.\d+Z$/, 'Z'),
            eTag: o.etag,
            size: o.data.length,
            storageClass: 'STANDARD',
            owner: { id: 'owner-id', displayName: 'owner' },
          }
        }),
      })
    },
    HeadBucket() {
      return { status: 200 }
    },
    GetBucketCors(_ctx, bucket) {
      if (!bucket.cors) throw new BosError('NoSuchKey', 'The CORS configuration does not exist.') // GUESS
      return json(200, { corsConfiguration: bucket.cors })
    },
  }

  function postObject(ctx: Ctx, bucket: Bucket): Reply {
    const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(ctx.headers['content-type'] ?? '')
    const b = boundary?.[1] ?? boundary?.[2]
    if (!b) throw new BosError('InvalidArgument', 'Missing multipart boundary.')
    const parts = parseMultipart(ctx.body, b)
    const field = (name: string) => parts.find((p) => p.name.toLowerCase() === name.toLowerCase())
    const text = (name: string) => field(name)?.data.toString('utf8')
    const file = field('file')
    let key = text('key')
    if (!file || key === undefined || key === '') throw new BosError('InvalidArgument')
    key = key.replace('${filename}', file.filename ?? '')
    ctx.seen.key = key

    const policyB64 = text('policy')
    if (policyB64 === undefined) {
      if (bucket.acl !== 'public-read-write') throw new BosError('AccessDenied')
    } else {
      const ak = text('accessKey') ?? ''
      const secret = Object.hasOwn(sk, ak) ? sk[ak] : undefined
      if (!ak || secret === undefined) throw new BosError('InvalidAccessKeyId')
      const want = createHmac('sha256', secret).update(policyB64, 'utf8').digest('hex')
      if ((text('signature') ?? '').trim().toLowerCase() !== want) throw new BosError('SignatureDoesNotMatch')
      let policy: { expiration?: unknown; conditions?: unknown }
      try {
        const decoded = Buffer.from(policyB64, 'base64').toString('utf8')
        policy = JSON.parse(decoded) as typeof policy
      } catch {
        throw new BosError('InvalidPolicyDocument')
      }
      if (
        !policy ||
        typeof policy !== 'object' ||
        typeof policy.expiration !== 'string' ||
        Number.isNaN(Date.parse(policy.expiration)) ||
        !Array.isArray(policy.conditions)
      ) {
        throw new BosError('InvalidPolicyDocument')
      }
      if (now() > Date.parse(policy.expiration)) {
        throw new BosError('RequestExpired', `Request has expired. Timestamp date is ${policy.expiration}`)
      }
      const formValue = (name: string): string | undefined => (name === 'bucket' ? bucket.name : name === 'key' ? key : text(name))
      for (const cond of policy.conditions as unknown[]) {
        if (Array.isArray(cond)) {
          const [op, a, b2] = cond as unknown[]
          if (op === 'content-length-range') {
            if (typeof a !== 'number' || typeof b2 !== 'number') throw new BosError('InvalidPolicyDocument')
            if (file.data.length < a || file.data.length > b2) throw new BosError('MaxMessageLengthExceeded')
          } else if ((op === 'eq' || op === 'starts-with') && typeof a === 'string' && typeof b2 === 'string') {
            const v = formValue(a.replace(/^\$/, '')) ?? ''
            if (op === 'eq' ? v !== b2 : !v.startsWith(b2)) throw new BosError('AccessDenied')
          } else {
            throw new BosError('InvalidPolicyDocument')
          }
        } else if (cond && typeof cond === 'object') {
          for (const [name, want2] of Object.entries(cond)) {
            if (typeof want2 !== 'string') throw new BosError('InvalidPolicyDocument')
            if (!wildcard(want2, formValue(name) ?? '')) throw new BosError('AccessDenied')
          }
        } else {
          throw new BosError('InvalidPolicyDocument')
        }
      }
    }

    const digest = md5(file.data)
    const meta: Record<string, string> = {}
    for (const p of parts) if (p.name.toLowerCase().startsWith('x-bce-meta-')) meta[p.name.toLowerCase()] = p.data.toString('utf8')
    bucket.objects.set(key, {
      data: file.data,
      etag: digest.toString('hex'),
      contentMd5: digest.toString('base64'),
      contentType: text('Content-Type') ?? file.contentType ?? 'application/octet-stream',
      lastModified: now(),
      appendable: false,
      meta,
    })
    const headers = { ETag: `"${digest.toString('hex')}"`, 'Content-MD5': digest.toString('base64') }
    const redirect = text('success-action-redirect') ?? text('success-redirect-url')
    if (redirect) {
      const loc = new URL(redirect)
      loc.searchParams.set('bucket', bucket.name)
      loc.searchParams.set('key', key)
      loc.searchParams.set('etag', digest.toString('hex'))
      return { status: 302, headers: { ...headers, Location: loc.toString() } }
    }
    const wanted = Number(text('success-action-status'))
    if (wanted === 201) return json(201, { bucket: bucket.name, key, eTag: digest.toString('hex') }, headers) // GUESS body
    if (wanted === 204) return { status: 204, headers }
    return { status: 200, headers }
  }

  // ---- dispatch -------------------------------------------------------------------------------

  async function handleBos(req: IncomingMessage, res: ServerResponse, hostname: string, customBucket?: string) {
    const url = req.url ?? '/'
    const qi = url.indexOf('?')
    const rawPath = qi < 0 ? url : url.slice(0, qi)
    const query = new URLSearchParams(qi < 0 ? '' : url.slice(qi + 1).replace(/\+/g, '%2B'))
    const requestId = randomUUID()
    const debugId = randomBytes(24).toString('base64')
    const seenEntry: SeenRequest = {
      method: req.method ?? 'GET',
      url,
      host: req.headers.host ?? '',
      headers: flatHeaders(req.headers),
      bucket: null,
      key: null,
      operation: 'Unknown',
      preflight: false,
      auth: null,
      status: 0,
      code: null,
      requestId,
      debugId,
      requestBytes: 0,
    }
    const ctx: Ctx = {
      req,
      method: (req.method ?? 'GET').toUpperCase(),
      url,
      query,
      headers: seenEntry.headers,
      body: Buffer.alloc(0),
      target: { bucket: null, key: null, region: '', style: 'path-style' },
      out: {},
      seen: seenEntry,
    }
    let reply: Reply
    let bucket: Bucket | undefined
    try {
      ctx.body = await readBody(req)
      seenEntry.requestBytes = ctx.body.length
      ctx.target = customBucket
        ? { bucket: customBucket, key: pctDecode(rawPath.replace(/^\//, '')) || null, region: 'bj', style: 'virtual-host' }
        : parseTarget(hostname, rawPath)
      seenEntry.bucket = ctx.target.bucket
      seenEntry.key = ctx.target.key
      seenEntry.operation = operationName(ctx)
      if (ctx.method !== 'OPTIONS' && ctx.target.key?.startsWith('held/')) await new Promise<void>((go) => waiting.push(go))
      bucket = ctx.target.bucket ? buckets.get(ctx.target.bucket) : undefined
      if (ctx.method === 'OPTIONS') {
        reply = preflight(ctx, bucket)
      } else {
        corsForActual(ctx, bucket)
        const op = seenEntry.operation
        if (op === 'PostObject') {
          // The form policy is PostObject's auth. An Authorization header (the SDK's postObject
          // sends one) is checked and recorded, but not enforced (GUESS).
          ctx.seen.auth = verifyBceAuth({ method: ctx.method, url: ctx.url, headers: req.headers }, sk, { now: now() })
          if (!bucket) throw new BosError('NoSuchBucket')
          reply = postObject(ctx, bucket)
        } else {
          authenticate(ctx, bucket, !['GET', 'HEAD'].includes(ctx.method))
          if (op === 'ListBuckets') {
            reply = json(200, {
              owner: { id: 'owner-id', displayName: 'owner' },
              buckets: [...buckets.values()].map((b) => ({
                name: b.name,
                location: ctx.target.region || 'bj',
                creationDate: new Date(b.created).toISOString().replace(/\.\d+Z$/, 'Z'),
              })),
            })
          } else if (op === 'PutBucket') {
            if (bucket) throw new BosError('BucketAlreadyExists')
            addBucket(ctx.target.bucket!)
            reply = { status: 200, headers: { Location: '/' + ctx.target.bucket } }
          } else if (!bucket) {
            throw new BosError('NoSuchBucket')
          } else if (op === 'DeleteBucket') {
            if (bucket.objects.size) throw new BosError('BucketNotEmpty')
            buckets.delete(bucket.name)
            reply = { status: 204 }
          } else {
            const fn = ops[op]
            if (!fn) throw new BosError('NotImplemented')
            reply = fn(ctx, bucket)
          }
        }
      }
    } catch (e) {
      const err = e instanceof BosError ? e : new BosError('InternalError', e instanceof Error ? `Internal error: ${e.message}` : undefined)
      seenEntry.code = err.code
      reply = json(err.status, { code: err.code, message: err.message, requestId })
    }

    const body = typeof reply.body === 'string' ? Buffer.from(reply.body) : (reply.body ?? Buffer.alloc(0))
    const headers: Record<string, string> = {
      ...ctx.out,
      ...reply.headers,
      ...(customBucket ? { Server: 'cdn-edge' } : { 'x-bce-request-id': requestId, 'x-bce-debug-id': debugId, Server: 'BceBos' }),
      Date: new Date(now()).toUTCString(),
    }
    if (headers['Content-Length'] === undefined) headers['Content-Length'] = String(body.length)
    seenEntry.status = reply.status
    res.writeHead(reply.status, headers)
    // HEAD answers never carry a body, errors included.
    res.end(ctx.method === 'HEAD' ? undefined : body)
    seen.push(seenEntry)
  }

  function handlePage(req: IncomingMessage, res: ServerResponse) {
    const path = (req.url ?? '/').split('?')[0] ?? '/'
    const page = Object.hasOwn(pages, path) ? pages[path] : undefined
    if (page === undefined) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' })
      res.end('not found')
      return
    }
    const text = typeof page === 'function' ? page() : page
    const type = path.endsWith('.html')
      ? 'text/html; charset=utf-8'
      : path.endsWith('.js')
        ? 'application/javascript; charset=utf-8'
        : path.endsWith('.json')
          ? 'application/json; charset=utf-8'
          : 'text/plain; charset=utf-8'
    res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' })
    res.end(req.method === 'HEAD' ? undefined : text)
  }

  const server = createServer((req, res) => {
    const hostname = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase()
    const custom = opts.customDomains?.[hostname]
    const run = hostname.endsWith('.bcebos.com') || custom ? handleBos(req, res, hostname, custom) : Promise.resolve(handlePage(req, res))
    run.catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' })
      res.end(String(e))
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  api.port = (server.address() as AddressInfo).port
  const close = api.close
  api.close = () => {
    api.release()
    server.closeAllConnections()
    return close()
  }
  return api
}
