// Object operations: PutObject, GetObject (with Range), HeadObject, DeleteObject, AppendObject.

import { checkDigests, requireLength } from './body-checks.ts'
import type { Ctx, Handler } from './context.ts'
import { BosError } from './errors.ts'
import { type Bucket, md5, type StoredObject } from './store.ts'

function metaFrom(ctx: Ctx): Record<string, string> {
  const meta: Record<string, string> = {}
  for (const [k, v] of Object.entries(ctx.headers)) if (k.startsWith('x-bce-meta-')) meta[k] = v
  return meta
}

export function objectHeaders(o: StoredObject): Record<string, string> {
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

export const objectOps: Record<string, Handler> = {
  PutObject(ctx, bucket, state) {
    requireLength(ctx)
    const key = ctx.target.key!
    let data = ctx.body
    let etagHex: string
    if (state.etagMismatch() || key.startsWith('etag-mismatch/')) {
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
      lastModified: state.now(),
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
  AppendObject(ctx, bucket, state) {
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
      lastModified: state.now(),
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
}
