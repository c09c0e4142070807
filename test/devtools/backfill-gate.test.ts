import { describe, expect, it } from 'vitest'
import { createBackfillGate } from '../../src/devtools/backfill-gate.ts'

describe('backfill gate', () => {
  it('holds events until released, then gives them once, oldest first, and holds no more', () => {
    const gate = createBackfillGate<number>()
    expect(gate.holding).toBe(true)
    gate.hold(1)
    gate.hold(2)
    expect(gate.release()).toEqual([1, 2])
    expect(gate.holding).toBe(false)
    gate.hold(3)
    expect(gate.release()).toEqual([])
  })
})
