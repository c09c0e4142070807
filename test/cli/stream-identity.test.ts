// analyze --json through the streaming reader is byte for byte what the CLI printed before it (JSON.parse
// of the whole file, kept here as the reference), for the fixtures and for generated sessions, whatever
// the chunking, from a file (read again at offsets) and from standard input (entries kept).
import { readFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { analyzeInput, type Io, type Limits, VERSION } from '../../src/cli/main.ts'
import { TextChunks, writeJsonReport } from '../../src/cli/json-output.ts'
import type { InputChunks } from '../../src/cli/read-input.ts'
import { BosAnalyzer, harEntries, isFailure } from '../../src/core/index.ts'
import type { EntryAnalysis } from '../../src/core/types.ts'
import { rng, writeSyntheticHar, writeTestSessions } from '../bench/generate.ts'

const HOSTS = ['files.example.com', '*.cdn.example.net']

/** The old path: the whole text parsed at once, prescanned, analysed, written. */
async function reference(bytes: Buffer): Promise<string> {
  let text = bytes.toString('utf8')
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  const found = harEntries(JSON.parse(text))
  if ('problem' in found) throw new Error(found.problem)
  const entries = found.entries
  const analyzer = new BosAnalyzer({ customHosts: HOSTS })
  analyzer.prescan(entries)
  const summary = { entries: entries.length, bos: 0, errors: 0 }
  function* analysed(): Generator<EntryAnalysis> {
    for (let i = 0; i < entries.length; i++) {
      const a = analyzer.analyze(entries[i], i)
      if (!a) continue
      summary.bos++
      if (isFailure(a)) summary.errors++
      yield a
    }
  }
  const out = new TextChunks()
  await writeJsonReport(out, { version: VERSION }, analysed(), () => ({
    uploads: analyzer.sessions.uploadSessions(),
    summary,
    notes: analyzer.captureNotes.notes(),
  }))
  return out.chunks().join('')
}

function source(bytes: Buffer, sizes: number[], file: boolean): InputChunks {
  const chunks: Uint8Array[] = []
  for (let i = 0, k = 0; i < bytes.length; k++) {
    const n = sizes[k % sizes.length]!
    chunks.push(Buffer.from(bytes.subarray(i, i + n)))
    i += n
  }
  return { chunks, ...(file ? { at: (s: number, e: number) => bytes.subarray(s, e) } : {}), close: () => {} }
}

async function streamed(bytes: Buffer, sizes: number[], file: boolean, limits?: Limits): Promise<string> {
  let out = ''
  let err = ''
  const io: Io = {
    out: (s) => void (out += s),
    outBytes: (b) => void (out += Buffer.from(b).toString('utf8')),
    err: (s) => void (err += s),
    isTTY: false,
    env: {},
  }
  const code = await analyzeInput(source(bytes, sizes, file), 'x.har', { json: true, hosts: HOSTS, locale: 'en', failOn: null }, io, limits)
  expect(err).toBe('')
  expect(code).toBe(0)
  return out
}

const dir = mkdtempSync(join(tmpdir(), 'bos-stream-id-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('analyze --json through the streaming reader', () => {
  const r = rng(99)
  const randomSizes = Array.from({ length: 50 }, () => 1 + Math.floor(r() * 9000))
  it('is byte-identical to the whole-file JSON.parse path for the fixtures, in any chunking', async () => {
    for (const name of ['chromium-session.har', 'chromium-session.devtools.har']) {
      const bytes = readFileSync(join(__dirname, '../fixtures', name))
      const want = await reference(bytes)
      for (const sizes of [[1], [7], [4096], randomSizes]) {
        for (const file of [true, false]) expect(await streamed(bytes, sizes, file), `${name} ${sizes[0]} ${file}`).toBe(want)
      }
      // With a BOM in front.
      const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes])
      expect(await streamed(bom, [2], true)).toBe(want)
    }
  })

  it('is byte-identical for generated sessions (synthetic 60% BOS with uploads, and realistic)', async () => {
    for (const f of await writeTestSessions(dir, 6e6)) {
      const bytes = readFileSync(f)
      const want = await reference(bytes)
      expect(JSON.parse(want).entries.length).toBeGreaterThan(3)
      for (const sizes of [[4096], randomSizes, [1 << 20]]) {
        for (const file of [true, false]) expect(await streamed(bytes, sizes, file)).toBe(want)
      }
      // Reports kept from the first pass up to a bound, the rest read again: none kept, some, all.
      for (const earlyReports of [0, 1, 20_000, 200_000]) {
        for (const file of [true, false])
          expect(await streamed(bytes, [1 << 20], file, { earlyReports, heldEntries: earlyReports }), `${f} ${earlyReports}`).toBe(want)
      }
    }
  })

  it('writes the same text report, in any language and with --fail-on, whether reports are kept from the first pass or not', async () => {
    const synthetic = join(dir, 't.har')
    await writeSyntheticHar(synthetic, 800, 8)
    const bytes = readFileSync(synthetic)
    for (const values of [
      { json: false, hosts: HOSTS, locale: 'en' as const, failOn: null },
      { json: false, hosts: HOSTS, locale: 'zh_CN' as const, failOn: 'warning' as const },
      { json: true, hosts: HOSTS, locale: 'zh_CN' as const, failOn: 'error' as const },
    ]) {
      const runs: { code: number; out: string }[] = []
      for (const earlyReports of [0, 64 << 20]) {
        let out = ''
        const io: Io = { out: (s) => void (out += s), outBytes: (b) => void (out += Buffer.from(b).toString('utf8')), err: () => {}, isTTY: true, env: {} }
        runs.push({ code: await analyzeInput(source(bytes, [1 << 20], true), 'x.har', values, io, { earlyReports, heldEntries: earlyReports }), out })
      }
      expect(runs[1]!.out.length).toBeGreaterThan(1000)
      expect(runs[1]).toEqual(runs[0])
    }
  })

  it('is byte-identical when upload requests name their parameters percent-encoded (the analysis decodes them)', async () => {
    // Parts, a Complete and an object read among them: a part whose uploadId the first pass missed would
    // be judged before the Complete is known, and out of order.
    const host = 'b.bj.bcebos.com'
    const entry = (method: string, path: string, status: number, text = '') => ({
      startedDateTime: '2026-11-26T04:00:00.000Z',
      time: 10,
      request: {
        method,
        url: `https://${host}/${path}`,
        httpVersion: 'HTTP/1.1',
        headers: [{ name: 'Host', value: host }],
        queryString: [],
        cookies: [],
        headersSize: -1,
        bodySize: 100,
      },
      response: {
        status,
        statusText: '',
        httpVersion: 'HTTP/1.1',
        headers: [{ name: 'ETag', value: '"0cc175b9c0f1b6a831c399e269772661"' }],
        cookies: [],
        content: { size: text.length, mimeType: 'application/json', text },
        redirectURL: '',
        headersSize: -1,
        bodySize: -1,
      },
      cache: {},
      timings: { send: 1, wait: 1, receive: 1 },
    })
    const entries = [
      entry('PUT', 'k?partNumber=1&upload%49d=u1', 200),
      entry('GET', 'other', 200),
      entry('PUT', 'k?partNumber=2&uploadId=u1', 200),
      entry('PUT', 'k?partNumber=3&upload%49d=u1', 200),
      entry(
        'POST',
        'k?upload%49d=u1',
        400,
        JSON.stringify({ code: 'EntityTooSmall', message: 'Your proposed upload is smaller than the minimum allowed object size.', requestId: 'r' }),
      ),
      entry('PUT', 'a?%61ppend&offset=0', 200),
    ]
    const bytes = Buffer.from(JSON.stringify({ log: { version: '1.2', entries } }, null, 2))
    const want = await reference(bytes)
    expect(JSON.parse(want).uploads).toHaveLength(1)
    for (const file of [true, false]) expect(await streamed(bytes, [1 << 20], file)).toBe(want)
  })
})
