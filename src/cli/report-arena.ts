// The reports of entries analysed during the first pass, kept as UTF-8 until the input is known sound
// (a broken file prints nothing but its error). Bytes in Buffers live outside the JS heap: strings or
// analyses kept that long were copied by every young-generation GC, which cost more than parsing the
// entries again. Bounded: past `budget` bytes nothing more is kept and the caller reads those entries again.

const BLOCK = 1 << 20

export class ReportArena {
  private readonly blocks: Buffer[] = []
  private block: Buffer = Buffer.alloc(0)
  private at = 0
  private allocated = 0
  // Per report: [block, start, end].
  private readonly spans: number[] = []

  constructor(private readonly budget: number) {}

  /** The bytes that may still be kept. */
  get room(): number {
    return this.budget - this.allocated
  }

  /** Keeps the UTF-8 of `text` (as Buffer.write encodes it: a lone surrogate as U+FFFD); returns its slot. */
  add(text: string): number {
    // A UTF-16 code unit takes at most 3 bytes of UTF-8. Where that bound does not fit, the exact size:
    // reserving the bound for big reports filled the budget with unused memory.
    let most = text.length * 3
    if (this.at + most > this.block.length) most = Buffer.byteLength(text, 'utf8')
    const start = this.reserve(most)
    this.at += this.block.write(text, start, 'utf8')
    return this.slot(start)
  }

  /**
   * Keeps a report already written as UTF-8 (by the helper thread); returns its slot. It is taken even
   * past the budget: the entry was handed on while the arena was open.
   */
  addBytes(bytes: Uint8Array): number {
    const start = this.reserve(bytes.length)
    this.block.set(bytes, start)
    this.at += bytes.length
    return this.slot(start)
  }

  /** Where `most` bytes may be written in the current block (a new one when they do not fit). */
  private reserve(most: number): number {
    if (this.at + most > this.block.length) {
      this.block = Buffer.allocUnsafe(Math.max(BLOCK, most))
      this.blocks.push(this.block)
      this.allocated += this.block.length
      this.at = 0
    }
    return this.at
  }

  private slot(start: number): number {
    this.spans.push(this.blocks.length - 1, start, this.at)
    return this.spans.length / 3 - 1
  }

  /** The bytes of a slot, valid while the arena lives. */
  get(slot: number): Buffer {
    const s = this.spans
    return this.blocks[s[3 * slot]!]!.subarray(s[3 * slot + 1]!, s[3 * slot + 2]!)
  }
}
