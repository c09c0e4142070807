import { describe, expect, it } from 'vitest'
import { createCaptureStore, type CaptureStoreOptions } from '../../src/devtools/capture-store.ts'
import { BODY_CAP, DEFAULT_CAPACITY, type CapturedRecord, type UploadSessionView } from '../../src/devtools/store-types.ts'
import { FakeDevtools, NEVER } from '../helpers/fake-devtools.ts'
import { BOS_HEADERS, bosError, entry, har, type EntrySpec } from '../helpers/har.ts'
import { multipartSpecs, UPLOAD_ID } from '../helpers/upload-records.ts'

const BUCKET = 'https://mybucket.bj.bcebos.com'
const T0 = Date.UTC(2026, 10, 26, 4, 0, 0)
const at = (i: number) => new Date(T0 + i * 1000).toISOString()

/**
 * A BOS request as DevTools reports it: no inline body (that comes from getContent), its own request id.
 * Defaults to a 200 PUT with an empty body, which needs no getContent.
 */
function bos(i: number, spec: Partial<EntrySpec> = {}): Record<string, unknown> {
  return entry({
    method: 'PUT',
    url: `${BUCKET}/dir/file-${i}.txt`,
    started: at(i),
    res: { ...BOS_HEADERS, 'x-bce-request-id': `rid-${i}` },
    body: null,
    ...spec,
  })
}

const forbidden = (i: number) => bos(i, { method: 'GET', status: 403, bodySize: 120 })

/** A record's body as one object: its state beside the entry's content (null where HAR leaves a field out). */
const bodyView = (r: CapturedRecord) => {
  const { text, encoding, size, mimeType } = r.entry.response.content
  return { ...r.body, text: text ?? null, encoding: encoding ?? null, size: size >= 0 ? size : null, mimeType }
}

function setup(opts: CaptureStoreOptions = {}) {
  const fake = new FakeDevtools()
  const store = createCaptureStore(fake, opts)
  const urls = () => store.getSnapshot().records.map((r) => r.entry.request.url)
  const only = (): CapturedRecord => {
    const { records } = store.getSnapshot()
    expect(records).toHaveLength(1)
    return records[0]!
  }
  return { fake, store, urls, only }
}

const file = (i: number) => `${BUCKET}/dir/file-${i}.txt`

