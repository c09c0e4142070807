// The BOS API operation a request performs, named as in the BOS API reference.
// An unknown shape gives null: a guess is never presented as fact.
import type { HeaderMap } from './har.ts'
import type { OperationName } from './operation-names.ts'

export interface OperationInput {
  method: string
  /** Bucket and key as located by hosts.ts; a custom domain has a key but no bucket. */
  bucket: string | null
  key: string | null
  /** True when the host itself names the bucket (custom domain, CDN): a bare path is still bucket-level. */
  bucketInHost: boolean
  query: URLSearchParams
  requestHeaders: HeaderMap
}

// Sub-resources of a bucket: ?name → [GET, PUT, DELETE] operation names (null: not an operation).
const BUCKET_SUBRESOURCES: Record<string, [OperationName | null, OperationName | null, OperationName | null]> = {
  acl: ['GetBucketAcl', 'PutBucketAcl', null],
  cors: ['GetBucketCors', 'PutBucketCors', 'DeleteBucketCors'],
  lifecycle: ['GetBucketLifecycle', 'PutBucketLifecycle', 'DeleteBucketLifecycle'],
  logging: ['GetBucketLogging', 'PutBucketLogging', 'DeleteBucketLogging'],
  location: ['GetBucketLocation', null, null],
  replication: ['GetBucketReplication', 'PutBucketReplication', 'DeleteBucketReplication'],
  replicationProgress: ['GetBucketReplicationProgress', null, null],
  encryption: ['GetBucketEncryption', 'PutBucketEncryption', 'DeleteBucketEncryption'],
  website: ['GetBucketStaticWebsite', 'PutBucketStaticWebsite', 'DeleteBucketStaticWebsite'],
  storageClass: ['GetBucketStorageclass', 'PutBucketStorageclass', null],
  versioning: ['GetBucketVersioning', 'PutBucketVersioning', null],
  tagging: ['GetBucketTagging', 'PutBucketTagging', 'DeleteBucketTagging'],
  trash: ['GetBucketTrash', 'PutBucketTrash', 'DeleteBucketTrash'],
  copyrightProtection: ['GetCopyrightProtection', 'PutCopyrightProtection', 'DeleteCopyrightProtection'],
  notification: ['GetNotification', 'PutNotification', 'DeleteNotification'],
  mirroring: ['GetBucketMirroring', 'PutBucketMirroring', 'DeleteBucketMirroring'],
  objectlock: ['GetBucketObjectLock', 'InitBucketObjectLock', 'DeleteBucketObjectLock'],
  requestPayment: ['GetBucketRequestPayment', 'PutBucketRequestPayment', null],
  inventory: ['GetBucketInventory', 'PutBucketInventory', 'DeleteBucketInventory'],
  quota: ['GetBucketQuota', 'PutBucketQuota', 'DeleteBucketQuota'],
}

const OBJECT_SUBRESOURCES: Record<string, [OperationName | null, OperationName | null, OperationName | null]> = {
  acl: ['GetObjectAcl', 'PutObjectAcl', 'DeleteObjectAcl'],
  symlink: ['GetSymlink', 'PutSymlink', null],
  tagging: ['GetObjectTagging', 'PutObjectTagging', 'DeleteObjectTagging'],
}

const BUCKET_NAMES = Object.keys(BUCKET_SUBRESOURCES)
const OBJECT_NAMES = Object.keys(OBJECT_SUBRESOURCES)
const COLUMN = { GET: 0, PUT: 1, DELETE: 2 } as const

function subresource(
  table: Record<string, [OperationName | null, OperationName | null, OperationName | null]>,
  method: string,
  query: URLSearchParams,
): OperationName | null | undefined {
  if (query.size === 0) return undefined // most requests: nothing to look for (size is undefined in older browsers)
  const col = COLUMN[method as keyof typeof COLUMN]
  for (const name of table === BUCKET_SUBRESOURCES ? BUCKET_NAMES : table === OBJECT_SUBRESOURCES ? OBJECT_NAMES : Object.keys(table)) {
    if (query.has(name)) return col === undefined ? null : table[name]![col]
  }
  return undefined // no sub-resource in the query
}

function isMultipartForm(h: HeaderMap): boolean {
  return /^multipart\/form-data/i.test(h.get('content-type') ?? '')
}

export function detectOperation(x: OperationInput): OperationName | null {
  const { method, query } = x
  const h = x.requestHeaders
  if (method === 'OPTIONS') return 'OptionsObject'

  const isService = x.bucket === null && !x.bucketInHost
  if (isService) {
    if (query.has('userQuota')) {
      return ({ GET: 'GetUserQuota', PUT: 'PutUserQuota', DELETE: 'DeleteUserQuota' } as Record<string, OperationName>)[method] ?? null
    }
    if (method === 'GET' && x.key === null) return 'ListBuckets'
    return null
  }

  if (x.key === null) {
    // Bucket level
    const sub = subresource(BUCKET_SUBRESOURCES, method, query)
    if (sub !== undefined) return sub
    switch (method) {
      case 'GET':
        if (query.has('uploads')) return 'ListMultipartUploads'
        if (query.has('versions')) return 'ListObjectVersions'
        return 'ListObjects'
      case 'PUT':
        return 'PutBucket'
      case 'HEAD':
        return 'HeadBucket'
      case 'DELETE':
        return 'DeleteBucket'
      case 'POST':
        if (query.has('delete')) return 'DeleteMultipleObjects'
        if (isMultipartForm(h)) return 'PostObject'
        return null
      default:
        return null
    }
  }

  // Object level
  // x-amz-copy-source: the same copy through the S3-compatible endpoint
  const copySource = h.has('x-bce-copy-source') || h.has('x-amz-copy-source')
  const uploadId = query.has('uploadId')
  switch (method) {
    case 'PUT':
      if (uploadId && query.has('partNumber')) return copySource ? 'UploadPartCopy' : 'UploadPart'
      if (query.has('rename') || h.has('x-bce-rename-key')) return 'RenameObject'
      {
        const sub = subresource(OBJECT_SUBRESOURCES, method, query)
        if (sub !== undefined) return sub
      }
      if (uploadId || query.has('partNumber')) return null // half a part upload: not a shape BOS defines
      return copySource ? 'CopyObject' : 'PutObject'
    case 'GET': {
      if (uploadId) return 'ListParts'
      const sub = subresource(OBJECT_SUBRESOURCES, method, query)
      if (sub !== undefined) return sub
      return 'GetObject'
    }
    case 'HEAD':
      return 'HeadObject'
    case 'DELETE': {
      if (uploadId) return 'AbortMultipartUpload'
      const sub = subresource(OBJECT_SUBRESOURCES, method, query)
      if (sub !== undefined) return sub
      return 'DeleteObject'
    }
    case 'POST':
      if (query.has('append')) return 'AppendObject'
      if (query.has('uploads')) return 'InitiateMultipartUpload'
      if (uploadId) return 'CompleteMultipartUpload'
      if (query.has('restore')) return 'RestoreObject'
      if (query.has('fetch') || h.has('x-bce-fetch-source')) return 'FetchObject'
      if (query.has('select')) return 'SelectObject'
      // PostObject goes to the bucket root, but a form POST to a custom domain's path is still one.
      if (isMultipartForm(h) && x.bucket === null) return 'PostObject'
      return null
    default:
      return null
  }
}
