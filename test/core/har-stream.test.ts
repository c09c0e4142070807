// The streaming HAR reader (src/core/har-stream.ts) against JSON.parse: the same entries whatever the
// layout, the chunking and the damage; the skeleton's BOS verdict is the analysis's own; errors name the byte.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  BosAnalyzer,
  compileHostPatterns,
  entryText,
  HarAmbiguousError,
  HarEntryTooLargeError,
  HarSyntaxError,
  harEntries,
  NotAHarError,
  readHarEntries,
  readHarRecords,
} from '../../src/core/index.ts'
import type { HarEntryRecord, StringSkipper } from '../../src/core/index.ts'
import { simdStrings } from '../../src/cli/simd-strings.ts'
import { CUSTOM_HOSTS, damaged, harEntry, harOf, params, runs, sessionEntry, textDamage } from '../helpers/arbitraries.ts'

const enc = new TextEncoder()
const bytesOf = (s: string | Uint8Array) => (typeof s === 'string' ? enc.encode(s) : s)

/** The bytes cut into pieces of `size` (or of the sizes given in turn); each piece in memory of its own, at an odd offset. */
function chunked(input: string | Uint8Array, size: number | number[]): Uint8Array[] {
  const b = bytesOf(input)
  const out: Uint8Array[] = []
  for (let i = 0, k = 0; i < b.length; k++) {
    const n = Math.max(1, typeof size === 'number' ? size : size[k % size.length]!)
    const piece = new Uint8Array(n + 1)
    piece.set(b.subarray(i, i + n), 1)
    out.push(piece.subarray(1, 1 + Math.min(n, b.length - i)))
    i += n
  }
  return out
}

// The CLI's SIMD way through long strings: every read here is made both ways, and they must agree.
const SIMD = simdStrings()

async function recordsWith(input: string | Uint8Array, size: number | number[], strings?: StringSkipper): Promise<HarEntryRecord[] | Error> {
  const out: HarEntryRecord[] = []
  try {
    for await (const r of readHarRecords(chunked(input, size), { isCustomHost: compileHostPatterns(CUSTOM_HOSTS), ...(strings ? { strings } : {}) }))
      out.push(r)
  } catch (e) {
    return e as Error
  }
  return out
}

/** What a read found, to compare two reads: each record's extent, verdict and skeleton, or the error's class and message (with the byte offset). */
const found = (got: HarEntryRecord[] | Error) =>
  got instanceof Error ? { error: got.name, message: got.message } : got.map((r) => [r.index, r.start, r.end, r.bos, r.complete, r.skeleton])

async function records(input: string | Uint8Array, size: number | number[] = 1 << 20): Promise<HarEntryRecord[]> {
  const got = await recordsWith(input, size)
  expect(found(await recordsWith(input, size, SIMD!))).toEqual(found(got))
  if (got instanceof Error) throw got
  return got
}

/** What the reader makes of the input: the entries parsed in full, or the error. */
async function read(input: string | Uint8Array, size: number | number[] = 1 << 20): Promise<unknown[] | Error> {
  try {
    return (await records(input, size)).map((r) => r.full())
  } catch (e) {
    return e as Error
  }
}

/** What JSON.parse makes of it, the way the CLI did before the reader. */
function reference(input: string | Uint8Array): unknown[] | 'syntax' | 'empty' | string {
  let text = typeof input === 'string' ? input : Buffer.from(input).toString('utf8')
  if (text.trim() === '') return 'empty'
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  let har: unknown
  try {
    har = JSON.parse(text)
  } catch {
    return 'syntax'
  }
  const found = harEntries(har)
  return 'problem' in found ? found.problem : found.entries
}

async function agrees(input: string | Uint8Array, size: number | number[]): Promise<void> {
  const got = await read(input, size)
  const want = reference(input)
  if (want === 'syntax') expect(got).toBeInstanceOf(HarSyntaxError)
  else if (want === 'empty') expect(got).toEqual(new NotAHarError('empty, not a HAR file'))
  else if (typeof want === 'string') {
    // Duplicate keys make JSON.parse keep another log.entries than the one streamed: the reader says so.
    if (got instanceof HarAmbiguousError) return
    expect(got).toEqual(new NotAHarError(want))
  } else if (got instanceof HarAmbiguousError) {
    expect(typeof input === 'string' ? input : Buffer.from(input).toString()).toMatch(/"(log|entries)"[\s\S]*"\1"/)
  } else expect(got).toEqual(want)
}

