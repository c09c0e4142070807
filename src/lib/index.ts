// `import … from 'bos-devtools'`: the published library. The pure core (analysis, redaction), the two
// reports the CLI prints (the --json contract as types, the text report in English and Chinese) and the
// Playwright-trace reader. Nothing here loads Node built-ins, the DOM or @playwright/test.
export * from '../core/index.ts'
export type { HarNote } from '../core/capture-notes.ts'
export { localizeAnalysis } from '../core/localize.ts'
export { LOCALES, type Locale } from '../i18n/locale.ts'
export { formatReport, toJsonReport, VERSION, type JsonReport, type ReportOptions, type TextReportOptions } from './report.ts'
export { harFromTrace, isZip, NotATraceError } from './trace.ts'
