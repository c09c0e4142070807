// The plain data the core returns. `EntryAnalysis` is what `bos-devtools analyze --json` prints for
// each BOS entry: fields may be added, never renamed or removed (README, "JSON contract").

import type { OperationName } from './operation-names.ts'
import type { ProcessInfo } from './process.ts'
import type { FindingMessage, Message } from '../i18n/report-message.ts'
import type { FindingId } from './finding-ids.ts'

export type { FindingId } from './finding-ids.ts'
export type { FindingMessage, Message, Text } from '../i18n/report-message.ts'

export type Severity = 'error' | 'warning' | 'info'

export interface Finding {
  /** Stable kebab-case id, documented in README. */
  id: FindingId
  severity: Severity
  /** English, rendered from `message.title`. */
  title: string
  /** English, rendered from `message.detail`. */
  detail: string
  /** The title and detail as catalog keys and parameters: what any other language renders (README, "Messages"). */
  message: FindingMessage
  /** Facts such as `skewSeconds`; plain JSON values only. */
  [fact: string]: unknown
}

export interface ErrorInfo {
  code: string
  /** The message the server sent (or the documented one when the body had none). */
  message: string
  /** The HTTP status the BOS documentation gives for this code, or null for unknown codes. */
  documentedStatus: number | null
  description: string
  advice: string
}

/** How a request was recognised as BOS traffic. */
export type MatchReason =
  | 'virtual-host' // {bucket}.{region}.bcebos.com
  | 'path-style' // {region}.bcebos.com/{bucket}/…, with or without /v1
  | 'service' // {region}.bcebos.com/ (ListBuckets and other account-level calls)
  | 's3' // s3.{region}.bcebos.com
  | 'cdn' // {bucket}.cdn.bcebos.com
  | 'custom-host' // a host pattern the user configured
  | 'response-headers' // any other host answering with BOS headers (CDN, custom domain)
  | 'signature' // no BOS response, but the request was signed with bce-auth-v1

export type BodyFormat = 'json' | 'xml' | 'html' | 'text' | 'binary' | 'empty' | 'unavailable' | 'head'

export interface BodyInfo {
  format: BodyFormat
  /** True when the body was cut short (truncated JSON, size larger than what the HAR kept). */
  truncated: boolean
  /** One sentence about the body for people, e.g. "HTML page from a proxy: 502 Bad Gateway". */
  note: string | null
  /** The note as a message, for other languages (null with the note). */
  noteMessage: Message | null
}

export interface ClockInfo {
  /** The server's clock: the response Date, ISO 8601. */
  serverDate: string
  /** Client minus server in whole seconds, measured against the interval the request was in flight. */
  skewSeconds: number
}

export interface AuthInfo {
  /** Where the signature was found: the Authorization header or a presigned URL's query. */
  source: 'header' | 'query'
  /** `bce-auth-v1`, or `AWS4-HMAC-SHA256` (SigV4, on the S3-compatible endpoint). */
  version: string
  accessKeyId: string
  /** Signing time as sent: ISO 8601 (bce-auth-v1), or x-amz-date / X-Amz-Date in the basic format (SigV4). */
  timestamp: string
  /**
   * Validity in seconds counted from `timestamp`; -1 means it never expires. SigV4: X-Amz-Expires of a
   * presigned URL; null in the header form, which carries none (the server's window applies).
   */
  expirationSeconds: number | null
  /** Lower-case names; empty means the server's default set. */
  signedHeaders: string[]
  /** True when STS temporary credentials are in use (x-bce-security-token, x-amz-security-token). */
  sts: boolean
  /** SigV4 only: the credential scope's region and service, and the scope itself ({date}/{region}/{service}/aws4_request). */
  region?: string
  service?: string
  scope?: string
  /** When the signature stops being valid (ISO 8601), or null when it never expires. */
  expiresAt: string | null
  /** Seconds of validity left when the request started, by the browser's clock (negative: already expired). */
  secondsLeftAtRequest: number | null
  /** Seconds of validity left when the server answered, by its Date (negative: already expired). */
  secondsLeftAtServer: number | null
}

/** What a PostObject form carried (the policy decoded; the signature is never included). */
export interface PostObjectInfo {
  fields: Record<string, string>
  file: { name: string | null; size: number | null; sizeIsUpperBound: boolean } | null
  policy: { expiration: string | null; conditions: unknown[] } | null
}

export interface EntryAnalysis {
  /** Position in log.entries (or in the capture order for live traffic). */
  index: number
  method: string
  url: string
  status: number
  preflight: boolean
  operation: OperationName | null
  bucket: string | null
  key: string | null
  region: string | null
  requestId: string | null
  debugId: string | null
  error: ErrorInfo | null
  findings: Finding[]
  // ---- additions beyond the first contract ----
  startedDateTime: string | null
  host: string
  matchedBy: MatchReason
  body: BodyInfo
  clock: ClockInfo | null
  auth: AuthInfo | null
  /** The multipart upload this entry belongs to (see the top-level `uploads`). */
  uploadId: string | null
  post: PostObjectInfo | null
  /** x-bce-process decoded (image processing, upload callback); present only when the request carried one. */
  process?: ProcessInfo
}

export interface AnalysisSummary {
  /** HAR entries read. */
  entries: number
  /** BOS entries among them. */
  bos: number
  /** BOS entries with status >= 400. */
  errors: number
}

/** A decoded signature, the signature itself included: internal to the core and the panel, never output. */
export interface DecodedAuth extends Omit<AuthInfo, 'expiresAt' | 'secondsLeftAtRequest' | 'secondsLeftAtServer'> {
  /** The 64-hex signature; never put it in anything copied or exported. */
  signature: string
  /** Signing time in ms since the epoch, or null when the timestamp does not parse. */
  signedAtMs: number | null
  /** SigV4: x-amz-content-sha256 as sent (a hex hash, UNSIGNED-PAYLOAD, a STREAMING-… mode), null when absent. */
  payloadHash?: string | null
}
