// What a request handler gets (the request, its target bucket/key, the server's state) and what it returns.

import type { IncomingMessage } from 'node:http'
import type { Bucket } from './store.ts'
import type { BucketAcl, SeenRequest } from './types.ts'

/** The bucket and key a BOS request addresses. */
export interface Target {
  bucket: string | null
  key: string | null
  region: string
  style: 'virtual-host' | 'path-style'
}

export interface Ctx {
  req: IncomingMessage
  method: string
  url: string
  query: URLSearchParams
  headers: Record<string, string>
  body: Buffer
  target: Target
  /** Response headers collected so far. */
  out: Record<string, string>
  seen: SeenRequest
}

export interface Reply {
  status: number
  headers?: Record<string, string>
  body?: Buffer | string
}

/** The server's state as the handlers see it. */
export interface ServerState {
  /** accessKeyId → secretAccessKey. */
  sk: Record<string, string>
  buckets: Map<string, Bucket>
  addBucket(name: string, acl?: BucketAcl): void
  /** The server's current time in ms (real time + clockOffsetMs). */
  now(): number
  /** BosServer.etagMismatch as it is now. */
  etagMismatch(): boolean
  /** Requests for keys under `held/`, waiting for BosServer.release(). */
  waiting: Array<() => void>
}

/** An operation on an existing bucket. */
export type Handler = (ctx: Ctx, bucket: Bucket, state: ServerState) => Reply

export const json = (status: number, obj: unknown, headers: Record<string, string> = {}): Reply => ({
  status,
  headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
  body: JSON.stringify(obj),
})
