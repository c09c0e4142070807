// A request that got no answer, explained by the error the browser recorded for it. A refused CORS preflight
// is one cause among many (Chrome then says net::ERR_FAILED): a name that did not resolve, a certificate,
// a reset connection, an ad blocker or a page that cancelled its own request each say so themselves.
import { msg } from '../i18n/report-message.ts'
import { finding } from './finding.ts'
import type { Exchange } from './har.ts'
import type { Finding } from './types.ts'

export type NetworkCause = 'dns' | 'tls' | 'connection' | 'blocked-by-client' | 'aborted' | 'mixed-content' | 'unrecognized'

const RULES: readonly [RegExp, NetworkCause][] = [
  [/^net::ERR_NAME_NOT_RESOLVED|^NS_ERROR_UNKNOWN_HOST/, 'dns'],
  [/^net::ERR_(CERT_|SSL_|BAD_SSL_)|^NS_ERROR_(NET_INADEQUATE_SECURITY|GENERATE_FAILURE)|^SEC_ERROR_|^SSL_ERROR_/, 'tls'],
  [
    /^net::ERR_(CONNECTION_|TIMED_OUT|INTERNET_DISCONNECTED|ADDRESS_UNREACHABLE|NETWORK_CHANGED|EMPTY_RESPONSE|PROXY_|TUNNEL_)|^NS_ERROR_(CONNECTION_REFUSED|NET_RESET|NET_TIMEOUT|NET_INTERRUPT|PROXY_|OFFLINE)/,
    'connection',
  ],
  [/^net::ERR_BLOCKED_BY_CLIENT/, 'blocked-by-client'],
  [/^net::ERR_ABORTED|^NS_BINDING_ABORTED/, 'aborted'],
  [/^net::ERR_BLOCKED_BY_(CSP|MIXED_CONTENT)|mixed.content/i, 'mixed-content'],
]

/** The cause of an unanswered request's network error; null for ERR_FAILED (a refused preflight, among others) or none. */
export function networkCause(error: string | null): NetworkCause | null {
  if (!error || /^net::ERR_FAILED\b/.test(error)) return null
  return RULES.find(([re]) => re.test(error))?.[1] ?? 'unrecognized'
}

/** One finding for an unanswered request whose recorded error is not CORS; null lets the CORS check speak. */
export function networkErrorFinding(x: Exchange): Finding | null {
  if (x.status !== 0) return null
  const cause = networkCause(x.networkError)
  if (!cause) return null
  const error = x.networkError!
  const host = x.parsed?.host ?? ''
  const detail = msg(`finding.network-error.detail.${cause}`, { error, host })
  // The page cancelled it itself, or an extension did: not a BOS failure.
  const severity = cause === 'aborted' || cause === 'blocked-by-client' ? 'warning' : 'error'
  return finding('network-error', severity, msg(`finding.network-error.title.${cause}`, { error }), detail, { error, cause })
}
