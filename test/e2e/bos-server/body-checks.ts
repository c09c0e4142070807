// Checks of a request body that BOS makes before storing it: Content-Length present, digests matching.

import { createHash } from 'node:crypto'
import type { Ctx } from './context.ts'
import { BosError } from './errors.ts'
import { md5 } from './store.ts'

/** BadDigest when Content-MD5 or x-bce-content-sha256 is sent and does not match the data. */
export function checkDigests(ctx: Ctx, data: Buffer) {
  const cmd5 = ctx.headers['content-md5']
  if (cmd5 !== undefined && cmd5.trim() !== md5(data).toString('base64')) throw new BosError('BadDigest')
  const sha = ctx.headers['x-bce-content-sha256']
  if (sha !== undefined && sha.trim().toLowerCase() !== createHash('sha256').update(data).digest('hex')) {
    throw new BosError('BadDigest')
  }
}

export function requireLength(ctx: Ctx) {
  if (ctx.headers['content-length'] === undefined && ctx.headers['transfer-encoding'] === undefined) {
    throw new BosError('MissingContentLength')
  }
}
