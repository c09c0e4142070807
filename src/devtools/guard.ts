/** Runs one event handler; a bad entry must not stop capture. Nothing is logged: captured data is private. */
export function guard(fn: () => void): void {
  try {
    fn()
  } catch {
    // dropped on purpose, see above
  }
}

export const noop = (): void => {}
