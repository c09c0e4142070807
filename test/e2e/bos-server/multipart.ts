// Multipart uploads (bos-protocol.md §7): Initiate, UploadPart, Complete, Abort, ListParts. The uploads in
// progress are kept per bucket (Bucket.uploads).

import { randomBytes } from 'node:crypto'
import { checkDigests, requireLength } from './body-checks.ts'
import { type Ctx, type Handler, json } from './context.ts'
import { uriEncode } from './encoding.ts'
import { BosError } from './errors.ts'
import { type Bucket, completeUpload, md5, type Upload } from './store.ts'

/** Parts other than the last must be at least this big (EntityTooSmall). */
const MIN_PART_SIZE = 100 * 1024

function getUpload(bucket: Bucket, ctx: Ctx): Upload {
  const u = bucket.uploads.get(ctx.query.get('uploadId') ?? '')
  if (!u || u.key !== ctx.target.key) throw new BosError('NoSuchUpload')
  return u
}

export const multipartOps: Record<string, Handler> = {
  InitiateMultipartUpload(ctx, bucket, state) {
    const uploadId = randomBytes(16).toString('hex')
    bucket.uploads.set(uploadId, {
      key: ctx.target.key!,
      initiated: state.now(),
      contentType: ctx.headers['content-type'] ?? 'application/octet-stream',
      parts: new Map(),
    })
    return json(200, { bucket: bucket.name, key: ctx.target.key, uploadId })
  },
  UploadPart(ctx, bucket, state) {
    const upload = getUpload(bucket, ctx)
    const n = Number(ctx.query.get('partNumber'))
    if (!Number.isInteger(n) || n < 1 || n > 10000) throw new BosError('InvalidArgument')
    requireLength(ctx)
    checkDigests(ctx, ctx.body)
    const digest = md5(ctx.body)
    upload.parts.set(n, { data: ctx.body, etag: digest.toString('hex'), lastModified: state.now() })
    return { status: 200, headers: { ETag: `"${digest.toString('hex')}"`, 'Content-MD5': digest.toString('base64') } }
  },
  CompleteMultipartUpload(ctx, bucket, state) {
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
    completeUpload(bucket, ctx.query.get('uploadId')!, key, stored, etag, state.now())
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
}
