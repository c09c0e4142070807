// The analysis entry point: one HAR entry in, one plain EntryAnalysis out (null when not BOS).
import type { OperationName } from './operation-names.ts'
import { findAuth, publicAuth, type AuthResult } from './auth.ts'
import { corsFindings } from './cors.ts'
import { checkPostObject } from './post-policy.ts'
import { CaptureNotes, type HarNote } from './capture-notes.ts'
import { redactHeader, redactUrl } from './redact.ts'
import { SessionTracker, type SessionLimits, type UploadSession } from './sessions.ts'
import { canonicalRequest, signingTraps } from './signing.ts'
import { SIGV4 } from './sigv4.ts'
import { sigv4CanonicalRequest } from './sigv4-canonical.ts'
import { list, msg, plural, sentences } from '../i18n/report-message.ts'
import { type ClockReading, diagnoseExpiry, duration, measureSkew, SKEW_THRESHOLD_SECONDS, skew } from './clock.ts'
import { english, finding } from './finding.ts'
import { digestFindings } from './digests.ts'
import { sdkChecksumFindings } from './sdk-checksums.ts'
import { decodeErrorBody, type DecodedBody } from './error-body.ts'
import { decodeSuccessBody } from './success-body.ts'
import { findProcess } from './process.ts'
import { callbackFindings } from './callback.ts'
import { lookupErrorCode } from './error-codes.ts'
import { lookupS3ErrorCode } from './s3-error-codes.ts'
import { exchangeUrl, harEntries, queryParams, toExchange, type Exchange } from './har.ts'
import { compileHostPatterns, matchBos, mayBeBos, type BosTarget } from './hosts.ts'
import { detectOperation } from './operations.ts'
import type { AnalysisSummary, DecodedAuth, EntryAnalysis, ErrorInfo, Finding } from './types.ts'

export interface AnalyzeOptions {
  /** Extra host patterns (custom domains, CDNs): `files.example.com`, `*.example.com`. */
  customHosts?: readonly string[]
  /** Bounds on the upload-session state, for an analyzer that lives as long as DevTools is open. */
  sessionLimits?: SessionLimits
}

export interface HarAnalysis {
  entries: EntryAnalysis[]
  uploads: UploadSession[]
  summary: AnalysisSummary
  /** What the file as a whole lacks, said once (capture-notes.ts); added after the first contract. */
  notes: HarNote[]
}

const STS_EXPIRED = /time expired|token (has )?expired|expired token/i

/** The response body: an error status's decoded, a success's described (and read for a 200 error). */
function responseBody(x: Exchange, operation: OperationName | null): DecodedBody {
  return x.status >= 400 ? decodeErrorBody(x) : decodeSuccessBody(x, operation)
}

function errorInfo(x: Exchange, body: DecodedBody, s3: boolean, operation: OperationName | null, findings: Finding[]): ErrorInfo | null {
  // A success's body has a code only when it is an error document (success-body.ts).
  if (!body.code) return null
  const okStatus = x.status < 400
  if (okStatus) {
    const p = { status: x.status, code: body.code, operation: operation ?? '' }
    findings.push(
      finding('error-in-success-body', 'error', msg('finding.error-in-success-body.title', p), msg('finding.error-in-success-body.detail', p), {
        code: body.code,
      }),
    )
  }
  // The S3 endpoint's codes are S3's (its own table first); BOS's table covers what the backend adds.
  const s3Known = s3 ? lookupS3ErrorCode(body.code) : undefined
  const known = s3Known ?? lookupErrorCode(body.code)
  if (!known) {
    const title = msg('finding.unknown-code.title', { code: body.code })
    findings.push(finding('unknown-code', 'info', title, msg('finding.unknown-code.detail', { status: x.status, code: body.code }), { code: body.code }))
    return {
      code: body.code,
      message: body.message ?? '',
      documentedStatus: null,
      description: english(msg('error.unknown.description')),
      advice: english(msg('error.unknown.advice')),
    }
  }
  // An S3 status is AWS's: BOS documents none for this endpoint, so a different one proves nothing.
  if (!s3Known && !okStatus && known.status !== x.status) {
    const p = { code: known.code, status: x.status, documented: known.status }
    const facts = { observedStatus: x.status, documentedStatus: known.status }
    findings.push(finding('status-mismatch', 'warning', msg('finding.status-mismatch.title', p), msg('finding.status-mismatch.detail', p), facts))
  }
  return { code: known.code, message: body.message ?? known.message, documentedStatus: known.status, description: known.description, advice: known.advice }
}

