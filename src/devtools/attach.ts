// How the DevTools page hands its store to the panel window. The panel iframe is created on first show and
// its module script may run before or after onShown fires, so both orders are covered: the store is left on
// the window for a panel that starts later, and handed to a panel that is already waiting.
import type { PanelStore } from './store-types.ts'

declare global {
  interface Window {
    /** Defined by the panel at startup; receives the store (maybe more than once: make it idempotent). */
    __bosAttach?: (store: PanelStore) => void
    /** Set by the DevTools page; the panel reads it at startup. */
    __bosStore?: PanelStore
  }
}

export function attachToPanel(win: Window, store: PanelStore): void {
  try {
    win.__bosStore = store
    win.__bosAttach?.(store)
  } catch {
    // a panel that fails to attach must not break capture; the next onShown tries again
  }
}
