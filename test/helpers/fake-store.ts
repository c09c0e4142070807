// An in-memory PanelStore for panel tests and the visual shell, fed with records built by the real core
// (BosAnalyzer over HAR entries from ./har.ts), shaped like the DevTools page's CapturedRecord.
import { BosAnalyzer } from '../../src/core/analyze.ts'
import type { Content } from 'har-format'
import type { SessionTracker } from '../../src/core/sessions.ts'
import type { ListPrefs } from '../../src/devtools/list-prefs.ts'
import { dropBody, trimEntry, withContent } from '../../src/devtools/record.ts'
import {
  DEFAULT_CAPACITY,
  type CapturedBody,
  type CapturedRecord,
  type ImportResult,
  type ImportSession,
  type PanelStore,
  type StoreSnapshot,
  type UploadSessionView,
} from '../../src/devtools/store-types.ts'
import { uploadSessionView } from '../../src/devtools/upload-view.ts'
import { BOS_HEADERS, bosError, entry, type EntrySpec } from './har.ts'

export interface RecordOptions {
  /** Body state and cap, over what the capture side would say. */
  body?: Partial<CapturedBody>
  /** Response content fields over the entry's (text: undefined drops the body). */
  content?: Partial<Content>
  source?: CapturedRecord['source']
  customHosts?: readonly string[]
}

/** Runs the real analyzer over one HAR entry and trims it the way the capture side does (errors keep their body). */
export function makeRecord(spec: EntrySpec, id: number, opts: RecordOptions = {}): CapturedRecord {
  const raw = entry(spec)
  const analysis = new BosAnalyzer({ customHosts: opts.customHosts ?? [] }).analyze(raw, id)
  if (!analysis) throw new Error(`not a BOS entry: ${spec.url}`)
  let r = trimEntry(raw, id, opts.source ?? 'live', analysis)
  const isError = analysis.status >= 400 || analysis.status === 0
  if (!isError) r = dropBody(r)
  else if (r.body.state === 'pending') r = { ...r, body: { state: 'unavailable', capped: false } }
  if (!opts.body && !opts.content) return r
  const content = { ...r.entry.response.content, ...opts.content }
  if (content.text === undefined) delete content.text
  return withContent(r, content, { ...r.body, ...opts.body })
}

/** A copy of `r` under another id (cheap bulk data for windowing tests). */
export const cloneRecord = (r: CapturedRecord, id: number): CapturedRecord => ({ ...r, id, analysis: { ...r.analysis, index: id } })

export function snapshot(patch: Partial<StoreSnapshot> = {}): StoreSnapshot {
  return {
    records: [],
    dropped: 0,
    capacity: DEFAULT_CAPACITY,
    preserveLog: false,
    customHosts: [],
    capture: 'live',
    theme: 'light',
    browser: 'chrome',
    lastNavigation: null,
    ...patch,
  }
}

export class FakeStore implements PanelStore {
  private snap: StoreSnapshot
  private readonly listeners = new Set<() => void>()
  readonly calls = { clear: 0, reload: 0, preserveLog: [] as boolean[], customHosts: [] as string[][], listPrefs: [] as ListPrefs[] }
  /** Replace to make setCustomHosts fail or wait. */
  customHostsImpl: (patterns: readonly string[]) => Promise<void> = () => Promise.resolve()

  constructor(init: Partial<StoreSnapshot> = {}) {
    this.snap = snapshot(init)
  }