function bodyFindings(x: Exchange, body: DecodedBody, preflight: boolean, findings: Finding[]): void {
  // A refused preflight is explained by the CORS finding; its empty body says nothing more.
  if (x.status < 400 || preflight) return
  if (body.format === 'head' || body.format === 'empty' || body.format === 'unavailable') {
    const guess = x.status === 404 ? msg('finding.no-error-body.guess404') : x.status === 403 ? msg('finding.no-error-body.guess403') : null
    const detail = sentences(body.noteMessage, msg('finding.no-error-body.detail', { status: x.status }), guess)
    findings.push(finding('no-error-body', 'info', msg('finding.no-error-body.title'), detail, { reason: body.format }))
  } else if (!body.code) {
    const title = msg(body.format === 'html' ? 'finding.error-body-not-bos.title.html' : 'finding.error-body-not-bos.title')
    findings.push(finding('error-body-not-bos', 'warning', title, body.noteMessage ?? msg('finding.error-body-not-bos.detail'), { format: body.format }))
  } else if (body.truncated) {
    findings.push(
      finding('error-body-truncated', 'info', msg('finding.error-body-truncated.title'), body.noteMessage ?? msg('finding.error-body-truncated.detail')),
    )
  }
}

function clockFindings(x: Exchange, clock: ClockReading | null, auth: AuthResult | null, error: ErrorInfo | null, s3: boolean, findings: Finding[]): void {
  const signed = auth?.ok ? auth.auth : null
  const code = error?.code
  const stsMessage = (!!error && STS_EXPIRED.test(error.message)) || code === 'ExpiredToken'
  // S3 answers an expired presigned URL with AccessDenied "Request has expired".
  const expiredDenied = signed?.version === SIGV4 && code === 'AccessDenied' && /request has expired/i.test(error?.message ?? '')
  if (code === 'RequestExpired' || code === 'RequestTimeTooSkewed' || stsMessage || expiredDenied) {
    const xBceDate = x.requestHeaders.get('x-bce-date')
    const xBceDateMs = xBceDate ? Date.parse(xBceDate) : NaN
    // The server quotes the timestamp it judged: "Request has expired. Timestamp date is 2016-04-06T08:23:49Z".
    const quoted = error?.message ? /Timestamp date is (\S+?)\.?$/.exec(error.message)?.[1] : undefined
    const quotedMs = quoted ? Date.parse(quoted) : NaN
    const signedAtMs = signed?.signedAtMs ?? (Number.isFinite(xBceDateMs) ? xBceDateMs : Number.isFinite(quotedMs) ? quotedMs : null)
    const d = diagnoseExpiry({
      clock,
      clientStartMs: x.startedMs,
      signedAtMs,
      // Unsigned: BOS's default validity; SigV4's header form has none (null: the window is not stated).
      expirationSeconds: signed ? signed.expirationSeconds : signedAtMs !== null ? 1800 : null,
      presigned: signed?.source === 'query',
      sts: signed?.sts ?? false,
      stsMessage,
    })
    // Every cause but client-clock ends with the measured skew, when the response had a Date.
    const measured = clock && d.cause !== 'client-clock' ? msg('finding.request-expired.measuredSkew', { skew: skew(clock.skewSeconds) }) : null
    const skewed = code === 'RequestTimeTooSkewed'
    // RequestTimeTooSkewed is a signing time outside the server's window, not an expired signature.
    const title =
      d.cause === 'client-clock' && clock
        ? msg(skewed ? 'finding.request-time-too-skewed.title.client-clock' : 'finding.request-expired.title.client-clock', { skew: skew(clock.skewSeconds) })
        : skewed
          ? msg(d.cause === 'signer-clock' ? 'finding.request-time-too-skewed.title.signer-clock' : 'finding.request-time-too-skewed.title')
          : msg(d.cause === 'client-clock' ? 'finding.request-expired.title.unknown' : `finding.request-expired.title.${d.cause}`)
    const detail =
      skewed && d.cause === 'client-clock' && clock ? msg('finding.request-time-too-skewed.detail.client-clock', { skew: skew(clock.skewSeconds) }) : d.detail
    findings.push(
      finding(skewed ? 'request-time-too-skewed' : 'request-expired', 'error', title, measured ? sentences(detail, measured) : detail, {
        cause: d.cause,
        ...(clock ? { skewSeconds: clock.skewSeconds, serverDate: clock.serverDate } : {}),
        ...(signedAtMs !== null ? { signedAt: new Date(signedAtMs).toISOString() } : {}),
        signatureAgeSeconds: d.signatureAgeSeconds,
        overdueSeconds: d.overdueSeconds,
      }),
    )
  }

  const validity = signed?.expirationSeconds ?? null
  if (signed?.source === 'query' && validity !== null && validity > 0 && signed.signedAtMs !== null) {
    const nowMs = clock?.serverMs ?? x.startedMs
    const expiresMs = signed.signedAtMs + validity * 1000
    if (nowMs !== null && nowMs > expiresMs) {
      const expiredAt = new Date(expiresMs).toISOString()
      const detail = msg(clock ? 'finding.presigned-expired.detail.server' : 'finding.presigned-expired.detail.browser', {
        // SigV4's X-Amz-Date (20261204T225328Z) in the same form as expiredAt.
        signedAt: signed.version === SIGV4 ? new Date(signed.signedAtMs).toISOString() : signed.timestamp,
        seconds: validity,
        expiredAt,
        duration: duration((nowMs - expiresMs) / 1000),
      })
      const facts = { expiredAt, overdueSeconds: Math.round((nowMs - expiresMs) / 1000) }
      findings.push(finding('presigned-expired', x.status >= 400 ? 'error' : 'warning', msg('finding.presigned-expired.title'), detail, facts))
    }
  }

  if (clock && Math.abs(clock.skewSeconds) >= SKEW_THRESHOLD_SECONDS) {
    const title = msg('finding.clock-skew.title', { skew: skew(clock.skewSeconds) })
    const detail = msg(s3 ? 'finding.clock-skew.detail.s3' : 'finding.clock-skew.detail', { serverDate: clock.serverDate })
    findings.push(finding('clock-skew', 'warning', title, detail, { skewSeconds: clock.skewSeconds, serverDate: clock.serverDate }))
  }
}

