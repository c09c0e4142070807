// Registers every UI catalog statically: for the CLI (one bundle file, no chunks) and tests. The report
// catalogs (./report.ts) register themselves; this is only about the UI ones.
import { en } from './en.ts'
import { registerUiCatalog } from './index.ts'
import { zh_CN } from './zh_CN.ts'

export function registerAllLocales(): void {
  registerUiCatalog('en', en)
  registerUiCatalog('zh_CN', zh_CN)
}
