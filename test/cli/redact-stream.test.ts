// `redact` entry by entry writes exactly what the whole-document way wrote (JSON.stringify(redactHar(har),
// null, 2), kept here as the reference), whatever the chunking and the layout of the input, with entries
// kept or read again; a broken or ambiguous file is still answered as before.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { TextChunks } from '../../src/cli/json-output.ts'
import { type Io, main } from '../../src/cli/main.ts'
import { readRedacted, redactedEntryText, writeRedacted } from '../../src/cli/redact-stream.ts'
import { redactHar } from '../../src/core/index.ts'
import { writeTestSessions } from '../bench/generate.ts'

const dir = mkdtempSync(join(tmpdir(), 'bos-redact-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function reference(text: string): string {
  return `${JSON.stringify(redactHar(JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)), null, 2)}\n`
}

function chunked(bytes: Buffer, size: number): Uint8Array[] {
  const out: Uint8Array[] = []
  for (let i = 0; i < bytes.length; i += size) out.push(Buffer.from(bytes.subarray(i, i + size)))
  return out
}

/**
 * The streaming way, in `size`-byte chunks, keeping at most `budget` bytes of entries (the rest read again:
 * from the file, or with `fromMemory` from the input kept as standard input's is).
 */
async function streamed(bytes: Buffer, size: number, budget: number, fromMemory = false): Promise<string> {
  const read = await readRedacted(chunked(bytes, size), { budget, keepAll: fromMemory })
  if (read.kind !== 'entries') throw new Error('no entries')
  expect(read.again === null).toBe(!fromMemory)
  const out = new TextChunks()
  let waits = 0
  await writeRedacted(read, fromMemory ? read.again : (s, e) => bytes.subarray(s, e), 'x.har', out, async () => void waits++)
  expect(waits).toBe(read.count)
  return out.chunks().join('')
}

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const io: Io = { out: (s) => void (out += s), err: (s) => void (err += s), isTTY: false, env: {} }
  return { code: await main(argv, io), out, err }
}

const SIG = 'ab'.repeat(32)
const AUTH = `bce-auth-v1/AKID/2026-11-26T04:00:00Z/1800/host/${SIG}`
const entry = (k: number, extra: object = {}) => ({
  startedDateTime: '2026-11-26T04:00:00.000Z',
  request: {
    method: 'GET',
    url: `https://b.bj.bcebos.com/k${k}?authorization=${encodeURIComponent(AUTH)}`,
    headers: [
      { name: 'Authorization', value: AUTH },
      { name: 'Cookie', value: 'session=s3cr3t' },
    ],
    queryString: [],
    cookies: [{ name: 'session', value: 's3cr3t' }],
  },
  response: { status: 200, headers: [{ name: 'Set-Cookie', value: 'a=b' }], content: { size: 3, text: 'naïve → ✓ 😀' } },
  ...extra,
})
const pages = [{ id: 'p1', title: `https://b.bj.bcebos.com/shared.pdf?authorization=${encodeURIComponent(AUTH)}` }]

// Layouts a HAR comes in: keys of log before and after entries, minified or indented, with a BOM or CRLF.
const LAYOUTS: Record<string, string> = {
  'indented, pages first': JSON.stringify({ log: { version: '1.2', creator: { name: 't' }, pages, entries: [0, 1, 2].map((k) => entry(k)) } }, null, 2),
  'minified, pages after entries': JSON.stringify({ log: { version: '1.2', entries: [0, 1].map((k) => entry(k)), pages, comment: 'x' }, extra: [1] }),
  'one entry, BOM and CRLF': `\ufeff${JSON.stringify({ log: { entries: [entry(7, { _x: [[[]]] })] } }, null, 4).replaceAll('\n', '\r\n')}`,
  'entries holding the separator text': JSON.stringify({ log: { entries: [entry(1, { comment: '},\n{' }), entry(2)] } }),
}

