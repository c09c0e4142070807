// Authorization: the decoded bce-auth-v1 string (never its signature) and when it expires, measured
// against the request start and, when known, the server's clock; then the canonical request and the local
// key check. Loaded on demand with the signing code (see Lazy.tsx).
import { describeSkew, humanDuration } from '../core/clock.ts'
import type { CapturedRecord } from '../devtools/store-types.ts'
import { Facts } from './Facts.tsx'
import { clockTime, relative } from './format.ts'
import { SignatureSection } from './extras/SignatureSection.tsx'

const DEFAULT_SIGNED = 'server default set: host, content-length, content-type, content-md5, x-bce-*'

export function AuthTab({ record: r }: { record: CapturedRecord }) {
  const a = r.analysis
  const auth = a.auth
  if (!auth) {
    const malformed = a.findings.find((f) => f.id === 'authorization-malformed')
    return (
      <div class="placeholder" data-testid="auth-none">
        <p>
          {malformed
            ? `${malformed.title}: ${malformed.detail}`
            : a.preflight
              ? 'A CORS preflight carries no signature: the browser sends it before the signed request.'
              : a.operation === 'PostObject'
                ? 'A form upload (PostObject) is signed by its policy and signature fields, not by an Authorization header: see the Form tab.'
              : 'This request was not signed (anonymous or public-read), or the HAR dropped the Authorization header.'}
        </p>
      </div>
    )
  }
  const signedMs = Date.parse(auth.timestamp)
  const never = auth.expirationSeconds === -1
  // Prefer the core's expiresAt; compute it for records analysed by an older core.
  const coreExpires = auth.expiresAt ? Date.parse(auth.expiresAt) : NaN
  const expiresMs = never ? null : Number.isFinite(coreExpires) ? coreExpires : Number.isFinite(signedMs) ? signedMs + auth.expirationSeconds * 1000 : null
  const startMs = Date.parse(r.startedDateTime ?? a.startedDateTime ?? '')
  const serverMs = a.clock ? Date.parse(a.clock.serverDate) : NaN

  const against = (nowMs: number, who: string) =>
    expiresMs === null || !Number.isFinite(nowMs)
      ? null
      : nowMs > expiresMs
        ? `expired ${relative(nowMs - expiresMs, 'before', 'after')} ${who}`
        : `${humanDuration((expiresMs - nowMs) / 1000)} left when ${who}`

  return (
    <div class="auth" data-testid="auth">
      <section class="section">
        <h3 class="section-title">bce-auth-v1 signature</h3>
        <Facts
          rows={[
            ['Found in', auth.source === 'header' ? 'Authorization header' : 'authorization query parameter (presigned URL)'],
            ['Access key id', auth.accessKeyId, { mono: true, testId: 'auth-ak' }],
            ['Signing time', Number.isFinite(signedMs) ? `${auth.timestamp} (${clockTime(auth.timestamp)} local)` : auth.timestamp, { testId: 'auth-signed' }],
            ['Expiration', never ? 'never (-1)' : `${auth.expirationSeconds} s (${humanDuration(auth.expirationSeconds)})`, { testId: 'auth-expiration' }],
            !never && ['Expires at', expiresMs === null ? null : new Date(expiresMs).toISOString()],
            !never && ['By this computer', against(startMs, 'the request started'), { testId: 'auth-vs-start' }],
            !never &&
              a.clock && [
                "By the server's clock",
                `${against(serverMs, 'the server answered') ?? '—'} (server Date ${a.clock.serverDate}; this computer is ${describeSkew(a.clock.skewSeconds)})`,
                { testId: 'auth-vs-server' },
              ],
            ['Signed headers', auth.signedHeaders.length ? auth.signedHeaders.join(', ') : DEFAULT_SIGNED, { testId: 'auth-signed-headers' }],
            ['STS credentials', auth.sts ? 'yes (x-bce-security-token sent; the token is not shown)' : 'no'],
            ['Signature', '••••', { mono: true, testId: 'auth-signature' }],
          ]}
        />
        <p class="muted">The signature and session token are never shown or copied.</p>
      </section>
      <SignatureSection key={r.id} record={r} />
    </div>
  )
}
