// The hot paths rewritten for speed (issue #6) answer exactly what the code they replaced answered: each
// old version is kept here as the oracle, and random inputs (plus the nasty ones) are run through both.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeAuthString, parseIsoUtc, publicAuth } from '../../src/core/auth.ts'
import { parseHttpDate, rememberLast } from '../../src/core/clock.ts'
import { corsFindings } from '../../src/core/cors.ts'
import { checkContentMd5, etagMd5 } from '../../src/core/digests.ts'
import { bytesToHex } from '../../src/core/encoding.ts'
import { parseBodyText } from '../../src/core/error-body.ts'
import { queryParams, toExchange } from '../../src/core/har.ts'
import { mayBeBos, rawHost } from '../../src/core/hosts.ts'
import { redactUrl, REDACTED } from '../../src/core/redact.ts'
import { uriEncode } from '../../src/core/signing.ts'
import { NASTY, params, runs, weird } from '../helpers/arbitraries.ts'
import { entry } from '../helpers/har.ts'

// ---- the oracles: the code as it was before ------------------------------------------------------

const OLD_BOS_HOST = /^[a-z][a-z0-9+.-]*:\/\/(?:[^/?#@]*@)?([^/?#:]+)/i

function oldEtagMd5(etag: string | null): string | null {
  if (!etag) return null
  const v = etag
    .trim()
    .replace(/^W\//, '')
    .replace(/^"(.*)"$/, '$1')
  return /^[0-9a-fA-F]{32}$/.test(v) ? v.toLowerCase() : null
}

function oldBytesToHex(b: Uint8Array): string {
  let s = ''
  for (const x of b) s += x.toString(16).padStart(2, '0')
  return s
}

function oldUriEncode(s: string, keepSlash = false): string {
  let out = ''
  for (const byte of new TextEncoder().encode(s)) {
    const c = String.fromCharCode(byte)
    if (/[A-Za-z0-9\-._~]/.test(c) || (keepSlash && c === '/')) out += c
    else out += '%' + byte.toString(16).toUpperCase().padStart(2, '0')
  }
  return out
}

const SECRET_PARAMS = new Set(['x-bce-security-token', 'x-amz-security-token', 'x-amz-signature', 'signature'])
function oldRedactAuthorization(value: string): string {
  const v = value.trim()
  if (v.startsWith('bce-auth-v1/') || v.startsWith('bce-auth-v2/')) {
    const parts = v.split('/')
    if (parts.length >= 2) parts[parts.length - 1] = REDACTED
    return parts.join('/')
  }
  if (/^AWS4-HMAC-SHA256\s/i.test(v)) return v.replace(/Signature=[^,\s]*/i, `Signature=${REDACTED}`)
  const scheme = /^(\S+)\s+\S/.exec(v)
  return scheme ? `${scheme[1]} ${REDACTED}` : REDACTED
}
function oldRedactUrl(url: string): string {
  const q = url.indexOf('?')
  if (q < 0) return url
  return (
    url.slice(0, q + 1) +
    url
      .slice(q + 1)
      .split(/([&#?])/)
      .map((pair, i) => {
        if (i % 2) return pair
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
        const n = name.toLowerCase()
        const red =
          n === 'authorization' || value.trimStart().startsWith('bce-auth-v1/') ? oldRedactAuthorization(value) : SECRET_PARAMS.has(n) ? REDACTED : value
        if (red === value) return pair
        try {
          return `${rawName}=${encodeURIComponent(red)}`
        } catch {
          return `${rawName}=${REDACTED}`
        }
      })
      .join('')
  )
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/
function oldDecodeAuthString(raw: string, source: 'header' | 'query', sts: boolean): unknown {
  const fail = (problem: string) => ({ ok: false, source, problem, raw })
  const value = raw.trim()
  if (/^bce-auth-v2\//.test(value)) return fail('this is a bce-auth-v2 string; BOS requests are signed with bce-auth-v1')
  if (/^AWS4-HMAC-SHA256 /.test(value) || /^AWS /.test(value))
    return fail('this is an S3 (AWS) signature, not bce-auth-v1; only the s3.{region}.bcebos.com endpoint accepts it')
  if (!value.startsWith('bce-auth-v1/')) return fail('it does not start with "bce-auth-v1/"')
  const parts = value.split('/')
  if (parts.length !== 6) {
    return fail(`it has ${parts.length} "/"-separated fields; bce-auth-v1/{accessKeyId}/{timestamp}/{expirationSeconds}/{signedHeaders}/{signature} has 6`)
  }
  const [version, accessKeyId, timestamp, expiration, signed, signature] = parts as [string, string, string, string, string, string]
  if (!accessKeyId) return fail('the access key id field is empty')
  if (!TIMESTAMP.test(timestamp)) return fail(`the timestamp "${timestamp}" is not UTC ISO 8601 without milliseconds (like 2026-11-26T08:23:49Z)`)
  if (!/^-?\d+$/.test(expiration)) return fail(`the expiration "${expiration}" is not a whole number of seconds`)
  const expirationSeconds = Number(expiration)
  if (!Number.isSafeInteger(expirationSeconds)) return fail(`the expiration "${expiration}" is too large to be a number of seconds`)
  if (expirationSeconds < -1 || expirationSeconds === 0)
    return fail(`the expiration ${expirationSeconds} is not allowed: use a positive number of seconds, or -1 for never`)
  const signedHeaders = signed === '' ? [] : signed.split(';')
  if (signedHeaders.some((h) => h === '' || h !== h.toLowerCase())) return fail(`the signed headers "${signed}" must be lower-case names joined by ";"`)
  if (signature !== REDACTED && !/^[0-9a-f]{64}$/.test(signature)) {
    return fail(
      /^[0-9A-F]{64}$/i.test(signature)
        ? 'the signature must be lower-case hex'
        : `the signature is ${signature.length} characters; it must be 64 hex digits (HMAC-SHA256)`,
    )
  }
  return {
    ok: true,
    auth: {
      source,
      version,
      accessKeyId,
      timestamp,
      expirationSeconds,
      signedHeaders,
      sts,
      signature: signature === REDACTED ? '' : signature,
      signedAtMs: oldParseIsoUtc(timestamp),
    },
  }
}

const MONTHS: Record<string, number> = { Jan: 0, Feb: 1, Mar: 2, Apr: 3, May: 4, Jun: 5, Jul: 6, Aug: 7, Sep: 8, Oct: 9, Nov: 10, Dec: 11 }
function oldParseHttpDate(s: string): number | null {
  const m = /^[A-Z][a-z]{2}, (\d{2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/.exec(s)
  const month = m ? MONTHS[m[2]!] : undefined
  if (m && month !== undefined) return Date.UTC(+m[3]!, month, +m[1]!, +m[4]!, +m[5]!, +m[6]!)
  const ms = Date.parse(s)
  return Number.isFinite(ms) ? ms : null
}

function oldParseIsoUtc(s: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3})\d*)?Z$/.exec(s)
  if (!m) return null
  const [, y, mo, d, h, mi, se, frac] = m
  const ms = Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +se!, frac ? +frac.padEnd(3, '0') : 0)
  return new Date(ms).getUTCDate() === +d! && +h! < 24 && +mi! < 60 && +se! < 60 ? ms : null
}

// ---- generators ----------------------------------------------------------------------------------

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs)
const piece = (...xs: string[]) => fc.oneof(pick(xs), weird, fc.string({ maxLength: 4 }))
/** Text built from the pieces that matter to a parser, mixed with random ones. */
const made = (...xs: string[]) => fc.array(piece(...xs), { maxLength: 10 }).map((p) => p.join(''))

const urlText = made(
  'http',
  'https',
  'HTTPS',
  'ftp',
  'x+y.z-1',
  '://',
  ':',
  '//',
  '/',
  '@',
  '?',
  '#',
  'b.bj.bcebos.com',
  'BOS.BJ.BAIDUBCE.COM',
  'user:pw',
  '[::1]',
  ':8080',
  ' ',
  '1a',
)
const etagText = made(
  '"',
  'W/',
  'w/',
  'W',
  'Wx',
  ' ',
  '\n',
  '\u2028',
  'd41d8cd98f00b204e9800998ecf8427e',
  'D41D8CD98F00B204E9800998ECF8427E',
  'd41d8cd98f00b204e9800998ecf8427',
  '-2',
)
const structuredEtag = fc
  .tuple(
    pick(['', 'W/', 'W', 'Wx', 'w/', ' ', 'W/W/']),
    pick(['', '"', "'"]),
    pick([
      'd41d8cd98f00b204e9800998ecf8427e',
      'D41D8CD98F00B204E9800998ECF8427E',
      'd41d8cd98f00b204e9800998ecf8427',
      'd41d8cd98f00b204e98\n0998ecf8427e',
      '-1',
    ]),
    pick(['', '"', "'", 'x']),
    pick(['', ' ', '\n']),
  )
  .map((p) => p.join(''))
const queryText = made(
  '?',
  '&',
  '#',
  '=',
  '+',
  '%',
  '%2',
  '%41',
  '%E0%A4%A',
  'authorization',
  'AUTHORIZATION',
  'Signature',
  'x-bce-security-token',
  'x-bce-security-to\u212Aen',
  'x-amz-signature',
  'bce-auth-v1/AK/2026-11-26T04:00:00Z/1800/host/' + 'a'.repeat(64),
  ' bce-auth-v1/',
  'AWS4-HMAC-SHA256 Signature=abc',
  'token',
  '\uD800',
  'é',
)
const NAMES = [
  'authorization',
  '%61uthorization',
  'x-bce-security-t%6Fken',
  'AUTHORIZATION',
  'Signature',
  'x-bce-security-token',
  'X-Amz-Security-Token',
  'x-bce-security-to\u212Aen',
  'x-amz-signature',
  'x-bce-security%2Dtoken',
  'partNumber',
  'uploadId',
  'a+b',
  '',
  '%zz',
]
const VALUES = [
  'bce%2Dauth-v1/x',
  'bce-auth-v1/AK/2026-11-26T04:00:00Z/1800/host/' + 'a'.repeat(64),
  ' bce-auth-v1/x',
  'bce-auth-v1%2Fx',
  'AWS4-HMAC-SHA256 Signature=abc',
  'secret',
  '1',
  '',
  'a+b',
  '%E0%A4%A',
  'é',
]
/** Queries of name=value pairs (and a fragment), secret names and values among them. */
const structuredQuery = fc
  .array(fc.tuple(fc.oneof(pick(NAMES), weird), fc.option(fc.oneof(pick(VALUES), weird), { nil: undefined }), pick(['&', '&', '#', '?'])), { maxLength: 5 })
  .map((pairs) => '?' + pairs.map(([n, v, sep]) => (v === undefined ? n : `${n}=${v}`) + sep).join(''))
const authText = fc.oneof(
  made(
    'bce-auth-v1/',
    'bce-auth-v2/',
    'AWS ',
    'AWS4-HMAC-SHA256 ',
    '/',
    'AKID',
    '2026-11-26T04:00:00Z',
    '2026-02-31T04:00:00Z',
    '1800',
    '-1',
    '0',
    '99999999999999999999',
    'host;x-bce-date',
    'Host',
    ';;',
    'a'.repeat(64),
    'A'.repeat(64),
    REDACTED,
    ' ',
  ),
  fc
    .record({
      ak: pick(['AKID', '', 'ak/x']),
      ts: pick(['2026-11-26T04:00:00Z', '2026-11-26T04:00:01Z', '2026-11-26T04:00:00.5Z', 'x']),
      exp: pick(['1800', '-1', '0', '-2', '1e3', '9007199254740993']),
      signed: pick(['host;x-bce-date', '', 'Host', 'host;;x', 'content-md5;host;x-bce-date']),
      sig: pick(['a'.repeat(64), 'A'.repeat(64), 'ab', REDACTED, 'g'.repeat(64), 'a'.repeat(64) + '/x']),
    })
    .map((r) => `bce-auth-v1/${r.ak}/${r.ts}/${r.exp}/${r.signed}/${r.sig}`),
)

describe('fast paths agree with the code they replaced', () => {
  it('rawHost is what the BOS_HOST regex captured', () => {
    fc.assert(
      fc.property(urlText, (url) => {
        expect(rawHost(url)).toBe(OLD_BOS_HOST.exec(url)?.[1] ?? null)
      }),
      params(runs(5)),
    )
    for (const url of [
      'https://@/x',
      'https://a@',
      'https://@b',
      'h://a@b@c/',
      'https://:80',
      'https://a:b@c:d/e',
      'HTTPS://X.Y',
      '1http://a',
      'http:/a',
      '',
      'h://',
      'h://#',
    ])
      expect(rawHost(url), url).toBe(OLD_BOS_HOST.exec(url)?.[1] ?? null)
  })

  it('etagMd5, checkContentMd5 and bytesToHex', () => {
    fc.assert(
      fc.property(fc.oneof(etagText, structuredEtag), (etag) => {
        expect(etagMd5(etag)).toBe(oldEtagMd5(etag))
        const c = checkContentMd5(etag)
        if (/^[0-9a-fA-F]{32}$/.test(etag.trim())) expect(c).toEqual({ ok: false, reason: 'hex-not-base64' })
        else expect(c.ok ? 'ok' : c.reason).not.toBe('hex-not-base64')
      }),
      params(runs(5)),
    )
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (b) => {
        expect(bytesToHex(b)).toBe(oldBytesToHex(b))
      }),
      params(runs(1)),
    )
  })

  it('uriEncode', () => {
    fc.assert(
      fc.property(
        fc.oneof(weird, fc.string({ unit: 'binary', maxLength: 12 }), made('a', 'Z', '0', '-', '.', '_', '~', '/', ' ', '%', 'é', '😀', '\uD800')),
        fc.boolean(),
        (s, keep) => {
          expect(uriEncode(s, keep)).toBe(oldUriEncode(s, keep))
        },
      ),
      params(runs(5)),
    )
  })

  it('redactUrl skips only queries it would not have changed', () => {
    fc.assert(
      fc.property(fc.constantFrom('https://b.bj.bcebos.com/k', 'https://x/', ''), fc.oneof(queryText, structuredQuery), (base, query) => {
        const url = base + query
        expect(redactUrl(url)).toBe(oldRedactUrl(url))
      }),
      params(runs(10)),
    )
  })

  it('decodeAuthString, called in any order (it remembers the last signing head)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(authText, fc.constantFrom('header' as const, 'query' as const), fc.boolean()), { minLength: 1, maxLength: 8 }), (calls) => {
        for (const [raw, source, sts] of calls) {
          // problemMessage is the same problem as data (for other languages); the old code had only the English
          const { problemMessage: _, ...got } = decodeAuthString(raw, source, sts) as ReturnType<typeof decodeAuthString> & { problemMessage?: unknown }
          expect(got).toEqual(oldDecodeAuthString(raw, source, sts))
        }
      }),
      params(runs(5)),
    )
  })

  it('a decoded signature never shares its signed-header list with another one', () => {
    const raw = `bce-auth-v1/AKID/2026-11-26T04:00:00Z/1800/host;x-bce-date/${'a'.repeat(64)}`
    const a = decodeAuthString(raw, 'header', false)
    const b = decodeAuthString(raw, 'header', false)
    if (!a.ok || !b.ok) throw new Error('expected a valid signature')
    a.auth.signedHeaders.push('mutated')
    expect(b.auth.signedHeaders).toEqual(['host', 'x-bce-date'])
    expect(publicAuth(b.auth, null, null).signedHeaders).toEqual(['host', 'x-bce-date'])
  })

  it('remembered parses give the same answers as fresh ones, whatever the order', () => {
    const iso = pick(['2026-11-26T04:00:00Z', '2026-11-26T04:00:00.123Z', '2026-02-31T04:00:00Z', '2026-11-26T24:00:00Z', 'x', ''])
    const http = pick(['Thu, 26 Nov 2026 04:17:00 GMT', 'Thu, 26 Foo 2026 04:17:00 GMT', '2026-11-26T04:00:00Z', 'garbage', ''])
    fc.assert(
      fc.property(fc.array(fc.tuple(iso, http), { maxLength: 10 }), (calls) => {
        for (const [a, b] of calls) {
          expect(parseIsoUtc(a)).toBe(oldParseIsoUtc(a))
          expect(parseHttpDate(b)).toBe(oldParseHttpDate(b))
        }
      }),
      params(runs(2)),
    )
  })

  it('rememberLast recomputes for every new argument, and lets a throw through without remembering it', () => {
    let calls = 0
    const f = rememberLast((ms: number) => {
      calls++
      return new Date(ms).toISOString()
    })
    expect(f(0)).toBe('1970-01-01T00:00:00.000Z')
    expect(f(0)).toBe('1970-01-01T00:00:00.000Z')
    expect(calls).toBe(1)
    expect(() => f(NaN)).toThrow(RangeError)
    expect(() => f(NaN)).toThrow(RangeError)
    expect(f(1000)).toBe('1970-01-01T00:00:01.000Z')
    expect(f(0)).toBe('1970-01-01T00:00:00.000Z')
  })

  it('parseBodyText returns the same fields, in the same order', () => {
    const body = fc.oneof(
      fc
        .record({
          code: fc.oneof(pick(['NoSuchKey', ' x ', '']), fc.constant(undefined)),
          message: fc.oneof(pick(['m']), fc.constant(undefined)),
          requestId: fc.oneof(pick([' id ', '', '  ']), fc.constant(undefined)),
          Code: fc.oneof(pick(['C']), fc.constant(undefined)),
        })
        .map((o) => JSON.stringify(o)),
      pick(['[1]', '{"code":', '{}', 'null', '"x"']),
    )
    fc.assert(
      fc.property(body, fc.option(fc.nat(), { nil: null }), (text, size) => {
        const got = parseBodyText(text, size)
        const o = (() => {
          try {
            return JSON.parse(text) as unknown
          } catch {
            return undefined
          }
        })()
        if (o && typeof o === 'object' && !Array.isArray(o)) {
          expect(Object.keys(got)).toEqual(['truncated', 'text', 'code', 'message', 'requestId', 'format', 'note', 'noteMessage'])
          const r = o as Record<string, unknown>
          const code = typeof r.code === 'string' ? r.code : typeof r.Code === 'string' ? r.Code : null
          expect(got).toEqual({
            truncated: size !== null && size > 0 && size > text.length * 4,
            text,
            code: code?.trim() || null,
            message: typeof r.message === 'string' ? r.message : null,
            requestId: typeof r.requestId === 'string' && r.requestId.trim() ? r.requestId.trim() : null,
            format: 'json',
            note: code ? null : 'JSON without a "code" field: not a BOS error document.',
            noteMessage: code ? null : { key: expect.any(String) },
          })
        }
        if (/^[[{]/.test(text)) expect(got.format).toBe('json')
      }),
      params(runs(2)),
    )
  })

  it('queryParams reads like url.searchParams', () => {
    fc.assert(
      fc.property(queryText, (q) => {
        let url: URL
        try {
          url = new URL('https://b.bj.bcebos.com/k' + q)
        } catch {
          return
        }
        const p = queryParams(url)
        expect([...p]).toEqual([...url.searchParams])
        for (const name of ['uploadId', 'partNumber', 'authorization', 'x-bce-security-token']) expect(p.get(name)).toBe(url.searchParams.get(name))
      }),
      params(runs(2)),
    )
  })

  it('CORS header lists are handed out as copies', () => {
    const x = toExchange(
      entry({
        url: 'https://b.bj.bcebos.com/k',
        method: 'PUT',
        req: { Origin: 'https://app.example.com' },
        res: { 'Access-Control-Allow-Origin': 'https://app.example.com', 'Access-Control-Expose-Headers': 'x-bce-request-id' },
      }),
    )!
    const first = corsFindings(x, false, 'PutObject')
    ;(first[0]!.exposeHeaders as string[]).push('etag')
    const second = corsFindings(x, false, 'PutObject')
    expect(second.map((f) => f.id)).toEqual(['cors-etag-not-exposed'])
    expect(second[0]!.exposeHeaders).toEqual(['x-bce-request-id'])
  })

  it('mayBeBos still lets through every host the regex let through', () => {
    for (const url of NASTY.map((n) => `https://${n}b.bj.bcebos.com/`)) {
      const expected = (() => {
        const m = OLD_BOS_HOST.exec(url)
        return !m || m[1]!.toLowerCase().endsWith('.bcebos.com')
      })()
      if (expected) expect(mayBeBos({ request: { url, headers: [] }, response: { headers: [] } }), url).toBe(true)
    }
  })
})
