import { describe, expect, it, vi } from 'vitest'
import { createPublisher } from '../../src/devtools/publisher.ts'

describe('snapshot publisher', () => {
  it('rebuilds the snapshot only after a change', () => {
    let n = 0
    const build = vi.fn(() => ({ n }))
    const p = createPublisher(build)
    const first = p.getSnapshot()
    expect(p.getSnapshot()).toBe(first)
    n = 1
    p.changed()
    expect(p.getSnapshot()).toEqual({ n: 1 })
    expect(p.getSnapshot()).not.toBe(first)
    expect(build).toHaveBeenCalledTimes(2)
  })

  it('notifies once per burst, survives a throwing listener, and stops after unsubscribe or close', async () => {
    const p = createPublisher(() => ({}))
    const a = vi.fn()
    const b = vi.fn()
    p.subscribe(() => {
      throw new Error('bad listener')
    })
    const offA = p.subscribe(a)
    p.subscribe(b)
    p.changed()
    p.changed()
    expect(p.pending()).not.toBeNull()
    await p.pending()
    expect([a.mock.calls.length, b.mock.calls.length, p.pending()]).toEqual([1, 1, null])
    offA()
    p.changed()
    await p.pending()
    expect([a.mock.calls.length, b.mock.calls.length]).toEqual([1, 2])
    p.close()
    p.changed()
    await p.pending()
    expect(b).toHaveBeenCalledTimes(2)
  })
})