describe('capture: backfill, then live', () => {
  it('lists getHAR entries in HAR order, then live ones in arrival order', async () => {
    const { fake, store, urls } = setup()
    fake.harEntries = [fake.withContent(bos(1)), fake.withContent(bos(2))]
    expect(store.getSnapshot().capture).toBe('backfilling')
    await store.start()
    expect(store.getSnapshot().capture).toBe('live')
    fake.finish(bos(3))
    await store.idle()
    expect(urls()).toEqual([file(1), file(2), file(3)])
    expect(store.getSnapshot().records.map((r) => r.source)).toEqual(['backfill', 'backfill', 'live'])
    const ids = store.getSnapshot().records.map((r) => r.id)
    expect(ids).toEqual([...ids].sort((a, b) => a - b))
    expect(store.getSnapshot().records.map((r) => r.analysis.index)).toEqual(ids)
  })

  it('listens before the backfill resolves and queues what arrives meanwhile behind the HAR entries', async () => {
    const { fake, store, urls } = setup()
    fake.harEntries = [fake.withContent(bos(1))]
    const release = fake.holdHAR()
    const started = store.start()
    await Promise.resolve()
    fake.finish(bos(2))
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(store.getSnapshot().records).toEqual([])
    expect(store.getSnapshot().capture).toBe('backfilling')
    release()
    await started
    expect(urls()).toEqual([file(1), file(2)])
    expect(store.getSnapshot().records.map((r) => r.source)).toEqual(['backfill', 'live'])
  })

  it('keeps one record for a request that arrives both from getHAR and live', async () => {
    const { fake, store, urls } = setup()
    fake.harEntries = [fake.withContent(bos(1)), fake.withContent(bos(2))]
    const release = fake.holdHAR()
    const started = store.start()
    fake.finish(bos(2))
    fake.finish(bos(3))
    release()
    await started
    expect(urls()).toEqual([file(1), file(2), file(3)])
    expect(store.getSnapshot().records[1]!.source).toBe('backfill')
  })

  describe('a request the HAR held before it had an answer', () => {
    // What a HAR read while the request was in flight holds (Chrome leaves these out in the seam; others may not).
    const unansweredYet = (i: number) => ({
      ...forbidden(i),
      response: { status: 0, statusText: '', headers: [], content: { size: 0, mimeType: 'x-unknown' } },
    })

    it('is replaced in place by the finished request, keeping its id', async () => {
      const { fake, store, only } = setup()
      fake.harEntries = [fake.withContent(unansweredYet(1), NEVER)]
      await store.start()
      const before = only()
      expect(before.entry.response.status).toBe(0)
      fake.finish(forbidden(1), bosError('AccessDenied', 'Access denied.'))
      await store.idle()
      const after = only()
      expect(after).toMatchObject({ id: before.id, source: 'live', entry: { response: { status: 403 } } })
      expect(after.analysis).toMatchObject({ index: before.id, error: { code: 'AccessDenied' } })
      expect(after.body.state).toBe('loaded') // the placeholder's body read, which never answers, does not overwrite it
    })

    it('keeps its place in the list, and a later HAR read that has the answer replaces it too', async () => {
      const { fake, store, urls } = setup()
      fake.harEntries = [fake.withContent(bos(1)), fake.withContent(unansweredYet(2), null), fake.withContent(bos(3))]
      await store.start()
      fake.harEntries = [fake.withContent(bos(1)), fake.withContent(forbidden(2), bosError('AccessDenied', 'Access denied.')), fake.withContent(bos(3))]
      await store.setCustomHosts(['files.example.test']) // reads the HAR again
      await store.idle()
      expect(urls()).toEqual([file(1), file(2), file(3)])
      expect(store.getSnapshot().records.map((r) => r.entry.response.status)).toEqual([200, 403, 200])
      fake.finish(forbidden(2), bosError('AccessDenied', 'Access denied.')) // and the live event is then a duplicate
      await store.idle()
      expect(urls()).toEqual([file(1), file(2), file(3)])
    })

    it('stays one record when it never gets an answer (a failed request, read again from the HAR or finishing without one)', async () => {
      const { fake, store, only } = setup()
      fake.harEntries = [fake.withContent(unansweredYet(1), null)]
      await store.start()
      await store.setCustomHosts(['files.example.test'])
      fake.finish(unansweredYet(1), null)
      await store.idle()
      expect(only()).toMatchObject({ source: 'live', entry: { response: { status: 0 } } })
    })

    it('goes when its finished request is already listed (imported from a HAR of the same session)', async () => {
      const { fake, store, only } = setup()
      fake.harEntries = [fake.withContent(unansweredYet(1), null)]
      await store.start()
      const imported = {
        ...forbidden(1),
        response: {
          ...(forbidden(1).response as object),
          content: { size: 40, mimeType: 'application/json', text: bosError('AccessDenied', 'Access denied.') },
        },
      }
      expect(await store.importHar(JSON.stringify({ log: { version: '1.2', entries: [imported] } }), 'same.har')).toMatchObject({ ok: true, added: 1 })
      fake.finish(forbidden(1), bosError('AccessDenied', 'Access denied.'))
      await store.idle()
      expect(only()).toMatchObject({ source: 'import', entry: { response: { status: 403 } } })
    })

    it('is not doubled in an upload session once its part finishes', async () => {
      const { fake, store } = setup()
      const part = (status: number) =>
        bos(2, {
          url: `${BUCKET}/big.bin?partNumber=1&uploadId=u-1`,
          req: { 'Content-Length': '1000' },
          status,
          res: status ? { ...BOS_HEADERS, 'x-bce-request-id': 'rid-2', ETag: '"1"' } : {},
        })
      const initiate = bos(1, { method: 'POST', url: `${BUCKET}/big.bin?uploads`, bodySize: 60 })
      fake.harEntries = [fake.withContent(initiate, '{"bucket":"mybucket","key":"big.bin","uploadId":"u-1"}'), fake.withContent(part(0), null)]
      await store.start()
      fake.finish(part(200))
      await store.idle()
      const records = store.getSnapshot().records
      expect(records.map((r) => r.entry.response.status)).toEqual([200, 200])
      expect(store.getSnapshot().records[1]!.id).toBe(2)
    })
  })

  it('tells apart requests to the same URL at the same time by their x-bce-request-id', async () => {
    const { fake, store } = setup()
    await store.start()
    fake.finish(bos(1))
    fake.finish(bos(1, { res: { ...BOS_HEADERS, 'x-bce-request-id': 'another' } }))
    expect(store.getSnapshot().records).toHaveLength(2)
  })

  it('ignores non-BOS traffic without reading its body or publishing a snapshot', async () => {
    const { fake, store } = setup()
    await store.start()
    const before = store.getSnapshot()
    fake.finish(entry({ url: 'https://api.example.com/users', status: 500, body: null, bodySize: 80 }), '{"error":"boom"}')
    fake.finish(entry({ url: 'https://cdn.example.com/app.js', mimeType: 'application/javascript', body: null }))
    // every Baidu Cloud API sends x-bce-request-id; on *.baidubce.com it is not BOS
    fake.finish(entry({ url: 'https://sts.bj.baidubce.com/v1/sessionToken', status: 403, res: { 'x-bce-request-id': 'r' }, body: null, bodySize: 60 }))
    await store.idle()
    expect(store.getSnapshot()).toBe(before)
    expect(fake.contentRequests).toEqual([])
  })

  it('captures CORS preflights, marked as such', async () => {
    const { fake, store, only } = setup()
    await store.start()
    fake.finish(bos(1, { method: 'OPTIONS', resourceType: 'preflight', mimeType: 'text/plain' }))
    await store.idle()
    expect(only().analysis.preflight).toBe(true)
    expect(fake.contentRequests).toEqual([])
  })
})

