// The first pass's reports kept as UTF-8: the same bytes back, and big reports do not use up the budget
// with memory they do not need.
import { describe, expect, it } from 'vitest'
import { ReportArena } from '../../src/cli/report-arena.ts'

describe('ReportArena', () => {
  it('gives back the UTF-8 of each report, a lone surrogate as U+FFFD', () => {
    const arena = new ReportArena(1 << 20)
    const texts = ['{"a":1}', 'naïve → ✓ 😀', 'lone \ud800 surrogate', '']
    const slots = texts.map((t) => arena.add(t))
    expect(slots.map((k) => Buffer.from(arena.get(k)).toString('utf8'))).toEqual(texts.map((t) => Buffer.from(t, 'utf8').toString('utf8')))
  })

  it('keeps reports of hundreds of KB up to about its budget, not a third of it', () => {
    // Reserving 3 bytes per UTF-16 unit, each 400 KB report took a block of 1.2 MB: 4 MB closed after 4 of them (now 7: two to a 1 MB block).
    const arena = new ReportArena(4 << 20)
    const report = (k: number) => `${k}`.padEnd(400_000, 'x')
    let kept = 0
    while (arena.room > 0 && kept < 20) arena.add(report(kept++))
    expect(kept).toBeGreaterThanOrEqual(6)
    expect(arena.room).toBeLessThanOrEqual(0)
    for (let k = 0; k < kept; k++) expect(Buffer.from(arena.get(k)).toString('latin1')).toBe(report(k))
  })
})
