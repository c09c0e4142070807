// Bucket and account operations: ListBuckets, PutBucket, DeleteBucket, ListObjects, HeadBucket, GetBucketCors.

import { type Ctx, type Handler, json, type Reply, type ServerState } from './context.ts'
import { BosError } from './errors.ts'
import type { Bucket } from './store.ts'

/** ListBuckets: every bucket, whatever its ACL. */
export function listBuckets(ctx: Ctx, state: ServerState): Reply {
  return json(200, {
    owner: { id: 'owner-id', displayName: 'owner' },
    buckets: [...state.buckets.values()].map((b) => ({
      name: b.name,
      location: ctx.target.region || 'bj',
      creationDate: new Date(b.created).toISOString().replace(/\.\d+Z$/, 'Z'),
    })),
  })
}

/** PutBucket: creates the bucket the request names, which must not exist yet. */
export function putBucket(ctx: Ctx, bucket: Bucket | undefined, state: ServerState): Reply {
  if (bucket) throw new BosError('BucketAlreadyExists')
  state.addBucket(ctx.target.bucket!)
  return { status: 200, headers: { Location: '/' + ctx.target.bucket } }
}

/** Operations on a bucket that exists. */
export const bucketOps: Record<string, Handler> = {
  DeleteBucket(_ctx, bucket, state) {
    if (bucket.objects.size) throw new BosError('BucketNotEmpty')
    state.buckets.delete(bucket.name)
    return { status: 204 }
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