describe('bodies', () => {
  it('reads the body of a 403 but not of a 200 image, a large JSON download or a HEAD', async () => {
    const { fake, store } = setup()
    await store.start()
    fake.finish(bos(1, { method: 'GET', url: `${BUCKET}/cat.jpg`, mimeType: 'image/jpeg', bodySize: 48_000 }))
    fake.finish(bos(2, { method: 'GET', url: `${BUCKET}/export.json`, bodySize: 5_000_000 }))
    fake.finish(bos(3, { method: 'HEAD', url: `${BUCKET}/missing.txt`, status: 404 }))
    fake.finish(forbidden(4), bosError('AccessDenied', 'Access denied.'))
    await store.idle()
    expect(fake.contentRequests).toEqual([file(4)])
    const states = store.getSnapshot().records.map((r) => r.body.state)
    expect(states).toEqual(['not-needed', 'not-needed', 'not-needed', 'loaded'])
  })

  it('reads small JSON and XML answers of successful calls (multipart Initiate/Complete, S3 XML)', async () => {
    const { fake, store } = setup()
    await store.start()
    fake.finish(bos(1, { method: 'POST', url: `${BUCKET}/big.bin?uploads`, bodySize: 110 }), '{"bucket":"mybucket","key":"big.bin","uploadId":"u-1"}')
    fake.finish(bos(2, { method: 'GET', url: `${BUCKET}/?list`, mimeType: 'application/xml', bodySize: -1 }), '<ListBucketResult/>')
    await store.idle()
    expect(fake.contentRequests).toEqual([`${BUCKET}/big.bin?uploads`, `${BUCKET}/?list`])
    const bodies = store.getSnapshot().records.map(bodyView)
    expect(bodies.map((b) => [b.state, b.size])).toEqual([
      ['loaded', 110],
      ['loaded', null],
    ])
    expect(bodies[0]!.text).toContain('"uploadId":"u-1"')
  })

  it('shows the body as pending, then re-analyses the error once the body is in', async () => {
    const { fake, store } = setup()
    await store.start()
    fake.finish(forbidden(1), bosError('SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.'))
    const pending = store.getSnapshot().records[0]!
    expect(pending.body.state).toBe('pending')
    expect(pending.analysis.error).toBeNull()
    expect(pending.analysis.findings.map((f) => f.id)).toContain('no-error-body')

    await store.idle()
    const loaded = store.getSnapshot().records[0]!
    expect(loaded).not.toBe(pending)
    expect(loaded.id).toBe(pending.id)
    expect(bodyView(loaded)).toMatchObject({ state: 'loaded', capped: false, encoding: null, mimeType: 'application/json; charset=utf-8', size: 120 })
    expect(loaded.analysis.error?.code).toBe('SignatureDoesNotMatch')
    expect(loaded.analysis.body.format).toBe('json')
    expect(loaded.analysis.findings.map((f) => f.id)).not.toContain('no-error-body')
  })

  it('decodes a base64 body, keeping it base64 in the record', async () => {
    const { fake, store, only } = setup()
    await store.start()
    const xml = '<?xml version="1.0"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>'
    fake.finish(bos(1, { method: 'GET', status: 404, mimeType: 'application/xml', bodySize: xml.length }), { text: btoa(xml), encoding: 'base64' })
    await store.idle()
    expect(bodyView(only())).toMatchObject({ state: 'loaded', encoding: 'base64', text: btoa(xml) })
    expect(only().analysis.error?.code).toBe('NoSuchKey')
  })

  it('marks the body unavailable when DevTools gives nothing or never answers, keeping the body-less analysis', async () => {
    const { fake, store } = setup()
    await store.start()
    fake.finish(forbidden(1), null)
    fake.finish(forbidden(2), NEVER)
    fake.finish(forbidden(3), '') // an empty answer for a response that had 120 bytes: evicted
    await store.idle()
    for (const r of store.getSnapshot().records) {
      expect(bodyView(r)).toMatchObject({ state: 'unavailable', text: null })
      expect(r.analysis.error).toBeNull()
      expect(r.analysis.findings.map((f) => f.id)).toContain('no-error-body')
    }
  })

  it('keeps an empty body of an empty response as loaded, not unavailable', async () => {
    const { fake, store, only } = setup()
    await store.start()
    fake.finish(bos(1, { method: 'GET', status: 403, bodySize: 0 }), '')
    await store.idle()
    expect(bodyView(only())).toMatchObject({ state: 'loaded', text: '' })
  })

  it('caps stored bodies and request bodies at BODY_CAP', async () => {
    const { fake, store, only } = setup()
    await store.start()
    const big = `<html><body>${'x'.repeat(BODY_CAP * 2)}</body></html>`
    const upload = 'y'.repeat(BODY_CAP + 10)
    fake.finish(bos(1, { status: 502, mimeType: 'text/html', bodySize: big.length, postData: { mimeType: 'text/plain', text: upload } }), big)
    await store.idle()
    expect(only().body.capped).toBe(true)
    expect(only().entry.response.content.text).toHaveLength(BODY_CAP)
    expect(only().entry.request.postData).toEqual({ mimeType: 'text/plain', text: upload.slice(0, BODY_CAP) })
  })

  it('drops a body that arrives after its record was cleared', async () => {
    const { fake, store } = setup()
    await store.start()
    fake.finish(forbidden(1), bosError('AccessDenied', 'Access denied.'))
    store.clear()
    await store.idle()
    expect(store.getSnapshot().records).toEqual([])
  })
})

