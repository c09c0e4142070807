// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { compileText, EMPTY_FILTER, filterRecords } from '../../src/panel/filter.ts'
import { manyRecords, sessionRecords } from '../helpers/fake-store.ts'
import { withinUnits } from '../helpers/work-units.ts'

const records = sessionRecords()
const run = (text: string, regex = false, more: Partial<typeof EMPTY_FILTER> = {}) => {
  const s = { ...EMPTY_FILTER, text, regex, ...more }
  return filterRecords(records, s, compileText(s.text, s.regex))
}

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

  it('filters 5,000 records well within a frame', () => {
    const many = manyRecords(5000)
    const s = { ...EMPTY_FILTER, text: 'photos/2026', regex: false }
    // A fraction of a reference unit (~10 ms of JSON work) here: 20 is what a frame-dropping filter would cost.
    const out = withinUnits(20, () => filterRecords(many, s, compileText(s.text, false)))
    expect(out.length).toBeGreaterThan(1000)
  })
})
