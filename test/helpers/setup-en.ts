// Setup file of the unit project (vite.config.ts): every test starts with the panel in English and the
// English catalog loaded, as the panel has it after its first paint in an English browser.
import { usePanelLocale } from './i18n.ts'

await usePanelLocale('en')
