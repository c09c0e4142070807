import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { RescanNeeded, scanHar } from '../../src/cli/har-scan.ts'
import { harEntry, harOf, params, runs, sessionEntry } from '../helpers/arbitraries.ts'

const entries = (s: string) => {
  const src = scanHar(s)
  return src && Array.from({ length: src.length }, (_, i) => src.get(i))
}

describe('scanHar', () => {
  it('slices log.entries wherever it sits, with strings full of brackets and escapes', () => {
    const har = {
      log: {
        version: '1.2',
        creator: { name: 'x"{[', version: '1' },
        pages: [{ id: ']}' }],
        entries: [{ a: '\\"}' }, { b: [1, { c: '\\\\' }] }],
        comment: '}',
      },
    }
    expect(entries(JSON.stringify(har))).toEqual(har.log.entries)
    expect(entries(JSON.stringify(har, null, 2))).toEqual(har.log.entries)
    const keyOrder = { log: { entries: [{ x: 1 }], version: '1.2' } }
    expect(entries(JSON.stringify(keyOrder))).toEqual([{ x: 1 }])
    expect(entries('{"log":{"entries":[]}}')).toEqual([])
  })

  it('returns null for anything it does not recognise, so JSON.parse judges it', () => {
    for (const bad of [
      '[]',
      '{"log":{}}',
      '{"log":{"entries":{}}}',
      '{"entries":[{}]}',
      '{"log":{"entries":[1,2]}}',
      '{"log":{"entries":[{"a":1}]', // cut off
      '{"log":{"entries":[{"a":1}]}} trailing',
      '{"log":{"entries":[{"a":"unterminated}]}}',
      '',
      '{"other":{"log":{"entries":[{}]}}}', // log must be at the top level
    ]) {
      expect(scanHar(bad), bad).toBeNull()
    }
  })

  it('parses a bad entry only when asked, with a SyntaxError', () => {
    const src = scanHar('{"log":{"entries":[{"a":1},{"b":tru}]}}')!
    expect(src.length).toBe(2)
    expect(src.get(0)).toEqual({ a: 1 })
    expect(() => src.get(1)).toThrow(SyntaxError)
  })
})

/** What the CLI does: the quick split, then bracket by bracket when that turns out wrong. */
function readAll(text: string): unknown[] | null | Error {
  for (const quick of [true, false]) {
    const src = scanHar(text, quick)
    if (!src) return null
    try {
      return Array.from({ length: src.length }, (_, i) => src.get(i))
    } catch (e) {
      if (quick && e instanceof RescanNeeded) continue
      return e as Error
    }
  }
  throw new Error('not reached')
}

const LAYOUTS = {
  compact: (h: unknown) => JSON.stringify(h),
  indented: (h: unknown) => JSON.stringify(h, null, 2),
  tabs: (h: unknown) => JSON.stringify(h, null, '\t'),
  crlf: (h: unknown) => JSON.stringify(h, null, 2).replace(/\n/g, '\r\n'),
  lines: (h: unknown) =>
    `{"log":{"version":"1.2","entries":[\n${(h as { log: { entries: unknown[] } }).log.entries.map((e) => JSON.stringify(e) ?? 'null').join(',\n')}\n]}}\n`,
  pagesLast: (h: unknown) =>
    JSON.stringify(
      { log: { entries: (h as { log: { entries: unknown[] } }).log.entries, pages: [{ id: 'a' }, { id: 'b' }, { id: 'c', x: [{ y: 1 }] }] } },
      null,
      2,
    ),
}

describe('scanHar on entries laid out one per line or indented', () => {
  const entries = [
    { request: { url: 'https://b.bj.bcebos.com/a', headers: [{ name: 'a', value: '},\n{' }] } },
    { a: [{ b: ',\n  {' }, { c: 1 }] },
    { c: '\\"' },
  ]

  for (const [name, layout] of Object.entries(LAYOUTS)) {
    it(`reads ${name} like JSON.parse`, () => {
      expect(readAll(layout({ log: { version: '1.2', entries } }))).toEqual(entries)
    })
  }

  it('finds out when an array after the entries was taken for entries, and starts over', () => {
    const text = '{"log":{"entries":[\n{"x":1},\n{"y":2}],"pages":[\n{"p":1},\n{"p":2},\n{"p":3}]}}'
    const quick = scanHar(text)!
    expect(quick.length).toBe(4) // the guess
    expect(() => quick.get(1)).toThrow(RescanNeeded)
    expect(readAll(text)).toEqual([{ x: 1 }, { y: 2 }])
  })

  it('a broken entry throws its own SyntaxError, as JSON.parse of that entry does', () => {
    const text = '{"log":{"entries":[\n{"a":1},\n{"b":tru},\n{"c":2}\n]}}'
    const src = scanHar(text)!
    expect(src.get(0)).toEqual({ a: 1 })
    let message = ''
    try {
      JSON.parse('{"b":tru}')
    } catch (e) {
      message = (e as Error).message
    }
    expect(() => src.get(1)).toThrow(SyntaxError)
    expect(() => src.get(1)).toThrow(message)
    expect(src.get(2)).toEqual({ c: 2 })
  })

  it('whatever the layout and the damage: entries read are the entries JSON.parse finds', () => {
    const damage = fc.record({
      at: fc.nat(),
      kind: fc.constantFrom('none', 'cut', 'insert', 'delete', 'replace'),
      len: fc.integer({ min: 1, max: 8 }),
      with: fc.string({ unit: fc.constantFrom(...'{}[]",:\\ tn0/\n'), minLength: 1, maxLength: 3 }),
    })
    fc.assert(
      fc.property(fc.array(fc.oneof(harEntry, sessionEntry), { maxLength: 8 }), fc.constantFrom(...Object.values(LAYOUTS)), damage, (list, layout, d) => {
        const good = layout(harOf(list))
        const at = d.at % (good.length + 1)
        const text =
          d.kind === 'none'
            ? good
            : d.kind === 'cut'
              ? good.slice(0, at)
              : d.kind === 'insert'
                ? good.slice(0, at) + d.with + good.slice(at)
                : d.kind === 'delete'
                  ? good.slice(0, at) + good.slice(at + d.len)
                  : good.slice(0, at) + d.with + good.slice(at + d.with.length)
        const read = readAll(text)
        if (read === null) return // not shaped like a HAR: the CLI parses it whole
        let parsed: unknown
        try {
          parsed = JSON.parse(text)
        } catch {
          expect(read).toBeInstanceOf(SyntaxError) // broken text never reads as entries
          return
        }
        expect(read).toEqual((parsed as { log: { entries: unknown[] } }).log.entries)
      }),
      params(runs(0.5)),
    )
  })
})
