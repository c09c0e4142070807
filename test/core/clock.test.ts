import { describe, expect, it } from 'vitest'
import { diagnoseExpiry, humanDuration, measureSkew, describeSkew } from '../../src/core/clock.ts'
import { english } from '../../src/core/finding.ts'
import { toExchange } from '../../src/core/har.ts'
import { entry } from '../helpers/har.ts'

const U = 'https://mybucket.bj.bcebos.com/k'
const skewOf = (started: string, time: number, date: string | null, extra: Record<string, string> = {}, more = {}) =>
  measureSkew(toExchange(entry({ url: U, started, time, res: { ...(date ? { Date: date } : {}), ...extra }, ...more }))!)?.skewSeconds ?? null

describe('measureSkew', () => {
  it.each([
    // client start, time in flight, server Date, skew (client minus server)
    ['2026-11-26T04:00:00.000Z', 200, 'Thu, 26 Nov 2026 04:00:00 GMT', 0],
    ['2026-11-26T04:00:00.900Z', 50, 'Thu, 26 Nov 2026 04:00:00 GMT', 0], // Date is truncated to the second
    ['2026-11-26T04:00:00.000Z', 200, 'Thu, 26 Nov 2026 04:17:00 GMT', -1020], // client 17 min behind
    ['2026-11-26T04:17:00.000Z', 200, 'Thu, 26 Nov 2026 04:00:00 GMT', 1019], // client ahead
    // a 10-minute upload: the server answered at the end, which is not skew
    ['2026-11-26T04:00:00.000Z', 600_000, 'Thu, 26 Nov 2026 04:10:00 GMT', 0],
    ['2026-11-26T04:00:00.000Z', 600_000, 'Thu, 26 Nov 2026 04:12:00 GMT', -120],
  ])('%s +%d ms vs %s', (started, time, date, want) => {
    expect(skewOf(started, time, date)).toBe(want)
  })

  it('has no reading without a usable, fresh Date', () => {
    expect(skewOf('2026-11-26T04:00:00.000Z', 1, null)).toBeNull()
    expect(skewOf('2026-11-26T04:00:00.000Z', 1, 'yesterday-ish')).toBeNull()
    expect(skewOf('2026-11-26T04:00:00.000Z', 1, 'Thu, 26 Nov 2026 01:00:00 GMT', { Age: '10800' })).toBeNull()
    expect(skewOf('2026-11-26T04:00:00.000Z', 1, 'Thu, 26 Nov 2026 01:00:00 GMT', {}, { fromCache: 'disk' })).toBeNull()
    expect(skewOf('2026-11-26T04:00:00.000Z', 1, 'Thu, 26 Nov 2026 01:00:00 GMT', {}, { status: 304 })).toBeNull()
    expect(skewOf('not a date', 1, 'Thu, 26 Nov 2026 01:00:00 GMT')).toBeNull()
  })
})

describe('humanDuration / describeSkew', () => {
  it('speaks in plain units', () => {
    expect(humanDuration(40)).toBe('40 seconds')
    expect(humanDuration(-1020)).toBe('17 minutes')
    expect(humanDuration(7500)).toBe('2 hours 5 minutes')
    expect(humanDuration(86400 * 3)).toBe('3 days')
    expect(describeSkew(-1020)).toBe('17 minutes behind the server')
    expect(describeSkew(0)).toBe('in step with the server')
  })
})

describe('diagnoseExpiry', () => {
  const T = Date.UTC(2026, 10, 26, 4, 0, 0)
  const clock = (skewSeconds: number, serverMs: number) => ({ skewSeconds, serverMs, serverDate: new Date(serverMs).toISOString() })
  const base = { presigned: false, sts: false, stsMessage: false, expirationSeconds: 1800 }

  it('client clock behind: signed at send time, server far ahead', () => {
    const d = diagnoseExpiry({ ...base, clock: clock(-2400, T + 2400_000), clientStartMs: T, signedAtMs: T })
    expect(d.cause).toBe('client-clock')
    expect(english(d.detail)).toContain('40 minutes behind')
    expect(d.overdueSeconds).toBe(600)
    expect(d.signatureAgeSeconds).toBe(0)
  })

  it('reused presigned URL: clocks agree, signature two hours old', () => {
    const d = diagnoseExpiry({ ...base, presigned: true, expirationSeconds: 3600, clock: clock(0, T), clientStartMs: T, signedAtMs: T - 7200_000 })
    expect(d.cause).toBe('stale-signature')
    expect(english(d.detail)).toMatch(/2 hours before/)
  })

  it('signer clock: header signature far from the browser clock, browser in step with the server', () => {
    const d = diagnoseExpiry({ ...base, clock: clock(0, T), clientStartMs: T, signedAtMs: T - 3000_000 })
    expect(d.cause).toBe('signer-clock')
    expect(english(d.detail)).toMatch(/signing server/)
  })

  it('STS: the server speaks of the token timestamp', () => {
    expect(diagnoseExpiry({ ...base, sts: true, stsMessage: true, clock: clock(0, T), clientStartMs: T, signedAtMs: T }).cause).toBe('sts-token')
  })

  it('without any clock facts it says it cannot tell', () => {
    expect(diagnoseExpiry({ ...base, clock: null, clientStartMs: null, signedAtMs: null }).cause).toBe('unknown')
  })
})
