// Time as a ratio, never a wall-clock limit: a run of the code under test is compared with a reference
// workload measured in the same process at the same moment (a JSON round trip of about 1 MB, a linear
// pass like the code under test), so a slow or busy machine scales the limit with it. The blow-ups these
// guards catch (quadratic or exponential regexes) cost hundreds to thousands of units; linear code costs
// a few.
import { expect } from 'vitest'

const REFERENCE = JSON.stringify(Array.from({ length: 10_000 }, (_, i) => ({ name: `x-bce-meta-${i}`, value: 'v'.repeat(60) + i })))

/** The reference workload's median time, in ms, measured now. */
export function referenceMs(): number {
  const times: number[] = []
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now()
    JSON.stringify(JSON.parse(REFERENCE))
    times.push(performance.now() - t0)
  }
  return times.sort((a, b) => a - b)[2]!
}

export function timed<T>(f: () => T): { value: T; ms: number } {
  const t0 = performance.now()
  const value = f()
  return { value, ms: performance.now() - t0 }
}

/**
 * Asserts that `ms` (the time `again` takes) is at most `units` reference workloads. Over the limit, both
 * are measured again and the better ratio counts: a GC pause or a stolen time slice does not repeat, a
 * blow-up does.
 */
export function expectWithinUnits(ms: number, units: number, again: () => unknown, what = 'the run'): void {
  let ratio = ms / referenceMs()
  if (ratio > units) ratio = Math.min(ratio, timed(again).ms / referenceMs())
  expect(ratio, `${what}: ${ratio.toFixed(1)} reference units (limit ${units})`).toBeLessThanOrEqual(units)
}

/** Runs `f`, asserts it took at most `units` reference workloads, and returns its result. */
export function withinUnits<T>(units: number, f: () => T, what?: string): T {
  const { value, ms } = timed(f)
  expectWithinUnits(ms, units, f, what)
  return value
}
