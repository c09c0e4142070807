// The BOS traffic of a Playwright browser context as HAR 1.2 entries, built from the context's request
// events: request headers as sent (allHeaders, the browser's own included), the request body, the answer's
// headers and status, the bodies the core reads (error answers, small JSON/XML) and the timings.
// Types only from @playwright/test: this module runs on whatever BrowserContext it is handed.
import type { BrowserContext, Request } from '@playwright/test'
import { analyzeHar, type AnalyzeOptions, type HarAnalysis } from '../core/analyze.ts'
import { compileHostPatterns, mayBeBos } from '../core/hosts.ts'
import { redactHar } from '../core/redact.ts'
import type { Locale } from '../i18n/locale.ts'
import { formatReport, type JsonReport, toJsonReport } from '../lib/report.ts'

export interface BosCaptureOptions extends AnalyzeOptions {
  /** Answers larger than this are never read (default 64 KB); error answers are read up to it too. */
  maxBodyBytes?: number
}

interface NameValue {
  name: string
  value: string
}

/** One HAR 1.2 entry, as the core reads it. */
export interface CapturedEntry {
  startedDateTime: string
  time: number
  request: {
    method: string
    url: string
    httpVersion: string
    headers: NameValue[]
    queryString: NameValue[]
    cookies: []
    headersSize: -1
    bodySize: number
    postData?: { mimeType: string; text: string }
  }
  response: {
    status: number
    statusText: string
    httpVersion: string
    headers: NameValue[]
    cookies: []
    content: { size: number; mimeType: string; text?: string; encoding?: 'base64'; comment?: string }
    redirectURL: string
    headersSize: -1
    bodySize: number
    _failureText?: string
  }
  cache: Record<string, never>
  timings: { blocked: number; dns: number; connect: number; ssl: number; send: number; wait: number; receive: number }
  _resourceType?: string
}

export interface CapturedHar {
  log: { version: '1.2'; creator: { name: string; version: string }; entries: CapturedEntry[] }
}

const READABLE = /json|xml|text\/plain/i

const span = (from: number, to: number) => (from >= 0 && to >= from ? Math.round(to - from) : -1)

function queryString(url: string): NameValue[] {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }))
  } catch {
    return []
  }
}

const headerValue = (headers: NameValue[], name: string) => headers.find((h) => h.name.toLowerCase() === name)?.value

export class BosCapture {
  private readonly slots: (CapturedEntry | null)[] = []
  private readonly pending = new Set<Promise<void>>()
  private readonly started = new Map<Request, { slot: number; at: number }>()
  private readonly isCustomHost: (host: string) => boolean
  private readonly detach: (() => void)[] = []

  constructor(private readonly options: BosCaptureOptions = {}) {
    this.isCustomHost = compileHostPatterns(options.customHosts ?? [])
  }

  /** Starts listening to a context's requests; returns a function that stops. */
  attach(context: Pick<BrowserContext, 'on' | 'off'>): () => void {
    const onRequest = (r: Request) => {
      // The slot keeps the order the requests were sent in, whenever they finish.
      this.started.set(r, { slot: this.slots.push(null) - 1, at: Date.now() })
    }
    const onFinished = (r: Request) => this.track(this.record(r, false))
    const onFailed = (r: Request) => this.track(this.record(r, true))
    context.on('request', onRequest)
    context.on('requestfinished', onFinished)
    context.on('requestfailed', onFailed)
    const stop = () => {
      context.off('request', onRequest)
      context.off('requestfinished', onFinished)
      context.off('requestfailed', onFailed)
    }
    this.detach.push(stop)
    return stop
  }

  /** Stops listening everywhere. */
  close(): void {
    for (const stop of this.detach.splice(0)) stop()
  }

  private track(p: Promise<void>): void {
    this.pending.add(p)
    void p.finally(() => this.pending.delete(p))
  }

  /** Waits until every request that finished so far is recorded (headers and bodies are read asynchronously). */
  async settle(): Promise<void> {
    while (this.pending.size) await Promise.allSettled([...this.pending])
  }

  private async record(request: Request, failed: boolean): Promise<void> {
    const start = this.started.get(request)
    this.started.delete(request)
    const slot = start?.slot ?? this.slots.push(null) - 1
    try {
      const entry = await this.entry(request, failed, start?.at ?? Date.now())
      if (entry) this.slots[slot] = entry
    } catch {
      // The context closed under us, or the request vanished (a navigation): nothing to record.
    }
  }