const LAYOUTS: Record<string, (h: unknown) => string> = {
  compact: (h) => JSON.stringify(h),
  indented: (h) => JSON.stringify(h, null, 2),
  tabs: (h) => JSON.stringify(h, null, '\t'),
  crlf: (h) => JSON.stringify(h, null, 2).replace(/\n/g, '\r\n'),
  entriesLast: (h) => {
    const { entries, ...rest } = (h as { log: { entries: unknown[] } }).log
    return JSON.stringify({ other: [{ log: { entries: [1] } }], log: { ...rest, pages: [{ id: 'a', x: [{ y: '"]}' }] }], entries } })
  },
  bom: (h) => `\ufeff \n${JSON.stringify(h)}\n`,
  // One entry per line (the bench's generator, many tools): the separator ",\n{" ends each entry.
  lines: (h) => {
    const { entries, ...rest } = (h as { log: { entries: unknown[] } }).log
    const head = JSON.stringify({ log: { ...rest, entries: [] } }).slice(0, -3)
    return `${head}\n${entries.map((e) => JSON.stringify(e)).join(',\n')}\n]}}`
  },
  // Every object on a line of its own, nested ones too: the separator occurs inside entries.
  objectLines: (h) => JSON.stringify(h, null, 2).replace(/\n\s*\{/g, '\n{'),
}

// Long strings in every place a HAR has them, with escapes, quotes, backslashes and UTF-8 across them.
const longText = fc
  .tuple(fc.constantFrom('a', '\\', '"', '→', '😀', '\n', '\u0001', 'é', 'x'.repeat(40)), fc.integer({ min: 100, max: 700 }))
  .map(([unit, n]) => unit.repeat(Math.ceil(n / unit.length)))
const withLongStrings = fc
  .tuple(fc.oneof(harEntry, sessionEntry), longText, fc.constantFrom('content', 'postData', 'url', 'header', 'top', 'comment'))
  .map(([e, text, where]) => {
    const entry = JSON.parse(JSON.stringify(e ?? null)) as Record<string, Record<string, unknown>> | null
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return text
    const req = (entry.request !== null && typeof entry.request === 'object' ? entry.request : (entry.request = {})) as Record<string, unknown>
    const res = (entry.response !== null && typeof entry.response === 'object' ? entry.response : (entry.response = {})) as Record<string, unknown>
    if (where === 'content') res.content = { ...(res.content as object), text }
    else if (where === 'postData') req.postData = { mimeType: 'text/plain', text }
    else if (where === 'url' && typeof req.url === 'string') req.url = `${req.url}?q=${encodeURIComponent(text)}`
    else if (where === 'header')
      res.headers = [...(Array.isArray(res.headers) ? res.headers : []), { name: 'x-long', value: text }, { name: 'server', value: `BceBos${text}` }]
    else if (where === 'top') entry._initiator = { stack: [text, { text }] }
    else entry.comment = text as never
    return entry
  })

// The time a property over megabyte inputs in chunks of a few bytes may take on a slow machine (it is no
// measure of speed: the bench is).
const HEAVY = 120_000

const chunking = fc.oneof(fc.constantFrom(1, 2, 3, 7, 4096), fc.array(fc.integer({ min: 1, max: 600 }), { minLength: 1, maxLength: 6 }))

describe('entryText', () => {
  it('decodes an entry, and names the entry when its text is longer than a string can be', () => {
    expect(entryText(new TextDecoder(), enc.encode('{"a":"é"}'), 10, 0)).toBe('{"a":"é"}')
    // What V8 and Node throw past the biggest string (0x1fffffe8 characters), without 512 MB of input.
    const full = {
      decode: () => {
        throw Object.assign(new Error('Cannot create a string longer than 0x1fffffe8 characters'), { code: 'ERR_STRING_TOO_LONG' })
      },
    } as unknown as TextDecoder
    const e = (() => {
      try {
        entryText(full, new Uint8Array(5), 72, 3)
      } catch (x) {
        return x
      }
    })()
    expect(e).toBeInstanceOf(HarEntryTooLargeError)
    expect(e).toMatchObject({ offset: 72, index: 3, size: 5 })
    // Decoding the skeleton can fail too: the size given is the entry's in the input, not the skeleton's.
    const s = (() => {
      try {
        entryText(full, new Uint8Array(5), 72, 3, 600 * 2 ** 20 + 400_000)
      } catch (x) {
        return x as HarEntryTooLargeError
      }
    })()
    expect(s).toMatchObject({ size: 600 * 2 ** 20 + 400_000, megabytes: 600 })
  })
})

describe('readHarRecords', () => {
  it('reads log.entries wherever it sits, like JSON.parse, in any chunking', async () => {
    const har = {
      zero: '}]',
      log: {
        version: '1.2',
        creator: { name: 'x"{[\\', version: '1' },
        pages: [{ id: ']}' }],
        entries: [{ a: '\\"}' }, { b: [1, { c: '\\\\' }] }, 3, null, 'text', [{ d: 1 }], { e: 'é→😀'.repeat(200) }],
        comment: '}',
      },
    }
    for (const layout of Object.values(LAYOUTS)) {
      for (const size of [1, 2, 3, 5, 7, 64, 4096]) expect(await read(layout(har), size)).toEqual(har.log.entries)
    }
    expect(await read('{"log":{"entries":[]}}', 1)).toEqual([])
    expect(await read('{"log":{"entries":[{"x":1}],"version":"1.2"}}', 3)).toEqual([{ x: 1 }])
  })

  it('counts every entry and gives each its exact bytes', async () => {
    const text = '{"log":{"entries":[ {"a":1} ,\n"s", 12.5e3 ,[true] ,null]}}'
    const rs = await records(text, 3)
    expect(rs.map((r) => r.index)).toEqual([0, 1, 2, 3, 4])
    expect(rs.map((r) => text.slice(r.start, r.end))).toEqual(['{"a":1}', '"s"', '12.5e3', '[true]', 'null'])
    expect(rs.map((r) => new TextDecoder().decode(r.bytes()))).toEqual(['{"a":1}', '"s"', '12.5e3', '[true]', 'null'])
    expect(rs.every((r) => !r.bos)).toBe(true)
  })

  it('leaves the bodies of entries that are not BOS out, undecoded, and says which', async () => {
    const body = 'A'.repeat(100_000)
    const page = {
      request: { url: 'https://example.com/app.js', headers: [{ name: 'accept', value: '*/*' }] },
      response: { headers: [{ name: 'server', value: 'nginx' }], content: { text: body } },
    }
    const bos = { request: { url: 'https://b.bj.bcebos.com/k', headers: [] }, response: { headers: [], content: { text: body } } }
    const signed = {
      request: {
        url: 'https://proxy.example.com/k',
        headers: [{ name: 'Authorization', value: `bce-auth-v1/AK/2026-01-01T00:00:00Z/1800//${'0'.repeat(64)}` }],
      },
      response: { status: 403, headers: [], content: { text: body } },
    }
    const rs = await records(JSON.stringify(harOf([page, bos, signed])), 4096)
    expect(rs.map((r) => r.bos)).toEqual([false, true, true])
    expect(rs.map((r) => r.complete)).toEqual([false, false, false])
    expect((rs[0]!.skeleton as typeof page).response.content.text).toBe('')
    expect((rs[0]!.skeleton as typeof page).request).toEqual(page.request)
    expect(rs[1]!.full()).toEqual(bos)
    expect(rs[2]!.full()).toEqual(signed)
    // readHarEntries: BOS entries whole, the others as their skeleton.
    const entries: unknown[] = []
    for await (const e of readHarEntries([enc.encode(JSON.stringify(harOf([page, bos])))])) entries.push(e)
    expect(entries).toEqual([{ ...page, response: { ...page.response, content: { text: '' } } }, bos])
  })

  it(
    'is JSON.parse for any entries, long strings, layout, chunking and damage',
    async () => {
      const damage = textDamage(['none', 'none', 'cut', 'insert', 'delete', 'replace'], '{}[]",:\\ tn0/\nu\u0001é')
      const list = fc.array(fc.oneof(harEntry, sessionEntry, withLongStrings, withLongStrings), { maxLength: 6 })
      await fc.assert(
        fc.asyncProperty(list, fc.constantFrom(...Object.values(LAYOUTS)), damage, chunking, async (entries, layout, d, size) => {
          const good = layout(harOf(entries))
          await agrees(damaged(good, d), size)
        }),
        params(runs(0.25)),
      )
    },
    HEAVY,
  )

  it(
    'makes the same record of an entry read in one piece (the fast path) as byte by byte',
    async () => {
      // One chunk: an entry that lies whole in it takes the fast path; chunks of 7 bytes nearly never do.
      // An entry found by its separator is parsed whole, so its skeleton may be the entry itself.
      const view = ({ skeleton, complete, ...r }: HarEntryRecord) => ({ ...r, full: r.full(), bytes: Buffer.from(r.bytes()).toString('latin1') })
      const list = fc.array(fc.oneof(harEntry, sessionEntry, withLongStrings), { minLength: 1, maxLength: 4 })
      await fc.assert(
        fc.asyncProperty(list, fc.constantFrom(...Object.values(LAYOUTS)), async (entries, layout) => {
          const text = layout(harOf(entries))
          const one = await records(text)
          // (read with and without SIMD above; 7-byte chunks give its skip nothing to jump, and cost the most)
          const slow = (await recordsWith(text, 7)) as HarEntryRecord[]
          expect(one.map(view)).toEqual(slow.map(view))
          one.forEach((r, k) => expect(r.skeleton).toEqual(r.complete ? r.full() : slow[k]!.skeleton))
          expect(one.map((r) => r.full())).toEqual(reference(text))
        }),
        params(runs(0.25)),
      )
      // Keys with escapes, long keys, and long strings at every depth of a request: the same records.
      const long = 'x'.repeat(300)
      const odd = `{"log":{"entries":[{"re\\u0071uest":{"url":"https://b.bj.bcebos.com/${long}","headers":[{"name":"a","value":"${long}"}]}},{"${long}":1,"request":{"headers":{"${long}":"${long}"},"url":[["${long}"]]},"response":{"he\\u0061ders":["${long}"],"x":"${long}"}}]}}`
      // (compact: no separator to go by, so the scan reads each entry and leaves its long strings out)
      const oddRecords = await records(odd)
      const fast = oddRecords.map(view)
      expect(fast).toEqual((await records(odd, 7)).map(view))
      expect(oddRecords.map((r) => r.complete)).toEqual([true, false])
      expect(fast.map((r) => r.full)).toEqual(reference(odd))
      // Nothing left out of a short entry; a long body left out of the other, the rest the same.
      const short = { request: { url: 'https://b.bj.bcebos.com/k', headers: [] }, response: { headers: [], content: { text: 'x'.repeat(200) } } }
      const body = { ...short, response: { ...short.response, content: { text: long } } }
      const [a, b] = await records(JSON.stringify(harOf([short, body])))
      expect([a!.complete, b!.complete]).toEqual([true, false])
      expect(a!.skeleton).toBe(a!.full())
      expect(b!.skeleton).toEqual({ ...short, response: { ...short.response, content: { text: '' } } })
      expect(b!.full()).toEqual(body)
    },
    HEAVY,
  )

  it('ends an entry of a HAR laid out one per line at its separator, parsed whole up to 16 KB, and scans the others', async () => {
    const entry = (text: string) => ({ request: { url: 'https://example.com/app.js', headers: [] }, response: { headers: [], content: { text } } })
    const list = [entry('a'), entry('x'.repeat(1000)), entry('y'.repeat(20_000)), entry('z'.repeat(300))]
    const text = LAYOUTS.lines!(harOf(list))
    const rs = await records(text)
    expect(rs.map((r) => r.full())).toEqual(list)
    // A small entry between two separators is parsed whole, its 1,000-byte body too; a big one is scanned
    // and its body left out, and so is the last one's (no separator after it; the first has none before).
    expect(rs.map((r) => r.complete)).toEqual([true, true, false, false])
    expect((rs[2]!.skeleton as ReturnType<typeof entry>).response.content.text).toBe('')
    // Bytes that begin with "{" and parse are exactly one entry: a separator inside an entry never cuts it.
    const nested = {
      request: {
        url: 'https://b.bj.bcebos.com/k',
        headers: [
          { name: 'a', value: '1' },
          { name: 'b', value: '2' },
        ],
      },
      x: [{}, { y: [{}] }],
    }
    for (const layout of [LAYOUTS.objectLines!, LAYOUTS.lines!]) {
      const t = layout(harOf([nested, nested, { n: 1 }, nested]))
      const fast = await records(t)
      expect(fast.map((r) => r.full())).toEqual(reference(t))
      expect(fast.map((r) => [r.start, r.end])).toEqual((await records(t, 7)).map((r) => [r.start, r.end]))
    }
  })

  it('hands off unread the entries a handOff takes, in order, as the bytes the separator says; they are the entry when they parse', async () => {
    const damage = textDamage(['none', 'none', 'cut', 'insert', 'replace'], '{}[]",:\n')
    const list = fc.array(fc.oneof(harEntry, sessionEntry, withLongStrings), { maxLength: 6 })
    const layouts = [LAYOUTS.lines!, LAYOUTS.objectLines!, LAYOUTS.indented!, LAYOUTS.compact!]
    // Only an entry whole in a chunk is offered: chunks that can hold some (the arbitraries make megabytes).
    const chunks = fc.oneof(fc.constantFrom(4096, 1 << 20), fc.array(fc.integer({ min: 300, max: 8000 }), { minLength: 1, maxLength: 6 }))
    await fc.assert(
      fc.asyncProperty(list, fc.constantFrom(...layouts), damage, chunks, fc.integer({ min: 1, max: 3 }), async (entries, layout, d, size, every) => {
        const input = damaged(layout(harOf(entries)), d)
        const offered: number[] = []
        const handOff = (bytes: Uint8Array, index: number) => {
          expect(bytes[0]).toBe(0x7b)
          offered.push(index)
          return index % every === 0
        }
        const got: HarEntryRecord[] = []
        let error: unknown = null
        try {
          for await (const r of readHarRecords(chunked(input, size), { isCustomHost: compileHostPatterns(CUSTOM_HOSTS), handOff })) got.push(r)
        } catch (e) {
          error = e
        }
        const taken = got.filter((r) => r.handedOff)
        expect(taken.map((r) => r.index)).toEqual(offered.filter((k) => k % every === 0 && got.some((r) => r.index === k)))
        for (const r of taken) expect([r.bos, r.skeleton, r.end - r.start]).toEqual([false, undefined, r.bytes().length])
        // The contract: when every entry taken parses, the read is the one made without a hand-off.
        const parses = (r: HarEntryRecord) => {
          try {
            JSON.parse(Buffer.from(r.bytes()).toString('utf8'))
            return true
          } catch {
            return false
          }
        }
        if (!taken.every(parses)) return
        const plain = await recordsWith(input, size)
        if (error) {
          expect(found(plain)).toEqual(found(error as Error))
          return
        }
        expect(plain).not.toBeInstanceOf(Error)
        const want = plain as HarEntryRecord[]
        expect(got.map((r) => [r.index, r.start, r.end])).toEqual(want.map((r) => [r.index, r.start, r.end]))
        for (const r of taken) expect(JSON.parse(Buffer.from(r.bytes()).toString('utf8'))).toEqual(want[r.index]!.full())
      }),
      params(runs(0.25)),
    )
    // A separator inside an entry gives bytes that do not parse: the taker finds out and reads again.
    const nested = { request: { url: 'https://b.bj.bcebos.com/k', headers: [] }, x: [{ a: 1 }, { b: 2 }] }
    const misleading = LAYOUTS.objectLines!(harOf([nested, nested, nested]))
    const taken: string[] = []
    const handOff = (b: Uint8Array) => taken.push(Buffer.from(b).toString()) > 0
    // The read goes wrong too (here it stops at a "]"): a taker reads again whatever the outcome.
    await expect(readHarRecords([bytesOf(misleading)], { handOff }).next()).rejects.toThrow(HarSyntaxError)
    // readHarEntries parses every entry itself: it never offers one.
    const all: unknown[] = []
    for await (const e of readHarEntries([bytesOf(LAYOUTS.lines!(harOf([nested, nested, nested])))], { handOff: () => expect.fail('offered') })) all.push(e)
    expect(all).toEqual([nested, nested, nested])
    expect(taken.length).toBeGreaterThan(0)
    expect(() => taken.forEach((t) => JSON.parse(t))).toThrow()
  })
  it('decodes bad UTF-8 as the CLI did (U+FFFD), whatever the chunking', async () => {
    const bytes = fc.uint8Array({ maxLength: 12 })
    await fc.assert(
      fc.asyncProperty(bytes, chunking, async (junk, size) => {
        const head = enc.encode('{"log":{"entries":[{"request":{"url":"https://b.bj.bcebos.com/k"},"t":"')
        const tail = enc.encode('"}]}}')
        const safe = junk.map((b) => (b === 0x22 || b === 0x5c || b < 0x20 ? 0x41 : b))
        const input = new Uint8Array([...head, ...safe, ...tail])
        await agrees(input, size)
      }),
      params(runs(0.5)),
    )
  })

  it('the skeleton says BOS exactly when the analysis of the whole entry does', async () => {
    const list = fc.array(fc.oneof(harEntry, sessionEntry, withLongStrings), { minLength: 1, maxLength: 6 })
    await fc.assert(
      fc.asyncProperty(list, async (entries) => {
        for (const r of await records(JSON.stringify(harOf(entries)), 4096)) {
          const analyzer = new BosAnalyzer({ customHosts: CUSTOM_HOSTS })
          expect(r.bos, JSON.stringify(r.skeleton)?.slice(0, 300)).toBe(analyzer.analyze(r.full(), r.index) !== null)
          expect(analyzer.analyze(r.skeleton, r.index) !== null).toBe(r.bos)
        }
      }),
      params(runs(0.5)),
    )
  })

  it('names the byte where the JSON breaks, in any chunking', async () => {
    const cases: [string, number, RegExp][] = [
      ['{"log":{"entries":[', 19, /unexpected end of input/],
      ['{"log":{"entries":[{"a":"\\x"}]}}', 25, /bad escape/],
      ['{"log":{"entries":[{"a":tru}]}}', 24, /bad literal/],
      ['{"log":{"entries":[{"a":"\u0001"}]}}', 25, /control character/],
      ['{"log":{"entries":[{"request":{}}{"request":{}}]}}', 33, /"," or "]"/],
      ['{"log":{"entries":[]}} x', 23, /after the end/],
      ['{"log":\\{"entries":[]}}', 7, /where a value was expected/],
      [`{"log":{"entries":[{"body":"${'x'.repeat(5000)}\\q"}]}}`, 5028, /bad escape/],
      ['\ufeff{"log":{"entries":[1,,2]}}', 24, /where a value was expected/],
      ['<html><body>502</body></html>', 0, /unexpected character "<"/],
    ]
    for (const [text, offset, reason] of cases) {
      for (const size of [1, 3, 4096]) {
        const e = await read(text, size)
        expect(e, text).toBeInstanceOf(HarSyntaxError)
        expect((e as HarSyntaxError).offset, text).toBe(offset)
        expect((e as HarSyntaxError).message).toMatch(reason)
        expect((e as HarSyntaxError).message).toMatch(new RegExp(`^not valid JSON at byte ${offset}: `))
      }
    }
  })

  it('says what is not a HAR only once the document is whole', async () => {
    expect(await read('')).toEqual(new NotAHarError('empty, not a HAR file'))
    expect(await read('\ufeff \n\t', 1)).toEqual(new NotAHarError('empty, not a HAR file'))
    expect(await read('[]')).toEqual(new NotAHarError('not a HAR file: there is no "log" object at the top level'))
    expect(await read('{"log":{"entries":{}}}')).toEqual(new NotAHarError('not a HAR file: "log.entries" is missing or is not an array'))
    expect(await read('{"log":[]}')).toEqual(new NotAHarError('not a HAR file: "log.entries" is missing or is not an array'))
    expect(await read('{"entries":[{}]}')).toEqual(new NotAHarError('not a HAR file: there is no "log" object at the top level'))
    expect(await read('[] x')).toBeInstanceOf(HarSyntaxError) // broken JSON first, as JSON.parse
    expect(await read('{"log":{"entries":[{}]},"log":{"entries":[]}}')).toBeInstanceOf(HarAmbiguousError)
    expect(await read('{"log":{"entries":[{}],"entries":[]}}')).toBeInstanceOf(HarAmbiguousError)
    // A BOM cut short is not a BOM.
    expect(await read(new Uint8Array([0xef, 0xbb, 0x7b, 0x7d]), 1)).toBeInstanceOf(HarSyntaxError)
  })

  it('reports progress and stops when aborted', async () => {
    const text = JSON.stringify(harOf([{ a: 1 }, { b: 2 }]))
    const seen: number[] = []
    for await (const _ of readHarRecords(chunked(text, 10), { onProgress: (n) => seen.push(n) })) void _
    expect(seen.at(-1)).toBe(text.length)
    expect(seen).toEqual([...seen].sort((a, b) => a - b))
    const ac = new AbortController()
    const it = readHarRecords(chunked(text, 10), { signal: ac.signal, onProgress: (n) => n > 20 && ac.abort(new Error('stop')) })
    await expect(
      (async () => {
        for await (const _ of it) void _
      })(),
    ).rejects.toThrow('stop')
  })
})
