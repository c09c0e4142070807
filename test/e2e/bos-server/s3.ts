// The S3-compatible endpoint: requests to `s3.{region}.bcebos.com` (path-style) and
// `{bucket}.s3.{region}.bcebos.com` (virtual-host), as an AWS S3 client sends them (s3-compat.md).
// Signatures are AWS SigV4, checked with @smithy/signature-v4 (sigv4-verify.ts); errors are S3 XML with
// x-amz-request-id and x-amz-id-2 (BOS-HDR: the same values as x-bce-request-id and x-bce-debug-id).
//
// Where BOS behaviour is not documented (its S3 error bodies, the skew window, presigned V4 URLs, the SDK's
// default checksums: s3-compat.md §1.9), the answer is AWS S3's, marked "GUESS". The SDK's default checksum
// headers and the aws-chunked trailer mode, which BOS does not list among its request headers and payload
// modes (§1.3, §1.5, §3.5), are refused with 501 NotImplemented naming the header, as Cloudflare R2 does (§3.4).

import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { checkDigests, requireLength } from './body-checks.ts'
import type { Ctx, Reply, ServerState, Target } from './context.ts'
import { corsForActual, preflight } from './cors.ts'
import { pctDecode, uriEncode } from './encoding.ts'
import { BosError } from './errors.ts'
import { operationName, readBody, receive } from './request.ts'
import { completeResultXml, initiateResultXml, listPartsXml, parseCompleteXml, s3ErrorXml } from './s3-xml.ts'
import { verifySigV4 } from './sigv4-verify.ts'
import { type Bucket, completeUpload, md5, type StoredObject, type Upload } from './store.ts'
import type { SeenRequest } from './types.ts'

const S3_HOST = /^(?:(.+)\.)?s3\.([a-z0-9-]+)\.bcebos\.com$/

/** Whether `hostname` (no port) is the S3-compatible endpoint, virtual-host or path-style. */
export const isS3Host = (hostname: string) => S3_HOST.test(hostname)

/** Headers a CORS rule of an S3 bucket exposes so that the v3 SDK and lib-storage work (s3-compat.md §6.4). */
export const S3_EXPOSE_HEADERS = ['ETag', 'Date', 'x-amz-request-id', 'x-amz-id-2']

/** BOS's minimum size of a part other than the last (bos-protocol.md §7; over S3 undocumented, GUESS: the same). */
const MIN_PART_SIZE = 100 * 1024

const S3_ERRORS = {
  AccessDenied: [403, 'Access Denied'],
  AccessForbidden: [
    403,
    "CORSResponse: This CORS request is not allowed. This is usually because the evalution of Origin, request method / Access-Control-Request-Method or Access-Control-Request-Headers are not whitelisted by the resource's CORS spec.",
  ],
  BadDigest: [400, 'The Content-MD5 you specified did not match what we received.'],
  EntityTooSmall: [400, 'Your proposed upload is smaller than the minimum allowed object size.'],
  InternalError: [500, 'We encountered an internal error, please try again.'],
  InvalidArgument: [400, 'Invalid Argument'],
  InvalidDigest: [400, 'The Content-MD5 you specified is not valid.'],
  InvalidPart: [
    400,
    "One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.",
  ],
  InvalidPartOrder: [400, 'The list of parts was not in ascending order. The parts list must be specified in order by part number.'],
  InvalidRange: [416, 'The requested range is not satisfiable'],
  InvalidURI: [400, "Couldn't parse the specified URI."],
  MalformedXML: [400, 'The XML you provided was not well-formed or did not validate against our published schema.'],
  MissingContentLength: [411, 'You must provide the Content-Length HTTP header.'],
  NoSuchBucket: [404, 'The specified bucket does not exist'],
  NoSuchKey: [404, 'The specified key does not exist.'],
  NoSuchUpload: [404, 'The specified multipart upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.'],
  NotImplemented: [501, 'A header you provided implies functionality that is not implemented'],
} as const satisfies Record<string, readonly [number, string]>

export type S3ErrorCode = keyof typeof S3_ERRORS

export class S3Error extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly fields: [string, string][] = [],
  ) {
    super(message)
  }
  static of(code: S3ErrorCode, fields: [string, string][] = []): S3Error {
    const [status, message] = S3_ERRORS[code]
    return new S3Error(code, status, message, fields)
  }
}

