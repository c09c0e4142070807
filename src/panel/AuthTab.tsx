// Authorization: the decoded bce-auth-v1 string (never its signature) and when it expires, measured
// against the request start and, when known, the server's clock; then the canonical request and the local
// key check. Loaded on demand with the signing code (see Lazy.tsx).
import type { CapturedRecord } from '../devtools/store-types.ts'
import { Facts } from './Facts.tsx'
import { clockTime, describeSkew, humanDuration } from './format.ts'
import { SignatureSection } from './extras/SignatureSection.tsx'
import { joinList } from '../i18n/index.ts'
import { analysisText, locale, t } from './i18n.ts'

/** bce-auth-v1's ISO 8601 timestamp, or SigV4's basic form (20261204T225328Z), in ms; NaN when neither. */
const signingMs = (ts: string): number =>
  Date.parse(
    /^\d{8}T\d{6}Z$/.test(ts) ? `${ts.slice(0, 4)}-${ts.slice(4, 6)}-${ts.slice(6, 8)}T${ts.slice(9, 11)}:${ts.slice(11, 13)}:${ts.slice(13, 15)}Z` : ts,
  )

/** "expired 5 minutes before the request started" / "25 minutes left when the server answered". */
export function expiryAgainst(expiresMs: number | null, nowMs: number, event: string): string | null {
  if (expiresMs === null || !Number.isFinite(nowMs)) return null
  return nowMs > expiresMs
    ? t('expiry.expiredBefore', { duration: humanDuration((nowMs - expiresMs) / 1000), event })
    : t('expiry.leftWhen', { duration: humanDuration((expiresMs - nowMs) / 1000), event })
}

export function AuthTab({ record: r }: { record: CapturedRecord }) {
  const a = r.analysis
  const auth = a.auth
  if (!auth) {
    const malformed = analysisText(a).findings.find((f) => f.id === 'authorization-malformed')
    return (
      <div class="placeholder" data-testid="auth-none">
        <p>
          {malformed
            ? t('common.labelValue', { label: malformed.title, value: malformed.detail })
            : a.preflight
              ? t('auth.none.preflight')
              : a.operation === 'PostObject'
                ? t('auth.none.postObject')
                : t('auth.none.unsigned')}
        </p>
      </div>
    )
  }
  const signedMs = signingMs(auth.timestamp)
  const never = auth.expirationSeconds === -1
  // SigV4's header form carries no validity: the server's window around the signing time applies.
  const windowOnly = auth.expirationSeconds === null
  // Prefer the core's expiresAt; compute it for records analysed by an older core.
  const coreExpires = auth.expiresAt ? Date.parse(auth.expiresAt) : NaN
  const expiresMs = never
    ? null
    : Number.isFinite(coreExpires)
      ? coreExpires
      : Number.isFinite(signedMs) && auth.expirationSeconds !== null
        ? signedMs + auth.expirationSeconds * 1000
        : null
  const startMs = Date.parse(r.entry.startedDateTime || a.startedDateTime || '')
  const serverMs = a.clock ? Date.parse(a.clock.serverDate) : NaN

  return (
    <div class="auth" data-testid="auth">
      <section class="section">
        <h3 class="section-title">{t(auth.version === 'AWS4-HMAC-SHA256' ? 'auth.title.sigv4' : 'auth.title')}</h3>
        <Facts
          rows={[
            [t('auth.foundIn'), auth.source === 'header' ? t('auth.foundIn.header') : t('auth.foundIn.query')],
            [t('auth.accessKeyId'), auth.accessKeyId, { mono: true, testId: 'auth-ak' }],
            [
              t('auth.signingTime'),
              Number.isFinite(signedMs)
                ? t('auth.signingTime.value', { timestamp: auth.timestamp, local: clockTime(new Date(signedMs).toISOString()) })
                : auth.timestamp,
              { testId: 'auth-signed' },
            ],
            [
              t('auth.expiration'),
              auth.expirationSeconds === null
                ? t('auth.expiration.window')
                : never
                  ? t('auth.expiration.never')
                  : t('auth.expiration.value', { seconds: auth.expirationSeconds, duration: humanDuration(auth.expirationSeconds) }),
              { testId: 'auth-expiration' },
            ],
            auth.scope !== undefined && [t('auth.scope'), auth.scope, { mono: true, testId: 'auth-scope' }],
            !never && !windowOnly && [t('auth.expiresAt'), expiresMs === null ? null : new Date(expiresMs).toISOString()],
            !never && [t('auth.byComputer'), expiryAgainst(expiresMs, startMs, t('auth.event.requestStarted')), { testId: 'auth-vs-start' }],
            !never &&
              a.clock && [
                t('auth.byServer'),
                t('auth.byServer.value', {
                  against: expiryAgainst(expiresMs, serverMs, t('auth.event.serverAnswered')) ?? '—',
                  serverDate: a.clock.serverDate,
                  skew: describeSkew(a.clock.skewSeconds),
                }),
                { testId: 'auth-vs-server' },
              ],
            [
              t('auth.signedHeaders'),
              auth.signedHeaders.length ? joinList(locale(), auth.signedHeaders) : t('auth.signedHeaders.default'),
              { testId: 'auth-signed-headers' },
            ],
            [t('auth.sts'), auth.sts ? t('auth.sts.yes') : t('common.no')],
            [t('auth.signature'), '••••', { mono: true, testId: 'auth-signature' }],
          ]}
        />
        <p class="muted">{t('auth.neverShown')}</p>
      </section>
      <SignatureSection key={r.id} record={r} />
    </div>
  )
}
