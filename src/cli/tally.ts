// What the report counts of the analyses, and how one entry is rendered: shared by the main thread and
// the analysis helper thread (analysis-worker.ts), whose counts are added to the main thread's.
import { localizeAnalysis } from '../core/localize.ts'
import { isFailure } from '../core/index.ts'
import type { EntryAnalysis, Severity } from '../core/types.ts'
import type { Locale } from '../i18n/locale.ts'
import { colors, formatEntry, plain, type Style } from './format-text.ts'

export type FailOn = 'error' | 'warning'
/** The severities each --fail-on level fails on: that one and the worse ones. */
export const FAILING: Record<FailOn, ReadonlySet<Severity>> = { error: new Set(['error']), warning: new Set(['error', 'warning']) }
export const isFailOn = (v: string): v is FailOn => Object.hasOwn(FAILING, v)

export type Options = { json: boolean; hosts: string[]; locale: Locale; failOn: FailOn | null }

/** The counts a Tally keeps, as one thread hands them to another. */
export interface TallyCounts {
  bos: number
  errors: number
  findings: number
  failed: boolean
}

/** What the report counts of the analyses, as they are made (in either pass); each comes back localised. */
export class Tally {
  // Counts, not the analyses themselves: a 100k-entry HAR must not be held twice.
  readonly summary = { entries: 0, bos: 0, errors: 0 }
  findings = 0
  failed = false
  private readonly failing: ReadonlySet<Severity> | null

  constructor(private readonly values: Pick<Options, 'locale' | 'failOn'>) {
    this.failing = values.failOn ? FAILING[values.failOn] : null
  }

  add(a: EntryAnalysis): EntryAnalysis {
    this.summary.bos++
    if (isFailure(a)) this.summary.errors++
    this.findings += a.findings.length
    const failing = this.failing
    if (failing && a.findings.some((f) => failing.has(f.severity))) this.failed = true
    return this.values.locale === 'en' ? a : localizeAnalysis(a, this.values.locale)
  }

  counts(): TallyCounts {
    return { bos: this.summary.bos, errors: this.summary.errors, findings: this.findings, failed: this.failed }
  }

  /** Adds what another thread counted. */
  merge(c: TallyCounts): void {
    this.summary.bos += c.bos
    this.summary.errors += c.errors
    this.findings += c.findings
    this.failed ||= c.failed
  }
}

/** The text report's colours: on a terminal, unless NO_COLOR is set. */
export const styleOf = (color: boolean): Style => (color ? colors : plain)

/** One entry's part of the report: its JSON (the report adds the commas), or its text block. */
export function renderer(values: Pick<Options, 'json' | 'locale'>, color: boolean): (a: EntryAnalysis) => string {
  if (values.json) return (a) => JSON.stringify(a)
  const style = styleOf(color)
  return (a) => `${formatEntry(a, style, values.locale)}\n\n`
}
