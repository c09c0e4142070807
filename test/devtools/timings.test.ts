// The record keeps the HAR timings DevTools measured when they add up to `time` (HAR 1.2), else the total.
import { describe, expect, it } from 'vitest'
import { keptTimings } from '../../src/devtools/record.ts'

describe('keptTimings', () => {
  it('keeps measured phases (ssl inside connect) and drops the unmeasured ones', () => {
    expect(keptTimings({ blocked: 2, dns: 3, connect: 20, ssl: 12, send: 1, wait: 60, receive: 4 }, 90)).toEqual({
      blocked: 2,
      dns: 3,
      connect: 20,
      ssl: 12,
      send: 1,
      wait: 60,
      receive: 4,
    })
    expect(keptTimings({ blocked: -1, dns: -1, connect: -1, ssl: -1, send: 0.5, wait: 40, receive: 1.5 }, 42)).toEqual({ send: 0.5, wait: 40, receive: 1.5 })
  })

  it.each([
    ['no timings', undefined],
    ['phases that do not add up', { send: 0, wait: 0, receive: 0 }],
    ['a required phase missing', { send: 1, receive: 1 }],
    ['junk', { send: 'x', wait: 10, receive: 0 }],
  ])('%s → the total, as waiting', (_n, raw) => {
    expect(keptTimings(raw, 10)).toEqual({ send: 0, wait: 10, receive: 0 })
  })
})
