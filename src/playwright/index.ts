// `bos-devtools/playwright`: a `bos` fixture that records the BOS traffic of each test's browser context,
// matchers that fail with the readable report, and the report files attached to a failed test.
//
//   import { test, expect } from 'bos-devtools/playwright'
//   test('upload', async ({ page, bos }) => { …; await expect(bos).toHaveNoBosErrors() })
import {
  test as base,
  expect as baseExpect,
  type Expect,
  type ExpectMatcherState,
  type MatcherReturnType,
  type PlaywrightTestArgs,
  type PlaywrightTestOptions,
  type PlaywrightWorkerArgs,
  type PlaywrightWorkerOptions,
  type TestInfo,
  type TestType,
} from '@playwright/test'
import { isFailure, type HarAnalysis } from '../core/analyze.ts'
import type { EntryAnalysis, Severity } from '../core/types.ts'
import type { Locale } from '../i18n/locale.ts'
import { formatReport, toJsonReport } from '../lib/report.ts'
import { BosCapture, type BosCaptureOptions } from './capture.ts'

export { BosCapture, type BosCaptureOptions, type CapturedEntry, type CapturedHar } from './capture.ts'

export interface BosOptions extends BosCaptureOptions {
  /** The language of the reports and matcher messages: `en` (default) or `zh_CN`. */
  locale?: Locale
  /** Attach bos-report.txt, bos-report.json and bos.har to a test that did not pass (default true). */
  attachOnFailure?: boolean
}

export interface BosFixtures {
  /** The BOS traffic of this test's `context` (and of any context passed to `bos.attach`). */
  bos: BosCapture
  /** Options of the `bos` fixture: `test.use({ bosOptions: { customHosts: ['files.example.com'] } })`. */
  bosOptions: BosOptions
}

/** The annotation the fixture adds when findings were made; the reporter sums it over the run. */
export const FINDINGS_ANNOTATION = 'bos-findings'

export type FindingCounts = Record<string, { severity: Severity; count: number }>

export function countFindings(analysis: HarAnalysis): FindingCounts {
  const counts: FindingCounts = {}
  for (const e of analysis.entries) {
    for (const f of e.findings) {
      const c = (counts[f.id] ??= { severity: f.severity, count: 0 })
      c.count++
      if (rank(f.severity) > rank(c.severity)) c.severity = f.severity
    }
  }
  return counts
}

const rank = (s: Severity) => (s === 'error' ? 2 : s === 'warning' ? 1 : 0)
const locales = new WeakMap<BosCapture, Locale>()

async function attachReports(bos: BosCapture, analysis: HarAnalysis, testInfo: TestInfo, locale: Locale): Promise<void> {
  await testInfo.attach('bos-report.txt', { body: formatReport(analysis, { locale }), contentType: 'text/plain' })
  await testInfo.attach('bos-report.json', { body: `${JSON.stringify(toJsonReport(analysis, { locale }), null, 2)}\n`, contentType: 'application/json' })
  await testInfo.attach('bos.har', { body: `${JSON.stringify(bos.redactedHar(), null, 2)}\n`, contentType: 'application/json' })
}

// Spelled out so the declarations name only @playwright/test (inferred, they would name its inner `playwright`).
export const test: TestType<PlaywrightTestArgs & PlaywrightTestOptions & BosFixtures, PlaywrightWorkerArgs & PlaywrightWorkerOptions> =
  base.extend<BosFixtures>({
    bosOptions: [{}, { option: true }],
    bos: async ({ context, bosOptions }, use, testInfo) => {
      const bos = new BosCapture(bosOptions)
      locales.set(bos, bosOptions.locale ?? 'en')
      bos.attach(context)
      await use(bos)
      await bos.settle()
      bos.close()
      const analysis = bos.analysis()
      if (analysis.entries.length === 0) return
      const counts = countFindings(analysis)
      if (Object.keys(counts).length) testInfo.annotations.push({ type: FINDINGS_ANNOTATION, description: JSON.stringify(counts) })
      const failed = testInfo.status !== 'passed' && testInfo.status !== 'skipped'
      if (failed && bosOptions.attachOnFailure !== false) await attachReports(bos, analysis, testInfo, bosOptions.locale ?? 'en')
    },
  })

/** The analysis restricted to some entries (the summary stays the whole capture's). */
const only = (a: HarAnalysis, keep: (e: EntryAnalysis) => boolean): HarAnalysis => ({ ...a, entries: a.entries.filter(keep) })

function result(bos: BosCapture, isNot: boolean, name: string, bad: HarAnalysis, what: string) {
  const pass = bad.entries.length === 0
  const locale = locales.get(bos) ?? 'en'
  const message = () =>
    pass
      ? `${name}: expected BOS ${what}, found none (${bad.summary.bos} BOS request${bad.summary.bos === 1 ? '' : 's'} recorded)`
      : `${name}: ${bad.entries.length} BOS request${bad.entries.length === 1 ? '' : 's'} with ${what}\n\n${formatReport(bad, { locale })}`
  return { pass, message, name, expected: isNot ? `some ${what}` : `no ${what}`, actual: bad.entries.length }
}

function isCapture(v: unknown): v is BosCapture {
  return v instanceof BosCapture
}

export type BosMatchers = {
  toHaveNoBosErrors(this: ExpectMatcherState, bos: BosCapture): Promise<MatcherReturnType>
  toHaveNoFindings(this: ExpectMatcherState, bos: BosCapture, options?: { severity?: Severity }): Promise<MatcherReturnType>
}

export const expect: Expect<BosMatchers> = baseExpect.extend<BosMatchers>({
  /** Fails when a BOS request failed (an error status or error document) or has an error finding. */
  async toHaveNoBosErrors(bos: BosCapture) {
    if (!isCapture(bos)) throw new TypeError('toHaveNoBosErrors() expects the bos fixture')
    await bos.settle()
    const bad = only(bos.analysis(), (e) => isFailure(e) || e.findings.some((f) => f.severity === 'error'))
    return result(bos, this.isNot, 'toHaveNoBosErrors', bad, 'errors')
  },
  /** Fails when a finding of `severity` (default `info`: any finding) or worse is there. */
  async toHaveNoFindings(bos: BosCapture, options: { severity?: Severity } = {}) {
    if (!isCapture(bos)) throw new TypeError('toHaveNoFindings() expects the bos fixture')
    await bos.settle()
    const min = rank(options.severity ?? 'info')
    const bad = only(bos.analysis(), (e) => e.findings.some((f) => rank(f.severity) >= min))
    const what = options.severity && options.severity !== 'info' ? `${options.severity} findings or worse` : 'findings'
    return result(bos, this.isNot, 'toHaveNoFindings', bad, what)
  },
})
