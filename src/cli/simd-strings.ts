// The HAR scan's long strings skipped with WebAssembly SIMD (string-skip.wat), for the CLI: two to
// three times the speed of the scan's own 4-bytes-a-step loop on the bench's realistic session. The
// panel keeps the scan's own loop: WebAssembly there would need 'wasm-unsafe-eval' in its policy.
import type { StringSkipper } from '../core/index.ts'
import bytes from './string-skip.wat'

const PAGE = 1 << 16
// The skip reads 64 bytes a step, up to 63 past the end of the chunk.
const ROOM = 64

interface Exports {
  memory: WebAssembly.Memory
  skip(i: number, n: number): number
}

/** A skipper on its own memory; null where WebAssembly SIMD is missing (the scan then uses its own loop). */
export function simdStrings(): StringSkipper | null {
  let exports: Exports
  try {
    exports = new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports as unknown as Exports
  } catch {
    return null
  }
  const { memory, skip } = exports
  let heap = new Uint8Array(memory.buffer)
  let chunk: Uint8Array | null = null
  let n = 0
  // The chunk is copied in on the first skip: many chunks of a BOS-dense HAR have no long string.
  let copied = false
  return {
    load(c) {
      chunk = c
      n = c.length
      copied = false
    },
    skip(i) {
      if (!copied) {
        if (heap.length < n + ROOM) {
          memory.grow(Math.ceil((n + ROOM - heap.length) / PAGE))
          heap = new Uint8Array(memory.buffer)
        }
        heap.set(chunk!, 0)
        copied = true
      }
      return skip(i, n)
    },
  }
}
