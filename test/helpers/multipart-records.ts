// Records of multipart upload sessions, analysed by the real core as one capture: the session the Upload
// tab shows (part 1 too small, part 2's ETag wrong in the Complete list) and, for Group by upload, that
// session and a completed one with their preflights. No Node modules: the visual shell imports it.
import { BosAnalyzer } from '../../src/core/analyze.ts'
import type { HarHeader } from '../../src/core/har.ts'
import { trimEntry } from '../../src/devtools/record.ts'
import type { CapturedRecord } from '../../src/devtools/store-types.ts'
import { BOS_HEADERS, bosError, entry, type EntrySpec } from './har.ts'

interface Raw {
  startedDateTime: string
  time: number
  request: { method: string; url: string; httpVersion: string; headers: HarHeader[]; postData?: { mimeType: string; text?: string } }
  response: { status: number; statusText: string; httpVersion: string; headers: HarHeader[]; content: { size: number; mimeType: string; text?: string } }
}

/** Analyses the specs as one capture (ids 1…n) and wraps each BOS entry as the capture store does. */
export function captureRecords(specs: EntrySpec[], firstId = 1): CapturedRecord[] {
  const raws = specs.map((s) => entry(s) as unknown as Raw)
  const analyzer = new BosAnalyzer()
  raws.forEach((r, i) => analyzer.prescanEntry(r, firstId + i))
  return raws.map((raw, i) => {
    const id = firstId + i
    const analysis = analyzer.analyze(raw, id)
    if (!analysis) throw new Error(`not a BOS entry: ${raw.request.url}`)
    const r = trimEntry(raw, id, 'live', analysis)
    // The specs hold every body there is: one not inline was not kept.
    return r.body.state === 'pending' ? { ...r, body: { state: 'unavailable', capped: false } } : r
  })
}

// ---------- a multipart upload: part 1 too small, part 2's ETag wrong in the Complete list ----------

export const UPLOAD_ID = 'a7f3c9e1-2b4d-4f6a-8c0e-1d3b5f7a9c2e'
const U = 'https://mybucket.bj.bcebos.com/videos/clip.bin'
export const ETAG1 = '0cc175b9c0f1b6a831c399e269772661'
export const ETAG2 = '92eb5ffee6ae2fec3ad71c777531578f'
export const WRONG_ETAG2 = 'f875135777c17da3cef2ea6eeff5be29'

export function multipartSpecs(): EntrySpec[] {
  const t = (s: number) => new Date(Date.parse('2026-11-26T04:00:00Z') + s * 1000).toISOString()
  return [
    {
      method: 'POST',
      url: `${U}?uploads`,
      started: t(0),
      res: BOS_HEADERS,
      body: JSON.stringify({ bucket: 'mybucket', key: 'videos/clip.bin', uploadId: UPLOAD_ID }),
    },
    {
      method: 'PUT',
      url: `${U}?partNumber=1&uploadId=${UPLOAD_ID}`,
      started: t(1),
      req: { 'Content-Length': '1024' },
      res: { ...BOS_HEADERS, ETag: `"${ETAG1}"` },
      body: '',
    },
    {
      method: 'PUT',
      url: `${U}?partNumber=2&uploadId=${UPLOAD_ID}`,
      started: t(2),
      req: { 'Content-Length': '2048' },
      res: { ...BOS_HEADERS, ETag: `"${ETAG2}"` },
      body: '',
    },
    {
      method: 'POST',
      url: `${U}?uploadId=${UPLOAD_ID}`,
      started: t(3),
      status: 400,
      req: { 'Content-Type': 'application/json; charset=utf-8' },
      postData: {
        mimeType: 'application/json; charset=utf-8',
        text: JSON.stringify({
          parts: [
            { partNumber: 1, eTag: ETAG1 },
            { partNumber: 2, eTag: WRONG_ETAG2 },
          ],
        }),
      },
      res: BOS_HEADERS,
      body: bosError('InvalidPart', 'One or more of the specified parts could not be found.'),
    },
  ]
}

// ---------- Group by upload: two sessions with their preflights, among other requests ----------

export const UPLOAD_ID_2 = 'c41d8cd9-8f00-4b20-9e98-00998ecf8427'
const U2 = 'https://mybucket.bj.bcebos.com/backups/2026-11-26/db.tar.gz'
const ORIGIN = 'https://app.example.com'

