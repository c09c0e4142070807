// The analysis entry point: one HAR entry in, one plain EntryAnalysis out (null when not BOS).
import { findAuth, publicAuth, type AuthResult } from './auth.ts'
import { corsFindings } from './cors.ts'
import { checkPostObject } from './post-policy.ts'
import { redactHeader, redactUrl } from './redact.ts'
import { SessionTracker, type UploadSession } from './sessions.ts'
import { canonicalRequest, signingTraps } from './signing.ts'
import { diagnoseExpiry, describeSkew, measureSkew, SKEW_THRESHOLD_SECONDS, humanDuration, type ClockReading } from './clock.ts'
import { digestFindings } from './digests.ts'
import { decodeErrorBody, type DecodedBody } from './error-body.ts'
import { lookupErrorCode } from './error-codes.ts'
import { harEntries, queryParams, toExchange, type Exchange } from './har.ts'
import { compileHostPatterns, matchBos, mayBeBos, type BosTarget } from './hosts.ts'
import { detectOperation } from './operations.ts'
import type { AnalysisSummary, EntryAnalysis, ErrorInfo, Finding } from './types.ts'

export interface AnalyzeOptions {
  /** Extra host patterns (custom domains, CDNs): `files.example.com`, `*.example.com`. */
  customHosts?: readonly string[]
}

export interface HarAnalysis {
  entries: EntryAnalysis[]
  uploads: UploadSession[]
  summary: AnalysisSummary
}

const STS_EXPIRED = /time expired|token (has )?expired|expired token/i

function errorInfo(x: Exchange, body: DecodedBody, findings: Finding[]): ErrorInfo | null {
  if (x.status < 400 || !body.code) return null
  const known = lookupErrorCode(body.code)
  if (!known) {
    findings.push({
      id: 'unknown-code',
      severity: 'info',
      title: `Error code ${body.code} is not in the BOS code table`,
      detail: `BOS (or something in front of it) answered ${x.status} with code "${body.code}", which the BOS error-code reference does not list. Read its message, and quote the request id and debug id if you ask support.`,
      code: body.code,
    })
    return {
      code: body.code,
      message: body.message ?? '',
      documentedStatus: null,
      description: 'Not a documented BOS error code.',
      advice: 'Read the message the server sent; quote the request id and x-bce-debug-id in a support ticket.',
    }
  }
  if (known.status !== x.status) {
    findings.push({
      id: 'status-mismatch',
      severity: 'warning',
      title: `${known.code} came with HTTP ${x.status}, documented as ${known.status}`,
      detail: `The BOS reference gives ${known.code} the status ${known.status}, but this response was ${x.status}. A proxy or gateway may have rewritten the status, or the endpoint is not BOS itself; trust the code over the status.`,
      observedStatus: x.status,
      documentedStatus: known.status,
    })
  }
  return { code: known.code, message: body.message ?? known.message, documentedStatus: known.status, description: known.description, advice: known.advice }
}

function bodyFindings(x: Exchange, body: DecodedBody, preflight: boolean, findings: Finding[]): void {
  // A refused preflight is explained by the CORS finding; its empty body says nothing more.
  if (x.status < 400 || preflight) return
  if (body.format === 'head' || body.format === 'empty' || body.format === 'unavailable') {
    const guess =
      x.status === 404
        ? ' A 404 here usually means NoSuchKey (or NoSuchBucket for a bucket request).'
        : x.status === 403
          ? ' A 403 usually means AccessDenied, SignatureDoesNotMatch or RequestExpired; replay it as GET to see the code.'
          : ''
    findings.push({
      id: 'no-error-body',
      severity: 'info',
      title: 'No error body to decode',
      detail: `${body.note ?? ''} The diagnosis rests on the status ${x.status} alone.${guess}`.trim(),
      reason: body.format,
    })
  } else if (!body.code) {
    findings.push({
      id: 'error-body-not-bos',
      severity: 'warning',
      title: body.format === 'html' ? 'Error page from something in front of BOS' : 'Error body is not a BOS error document',
      detail: body.note ?? 'The body could not be read as a BOS error.',
      format: body.format,
    })
  } else if (body.truncated) {
    findings.push({ id: 'error-body-truncated', severity: 'info', title: 'Error body is cut off', detail: body.note ?? 'The error body is incomplete.' })
  }
}

