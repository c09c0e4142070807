// Reading a BOS request: its body, its headers, the bucket and key it addresses, and which BOS operation it is.

import { randomBytes, randomUUID } from 'node:crypto'
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http'
import type { Ctx, Target } from './context.ts'
import { pctDecode } from './encoding.ts'
import { BosError } from './errors.ts'
import type { SeenRequest } from './types.ts'

/** The bucket, key and region of a request to `hostname` (which ends in `.bcebos.com`). */
export function parseTarget(hostname: string, rawPath: string): Target {
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

export function flatHeaders(h: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v
  return out
}

export function readBody(req: IncomingMessage, limit = 64 * 1024 * 1024): Promise<Buffer> {
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

/** The BOS API name of a request: PutObject, UploadPart, ListObjects, … or Unknown. */
export function operationName(ctx: Pick<Ctx, 'method' | 'query' | 'target' | 'headers'>): string {
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

/**
 * A request as received, before it is read: its path without the query, a fresh `seen` record (ids drawn
 * here: x-bce-request-id / x-bce-debug-id, or x-amz-request-id / x-amz-id-2 on the S3 endpoint) and the
 * context the handlers fill in. Both endpoints' dispatchers start from it.
 */
export function receive(req: IncomingMessage): { rawPath: string; seen: SeenRequest; ctx: Ctx } {
  const url = req.url ?? '/'
  const qi = url.indexOf('?')
  const rawPath = qi < 0 ? url : url.slice(0, qi)
  const query = new URLSearchParams(qi < 0 ? '' : url.slice(qi + 1).replace(/\+/g, '%2B'))
  const seen: SeenRequest = {
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
    requestId: randomUUID(),
    debugId: randomBytes(24).toString('base64'),
    requestBytes: 0,
  }
  const ctx: Ctx = {
    req,
    method: (req.method ?? 'GET').toUpperCase(),
    url,
    query,
    headers: seen.headers,
    body: Buffer.alloc(0),
    target: { bucket: null, key: null, region: '', style: 'path-style' },
    out: {},
    seen,
  }
  return { rawPath, seen, ctx }
}
