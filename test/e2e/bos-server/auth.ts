// Who may make a BOS request: a valid bce-auth-v1 signature, or no signature on a public bucket.

import type { Ctx, ServerState } from './context.ts'
import { BosError } from './errors.ts'
import { verifyBceAuth } from './signature.ts'
import type { Bucket } from './store.ts'

/** Records the request's auth in ctx.seen and throws the BosError BOS answers with when it is not allowed. */
export function authenticate(ctx: Ctx, bucket: Bucket | undefined, write: boolean, state: ServerState) {
  const auth = verifyBceAuth({ method: ctx.method, url: ctx.url, headers: ctx.req.headers }, state.sk, { now: state.now() })
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
