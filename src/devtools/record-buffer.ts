// The capped list of records and its indexes: by id (bodies arriving, session re-analysis), by dedupe key
// (an exchange seen twice) and by exchange key (a HAR entry without an answer, which the finished request
// replaces). Ids are unique and increasing within one buffer, across clears.
import type { CapturedRecord } from './store-types.ts'

export interface Slot {
  record: CapturedRecord
  readonly key: string
  /** Set while the record is a HAR entry without an answer, which the finished request replaces. */
  awaiting: string | null
}

export interface RecordBuffer {
  readonly capacity: number
  /** Records dropped from the front since the last clear. */
  readonly dropped: number
  /** The id the next record gets; `takeId` spends it. */
  peekId(): number
  takeId(): number
  records(): CapturedRecord[]
  slots(): readonly Slot[]
  /** The listed slot of a record id (not one cleared, dropped or replaced). */
  get(id: number): Slot | undefined
  has(key: string): boolean
  /** The answerless record a finished request with this exchange key replaces. */
  placeholder(exchangeKey: string): Slot | undefined
  /** Appends, or puts the record in `replacing`'s place. */
  insert(record: CapturedRecord, key: string, opts?: { replacing?: Slot; awaiting?: string }): Slot
  /** Drops the oldest records past capacity; returns how many. */
  trim(): number
  remove(slot: Slot): void
  /** Keeps the slots `keep` says yes to, in order. */
  retain(keep: (slot: Slot) => boolean): void
  /** Empties the buffer; ids go on increasing. */
  clear(): void
}

export function createRecordBuffer(capacity: number): RecordBuffer {
  let slots: Slot[] = []
  const byId = new Map<number, Slot>()
  const keys = new Set<string>()
  const awaiting = new Map<string, Slot>()
  let nextId = 1
  let dropped = 0

  /** Drops a slot's entries from the indexes (not from `slots`). */
  function forget(slot: Slot): void {
    if (byId.get(slot.record.id) === slot) byId.delete(slot.record.id)
    keys.delete(slot.key)
    if (slot.awaiting !== null) awaiting.delete(slot.awaiting)
  }

  return {
    capacity,
    get dropped() {
      return dropped
    },
    peekId: () => nextId,
    takeId: () => nextId++,
    records: () => slots.map((s) => s.record),
    slots: () => slots,
    get: (id) => byId.get(id),
    has: (key) => keys.has(key),
    placeholder: (key) => (awaiting.size > 0 ? awaiting.get(key) : undefined),

    insert(record, key, { replacing, awaiting: awaitKey } = {}) {
      const slot: Slot = { record, key, awaiting: null }
      if (replacing) {
        forget(replacing)
        slots[slots.indexOf(replacing)] = slot
      } else {
        slots.push(slot)
        if (awaitKey !== undefined) {
          slot.awaiting = awaitKey
          awaiting.set(awaitKey, slot)
        }
      }
      byId.set(record.id, slot)
      keys.add(key)
      return slot
    },

    trim() {
      const over = Math.max(0, slots.length - capacity)
      for (const old of slots.splice(0, over)) forget(old)
      dropped += over
      return over
    },

    remove(slot) {
      forget(slot)
      const i = slots.indexOf(slot)
      if (i >= 0) slots.splice(i, 1)
    },

    retain(keep) {
      slots = slots.filter((slot) => keep(slot) || (forget(slot), false))
    },

    clear() {
      slots = []
      byId.clear()
      keys.clear()
      awaiting.clear()
      dropped = 0
    },
  }
}
