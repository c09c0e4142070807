// The snapshot side of the store: an immutable snapshot rebuilt on demand after a change, and one
// notification per burst of changes (everything changed in one task gives listeners one call).
import { guard } from './guard.ts'

export interface Publisher<S> {
  /** The current snapshot: a new object after every change, the same object otherwise. */
  getSnapshot(): S
  subscribe(listener: () => void): () => void
  /** Marks the snapshot stale and schedules a notification. */
  changed(): void
  /** The notification still to be sent, if any. */
  pending(): Promise<void> | null
  /** Drops every listener. */
  close(): void
}

export function createPublisher<S>(build: () => S): Publisher<S> {
  const listeners = new Set<() => void>()
  let snapshot = build()
  let dirty = false
  let notification: Promise<void> | null = null
  return {
    getSnapshot() {
      if (dirty) {
        snapshot = build()
        dirty = false
      }
      return snapshot
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
    changed() {
      dirty = true
      notification ??= Promise.resolve().then(() => {
        notification = null
        for (const listener of [...listeners]) guard(listener)
      })
    },
    pending: () => notification,
    close: () => listeners.clear(),
  }
}