describe('multipart sessions', () => {
  const part = (i: number, n: number) =>
    bos(i, {
      url: `${BUCKET}/big.bin?partNumber=${n}&uploadId=u-1`,
      req: { 'Content-Length': '1000' },
      res: { ...BOS_HEADERS, 'x-bce-request-id': `rid-${i}`, ETag: `"${n}"` },
    })

  it('re-analyses the parts once the Complete is in, so they carry what it revealed', async () => {
    const { fake, store } = setup()
    await store.start()
    fake.finish(bos(1, { method: 'POST', url: `${BUCKET}/big.bin?uploads`, bodySize: 60 }), '{"bucket":"mybucket","key":"big.bin","uploadId":"u-1"}')
    await store.idle()
    fake.finish(part(2, 1))
    fake.finish(part(3, 2))
    const complete = bos(4, {
      method: 'POST',
      url: `${BUCKET}/big.bin?uploadId=u-1`,
      status: 400,
      bodySize: 90,
      postData: { mimeType: 'application/json', text: '{"parts":[{"partNumber":1,"eTag":"1"},{"partNumber":2,"eTag":"2"}]}' },
    })
    fake.finish(complete, bosError('EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed object size.'))
    await store.idle()
    const [initiate, first] = store.getSnapshot().records
    expect(initiate!.analysis.uploadId).toBe('u-1')
    expect(first!.analysis.findings).toContainEqual(expect.objectContaining({ id: 'part-too-small', severity: 'error' }))
  })
})

describe('records are plain data', () => {
  it('keeps headers as {name, value} arrays and no DevTools object or function', async () => {
    const { fake, store, only } = setup()
    await store.start()
    fake.finish(bos(1, { req: { Authorization: 'bce-auth-v1/ak/2026-11-26T04:00:00Z/1800/host/sig', ':authority': 'mybucket.bj.bcebos.com' } }))
    const record = only()
    expect(record.entry.request.headers).toEqual([
      { name: 'Authorization', value: 'bce-auth-v1/ak/2026-11-26T04:00:00Z/1800/host/sig' },
      { name: ':authority', value: 'mybucket.bj.bcebos.com' },
    ])
    expect(record.entry.response.headers).toContainEqual({ name: 'x-bce-request-id', value: 'rid-1' })
    expect(JSON.parse(JSON.stringify(record))).toEqual(record)
    expect(record.entry).toMatchObject({ request: { method: 'PUT', httpVersion: 'HTTP/1.1' }, response: { status: 200 }, startedDateTime: at(1), time: 100 })
    expect(record.entry.request.postData).toBeUndefined()
  })
})

describe('capacity and clear', () => {
  it('drops the oldest records past capacity and counts them', async () => {
    const { fake, store, urls } = setup({ capacity: 3 })
    await store.start()
    for (let i = 1; i <= 5; i++) fake.finish(bos(i))
    expect(urls()).toEqual([file(3), file(4), file(5)])
    expect(store.getSnapshot()).toMatchObject({ dropped: 2, capacity: 3 })
  })

  it('uses DEFAULT_CAPACITY unless told otherwise', () => {
    expect(setup().store.getSnapshot().capacity).toBe(DEFAULT_CAPACITY)
  })

  it('clear empties the buffer and resets the dropped count; ids keep increasing', async () => {
    const { fake, store } = setup({ capacity: 2 })
    await store.start()
    for (let i = 1; i <= 3; i++) fake.finish(bos(i))
    const lastId = store.getSnapshot().records.at(-1)!.id
    store.clear()
    expect(store.getSnapshot()).toMatchObject({ records: [], dropped: 0 })
    fake.finish(bos(4))
    expect(store.getSnapshot().records[0]!.id).toBeGreaterThan(lastId)
  })

  it('a clear during the backfill also clears the backfilled entries', async () => {
    const { fake, store, urls } = setup()
    fake.harEntries = [fake.withContent(bos(1))]
    const release = fake.holdHAR()
    const started = store.start()
    store.clear()
    fake.finish(bos(2))
    release()
    await started
    expect(urls()).toEqual([file(2)])
  })
})