function clockFindings(x: Exchange, clock: ClockReading | null, auth: AuthResult | null, error: ErrorInfo | null, findings: Finding[]): void {
  const signed = auth?.ok ? auth.auth : null
  const code = error?.code
  const stsMessage = !!error && STS_EXPIRED.test(error.message)
  if (code === 'RequestExpired' || code === 'RequestTimeTooSkewed' || stsMessage) {
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
      expirationSeconds: signed?.expirationSeconds ?? (signedAtMs !== null ? 1800 : null),
      presigned: signed?.source === 'query',
      sts: signed?.sts ?? false,
      stsMessage,
    })
    const skewText = clock ? ` Measured skew: ${describeSkew(clock.skewSeconds)}.` : ''
    findings.push({
      id: code === 'RequestTimeTooSkewed' ? 'request-time-too-skewed' : 'request-expired',
      severity: 'error',
      title:
        d.cause === 'client-clock' && clock
          ? `Request expired: your clock is ${describeSkew(clock.skewSeconds)}`
          : d.cause === 'stale-signature'
            ? 'Request expired: the signature was made too long ago'
            : d.cause === 'signer-clock'
              ? "Request expired: the signer's clock is off or the signature is old"
              : d.cause === 'sts-token'
                ? 'Request expired: the STS temporary credentials ran out'
                : 'Request expired',
      detail: d.detail + (d.cause === 'client-clock' ? '' : skewText),
      cause: d.cause,
      ...(clock ? { skewSeconds: clock.skewSeconds, serverDate: clock.serverDate } : {}),
      ...(signedAtMs !== null ? { signedAt: new Date(signedAtMs).toISOString() } : {}),
      signatureAgeSeconds: d.signatureAgeSeconds,
      overdueSeconds: d.overdueSeconds,
    })
  }

  if (signed?.source === 'query' && signed.expirationSeconds > 0 && signed.signedAtMs !== null) {
    const nowMs = clock?.serverMs ?? x.startedMs
    const expiresMs = signed.signedAtMs + signed.expirationSeconds * 1000
    if (nowMs !== null && nowMs > expiresMs) {
      findings.push({
        id: 'presigned-expired',
        severity: x.status >= 400 ? 'error' : 'warning',
        title: 'Presigned URL used after it expired',
        detail: `The URL was signed at ${signed.timestamp} for ${signed.expirationSeconds} s, so it expired at ${new Date(expiresMs).toISOString()}; it was used ${humanDuration((nowMs - expiresMs) / 1000)} later (by the ${clock ? "server's" : "browser's"} clock). Generate a new URL right before use.`,
        expiredAt: new Date(expiresMs).toISOString(),
        overdueSeconds: Math.round((nowMs - expiresMs) / 1000),
      })
    }
  }

  if (clock && Math.abs(clock.skewSeconds) >= SKEW_THRESHOLD_SECONDS) {
    findings.push({
      id: 'clock-skew',
      severity: 'warning',
      title: `Clock skew: this computer is ${describeSkew(clock.skewSeconds)}`,
      detail: `The server's Date was ${clock.serverDate}, outside the time this request was in flight by this computer's clock. Signatures made with a skewed clock expire early or look like they come from the future; BOS rejects them with RequestExpired once the skew passes the signature's validity (1800 s by default).`,
      skewSeconds: clock.skewSeconds,
      serverDate: clock.serverDate,
    })
  }
}

