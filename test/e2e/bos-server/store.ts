// What the server stores: buckets, their objects and their multipart uploads in progress.

import { createHash } from 'node:crypto'
import type { BucketAcl, CorsRule } from './types.ts'

export interface StoredObject {
  data: Buffer
  /** Lower-case hex, no quotes; multipart objects start with `-`. */
  etag: string
  /** base64 MD5 of data, or null for multipart objects (BOS returns none for them). */
  contentMd5: string | null
  contentType: string
  lastModified: number
  appendable: boolean
  meta: Record<string, string>
}

/** A multipart upload between InitiateMultipartUpload and Complete/Abort. */
export interface Upload {
  key: string
  initiated: number
  contentType: string
  parts: Map<number, { data: Buffer; etag: string; lastModified: number }>
}

export interface Bucket {
  name: string
  acl: BucketAcl
  cors: CorsRule[] | null
  objects: Map<string, StoredObject>
  /** uploadId → upload. */
  uploads: Map<string, Upload>
  created: number
}

export const md5 = (b: Buffer | string) => createHash('md5').update(b).digest()

/** Ends a multipart upload: its parts, in the Complete's order, become the object; the upload is gone. */
export function completeUpload(bucket: Bucket, uploadId: string, key: string, stored: { data: Buffer }[], etag: string, now: number): void {
  const upload = bucket.uploads.get(uploadId)!
  bucket.objects.set(key, {
    data: Buffer.concat(stored.map((s) => s.data)),
    etag,
    contentMd5: null,
    contentType: upload.contentType,
    lastModified: now,
    appendable: false,
    meta: {},
  })
  bucket.uploads.delete(uploadId)
}
