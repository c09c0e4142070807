/** Runs one event handler; a bad entry must not stop capture. Nothing is logged: captured data is private. */
export function guard(fn: () => void): void {
  try {
    fn()
  } catch {
    // dropped on purpose, see above
  }
}

export const noop = (): void => {}

/**
 * Yields to the event loop as an ordinary task, behind the timers and events already waiting (a
 * scheduler.yield() continuation goes before them, so a long import would starve the panel's timers).
 * A posted message, not a timer: nested timers are clamped to 4 ms.
 */
export const nextTask = (): Promise<void> =>
  new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel()
    port1.onmessage = () => {
      port1.close()
      resolve()
    }
    port2.postMessage(null)
  })
