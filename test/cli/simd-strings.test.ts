// The SIMD string skip (src/cli/string-skip.wat) against a byte-by-byte reading of the same bytes: it
// stops exactly where the scan must look (a closing quote, a control byte, a bad or \u escape's
// backslash, the end), across its 64-byte steps, escapes split between steps and chunks of any length.
import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { simdStrings } from '../../src/cli/simd-strings.ts'

const ESCAPES = new Set([...'"\\/bfnrt'].map((c) => c.charCodeAt(0)))

/** Where the scan must look next from i, one byte at a time. */
function reference(b: Uint8Array, i: number): number {
  const n = b.length
  for (let j = i; j < n; ) {
    const c = b[j]!
    if (c === 0x22 || c < 0x20) return j
    if (c !== 0x5c) {
      j++
      continue
    }
    if (j + 1 >= n) return j
    const e = b[j + 1]!
    if (e === 0x75 || !ESCAPES.has(e)) return j
    j += 2
  }
  return n
}

// Bytes a string's contents are made of, with the ones the skip must tell apart made common, and a
// backslash before every byte there is (raw bytes too, not UTF-8).
const enc = new TextEncoder()
const text = fc.constantFrom(
  'a',
  'x'.repeat(30),
  '\\',
  '\\\\',
  '\\"',
  '"',
  '\\u',
  '\\u00e9',
  '\\n',
  '\\/',
  '\n',
  '\u0001',
  '\u001f',
  ' ',
  'é',
  '😀',
  '\u007f',
  'bfnrtu/',
)
const piece = fc.oneof(
  text.map((t) => enc.encode(t)),
  fc.integer({ min: 0, max: 255 }).map((c) => Uint8Array.of(0x5c, c)),
)
const contents = fc.array(piece, { maxLength: 120 }).map((ps) => {
  const out = new Uint8Array(ps.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of ps) {
    out.set(p, at)
    at += p.length
  }
  return out
})

describe('simdStrings', () => {
  const simd = simdStrings()!

  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('is there: Node has WebAssembly SIMD', () => {
    expect(simd).not.toBeNull()
  })

  it('stops where a byte-by-byte reading stops, from every place the scan resumes at', () => {
    fc.assert(
      fc.property(contents, fc.integer({ min: 0, max: 70 }), (bytes, lead) => {
        // The chunk starts `lead` bytes into the string, so that steps and escapes fall on every alignment.
        const chunk = new Uint8Array(lead + bytes.length)
        chunk.fill(0x61, 0, lead)
        chunk.set(bytes, lead)
        simd.load(chunk)
        // Resume as the scan does: past a \u escape, past a byte it steps over; stop at anything else.
        for (let i = 0; i <= chunk.length; ) {
          const want = reference(chunk, i)
          expect(simd.skip(i)).toBe(want)
          if (want >= chunk.length) break
          const c = chunk[want]!
          if (c === 0x5c && chunk[want + 1] === 0x75) i = want + 6
          else if (c === 0x5c && want + 1 >= chunk.length) break
          else i = want + 1 // a quote, a control byte or a bad escape: the scan stops; the skip goes on after it
        }
      }),
      { numRuns: 3000 },
    )
  })

  it('reads each chunk anew, of any length, and a longer one after a shorter', () => {
    // A run of backslashes over thousands of steps: an even run leaves the quote after it closing the
    // string; an odd one escapes it, and the string goes on past the chunk's end.
    const even = new Uint8Array(300_001).fill(0x5c)
    even[300_000] = 0x22
    simd.load(even)
    expect(simd.skip(0)).toBe(300_000)
    const odd = even.subarray(1)
    simd.load(odd)
    expect(simd.skip(0)).toBe(odd.length)
    const short = new TextEncoder().encode('ab"')
    simd.load(short)
    expect(simd.skip(0)).toBe(2)
    const big = new Uint8Array(3 << 20).fill(0x61)
    big[big.length - 3] = 0x22
    simd.load(big)
    expect(simd.skip(5)).toBe(big.length - 3)
  })

  it('is null where WebAssembly cannot compile it (the scan then keeps its own loop)', () => {
    vi.spyOn(WebAssembly, 'Module').mockImplementation(function () {
      throw new WebAssembly.CompileError('no SIMD')
    })
    expect(simdStrings()).toBeNull()
  })
})