  getSnapshot(): StoreSnapshot {
    return this.snap
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  get listenerCount(): number {
    return this.listeners.size
  }

  update(patch: Partial<StoreSnapshot>): void {
    this.snap = { ...this.snap, ...patch }
    for (const l of [...this.listeners]) l()
  }

  add(...records: CapturedRecord[]): void {
    this.update({ records: [...this.snap.records, ...records] })
  }

  clear(): void {
    this.calls.clear++
    this.update({ records: [], dropped: 0 })
  }

  setPreserveLog(on: boolean): void {
    this.calls.preserveLog.push(on)
    this.update({ preserveLog: on })
  }

  setListPrefs(prefs: ListPrefs): void {
    this.calls.listPrefs.push(prefs)
    this.update({ listPrefs: prefs })
  }

  async setCustomHosts(patterns: readonly string[]): Promise<void> {
    this.calls.customHosts.push([...patterns])
    await this.customHostsImpl(patterns)
    this.update({ customHosts: [...patterns] })
  }

  reloadInspectedPage(): void {
    this.calls.reload++
  }

  /** HAR files given to importHar: [text, fileName]. Replace `importImpl` to answer otherwise. */
  readonly imports: Array<[string, string]> = []
  importImpl: (text: string, fileName: string) => Promise<ImportResult> = async () => ({ ok: true, entries: 0, added: 0, duplicates: 0, dropped: 0 })

  /** Set to take streamed imports (PanelStore.beginImport); absent, the panel sends the whole text to importHar. */
  beginImport?: (fileName: string) => ImportSession

  importHar(text: string, fileName: string): Promise<ImportResult> {
    this.imports.push([text, fileName])
    return this.importImpl(text, fileName)
  }

  /**
   * The entries the fake's session tracker saw, with their ids, when they are more than the records (a
   * test of rows dropped at the cap); the records otherwise.
   */
  sessionEntries: readonly { entry: unknown; id: number }[] | null = null
  private tracked: { of: readonly unknown[]; tracker: SessionTracker } | null = null

  /** Like the capture store: one analyzer tracks the sessions, linked to the rows listed. An arrow: App passes it unbound. */
  uploadSession = (uploadId: string): UploadSessionView => {
    const source = this.sessionEntries ?? this.snap.records
    if (this.tracked?.of !== source) {
      const analyzer = new BosAnalyzer()
      for (const r of source) analyzer.prescanEntry(r.entry, r.id)
      this.tracked = { of: source, tracker: analyzer.sessions }
    }
    const listed = new Set(this.snap.records.map((r) => r.id))
    return uploadSessionView(this.tracked.tracker, uploadId, (id) => listed.has(id))
  }
}

// ---------- a realistic session ----------

/** 64 hex digits that must never appear in the panel. */
export const SIGNATURE = 'f3a9c04e5b7d21e8a6c3b9f0d4e7a1c2b8d5e6f9a0c3b7d2e1f4a8c5b9d0e3f7'
export const SECURITY_TOKEN = 'ZjQxZGVmYWNlc2Vzc2lvbnRva2VuLXNlY3JldA=='
const BASE = Date.parse('2026-11-26T04:00:00.000Z')
const at = (s: number) => new Date(BASE + s * 1000)
const started = (s: number) => at(s).toISOString()
const httpDate = (s: number) => at(Math.floor(s)).toUTCString()
const signTs = (s: number) =>
  at(Math.floor(s))
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
const auth = (s: number, exp = 1800, headers = 'content-md5;content-type;host;x-bce-date') =>
  `bce-auth-v1/AKIDEXAMPLE0123456789/${signTs(s)}/${exp}/${headers}/${SIGNATURE}`
const bos = (s: number, extra: Record<string, string> = {}) => ({ ...BOS_HEADERS, Date: httpDate(s), ...extra })
const HOST = 'https://mybucket.bj.bcebos.com'
const ORIGIN = 'https://app.example.com'
/** What a bucket with a correct CORS rule answers to the page's requests. */
const CORS = {
  'Access-Control-Allow-Origin': ORIGIN,
  'Access-Control-Expose-Headers': 'ETag, Date, x-bce-request-id, x-bce-debug-id, Content-Length',
}

export const SCENARIOS = {
  putObject: {
    method: 'PUT',
    url: `${HOST}/photos/2026/cat.jpg`,
    started: started(1.204),
    time: 212,
    req: { Authorization: auth(1), 'x-bce-date': signTs(1), 'Content-MD5': 'XrY7u+Ae7tCTyyK7j1rNww==', 'Content-Type': 'image/jpeg', Origin: ORIGIN },
    res: bos(1, { ...CORS, ETag: '"5eb63bbbe01eeed093cb22bb8f5acdc3"', 'Content-Length': '0' }),
    body: '',
  },
  preflight: {
    method: 'OPTIONS',
    url: `${HOST}/photos/2026/dog.jpg`,
    started: started(2.01),
    time: 31,
    resourceType: 'preflight',
    req: { Origin: ORIGIN, 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'authorization,content-md5,content-type,x-bce-date' },
    res: bos(2, {
      'Access-Control-Allow-Origin': ORIGIN,
      'Access-Control-Allow-Methods': 'GET,PUT,POST,DELETE,HEAD',
      'Access-Control-Allow-Headers': 'authorization,content-md5,content-type,x-bce-date',
      'Access-Control-Max-Age': '1800',
    }),
    body: '',
  },
  md5Mismatch: {
    method: 'PUT',
    url: `${HOST}/photos/2026/dog.jpg`,
    started: started(2.052),
    time: 388,
    req: { Authorization: auth(2), 'x-bce-date': signTs(2), 'Content-MD5': 'XrY7u+Ae7tCTyyK7j1rNww==', 'Content-Type': 'image/jpeg' },
    res: bos(2, { ETag: '"125b8b749037921ccd03120fb0f90189"' }),
    body: '',
  },
  noSuchKey: {
    method: 'GET',
    url: `${HOST}/photos/2026/missing.png`,
    started: started(3.517),
    time: 46,
    req: { Authorization: auth(3, 1800, 'host;x-bce-date'), 'x-bce-date': signTs(3) },
    res: bos(3, { 'x-bce-request-id': '8c1f3b0e-2a9d-4e57-9b61-0c7d2f4a5e13', 'x-bce-debug-id': 'p2xPq1bVmLhC0tFz9rKx3w==' }),
    status: 404,
    body: bosError('NoSuchKey', 'The specified key does not exist.', '8c1f3b0e-2a9d-4e57-9b61-0c7d2f4a5e13'),
  },
  requestExpired: {
    method: 'PUT',
    url: `${HOST}/uploads/report-q3.pdf`,
    started: started(5.321),
    time: 80,
    // This computer's clock is 17 minutes behind: the server's Date is 17 minutes later than the request.
    req: {
      Authorization: auth(5, 600, 'content-length;content-type;host;x-bce-date'),
      'x-bce-date': signTs(5),
      'Content-Type': 'application/pdf',
      'Content-Length': '482113',
    },
    res: bos(5 + 17 * 60, { 'x-bce-request-id': 'b7e0c6d2-91f4-4a3b-8e25-6d0f1c9a7b34', 'x-bce-debug-id': 'Zq9W3n0dQ0m5fR2yTg7hAA==' }),
    status: 403,
    body: bosError('RequestExpired', `Request has expired. Timestamp date is ${signTs(5)}`, 'b7e0c6d2-91f4-4a3b-8e25-6d0f1c9a7b34'),
  },
  presignedDenied: {
    method: 'GET',
    url: `${HOST}/private/contract.pdf?authorization=${encodeURIComponent(auth(6, 300, 'host'))}&x-bce-security-token=${encodeURIComponent(SECURITY_TOKEN)}`,
    started: started(6.9),
    time: 57,
    req: { 'x-bce-security-token': SECURITY_TOKEN },
    res: bos(6, { 'x-bce-request-id': '2f6a9d41-7c3e-4b0a-a5d8-13e9c7f0b6a2', 'x-bce-debug-id': 'Mk4Rt7yQx1a0pLs9VbN2cg==' }),
    status: 403,
    body: bosError('AccessDenied', 'Access denied.', '2f6a9d41-7c3e-4b0a-a5d8-13e9c7f0b6a2'),
  },
  badGateway: {
    method: 'GET',
    url: `${HOST}/videos/intro.mp4`,
    started: started(8.75),
    time: 30012,
    res: { Server: 'nginx/1.24.0', Date: httpDate(38), 'Content-Type': 'text/html' },
    status: 502,
    mimeType: 'text/html',
    body: '<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx/1.24.0</center></body></html>',
  },
  listObjects: {
    method: 'GET',
    url: `${HOST}/?prefix=photos%2F2026%2F&maxKeys=100`,
    started: started(40.112),
    time: 64,
    req: { Authorization: auth(40, 1800, 'host;x-bce-date'), 'x-bce-date': signTs(40) },
    res: bos(40),
  },
  headObject: {
    method: 'HEAD',
    url: `${HOST}/photos/2026/cat.jpg`,
    started: started(41.03),
    time: 22,
    req: { Authorization: auth(41, 1800, 'host;x-bce-date'), 'x-bce-date': signTs(41) },
    res: bos(41, {
      ETag: '"5eb63bbbe01eeed093cb22bb8f5acdc3"',
      'Content-Length': '48213',
      'x-bce-storage-class': 'STANDARD_IA',
      'Content-MD5': 'XrY7u+Ae7tCTyyK7j1rNww==',
    }),
    body: null,
  },
  statusMismatch: {
    method: 'DELETE',
    url: `${HOST}/photos/2026/old.jpg`,
    started: started(42.5),
    time: 41,
    req: { Authorization: auth(42, 1800, 'host;x-bce-date'), 'x-bce-date': signTs(42) },
    res: bos(42, { 'x-bce-request-id': '5d2e8a17-0b4c-4f69-9e3a-71c6d0b8f2e4' }),
    status: 500,
    body: bosError('NoSuchKey', 'The specified key does not exist.', '5d2e8a17-0b4c-4f69-9e3a-71c6d0b8f2e4'),
  },
} satisfies Record<string, EntrySpec>

export type ScenarioName = keyof typeof SCENARIOS

/** The whole session in time order, ids 1…n. */
export function sessionRecords(): CapturedRecord[] {
  return (Object.keys(SCENARIOS) as ScenarioName[]).map((name, i) => makeRecord(SCENARIOS[name], i + 1))
}

export function scenario(name: ScenarioName, id = 1, opts?: RecordOptions): CapturedRecord {
  return makeRecord(SCENARIOS[name], id, opts)
}

/** n records cycling through the session (for windowing and filter-speed tests). */
export function manyRecords(n: number): CapturedRecord[] {
  const base = sessionRecords()
  return Array.from({ length: n }, (_, i) => cloneRecord(base[i % base.length]!, i + 1))
}

// ---- an S3 SDK (SigV4) session against the S3-compatible endpoint: the shell's ?s3=1 -----------------

const S3_HOST = 'https://mybucket.s3.bj.bcebos.com'
const amzDate = (s: number) => signTs(s).replace(/[-:]/g, '')
const sigv4 = (
  s: number,
  region = 'bj',
  headers = 'amz-sdk-invocation-id;amz-sdk-request;content-length;content-type;host;x-amz-content-sha256;x-amz-date;x-amz-user-agent',
) => `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE0123456789/${amzDate(s).slice(0, 8)}/${region}/s3/aws4_request, SignedHeaders=${headers}, Signature=${SIGNATURE}`
const s3Res = (s: number) => ({
  Server: 'BceBos',
  Date: httpDate(s),
  'Content-Type': 'application/xml',
  'x-amz-request-id': '6e0c2a4f-5b1d-4c8e-9f37-a2d41b7c9e05',
  'x-amz-id-2': 'Qm9zRGVidWdJZA==',
})
const s3Error = (code: string, message: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>6e0c2a4f-5b1d-4c8e-9f37-a2d41b7c9e05</RequestId></Error>`
const sdkHeaders = (s: number) => ({
  'amz-sdk-invocation-id': '3f1c9a2e-7b4d-4e6f-8a1b-2c3d4e5f6a7b',
  'amz-sdk-request': 'attempt=1; max=3',
  'Content-Type': 'image/png',
  'Content-Length': '48213',
  'x-amz-content-sha256': 'UNSIGNED-PAYLOAD',
  'x-amz-date': amzDate(s),
  'x-amz-user-agent': 'aws-sdk-js/3.1178.0 ua/2.1 os/other lang/js md/browser#unknown_unknown api/s3#3.1178.0 m/N,Z,b,U,E,e',
})

export const S3_SCENARIOS = {
  wrongRegion: {
    method: 'PUT',
    url: `${S3_HOST}/avatars/u42.png?x-id=PutObject`,
    started: started(10),
    time: 74,
    req: { ...sdkHeaders(10), Authorization: sigv4(10, 'us-east-1') },
    res: s3Res(10),
    status: 403,
    body: s3Error('SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided. Check your key and signing method.'),
    mimeType: 'application/xml',
  },
  checksums: {
    method: 'PUT',
    url: `${S3_HOST}/avatars/u43.png?x-id=PutObject`,
    started: started(12),
    time: 66,
    req: {
      ...sdkHeaders(12),
      'x-amz-checksum-crc32': 'NhCmhg==',
      'x-amz-sdk-checksum-algorithm': 'CRC32',
      Authorization: sigv4(
        12,
        'bj',
        'amz-sdk-invocation-id;amz-sdk-request;content-length;content-type;host;x-amz-checksum-crc32;x-amz-content-sha256;x-amz-date;x-amz-sdk-checksum-algorithm;x-amz-user-agent',
      ),
    },
    res: s3Res(12),
    status: 501,
    body: s3Error('NotImplemented', 'A header you provided implies functionality that is not implemented'),
    mimeType: 'application/xml',
  },
  presignedExpired: {
    method: 'GET',
    url: `${S3_HOST}/reports/q3.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE0123456789%2F${amzDate(14).slice(0, 8)}%2Fbj%2Fs3%2Faws4_request&X-Amz-Date=${amzDate(14 - 7200)}&X-Amz-Expires=900&X-Amz-SignedHeaders=host&X-Amz-Signature=${SIGNATURE}&x-id=GetObject`,
    started: started(14),
    time: 38,
    res: s3Res(14),
    status: 403,
    body: s3Error('AccessDenied', 'Request has expired'),
    mimeType: 'application/xml',
  },
} satisfies Record<string, EntrySpec>

export function s3Records(): CapturedRecord[] {
  return Object.values(S3_SCENARIOS).map((spec, i) => makeRecord(spec, i + 1))
}