describe('navigation', () => {
  it('clears the records on navigation unless preserve log is on', async () => {
    const { fake, store, urls } = setup()
    await store.start()
    fake.finish(bos(1))
    fake.navigate('https://app.example.com/next')
    expect(store.getSnapshot()).toMatchObject({ records: [], lastNavigation: 'https://app.example.com/next' })

    store.setPreserveLog(true)
    fake.finish(bos(2))
    fake.navigate('https://app.example.com/again')
    expect(urls()).toEqual([file(2)])
    expect(store.getSnapshot().lastNavigation).toBe('https://app.example.com/again')
  })

  it("a navigation during the backfill drops the previous page's entries but keeps later ones", async () => {
    const { fake, store, urls } = setup()
    fake.harEntries = [fake.withContent(bos(1))]
    const release = fake.holdHAR()
    const started = store.start()
    fake.finish(bos(2))
    fake.navigate('https://app.example.com/')
    fake.finish(bos(3))
    release()
    await started
    expect(urls()).toEqual([file(3)])
  })
})

describe('settings', () => {
  it('persists preserve log and custom hosts, and a new store loads them', async () => {
    const first = setup()
    await first.store.start()
    first.store.setPreserveLog(true)
    await first.store.setCustomHosts([' Files.Example.com ', '*.cdn.example.com', 'files.example.com', ''])
    await first.store.idle()
    expect(Object.fromEntries(first.fake.storage)).toEqual({ preserveLog: true, customHosts: ['files.example.com', '*.cdn.example.com'] })

    const fake = new FakeDevtools()
    for (const [k, v] of first.fake.storage) fake.storage.set(k, v)
    const store = createCaptureStore(fake)
    await store.start()
    expect(store.getSnapshot()).toMatchObject({ preserveLog: true, customHosts: ['files.example.com', '*.cdn.example.com'] })
  })

  it('ignores malformed stored settings and keeps the valid patterns', async () => {
    const { fake, store } = setup()
    fake.storage.set('preserveLog', 'yes')
    fake.storage.set('customHosts', ['ok.example.com', 42, 'not a host', '*.com'])
    await store.start()
    expect(store.getSnapshot()).toMatchObject({ preserveLog: false, customHosts: ['ok.example.com'] })
  })

  it('does not let stored settings overwrite what the user set while they loaded', async () => {
    const { fake, store } = setup()
    fake.storage.set('preserveLog', false)
    const started = store.start()
    store.setPreserveLog(true)
    await started
    expect(store.getSnapshot().preserveLog).toBe(true)
  })

  it('saves a choice made while the stored settings load, even when it equals the default', async () => {
    const { fake, store } = setup()
    fake.storage.set('preserveLog', true)
    const started = store.start()
    store.setPreserveLog(false)
    await started
    await store.idle()
    expect(store.getSnapshot().preserveLog).toBe(false)
    expect(fake.storage.get('preserveLog')).toBe(false)
  })
})

