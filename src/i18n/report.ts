// The analysis-report messages (finding titles and details, body notes, CLI report) in English and
// Simplified Chinese, for the core and the CLI: the panel's initial bundle does not carry them
// (test/core/error-codes-zh.test.ts checks the panel's static imports; a Chinese panel loads the catalogs
// after its first paint, through ../core/localize.ts). Both languages are bundled here. Pure: no DOM, no
// extension API.
import { reportEn } from './report-en.ts'
import { reportZh_CN } from './report-zh_CN.ts'
import { createTranslator } from './translator.ts'

export { reportEn, type ReportKey } from './report-en.ts'
export { reportZh_CN } from './report-zh_CN.ts'

const report = createTranslator<typeof reportEn>()
report.register('en', reportEn)
report.register('zh_CN', reportZh_CN)

/** A report message: `tr(locale, 'finding.clock-skew.title', { skew })`. */
export const tr = report.t
/** A plural report message: `trn(locale, 'cli.summary.bos', n)`. */
export const trn = report.tn
export const reportTemplate = report.template
