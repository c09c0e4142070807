// importHar: a HAR file analysed by the store with the same core as live capture, added as 'import'
// records; a file that cannot be imported changes nothing and says why in one sentence.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { analyzeHar } from '../../src/core/index.ts'
import { createCaptureStore, type CaptureStoreOptions } from '../../src/devtools/capture-store.ts'
import { parseHarText, tooBigMessage } from '../../src/devtools/har-import.ts'
import type { ImportResult } from '../../src/devtools/store-types.ts'
import { FakeDevtools } from '../helpers/fake-devtools.ts'
import { english } from '../helpers/i18n.ts'
import { analysisFacts, BOS_HEADERS, bosError, entry, har } from '../helpers/har.ts'

const FIXTURE = readFileSync(new URL('../fixtures/chromium-session.devtools.har', import.meta.url), 'utf8')
const BUCKET = 'https://mybucket.bj.bcebos.com'
const at = (i: number) => new Date(Date.UTC(2026, 10, 26, 4, 0, i)).toISOString()
const put = (i: number) => entry({ method: 'PUT', url: `${BUCKET}/dir/file-${i}.txt`, started: at(i), res: { ...BOS_HEADERS, 'x-bce-request-id': `rid-${i}` } })
const noise = (i: number) => entry({ url: `https://app.example.com/static/${i}.js`, started: at(i), mimeType: 'application/javascript', body: 'x' })
const text = (entries: unknown[]) => JSON.stringify(har(entries))

async function setup(opts: CaptureStoreOptions = {}) {
  const fake = new FakeDevtools()
  const store = createCaptureStore(fake, opts)
  await store.start()
  return { fake, store, records: () => store.getSnapshot().records }
}

const ok = (r: ImportResult) => {
  if (!r.ok) throw new Error(`import failed: ${english(r.error)}`)
  return r
}

const facts = analysisFacts