describe('list prefs (columns, sort, Group by upload)', () => {
  const prefs = { hidden: ['method', 'code'], widths: { op: 240, object: 310 }, sort: { column: 'status', dir: 'desc' }, groupByUpload: true } as const

  it('starts with the defaults, persists a change, and a new store loads it', async () => {
    const first = setup()
    await first.store.start()
    expect(first.store.getSnapshot().listPrefs).toEqual({ hidden: ['duration'], widths: {}, sort: null, groupByUpload: false })
    first.store.setListPrefs({ ...prefs, hidden: [...prefs.hidden] })
    await first.store.idle()
    expect(first.store.getSnapshot().listPrefs).toEqual(prefs)
    expect(first.fake.storage.get('listPrefs')).toEqual(prefs)

    const fake = new FakeDevtools()
    fake.storage.set('listPrefs', first.fake.storage.get('listPrefs'))
    const store = createCaptureStore(fake)
    await store.start()
    expect(store.getSnapshot().listPrefs).toEqual(prefs)
  })

  it('keeps what is valid of a stored value another version wrote, and checks what the panel hands over', async () => {
    const { fake, store } = setup()
    fake.storage.set('listPrefs', {
      hidden: ['method', 'colour', 7],
      widths: { op: 5, object: 'wide', nope: 100, code: 99999 },
      sort: { column: 'x', dir: 'asc' },
      groupByUpload: 'yes',
    })
    await store.start()
    expect(store.getSnapshot().listPrefs).toEqual({ hidden: ['method'], widths: { op: 32, code: 2000 }, sort: null, groupByUpload: false })
    store.setListPrefs({ ...prefs, sort: { column: 'status', dir: 'sideways' } } as never)
    expect(store.getSnapshot().listPrefs?.sort).toBeNull()
  })

  it('ignores a stored value that is not an object, and never hides every column', async () => {
    const { fake, store } = setup()
    fake.storage.set('listPrefs', 'wide')
    await store.start()
    expect(store.getSnapshot().listPrefs?.hidden).toEqual(['duration'])
    store.setListPrefs({ ...prefs, hidden: ['time', 'method', 'op', 'object', 'status', 'code', 'size', 'duration', 'findings'] })
    expect(store.getSnapshot().listPrefs?.hidden).toEqual([])
  })

  it('does not let the stored value overwrite what the user set while it loaded', async () => {
    const { fake, store } = setup()
    fake.storage.set('listPrefs', { ...prefs, groupByUpload: false })
    const started = store.start()
    store.setListPrefs({ ...prefs, hidden: [] })
    await started
    expect(store.getSnapshot().listPrefs).toEqual({ ...prefs, hidden: [] })
  })
})

describe('custom hosts', () => {
  const cdn = (i: number, spec: Partial<EntrySpec> = {}) =>
    entry({ url: `https://files.example.com/img/${i}.png`, started: at(i), mimeType: 'image/png', body: null, bodySize: 900, ...spec })

  it('rejects patterns that are not host names, changing nothing', async () => {
    const { fake, store } = setup()
    await store.start()
    const before = store.getSnapshot()
    await expect(store.setCustomHosts(['files.example.com', 'not a host'])).rejects.toThrow('"not a host" is not a host name')
    await expect(store.setCustomHosts(['*.com'])).rejects.toThrow(/matches every host under \.com/)
    expect(store.getSnapshot()).toBe(before)
    expect(fake.storage.has('customHosts')).toBe(false)
  })

  it('accepts a pasted URL as its host', async () => {
    const { store } = setup()
    await store.start()
    await store.setCustomHosts(['https://Files.Example.com:8443/some/path'])
    expect(store.getSnapshot().customHosts).toEqual(['files.example.com'])
  })

  it('re-matches what DevTools holds when a custom host is added, and drops it again when removed', async () => {
    const { fake, store, urls } = setup()
    fake.harEntries = [fake.withContent(bos(1)), fake.withContent(cdn(2))]
    await store.start()
    fake.finish(cdn(3))
    expect(urls()).toEqual([file(1)])

    fake.harEntries.push(fake.withContent(cdn(3)))
    await store.setCustomHosts(['files.example.com'])
    expect(urls()).toEqual([file(1), 'https://files.example.com/img/2.png', 'https://files.example.com/img/3.png'])
    expect(store.getSnapshot().records[1]).toMatchObject({ source: 'backfill', analysis: { matchedBy: 'custom-host' } })

    await store.setCustomHosts([])
    expect(urls()).toEqual([file(1)])
  })

  it('during the backfill, leaves matching to the backfill itself (no second getHAR)', async () => {
    const { fake, store, urls } = setup()
    fake.harEntries = [fake.withContent(cdn(1))]
    const release = fake.holdHAR()
    const started = store.start()
    await store.setCustomHosts(['files.example.com'])
    expect(fake.getHARCalls).toBe(1)
    release()
    await started
    expect(urls()).toEqual(['https://files.example.com/img/1.png'])
  })

  it('does not bring back requests the user cleared', async () => {
    let now = T0 + 10_000
    const { fake, store, urls } = setup({ now: () => now })
    fake.harEntries = [fake.withContent(cdn(2))]
    await store.start()
    store.clear()
    now = T0 + 20_000
    fake.harEntries.push(fake.withContent(cdn(15)))
    await store.setCustomHosts(['*.example.com'])
    expect(urls()).toEqual(['https://files.example.com/img/15.png'])
  })

  it('re-analyses records in place, keeping their ids and bodies', async () => {
    const { fake, store } = setup()
    await store.start()
    fake.finish(forbidden(1), bosError('AccessDenied', 'Access denied.'))
    await store.idle()
    const before = store.getSnapshot().records[0]!
    await store.setCustomHosts(['files.example.com'])
    const after = store.getSnapshot().records[0]!
    expect(after.id).toBe(before.id)
    expect(bodyView(after)).toEqual(bodyView(before))
    expect(after.analysis.error?.code).toBe('AccessDenied')
  })
})

