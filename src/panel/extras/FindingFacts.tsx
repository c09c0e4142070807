// The structured facts of a finding, under its sentence in the Summary tab: the canonical request of a
// signature mismatch, the broken policy conditions, the parts concerned.
import type { Finding } from '../../core/types.ts'
import { locale, localizing, parts as withElements, t, tn } from '../i18n.ts'

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x) => typeof x === 'string' || typeof x === 'number').map(String) : [])

const MAX_TAGS = 40
/** A condition on a secret field (an STS token): its values are never shown. */
const SECRET = /security-token|signature|authorization|customer-key/i

/** A violation's `expected` or `actual` (English, as the core wrote it) in the panel's language. */
const phrase = (s: string): string => localizing()?.localizePolicyPhrase(s, locale()) ?? s

export function FindingFacts({ finding: f }: { finding: Finding }) {
  const violations = Array.isArray(f.violations) ? (f.violations as { condition?: unknown; expected?: unknown; actual?: unknown }[]) : []
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
              {SECRET.test(String(v.condition))
                ? withElements('facts.violation.secret', {
                    condition: (
                      <code>
                        {String(v.condition).replace(/^(.*(?:security-token|signature|authorization|customer-key)[^"]*"\s*[,:]\s*)"[^"]*"/i, '$1"••••"')}
                      </code>
                    ),
                  })
                : withElements('facts.violation', {
                    condition: <code>{String(v.condition)}</code>,
                    expected: phrase(String(v.expected)),
                    actual: phrase(String(v.actual)),
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
