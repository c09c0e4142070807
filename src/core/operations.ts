// The BOS API operation a request performs, named as in the BOS API reference (the page titles of its
// Service-, Bucket-, Object- and Multipart-related interfaces). An unknown shape gives null: a guess is
// never presented as fact. The shapes are the ones the official SDKs send (bce-sdk-go services/bos/api,
// bce-sdk-python baidubce/services/bos/bos_client.py, bce-sdk-java BosClient.java, @baiducloud/sdk
// src/bos_client.js); test/core/operations-toc.test.ts cites the source of each one.
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

type Method = 'GET' | 'PUT' | 'POST' | 'DELETE' | 'HEAD'

/** A shape beyond the method: query parameters that must all be there, a header (any of these), a form body. */
interface Shape {
  query?: readonly string[]
  header?: readonly string[]
  form?: true
  /** null: a shape BOS does not define (a guess would be wrong). */
  name: OperationName | null
}

/** Per method: one name, or shapes tried in order (none matching gives null). A method left out is not an API. */
type ByMethod = Partial<Record<Method, OperationName | readonly Shape[]>>

const COPY_SOURCE = ['x-bce-copy-source', 'x-amz-copy-source'] // x-amz-: the same copy through the S3-compatible endpoint

// Sub-resources: when ?name is in the query it decides the API, whatever else is there.
const SERVICE_SUBRESOURCES: Record<string, ByMethod> = {
  userQuota: { GET: 'GetUserQuota', PUT: 'PutUserQuota', DELETE: 'DeleteUserQuota' },
}

const BUCKET_SUBRESOURCES: Record<string, ByMethod> = {
  acl: { GET: 'GetBucketAcl', PUT: 'PutBucketAcl' },
  cors: { GET: 'GetBucketCors', PUT: 'PutBucketCors', DELETE: 'DeleteBucketCors' },
  lifecycle: { GET: 'GetBucketLifecycle', PUT: 'PutBucketLifecycle', DELETE: 'DeleteBucketLifecycle' },
  logging: { GET: 'GetBucketLogging', PUT: 'PutBucketLogging', DELETE: 'DeleteBucketLogging' },
  location: { GET: 'GetBucketLocation' },
  // ?replication&list lists every rule; ?replication[&id=] is one rule
  replication: {
    GET: [{ query: ['list'], name: 'ListBucketReplication' }, { name: 'GetBucketReplication' }],
    PUT: 'PutBucketReplication',
    DELETE: 'DeleteBucketReplication',
  },
  replicationProgress: { GET: 'GetBucketReplicationProgress' },
  encryption: { GET: 'GetBucketEncryption', PUT: 'PutBucketEncryption', DELETE: 'DeleteBucketEncryption' },
  website: { GET: 'GetBucketStaticWebsite', PUT: 'PutBucketStaticWebsite', DELETE: 'DeleteBucketStaticWebsite' },
  storageClass: { GET: 'GetBucketStorageClass', PUT: 'PutBucketStorageclass' },
  versioning: { GET: 'GetBucketVersioning', PUT: 'PutBucketVersioning' },
  tagging: { GET: 'GetBucketTagging', PUT: 'PutBucketTagging', DELETE: 'DeleteBucketTagging' },
  trash: { GET: 'GetBucketTrash', PUT: 'PutBucketTrash', DELETE: 'DeleteBucketTrash' },
  copyrightProtection: { GET: 'GetCopyrightProtection', PUT: 'PutBucketCopyrightProtection', DELETE: 'DeleteCopyrightProtection' },
  notification: { GET: 'GetNotification', PUT: 'PutNotification', DELETE: 'DeleteNotification' },
  // what BOS pushes to the notification's URL, should that URL be a BOS host
  event: { POST: 'PostEvent' },
  result: { POST: 'PostResult' },
  mirroring: { GET: 'GetBucketMirroring', PUT: 'PutBucketMirroring', DELETE: 'DeleteBucketMirroring' },
  // compliance retention: lower-case parameters, and Init is a POST
  objectlock: { GET: 'GetBucketObjectLock', POST: 'InitBucketObjectLock', DELETE: 'DeleteBucketObjectLock' },
  extendobjectlock: { POST: 'ExtendBucketObjectLock' },
  completeobjectlock: { POST: 'CompleteBucketObjectLock' },
  requestPayment: { GET: 'GetBucketRequestPayment', PUT: 'PutBucketRequestPayment' },
  // ?inventory&id= is one rule; ?inventory alone lists them
  inventory: {
    GET: [{ query: ['id'], name: 'GetBucketInventory' }, { name: 'ListBucketInventory' }],
    PUT: 'PutBucketInventory',
    DELETE: 'DeleteBucketInventory',
  },
  quota: { GET: 'GetBucketQuota', PUT: 'PutBucketQuota', DELETE: 'DeleteBucketQuota' },
}

const OBJECT_SUBRESOURCES: Record<string, ByMethod> = {
  acl: { GET: 'GetObjectAcl', PUT: 'PutObjectAcl', DELETE: 'DeleteObjectAcl' },
  symlink: { GET: 'GetSymlink', PUT: 'PutSymlink' },
  tagging: { GET: 'GetObjectTagging', PUT: 'PutObjectTagging', DELETE: 'DeleteObjectTagging' },
}

