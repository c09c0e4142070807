// Summary: the diagnosis first (findings, then the error code explained), then the facts.
import { describeSkew } from '../core/clock.ts'
import type { CapturedRecord } from '../devtools/store-types.ts'
import { Facts } from './Facts.tsx'
import { clockTime, duration, isErrorStatus, isoTime, maskUrl, matchedByText, recordTime } from './format.ts'
import { CheckIcon, SeverityIcon } from './icons.tsx'
import { Lazy } from './Lazy.tsx'

export function SummaryTab({ record: r }: { record: CapturedRecord }) {
  const a = r.analysis
  const e = a.error
  const when = recordTime(r)
  return (
    <div class="summary" data-testid="summary">
      <Diagnosis record={r} />
      {e && (
        <section class="section error-block" data-testid="error-block">
          <h3 class="section-title">
            Error code <code class="error-code">{e.code}</code>
          </h3>
          <Facts
            rows={[
              ['Server message', e.message, { testId: 'error-message' }],
              ['What it means', e.description, { testId: 'error-description' }],
              ['What to do', e.advice, { testId: 'error-advice' }],
              [
                'HTTP status',
                e.documentedStatus === null ? (
                  `${a.status} (the code is not in the BOS table)`
                ) : e.documentedStatus === a.status ? (
                  `${a.status}, as documented`
                ) : (
                  <span class="mismatch">
                    observed {a.status}, documented {e.documentedStatus}
                  </span>
                ),
              ],
            ]}
          />
        </section>
      )}
      <section class="section">
        <h3 class="section-title">Request</h3>
        <Facts
          testId="facts"
          rows={[
            ['Operation', a.operation ?? '—'],
            ['Bucket', a.bucket],
            ['Key', a.key, { mono: true }],
            ['Region', a.region],
            ['Host', `${a.host} (recognised by ${matchedByText(a.matchedBy)})`],
            ['URL', `${a.method} ${maskUrl(a.url)}`, { mono: true }],
            ['Started', when ? `${clockTime(when)} local · ${isoTime(when)}` : null],
            ['Duration', duration(r.time)],
            ['Request id', a.requestId, { mono: true, testId: 'fact-request-id' }],
            ['Debug id', a.debugId, { mono: true, testId: 'fact-debug-id' }],
            !!a.uploadId && ['Multipart upload', a.uploadId, { mono: true }],
            ['Clock', a.clock ? `This computer is ${describeSkew(a.clock.skewSeconds)} (server Date ${a.clock.serverDate})` : 'Not measured: no usable server Date', { testId: 'fact-clock' }],
            a.body.note !== null && ['Body', a.body.note],
          ]}
        />
      </section>
    </div>
  )
}

function Diagnosis({ record: r }: { record: CapturedRecord }) {
  const a = r.analysis
  // An error without findings is explained by its error code block.
  if (a.findings.length === 0 && isErrorStatus(a.status)) return null
  return (
    <section class="section" aria-label="Diagnosis">
      {a.findings.length === 0 ? (
        <div class="finding finding-ok">
          <span class="sev-icon sev-ok">
            <CheckIcon />
          </span>
          <div>
            <div class="finding-title">No problems found</div>
            <div class="finding-detail">The request succeeded; digests, clock, signature and CORS raised nothing.</div>
          </div>
        </div>
      ) : (
        a.findings.map((f, i) => (
          <div class={`finding finding-${f.severity}`} key={`${f.id}-${i}`} data-testid="finding" data-finding-id={f.id}>
            <SeverityIcon severity={f.severity} />
            <div>
              <div class="finding-title">{f.title}</div>
              <div class="finding-detail">{f.detail}</div>
              {(typeof f.canonicalRequest === 'string' || Array.isArray(f.violations) || Array.isArray(f.partNumbers)) && <Lazy>{(m) => <m.FindingFacts finding={f} />}</Lazy>}
            </div>
          </div>
        ))
      )}
    </section>
  )
}
