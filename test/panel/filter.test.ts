// @vitest-environment happy-dom
import { beforeAll, describe, expect, it } from 'vitest'
import { compileText, EMPTY_FILTER, filterRecords, loadFilterSyntax } from '../../src/panel/filter.ts'
import { manyRecords, sessionRecords } from '../helpers/fake-store.ts'
import { withinUnits } from '../helpers/work-units.ts'

const records = sessionRecords()
const run = (text: string, regex = false, more: Partial<typeof EMPTY_FILTER> = {}) => {
  const s = { ...EMPTY_FILTER, text, regex, ...more }
  return filterRecords(records, s, compileText(s.text, s.regex))
}

beforeAll(() => loadFilterSyntax())

describe('filter', () => {
  it('returns the same array when nothing filters', () => {
    expect(run('')).toBe(records)
  })

  it('matches URL, operation, error code, request id and debug id, case-insensitively', () => {
    expect(run('MISSING.png').map((r) => r.analysis.error?.code)).toEqual(['NoSuchKey'])
    expect(run('getobjectmeta')).toHaveLength(1)
    expect(run('requestexpired')).toHaveLength(1)
    expect(run('b7e0c6d2-91f4')).toHaveLength(1)
    expect(run('Zq9W3n0dQ0m5')).toHaveLength(1)
  })

  it('supports regular expressions, and an invalid one never throws and filters nothing', () => {
    expect(run('^No(Such)?Key$', true).map((r) => r.analysis.status)).toEqual([404, 500])
    const bad = compileText('(photos', true)
    expect(bad.test).toBeNull()
    expect(bad.error).toMatch(/./)
    expect(run('(photos', true)).toBe(records)
  })

  it('errors only keeps 4xx/5xx and failed requests; findings only keeps records with findings', () => {
    expect(run('', false, { errorsOnly: true }).every((r) => r.analysis.status >= 400 || r.analysis.status === 0)).toBe(true)
    expect(run('', false, { errorsOnly: true })).toHaveLength(records.filter((r) => r.analysis.status >= 400).length)
    expect(run('', false, { findingsOnly: true })).toHaveLength(records.filter((r) => r.analysis.findings.length > 0).length)
  })

  describe('the Network panel syntax, and our own properties', () => {
    const where = (pred: (r: (typeof records)[number]) => boolean) => records.filter(pred)
    it.each([
      ['status-code:403', (r: (typeof records)[number]) => r.analysis.status === 403],
      ['status-code:4xx', (r: (typeof records)[number]) => r.analysis.status >= 400 && r.analysis.status < 500],
      ['method:put', (r: (typeof records)[number]) => r.analysis.method === 'PUT'],
      ['-method:PUT', (r: (typeof records)[number]) => r.analysis.method !== 'PUT'],
      ['is:preflight', (r: (typeof records)[number]) => r.analysis.preflight],
      ['-is:preflight', (r: (typeof records)[number]) => !r.analysis.preflight],
      ['has:finding', (r: (typeof records)[number]) => r.analysis.findings.length > 0],
      ['code:nosuch', (r: (typeof records)[number]) => /nosuch/i.test(r.analysis.error?.code ?? '')],
      ['op:Object', (r: (typeof records)[number]) => /object/i.test(r.analysis.operation ?? '')],
      ['bucket:*', (r: (typeof records)[number]) => r.analysis.bucket !== null],
      ['domain:*.bcebos.com', (r: (typeof records)[number]) => r.analysis.host.endsWith('.bcebos.com')],
      ['larger-than:0', (r: (typeof records)[number]) => Math.max(r.entry.response.content.size, r.entry.response.bodySize, r.entry.request.bodySize) > 0],
    ])('%s', (text, pred) => {
      const expected = where(pred)
      expect(run(text)).toEqual(expected)
    })

    it('the fixture exercises each property (no filter is trivially all or none)', () => {
      for (const t of ['status-code:403', 'method:PUT', 'is:preflight', 'has:finding', 'code:nosuch']) {
        expect(run(t).length, t).toBeGreaterThan(0)
        expect(run(t).length, t).toBeLessThan(records.length)
      }
    })

    it('words and properties combine with AND; quotes keep a phrase; /…/ is a regex', () => {
      const both = run('status-code:404 missing')
      expect(both.length).toBeGreaterThan(0)
      expect(both.every((r) => r.analysis.status === 404 && /missing/i.test(r.analysis.url))).toBe(true)
      expect(run('/^No(Such)?Key$/').map((r) => r.analysis.status)).toEqual([404, 500])
      expect(run('-/^No(Such)?Key$/')).toHaveLength(records.length - 2)
      expect(run('"MISSING.png"')).toEqual(run('MISSING.png'))
    })

    it('a URL pasted whole, or an unknown key, is plain text', () => {
      const url = records[0]!.analysis.url
      expect(run(url)).toContain(records[0])
      expect(run('nosuchkey:xyz')).toEqual([])
    })

    it('larger-than: units and a bad size, which stays text', () => {
      expect(run('larger-than:1M')).toEqual(where((r) => Math.max(r.entry.response.content.size, r.entry.request.bodySize) > 1024 * 1024))
      expect(run('larger-than:lots')).toEqual([])
    })

    it('an invalid /regex/ token is an error, never a throw', () => {
      const bad = compileText('method:PUT /(photos/', false)
      expect(bad.test).toBeNull()
      expect(bad.error).toMatch(/./)
    })
  })

  it('filters 5,000 records well within a frame', () => {
    const many = manyRecords(5000)
    const s = { ...EMPTY_FILTER, text: 'photos/2026', regex: false }
    // A fraction of a reference unit (~10 ms of JSON work) here: 20 is what a frame-dropping filter would cost.
    const out = withinUnits(20, () => filterRecords(many, s, compileText(s.text, false)))
    expect(out.length).toBeGreaterThan(1000)
  })
})