function authFindings(x: Exchange, auth: AuthResult | null, s3: boolean, findings: Finding[]): void {
  if (!auth || auth.ok) return
  // On the S3 endpoint the scheme is SigV4, and what BOS answers a broken one with is not documented.
  const where = `${s3 ? 's3' : ''}${auth.source === 'query' ? 'query' : 'header'}` as const
  const detail = msg(`finding.authorization-malformed.detail.${where}`, { problem: auth.problemMessage })
  findings.push(
    finding('authorization-malformed', x.status >= 400 ? 'error' : 'warning', msg(`finding.authorization-malformed.title.${where}`), detail, {
      problem: auth.problem,
    }),
  )
}

function signatureFindings(x: Exchange, auth: AuthResult | null, error: ErrorInfo | null, findings: Finding[]): void {
  if (error?.code !== 'SignatureDoesNotMatch') return
  if (!auth?.ok) {
    if (!auth) {
      findings.push(
        finding('signature-mismatch', 'error', msg('finding.signature-mismatch.title.noAuth'), msg('finding.signature-mismatch.detail.noAuth'), { traps: [] }),
      )
    }
    return
  }
  if (auth.auth.version === SIGV4) {
    sigv4MismatchFinding(x, auth.auth, findings)
    return
  }
  const canonical = canonicalRequest(x, auth.auth)
  const traps = signingTraps(x, auth.auth)
  // Secrets stay out of anything shown, copied or exported: the security token (a header or, presigned,
  // a query parameter) and whatever secret header was signed (authorization, cookie).
  const shown = [
    canonical.method,
    canonical.uri,
    redactUrl(`?${canonical.query}`).slice(1),
    canonical.headers.split('\n').map(shownHeaderLine).join('\n'),
  ].join('\n')
  const signedHeaders = auth.auth.signedHeaders.length ? auth.auth.signedHeaders.join(';') : msg('finding.signature-mismatch.defaultSet')
  const main = msg('finding.signature-mismatch.detail', { signedHeaders, ak: auth.auth.accessKeyId })
  const title = traps.length ? plural('finding.signature-mismatch.title.traps', traps.length) : msg('finding.signature-mismatch.title')
  const facts = { canonicalRequest: shown, signedHeaders: canonical.signedHeaders, traps: traps.map((t) => t.id) }
  findings.push(finding('signature-mismatch', 'error', title, sentences(...traps.map((t) => t.message), main), facts))
}

