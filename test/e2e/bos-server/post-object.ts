// PostObject (bos-protocol.md §6): an HTML form upload whose auth is a signed policy, not bce-auth-v1.

import { createHmac } from 'node:crypto'
import { type Ctx, json, type Reply, type ServerState } from './context.ts'
import { BosError } from './errors.ts'
import { parseMultipart } from './form-data.ts'
import { type Bucket, md5 } from './store.ts'
import { wildcard } from './wildcard.ts'

export interface PostPolicy {
  expiration: string
  conditions: unknown[]
}

/** The base64 JSON policy field, or InvalidPolicyDocument when it is not one with `expiration` and `conditions`. */
export function decodePolicy(policyB64: string): PostPolicy {
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
  return policy as PostPolicy
}

/**
 * Checks the form against the policy's conditions, in order: `content-length-range` against the file size
 * (MaxMessageLengthExceeded), `eq` / `starts-with` and `{ name: pattern }` against the form's values (AccessDenied).
 * A condition of another shape is InvalidPolicyDocument.
 */
export function checkPolicyConditions(conditions: unknown[], formValue: (name: string) => string | undefined, fileSize: number): void {
  for (const cond of conditions) {
    if (Array.isArray(cond)) {
      const [op, a, b2] = cond as unknown[]
      if (op === 'content-length-range') {
        if (typeof a !== 'number' || typeof b2 !== 'number') throw new BosError('InvalidPolicyDocument')
        if (fileSize < a || fileSize > b2) throw new BosError('MaxMessageLengthExceeded')
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

export function postObject(ctx: Ctx, bucket: Bucket, state: ServerState): Reply {
  const { sk } = state
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
    const policy = decodePolicy(policyB64)
    if (state.now() > Date.parse(policy.expiration)) {
      throw new BosError('RequestExpired', `Request has expired. Timestamp date is ${policy.expiration}`)
    }
    const formValue = (name: string): string | undefined => (name === 'bucket' ? bucket.name : name === 'key' ? key : text(name))
    checkPolicyConditions(policy.conditions, formValue, file.data.length)
  }

  const digest = md5(file.data)
  const meta: Record<string, string> = {}
  for (const p of parts) if (p.name.toLowerCase().startsWith('x-bce-meta-')) meta[p.name.toLowerCase()] = p.data.toString('utf8')
  bucket.objects.set(key, {
    data: file.data,
    etag: digest.toString('hex'),
    contentMd5: digest.toString('base64'),
    contentType: text('Content-Type') ?? file.contentType ?? 'application/octet-stream',
    lastModified: state.now(),
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
