import { describe, expect, it } from 'vitest'
import { scanHar } from '../../src/cli/har-scan.ts'

const entries = (s: string) => {
  const src = scanHar(s)
  return src && Array.from({ length: src.length }, (_, i) => src.get(i))
}

describe('scanHar', () => {
  it('slices log.entries wherever it sits, with strings full of brackets and escapes', () => {
    const har = { log: { version: '1.2', creator: { name: 'x"{[', version: '1' }, pages: [{ id: ']}' }], entries: [{ a: '\\"}' }, { b: [1, { c: '\\\\' }] }], comment: '}' } }
    expect(entries(JSON.stringify(har))).toEqual(har.log.entries)
    expect(entries(JSON.stringify(har, null, 2))).toEqual(har.log.entries)
    const keyOrder = { log: { entries: [{ x: 1 }], version: '1.2' } }
    expect(entries(JSON.stringify(keyOrder))).toEqual([{ x: 1 }])
    expect(entries('{"log":{"entries":[]}}')).toEqual([])
  })

  it('returns null for anything it does not recognise, so JSON.parse judges it', () => {
    for (const bad of [
      '[]', '{"log":{}}', '{"log":{"entries":{}}}', '{"entries":[{}]}', '{"log":{"entries":[1,2]}}',
      '{"log":{"entries":[{"a":1}]', // cut off
      '{"log":{"entries":[{"a":1}]}} trailing', '{"log":{"entries":[{"a":"unterminated}]}}', '',
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