/** SignatureDoesNotMatch on the S3 endpoint: the SigV4 canonical request and string to sign, and the traps. */
function sigv4MismatchFinding(x: Exchange, auth: DecodedAuth, findings: Finding[]): void {
  const c = sigv4CanonicalRequest(x, auth)
  const traps = signingTraps(x, auth)
  const headers = c.headers
    .split('\n')
    .map((line) => {
      const colon = line.indexOf(':')
      return colon < 0 || redactHeader(line.slice(0, colon), line.slice(colon + 1)) === line.slice(colon + 1) ? line : `${line.slice(0, colon)}:<redacted>`
    })
    .join('\n')
  const shown = [c.method, c.uri, redactUrl(`?${c.query}`).slice(1), `${headers}\n`, auth.signedHeaders.join(';'), c.payloadHash].join('\n')
  const main = msg('finding.signature-mismatch.detail.sigv4', { signedHeaders: auth.signedHeaders.join(';'), scope: auth.scope ?? '', ak: auth.accessKeyId })
  const title = traps.length ? plural('finding.signature-mismatch.title.traps', traps.length) : msg('finding.signature-mismatch.title')
  const facts = { canonicalRequest: shown, stringToSign: c.stringToSign, signedHeaders: c.signedHeaders, traps: traps.map((t) => t.id) }
  findings.push(finding('signature-mismatch', 'error', title, sentences(...traps.map((t) => t.message), main), facts))
}

/**
 * SigV4 signed for another region than the endpoint's (an SDK left at us-east-1, PicList's "auto"): the
 * server derives the key for its own region, so no signature can match, whatever code it answers.
 */
function regionFinding(x: Exchange, auth: AuthResult | null, target: BosTarget, findings: Finding[]): void {
  if (!auth?.ok || auth.auth.version !== SIGV4 || !target.s3 || !target.region || auth.auth.region === undefined) return
  if (auth.auth.region === target.region) return
  if (x.status > 0 && x.status < 400) return // BOS took it: nothing to explain
  const facts = { credentialRegion: auth.auth.region, endpointRegion: target.region }
  const detail = msg('finding.credential-region-mismatch.detail', {
    region: auth.auth.region,
    endpoint: target.host,
    expected: target.region,
    example: `new S3Client({ region: '${target.region}', endpoint: 'https://s3.${target.region}.bcebos.com' })`,
  })
  findings.push(
    finding(
      'credential-region-mismatch',
      'error',
      msg('finding.credential-region-mismatch.title', { region: auth.auth.region, expected: target.region }),
      detail,
      facts,
    ),
  )
}

/** A canonical header line `name:value` (both URI-encoded), its value hidden when it is a secret. */
function shownHeaderLine(line: string): string {
  const colon = line.indexOf(':')
  if (colon < 0) return line
  try {
    const value = decodeURIComponent(line.slice(colon + 1))
    return redactHeader(decodeURIComponent(line.slice(0, colon)), value) === value ? line : `${line.slice(0, colon)}:<redacted>`
  } catch {
    return `${line.slice(0, colon)}:<redacted>`
  }
}

function anonymousFinding(auth: AuthResult | null, error: ErrorInfo | null, operation: OperationName | null, findings: Finding[]): void {
  // PostObject carries its credentials in the form; a preflight never has any.
  if (auth || error?.code !== 'AccessDenied' || operation === 'PostObject') return
  findings.push(finding('anonymous-request', 'info', msg('finding.anonymous-request.title'), msg('finding.anonymous-request.detail')))
}

function badDigestFinding(x: Exchange, error: ErrorInfo | null, findings: Finding[]): void {
  if (error?.code !== 'BadDigest') return
  const sent = ['content-md5', 'x-bce-content-sha256', 'x-bce-content-crc32', 'x-bce-content-crc32c']
    .map((h) => [h, x.requestHeaders.get(h)] as const)
    .filter(([, v]) => v !== null)
  const detail = sent.length ? msg('finding.bad-digest.detail', { digests: list(sent.map(([h, v]) => `${h}: ${v}`)) }) : msg('finding.bad-digest.detail.none')
  findings.push(finding('bad-digest', 'error', msg('finding.bad-digest.title'), detail, { digests: Object.fromEntries(sent) }))
}

