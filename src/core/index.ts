// Public surface of the pure BOS core: plain data in, plain findings out. No DOM, no extension API.
export {
  analyzeHar,
  analyzeExchange,
  BosAnalyzer,
  isSessionRequest,
  NotAHarError,
  summarize,
  isFailure,
  type AnalyzeOptions,
  type HarAnalysis,
} from './analyze.ts'
export { explainHeaders, type HeaderExplanation } from './headers.ts'
export { ERROR_CODES, lookupErrorCode, type ErrorCodeEntry } from './error-codes.ts'
export {
  readHarEntries,
  readHarRecords,
  parseHarEntry,
  HarSyntaxError,
  HarAmbiguousError,
  HarEntryTooLargeError,
  entryText,
  HarScanner,
  type HarReadOptions,
  type StringSkipper,
  type HarHandOff,
  recordIsBos,
  type HarEntryRecord,
} from './har-stream.ts'
export { harEntries, toExchange, HeaderMap, type Exchange } from './har.ts'
export { compileHostPatterns } from './hosts.ts'
export { describeSkew, humanDuration } from './clock.ts'
export type * from './types.ts'
export { canonicalRequest, checkSignature, signingTraps, uriEncode, type CanonicalRequest, type SigningTrap } from './signing.ts'
export { decodeAuthString, findAuth, type DecodedAuth } from './auth.ts'
export { SessionTracker, MIN_PART_SIZE, type UploadSession, type UploadPartInfo, type SessionLimits, type SessionDrops } from './sessions.ts'
export { redactHar, redactEntry, redactUrl, redactHeader, redactAuthorization, REDACTED } from './redact.ts'
