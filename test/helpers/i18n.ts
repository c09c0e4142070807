// The UI language in tests. Component and unit tests run in English (test/helpers/setup-en.ts, a setup
// file of the unit project, loads the English catalog and pins the panel to it), so their expected texts
// are the English ones; a test of another language switches with renderIn / useLocale below.
import { afterAll, beforeAll } from 'vitest'
import { sayUi, type Locale, type UiMessage } from '../../src/i18n/index.ts'
import { loadUiLocale } from '../../src/i18n/load.ts'
import { setLocale } from '../../src/panel/i18n.ts'
import { loadViewParts } from '../../src/panel/ViewParts.tsx'

/** Loads both parts of `locale` (and in Chinese the error-code texts), and the detail views, and makes it the panel's language. */
export async function usePanelLocale(locale: Locale): Promise<void> {
  await loadUiLocale(locale, 'startup')
  setLocale(locale)
  await loadViewParts() // the detail pane too, as the panel has it right after its first paint
}

/** The panel in `locale` for the tests of one file (or describe block), English again afterwards. */
export function useLocale(locale: Locale): void {
  beforeAll(() => usePanelLocale(locale))
  afterAll(() => usePanelLocale('en'))
}

/** A message from the DevTools page (a UiMessage, or an older page's sentence) in English. */
export const english = (m: UiMessage | string): string => (typeof m === 'string' ? m : sayUi('en', m))