// Requests whose analysis depends on other entries: multipart uploads and appends.
const SESSION_PARAMS = ['uploads', 'uploadId', 'append']
const SESSION_URL = new RegExp(`[?&](${SESSION_PARAMS.join('|')})(=|&|$)`)

/**
 * Analyses BOS entries one at a time and keeps the state that spans entries (upload sessions, append
 * offsets). Live capture calls `analyze` as entries arrive; a whole file first `prescan`s so that a part
 * is judged knowing the Complete that came after it.
 */
export class BosAnalyzer {
  private readonly isCustomHost: (host: string) => boolean
  readonly sessions: SessionTracker
  /** What the file as a whole lacks (a HAR exported without sensitive data). */
  readonly captureNotes = new CaptureNotes()

  constructor(options: AnalyzeOptions = {}) {
    this.isCustomHost = compileHostPatterns(options.customHosts ?? [])
    this.sessions = new SessionTracker(options.sessionLimits)
  }

  /**
   * Returns null for entries that are not BOS traffic. Never throws on malformed input. `screened`: the
   * caller has checked mayBeBos already (a reader's `record.bos` says it held), so it is not checked
   * again; the full match still decides.
   */
  analyze(raw: unknown, index: number, screened = false): EntryAnalysis | null {
    // Most of a page's traffic is not BOS: reject it before building anything.
    if (!screened && !mayBeBos(raw, this.isCustomHost)) return null
    const x = toExchange(raw)
    if (!x) return null
    const target = matchBos(x, this.isCustomHost)
    if (!target) return null
    this.captureNotes.observe(index, x, (x.parsed && queryParams(x.parsed)) ?? new URLSearchParams(), x.method === 'OPTIONS' || x.resourceType === 'preflight')
    return analyzeExchange(x, target, index, this.sessions)
  }

  /** Records the session facts of every multipart/append entry before the per-entry analysis. */
  prescan(entries: readonly unknown[]): void {
    for (let i = 0; i < entries.length; i++) this.prescanEntry(entries[i], i)
  }

  /** The same for one entry (the CLI reads entries one at a time). */
  prescanEntry(raw: unknown, index: number, screened = false): void {
    if (!isSessionRequest(raw) || (!screened && !mayBeBos(raw, this.isCustomHost))) return
    const x = toExchange(raw)
    const target = x && matchBos(x, this.isCustomHost)
    if (!x || !target) return
    const operation = operationOf(x, target)
    const code = responseBody(x, operation).code
    this.sessions.observe({ index, operation, bucket: target.bucket, key: target.key, status: x.status, errorCode: code, x })
  }
}

/**
 * A multipart or append request (by its URL): the only entries prescanEntry reads. request.url is in an
 * entry's skeleton (har-stream.ts), so a reader can tell which entries to parse in full before the analysis.
 */
export function isSessionRequest(raw: unknown): boolean {
  const url = (raw as { request?: { url?: unknown } } | null)?.request?.url
  if (typeof url !== 'string') return false
  if (SESSION_URL.test(url)) return true
  // The analysis reads the query as the URL parser decodes it: "upload%49d" and a tab inside a name are
  // the same parameter there. Rare, so the parser runs only for them. (A reader relies on the answer
  // covering every entry that reads or changes session state: see the CLI's first pass.)
  if (!/[%\t\n\r]/.test(url)) return false
  const parsed = exchangeUrl(raw)
  return !!parsed && SESSION_PARAMS.some((p) => queryParams(parsed).has(p))
}

function operationOf(x: Exchange, target: BosTarget): OperationName | null {
  return detectOperation({
    method: x.method,
    bucket: target.bucket,
    key: target.key,
    bucketInHost:
      target.matchedBy === 'custom-host' || target.matchedBy === 'response-headers' || target.matchedBy === 'signature' || target.matchedBy === 'cdn',
    query: (x.parsed && queryParams(x.parsed)) ?? new URLSearchParams(),
    requestHeaders: x.requestHeaders,
  })
}

