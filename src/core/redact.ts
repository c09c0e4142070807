// Redaction of secrets in HAR data: signatures keep their diagnosable parts (access key id, time,
// expiry, signed headers), tokens and keys go entirely. Used for every export, copy and `redact`.

export const REDACTED = 'REDACTED'

// Header names whose whole value is a secret.
const SECRET_HEADERS = new Set([
  'x-bce-security-token',
  'x-bce-server-side-encryption-customer-key',
  'x-bce-copy-source-server-side-encryption-customer-key',
  'x-amz-security-token',
  'x-amz-server-side-encryption-customer-key',
  'x-amz-copy-source-server-side-encryption-customer-key',
  'cookie',
  'set-cookie',
  'proxy-authorization',
])
// Query parameters whose whole value is a secret.
const SECRET_PARAMS = new Set(['x-bce-security-token', 'x-amz-security-token', 'x-amz-signature', 'signature'])
// JSON fields of response bodies that carry credentials (STS answers: secretAccessKey, sessionToken).
const SECRET_JSON = /("(?:secretAccessKey|sessionToken|secretKey|accessKeySecret|securityToken|SecretAccessKey|SessionToken)"\s*:\s*")((?:[^"\\]|\\.)*)(")/g

/**
 * bce-auth-v1/ak/ts/exp/signed/SIGNATURE → bce-auth-v1/ak/ts/exp/signed/REDACTED; SigV4
 * (`AWS4-HMAC-SHA256 Credential=AKID/…, SignedHeaders=…, Signature=…`) keeps its credential scope and
 * signed headers and loses every Signature; other schemes lose their credentials. `mask` replaces
 * what goes (the panel shows "••••").
 */
export function redactAuthorization(value: string, mask: string = REDACTED): string {
  const v = value.trim()
  if (v.startsWith('bce-auth-v1/') || v.startsWith('bce-auth-v2/')) {
    const parts = v.split('/')
    if (parts.length >= 2) parts[parts.length - 1] = mask
    return parts.join('/')
  }
  if (/^AWS4-HMAC-SHA256\s/i.test(v)) {
    // Without a Signature= the string is not SigV4 as signed: nothing in it is known to be harmless.
    return /Signature=/i.test(v) ? v.replace(/Signature=[^,\s]*/gi, `Signature=${mask}`) : `AWS4-HMAC-SHA256 ${mask}`
  }
  const scheme = /^(\S+)\s+\S/.exec(v)
  return scheme ? `${scheme[1]} ${mask}` : mask
}

// Headers whose value is a URL that may be a presigned one (:path: Chrome's HAR of an HTTP/2 request).
const URL_HEADERS = new Set(['referer', 'location', 'content-location', ':path'])

// A bce-auth-v1 string is a signature whatever carries it: `…/k??authorization=…` (url + "?" + query on a
// URL that had its "?"), or a parameter or header an application named itself.
const isBceAuth = (value: string) => value.trimStart().startsWith('bce-auth-v1/')

export function redactHeader(name: string, value: string): string {
  const n = name.toLowerCase()
  if (n === 'authorization' || isBceAuth(value)) return redactAuthorization(value)
  if (SECRET_HEADERS.has(n)) return REDACTED
  if (URL_HEADERS.has(n)) return redactUrl(value)
  return value
}

/** One query parameter's value: a signature keeps its diagnosable parts, a token or SigV4 signature goes. */
export function redactParam(name: string, value: string): string {
  const n = name.toLowerCase()
  if (n === 'authorization' || isBceAuth(value)) return redactAuthorization(value)
  if (SECRET_PARAMS.has(n)) return REDACTED
  return value
}

// What a query needs to contain for redactParam to change any pair: a secret name or a bce-auth-v1 value
// (ASCII letters, whatever their case: case and "+" are all the decoding below can change without a "%"),
// a "%" (an encoded one), or a character beyond ASCII (U+212A, the Kelvin sign, lower-cases to "k").
const MAY_HOLD_SECRET = /%|[^\x00-\x7f]|authorization|signature|token|bce-auth-v1/i

/** Redacts the authorization signature and tokens in a URL's query, leaving everything else as it was. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?')
  if (q < 0) return url
  if (!MAY_HOLD_SECRET.test(url.slice(q + 1))) return url // nothing to redact (most URLs): skip the split
  // A pair ends at "&", and at "#" or "?" too: a fragment can carry a query of its own
  // (`#…&authorization=…`, `#/route?x-bce-security-token=…`). Everything but secret values stays as sent.
  return (
    url.slice(0, q + 1) +
    url
      .slice(q + 1)
      .split(/([&#?])/)
      .map((pair, i) => {
        if (i % 2) return pair // a separator
        const eq = pair.indexOf('=')
        if (eq < 0) return pair
        const rawName = pair.slice(0, eq)
        let name = rawName
        let value = pair.slice(eq + 1)
        try {
          name = decodeURIComponent(rawName.replace(/\+/g, ' '))
          value = decodeURIComponent(value.replace(/\+/g, ' '))
        } catch {
          // keep as sent
        }
        const red = redactParam(name, value)
        if (red === value) return pair
        try {
          return `${rawName}=${encodeURIComponent(red)}`
        } catch {
          return `${rawName}=${REDACTED}` // a lone surrogate cannot be encoded: drop the whole value
        }
      })
      .join('')
  )
}

/**
 * Form fields that are secrets in a PostObject, BOS's and S3's (the policy itself is kept: it is
 * diagnosable, not secret; so is S3's x-amz-credential, whose only identifier is the access key id).
 */
const SECRET_FORM_FIELDS = new Set([
  'signature',
  'x-bce-security-token',
  'x-amz-signature',
  'x-amz-security-token',
  // an SSE-C key sent as a form field is the object's encryption key itself
  'x-bce-server-side-encryption-customer-key',
  'x-amz-server-side-encryption-customer-key',
])

/** Whether a form field's whole value is a secret (a PostObject's signature, security token or SSE-C key); a policy's `$name` too. */
export const isSecretFormField = (name: string): boolean => SECRET_FORM_FIELDS.has(name.toLowerCase().replace(/^\$/, ''))

/** The field a policy condition as a violation names it (`["eq", "$name", …]`, `{"name": …}`); '' for others. */
export const conditionField = (condition: string): string => /^\["[^"]*", "\$?([^"]*)"|^\{"([^"]*)"/.exec(condition)?.slice(1).find(Boolean) ?? ''

/** One form field's value (a PostObject's multipart part or urlencoded pair). */
export function redactFormField(name: string, value: string): string {
  return isSecretFormField(name) ? REDACTED : redactParam(name, value)
}

/**
 * Multipart parts whose Content-Disposition names a secret field: the value between the blank line after
 * the part's headers and the next "\r\n--" becomes REDACTED. A scan, not one big regex: the regex rescanned
 * to the end from every header without a boundary after it (quadratic: minutes for a 10 MB body).
 */
function redactMultipart(text: string): string {
  const header = /Content-Disposition:[^\r\n]*/gi
  let out = ''
  let at = 0
  for (let m = header.exec(text); m; m = header.exec(text)) {
    const names = [...m[0].matchAll(/\bname="([^"]*)"/gi)]
    const name = names[names.length - 1]?.[1]
    if (name === undefined) continue
    const blank = /\n\r?\n/g
    blank.lastIndex = m.index + m[0].length
    const b = blank.exec(text)
    if (!b) break // no part after this one has a value either
    const start = b.index + b[0].length
    const dash = text.indexOf('\n--', start)
    if (dash < 0) break
    if (SECRET_FORM_FIELDS.has(name.toLowerCase())) {
      out += text.slice(at, start) + REDACTED
      at = dash > start && text[dash - 1] === '\r' ? dash - 1 : dash
    }
    header.lastIndex = dash + 3 // the part is done: a header inside its value is not one
  }
  return out + text.slice(at)
}

/** Redacts secret fields of a multipart/form-data or urlencoded body. */
export function redactFormText(text: string): string {
  let out = redactMultipart(text)
  // application/x-www-form-urlencoded: one run of non-space characters starting with name= (the regex used
  // to spell out the &name=value pairs too, which [^\s]* already covers: exponential backtracking).
  if (!out.includes('Content-Disposition') && /^[^\s=&]+=\S*$/.test(out.trim())) {
    out = redactUrl('?' + out.trim()).slice(1)
  }
  return out.replace(SECRET_JSON, `$1${REDACTED}$3`)
}

export function redactBodyText(text: string): string {
  return text.replace(SECRET_JSON, `$1${REDACTED}$3`)
}

/**
 * Base64 content holding credentials is redacted byte for byte and re-encoded. The bytes are searched as
 * Latin-1, so a body cut off mid-character, line-wrapped or not UTF-8 at all is still searched (the JSON
 * names are ASCII, and no byte of a multi-byte UTF-8 character is a quote or a backslash).
 */
function redactBase64Text(b64: string): string {
  const digits = b64.replace(/\s+/g, '').replace(/=+$/, '')
  // Marked base64 but not base64 (a proxy's HAR, a hand edit): it is text, and may hold credentials.
  if (!/^[A-Za-z0-9+/]*$/.test(digits)) return redactBodyText(b64)
  const whole = digits.length % 4 === 1 ? digits.slice(0, -1) : digits // cut off mid-quantum: the last digit is no byte
  let bytes: string
  try {
    bytes = atob(whole.padEnd(Math.ceil(whole.length / 4) * 4, '='))
  } catch {
    return redactBodyText(b64)
  }
  const red = redactBodyText(bytes)
  return red === bytes ? b64 : btoa(red)
}

type Json = Record<string, unknown>
const isObj = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v)

/** A value where a string belongs (a damaged or hand-made HAR) may still hold a secret: it goes whole. */
const hidesText = (v: unknown) => v !== null && typeof v === 'object'

/** {name, value} pairs (headers, query, form params): `redact` applies to string values, other objects go. */
function redactPairs(list: unknown, redact: (name: string, value: string) => string): unknown {
  if (!Array.isArray(list)) return list
  return list.map((p) => {
    if (!isObj(p)) return p
    if (typeof p.value === 'string') return { ...p, value: redact(typeof p.name === 'string' ? p.name : '', p.value) }
    return hidesText(p.value) ? { ...p, value: REDACTED } : p
  })
}

const redactHeaderList = (list: unknown) => redactPairs(list, redactHeader)

function redactCookies(list: unknown): unknown {
  if (!Array.isArray(list)) return list
  return list.map((c) => (isObj(c) ? { ...c, value: REDACTED } : c))
}

/** A redacted copy of one HAR entry (the input is not changed). */
export function redactEntry(entry: unknown): unknown {
  if (!isObj(entry)) return entry
  const out: Json = { ...entry }
  if (isObj(entry.request)) {
    const r: Json = { ...entry.request }
    if (typeof r.url === 'string') r.url = redactUrl(r.url)
    r.headers = redactHeaderList(r.headers)
    r.cookies = redactCookies(r.cookies)
    r.queryString = redactPairs(r.queryString, redactParam)
    if (isObj(r.postData)) {
      const pd: Json = { ...r.postData }
      if (typeof pd.text === 'string') pd.text = redactFormText(pd.text)
      pd.params = redactPairs(pd.params, redactFormField)
      r.postData = pd
    }
    out.request = r
  }
  if (isObj(entry.response)) {
    const r: Json = { ...entry.response }
    r.headers = redactHeaderList(r.headers)
    // Chrome copies the Location header here: a redirect to a presigned URL carries its signature.
    if (typeof r.redirectURL === 'string') r.redirectURL = redactUrl(r.redirectURL)
    r.cookies = redactCookies(r.cookies)
    if (isObj(r.content) && typeof r.content.text === 'string') {
      r.content = { ...r.content, text: r.content.encoding === 'base64' ? redactBase64Text(r.content.text) : redactBodyText(r.content.text) }
    }
    out.response = r
  }
  return out
}

/** A redacted copy of a whole HAR (every entry, BOS or not: a shared HAR leaks every site's secrets). */
export function redactHar(har: unknown): unknown {
  if (!isObj(har) || !isObj(har.log) || !Array.isArray(har.log.entries)) return har
  const log: Json = { ...har.log, entries: har.log.entries.map(redactEntry) }
  // A page without a <title> (a file opened from a presigned link) is titled with its URL.
  if (Array.isArray(log.pages)) log.pages = log.pages.map((p) => (isObj(p) && typeof p.title === 'string' ? { ...p, title: redactUrl(p.title) } : p))
  return { ...har, log }
}
