import { describe, expect, it } from 'vitest'
import { keepValidHostPatterns, normaliseHostPattern, normaliseHostPatterns } from '../../src/devtools/host-patterns.ts'

describe('host patterns', () => {
  it.each([
    ['files.example.com', 'files.example.com'],
    ['  CDN.Example.COM ', 'cdn.example.com'],
    ['*.example.com', '*.example.com'],
    ['https://files.example.com:8443/a/b?c', 'files.example.com'],
    ['10.0.0.5', '10.0.0.5'],
    ['localhost', 'localhost'],
    ['files.example.com/bucket/dir', 'files.example.com'],
  ])('accepts %j as %j', (raw, want) => {
    expect(normaliseHostPattern(raw)).toBe(want)
  })

  it.each(['files example.com', 'files..example.com', '-bad.example.com', '*', '*.', 'https://', '[::1]', `${'a'.repeat(64)}.com`])(
    'rejects %j with a message naming it',
    (raw) => {
      expect(() => normaliseHostPattern(raw)).toThrow(`"${raw.trim()}"`)
    },
  )

  it('rejects a wildcard over a whole top-level domain', () => {
    expect(() => normaliseHostPattern('*.com')).toThrow('matches every host under .com')
  })

  it('drops empties and duplicates, keeping the first', () => {
    expect(normaliseHostPatterns(['b.example.com', '', '  ', 'B.example.com', 'a.example.com'])).toEqual(['b.example.com', 'a.example.com'])
  })

  it('keeps only the valid stored patterns', () => {
    expect(keepValidHostPatterns(['ok.example.com', 7, null, 'no way', 'OK.example.com'])).toEqual(['ok.example.com'])
  })
})