describe('theme, snapshots and notifications', () => {
  it('takes the theme from DevTools and follows its changes', async () => {
    const { fake, store } = setup()
    fake.setTheme('dark')
    expect(createCaptureStore(fake).getSnapshot().theme).toBe('dark')
    await store.start()
    expect(store.getSnapshot().theme).toBe('dark') // changed before start: read again
    const before = store.getSnapshot()
    fake.setTheme('light')
    expect(store.getSnapshot()).not.toBe(before)
    expect(store.getSnapshot().theme).toBe('light')
  })

  it('returns the same frozen snapshot until something changes', async () => {
    const { fake, store } = setup()
    await store.start()
    const a = store.getSnapshot()
    expect(store.getSnapshot()).toBe(a)
    expect(Object.isFrozen(a) && Object.isFrozen(a.records)).toBe(true)
    fake.finish(bos(1))
    const b = store.getSnapshot()
    expect(b).not.toBe(a)
    expect(a.records).toEqual([])
    expect(store.getSnapshot()).toBe(b)
    store.setPreserveLog(false) // no change
    expect(store.getSnapshot()).toBe(b)
  })

  it('notifies once per burst, after the current task', async () => {
    const { fake, store } = setup()
    await store.start()
    await store.idle()
    let calls = 0
    store.subscribe(() => calls++)
    for (let i = 1; i <= 10; i++) fake.finish(bos(i))
    expect(calls).toBe(0)
    await store.idle()
    expect(calls).toBe(1)
    expect(store.getSnapshot().records).toHaveLength(10)
  })

  it('keeps notifying the other listeners when one throws, and stops after unsubscribe', async () => {
    const { fake, store } = setup()
    await store.start()
    let calls = 0
    store.subscribe(() => {
      throw new Error('panel bug')
    })
    const off = store.subscribe(() => calls++)
    fake.finish(bos(1))
    await store.idle()
    off()
    fake.finish(bos(2))
    await store.idle()
    expect(calls).toBe(1)
  })

  it('reloads the inspected page on request', () => {
    const { fake, store } = setup()
    store.reloadInspectedPage()
    expect(fake.reloads).toBe(1)
  })

  it('dispose stops listening to DevTools', async () => {
    const { fake, store } = setup()
    await store.start()
    expect(fake.listenerCount()).toBe(3)
    store.dispose()
    expect(fake.listenerCount()).toBe(0)
  })

  it('start is idempotent and resolves even when getHAR fails', async () => {
    const { fake, store } = setup()
    fake.getHAR = () => Promise.reject(new Error('gone'))
    const a = store.start()
    expect(store.start()).toBe(a)
    await a
    expect(store.getSnapshot().capture).toBe('live')
    expect(fake.listenerCount()).toBe(3)
  })
})

