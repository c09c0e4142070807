// A local server that behaves like Baidu Object Storage (BOS) closely enough to drive the genuine
// @baiducloud/sdk from a real browser, and that serves the test pages on every other host.
//
// One Node `http` server on 127.0.0.1. Requests whose Host (minus port) ends in `.bcebos.com` are BOS
// (Chromium is started with `--host-resolver-rules=MAP *.bcebos.com 127.0.0.1`); everything else is
// answered from `pages`.
//
// Protocol facts: /work/shared/reference/bos-protocol.md (signing §1, errors §3, PostObject §6,
// multipart §7, CORS §9) and the BOS "Return a Response" page (codes, messages, statuses).
// Where BOS behaviour is not documented, the choice made here is marked "GUESS".
//
// This file is the wiring: the state, the BosServer handle, the HTTP server. The modules beside it:
//   types.ts       the public types                  errors.ts      error codes, statuses, messages, bodies
//   signature.ts   bce-auth-v1 verification          encoding.ts    URI encoding as signing uses it
//   auth.ts        signature or public ACL           cors.ts        CORS rules, preflights
//   request.ts     target bucket/key, operation      dispatch.ts    one BOS request, start to end
//   objects.ts     Put/Get/Head/Delete/AppendObject  multipart.ts   multipart uploads
//   buckets.ts     bucket and account operations     post-object.ts PostObject form and policy
//   form-data.ts   multipart/form-data parsing       body-checks.ts Content-Length, digests
//   store.ts       buckets, objects, uploads         pages.ts       the pages on other hosts
//   context.ts     what handlers get and return      wildcard.ts    `*` patterns
//   s3.ts          the S3-compatible endpoint (s3.{region}.bcebos.com, {bucket}.s3.{region}.bcebos.com)
//   sigv4-verify.ts AWS SigV4 checked with @smithy/signature-v4   s3-xml.ts   S3 XML bodies

import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { sdkPages } from '../sdk-page.ts'
import type { ServerState } from './context.ts'
import { defaultCorsRules } from './cors.ts'
import { handleBos } from './dispatch.ts'
import { handlePage } from './pages.ts'
import { handleS3, isS3Host } from './s3.ts'
import type { Bucket } from './store.ts'
import type { BosServer, BosServerOptions, BucketAcl, SeenRequest } from './types.ts'

export { DEFAULT_EXPOSE_HEADERS, defaultCorsRules } from './cors.ts'
export { uriEncode } from './encoding.ts'
export type { BosErrorCode } from './errors.ts'
export { type VerifyInput, verifyBceAuth } from './signature.ts'
export { S3_EXPOSE_HEADERS } from './s3.ts'
export type { SigV4Result } from './sigv4-verify.ts'
export type { AuthError, AuthResult, BosServer, BosServerOptions, BucketAcl, CorsRule, SeenRequest } from './types.ts'

export async function startBosServer(opts: BosServerOptions = {}): Promise<BosServer> {
  const sk = opts.sk ?? { AKIDEXAMPLE: 'SKEXAMPLE' }
  const pages = opts.pages ?? sdkPages()
  const buckets = new Map<string, Bucket>()
  const seen: SeenRequest[] = []
  const waiting: Array<() => void> = []

  const addBucket = (name: string, acl: BucketAcl = 'private') => {
    if (!buckets.has(name)) {
      buckets.set(name, { name, acl, cors: defaultCorsRules(), objects: new Map(), uploads: new Map(), created: Date.now() })
    }
  }
  for (const b of opts.buckets ?? ['mybucket']) addBucket(b)

  const api: BosServer = {
    port: 0,
    seen,
    clockOffsetMs: 0,
    etagMismatch: false,
    setCors(bucket, rules) {
      addBucket(bucket)
      buckets.get(bucket)!.cors = rules === null ? null : rules.map((r) => ({ ...r }))
    },
    addBucket,
    setAcl(bucket, acl) {
      addBucket(bucket, acl)
      buckets.get(bucket)!.acl = acl
    },
    getObject(bucket, key) {
      const o = buckets.get(bucket)?.objects.get(key)
      return o && { data: o.data, etag: o.etag, appendable: o.appendable }
    },
    now: () => Date.now() + api.clockOffsetMs,
    release() {
      for (const go of waiting.splice(0)) go()
    },
    holding: () => waiting.length,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
  const state: ServerState = {
    sk,
    buckets,
    addBucket,
    now: () => api.now(),
    etagMismatch: () => api.etagMismatch,
    waiting,
  }

  const server = createServer((req, res) => {
    const hostname = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase()
    const custom = opts.customDomains?.[hostname]
    const run = isS3Host(hostname)
      ? handleS3(state, seen, req, res, hostname)
      : hostname.endsWith('.bcebos.com') || custom
        ? handleBos(state, seen, req, res, hostname, custom)
        : Promise.resolve(handlePage(pages, req, res))
    run.catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' })
      res.end(String(e))
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  api.port = (server.address() as AddressInfo).port
  const close = api.close
  api.close = () => {
    api.release()
    server.closeAllConnections()
    return close()
  }
  return api
}
