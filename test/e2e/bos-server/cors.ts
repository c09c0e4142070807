// CORS (bos-protocol.md §9): the rules a bucket starts with, preflights, and the Access-Control-* headers of
// actual requests. When no rule matches, BOS sends no Access-Control-* header at all.

import type { Ctx, Reply } from './context.ts'
import { BosError } from './errors.ts'
import type { Bucket } from './store.ts'
import type { CorsRule } from './types.ts'
import { wildcard } from './wildcard.ts'

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

/** The first of the bucket's rules that allows this origin, method and request headers. */
export function corsRuleFor(bucket: Pick<Bucket, 'cors'> | undefined, origin: string, method: string, reqHeaders: string[]) {
  if (!bucket?.cors) return undefined
  return bucket.cors.find(
    (r) =>
      r.allowedOrigins.some((o) => wildcard(o, origin)) &&
      r.allowedMethods.some((m) => m.toUpperCase() === method.toUpperCase()) &&
      reqHeaders.every((h) => r.allowedHeaders.some((a) => wildcard(a, h, true))),
  )
}

/** Access-Control-* for an actual (non-preflight) request, or nothing when no rule matches. */
export function corsForActual(ctx: Ctx, bucket: Bucket | undefined) {
  const origin = ctx.headers.origin
  if (!origin) return
  const rule = corsRuleFor(bucket, origin, ctx.method, [])
  if (!rule) return
  ctx.out['Access-Control-Allow-Origin'] = origin
  ctx.out['Vary'] = 'Origin'
  if (rule.allowedExposeHeaders?.length) ctx.out['Access-Control-Expose-Headers'] = rule.allowedExposeHeaders.join(', ')
}

/** Answers a preflight (OPTIONS) from the bucket's rules; AccessDenied, without Access-Control-* headers, when none matches. */
export function preflight(ctx: Ctx, bucket: Bucket | undefined): Reply {
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
