// The panel's streamed import (src/panel/har-stream-import.ts) into a store's import session: the file in
// chunks through the core's reader, only BOS entries sent, in batches; progress; Cancel and broken files
// leave the list as it was; the same records as the whole-text import and the CLI.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { analyzeHar } from '../../src/core/index.ts'
import { createCaptureStore, type CaptureStoreOptions } from '../../src/devtools/capture-store.ts'
import type { ImportResult, ImportSession } from '../../src/devtools/store-types.ts'
import { readError, streamImport, type ImportProgress, type StreamOptions } from '../../src/panel/har-stream-import.ts'
import { HarEntryTooLargeError } from '../../src/core/index.ts'
import { FakeDevtools } from '../helpers/fake-devtools.ts'
import { analysisFacts, BOS_HEADERS, entry, har } from '../helpers/har.ts'
import { english } from '../helpers/i18n.ts'
import { bigUploadSpecs, BIG_UPLOAD_ID, multipartSpecs, UPLOAD_ID } from '../helpers/multipart-records.ts'

const FIXTURE = readFileSync(new URL('../fixtures/chromium-session.devtools.har', import.meta.url), 'utf8')
const BUCKET = 'https://mybucket.bj.bcebos.com'
const at = (i: number) => new Date(Date.UTC(2026, 10, 26, 4, 0, i)).toISOString()
const put = (i: number) => entry({ method: 'PUT', url: `${BUCKET}/dir/file-${i}.txt`, started: at(i), res: { ...BOS_HEADERS, 'x-bce-request-id': `rid-${i}` } })
const noise = (i: number) =>
  entry({ url: `https://app.example.com/static/${i}.js`, started: at(i), mimeType: 'application/javascript', body: 'x'.repeat(5000) })
const text = (entries: unknown[]) => JSON.stringify(har(entries))

/** A file whose stream gives `content` in chunks of `size` bytes (File.stream() chunks as it likes). */
function file(content: string | Uint8Array, size = 1000, onRead?: (n: number) => void) {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content
  let n = 0
  return {
    size: bytes.length,
    stream: () =>
      new ReadableStream<Uint8Array>({
        pull(c) {
          if (n * size >= bytes.length) return c.close()
          onRead?.(n)
          c.enqueue(bytes.slice(n * size, ++n * size))
        },
      }),
  }
}

/** A session that records what it is given. */
function recorder() {
  const batches: unknown[][] = []
  const calls: string[] = []
  const session: ImportSession = {
    add(json) {
      batches.push(JSON.parse(json) as unknown[])
      calls.push('add')
      return batches.flat().length
    },
    commit(entries): ImportResult {
      calls.push(`commit ${entries}`)
      return { ok: true, entries, added: batches.flat().length, duplicates: 0, dropped: 0 }
    },
    cancel() {
      calls.push('cancel')
    },
  }
  return { session, batches, calls }
}

const options = (patch: Partial<StreamOptions> = {}): StreamOptions => ({
  customHosts: [],
  signal: new AbortController().signal,
  onProgress: () => {},
  pause: () => Promise.resolve(),
  ...patch,
})

async function setup(opts: CaptureStoreOptions = {}) {
  const fake = new FakeDevtools()
  const store = createCaptureStore(fake, opts)
  await store.start()
  return { fake, store, records: () => store.getSnapshot().records }
}

