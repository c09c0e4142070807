// The Authorization tab's signature view: the canonical request BOS rebuilds from what the browser sent
// (the signature, tokens and other secrets masked), the signed headers, the browser traps, and a local
// check of a secret key. The key is held in this component's state only: never stored, logged, copied or
// exported, wiped from the input as soon as it is checked, and gone when another request is selected.
import { useEffect, useMemo, useState } from 'preact/hooks'
import { findAuth, type DecodedAuth } from '../../core/auth.ts'
import { decodeUriOrKeep } from '../../core/encoding.ts'
import { redactHeader, redactParam } from '../../core/redact.ts'
import { toExchange, type Exchange } from '../../core/har.ts'
import { SIGV4 } from '../../core/sigv4.ts'
import { sigv4CanonicalRequest } from '../../core/sigv4-canonical.ts'
import { canonicalRequest, checkSignature, hostVariants, signingTraps, withHost, type CanonicalRequest, type SigningTrap } from '../../core/signing.ts'
import type { CapturedRecord } from '../../devtools/store-types.ts'
import { CopyButton } from '../CopyButton.tsx'
import { displayHeaderValue } from '../format.ts'
import { joinSentences } from '../../i18n/index.ts'
import { locale, t, textIn } from '../i18n.ts'

const MASK = '••••'

/**
 * The canonical request as the panel may show (and copy) it: a query or header value the core's
 * redaction (core/redact.ts) would change is masked whole.
 */
export function maskCanonical(c: CanonicalRequest): string {
  const query = c.query
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=')
      if (eq < 0) return pair
      const value = decodeUriOrKeep(pair.slice(eq + 1))
      return redactParam(decodeUriOrKeep(pair.slice(0, eq)), value) !== value ? `${pair.slice(0, eq)}=${MASK}` : pair
    })
    .join('&')
  const headers = c.headers
    .split('\n')
    .map((line) => {
      const colon = line.indexOf(':')
      if (colon < 0) return line
      const value = decodeUriOrKeep(line.slice(colon + 1))
      return redactHeader(decodeUriOrKeep(line.slice(0, colon)), value) !== value ? `${line.slice(0, colon)}:${MASK}` : line
    })
    .join('\n')
  return [c.method, c.uri, query, headers].join('\n')
}

export interface SignatureModel {
  x: Exchange
  auth: DecodedAuth
  canonical: CanonicalRequest & { stringToSign?: string }
  traps: SigningTrap[]
  shown: string
}

export function signatureModel(r: CapturedRecord): SignatureModel | null {
  const x = toExchange(r.entry)
  if (!x) return null
  const endpoint = r.analysis.matchedBy === 's3' ? 's3' : 'native'
  const found = findAuth(x.requestHeaders, x.parsed?.searchParams ?? new URLSearchParams(), endpoint)
  if (!found?.ok) return null
  if (found.auth.version === SIGV4) {
    const c = sigv4CanonicalRequest(x, found.auth)
    // SigV4's canonical request: a blank line after the header lines, then the signed list and the payload hash.
    const shown = `${maskCanonical(c)}\n\n${found.auth.signedHeaders.join(';')}\n${c.payloadHash}`
    return { x, auth: found.auth, canonical: c, traps: signingTraps(x, found.auth), shown }
  }
  const canonical = canonicalRequest(x, found.auth)
  return { x, auth: found.auth, canonical, traps: signingTraps(x, found.auth), shown: maskCanonical(canonical) }
}

