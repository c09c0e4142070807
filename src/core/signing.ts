// Rebuilds the bce-auth-v1 canonical request BOS computes from what the browser actually sent, lists
// the browser-specific traps that make a signer's canonical request differ, and (optionally) checks a
// signature with a secret key the user pastes: HMAC-SHA256 through WebCrypto, nothing kept.
import { list, msg, sentences, type Text } from '../i18n/report-message.ts'
import { english } from './finding.ts'
import type { DecodedAuth } from './auth.ts'
import { SIGV4 } from './sigv4.ts'
import { HeaderMap, type Exchange } from './har.ts'
import { decodeUriOrKeep } from './encoding.ts'

const UTF8 = new TextEncoder()
const ESCAPED = Array.from({ length: 256 }, (_, byte) => '%' + byte.toString(16).toUpperCase().padStart(2, '0'))

/** A-Z a-z 0-9 - . _ ~ (and "/" when it is kept). */
function unreserved(c: number, keepSlash: boolean): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 46 || c === 95 || c === 126 || (keepSlash && c === 47)
}

/** RFC 3986 encoding as BOS does it: keep A-Z a-z 0-9 - . _ ~, upper-case hex for everything else. */
export function uriEncode(s: string, keepSlash = false): string {
  let plain = 0
  while (plain < s.length && unreserved(s.charCodeAt(plain), keepSlash)) plain++
  if (plain === s.length) return s // nothing to encode (names, most values)
  let out = ''
  for (const byte of UTF8.encode(s)) out += unreserved(byte, keepSlash) ? String.fromCharCode(byte) : ESCAPED[byte]
  return out
}

/** Headers BOS signs when the signed-header list is empty: host, content-*, and every x-bce-*. */
export const DEFAULT_SIGNED = ['host', 'content-length', 'content-type', 'content-md5']

// Headers a page cannot set or that the browser sets itself (Fetch "forbidden request headers" and
// friends): signing them in page code signs a value the browser may replace.
const BROWSER_CONTROLLED = new Set([
  'accept-charset',
  'accept-encoding',
  'connection',
  'content-length',
  'cookie',
  'date',
  'expect',
  'host',
  'keep-alive',
  'origin',
  'referer',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'user-agent',
  'via',
])

export interface CanonicalRequest {
  method: string
  uri: string
  query: string
  headers: string
  /** The four lines joined by "\n": exactly what BOS signs. */
  text: string
  /** Header names that went into `headers`, in order. */
  signedHeaders: string[]
}

/** The signing-trap ids: README's trap table and the panel's trap titles (catalog keys trap.<id>.title). */
export const TRAP_IDS = [
  'content-type-charset',
  'signed-not-sent',
  'browser-controlled',
  'host-port',
  'uri-encoding',
  'query-encoding',
  'v1-prefix',
  'security-token-unsigned',
] as const

export type TrapId = (typeof TRAP_IDS)[number]

export interface SigningTrap {
  id: TrapId
  /** English, rendered from `message`. */
  detail: string
  message: Text
}

const trap = (id: TrapId, message: Text): SigningTrap => ({ id, detail: english(message), message })

function headerValue(x: Exchange, name: string): string | null {
  if (name === 'host') return x.requestHeaders.get('host') ?? x.parsed?.host ?? null
  return x.requestHeaders.get(name)
}

const splitHost = (h: string): [string, string] => {
  const m = /^(.*?)(?::(\d+))?$/.exec(h.toLowerCase())!
  return [m[1]!, m[2] ?? '']
}
const defaultPort = (protocol: string | undefined) => (protocol === 'http:' ? '80' : '443')

/** Same host name, different port (an absent port is the scheme's default). */
function portDiffers(a: string, b: string, protocol: string | undefined): boolean {
  const [an, ap] = splitHost(a)
  const [bn, bp] = splitHost(b)
  return an === bn && (ap || defaultPort(protocol)) !== (bp || defaultPort(protocol))
}