function authFindings(x: Exchange, auth: AuthResult | null, findings: Finding[]): void {
  if (!auth || auth.ok) return
  findings.push({
    id: 'authorization-malformed',
    severity: x.status >= 400 ? 'error' : 'warning',
    title: `Malformed authorization ${auth.source === 'query' ? 'query parameter' : 'header'}`,
    detail: `The ${auth.source === 'query' ? 'authorization query parameter' : 'Authorization header'} cannot be read as bce-auth-v1: ${auth.problem}. BOS answers such requests with 400 InvalidHTTPAuthHeader or 403 AccessDenied.`,
    problem: auth.problem,
  })
}

function signatureFindings(x: Exchange, auth: AuthResult | null, error: ErrorInfo | null, findings: Finding[]): void {
  if (error?.code !== 'SignatureDoesNotMatch') return
  if (!auth?.ok) {
    if (!auth) {
      findings.push({
        id: 'signature-mismatch',
        severity: 'error',
        title: 'Signature rejected, and no Authorization was captured',
        detail:
          'BOS rejected the signature, but the HAR has no Authorization header or authorization query parameter (Chrome removes it from exported HARs unless "Allow to generate HAR with sensitive data" is on). Capture again with the BOS panel open to see the canonical request.',
        traps: [],
      })
    }
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
  findings.push({
    id: 'signature-mismatch',
    severity: 'error',
    title: traps.length
      ? `Signature mismatch: ${traps.length} likely cause${traps.length > 1 ? 's' : ''} found`
      : 'Signature mismatch: check the secret key and the canonical request',
    detail: `${traps.length ? traps.map((t) => t.detail).join(' ') + ' ' : ''}Below is the canonical request BOS rebuilt from what the browser sent (signed headers: ${auth.auth.signedHeaders.length ? auth.auth.signedHeaders.join(';') : 'the server default set'}); diff it against your signer's log. If they are identical, the secret access key is wrong (or belongs to another access key id than ${auth.auth.accessKeyId}).`,
    canonicalRequest: shown,
    signedHeaders: canonical.signedHeaders,
    traps: traps.map((t) => t.id),
  })
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

function anonymousFinding(auth: AuthResult | null, error: ErrorInfo | null, operation: string | null, findings: Finding[]): void {
  // PostObject carries its credentials in the form; a preflight never has any.
  if (auth || error?.code !== 'AccessDenied' || operation === 'PostObject') return
  findings.push({
    id: 'anonymous-request',
    severity: 'info',
    title: 'The request was not signed',
    detail:
      'No Authorization header and no authorization query parameter: BOS treated it as anonymous, which only a public-read (or public-read-write) bucket allows. Sign it (SDK, presigned URL) or change the bucket ACL. (Chrome drops Authorization from exported HARs unless "Allow to generate HAR with sensitive data" is on.)',
  })
}

function badDigestFinding(x: Exchange, error: ErrorInfo | null, findings: Finding[]): void {
  if (error?.code !== 'BadDigest') return
  const sent = ['content-md5', 'x-bce-content-sha256', 'x-bce-content-crc32', 'x-bce-content-crc32c']
    .map((h) => [h, x.requestHeaders.get(h)] as const)
    .filter(([, v]) => v !== null)
  findings.push({
    id: 'bad-digest',
    severity: 'error',
    title: 'BOS computed a different digest of the body it received',
    detail: sent.length
      ? `The request declared ${sent.map(([h, v]) => `${h}: ${v}`).join(', ')}, and the bytes BOS received hash to something else. The digest was computed over other bytes than were sent (a string vs its UTF-8 bytes, a whole file vs one part, a body changed after hashing).`
      : 'No digest header was captured for this request; the HAR may have dropped it.',
    digests: Object.fromEntries(sent),
  })
}

// Requests whose analysis depends on other entries: multipart uploads and appends.
const SESSION_URL = /[?&](uploads|uploadId|append)(=|&|$)/

/**
 * Analyses BOS entries one at a time and keeps the state that spans entries (upload sessions, append
 * offsets). Live capture calls `analyze` as entries arrive; a whole file first `prescan`s so that a part
 * is judged knowing the Complete that came after it.
 */
export class BosAnalyzer {
  private readonly isCustomHost: (host: string) => boolean
  readonly sessions = new SessionTracker()

  constructor(options: AnalyzeOptions = {}) {
    this.isCustomHost = compileHostPatterns(options.customHosts ?? [])
  }

  /** Returns null for entries that are not BOS traffic. Never throws on malformed input. */
  analyze(raw: unknown, index: number): EntryAnalysis | null {
    // Most of a page's traffic is not BOS: reject it before building anything.
    if (!mayBeBos(raw, this.isCustomHost)) return null
    const x = toExchange(raw)
    if (!x) return null
    const target = matchBos(x, this.isCustomHost)
    if (!target) return null
    return analyzeExchange(x, target, index, this.sessions)
  }

  /** Records the session facts of every multipart/append entry before the per-entry analysis. */
  prescan(entries: readonly unknown[]): void {
    for (let i = 0; i < entries.length; i++) this.prescanEntry(entries[i], i)
  }

  /** The same for one entry (the CLI reads entries one at a time). */
  prescanEntry(raw: unknown, index: number): void {
    const url = (raw as { request?: { url?: unknown } } | null)?.request?.url
    if (typeof url !== 'string' || !SESSION_URL.test(url) || !mayBeBos(raw, this.isCustomHost)) return
    const x = toExchange(raw)
    const target = x && matchBos(x, this.isCustomHost)
    if (!x || !target) return
    const operation = operationOf(x, target)
    const code = x.status >= 400 ? decodeErrorBody(x).code : null
    this.sessions.observe({ index, operation, bucket: target.bucket, key: target.key, status: x.status, errorCode: code, x })
  }
}

function operationOf(x: Exchange, target: BosTarget): string | null {
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
  const body =
    x.status >= 400 ? decodeErrorBody(x) : { format: 'empty' as const, truncated: false, note: null, code: null, message: null, requestId: null, text: null }
  const error = errorInfo(x, body, findings)
  bodyFindings(x, body, preflight, findings)
  const auth = preflight ? null : findAuth(x.requestHeaders, query)
  authFindings(x, auth, findings)
  const clock = measureSkew(x)
  clockFindings(x, clock, auth, error, findings)
  signatureFindings(x, auth, error, findings)
  badDigestFinding(x, error, findings)
  if (!preflight) anonymousFinding(auth, error, operation, findings)
  findings.push(...digestFindings(x, operation))
  const post = operation === 'PostObject' ? checkPostObject(x, target.bucket, clock?.serverMs ?? null, error?.code ?? null) : null
  if (post) findings.push(...post.findings)
  findings.push(...corsFindings(x, preflight, operation))
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
    debugId: x.responseHeaders.get('x-bce-debug-id')?.trim() || null,
    error,
    findings,
    startedDateTime: x.startedDateTime,
    host: target.host,
    matchedBy: target.matchedBy,
    body: { format: body.format, truncated: body.truncated, note: body.note },
    clock: clock ? { serverDate: clock.serverDate, skewSeconds: clock.skewSeconds } : null,
    auth: auth?.ok ? publicAuth(auth.auth, x.startedMs, clock?.serverMs ?? null) : null,
    uploadId: query.get('uploadId') ?? initiatedUploadId(x, operation),
    post: post?.info ?? null,
  }
}

function initiatedUploadId(x: Exchange, operation: string | null): string | null {
  if (operation !== 'InitiateMultipartUpload' || !x.responseContent.text || x.responseContent.text.length > 4096) return null
  return /"uploadId"\s*:\s*"([^"]+)"/.exec(x.responseContent.text)?.[1] ?? null
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
  return { entries, uploads: analyzer.sessions.uploadSessions(), summary: summarize(found.entries.length, entries) }
}

export function summarize(total: number, entries: readonly EntryAnalysis[]): AnalysisSummary {
  return { entries: total, bos: entries.length, errors: entries.filter((e) => e.status >= 400).length }
}

export class NotAHarError extends Error {
  override name = 'NotAHarError'
}