describe('streamImport', () => {
  it('sends only the BOS entries, in batches, and commits with the count of every entry', async () => {
    const { session, batches, calls } = recorder()
    const entries = [noise(0), put(1), put(2), noise(3), put(4), put(5), put(6)]
    const out = await streamImport(file(text(entries), 700), 'a.har', session, options({ batchEntries: 2 }))
    expect(out).toEqual({ kind: 'done', result: { ok: true, entries: 7, added: 5, duplicates: 0, dropped: 0 } })
    expect(batches.map((b) => b.map((e) => (e as { request: { url: string } }).request.url.slice(-10)))).toEqual([
      ['file-1.txt', 'file-2.txt'],
      ['file-4.txt', 'file-5.txt'],
      ['file-6.txt'],
    ])
    expect(calls.at(-1)).toBe('commit 7')
  })

  it.each([
    ['entries', { batchEntries: 3 }, 3],
    ['bytes', { batchEntries: 1000, batchBytes: 1 }, 1],
  ])('closes a batch on its number of %s, yielding after each', async (_by, patch, perBatch) => {
    const { session, batches } = recorder()
    let pauses = 0
    const out = await streamImport(file(text([1, 2, 3, 4, 5, 6].map(put))), 'a.har', session, options({ ...patch, sliceMs: 1e9, pause: async () => pauses++ }))
    expect(out.kind).toBe('done')
    expect(batches.map((b) => b.length)).toEqual(Array.from({ length: 6 / perBatch }, () => perBatch))
    expect(pauses).toBe(6 / perBatch)
  })

  it('reports progress: bytes of the total, entries read, BOS records found, ending at the whole file', async () => {
    const content = text([noise(0), put(1), noise(2), put(3)])
    const seen: ImportProgress[] = []
    const { session } = recorder()
    await streamImport(file(content, 500), 'a.har', session, options({ batchEntries: 1, sliceMs: 0, onProgress: (p) => seen.push(p) }))
    expect(seen.length).toBeGreaterThan(2)
    for (let k = 1; k < seen.length; k++) {
      expect(seen[k]!.read).toBeGreaterThanOrEqual(seen[k - 1]!.read)
      expect(seen[k]!.entries).toBeGreaterThanOrEqual(seen[k - 1]!.entries)
    }
    expect(seen.at(-1)).toEqual({ read: content.length, total: content.length, entries: 4, bos: 2 })
    expect(seen.some((p) => p.read > 0 && p.read < content.length)).toBe(true)
  })

  it('stops reading on Cancel and drops what was staged', async () => {
    const controller = new AbortController()
    const { session, calls } = recorder()
    let reads = 0
    const content = text(Array.from({ length: 40 }, (_, i) => put(i)))
    const out = await streamImport(
      file(content, 400, (n) => (reads = n + 1)),
      'a.har',
      session,
      options({ batchEntries: 2, signal: controller.signal, pause: async () => calls.includes('add') && controller.abort() }),
    )
    expect(out).toEqual({ kind: 'cancelled' })
    expect(calls.at(-1)).toBe('cancel')
    expect(calls.some((c) => c.startsWith('commit'))).toBe(false)
    expect(reads).toBeLessThan(Math.ceil(content.length / 400))
  })

  const trunc = text([put(1), put(2)])
  it.each([
    ['an HTML page', '<!doctype html><html><body>Sign in</body></html>', 'bad.har is a web page (HTML), not a HAR file.'],
    [
      'a binary file',
      new Uint8Array([0x1f, 0x8b, 0x08, 0, 0, 0]),
      'bad.har is not a HAR file: it is not valid JSON at byte 0 (unexpected byte 0x1f where a value was expected).',
    ],
    [
      'truncated JSON',
      trunc.slice(0, trunc.length - 40),
      `bad.har is not a HAR file: it is not valid JSON at byte ${trunc.length - 40} (unexpected end of input).`,
    ],
    [
      'JSON with a bad byte',
      '{"log": {"entries": [] x}}',
      'bad.har is not a HAR file: it is not valid JSON at byte 23 (unexpected character "x" where "," or "}" was expected).',
    ],
    ['JSON that is not a HAR', '{"hello": "world"}', 'bad.har is not a HAR file: there is no "log" object at the top level.'],
    ['a HAR without entries', '{"log": {"version": "1.2"}}', 'bad.har is not a HAR file: "log.entries" is missing or is not an array.'],
    ['empty', ' \n ', 'bad.har is empty: there is nothing to import.'],
  ])('says why %s is not a HAR, and stages nothing', async (_what, content, message) => {
    const { store } = await setup()
    const session = store.beginImport('bad.har')
    const out = await streamImport(file(content, 16), 'bad.har', session, options())
    expect(out.kind).toBe('error')
    expect(out.kind === 'error' && english(out.error)).toContain(message)
    // The session ended: a late commit lists nothing.
    expect(session.commit(2).ok).toBe(false)
    expect(store.getSnapshot().records).toEqual([])
  })

  it('says a file could not be read when its stream fails (moved or changed on disk)', async () => {
    const { session, calls } = recorder()
    let n = 0
    const broken = {
      size: 10_000,
      stream: () =>
        new ReadableStream<Uint8Array>({
          pull(c) {
            if (n++ === 0) c.enqueue(new TextEncoder().encode('{"log": {"entries": ['))
            else c.error(new DOMException('The requested file could not be read', 'NotReadableError'))
          },
        }),
    }
    const out = await streamImport(broken, 'gone.har', session, options())
    expect(out.kind === 'error' && english(out.error)).toBe('gone.har could not be read: The requested file could not be read')
    expect(calls).toEqual(['cancel'])
  })

  it("rejects on what is not the file's fault (a store that throws), after ending the session", async () => {
    const { session, calls } = recorder()
    session.add = () => {
      throw new Error('DevTools went away')
    }
    await expect(streamImport(file(text([put(1)])), 'a.har', session, options({ batchEntries: 1 }))).rejects.toThrow('DevTools went away')
    expect(calls).toEqual(['cancel'])
  })

  it('says which entry is too long to be read as one string (a big download saved with its body)', () => {
    const why = readError(new HarEntryTooLargeError(72, 3, 600 << 20), 'big.har')
    expect(why && english(why)).toBe(
      'big.har cannot be read: its log.entries[3] (at byte 72) is 600 MB, longer than the biggest string the browser can hold. Nothing from it was added.',
    )
  })

  it('hands a HAR with "log" twice back to be read whole', async () => {
    const { session, calls } = recorder()
    const out = await streamImport(file(`{"log": ${JSON.stringify(har([put(1)]).log)}, "log": {"entries": []}}`), 'a.har', session, options())
    expect(out).toEqual({ kind: 'ambiguous' })
    expect(calls.at(-1)).toBe('cancel')
  })
})

