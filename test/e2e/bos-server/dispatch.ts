// One BOS request from start to end: read it, route it to its operation, answer it (errors as BOS JSON
// bodies), with the BOS response headers, and record it in `seen`.

import type { IncomingMessage, ServerResponse } from 'node:http'
import { authenticate } from './auth.ts'
import { bucketOps, listBuckets, putBucket } from './buckets.ts'
import { type Handler, json, type Reply, type ServerState } from './context.ts'
import { corsForActual, preflight } from './cors.ts'
import { pctDecode } from './encoding.ts'
import { BosError, errorBody, toBosError } from './errors.ts'
import { multipartOps } from './multipart.ts'
import { objectOps } from './objects.ts'
import { postObject } from './post-object.ts'
import { operationName, parseTarget, readBody, receive } from './request.ts'
import { verifyBceAuth } from './signature.ts'
import type { Bucket } from './store.ts'
import type { SeenRequest } from './types.ts'

/** Operations on an existing bucket, by BOS API name. */
const ops: Record<string, Handler> = { ...objectOps, ...multipartOps, ...bucketOps }

/**
 * Answers one BOS request and appends it to `seen`. `hostname` is the Host without port; `customBucket` is
 * set for a custom domain (then the answer looks like a CDN's: no BOS headers).
 */
export async function handleBos(state: ServerState, seen: SeenRequest[], req: IncomingMessage, res: ServerResponse, hostname: string, customBucket?: string) {
  const { buckets, sk, now } = state
  const { rawPath, seen: seenEntry, ctx } = receive(req)
  const { requestId, debugId } = seenEntry
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
    if (ctx.method !== 'OPTIONS' && ctx.target.key?.startsWith('held/')) await new Promise<void>((go) => state.waiting.push(go))
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
        reply = postObject(ctx, bucket, state)
      } else {
        authenticate(ctx, bucket, !['GET', 'HEAD'].includes(ctx.method), state)
        if (op === 'ListBuckets') {
          reply = listBuckets(ctx, state)
        } else if (op === 'PutBucket') {
          reply = putBucket(ctx, bucket, state)
        } else if (!bucket) {
          throw new BosError('NoSuchBucket')
        } else {
          const fn = ops[op]
          if (!fn) throw new BosError('NotImplemented')
          reply = fn(ctx, bucket, state)
        }
      }
    }
  } catch (e) {
    const err = toBosError(e)
    seenEntry.code = err.code
    reply = json(err.status, errorBody(err, requestId))
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
