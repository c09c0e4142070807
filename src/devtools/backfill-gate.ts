// While getHAR() runs, live DevTools events wait, so HAR entries come first and duplicates can be dropped;
// once the backfill is in they are replayed in order and later ones pass straight through.

export interface BackfillGate<E> {
  /** True until `release`. */
  readonly holding: boolean
  /** Keeps the event for the replay (only while holding). */
  hold(event: E): void
  /** Ends the holding; returns the held events, oldest first (none on a second call). */
  release(): E[]
}

export function createBackfillGate<E>(): BackfillGate<E> {
  let held: E[] | null = []
  return {
    get holding() {
      return held !== null
    },
    hold(event) {
      held?.push(event)
    },
    release() {
      const events = held ?? []
      held = null
      return events
    },
  }
}
