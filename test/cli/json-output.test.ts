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
      fc.property(fc.array(text, { maxLength: 12 }), fc.option(fc.nat(2048), { nil: undefined }), (strings, space) => {
        const sink = new Utf8Chunks(space === undefined ? undefined : Buffer.alloc(space, 0xaa))
        for (const s of strings) sink.write(s)
        expect(Buffer.concat(sink.chunks()).equals(Buffer.concat(strings.map((s) => Buffer.from(s, 'utf8'))))).toBe(true)
      }),
      params(runs(0.5)),
    )
  })

  it('fills the memory it is given first, then fresh buffers', () => {
    const space = Buffer.alloc(64)
    const sink = new Utf8Chunks(space)
    sink.write('{"a":1}')
    sink.write('x'.repeat(100))
    const chunks = sink.chunks()
    expect(chunks[0]!.buffer).toBe(space.buffer)
    expect(Buffer.concat(chunks).toString()).toBe('{"a":1}' + 'x'.repeat(100))
  })
})

describe('writeJsonReport', () => {
  it('writes the same report into bytes and into text', () => {
    const entries = [
      { index: 0, url: 'https://b.bj.bcebos.com/\uD800→' },
      { index: 1, findings: [{ detail: '"quoted"\n' }] },
    ] as unknown as EntryAnalysis[]
    const tail = () => ({ uploads: [], summary: { entries: 2, bos: 2, errors: 0 }, notes: [] })
    const bytes = new Utf8Chunks(Buffer.alloc(10))
    const strings = new TextChunks()
    writeJsonReport(bytes, { version: '1.2.3' }, entries, tail)
    writeJsonReport(strings, { version: '1.2.3' }, entries, tail)
    const report = strings.chunks().join('')
    expect(Buffer.concat(bytes.chunks()).toString()).toBe(report)
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
})
