// The BOS-like test server's public types: its options, its handle, and what it records per request.

import type { SigV4Result } from './sigv4-verify.ts'

export type BucketAcl = 'private' | 'public-read' | 'public-read-write'

/** One BOS CORS rule, shaped like PutBucketCors' `corsConfiguration[]` items. */
export interface CorsRule {
  /** Origins; `*` is a wildcard anywhere in the pattern (`https://*.example.com`). */
  allowedOrigins: string[]
  allowedMethods: string[]
  /** Request headers a preflight may ask for; `*` wildcards, case-insensitive. */
  allowedHeaders: string[]
  allowedExposeHeaders?: string[]
  /** Sent as Access-Control-Max-Age on preflights when set. */
  maxAgeSeconds?: number
}

export type AuthError = 'InvalidHTTPAuthHeader' | 'InvalidAccessKeyId' | 'MissingDateHeader' | 'RequestExpired' | 'SignatureDoesNotMatch'

/** The outcome of checking one bce-auth-v1 string. */
export interface AuthResult {
  ok: boolean
  /** Set when ok is false. */
  error?: AuthError
  /** Where the authorization string was found. */
  source: 'header' | 'query'
  /** The raw authorization string. */
  raw: string
  accessKeyId?: string
  timestamp?: string
  expirationSeconds?: number
  /** The signed-headers field as sent (may be empty: the server default set applies). */
  signedHeadersField?: string
  /** The header names that went into the canonical request. */
  signedHeaders?: string[]
  signature?: string
  /** What the server computed (only when a signature was computed). */
  expectedSignature?: string
  canonicalRequest?: string
}

export interface SeenRequest {
  method: string
  /** Path and query exactly as received. */
  url: string
  host: string
  headers: Record<string, string>
  bucket: string | null
  key: string | null
  /** BOS API name: PutObject, GetObject, HeadObject, OptionsObject, … */
  operation: string
  preflight: boolean
  /** Null for anonymous requests, preflights and PostObject (whose auth is the form policy). */
  auth: AuthResult | null
  /** On the S3-compatible endpoint: the SigV4 check (null when the request was not signed). */
  sigv4?: SigV4Result | null
  status: number
  /** BOS error code sent, or null on success. */
  code: string | null
  requestId: string
  debugId: string
  requestBytes: number
}

export interface BosServerOptions {
  /** accessKeyId → secretAccessKey. Default `{ AKIDEXAMPLE: 'SKEXAMPLE' }`. */
  sk?: Record<string, string>
  /** path → body served on non-BOS hosts. Default: the SDK test page (`/page.html`, `/sdk.js`). */
  pages?: Record<string, string | (() => string)>
  /** Buckets that exist at start, all private. Default `['mybucket']`. */
  buckets?: string[]
  /**
   * Custom domains bound to a bucket (host name → bucket). Answered like a CDN in front of BOS that
   * strips the BOS headers (no Server: BceBos, no x-bce-*), so only a user host pattern recognises them.
   */
  customDomains?: Record<string, string>
}

export interface BosServer {
  port: number
  /** Every BOS request, in the order the responses were sent. */
  seen: SeenRequest[]
  /** The server's clock is real time plus this; it is what expiry is judged against and what `Date` says. */
  clockOffsetMs: number
  /** When true every successful PutObject answers with a wrong ETag (also for keys under `etag-mismatch/`). */
  etagMismatch: boolean
  /** Replace a bucket's CORS rules; `null` removes every rule (then no Access-Control-* headers are sent). */
  setCors(bucket: string, rules: CorsRule[] | null): void
  /** Create a bucket (default ACL private) if it does not exist. */
  addBucket(bucket: string, acl?: BucketAcl): void
  setAcl(bucket: string, acl: BucketAcl): void
  /** Stored object, for assertions. */
  getObject(bucket: string, key: string): { data: Buffer; etag: string; appendable: boolean } | undefined
  /** The server's current time in ms (real time + clockOffsetMs). */
  now(): number
  /** Requests for keys under `held/` (preflights aside) wait for this: a request still in flight when DevTools loads the extension. */
  release(): void
  /** How many requests wait for release(). */
  holding(): number
  close(): Promise<void>
}