/** Hosts a signer may have signed instead of the one sent: without its port, or with the scheme's default. */
export function hostVariants(x: Exchange): string[] {
  const sent = headerValue(x, 'host')?.trim()
  if (!sent) return []
  const [name] = splitHost(sent)
  const out = new Set([name, `${name}:${defaultPort(x.parsed?.protocol)}`])
  out.delete(sent.toLowerCase())
  return [...out]
}

/** The exchange as if the browser had sent another Host: what the key check signs for each variant. */
export function withHost(x: Exchange, host: string): Exchange {
  const raw = [...x.requestHeaders.list.filter((h) => h.name.toLowerCase() !== 'host'), { name: 'Host', value: host }]
  return { ...x, requestHeaders: new HeaderMap(raw) }
}

/** The canonical request for an exchange and its decoded authorization. */
export function canonicalRequest(x: Exchange, auth: DecodedAuth): CanonicalRequest {
  const url = x.parsed
  const rawPath = url?.pathname || '/'
  const uri = rawPath
    .split('/')
    .map((seg) => uriEncode(decodeUriOrKeep(seg)))
    .join('/')
  const pairs: string[] = []
  if (url) {
    for (const part of url.search.replace(/^\?/, '').split('&')) {
      if (!part) continue
      const eq = part.indexOf('=')
      const k = decodeUriOrKeep(eq < 0 ? part : part.slice(0, eq))
      const v = eq < 0 ? '' : decodeUriOrKeep(part.slice(eq + 1))
      if (k.toLowerCase() === 'authorization') continue
      pairs.push(`${uriEncode(k)}=${uriEncode(v)}`)
    }
  }
  pairs.sort()
  const names = auth.signedHeaders.length ? auth.signedHeaders : [...DEFAULT_SIGNED, ...[...x.requestHeaders.names()].filter((n) => n.startsWith('x-bce-'))]
  const lines: string[] = []
  const used: string[] = []
  for (const name of names) {
    const v = headerValue(x, name)?.trim()
    if (!v) continue // empty values are left out, as BOS does
    lines.push(`${uriEncode(name.trim().toLowerCase())}:${uriEncode(v)}`)
    used.push(name)
  }
  lines.sort()
  const query = pairs.join('&')
  const headers = lines.join('\n')
  return { method: x.method, uri: uri || '/', query, headers, text: [x.method, uri || '/', query, headers].join('\n'), signedHeaders: used }
}