describe('upload sessions', () => {
  const session = () => {
    const specs = multipartSpecs()
    return { specs, har: JSON.stringify(har(specs.map(entry))) }
  }
  const tracked = (v: UploadSessionView) => {
    expect(v.state).toBe('tracked')
    return (v as Extract<UploadSessionView, { state: 'tracked' }>).session
  }
  /** A live upload of `n` parts (each with its CORS preflight, as a browser sends them), its Initiate first. */
  const ID = 'f00dfeed-0000-4000-8000-00000000b10b'
  const U = `${BUCKET}/big/file.bin`
  const initiate = () => bos(0, { method: 'POST', url: `${U}?uploads`, body: JSON.stringify({ bucket: 'mybucket', key: 'big/file.bin', uploadId: ID }) })
  const part = (n: number) =>
    bos(n, {
      url: `${U}?partNumber=${n}&uploadId=${ID}`,
      req: { 'Content-Length': String(4 << 20) },
      res: { ...BOS_HEADERS, 'x-bce-request-id': `rid-p${n}`, ETag: `"${n.toString(16).padStart(32, '0')}"` },
    })
  const preflight = (n: number) =>
    bos(n, { method: 'OPTIONS', url: `${U}?partNumber=${n}&uploadId=${ID}`, res: { 'Access-Control-Allow-Origin': '*', 'x-bce-request-id': `rid-o${n}` } })
  const content = (e: Record<string, unknown>) => {
    const text = (e as { response: { content: { text?: string } } }).response.content.text
    return typeof text === 'string' ? text : ''
  }

  it("gives the analyzer's session of an upload id, the same object until something changes", async () => {
    const { fake, store } = setup()
    await store.start()
    for (const spec of session().specs) fake.finish(entry(spec), typeof spec.body === 'string' ? spec.body : '')
    await store.idle()
    const view = store.uploadSession(UPLOAD_ID)
    const s = tracked(view)
    const ids = store.getSnapshot().records.map((r) => r.id)
    expect(s).toMatchObject({ uploadId: UPLOAD_ID, outcome: 'failed', initiateIndex: ids[0], initiateRow: ids[0], rowsDropped: 0, notKept: 0 })
    expect(s.parts.map((p) => [p.partNumber, p.row === p.index])).toEqual([
      [1, true],
      [2, true],
    ])
    expect(store.uploadSession(UPLOAD_ID)).toBe(view)
    expect(store.uploadSession('no-such-upload')).toEqual({ state: 'unknown', uploadId: 'no-such-upload' })
    store.clear()
    expect(store.uploadSession(UPLOAD_ID)).toEqual({ state: 'unknown', uploadId: UPLOAD_ID })
  })

  it('knows the sessions of an imported file under the ids the records got', async () => {
    const { fake, store } = setup()
    await store.start()
    fake.finish(bos(1))
    await store.idle()
    const r = await store.importHar(session().har, 'upload.har')
    expect(r).toMatchObject({ ok: true, added: multipartSpecs().length })
    const ids = store.getSnapshot().records.map((x) => x.id)
    const s = tracked(store.uploadSession(UPLOAD_ID))
    expect(s.initiateIndex).toBe(ids[1])
    expect(s.entries).toEqual(ids.slice(1))
  })

  it('keeps the parts whose rows were dropped at the cap, each saying so', async () => {
    const { fake, store } = setup({ capacity: 2 })
    await store.start()
    for (const spec of session().specs) fake.finish(entry(spec), typeof spec.body === 'string' ? spec.body : '')
    await store.idle()
    const listed = new Set(store.getSnapshot().records.map((x) => x.id))
    const s = tracked(store.uploadSession(UPLOAD_ID))
    expect(s.parts.map((p) => p.partNumber)).toEqual([1, 2])
    for (const p of s.parts) expect(p.row).toBe(listed.has(p.index) ? p.index : null)
    expect(s.initiateIndex).not.toBeNull()
    expect(s.initiateRow).toBeNull()
    expect(s.rowsDropped).toBe(s.entries.filter((i) => !listed.has(i)).length)
    expect(s.rowsDropped).toBe(multipartSpecs().length - 2)
  })

  it('keeps a 10,000-part upload whole past the 5,000-row buffer', async () => {
    const { fake, store } = setup()
    await store.start()
    fake.finish(initiate(), content(initiate()))
    for (let n = 1; n <= 10_000; n++) {
      fake.finish(preflight(n))
      fake.finish(part(n))
    }
    await store.idle()
    const snap = store.getSnapshot()
    expect(snap.records).toHaveLength(DEFAULT_CAPACITY)
    expect(snap.dropped).toBe(20_001 - DEFAULT_CAPACITY)
    const s = tracked(store.uploadSession(ID))
    expect(s.parts).toHaveLength(10_000)
    expect(s.parts.map((p) => p.partNumber)).toEqual(Array.from({ length: 10_000 }, (_, i) => i + 1))
    expect(s.parts.every((p) => p.size === 4 << 20 && p.etag === p.partNumber.toString(16).padStart(32, '0'))).toBe(true)
    // The last 2,500 parts (with their preflights) are the 5,000 rows listed.
    expect(s.parts.filter((p) => p.row !== null).map((p) => p.partNumber)).toEqual(Array.from({ length: 2500 }, (_, i) => 7501 + i))
    expect(s.rowsDropped).toBe(snap.dropped)
    expect(s.entries).toHaveLength(20_001)
  })

  it('does not count an exchange seen twice (a re-read of the DevTools HAR) as a dropped row', async () => {
    const { fake, store } = setup()
    await store.start()
    fake.finish(initiate(), content(initiate()))
    fake.finish(part(1))
    fake.finish(part(1)) // the same exchange again: a duplicate, not listed
    await store.idle()
    expect(store.getSnapshot().records).toHaveLength(2)
    const s = tracked(store.uploadSession(ID))
    expect(s.rowsDropped).toBe(0)
    expect(s.entries).toEqual(store.getSnapshot().records.map((r) => r.id))
    expect(s.parts.map((p) => p.row)).toEqual([store.getSnapshot().records[1]!.id])
  })

  it('forgets the least recently active upload past its session memory, and says so', async () => {
    const { fake, store } = setup({ sessionEntries: 3 })
    await store.start()
    fake.finish(initiate(), content(initiate()))
    fake.finish(part(1))
    for (let k = 0; k < 3; k++) {
      const other = `other-${k}`
      fake.finish(bos(100 + k, { url: `${U}?partNumber=1&uploadId=${other}`, res: { ...BOS_HEADERS, 'x-bce-request-id': `rid-x${k}`, ETag: '"ab"' } }))
    }
    await store.idle()
    expect(store.uploadSession(ID)).toEqual({ state: 'forgotten', uploadId: ID })
    expect(tracked(store.uploadSession('other-2')).parts).toHaveLength(1)
  })
})