describe('importHar', () => {
  it('analyses a real Chromium HAR as the CLI does (multipart prescan included) and marks the records imported', async () => {
    const { store, records } = await setup()
    const r = ok(await store.importHar(FIXTURE, 'session.har'))
    const cli = analyzeHar(JSON.parse(FIXTURE))
    expect(r).toEqual({ ok: true, entries: cli.summary.entries, added: cli.summary.bos, duplicates: 0, dropped: 0 })
    expect(records().map((x) => facts(x.analysis))).toEqual(cli.entries.map(facts))
    expect(records().every((x) => x.source === 'import')).toBe(true)
    expect(records().some((x) => x.analysis.findings.some((f) => f.id === 'md5-mismatch'))).toBe(true)
    // No DevTools to ask: nothing is left waiting for a body.
    expect(records().every((x) => x.body.state !== 'pending')).toBe(true)
  })

  it('appends after what is listed, with increasing ids (analysis.index = id), and notifies once', async () => {
    const { fake, store, records } = await setup()
    fake.finish(put(1))
    await store.idle()
    let calls = 0
    store.subscribe(() => calls++)
    ok(await store.importHar(text([noise(2), put(3), put(4)]), 'a.har'))
    await store.idle()
    expect(records().map((x) => [x.source, x.entry.request.url])).toEqual([
      ['live', `${BUCKET}/dir/file-1.txt`],
      ['import', `${BUCKET}/dir/file-3.txt`],
      ['import', `${BUCKET}/dir/file-4.txt`],
    ])
    const ids = records().map((x) => x.id)
    expect(ids).toEqual([...ids].sort((a, b) => a - b))
    expect(records().map((x) => x.analysis.index)).toEqual(ids)
    expect(calls).toBe(1)
  })

  it('skips entries already in the list and says how many', async () => {
    const { store, records } = await setup()
    ok(await store.importHar(text([put(1), put(2)]), 'a.har'))
    expect(ok(await store.importHar(text([put(2), put(3)]), 'b.har'))).toMatchObject({ added: 1, duplicates: 1 })
    expect(records()).toHaveLength(3)
  })

  it('respects the capacity: the oldest go, and the result counts them', async () => {
    const { store, records } = await setup({ capacity: 3 })
    const r = ok(await store.importHar(text([1, 2, 3, 4, 5].map(put)), 'a.har'))
    expect(r).toMatchObject({ added: 5, dropped: 2 })
    expect(records().map((x) => x.entry.request.url.slice(-10))).toEqual(['file-3.txt', 'file-4.txt', 'file-5.txt'])
    expect(store.getSnapshot().dropped).toBe(2)
  })

  it('uses the custom hosts the store has', async () => {
    const { store, records } = await setup()
    const custom = entry({ url: 'https://files.example.com/a.png', started: at(1), status: 404, body: bosError('NoSuchKey', 'no') })
    expect(ok(await store.importHar(text([custom]), 'a.har')).added).toBe(0)
    await store.setCustomHosts(['files.example.com'])
    expect(ok(await store.importHar(text([custom]), 'a.har')).added).toBe(1)
    expect(records()[0]!.analysis.error?.code).toBe('NoSuchKey')
  })

  it('keeps error bodies, marks missing ones unavailable, and drops downloads it does not need', async () => {
    const { store, records } = await setup()
    const error = entry({ url: `${BUCKET}/a`, started: at(1), status: 404, res: BOS_HEADERS, body: bosError('NoSuchKey', 'gone') })
    const noBody = entry({ url: `${BUCKET}/b`, started: at(2), status: 403, res: BOS_HEADERS, body: null, bodySize: 120 })
    const download = entry({
      url: `${BUCKET}/c.png`,
      started: at(3),
      res: BOS_HEADERS,
      mimeType: 'image/png',
      body: 'iVBORw0KGgo='.repeat(1000),
      bodyEncoding: 'base64',
    })
    ok(await store.importHar(text([error, noBody, download]), 'a.har'))
    expect(records().map((x) => [x.body.state, x.entry.response.content.text !== undefined])).toEqual([
      ['loaded', true],
      ['unavailable', false],
      ['not-needed', false],
    ])
    // The analysis agrees with what the record keeps.
    expect(records().map((x) => x.analysis.error?.code ?? null)).toEqual(['NoSuchKey', null, null])
  })

  it('tolerates a byte-order mark (Charles, Fiddler) and odd entries', async () => {
    const { store, records } = await setup()
    const r = ok(await store.importHar('\uFEFF' + JSON.stringify(har([null, 7, 'x', { request: {} }, put(1)])), 'charles.har'))
    expect(r).toMatchObject({ entries: 5, added: 1 })
    expect(records()).toHaveLength(1)
  })

  it.each([
    ['not JSON', '{"log": {"entries": [', /^broken\.har is not a HAR file: it is not valid JSON \(/],
    ['empty', '  \n', /^broken\.har is empty/],
    ['JSON but not a HAR', '{"hello": "world"}', /^broken\.har is not a HAR file: there is no "log" object/],
    ['a HAR without entries', '{"log": {"version": "1.2"}}', /^broken\.har is not a HAR file: "log.entries" is missing/],
    [
      'too big',
      JSON.stringify(har([put(1)])) + ' '.repeat(2000),
      /^broken\.har is 0\.0 MB: the panel imports HAR files up to 0\.0 MB\. Analyse it on the command line instead: npx bos-devtools analyze "broken\.har"/,
    ],
  ])('refuses a file that is %s and leaves the list as it was', async (_what, content, message) => {
    const { fake, store } = await setup({ maxImportChars: 1000 })
    fake.finish(put(1))
    await store.idle()
    const before = store.getSnapshot()
    const r = await store.importHar(content, 'broken.har')
    expect(r.ok).toBe(false)
    expect(!r.ok && english(r.error)).toMatch(message)
    await store.idle()
    expect(store.getSnapshot()).toBe(before)
  })

  it('never rejects, even for arguments the panel should not send', async () => {
    const { store } = await setup()
    const r = await store.importHar(undefined as unknown as string, '')
    expect(r.ok).toBe(false)
  })

  it('lets the page breathe while it analyses a big file, and commits once at the end', async () => {
    const { store, records } = await setup({ capacity: 20_000 })
    const entries = Array.from({ length: 6000 }, (_, i) => put(i))
    let ticks = 0
    let seenMidway = -1
    const timer = setInterval(() => {
      ticks++
      if (seenMidway < 0) seenMidway = records().length
    }, 0)
    const r = ok(await store.importHar(text(entries), 'big.har'))
    clearInterval(timer)
    expect(r.added).toBe(6000)
    expect(records()).toHaveLength(6000)
    // Timers ran during the import (it yielded), and saw the list unchanged until the commit.
    expect(ticks).toBeGreaterThan(0)
    expect(seenMidway).toBe(0)
  })
})

describe('parseHarText', () => {
  it('gives the entries of a HAR', () => {
    expect(parseHarText(JSON.stringify(har([1, 2])), 'a.har')).toEqual({ entries: [1, 2] })
  })

  it('keeps JSON error details short', () => {
    const r = parseHarText('{' + '"a":1,'.repeat(100) + ']', 'x.har')
    expect('error' in r && english(r.error).length).toBeLessThan(260)
  })

  it('explains the size limit in MB', () => {
    expect(english(tooBigMessage('huge.har', 300 * 1024 * 1024))).toBe(
      'huge.har is 300 MB: the panel imports HAR files up to 200 MB. Analyse it on the command line instead: npx bos-devtools analyze "huge.har"',
    )
  })
})