  private async entry(request: Request, failed: boolean, sentAt: number): Promise<CapturedEntry | null> {
    const response = failed ? null : await request.response().catch(() => null)
    const url = request.url()
    const requestHeaders = await request.headersArray().catch(() => [] as NameValue[])
    const responseHeaders = response ? await response.headersArray().catch(() => [] as NameValue[]) : []
    const shape = { request: { url, headers: requestHeaders }, response: { headers: responseHeaders } }
    if (!mayBeBos(shape, this.isCustomHost)) return null

    const t = request.timing()
    const startMs = t.startTime > 0 ? t.startTime : sentAt
    const status = response?.status() ?? 0
    const mimeType = (response && headerValue(responseHeaders, 'content-type')) ?? ''
    const length = Number(response && headerValue(responseHeaders, 'content-length'))
    const max = this.options.maxBodyBytes ?? 64 * 1024
    let content: CapturedEntry['response']['content'] = { size: Number.isFinite(length) ? length : -1, mimeType }
    // Bodies the core reads: an error's, and a success's when small JSON/XML (Initiate, Complete, Copy results).
    const wanted = response && request.method() !== 'HEAD' && (status >= 400 || READABLE.test(mimeType)) && !(length > max)
    if (wanted) {
      const body = await response.body().catch(() => null)
      if (body) {
        content = { size: body.length, mimeType }
        if (body.length > max) content.comment = 'body not kept: larger than the capture limit'
        else content.text = body.toString('utf8')
      }
    }
    const postBuffer = request.postDataBuffer()
    const postData = postBuffer
      ? { mimeType: headerValue(requestHeaders, 'content-type') ?? '', text: postBuffer.length > max ? '' : postBuffer.toString('utf8') }
      : undefined
    const total = t.responseEnd >= 0 ? t.responseEnd : Date.now() - startMs
    return {
      startedDateTime: new Date(startMs).toISOString(),
      time: Math.max(0, Math.round(total)),
      request: {
        method: request.method(),
        url,
        httpVersion: 'HTTP/1.1',
        headers: requestHeaders,
        queryString: queryString(url),
        cookies: [],
        headersSize: -1,
        bodySize: postBuffer?.length ?? 0,
        ...(postData ? { postData } : {}),
      },
      response: {
        status,
        statusText: response?.statusText() ?? '',
        httpVersion: 'HTTP/1.1',
        headers: responseHeaders,
        cookies: [],
        content,
        redirectURL: (response && headerValue(responseHeaders, 'location')) ?? '',
        headersSize: -1,
        bodySize: content.size,
        ...(failed ? { _failureText: request.failure()?.errorText ?? 'net::ERR_FAILED' } : {}),
      },
      cache: {},
      timings: {
        blocked: -1,
        dns: span(t.domainLookupStart, t.domainLookupEnd),
        connect: span(t.connectStart, t.connectEnd),
        ssl: span(t.secureConnectionStart, t.connectEnd),
        send: 0,
        wait: span(t.requestStart, t.responseStart),
        receive: span(t.responseStart, t.responseEnd),
      },
      _resourceType: request.resourceType() === 'preflight' ? 'preflight' : request.resourceType(),
    }
  }

  /** The requests recorded so far (possibly BOS: the analysis decides), in the order they were sent. */
  entries(): CapturedEntry[] {
    return this.slots.filter((e): e is CapturedEntry => e !== null)
  }

  /** The recorded traffic as a HAR 1.2 file, secrets included (see `redactedHar`). */
  har(): CapturedHar {
    return { log: { version: '1.2', creator: { name: 'bos-devtools', version: '' }, entries: this.entries() } }
  }

  /** The same, with signatures, tokens and cookies removed (as `bos-devtools redact` writes it). */
  redactedHar(): CapturedHar {
    return redactHar(this.har()) as CapturedHar
  }

  /** The analysis of what was recorded so far (call `settle()` first to include the latest requests). */
  analysis(): HarAnalysis {
    return analyzeHar(this.har(), this.options)
  }

  /** The text report, as `bos-devtools analyze` prints it. */
  report(options: { locale?: Locale } = {}): string {
    return formatReport(this.analysis(), options)
  }

  /** The `--json` report. */
  json(options: { locale?: Locale } = {}): JsonReport {
    return toJsonReport(this.analysis(), options)
  }
}
