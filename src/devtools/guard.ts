/** Runs one event handler; a bad entry must not stop capture. Nothing is logged: captured data is private. */
export function guard(fn: () => void): void {
  try {
    fn()
  } catch {
    // dropped on purpose, see above
  }
}

export const noop = (): void => {}

/** Yields to the event loop: scheduler.yield() where there is one (no 4 ms clamp of nested timers), else a timer. */
export const breathe = (): Promise<unknown> => {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler
  return typeof scheduler?.yield === 'function' ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0))
}