/** A BOS-side error (thrown by the shared helpers: body checks, CORS) as the S3 error the endpoint sends. */
export function toS3Error(e: unknown): S3Error {
  if (e instanceof S3Error) return e
  if (e instanceof BosError) return e.code in S3_ERRORS ? S3Error.of(e.code as S3ErrorCode) : new S3Error(e.code, e.status, e.message)
  return new S3Error(
    'InternalError',
    500,
    e instanceof Error ? `We encountered an internal error, please try again. (${e.message})` : 'We encountered an internal error, please try again.',
  )
}

/** The bucket, key and region of a request to the S3 endpoint. */
export function parseS3Target(hostname: string, rawPath: string): Target {
  const m = S3_HOST.exec(hostname)
  if (!m) throw new Error(`not an S3 endpoint host: ${hostname}`)
  const decode = (s: string) => {
    try {
      return pctDecode(s)
    } catch {
      throw S3Error.of('InvalidURI')
    }
  }
  const region = m[2]!
  if (m[1]) {
    const key = decode(rawPath.replace(/^\//, ''))
    return { bucket: m[1], key: key === '' ? null : key, region, style: 'virtual-host' }
  }
  const p = /^\/([^/]*)(?:\/(.*))?$/s.exec(rawPath)
  return { bucket: p?.[1] ? decode(p[1]) : null, key: p?.[2] ? decode(p[2]) : null, region, style: 'path-style' }
}

const CHECKSUM_HEADERS = ['x-amz-sdk-checksum-algorithm', 'x-amz-checksum-algorithm', 'x-amz-trailer', 'x-amz-checksum-mode', 'x-amz-decoded-content-length']

/**
 * The first of the AWS SDK v3 default-integrity signals a request carries (s3-compat.md §3.2), as the name
 * the NotImplemented answer gives, or null: `x-amz-checksum-*` headers, the algorithm and mode headers, an
 * aws-chunked body, a trailer payload mode, or their presigned query forms.
 */
export function checksumRefusal(headers: Record<string, string>, query: [string, string][]): { header: string; value: string } | null {
  const names = Object.keys(headers).sort()
  const direct = names.find((n) => n.startsWith('x-amz-checksum-') && n !== 'x-amz-checksum-mode') ?? names.find((n) => CHECKSUM_HEADERS.includes(n))
  if (direct) return { header: direct, value: headers[direct]! }
  if (/(^|,)\s*aws-chunked\s*(,|$)/i.test(headers['content-encoding'] ?? '')) return { header: 'Content-Encoding', value: headers['content-encoding']! }
  const mode = headers['x-amz-content-sha256'] ?? ''
  if (/^STREAMING-.*TRAILER$/.test(mode)) return { header: 'x-amz-content-sha256', value: mode }
  const q = query.find(([k]) => k.toLowerCase().startsWith('x-amz-checksum-') || k.toLowerCase() === 'x-amz-sdk-checksum-algorithm')
  return q ? { header: q[0], value: q[1] } : null
}

const quoted = (hex: string) => `"${hex}"`
const unquote = (etag: string) => etag.trim().replace(/^"|"$/g, '').toLowerCase()

function objectHeaders(o: StoredObject): Record<string, string> {
  return {
    'Content-Type': o.contentType,
    ETag: quoted(o.etag),
    'Last-Modified': new Date(o.lastModified).toUTCString(),
    'Accept-Ranges': 'bytes',
    ...o.meta,
  }
}

function getUpload(bucket: Bucket, ctx: Ctx): Upload {
  const u = bucket.uploads.get(ctx.query.get('uploadId') ?? '')
  if (!u || u.key !== ctx.target.key) throw S3Error.of('NoSuchUpload', [['UploadId', ctx.query.get('uploadId') ?? '']])
  return u
}

const xml = (status: number, body: string, headers: Record<string, string> = {}): Reply => ({
  status,
  headers: { 'Content-Type': 'application/xml', ...headers },
  body,
})

type S3Handler = (ctx: Ctx, bucket: Bucket, state: ServerState) => Reply

function getObject(bucket: Bucket, key: string): StoredObject {
  const o = bucket.objects.get(key)
  if (!o) throw S3Error.of('NoSuchKey', [['Key', key]])
  return o
}

/** S3 operations on an existing bucket, by the BOS API name the request maps to. */
export const s3Ops: Record<string, S3Handler> = {
  PutObject(ctx, bucket, state) {
    requireLength(ctx)
    checkDigests(ctx, ctx.body)
    const etag = md5(ctx.body).toString('hex')
    const meta: Record<string, string> = {}
    for (const [k, v] of Object.entries(ctx.headers)) if (k.startsWith('x-amz-meta-')) meta[k] = v
    bucket.objects.set(ctx.target.key!, {
      data: ctx.body,
      etag,
      contentMd5: md5(ctx.body).toString('base64'),
      contentType: ctx.headers['content-type'] ?? 'binary/octet-stream',
      lastModified: state.now(),
      appendable: false,
      meta,
    })
    return { status: 200, headers: { ETag: quoted(etag) } }
  },
  GetObject(ctx, bucket) {
    const o = getObject(bucket, ctx.target.key!)
    return { status: 200, headers: objectHeaders(o), body: o.data }
  },
  HeadObject(ctx, bucket) {
    const o = getObject(bucket, ctx.target.key!)
    return { status: 200, headers: { ...objectHeaders(o), 'Content-Length': String(o.data.length) } }
  },
  DeleteObject(ctx, bucket) {
    bucket.objects.delete(ctx.target.key!)
    return { status: 204 }
  },
  InitiateMultipartUpload(ctx, bucket, state) {
    const uploadId = randomBytes(16).toString('hex')
    bucket.uploads.set(uploadId, {
      key: ctx.target.key!,
      initiated: state.now(),
      contentType: ctx.headers['content-type'] ?? 'binary/octet-stream',
      parts: new Map(),
    })
    return xml(200, initiateResultXml(bucket.name, ctx.target.key!, uploadId))
  },
  UploadPart(ctx, bucket, state) {
    const upload = getUpload(bucket, ctx)
    const n = Number(ctx.query.get('partNumber'))
    if (!Number.isInteger(n) || n < 1 || n > 10000) {
      throw new S3Error('InvalidArgument', 400, 'Part number must be an integer between 1 and 10000, inclusive', [
        ['ArgumentName', 'partNumber'],
        ['ArgumentValue', ctx.query.get('partNumber') ?? ''],
      ])
    }
    requireLength(ctx)
    checkDigests(ctx, ctx.body)
    const etag = md5(ctx.body).toString('hex')
    upload.parts.set(n, { data: ctx.body, etag, lastModified: state.now() })
    return { status: 200, headers: { ETag: quoted(etag) } }
  },
  CompleteMultipartUpload(ctx, bucket, state) {
    const upload = getUpload(bucket, ctx)
    const list = parseCompleteXml(ctx.body.toString('utf8'))
    if (!list || list.length === 0) throw S3Error.of('MalformedXML')
    for (let i = 1; i < list.length; i++) if (list[i]!.partNumber <= list[i - 1]!.partNumber) throw S3Error.of('InvalidPartOrder')
    const stored = list.map((p) => {
      const s = upload.parts.get(p.partNumber)
      // A missing ETag element, `undefined` (page code that read a header CORS hid) or another part's ETag.
      if (!s || p.etag === null || unquote(p.etag) !== s.etag) {
        throw S3Error.of('InvalidPart', [
          ['UploadId', ctx.query.get('uploadId') ?? ''],
          ['PartNumber', String(p.partNumber)],
          ['ETag', p.etag ?? ''],
        ])
      }
      return s
    })
    stored.forEach((s, i) => {
      if (i < stored.length - 1 && s.data.length < MIN_PART_SIZE) {
        throw S3Error.of('EntityTooSmall', [
          ['ProposedSize', String(s.data.length)],
          ['MinSizeAllowed', String(MIN_PART_SIZE)],
        ])
      }
    })
    // AWS's multipart ETag: MD5 of the parts' binary MD5s, then -N.
    const etag = `${md5(Buffer.concat(stored.map((s) => Buffer.from(s.etag, 'hex')))).toString('hex')}-${stored.length}`
    const key = ctx.target.key!
    completeUpload(bucket, ctx.query.get('uploadId')!, key, stored, etag, state.now())
    const location = `http://${bucket.name}.s3.${ctx.target.region}.bcebos.com/${uriEncode(key, true)}`
    return xml(200, completeResultXml(location, bucket.name, key, quoted(etag)))
  },
  AbortMultipartUpload(ctx, bucket) {
    getUpload(bucket, ctx)
    bucket.uploads.delete(ctx.query.get('uploadId')!)
    return { status: 204 }
  },
  ListParts(ctx, bucket) {
    const upload = getUpload(bucket, ctx)
    const maxParts = Math.min(1000, Number(ctx.query.get('max-parts') ?? 1000) || 1000)
    const marker = Number(ctx.query.get('part-number-marker') ?? 0) || 0
    const all = [...upload.parts.entries()].sort(([a], [b]) => a - b).filter(([n]) => n > marker)
    const page = all.slice(0, maxParts)
    return xml(
      200,
      listPartsXml({
        bucket: bucket.name,
        key: upload.key,
        uploadId: ctx.query.get('uploadId') ?? '',
        marker,
        maxParts,
        truncated: all.length > page.length,
        parts: page.map(([n, p]) => ({ partNumber: n, lastModified: p.lastModified, etag: quoted(p.etag), size: p.data.length })),
      }),
    )
  },
}

/** Answers one request to the S3 endpoint and appends it to `seen`. `hostname` is the Host without port. */
export async function handleS3(state: ServerState, seen: SeenRequest[], req: IncomingMessage, res: ServerResponse, hostname: string) {
  const { rawPath, seen: seenEntry, ctx } = receive(req)
  seenEntry.sigv4 = null
  // The S3 endpoint's names for the same two ids: x-amz-request-id and x-amz-id-2 (the host id).
  const { requestId, debugId: hostId } = seenEntry
  let reply: Reply
  try {
    ctx.body = await readBody(req)
    seenEntry.requestBytes = ctx.body.length
    ctx.target = parseS3Target(hostname, rawPath)
    seenEntry.bucket = ctx.target.bucket
    seenEntry.key = ctx.target.key
    seenEntry.operation = operationName(ctx)
    const bucket = ctx.target.bucket ? state.buckets.get(ctx.target.bucket) : undefined
    if (ctx.method === 'OPTIONS') {
      try {
        reply = preflight(ctx, bucket)
      } catch (e) {
        // GUESS: S3's preflight refusal; BOS native omits the Access-Control-* headers, which this does too.
        throw e instanceof BosError && e.code === 'AccessDenied' ? S3Error.of('AccessForbidden') : e
      }
    } else {
      corsForActual(ctx, bucket)
      const auth = await verifySigV4({ method: ctx.method, url: ctx.url, headers: ctx.headers, body: ctx.body }, state.sk, {
        now: state.now(),
        region: ctx.target.region,
      })
      seenEntry.sigv4 = auth
      if (!auth) {
        if (!bucket) throw S3Error.of('NoSuchBucket', [['BucketName', ctx.target.bucket ?? '']])
        if (bucket.acl === 'private' || (bucket.acl === 'public-read' && !['GET', 'HEAD'].includes(ctx.method))) throw S3Error.of('AccessDenied')
      } else if (auth.error) {
        throw new S3Error(auth.error.code, auth.error.status, auth.error.message, auth.error.fields)
      }
      const refused = checksumRefusal(ctx.headers, [...ctx.query])
      if (refused) {
        throw S3Error.of('NotImplemented', [
          ['Header', refused.header],
          ['AdditionalMessage', `Header '${refused.header}' with value '${refused.value}' not implemented`],
        ])
      }
      if (!bucket) throw S3Error.of('NoSuchBucket', [['BucketName', ctx.target.bucket ?? '']])
      const fn = s3Ops[seenEntry.operation]
      if (!fn) throw new S3Error('NotImplemented', 501, 'A header you provided implies functionality that is not implemented')
      reply = fn(ctx, bucket, state)
    }
  } catch (e) {
    const err = toS3Error(e)
    seenEntry.code = err.code
    reply = xml(err.status, s3ErrorXml(err.code, err.message, requestId, hostId, err.fields))
  }
  const body = typeof reply.body === 'string' ? Buffer.from(reply.body) : (reply.body ?? Buffer.alloc(0))
  const headers: Record<string, string> = {
    ...ctx.out,
    ...reply.headers,
    'x-amz-request-id': requestId,
    'x-amz-id-2': hostId,
    Server: 'BceBos',
    Date: new Date(state.now()).toUTCString(),
  }
  if (headers['Content-Length'] === undefined) headers['Content-Length'] = String(body.length)
  seenEntry.status = reply.status
  res.writeHead(reply.status, headers)
  res.end(ctx.method === 'HEAD' ? undefined : body)
  seen.push(seenEntry)
}
