import { describe, expect, it } from 'vitest'
import { createRecordBuffer } from '../../src/devtools/record-buffer.ts'
import type { CapturedRecord } from '../../src/devtools/store-types.ts'

const rec = (id: number) => ({ id }) as CapturedRecord

describe('record buffer', () => {
  it('hands out increasing ids that go on increasing across a clear', () => {
    const b = createRecordBuffer(10)
    expect([b.takeId(), b.peekId(), b.takeId()]).toEqual([1, 2, 2])
    b.clear()
    expect(b.takeId()).toBe(3)
  })

  it('indexes records by id and key, and forgets them when removed', () => {
    const b = createRecordBuffer(10)
    const one = b.insert(rec(1), 'k1')
    b.insert(rec(2), 'k2')
    expect(b.get(1)).toBe(one)
    expect(b.has('k1')).toBe(true)
    b.remove(one)
    expect([b.get(1), b.has('k1'), b.records().map((r) => r.id)]).toEqual([undefined, false, [2]])
  })

  it('puts a finished request in its placeholder’s place, dropping the placeholder from every index', () => {
    const b = createRecordBuffer(10)
    b.insert(rec(1), 'k1')
    const placeholder = b.insert(rec(2), 'answerless', { awaiting: 'x2' })
    b.insert(rec(3), 'k3')
    expect(b.placeholder('x2')).toBe(placeholder)
    const done = b.insert(rec(2), 'k2', { replacing: placeholder })
    expect(b.records().map((r) => r.id)).toEqual([1, 2, 3])
    expect([b.placeholder('x2'), b.has('answerless'), b.get(2)]).toEqual([undefined, false, done])
  })

  it('drops the oldest past capacity only when trimmed, and counts them until a clear', () => {
    const b = createRecordBuffer(2)
    for (const id of [1, 2, 3]) b.insert(rec(id), `k${id}`)
    expect(b.records()).toHaveLength(3)
    expect(b.trim()).toBe(1)
    expect([b.records().map((r) => r.id), b.dropped, b.has('k1'), b.get(1)]).toEqual([[2, 3], 1, false, undefined])
    b.clear()
    expect([b.records(), b.dropped]).toEqual([[], 0])
  })

  it('keeps what retain says yes to, in order', () => {
    const b = createRecordBuffer(10)
    for (const id of [1, 2, 3]) b.insert(rec(id), `k${id}`)
    b.retain((s) => s.record.id !== 2)
    expect([b.records().map((r) => r.id), b.has('k2'), b.get(2)]).toEqual([[1, 3], false, undefined])
  })
})