describe('beginImport (the store side of a streamed import)', () => {
  const stream = (store: { beginImport(name: string): ImportSession }, content: string, chunk = 997, batchEntries = 7) =>
    streamImport(file(content, chunk), 'a.har', store.beginImport('a.har'), options({ batchEntries }))

  it.each([
    [1, 1000],
    [3, 4096],
    [50, 1 << 16],
  ])('lists a real Chromium HAR as the CLI analyses it (multipart parts judged knowing their Complete), batches of %i', async (batch, chunk) => {
    const { store, records } = await setup()
    const out = await stream(store, FIXTURE, chunk, batch)
    const cli = analyzeHar(JSON.parse(FIXTURE))
    expect(out).toEqual({ kind: 'done', result: { ok: true, entries: cli.summary.entries, added: cli.summary.bos, duplicates: 0, dropped: 0 } })
    expect(records().map((x) => analysisFacts(x.analysis))).toEqual(cli.entries.map(analysisFacts))
    expect(records().every((x) => x.source === 'import' && x.body.state !== 'pending')).toBe(true)
  })

  it('lists nothing until the commit, then all at once after what is listed', async () => {
    const { fake, store, records } = await setup()
    fake.finish(put(0))
    await store.idle()
    const session = store.beginImport('a.har')
    expect(session.add(JSON.stringify([put(1), noise(2), put(3)]))).toBe(2)
    fake.finish(put(4)) // live capture goes on meanwhile
    await store.idle()
    expect(records()).toHaveLength(2)
    expect(session.commit(3)).toEqual({ ok: true, entries: 3, added: 2, duplicates: 0, dropped: 0 })
    expect(records().map((x) => [x.source, x.entry.request.url.slice(-10)])).toEqual([
      ['live', 'file-0.txt'],
      ['live', 'file-4.txt'],
      ['import', 'file-1.txt'],
      ['import', 'file-3.txt'],
    ])
  })

  it('a cancelled session changes nothing, and nothing it is given later counts', async () => {
    const { store } = await setup()
    const before = store.getSnapshot()
    const session = store.beginImport('a.har')
    session.add(JSON.stringify([put(1)]))
    session.cancel()
    expect(session.add(JSON.stringify([put(2)]))).toBe(0)
    expect(session.commit(2).ok).toBe(false)
    await store.idle()
    expect(store.getSnapshot()).toBe(before)
  })

  it('counts duplicates and keeps no more than the capacity while staging, counting the rest as dropped', async () => {
    const { store, records } = await setup({ capacity: 3 })
    await stream(store, text([put(1)]))
    const out = await stream(store, text([1, 2, 3, 4, 5, 6].map(put)))
    expect(out).toEqual({ kind: 'done', result: { ok: true, entries: 6, added: 6, duplicates: 0, dropped: 4 } })
    expect(records().map((x) => x.entry.request.url.slice(-10))).toEqual(['file-4.txt', 'file-5.txt', 'file-6.txt'])
    const again = await stream(store, text([5, 6, 7].map(put)))
    expect(again).toEqual({ kind: 'done', result: { ok: true, entries: 3, added: 1, duplicates: 2, dropped: 1 } })
  })

  it.each([
    ['a multipart upload', 2, () => multipartSpecs(), UPLOAD_ID],
    ['a 300-part upload', 50, () => bigUploadSpecs(300), BIG_UPLOAD_ID],
    ['a 300-part upload', 1000, () => bigUploadSpecs(300), BIG_UPLOAD_ID],
  ])('knows %s as the whole-text import does, the parts past the cap included (capacity %i)', async (_what, capacity, specs, uploadId) => {
    const content = text(specs().map(entry))
    const whole = await setup({ capacity })
    const streamed = await setup({ capacity })
    const r = await whole.store.importHar(content, 'a.har')
    const out = await stream(streamed.store, content, 4096, 16)
    expect(out).toEqual({ kind: 'done', result: r })
    expect(streamed.records().map((x) => [x.id, analysisFacts(x.analysis)])).toEqual(whole.records().map((x) => [x.id, analysisFacts(x.analysis)]))
    const view = streamed.store.uploadSession(uploadId)
    expect(view.state).toBe('tracked')
    expect(view).toEqual(whole.store.uploadSession(uploadId))
  })

  it('ignores a batch that is not a JSON array of entries', async () => {
    const { store } = await setup()
    const session = store.beginImport('a.har')
    expect(session.add('{"not": "an array"')).toBe(0)
    expect(session.add('{"not": "an array"}')).toBe(0)
    expect(session.add(JSON.stringify([null, 7, put(1)]))).toBe(1)
  })
})
