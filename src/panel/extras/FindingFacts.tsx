// The structured facts of a finding, under its sentence in the Summary tab: the canonical request of a
// signature mismatch, the broken policy conditions, the parts concerned.
import type { Finding } from '../../core/types.ts'
import { conditionField, isSecretFormField } from '../../core/redact.ts'
import { parts as withElements, t, textIn, tn } from '../i18n.ts'

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x) => typeof x === 'string' || typeof x === 'number').map(String) : [])

const MAX_TAGS = 40
/** A secret field's value in a condition (the core has masked it already: this holds for any finding given). */
const maskValue = (condition: string): string => condition.replace(/"[^"]*"([\]}])$/, '"••••"$1')

export function FindingFacts({ finding: f }: { finding: Finding }) {
  const violations = Array.isArray(f.violations)
    ? (f.violations as { condition?: unknown; expected?: unknown; actual?: unknown; message?: { expected?: unknown; actual?: unknown } }[])
    : []
  const parts = strings(f.partNumbers)
  const traps = strings(f.traps)
  return (
    <div class="finding-facts" data-testid="finding-facts">
      {typeof f.canonicalRequest === 'string' && (
        <>
          <div class="side-title">
            {t('facts.canonical')}
            {strings(f.signedHeaders).length > 0 && <span class="muted"> {t('facts.signedHeaders', { headers: strings(f.signedHeaders).join(';') })}</span>}
          </div>
          <pre class="code-block" data-testid="finding-canonical">
            {f.canonicalRequest}
          </pre>
          {traps.length > 0 && (
            <div class="tag-row">
              {t('facts.likelyCauses')}{' '}
              {traps.map((x) => (
                <span class="tag" key={x}>
                  {x}
                </span>
              ))}
            </div>
          )}
        </>
      )}
      {violations.length > 0 && (
        <ul class="finding-list" data-testid="finding-violations">
          {violations.map((v, i) => (
            <li key={i}>
              {isSecretFormField(conditionField(String(v.condition)))
                ? withElements('facts.violation.secret', { condition: <code>{maskValue(String(v.condition))}</code> })
                : withElements('facts.violation', {
                    condition: <code>{String(v.condition)}</code>,
                    expected: textIn(v.message?.expected, String(v.expected)),
                    actual: textIn(v.message?.actual, String(v.actual)),
                  })}
            </li>
          ))}
        </ul>
      )}
      {parts.length > 0 && (
        <div class="tag-row" data-testid="finding-parts">
          {tn('facts.parts', parts.length)}{' '}
          {parts.slice(0, MAX_TAGS).map((n, i) => (
            <span class="tag" key={i}>
              {n}
            </span>
          ))}
          {parts.length > MAX_TAGS && <span class="muted"> {t('facts.more', { count: parts.length - MAX_TAGS })}</span>}
        </div>
      )}
    </div>
  )
}