// Without a sub-resource.
const BUCKET_SHAPES: ByMethod = {
  GET: [{ query: ['uploads'], name: 'ListMultipartUploads' }, { query: ['versions'], name: 'ListObjectVersions' }, { name: 'ListObjects' }],
  PUT: 'PutBucket',
  HEAD: 'HeadBucket',
  DELETE: 'DeleteBucket',
  POST: [
    { query: ['delete'], name: 'DeleteMultipleObjects' },
    { form: true, name: 'PostObject' },
  ],
}

const OBJECT_SHAPES: ByMethod = {
  PUT: [
    { query: ['uploadId', 'partNumber'], header: COPY_SOURCE, name: 'UploadPartCopy' },
    { query: ['uploadId', 'partNumber'], name: 'UploadPart' },
    { query: ['uploadId'], name: null }, // half a part upload
    { query: ['partNumber'], name: null },
    { query: ['rename'], name: 'RenameObject' },
    { header: ['x-bce-rename-key'], name: 'RenameObject' },
    { header: COPY_SOURCE, name: 'CopyObject' },
    { name: 'PutObject' },
  ],
  GET: [{ query: ['uploadId'], name: 'ListParts' }, { name: 'GetObject' }],
  HEAD: 'GetObjectMeta',
  DELETE: [{ query: ['uploadId'], name: 'AbortMultipartUpload' }, { name: 'DeleteObject' }],
  POST: [
    { query: ['append'], name: 'AppendObject' },
    { query: ['uploads'], name: 'InitiateMultipartUpload' },
    { query: ['uploadId'], name: 'CompleteMultipartUpload' },
    { query: ['restore'], name: 'RestoreObject' },
    { query: ['fetch'], name: 'FetchObject' },
    { header: ['x-bce-fetch-source'], name: 'FetchObject' },
    { query: ['select'], name: 'SelectObject' },
  ],
}

// The tables as the detector reads them: every shape with the same fields (one hidden class, a fast
// property read), and each sub-resource table as a map looked up by the query's own parameter names.
interface Rule {
  query: readonly string[] | null
  header: readonly string[] | null
  form: boolean
  name: OperationName | null
}
type Rules = Partial<Record<Method, OperationName | readonly Rule[]>>

function compile(m: ByMethod): Rules {
  const out: Rules = {}
  for (const [method, v] of Object.entries(m) as [Method, OperationName | readonly Shape[]][]) {
    out[method] = typeof v === 'string' ? v : v.map((s) => ({ query: s.query ?? null, header: s.header ?? null, form: s.form === true, name: s.name }))
  }
  return out
}
/** A sub-resource table: each name's rules and its place (the first in the table wins when several are sent). */
type SubTable = ReadonlyMap<string, { rank: number; rules: Rules }>
const compileTable = (t: Record<string, ByMethod>): SubTable => new Map(Object.entries(t).map(([k, v], rank) => [k, { rank, rules: compile(v) }]))

const SERVICE_SUB = compileTable(SERVICE_SUBRESOURCES)
const BUCKET_SUB = compileTable(BUCKET_SUBRESOURCES)
const OBJECT_SUB = compileTable(OBJECT_SUBRESOURCES)
const BUCKET_RULES = compile(BUCKET_SHAPES)
const OBJECT_RULES = compile(OBJECT_SHAPES)

function matches(r: Rule, query: URLSearchParams, h: HeaderMap): boolean {
  if (r.query !== null) {
    if (query.size === 0) return false
    for (const q of r.query) if (!query.has(q)) return false
  }
  if (r.header !== null && !hasAny(h, r.header)) return false
  return !r.form || isForm(h)
}

function hasAny(h: HeaderMap, names: readonly string[]): boolean {
  for (const n of names) if (h.has(n)) return true
  return false
}

function isForm(h: HeaderMap): boolean {
  return /^multipart\/form-data/i.test(h.get('content-type') ?? '')
}

function pick(entry: OperationName | readonly Rule[] | undefined, query: URLSearchParams, h: HeaderMap): OperationName | null {
  if (entry === undefined) return null
  if (typeof entry === 'string') return entry
  for (const r of entry) if (matches(r, query, h)) return r.name
  return null
}

/** The sub-resource's API (null for a method it does not have), or undefined when the query names none. */
function subresource(table: SubTable, method: string, query: URLSearchParams, h: HeaderMap): OperationName | null | undefined {
  if (query.size === 0) return undefined // most requests: nothing to look for (size is undefined in older browsers)
  let found: { rank: number; rules: Rules } | undefined
  for (const k of query.keys()) {
    const s = table.get(k)
    if (s && (!found || s.rank < found.rank)) found = s
  }
  return found && pick(found.rules[method as Method], query, h)
}

export function detectOperation(x: OperationInput): OperationName | null {
  const { method, query } = x
  const h = x.requestHeaders
  if (method === 'OPTIONS') return 'OPTIONSObject'

  if (x.bucket === null && !x.bucketInHost) {
    const sub = subresource(SERVICE_SUB, method, query, h)
    if (sub !== undefined) return sub
    return method === 'GET' && x.key === null ? 'ListBuckets' : null
  }

  const bucketLevel = x.key === null
  const sub = subresource(bucketLevel ? BUCKET_SUB : OBJECT_SUB, method, query, h)
  if (sub !== undefined) return sub
  const name = pick((bucketLevel ? BUCKET_RULES : OBJECT_RULES)[method as Method], query, h)
  // PostObject goes to the bucket root, but a form POST to a custom domain's path is still one.
  if (name === null && method === 'POST' && x.bucket === null && isForm(h)) return 'PostObject'
  return name
}
