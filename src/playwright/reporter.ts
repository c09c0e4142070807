// `bos-devtools/playwright/reporter`: the BOS findings of the whole run, summed by finding id.
//   reporter: [['list'], ['bos-devtools/playwright/reporter', { outputFile: 'bos-findings.json' }]]
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter'
import type { Severity } from '../core/types.ts'

const FINDINGS_ANNOTATION = 'bos-findings' // index.ts, kept here so the reporter loads without the fixture

export interface BosReporterOptions {
  /** Also write the totals as JSON to this file (relative to the working directory). */
  outputFile?: string
  /** Print the totals at the end of the run (default true). */
  print?: boolean
}

export interface BosRunSummary {
  /** Tests whose BOS traffic had at least one finding. */
  testsWithFindings: number
  /** By finding id: its worst severity, how often it was found, and in which tests (their titles). */
  findings: Record<string, { severity: Severity; count: number; tests: string[] }>
}

const rank = (s: Severity) => (s === 'error' ? 2 : s === 'warning' ? 1 : 0)

export default class BosReporter implements Reporter {
  private readonly summary: BosRunSummary = { testsWithFindings: 0, findings: {} }

  constructor(private readonly options: BosReporterOptions = {}) {}

  onTestEnd(test: TestCase, result: TestResult): void {
    // Annotations added while the test ran are on the result (Playwright 1.52+) and on the test.
    const annotations = (result as { annotations?: TestCase['annotations'] }).annotations ?? test.annotations
    const found = annotations.filter((a) => a.type === FINDINGS_ANNOTATION && a.description)
    if (!found.length) return
    this.summary.testsWithFindings++
    const title = test.titlePath().filter(Boolean).join(' › ')
    for (const a of found) {
      let counts: Record<string, { severity: Severity; count: number }>
      try {
        counts = JSON.parse(a.description!)
      } catch {
        continue
      }
      for (const [id, c] of Object.entries(counts)) {
        const t = (this.summary.findings[id] ??= { severity: c.severity, count: 0, tests: [] })
        t.count += c.count
        if (rank(c.severity) > rank(t.severity)) t.severity = c.severity
        if (!t.tests.includes(title)) t.tests.push(title)
      }
    }
  }

  onEnd(_result: FullResult): void {
    const rows = Object.entries(this.summary.findings).sort(([a, x], [b, y]) => rank(y.severity) - rank(x.severity) || y.count - x.count || a.localeCompare(b))
    if (this.options.print !== false) {
      const lines = rows.length
        ? [`BOS findings over the run (${this.summary.testsWithFindings} test${this.summary.testsWithFindings === 1 ? '' : 's'}):`]
        : ['BOS findings over the run: none']
      for (const [id, f] of rows) lines.push(`  ${String(f.count).padStart(4)} × ${id} (${f.severity})`)
      process.stdout.write(`${lines.join('\n')}\n`)
    }
    if (this.options.outputFile) {
      const file = resolve(this.options.outputFile)
      mkdirSync(dirname(file), { recursive: true })
      writeFileSync(file, `${JSON.stringify({ ...this.summary, findings: Object.fromEntries(rows) }, null, 2)}\n`)
    }
  }

  printsToStdio(): boolean {
    return this.options.print !== false
  }
}
