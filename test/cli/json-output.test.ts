import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { TextChunks, Utf8Chunks, writeJsonReport } from '../../src/cli/json-output.ts'
import type { EntryAnalysis } from '../../src/core/types.ts'
import { params, runs, weird } from '../helpers/arbitraries.ts'

const text = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: weird },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom('\uD800', '\uDC00', '→', '😀', 'é'.repeat(300_000), 'x'.repeat(1 << 20)) },
)

describe('Utf8Chunks', () => {
  it('holds exactly the UTF-8 that process.stdout.write would have sent for each string', () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 12 }), (strings) => {
        const sent: Buffer[] = []
        const sink = new Utf8Chunks((b) => void sent.push(Buffer.from(b)))
        for (const s of strings) sink.write(s)
        sink.end()
        expect(Buffer.concat(sent).equals(Buffer.concat(strings.map((s) => Buffer.from(s, 'utf8'))))).toBe(true)
        // Each buffer is whole UTF-8 text: no string is split between two of them.
        for (const b of sent) expect(Buffer.from(b.toString('utf8'), 'utf8').equals(b)).toBe(true)
      }),
      params(runs(0.5)),
    )
  })

  it('is the same bytes whether the sink says a chunk is written out (its memory is used again) or not, with bytes among the strings', () => {
    const piece = fc.oneof(
      text.map((s) => ({ s })),
      text.map((s) => ({ b: Buffer.from(s, 'utf8') })),
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }), (pieces, answers) => {
        const sent: Buffer[] = []
        let k = 0
        // A copy at once, as a synchronous write makes; the answer says whether it was.
        const sink = new Utf8Chunks((b) => {
          sent.push(Buffer.from(b))
          return answers[k++ % answers.length]
        })
        for (const p of pieces) 'b' in p ? sink.writeBytes(p.b) : sink.write(p.s)
        sink.end()
        const want = Buffer.concat(pieces.map((p) => ('b' in p ? p.b : Buffer.from(p.s, 'utf8'))))
        expect(Buffer.concat(sent).equals(want)).toBe(true)
      }),
      params(runs(0.5)),
    )
    // A chunk handed out and not written yet is never written over.
    const held: Buffer[] = []
    const sink = new Utf8Chunks((b) => void held.push(b))
    for (let i = 0; i < 5; i++) sink.write(String(i).repeat(400_000))
    sink.end()
    expect(held.map((b) => b.toString())).toEqual([0, 1, 2, 3, 4].map((i) => String(i).repeat(400_000)))
  })

  it('sends a buffer as soon as it is full, and the rest on end()', () => {
    const sent: string[] = []
    const sink = new Utf8Chunks((b) => void sent.push(b.toString()))
    sink.write('{"a":1}')
    expect(sent).toEqual([])
    sink.write('x'.repeat(300_000)) // 900 KB at most in UTF-8: it still fits
    expect(sent).toEqual([])
    sink.write('y'.repeat(300_000)) // this one does not: the first buffer goes out
    expect(sent).toEqual([`{"a":1}${'x'.repeat(300_000)}`])
    sink.end()
    expect(sent).toEqual([`{"a":1}${'x'.repeat(300_000)}`, 'y'.repeat(300_000)])
  })
})

describe('writeJsonReport', () => {
  it('writes the same report into bytes and into text', async () => {
    const entries = [
      { index: 0, url: 'https://b.bj.bcebos.com/\uD800→' },
      { index: 1, findings: [{ detail: '"quoted"\n' }] },
    ] as unknown as EntryAnalysis[]
    const tail = () => ({ uploads: [], summary: { entries: 2, bos: 2, errors: 0 }, notes: [] })
    const sent: Buffer[] = []
    const bytes = new Utf8Chunks((b) => void sent.push(Buffer.from(b)))
    const strings = new TextChunks()
    await writeJsonReport(bytes, { version: '1.2.3' }, entries, tail)
    await writeJsonReport(strings, { version: '1.2.3' }, entries, tail)
    bytes.end()
    const report = strings.chunks().join('')
    expect(Buffer.concat(sent).toString()).toBe(report)
    expect(JSON.parse(report)).toEqual({
      tool: 'bos-devtools',
      version: '1.2.3',
      entries: JSON.parse(JSON.stringify(entries)),
      uploads: [],
      summary: { entries: 2, bos: 2, errors: 0 },
      notes: [],
    })
    expect(report.split('\n')).toHaveLength(5) // header, one line per entry, tail, and the final newline
  })

  it('waits for the output to drain before the next entry, when told to', async () => {
    const entries = [{ index: 0 }, { index: 1 }, { index: 2 }] as unknown as EntryAnalysis[]
    const out = new TextChunks()
    let release: (() => void) | null = null
    const pauses: number[] = []
    const written = () => out.chunks().join('')
    const done = writeJsonReport(
      out,
      { version: '1' },
      entries,
      () => ({ uploads: [], summary: { entries: 3, bos: 3, errors: 0 }, notes: [] }),
      () => {
        pauses.push(written().length)
        // Behind after the first entry only.
        return pauses.length === 1 ? new Promise<void>((r) => (release = r)) : null
      },
    )
    await Promise.resolve()
    expect(written()).toContain('"index":0')
    expect(written()).not.toContain('"index":1')
    release!()
    await done
    expect(pauses).toHaveLength(3)
    expect(JSON.parse(written()).entries).toHaveLength(3)
  })
})