/** The OPTIONS request the browser sends before `spec` (answered by a bucket with a CORS rule). */
const preflightOf = (spec: EntrySpec, ms = 5): EntrySpec => ({
  method: 'OPTIONS',
  url: spec.url,
  started: new Date(Date.parse(spec.started!) - ms).toISOString(),
  time: 4,
  resourceType: 'preflight',
  req: { Origin: ORIGIN, 'Access-Control-Request-Method': spec.method ?? 'GET', 'Access-Control-Request-Headers': 'authorization,content-type,x-bce-date' },
  res: {
    ...BOS_HEADERS,
    'Access-Control-Allow-Origin': ORIGIN,
    'Access-Control-Allow-Methods': 'GET,PUT,POST,DELETE',
    'Access-Control-Allow-Headers': 'authorization,content-type,x-bce-date',
    'Access-Control-Max-Age': '1800',
  },
  body: '',
})

/** A completed session of three 5 MB parts (the last smaller), started at second `s0`. */
export function completedUploadSpecs(s0 = 20): EntrySpec[] {
  const t = (s: number) => new Date(Date.parse('2026-11-26T04:00:00Z') + (s0 + s) * 1000).toISOString()
  const sizes = [5 * 1024 * 1024, 5 * 1024 * 1024, 1200 * 1024]
  const etags = ['9e107d9d372bb6826bd81d3542a419d6', 'e4d909c290d0fb1ca068ffaddf22cbd0', 'd41d8cd98f00b204e9800998ecf8427e']
  const initiate: EntrySpec = {
    method: 'POST',
    url: `${U2}?uploads`,
    started: t(0),
    time: 48,
    res: BOS_HEADERS,
    body: JSON.stringify({ bucket: 'mybucket', key: 'backups/2026-11-26/db.tar.gz', uploadId: UPLOAD_ID_2 }),
  }
  const parts: EntrySpec[] = sizes.map((size, i) => ({
    method: 'PUT',
    url: `${U2}?partNumber=${i + 1}&uploadId=${UPLOAD_ID_2}`,
    started: t(1 + i),
    time: 900 + i * 40,
    req: { 'Content-Length': String(size) },
    res: { ...BOS_HEADERS, ETag: `"${etags[i]}"` },
    body: '',
  }))
  const complete: EntrySpec = {
    method: 'POST',
    url: `${U2}?uploadId=${UPLOAD_ID_2}`,
    started: t(5),
    time: 120,
    req: { 'Content-Type': 'application/json; charset=utf-8' },
    postData: { mimeType: 'application/json; charset=utf-8', text: JSON.stringify({ parts: etags.map((eTag, i) => ({ partNumber: i + 1, eTag })) }) },
    res: BOS_HEADERS,
    body: JSON.stringify({ bucket: 'mybucket', key: 'backups/2026-11-26/db.tar.gz', eTag: '-3' }),
  }
  return [initiate, ...parts, complete].flatMap((s) => [preflightOf(s), s])
}

/** The failed session (multipartSpecs, InvalidPart) and a completed one, each request after its preflight. */
export function groupedUploadSpecs(): EntrySpec[] {
  const failed = multipartSpecs().map((s, i) => ({ ...s, time: 60 + i * 30 }))
  return [...failed.flatMap((s) => [preflightOf(s), s]), ...completedUploadSpecs()]
}

// ---------- a large upload: more parts than the row buffer holds rows ----------

export const BIG_UPLOAD_ID = 'b16b00b5-0000-4000-8000-000000010000'
const UB = 'https://mybucket.bj.bcebos.com/archives/disk-image.raw'
export const bigPartEtag = (n: number) => n.toString(16).padStart(32, '0')

/** The Initiate, then `parts` 4 MB parts (bce-bos-uploader's chunk size), each answered with its ETag. */
export function bigUploadSpecs(parts: number): EntrySpec[] {
  const t = (s: number) => new Date(Date.parse('2026-11-26T04:00:00Z') + s).toISOString() // within BOS_HEADERS' Date
  const specs: EntrySpec[] = [
    {
      method: 'POST',
      url: `${UB}?uploads`,
      started: t(0),
      res: BOS_HEADERS,
      body: JSON.stringify({ bucket: 'mybucket', key: 'archives/disk-image.raw', uploadId: BIG_UPLOAD_ID }),
    },
  ]
  for (let n = 1; n <= parts; n++) {
    specs.push({
      method: 'PUT',
      url: `${UB}?partNumber=${n}&uploadId=${BIG_UPLOAD_ID}`,
      started: t(n),
      req: { 'Content-Length': String(4 << 20) },
      res: { ...BOS_HEADERS, ETag: `"${bigPartEtag(n)}"` },
      body: '',
    })
  }
  return specs
}
