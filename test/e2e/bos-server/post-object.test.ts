// Unit tests of the test server's PostObject policy checks.

import { describe, expect, it } from 'vitest'
import { BosError } from './errors.ts'
import { checkPolicyConditions, decodePolicy } from './post-object.ts'

const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64')
const codeOf = (f: () => unknown): string | null => {
  try {
    f()
    return null
  } catch (e) {
    if (!(e instanceof BosError)) throw e
    return e.code
  }
}

describe('decodePolicy', () => {
  it('reads a base64 JSON policy with an expiration date and a conditions array', () => {
    const policy = { expiration: '2026-01-02T03:04:05Z', conditions: [{ bucket: 'b' }] }
    expect(decodePolicy(b64(policy))).toEqual(policy)
  })
  it.each([
    ['not JSON', b64('{not json')],
    ['not an object', b64('null')],
    ['no expiration', b64({ conditions: [] })],
    ['an expiration that is no date', b64({ expiration: 'soon', conditions: [] })],
    ['an expiration that is a number', b64({ expiration: 1767323045, conditions: [] })],
    ['no conditions', b64({ expiration: '2026-01-02T03:04:05Z' })],
    ['conditions that are an object', b64({ expiration: '2026-01-02T03:04:05Z', conditions: {} })],
  ])('InvalidPolicyDocument for %s', (_what, field) => {
    expect(codeOf(() => decodePolicy(field))).toBe('InvalidPolicyDocument')
  })
})

describe('checkPolicyConditions', () => {
  const form: Record<string, string> = { bucket: 'mybucket', key: 'up/a.txt', 'Content-Type': 'text/plain' }
  const check = (conditions: unknown[], size = 10) => codeOf(() => checkPolicyConditions(conditions, (n) => form[n], size))

  it('passes a form that meets every condition', () => {
    expect(
      check([{ bucket: 'mybucket' }, { key: 'up/*' }, ['content-length-range', 0, 10], ['eq', '$Content-Type', 'text/plain'], ['starts-with', '$key', 'up/']]),
    ).toBeNull()
    expect(check([])).toBeNull()
  })

  it('content-length-range is inclusive: MaxMessageLengthExceeded outside it', () => {
    expect(check([['content-length-range', 10, 10]], 10)).toBeNull()
    expect(check([['content-length-range', 0, 9]], 10)).toBe('MaxMessageLengthExceeded')
    expect(check([['content-length-range', 11, 20]], 10)).toBe('MaxMessageLengthExceeded')
  })

  it('AccessDenied when a value differs: eq, starts-with, { name: pattern } (a missing field is empty)', () => {
    expect(check([['eq', '$key', 'up/b.txt']])).toBe('AccessDenied')
    expect(check([['eq', 'key', 'up/a.txt']])).toBeNull()
    expect(check([['starts-with', '$key', 'down/']])).toBe('AccessDenied')
    expect(check([['starts-with', '$x-bce-meta-a', '']])).toBeNull()
    expect(check([{ bucket: 'other' }])).toBe('AccessDenied')
    expect(check([{ 'x-bce-meta-a': '*' }])).toBeNull()
    expect(check([{ 'x-bce-meta-a': '?' }])).toBe('AccessDenied')
  })

  it('InvalidPolicyDocument for a condition of another shape', () => {
    expect(check([['content-length-range', '0', 10]])).toBe('InvalidPolicyDocument')
    expect(check([['in', '$key', 'x']])).toBe('InvalidPolicyDocument')
    expect(check([['eq', '$key', 1]])).toBe('InvalidPolicyDocument')
    expect(check([{ key: 1 }])).toBe('InvalidPolicyDocument')
    expect(check(['key'])).toBe('InvalidPolicyDocument')
    expect(check([null])).toBe('InvalidPolicyDocument')
  })

  it('checks in order: the first failing condition decides', () => {
    expect(check([{ bucket: 'other' }, ['content-length-range', 0, 1]])).toBe('AccessDenied')
    expect(check([['content-length-range', 0, 1], { bucket: 'other' }])).toBe('MaxMessageLengthExceeded')
  })
})