describe('redact entry by entry', () => {
  for (const [name, text] of Object.entries(LAYOUTS)) {
    it(`writes what the whole-document way writes: ${name}`, async () => {
      const bytes = Buffer.from(text, 'utf8')
      const want = reference(text)
      expect(want).not.toContain(SIG)
      for (const size of [1, 7, 64, 1 << 20]) {
        for (const budget of [0, 200, Number.POSITIVE_INFINITY]) expect(await streamed(bytes, size, budget)).toBe(want)
        for (const budget of [0, 200]) expect(await streamed(bytes, size, budget, true)).toBe(want)
      }
      const f = join(dir, 'layout.har')
      writeFileSync(f, bytes)
      const r = await run(['redact', f])
      expect(r).toEqual({ code: 0, out: want, err: '' })
    })
  }

  it('writes what the whole-document way writes for generated sessions (BOS-dense and realistic)', async () => {
    for (const f of await writeTestSessions(dir, 3e6)) {
      const bytes = readFileSync(f)
      const want = reference(bytes.toString('utf8'))
      expect(await streamed(bytes, 100_000, 1 << 16)).toBe(want)
      expect(await streamed(bytes, 65_536, 1 << 16, true)).toBe(want)
      expect((await run(['redact', f])).out).toBe(want)
    }
  })

  it('answers a HAR without entries, one whose entries are not an array, and a cut-off file as before', async () => {
    const empty = JSON.stringify({ log: { version: '1.2', pages, entries: [] } })
    expect((await run(['redact', writeTo('empty.har', empty)])).out).toBe(reference(empty))
    const notArray = await run(['redact', writeTo('not-array.har', '{"log":{"entries":{}}}')])
    expect(notArray.code).toBe(2)
    expect(notArray.err).toMatch(/^bos-devtools: .*log\.entries.*\n$/)
    const whole = JSON.stringify({ log: { entries: [0, 1, 2, 3].map((k) => entry(k)) } })
    const cut = await run(['redact', writeTo('cut.har', whole.slice(0, whole.length - 40))])
    expect(cut).toMatchObject({ code: 2, out: '' })
    expect(cut.err).toMatch(/^bos-devtools: .*not valid JSON at byte \d+.*\n$/)
  })

  it('settles duplicate "log" keys as JSON.parse does, by reading the whole file', async () => {
    const text = `{"log":{"entries":[${JSON.stringify(entry(1))}]},"log":{"entries":[${JSON.stringify(entry(2))}]}}`
    const r = await run(['redact', writeTo('dup.har', text)])
    expect(r).toEqual({ code: 0, out: reference(text), err: '' })
    expect(r.out).toContain('/k2')
    expect(r.out).not.toContain('/k1')
    // Read once (standard input): the input kept in memory is parsed whole instead.
    for (const size of [5, 1 << 20]) {
      const read = await readRedacted(chunked(Buffer.from(text), size), { budget: 0, keepAll: true })
      expect(read).toEqual({ kind: 'whole', text })
    }
  })

  it('never fails on an entry read again that passed the first pass, however deeply it is nested', async () => {
    // Where the first pass gives up (a RangeError), and where it does not, the second must not either:
    // the entries read again are checked on the first pass with stack to spare.
    // With a long string inside (the first pass checks the skeleton, where it is emptied).
    const nested = (depth: number) =>
      Buffer.from(`{"log":{"entries":[${JSON.stringify(entry(1))},{"x":${'['.repeat(depth)}"${'é'.repeat(2000)}"${']'.repeat(depth)}}]}}`)
    const passes = async (depth: number) => {
      try {
        await readRedacted([nested(depth)], { budget: 0 })
        return true
      } catch (e) {
        expect(e).toBeInstanceOf(RangeError)
        return false
      }
    }
    let lo = 100
    let hi = 1 << 16
    expect(await passes(lo)).toBe(true)
    expect(await passes(hi)).toBe(false)
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1
      if (await passes(mid)) lo = mid
      else hi = mid
    }
    // `lo` is the deepest the first pass takes; written out from a deeper stack, it still goes through.
    const bytes = nested(lo)
    const read = await readRedacted([bytes], { budget: 0 })
    if (read.kind !== 'entries') throw new Error('no entries')
    const deep = (n: number): Promise<void> => (n > 0 ? deep(n - 1) : writeRedacted(read, (s, e) => bytes.subarray(s, e), 'x.har', new TextChunks()))
    await expect(deep(20)).resolves.toBeUndefined()
  })
})

describe('an entry read again whose text may not fit in a string', () => {
  // Many small values (kept in the skeleton) and one long body (emptied in it): the skeleton's text fits
  // in a string, the entry's does not. With V8's limit this takes a 213 MB entry; a smaller limit shows it.
  const wide = (body: string) => ({ ...entry(1), _cells: Array.from({ length: 400 }, (_, k) => ({ k })), response: { status: 200, content: { text: body } } })
  const sized = (max: number, body: string) => {
    const bytes = Buffer.from(JSON.stringify({ log: { entries: [entry(0), wide(body)] } }))
    return readRedacted([bytes], { budget: 0, maxString: max })
  }
  const body = 'x'.repeat(40_000)
  const skeleton = redactedEntryText(wide('')).length
  const full = redactedEntryText(wide(body)).length

  it('fails on the first pass, before any output, when the entry is too long to be written', async () => {
    const max = skeleton + body.length / 2
    expect(skeleton).toBeLessThan(max)
    expect(full).toBeGreaterThan(max)
    await expect(sized(max, body)).rejects.toThrow(/Invalid string length/)
  })

  it('goes through when it fits, and checks only the skeleton when it is far from the limit', async () => {
    for (const max of [full, full * 4]) {
      const read = await sized(max, body)
      expect(read).toMatchObject({ kind: 'entries', count: 2 })
    }
  })
})

function writeTo(name: string, text: string): string {
  const f = join(dir, name)
  writeFileSync(f, text)
  return f
}
