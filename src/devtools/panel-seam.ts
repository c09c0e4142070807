// The panel window's side of the seam (see ./seam.ts): the synchronous calls it makes before the store
// arrives or outside it. The polyfill passes these through unchanged, so they read chrome.* directly and
// the first paint waits for no polyfill. A module of its own so the panel's startup bundle stays small.
import type { Theme } from './seam.ts'

/** Panel side: the extension API of the panel window, or undefined outside an extension (tests, the inline shell). */
const panelChrome = (): typeof chrome | undefined => (typeof chrome === 'undefined' ? undefined : chrome)

/** The browser's UI language. */
export function uiLanguage(): string | undefined {
  try {
    return panelChrome()?.i18n?.getUILanguage?.()
  } catch {
    return undefined
  }
}

/** Whether the panel runs inside DevTools at all. */
export const inDevtools = (): boolean => {
  try {
    return panelChrome()?.devtools !== undefined
  } catch {
    return false
  }
}

/** The DevTools theme as the panel window can read it, before the store brings its own. */
export function panelTheme(): Theme {
  try {
    return panelChrome()?.devtools?.panels?.themeName === 'dark' ? 'dark' : 'light'
  } catch {
    return 'light'
  }
}

/** The installed extension's version. */
export function extensionVersion(): string | undefined {
  try {
    return panelChrome()?.runtime?.getManifest?.().version
  } catch {
    return undefined
  }
}
