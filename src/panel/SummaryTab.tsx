// Summary: the diagnosis first (findings, then the error code explained), then the facts.
import type { ErrorInfo } from '../core/types.ts'
import type { CapturedRecord } from '../devtools/store-types.ts'
import { Facts } from './Facts.tsx'
import { clockTime, describeSkew, duration, isFailed, isoTime, maskUrl, matchedByText, recordTime } from './format.ts'
import { analysisText, errorCodeText, locale, t } from './i18n.ts'
import { CheckIcon, SeverityIcon } from './icons.tsx'
import { Lazy, LazyText } from './Lazy.tsx'

/**
 * What the code means and what to do, in the panel's language: the core explains codes in English, so
 * another language takes them from its own table (src/core/error-codes-zh.ts), loaded with the views
 * (analysisText has done so already once src/core/localize.ts is in; this also covers its absence).
 */
function explain(e: ErrorInfo): { description: string; advice: string } {
  const own = errorCodeText(e)
  if (own) return own
  if (locale() !== 'en' && e.documentedStatus === null) return { description: t('summary.unknownCode.meaning'), advice: t('summary.unknownCode.advice') }
  return e
}

export function SummaryTab({ record: r }: { record: CapturedRecord }) {
  // Findings, error texts and the body note in the panel's language; facts and the server's message as sent.
  const a = analysisText(r.analysis)
  const e = a.error
  const when = recordTime(r)
  const x = e && explain(e)
  return (
    <div class="summary" data-testid="summary">
      <Diagnosis record={r} />
      {e && (
        <section class="section error-block" data-testid="error-block">
          <h3 class="section-title">
            {t('summary.errorCode')} <code class="error-code">{e.code}</code>
          </h3>
          <Facts
            rows={[
              [t('summary.serverMessage'), e.message, { testId: 'error-message' }],
              [t('summary.meaning'), x!.description, { testId: 'error-description' }],
              [t('summary.advice'), x!.advice, { testId: 'error-advice' }],
              [
                t('summary.httpStatus'),
                e.documentedStatus === null ? (
                  t('summary.httpStatus.unknownCode', { status: a.status })
                ) : e.documentedStatus === a.status ? (
                  t('summary.httpStatus.asDocumented', { status: a.status })
                ) : (
                  <span class="mismatch">{t('summary.httpStatus.mismatch', { observed: a.status, documented: e.documentedStatus })}</span>
                ),
              ],
            ]}
          />
        </section>
      )}
      <section class="section">
        <h3 class="section-title">{t('summary.request')}</h3>
        <Facts
          testId="facts"
          rows={[
            [t('summary.operation'), a.operation ?? '—'],
            [t('summary.bucket'), a.bucket],
            [t('summary.key'), a.key, { mono: true }],
            [t('summary.region'), a.region],
            [t('summary.host'), t('summary.host.value', { host: a.host, how: matchedByText(a.matchedBy) })],
            [t('summary.url'), `${a.method} ${maskUrl(a.url)}`, { mono: true }],
            [t('summary.started'), when ? t('summary.started.value', { local: clockTime(when), iso: isoTime(when) ?? '' }) : null],
            [t('summary.duration'), duration(r.entry.time)],
            [t('summary.requestId'), a.requestId, { mono: true, testId: 'fact-request-id' }],
            [t('summary.debugId'), a.debugId, { mono: true, testId: 'fact-debug-id' }],
            !!a.uploadId && [t('summary.uploadId'), a.uploadId, { mono: true }],
            !!a.process && [t('summary.process'), <LazyText text={(m) => m.describeProcess(a.process!)} />, { mono: true, testId: 'fact-process' }],
            [
              t('summary.clock'),
              a.clock ? t('summary.clock.value', { skew: describeSkew(a.clock.skewSeconds), serverDate: a.clock.serverDate }) : t('summary.clock.none'),
              { testId: 'fact-clock' },
            ],
            a.body.note !== null && [t('summary.body'), a.body.note],
          ]}
        />
      </section>
    </div>
  )
}

function Diagnosis({ record: r }: { record: CapturedRecord }) {
  const a = analysisText(r.analysis)
  // An error without findings is explained by its error code block.
  if (a.findings.length === 0 && isFailed(a)) return null
  return (
    <section class="section" aria-label={t('summary.diagnosis')}>
      {a.findings.length === 0 ? (
        <div class="finding finding-ok">
          <span class="sev-icon sev-ok">
            <CheckIcon />
          </span>
          <div>
            <div class="finding-title">{t('summary.ok.title')}</div>
            <div class="finding-detail">{t('summary.ok.detail')}</div>
          </div>
        </div>
      ) : (
        a.findings.map((f, i) => (
          <div class={`finding finding-${f.severity}`} key={`${f.id}-${i}`} data-testid="finding" data-finding-id={f.id}>
            <SeverityIcon severity={f.severity} />
            <div>
              <div class="finding-title">{f.title}</div>
              <div class="finding-detail">{f.detail}</div>
              {(typeof f.canonicalRequest === 'string' || Array.isArray(f.violations) || Array.isArray(f.partNumbers)) && (
                <Lazy>{(m) => <m.FindingFacts finding={f} />}</Lazy>
              )}
            </div>
          </div>
        ))
      )}
    </section>
  )
}