export function SignatureSection({ record: r }: { record: CapturedRecord }) {
  const m = useMemo(() => signatureModel(r), [r])
  if (!m) return null
  const declared = m.auth.signedHeaders
  const names = declared.length ? declared : m.canonical.signedHeaders
  return (
    <>
      <section class="section" data-testid="signature-view">
        <h3 class="section-title">{t('sig.canonical.title')}</h3>
        <p class="muted">{t('sig.canonical.hint', { ak: m.auth.accessKeyId })}</p>
        <div class="canonical">
          <div class="canonical-text">
            <pre class="code-block" data-testid="canonical-request">
              {m.shown}
            </pre>
            <CopyButton text={m.shown} label={t('copy.canonical')} title={t('copy.canonical.title')} testId="copy-canonical" multiline />
          </div>
          <div class="canonical-side">
            <div class="side-title">
              {t('sig.signedHeaders')} {declared.length ? '' : t('sig.signedHeaders.default')}
            </div>
            <ul class="plain-list" data-testid="signed-headers">
              {names.map((n) => {
                const sent = m.canonical.signedHeaders.includes(n)
                const value = n === 'host' ? (m.x.requestHeaders.get('host') ?? m.x.parsed?.host ?? null) : m.x.requestHeaders.get(n)
                return (
                  <li key={n} class={sent ? undefined : 'missing'} data-name={n}>
                    <code>{n}</code>
                    <span class="muted"> {sent && value !== null ? displayHeaderValue(n, value) : t('sig.notSent')}</span>
                  </li>
                )
              })}
            </ul>
          </div>
        </div>
        {m.canonical.stringToSign !== undefined && (
          <>
            <div class="side-title">{t('sig.stringToSign')}</div>
            <div class="canonical-text">
              <pre class="code-block" data-testid="string-to-sign">
                {m.canonical.stringToSign}
              </pre>
              <CopyButton
                text={m.canonical.stringToSign}
                label={t('copy.stringToSign')}
                title={t('copy.stringToSign')}
                testId="copy-string-to-sign"
                multiline
              />
            </div>
          </>
        )}
        {m.traps.length > 0 && (
          <>
            <div class="side-title">{t('sig.traps')}</div>
            <ul class="trap-list" data-testid="signing-traps">
              {m.traps.map((trap, i) => (
                <li key={i} data-trap={trap.id}>
                  <b>{t('sig.trap', { title: t(`trap.${trap.id}.title`) })}</b> {textIn(trap.message, trap.detail)}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <KeyCheck model={m} record={r} />
    </>
  )
}

type Outcome = 'same' | 'different' | 'failed' | { host: string }

/** The canonical request of an exchange, in the scheme its authorization uses. */
const canonicalFor = (x: Exchange, auth: DecodedAuth) => (auth.version === SIGV4 ? sigv4CanonicalRequest(x, auth) : canonicalRequest(x, auth))

/**
 * Checks the key against what was sent, then, when that differs, against the Hosts a signer may have signed
 * instead (without the port, with the default one): a match there is the evidence that the Host differed.
 */
async function checkKey(m: SignatureModel, secret: string): Promise<Outcome> {
  if ((await checkSignature(m.auth, m.canonical, secret)).matches) return 'same'
  if (m.auth.signedHeaders.length && !m.auth.signedHeaders.includes('host')) return 'different'
  for (const host of hostVariants(m.x)) {
    if ((await checkSignature(m.auth, canonicalFor(withHost(m.x, host), m.auth), secret)).matches) return { host }
  }
  return 'different'
}

function KeyCheck({ model: m, record: r }: { model: SignatureModel; record: CapturedRecord }) {
  const [key, setKey] = useState('')
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  // The key leaves the input when the panel is hidden or closed, not only after a check.
  useEffect(() => {
    const wipe = () => setKey('')
    const onVisibility = () => document.hidden && wipe()
    addEventListener('pagehide', wipe)
    document.addEventListener('visibilitychange', onVisibility)
    return () => {
      removeEventListener('pagehide', wipe)
      document.removeEventListener('visibilitychange', onVisibility)
    }
  }, [])

  const noSignature = m.auth.signature === ''
  const check = () => {
    const sk = key
    setKey('') // out of the input at once; `sk` lives until the check returns
    if (!sk || busy || noSignature) return
    setBusy(true)
    setOutcome(null)
    checkKey(m, sk)
      .then(setOutcome, () => setOutcome('failed'))
      .finally(() => setBusy(false))
  }
  const rejected = r.analysis.error?.code === 'SignatureDoesNotMatch'
  const accepted = r.analysis.status >= 200 && r.analysis.status < 300
  const ak = m.auth.accessKeyId

  return (
    <section class="section" data-testid="key-check">
      <h3 class="section-title">{t('keyCheck.title')}</h3>
      {noSignature ? (
        <p class="muted" data-testid="key-check-unavailable">
          {t('keyCheck.unavailable')}
        </p>
      ) : (
        <>
          <p class="muted">{t('keyCheck.hint', { ak })}</p>
          <div class="key-row">
            <input
              type="password"
              class="filter-input key-input"
              aria-label={t('keyCheck.input')}
              placeholder={t('keyCheck.input')}
              autocomplete="off"
              spellcheck={false}
              data-testid="sk-input"
              value={key}
              onInput={(e) => setKey((e.currentTarget as HTMLInputElement).value)}
              onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), check())}
            />
            <button type="button" class="text-button" data-testid="sk-check" disabled={busy || !key} onClick={check}>
              {t('keyCheck.check')}
            </button>
          </div>
          {outcome && (
            <div
              class={`finding finding-${outcome === 'same' ? (rejected ? 'warning' : 'info') : outcome === 'failed' ? 'info' : 'error'}`}
              role="status"
              data-testid="key-check-result"
              data-outcome={typeof outcome === 'string' ? outcome : 'host'}
            >
              <div>
                {typeof outcome === 'object' ? (
                  <>
                    <div class="finding-title">{t('keyCheck.host.title')}</div>
                    <div class="finding-detail" data-signed-host={outcome.host}>
                      {t('keyCheck.host.detail', { signed: outcome.host, sent: m.x.requestHeaders.get('host') ?? m.x.parsed?.host ?? '' })}
                    </div>
                  </>
                ) : outcome === 'same' ? (
                  <>
                    <div class="finding-title">{t('keyCheck.same.title')}</div>
                    <div class="finding-detail">
                      {joinSentences(locale(), [
                        t('keyCheck.same.detail'),
                        rejected ? t('keyCheck.same.rejected', { ak }) : accepted && t('keyCheck.same.accepted'),
                      ])}
                    </div>
                  </>
                ) : outcome === 'different' ? (
                  <>
                    <div class="finding-title">{t('keyCheck.different.title')}</div>
                    <div class="finding-detail">{joinSentences(locale(), [t('keyCheck.different.detail'), accepted && t('keyCheck.different.accepted')])}</div>
                  </>
                ) : (
                  <div class="finding-title">{t('keyCheck.failed')}</div>
                )}
              </div>
            </div>
          )}
        </>
      )}
    </section>
  )
}
