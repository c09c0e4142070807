// Public surface of the pure BOS core: plain data in, plain findings out. No DOM, no extension API.
export { analyzeHar, analyzeExchange, BosAnalyzer, NotAHarError, summarize, type AnalyzeOptions, type HarAnalysis } from './analyze.ts'
export { explainHeaders, type HeaderExplanation } from './headers.ts'
export { ERROR_CODES, lookupErrorCode, type ErrorCodeEntry } from './error-codes.ts'
export { harEntries, toExchange, HeaderMap, type Exchange } from './har.ts'
export { compileHostPatterns } from './hosts.ts'
export { describeSkew, humanDuration } from './clock.ts'
export type * from './types.ts'