export function analyzeExchange(x: Exchange, target: BosTarget, index: number, sessions?: SessionTracker): EntryAnalysis {
  const query = (x.parsed && queryParams(x.parsed)) ?? new URLSearchParams()
  const preflight = x.method === 'OPTIONS' || x.resourceType === 'preflight'
  const operation = operationOf(x, target)
  const findings: Finding[] = []
  const body = responseBody(x, operation)
  const error = errorInfo(x, body, target.s3, operation, findings)
  bodyFindings(x, body, preflight, findings)
  const auth = preflight ? null : findAuth(x.requestHeaders, query, target.s3 ? 's3' : 'native')
  authFindings(x, auth, target.s3, findings)
  regionFinding(x, auth, target, findings)
  const clock = measureSkew(x)
  clockFindings(x, clock, auth, error, target.s3, findings)
  signatureFindings(x, auth, error, findings)
  badDigestFinding(x, error, findings)
  if (!preflight) anonymousFinding(auth, error, operation, findings)
  findings.push(...digestFindings(x, operation))
  findings.push(...sdkChecksumFindings(x, target.s3))
  const post = operation === 'PostObject' ? checkPostObject(x, target.bucket, clock?.serverMs ?? null, error?.code ?? null) : null
  if (post) findings.push(...post.findings)
  findings.push(...corsFindings(x, preflight, operation, target.s3))
  const process = preflight ? null : findProcess(x, query)
  findings.push(...callbackFindings(x, process))
  if (sessions) {
    const observed = { index, operation, bucket: target.bucket, key: target.key, status: x.status, errorCode: error?.code ?? null, x }
    sessions.observe(observed)
    findings.push(...sessions.findings(observed))
  }

  return {
    index,
    method: x.method,
    // A presigned URL's signature and tokens never leave the core.
    url: redactUrl(x.url),
    status: x.status,
    preflight,
    operation,
    bucket: target.bucket,
    // A form upload names its object in the `key` field, not in the URL.
    key: target.key ?? post?.info?.fields.key ?? null,
    region: target.region,
    requestId: x.responseHeaders.get('x-bce-request-id')?.trim() || x.responseHeaders.get('x-amz-request-id')?.trim() || body.requestId,
    // The S3-compatible endpoint sends the same id as x-amz-id-2 (BOS "compatible common headers").
    debugId: x.responseHeaders.get('x-bce-debug-id')?.trim() || (target.s3 ? x.responseHeaders.get('x-amz-id-2')?.trim() : null) || null,
    error,
    findings,
    startedDateTime: x.startedDateTime,
    host: target.host,
    matchedBy: target.matchedBy,
    body: { format: body.format, truncated: body.truncated, note: body.note, noteMessage: body.noteMessage },
    clock: clock ? { serverDate: clock.serverDate, skewSeconds: clock.skewSeconds } : null,
    auth: auth?.ok ? publicAuth(auth.auth, x.startedMs, clock?.serverMs ?? null) : null,
    uploadId: query.get('uploadId') ?? initiatedUploadId(x, operation),
    post: post?.info ?? null,
    // Only when the request carried one: every other entry's JSON stays as it was.
    ...(process ? { process } : {}),
  }
}

function initiatedUploadId(x: Exchange, operation: OperationName | null): string | null {
  if (operation !== 'InitiateMultipartUpload' || !x.responseContent.text || x.responseContent.text.length > 4096) return null
  const t = x.responseContent.text
  // BOS answers JSON; the S3-compatible endpoint an InitiateMultipartUploadResult with <UploadId>.
  return /"uploadId"\s*:\s*"([^"]+)"/.exec(t)?.[1] ?? /<UploadId>([^<]+)<\/UploadId>/.exec(t)?.[1]?.trim() ?? null
}

/** Analyses a parsed HAR file. Throws NotAHarError when it has no log.entries. */
export function analyzeHar(har: unknown, options: AnalyzeOptions = {}): HarAnalysis {
  const found = harEntries(har)
  if ('problem' in found) throw new NotAHarError(found.problem)
  const analyzer = new BosAnalyzer(options)
  analyzer.prescan(found.entries)
  const entries: EntryAnalysis[] = []
  found.entries.forEach((e, i) => {
    const a = analyzer.analyze(e, i)
    if (a) entries.push(a)
  })
  return { entries, uploads: analyzer.sessions.uploadSessions(), summary: summarize(found.entries.length, entries), notes: analyzer.captureNotes.notes() }
}

/** A failed BOS entry: an error status, or a 200 whose body is an error (CopyObject and the like). */
export const isFailure = (e: Pick<EntryAnalysis, 'status' | 'error'>): boolean => e.status >= 400 || e.error !== null

export function summarize(total: number, entries: readonly EntryAnalysis[]): AnalysisSummary {
  return { entries: total, bos: entries.length, errors: entries.filter(isFailure).length }
}

export class NotAHarError extends Error {
  override name = 'NotAHarError'
}
