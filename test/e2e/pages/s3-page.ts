// Browser entry of the S3 test page (/s3.html): the genuine @aws-sdk/client-s3, @aws-sdk/s3-request-presigner
// and @aws-sdk/lib-storage, bundled for the browser by test/e2e/s3-page.ts, against the S3-compatible endpoint
// `http://s3.bj.bcebos.com:{port}` (virtual-host: `{bucket}.s3.bj.bcebos.com`), region `bj`, as an app would
// configure them for BOS. Every window.s3* function resolves to plain JSON and never rejects: S3Result below.

import {
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
  UploadPartCommand,
} from '@aws-sdk/client-s3'
import { Upload } from '@aws-sdk/lib-storage'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'

export const AK = 'AKIDEXAMPLE'
export const SK = 'SKEXAMPLE'

export interface ClientOptions {
  /** Secret key the page signs with (default the right one). */
  sk?: string
  /** Keep the SDK's default integrity checksums (WHEN_SUPPORTED); else WHEN_REQUIRED, what BOS needs. */
  defaultChecksums?: boolean
  /** Credential scope region (default bj). */
  region?: string
  maxAttempts?: number
}

/** What every s3* page function returns. */
export interface S3Result {
  ok: boolean
  /** The error's name (the S3 code), or null. */
  code: string | null
  message: string | null
  status: number | null
  /** x-amz-request-id as the SDK saw it (needs CORS exposure). */
  requestId: string | null
  attempts: number | null
  etag: string | null
  /** A client-side error (no S3 code): lib-storage's missing ETag, a CORS failure. */
  jsError: string | null
  /** The client's systemClockOffset after the call, ms. */
  clockOffsetMs: number | null
}

export interface S3MultipartResult extends S3Result {
  uploadId: string | null
  parts: S3Result[]
  /** The ETag strings the page listed in CompleteMultipartUpload. */
  listed: string[]
  complete: S3Result | null
}

export interface S3FetchResult {
  status: number
  url: string
  text: string | null
  jsError: string | null
}

function client(port: number, o: ClientOptions = {}): S3Client {
  const config: S3ClientConfig = {
    endpoint: `http://s3.bj.bcebos.com:${port}`,
    region: o.region ?? 'bj',
    forcePathStyle: false,
    credentials: { accessKeyId: AK, secretAccessKey: o.sk ?? SK },
    maxAttempts: o.maxAttempts ?? 1,
  }
  if (!o.defaultChecksums) {
    config.requestChecksumCalculation = 'WHEN_REQUIRED'
    config.responseChecksumValidation = 'WHEN_REQUIRED'
  }
  return new S3Client(config)
}

interface SdkError {
  name?: string
  message?: string
  $fault?: string
  $metadata?: { httpStatusCode?: number; requestId?: string; attempts?: number }
}

function result(c: S3Client | null, r: { ETag?: string; $metadata?: SdkError['$metadata'] } | null, e?: unknown): S3Result {
  const err = e as SdkError | undefined
  const meta = (err ? err.$metadata : r?.$metadata) ?? {}
  const isService = !!err?.$fault
  return {
    ok: !err,
    code: isService ? (err!.name ?? null) : null,
    message: err ? (err.message ?? String(e)) : null,
    status: meta.httpStatusCode ?? null,
    requestId: meta.requestId ?? null,
    attempts: meta.attempts ?? null,
    etag: r?.ETag ?? null,
    jsError: err && !isService ? String(e) : null,
    clockOffsetMs: c ? (c.config.systemClockOffset ?? 0) : null,
  }
}

async function run(c: S3Client, fn: () => Promise<{ ETag?: string; $metadata?: SdkError['$metadata'] }>): Promise<S3Result> {
  try {
    return result(c, await fn())
  } catch (e) {
    return result(c, null, e)
  }
}

const text = (size: number, seed: string) => new TextEncoder().encode(`${seed} `.repeat(Math.ceil(size / (seed.length + 1))).slice(0, size))

const api = {
  /** PutObject of `body` (a string: the SDK sends it as is). */
  s3Put(port: number, bucket: string, key: string, body: string, o: ClientOptions & { contentType?: string } = {}) {
    const c = client(port, o)
    return run(c, () => c.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: o.contentType ?? 'text/plain' })))
  },
  s3Get(port: number, bucket: string, key: string, o: ClientOptions = {}) {
    const c = client(port, o)
    return run(c, async () => {
      const r = await c.send(new GetObjectCommand({ Bucket: bucket, Key: key }))
      await r.Body?.transformToString()
      return r
    })
  },
  /**
   * A presigned GetObject URL, signed `signedAgoSeconds` ago for `expiresIn` seconds (the presigner's own
   * signingDate), then fetched as an <img> or a download would: plain GET, no headers.
   */
  async s3PresignedGet(port: number, bucket: string, key: string, expiresIn: number, signedAgoSeconds: number): Promise<S3FetchResult> {
    const url = await getSignedUrl(client(port), new GetObjectCommand({ Bucket: bucket, Key: key }), {
      expiresIn,
      signingDate: new Date(Date.now() - signedAgoSeconds * 1000),
    })
    try {
      const r = await fetch(url)
      return { status: r.status, url, text: await r.text(), jsError: null }
    } catch (e) {
      return { status: 0, url, text: null, jsError: String(e) }
    }
  },
  /** lib-storage's Upload of `size` bytes in parts of `partSize` (at least 5 MiB, lib-storage's minimum). */
  async s3Upload(port: number, bucket: string, key: string, size: number, partSize: number, o: ClientOptions = {}): Promise<S3Result> {
    const c = client(port, o)
    try {
      const up = new Upload({ client: c, params: { Bucket: bucket, Key: key, Body: text(size, 'upload') }, partSize, queueSize: 1 })
      return result(c, (await up.done()) as { ETag?: string })
    } catch (e) {
      return result(c, null, e)
    }
  },
  /**
   * Multipart the way hand-written page code often does it: Create, UploadPart × N, then Complete listing
   * each part's ETag as `${res.ETag}`, which is the string "undefined" when CORS hides the ETag header.
   */
  async s3Multipart(port: number, bucket: string, key: string, sizes: number[], o: ClientOptions = {}): Promise<S3MultipartResult> {
    const c = client(port, o)
    const parts: S3Result[] = []
    const listed: string[] = []
    let uploadId: string | null = null
    const create = await run(c, async () => {
      const r = await c.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key, ContentType: 'application/octet-stream' }))
      uploadId = r.UploadId ?? null
      return r
    })
    if (!uploadId) return { ...create, uploadId: null, parts, listed, complete: null }
    for (const [i, size] of sizes.entries()) {
      let etag: string | undefined
      parts.push(
        await run(c, async () => {
          const r = await c.send(new UploadPartCommand({ Bucket: bucket, Key: key, UploadId: uploadId!, PartNumber: i + 1, Body: text(size, `part${i + 1}`) }))
          etag = r.ETag
          return r
        }),
      )
      listed.push(`${etag}`)
    }
    const complete = await run(c, () =>
      c.send(
        new CompleteMultipartUploadCommand({
          Bucket: bucket,
          Key: key,
          UploadId: uploadId!,
          MultipartUpload: { Parts: listed.map((ETag, i) => ({ PartNumber: i + 1, ETag })) },
        }),
      ),
    )
    return { ...complete, uploadId, parts, listed, complete }
  },
}

export type S3PageApi = typeof api

Object.assign(window, api, { s3Ready: true })