/** The browser-specific reasons a signer's canonical request differs from the one BOS rebuilds. */
export function signingTraps(x: Exchange, auth: DecodedAuth): SigningTrap[] {
  const traps: SigningTrap[] = []
  const signed = auth.signedHeaders
  const ct = x.requestHeaders.get('content-type')
  if ((signed.length === 0 || signed.includes('content-type')) && ct && /;\s*charset=/i.test(ct)) {
    traps.push(trap('content-type-charset', msg('trap.content-type-charset.detail', { contentType: ct })))
  }
  for (const name of signed) {
    if (name !== 'host' && !x.requestHeaders.has(name)) {
      traps.push(
        trap('signed-not-sent', msg(name === 'content-length' ? 'trap.signed-not-sent.detail.contentLength' : 'trap.signed-not-sent.detail', { name })),
      )
    } else if (BROWSER_CONTROLLED.has(name) && name !== 'host' && name !== 'content-length') {
      traps.push(trap('browser-controlled', msg('trap.browser-controlled.detail', { name })))
    }
  }
  // Only a real difference: the Host sent and the URL's host:port disagree on the port (a proxy or the
  // client rewrote it). A port alone is no evidence; the key check tries the variants (hostVariants).
  const sentHost = x.requestHeaders.get('host')?.trim()
  const urlHost = x.parsed?.host
  if ((signed.length === 0 || signed.includes('host')) && sentHost && urlHost && portDiffers(sentHost, urlHost, x.parsed?.protocol)) {
    traps.push(trap('host-port', msg('trap.host-port.detail', { host: sentHost, urlHost })))
  }
  const path = x.parsed?.pathname ?? ''
  const decodedPath = path.split('/').map(decodeUriOrKeep).join('/')
  if (/[!'()*]/.test(decodedPath)) {
    traps.push(
      trap('uri-encoding', msg('trap.uri-encoding.detail.reserved', { chars: list([...new Set(decodedPath.match(/[!'()*]/g))].map((c) => `"${c}"`)) })),
    )
  } else if (/%[0-9a-f]{2}/.test(path) || /[^A-Za-z0-9\-._~/%]/.test(path)) {
    traps.push(trap('uri-encoding', msg('trap.uri-encoding.detail')))
  }
  // The query as sent: "+" is a literal plus to BOS, and ( ) ! * ' (or a space) go out raw while the canonical
  // query percent-encodes them, so a signer that signs the query as it built it signs other bytes.
  const search = x.parsed?.search ?? ''
  const raw = [...new Set(search.match(/[()!*' ]/g) ?? [])]
  if (search.includes('+') || raw.length) {
    traps.push(
      trap(
        'query-encoding',
        sentences(
          search.includes('+') && msg('trap.query-encoding.detail'),
          raw.length > 0 &&
            msg('trap.query-encoding.detail.reserved', { chars: list(raw.map((c) => (c === ' ' ? msg('trap.query-encoding.space') : `"${c}"`))) }),
        ),
      ),
    )
  }
  const sigv4 = auth.version === SIGV4
  // The /v1 prefix is the native API's; on the S3 endpoint it would be a bucket named "v1".
  if (!sigv4 && /^\/v1(\/|$)/.test(path)) {
    traps.push(trap('v1-prefix', msg('trap.v1-prefix.detail')))
  }
  const token = sigv4 ? 'x-amz-security-token' : 'x-bce-security-token'
  if (x.requestHeaders.has(token) && signed.length > 0 && !signed.includes(token)) {
    traps.push(trap('security-token-unsigned', msg('trap.security-token-unsigned.detail', { name: token })))
  }
  return traps
}

const hex = (buf: ArrayBuffer) => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('')

async function hmacHex(key: string, message: string): Promise<string> {
  const enc = new TextEncoder()
  const k = await crypto.subtle.importKey('raw', enc.encode(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
  return hex(await crypto.subtle.sign('HMAC', k, enc.encode(message)))
}

/** HMAC-SHA256 of `message` under `key` (text or the raw bytes of the previous step), raw bytes out. */
async function hmacRaw(key: string | ArrayBuffer, message: string): Promise<ArrayBuffer> {
  const enc = new TextEncoder()
  const k = await crypto.subtle.importKey('raw', typeof key === 'string' ? enc.encode(key) : key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
  return crypto.subtle.sign('HMAC', k, enc.encode(message))
}

/**
 * Recomputes the signature with a secret key the user supplies: bce-auth-v1 (hex at both steps), or
 * SigV4 (the kDate → kRegion → kService → kSigning chain on raw bytes; `canonical` then carries its
 * string to sign). The key is used for this call only and never stored; the result says whether the key
 * or the canonical request is at fault.
 */
export async function checkSignature(
  auth: DecodedAuth,
  canonical: CanonicalRequest & { stringToSign?: string },
  secretAccessKey: string,
): Promise<{ matches: boolean; expected: string }> {
  if (auth.version === SIGV4) {
    const [date = '', region = '', service = ''] = (auth.scope ?? '').split('/')
    let key = await hmacRaw(`AWS4${secretAccessKey}`, date)
    for (const part of [region, service, 'aws4_request']) key = await hmacRaw(key, part)
    const expected = hex(await hmacRaw(key, canonical.stringToSign ?? ''))
    return { matches: expected === auth.signature, expected }
  }
  const prefix = `${auth.version}/${auth.accessKeyId}/${auth.timestamp}/${auth.expirationSeconds}`
  const signingKey = await hmacHex(secretAccessKey, prefix)
  const expected = await hmacHex(signingKey, canonical.text)
  return { matches: expected === auth.signature, expected }
}
