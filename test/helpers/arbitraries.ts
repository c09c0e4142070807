// fast-check generators for HAR entries of BOS traffic: realistic building blocks (hosts, operations,
// signatures, error bodies, forms, multipart lists) mixed with chaos (missing fields, wrong types,
// huge and binary values, bombs, broken unicode and percent-encoding). Shared by the property tests.
import fc from 'fast-check'

/** Fixed seed: the default run is reproducible. Override with FC_SEED to explore other corners. */
export const SEED = Number(process.env.FC_SEED) || 0x0b05_2026
/** Runs of the main properties; FC_RUNS=5000 for a bench-like run, 200 by default. */
export const RUNS = Math.max(1, Math.floor(Number(process.env.FC_RUNS) || 200))
/** A share of RUNS, at least one: for properties whose inputs are heavy. */
export const runs = (share: number): number => Math.max(1, Math.round(RUNS * share))
export const params = (numRuns: number): fc.Parameters<unknown> => ({ seed: SEED, numRuns })

// ---- text ---------------------------------------------------------------------------------------

const chars = (alphabet: string, minLength: number, maxLength: number) => fc.string({ unit: fc.constantFrom(...alphabet), minLength, maxLength })
export const hexString = (min: number, max = min) => chars('0123456789abcdef', min, max)
const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'
export const alnum = (min: number, max: number) => chars(ALNUM, min, max)

/** Pieces that break naive code: broken escapes, lone surrogates, RTL, emoji, prototype keys. */
export const NASTY = [
  '',
  ' ',
  '%',
  '%E0%A4%A',
  '%zz',
  '%00',
  '%2F',
  '%ED%A0%80',
  '%C3%28',
  '\uD800',
  '\uDC00',
  'a\uD83D',
  '\uDE00b',
  '😀',
  '👩‍👩‍👧',
  '\u202Ertl\u202C',
  'שלום',
  'العربية',
  '中文键',
  '\u0000',
  '\u0007',
  '\r\n',
  '\n',
  '\t',
  '..',
  '/',
  '//',
  '?',
  '#',
  '&',
  '=',
  '+',
  '"',
  "'",
  '\\',
  '<',
  '>',
  '&amp;',
  ']]>',
  '<![CDATA[',
  '*',
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  'valueOf',
] as const

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 2, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
)
/** Short text made of ordinary and nasty pieces. */
export const weird = fc.array(piece, { maxLength: 5 }).map((p) => p.join(''))

/** A 50–110 KB string of one repeated piece (huge header values, huge fields). */
export const huge = fc
  .record({
    unit: fc.oneof(fc.constantFrom('a', 'é', '😀', '\uD800', '%', '<Code>', '"', ' ', '\\'), alnum(1, 4)),
    size: fc.integer({ min: 50_000, max: 110_000 }),
  })
  .map(({ unit, size }) => unit.repeat(Math.ceil(size / unit.length)))

export const b64 = (s: string | Uint8Array): string => Buffer.from(s).toString('base64')

// ---- chaos --------------------------------------------------------------------------------------

/** A field left out of the object altogether. */
export const MISSING: unique symbol = Symbol('missing')
type Field<T> = T | typeof MISSING

function deepArray(depth: number): unknown {
  let v: unknown = 'x'
  for (let i = 0; i < depth; i++) v = [v]
  return v
}

/** Values of the wrong type for any field. */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.constant(MISSING),
  fc.constantFrom(0, -1, 1.5, NaN, Infinity, -Infinity, 1e308, -0, Number.MAX_SAFE_INTEGER + 2),
  fc.boolean(),
  fc.constant([]),
  fc.constant({}),
  fc.constant({ toString: 1 }), // String() of this throws
  fc.constant({ toString: 1, valueOf: 2 }),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('name', 'value', 'text', '__proto__', 'constructor'), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
  fc.integer({ min: 100, max: 2000 }).map(deepArray),
  weird,
)

/** Mostly `arb`, sometimes a value of the wrong type or a missing field. */
export const chaos = <T>(arb: fc.Arbitrary<T>, weight = 8): fc.Arbitrary<unknown> =>
  fc.oneof({ weight, arbitrary: arb as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: junk })

/** fc.record, then fields holding MISSING are removed. */
export function obj(model: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(model).map((r) => {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(r)) if ((v as Field<unknown>) !== MISSING) out[k] = v
    return out
  })
}

// ---- dates and clocks ---------------------------------------------------------------------------

const isoSeconds = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
const NOW = Date.parse('2026-11-26T04:00:00.000Z')
const ms = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: NOW - 7_200_000, max: NOW + 7_200_000 }) },
  { weight: 1, arbitrary: fc.constantFrom(-8.64e15, 8.64e15, 0, -62_135_596_800_000, 253_402_300_799_000) },
  { weight: 1, arbitrary: fc.integer({ min: -8.64e15, max: 8.64e15 }) },
)
const badDate = fc.constantFrom(
  '',
  'yesterday',
  '2026-13-45T99:99:99Z',
  '2026-11-26T04:00:00',
  'NaN',
  '0',
  'Thu, 31 Feb 2026 25:00:00 GMT',
  '+275760-09-13T00:00:00.001Z',
  '2026-11-26T04:00:00.000+99:00',
  '\uD800',
)
/** ISO 8601 dates (also far in the past and future), HTTP dates and invalid ones. */
export const isoDate = fc.oneof({ weight: 6, arbitrary: ms.map((t) => new Date(t).toISOString()) }, { weight: 1, arbitrary: badDate })
export const isoSecondsDate = fc.oneof({ weight: 6, arbitrary: ms.map(isoSeconds) }, { weight: 1, arbitrary: badDate })
export const httpDate = fc.oneof({ weight: 6, arbitrary: ms.map((t) => new Date(t).toUTCString()) }, { weight: 1, arbitrary: badDate })

// ---- numbers ------------------------------------------------------------------------------------

export const status = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(200, 204, 206, 304, 400, 403, 404, 409, 412, 500, 502, 503, 0, -1) },
  { weight: 2, arbitrary: fc.integer({ min: -1000, max: 1000 }) },
  { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, 403.5, 1e21, -0, '403' as unknown as number) },
)
export const anyNumber = fc.oneof(fc.integer({ min: -1_000_000, max: 10_000_000 }), fc.double(), fc.constantFrom(NaN, Infinity, -Infinity, -1, 0))

// ---- hosts and URLs -----------------------------------------------------------------------------

export const CUSTOM_HOSTS = ['files.example.com', '*.cdn.example.net']
const bucket = fc.oneof(
  { weight: 6, arbitrary: fc.stringMatching(/^[a-z][a-z0-9-]{2,12}$/) },
  { weight: 1, arbitrary: fc.constantFrom('v1', 'a.b', 'x', 'xn--80ak6aa92e', '123') },
)
const region = fc.constantFrom('bj', 'gz', 'su', 'fsh', 'hkg', 'bd', 'fwh', 'cd', 'xx', 'a-b-c')

export const bosHost = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(bucket, region).map(([b, r]) => `${b}.${r}.bcebos.com`) },
  { weight: 2, arbitrary: region.map((r) => `${r}.bcebos.com`) },
  { weight: 1, arbitrary: region.map((r) => `s3.${r}.bcebos.com`) },
  { weight: 1, arbitrary: fc.tuple(bucket, region).map(([b, r]) => `${b}.s3.${r}.bcebos.com`) },
  { weight: 1, arbitrary: bucket.map((b) => `${b}.cdn.bcebos.com`) },
  { weight: 1, arbitrary: region.map((r) => `bos.${r}.baidubce.com`) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'files.example.com',
      'img.cdn.example.net',
      'static.other.org',
      'sts.bj.baidubce.com',
      'BJ.BCEBOS.COM',
      'bcebos.com',
      '.bcebos.com',
      'xn--fsq.bcebos.com',
      '[::1]',
      '127.0.0.1:8080',
    ),
  },
)

const segment = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[A-Za-z0-9._-]{1,12}$/) },
  { weight: 2, arbitrary: weird },
  { weight: 1, arbitrary: fc.constantFrom('%E0%A4%A', 'a%20b', '%zz', '%ED%A0%80', 'v1', '', '😀', '\uD800', 'photo(1)!.jpg', "it's", 'a+b') },
)
export const path = fc.tuple(fc.boolean(), fc.array(segment, { maxLength: 4 })).map(([v1, segs]) => (v1 ? '/v1/' : '/') + segs.join('/'))

export const UPLOAD_IDS = ['U1', 'U2', 'a1b2c3d4e5f6']
const queryPair = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'uploads',
      'uploads=',
      'append',
      'acl',
      'cors',
      'tagging',
      'versions',
      'userQuota',
      'restore',
      'delete',
      'rename',
      'select',
      'fetch',
      'symlink',
      'location',
      'lifecycle',
    ),
  },
  { weight: 3, arbitrary: fc.constantFrom(...UPLOAD_IDS, '', '%E0%A4%A').map((u) => `uploadId=${u}`) },
  { weight: 2, arbitrary: fc.oneof(fc.integer({ min: -1, max: 10_001 }).map(String), weird).map((n) => `partNumber=${n}`) },
  { weight: 1, arbitrary: fc.oneof(fc.nat().map(String), weird).map((n) => `offset=${n}`) },
  { weight: 2, arbitrary: fc.tuple(weird, weird).map(([k, v]) => `${k}=${v}`) },
)
export const query = fc.array(queryPair, { maxLength: 4 })

// ---- signatures ---------------------------------------------------------------------------------

const signedHeaderList = fc
  .subarray(['host', 'x-bce-date', 'content-type', 'content-length', 'content-md5', 'x-bce-security-token', 'authorization', 'cookie', 'referer', 'Host', ''])
  .map((l) => l.join(';'))
/** bce-auth-v1 strings: well-formed, or with any field broken, or a random number of fields. */
export const authString = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .record({
        ak: fc.oneof(hexString(32), alnum(0, 8)),
        ts: isoSecondsDate,
        exp: fc.oneof(
          fc.constantFrom('1800', '-1', '0', '-5', '3600', 'abc', '1e3', '99999999999999999999', '9'.repeat(400), '9007199254740993'),
          fc.integer().map(String),
        ),
        signed: signedHeaderList,
        sig: fc.oneof(
          { weight: 4, arbitrary: hexString(64) },
          { weight: 1, arbitrary: fc.constantFrom('REDACTED', '') },
          { weight: 1, arbitrary: hexString(64).map((s) => s.toUpperCase()) },
          { weight: 1, arbitrary: weird },
        ),
      })
      .map(({ ak, ts, exp, signed, sig }) => `bce-auth-v1/${ak}/${ts}/${exp}/${signed}/${sig}`),
  },
  { weight: 1, arbitrary: fc.array(weird, { maxLength: 9 }).map((f) => ['bce-auth-v1', ...f].join('/')) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'bce-auth-v2/ak/2026-11-26T04:00:00Z/1800//sig',
      'AWS4-HMAC-SHA256 Credential=x, Signature=abc',
      'AWS ak:sig',
      'Bearer xyz',
      ' bce-auth-v1/',
      'bce-auth-v1',
    ),
  },
)

// ---- headers ------------------------------------------------------------------------------------

type H = { name: unknown; value: unknown }
const header = (name: fc.Arbitrary<string>, value: fc.Arbitrary<unknown>): fc.Arbitrary<H> => fc.record({ name: fc.mixedCase(name), value: chaos(value, 12) })
const one = (name: string, value: fc.Arbitrary<unknown>) => header(fc.constant(name), value)

const md5Junk = fc.oneof(
  fc.uint8Array({ minLength: 16, maxLength: 16 }).map(b64),
  fc.uint8Array({ maxLength: 24 }).map(b64),
  hexString(32),
  fc.constantFrom('', '====', 'not base64!', '1B2M2Y8AsgTpgAmY7PhCfg==', 'a'),
  weird,
)
const etag = fc.oneof(
  hexString(32),
  hexString(32).map((h) => `"${h}"`),
  hexString(32).map((h) => `W/"${h}"`),
  fc.constantFrom('-abc', '"-1"', '""', 'undefined'),
  weird,
)

export const requestHeader: fc.Arbitrary<H> = fc.oneof(
  { weight: 3, arbitrary: one('Authorization', authString) },
  { weight: 2, arbitrary: one('x-bce-date', isoSecondsDate) },
  { weight: 2, arbitrary: one('Content-MD5', md5Junk) },
  { weight: 1, arbitrary: one('x-bce-content-sha256', fc.oneof(hexString(64), fc.uint8Array({ minLength: 32, maxLength: 32 }).map(b64), weird)) },
  { weight: 1, arbitrary: one('x-bce-content-crc32', fc.oneof(fc.nat().map(String), fc.constantFrom('4294967296', '-1', '0xdeadbeef', '99999999999'), weird)) },
  {
    weight: 2,
    arbitrary: one(
      'Content-Type',
      fc.constantFrom(
        'text/plain;charset=UTF-8',
        'application/json',
        'multipart/form-data; boundary=BB',
        'multipart/form-data; boundary="a b"',
        'multipart/form-data',
        'application/x-www-form-urlencoded',
      ),
    ),
  },
  { weight: 1, arbitrary: one('Content-Length', fc.oneof(fc.nat().map(String), fc.constantFrom('-1', 'abc', '1e400', ''))) },
  {
    weight: 1,
    arbitrary: one(
      'Host',
      fc.oneof(
        bosHost,
        bosHost.map((h) => `${h}:8080`),
      ),
    ),
  },
  { weight: 2, arbitrary: one('Origin', fc.constantFrom('https://app.example.com', 'null', 'http://localhost:3000', '')) },
  { weight: 1, arbitrary: one('Access-Control-Request-Method', fc.constantFrom('PUT', 'GET', 'POST', 'put', '')) },
  { weight: 1, arbitrary: one('Access-Control-Request-Headers', fc.constantFrom('authorization,content-md5,x-bce-date', 'content-type', '', ' , ,')) },
  { weight: 1, arbitrary: one('x-bce-security-token', alnum(0, 40)) },
  { weight: 1, arbitrary: one('x-bce-copy-source', weird) },
  { weight: 1, arbitrary: one('x-bce-copy-source-if-match', etag) },
  {
    weight: 1,
    arbitrary: one(
      ':path',
      fc.tuple(path, query).map(([p, q]) => p + (q.length ? '?' + q.join('&') : '')),
    ),
  },
  { weight: 1, arbitrary: header(fc.oneof(weird, fc.constantFrom('x-bce-meta-a', 'cookie', 'referer')), fc.oneof(weird, huge)) },
)

export const responseHeader: fc.Arbitrary<H> = fc.oneof(
  { weight: 3, arbitrary: one('Server', fc.constantFrom('BceBos', 'nginx', 'bcebos', 'BceBos/1.0', '')) },
  { weight: 2, arbitrary: one('x-bce-request-id', fc.oneof(fc.uuid(), fc.constantFrom(' ', ''), weird)) },
  { weight: 2, arbitrary: one('x-bce-debug-id', fc.oneof(fc.uint8Array({ maxLength: 30 }).map(b64), fc.constant(b64('10.0.0.1:Thu Nov 26:1')), weird)) },
  { weight: 1, arbitrary: one('x-amz-request-id', weird) },
  { weight: 3, arbitrary: one('Date', httpDate) },
  { weight: 2, arbitrary: one('ETag', etag) },
  { weight: 1, arbitrary: one('Content-MD5', md5Junk) },
  { weight: 1, arbitrary: one('x-bce-content-crc32', fc.oneof(fc.nat().map(String), weird)) },
  { weight: 1, arbitrary: one('Age', fc.nat().map(String)) },
  { weight: 1, arbitrary: one('x-bce-next-append-offset', fc.oneof(fc.nat().map(String), weird, fc.constant('9'.repeat(30)))) },
  { weight: 1, arbitrary: one('Access-Control-Allow-Origin', fc.constantFrom('*', 'https://app.example.com', 'https://other.example.com')) },
  { weight: 1, arbitrary: one('Access-Control-Expose-Headers', fc.constantFrom('ETag', '*', 'x-bce-request-id, x-bce-debug-id', '')) },
  { weight: 1, arbitrary: one('Access-Control-Allow-Methods', fc.constantFrom('GET,PUT', '*', 'get')) },
  { weight: 1, arbitrary: one('Access-Control-Allow-Headers', fc.constantFrom('*', 'authorization', '')) },
  { weight: 1, arbitrary: one('x-bce-symlink-target', weird) },
  { weight: 1, arbitrary: header(fc.oneof(weird, fc.constantFrom('Set-Cookie', 'Location', 'x-bce-x')), fc.oneof(weird, huge)) },
)

/** Header lists: usually a few, sometimes hundreds, sometimes not a list at all. */
const headerList = (h: fc.Arbitrary<H>) =>
  chaos(
    fc.oneof(
      { weight: 8, arbitrary: fc.array(h, { maxLength: 8 }) },
      { weight: 1, arbitrary: fc.array(h, { minLength: 100, maxLength: 400 }) },
      { weight: 1, arbitrary: fc.array(fc.oneof(h, junk), { maxLength: 6 }) },
    ),
    10,
  )

// ---- bodies -------------------------------------------------------------------------------------

export const ERROR_CODES = [
  'RequestExpired',
  'RequestTimeTooSkewed',
  'SignatureDoesNotMatch',
  'BadDigest',
  'NoSuchUpload',
  'OffsetIncorrect',
  'ObjectUnappendable',
  'PreconditionFailed',
  'EntityTooSmall',
  'InvalidPart',
  'AccessDenied',
  'NoSuchKey',
  'InvalidHTTPAuthHeader',
  'constructor',
  '__proto__',
  'toString',
  ' ',
  'nosuchkey',
]
const code = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...ERROR_CODES) }, { weight: 1, arbitrary: weird })
const message = fc.oneof(
  weird,
  isoSecondsDate.map((d) => `Request has expired. Timestamp date is ${d}`),
  isoSecondsDate.map((d) => `Request has expired. Timestamp date is ${d}.`),
  fc.constantFrom('Fail to check timestamp: time expired', 'The security token has expired', ''),
)

const bosJson = fc.record({ code: chaos(code), message: chaos(message), requestId: chaos(fc.oneof(fc.uuid(), weird)) }).map((o) => JSON.stringify(o))
const xmlError = fc
  .tuple(code, message, weird)
  .map(([c, m, r]) => `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${c}</Code><Message>${m}</Message><RequestId>${r}</RequestId></Error>`)
const html = fc
  .tuple(weird, fc.boolean())
  .map(([t, doctype]) => `${doctype ? '<!DOCTYPE html>' : ''}<html><head><title>${t}</title></head><body><h1>502 Bad Gateway</h1></body></html>`)
const nest = (n: number, open: string, close: string, inner = '0') => open.repeat(n) + inner + close.repeat(n)

/** Bodies built to hurt: deep nesting, entity expansion, many unclosed tags and escapes. */
export const bomb = fc
  .record({
    n: fc.integer({ min: 1_000, max: 20_000 }),
    kind: fc.constantFrom(
      'json-array',
      'json-object',
      'json-unclosed',
      'xml-entities',
      'xml-open-code',
      'xml-cdata',
      'xml-amp',
      'html-title',
      'html-title-tags',
      'json-code-fields',
      'json-escapes',
      'urlencoded-space',
      'form-no-boundary',
      'form-long-line',
    ),
  })
  .map(({ n, kind }) => {
    switch (kind) {
      case 'json-array':
        return nest(n, '[', ']')
      case 'json-object':
        return nest(n, '{"code":', '}')
      case 'json-unclosed':
        return '{"code":"X","a":' + '['.repeat(n)
      case 'xml-entities': {
        let dtd = '<!ENTITY e0 "lol">'
        for (let i = 1; i < 10; i++) dtd += `<!ENTITY e${i} "${`&e${i - 1};`.repeat(10)}">`
        return `<?xml version="1.0"?><!DOCTYPE Error [${dtd}]><Error><Code>&e9;</Code><Message>${'&e9;'.repeat(n)}</Message></Error>`
      }
      case 'xml-open-code':
        return '<?xml version="1.0"?><Error>' + '<Code>'.repeat(n * 2)
      case 'xml-cdata':
        return '<Error><Code>]]>' + '<![CDATA['.repeat(n * 2) + '</Code></Error>'
      case 'xml-amp':
        return '<Error><Code>' + '&amp;'.repeat(n * 4) + '</Code></Error>'
      case 'html-title':
        return '<html>' + '<title'.repeat(n * 2)
      case 'html-title-tags':
        return '<html><title>' + '<'.repeat(n * 10) + '</title></html>'
      case 'json-code-fields':
        return '{' + '"code"  '.repeat(n * 2)
      case 'urlencoded-space':
        return 'a=1' + '&b=2'.repeat(n / 20) + ' x' // exponential for a nested-quantifier regex
      case 'form-no-boundary':
        return 'Content-Disposition: form-data; name="signature"\r\n\r\nv\r\n'.repeat(n / 2)
      case 'form-long-line':
        return 'Content-Disposition: ' + 'name="a" '.repeat(n * 2)
      default:
        return '{"code":"' + '\\'.repeat(n * 10)
    }
  })

export const bodyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: bosJson },
  { weight: 2, arbitrary: bosJson.chain((j) => fc.nat({ max: j.length }).map((n) => j.slice(0, n))) },
  { weight: 2, arbitrary: xmlError },
  { weight: 1, arbitrary: html },
  { weight: 1, arbitrary: fc.constantFrom(...UPLOAD_IDS).map((u) => JSON.stringify({ bucket: 'b', key: 'k', uploadId: u })) },
  { weight: 1, arbitrary: fc.record({ accessKeyId: alnum(10, 20), expiration: isoDate }).map((o) => JSON.stringify(o)) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b).toString('latin1')) },
  { weight: 2, arbitrary: bomb },
  { weight: 1, arbitrary: huge },
  { weight: 2, arbitrary: weird },
)

/** Response content: text or base64 (valid, of text or binary, or not base64 at all), sizes that lie. */
export const content = obj({
  size: chaos(fc.oneof(fc.nat(), fc.constantFrom(-1, 10_000_000))),
  mimeType: chaos(fc.constantFrom('application/json; charset=utf-8', 'application/xml', 'text/html', 'application/octet-stream', '')),
  text: chaos(
    fc.oneof(
      { weight: 6, arbitrary: bodyText },
      { weight: 2, arbitrary: bodyText.map(b64) },
      { weight: 1, arbitrary: fc.uint8Array({ maxLength: 100 }).map(b64) },
    ),
  ),
  encoding: chaos(fc.oneof(fc.constant(MISSING), fc.constant('base64'), weird)),
})

// ---- request bodies: PostObject forms, CompleteMultipartUpload lists ----------------------------

const condition = fc.oneof(
  fc.tuple(fc.constant('content-length-range'), chaos(fc.integer({ min: -10, max: 10_000_000 })), chaos(fc.integer({ min: -10, max: 10_000_000 }))),
  fc.tuple(
    fc.constantFrom('starts-with', 'eq'),
    fc.constantFrom('$key', '$bucket', '$Content-Type', '$constructor', '$__proto__', '$toString', '$x-bce-meta-a', '$'),
    weird,
  ),
  fc.dictionary(
    fc.constantFrom('bucket', 'key', 'constructor', '__proto__', 'toString', 'acl', 'x'),
    fc.oneof(weird, fc.constantFrom('a*', '*', 'a*a*a*a*a*a*a*a*a*a*a*a*b', '**********')),
    { maxKeys: 3 },
  ),
  fc.jsonValue({ maxDepth: 2 }),
)
export const policyJson = fc.oneof(
  { weight: 6, arbitrary: obj({ expiration: chaos(isoSecondsDate), conditions: chaos(fc.array(condition, { maxLength: 6 })) }).map((p) => JSON.stringify(p)) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 20_000 }).map((n) => `{"conditions":${nest(n, '[', ']', '')}}`) },
  { weight: 1, arbitrary: fc.json({ maxDepth: 3 }) },
)
const policyField = fc.oneof({ weight: 6, arbitrary: policyJson.map(b64) }, { weight: 1, arbitrary: weird })

export interface FormField {
  name: string
  value: string
  fileName?: string
}
const formField: fc.Arbitrary<FormField> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({ name: fc.constant('key'), value: fc.oneof(fc.stringMatching(/^[a-z0-9/._-]{1,20}$/), weird, fc.constant('a'.repeat(200))) }),
  },
  { weight: 2, arbitrary: fc.record({ name: fc.constantFrom('accessKey', 'AccessKey'), value: hexString(32) }) },
  { weight: 2, arbitrary: fc.record({ name: fc.constantFrom('policy', 'Policy'), value: policyField }) },
  { weight: 2, arbitrary: fc.record({ name: fc.constantFrom('signature', 'Signature'), value: hexString(64) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      name: fc.constant('file'),
      value: fc.oneof(
        fc.string({ maxLength: 40 }),
        fc.uint8Array({ maxLength: 40 }).map((b) => Buffer.from(b).toString('latin1')),
      ),
      fileName: fc.oneof(weird, fc.constant('photo.jpg')),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      name: fc.oneof(weird, fc.constantFrom('constructor', '__proto__', 'toString', 'Content-Type', 'x-bce-meta-a', 'success_action_status')),
      value: weird,
    }),
  },
)
export const boundary = fc.oneof(
  fc.constantFrom('BB', '----WebKitFormBoundary7MA4YWxkTrZu0gW', '--', 'a b', '"', '---'),
  alnum(1, 70),
  weird.filter((s) => s.length > 0),
)

export function multipartText(fields: readonly FormField[], b: string, crlf: boolean): string {
  const nl = crlf ? '\r\n' : '\n'
  let s = ''
  for (const f of fields) {
    s += `--${b}${nl}Content-Disposition: form-data; name="${f.name}"${f.fileName !== undefined ? `; filename="${f.fileName}"` : ''}${nl}`
    if (f.fileName !== undefined) s += `Content-Type: application/octet-stream${nl}`
    s += `${nl}${f.value}${nl}`
  }
  return s + `--${b}--${nl}`
}

/** A multipart/form-data body (as text, maybe truncated, or as HAR params) and its Content-Type. */
export const formBody = fc
  .record({ fields: fc.array(formField, { maxLength: 8 }), b: boundary, crlf: fc.boolean(), cut: fc.option(fc.nat(), { freq: 4 }), asParams: fc.boolean() })
  .map(({ fields, b, crlf, cut, asParams }) => {
    const mimeType = `multipart/form-data; boundary=${b}`
    if (asParams) {
      return {
        mimeType,
        postData: { mimeType, params: fields.map((f) => ({ name: f.name, value: f.value, ...(f.fileName !== undefined ? { fileName: f.fileName } : {}) })) },
      }
    }
    const text = multipartText(fields, b, crlf)
    return { mimeType, postData: { mimeType, text: cut === null ? text : text.slice(0, cut % (text.length + 1)) } }
  })

const partNumber = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 12 }) },
  { weight: 1, arbitrary: junk },
  { weight: 1, arbitrary: fc.constantFrom('2', '1e999', -1, 0, 1.5, 10_001) },
)
const part = obj({ partNumber, eTag: fc.oneof({ weight: 4, arbitrary: etag }, { weight: 1, arbitrary: junk }) })
export const completeBody = fc.oneof(
  { weight: 6, arbitrary: fc.array(part, { maxLength: 12 }).map((parts) => JSON.stringify({ parts })) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 20_000 }).map((n) => `{"parts":[{"partNumber":1,"eTag":${nest(n, '[', ']')}}]}`) },
  { weight: 1, arbitrary: fc.json({ maxDepth: 2 }) },
)

const postData = fc.oneof(
  { weight: 3, arbitrary: formBody.map((f) => f.postData as unknown) },
  { weight: 3, arbitrary: completeBody.map((text) => ({ mimeType: 'application/json', text }) as unknown) },
  {
    weight: 1,
    arbitrary: obj({
      mimeType: chaos(weird),
      text: chaos(fc.oneof(weird, huge, bomb)),
      params: chaos(fc.array(obj({ name: chaos(weird), value: chaos(weird), fileName: chaos(weird) }), { maxLength: 3 })),
    }),
  },
  { weight: 1, arbitrary: fc.constant(MISSING) },
)

// ---- whole entries ------------------------------------------------------------------------------

export const method = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('GET', 'PUT', 'POST', 'HEAD', 'DELETE', 'OPTIONS') },
  { weight: 1, arbitrary: fc.constantFrom('get', 'put', 'PATCH', '', 'CONNECT', 'constructor') },
  { weight: 1, arbitrary: weird },
)

export const url = fc.oneof(
  {
    weight: 10,
    arbitrary: fc
      .record({ scheme: fc.constantFrom('https', 'https', 'http'), host: bosHost, path, query })
      .map(({ scheme, host, path, query }) => `${scheme}://${host}${path}${query.length ? '?' + query.join('&') : ''}`),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'ftp://b.bj.bcebos.com/k',
      'https://',
      'https://b.bj.bcebos.com:99999/',
      'not a url',
      'https://user:pw@b.bj.bcebos.com/k',
      'data:text/plain,x',
      '//b.bj.bcebos.com/k',
      'HTTPS://B.BJ.BCEBOS.COM/K',
      'https://b.bj.bcebos.com/%E0%A4%A?authorization=%E0%A4%A',
    ),
  },
  { weight: 1, arbitrary: weird },
)

/** One HAR entry: realistic BOS traffic with chaos in every field. */
export const harEntry: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 30,
    arbitrary: obj({
      startedDateTime: chaos(isoDate),
      time: chaos(anyNumber),
      request: chaos(
        obj({
          method: chaos(method),
          url: chaos(url, 20),
          httpVersion: chaos(fc.constantFrom('HTTP/1.1', 'h2', 'http/2.0')),
          headers: headerList(requestHeader),
          queryString: chaos(fc.array(obj({ name: chaos(weird), value: chaos(weird) }), { maxLength: 3 })),
          cookies: chaos(fc.array(obj({ name: chaos(weird), value: chaos(weird) }), { maxLength: 2 })),
          headersSize: chaos(anyNumber),
          bodySize: chaos(anyNumber),
          postData,
        }),
        20,
      ),
      response: chaos(
        obj({
          status: chaos(status, 20),
          statusText: chaos(weird),
          headers: headerList(responseHeader),
          cookies: chaos(fc.array(obj({ name: chaos(weird), value: chaos(weird) }), { maxLength: 2 })),
          content: chaos(content, 20),
          redirectURL: chaos(weird),
        }),
        20,
      ),
      _resourceType: chaos(fc.constantFrom('xhr', 'fetch', 'preflight', 'document', MISSING)),
      _fromCache: chaos(fc.constantFrom('disk', 'memory', MISSING)),
    }),
  },
  { weight: 1, arbitrary: junk },
)

/** Entries of multipart uploads and appends that share upload ids and keys, so sessions form. */
export const sessionEntry: fc.Arbitrary<unknown> = fc
  .record({
    op: fc.constantFrom('initiate', 'part', 'part', 'part', 'complete', 'abort', 'append', 'list'),
    uploadId: fc.constantFrom(...UPLOAD_IDS),
    partNumber: fc.oneof(fc.integer({ min: 1, max: 6 }), fc.constantFrom('x', '0', '')),
    size: fc.oneof(fc.constantFrom(1024, 102_400, 5 << 20), fc.nat()),
    status: fc.constantFrom(200, 200, 200, 400, 404, 409, 0),
    code: fc.constantFrom('NoSuchUpload', 'InvalidPart', 'EntityTooSmall', 'OffsetIncorrect', 'ObjectUnappendable', 'InvalidPartOrder'),
    etag: etag,
    complete: completeBody,
    offset: fc.oneof(fc.nat().map(String), weird),
    key: fc.constantFrom('k', 'a/b.bin', '%E0%A4%A'),
  })
  .map(({ op, uploadId, partNumber, size, status, code, etag, complete, offset, key }) => {
    const base = `https://b.bj.bcebos.com/${key}`
    const [m, u, reqBody, resBody] =
      op === 'initiate'
        ? ['POST', `${base}?uploads`, null, JSON.stringify({ bucket: 'b', key, uploadId })]
        : op === 'part'
          ? ['PUT', `${base}?partNumber=${partNumber}&uploadId=${uploadId}`, null, null]
          : op === 'complete'
            ? ['POST', `${base}?uploadId=${uploadId}`, complete, null]
            : op === 'abort'
              ? ['DELETE', `${base}?uploadId=${uploadId}`, null, null]
              : op === 'append'
                ? ['POST', `${base}?append&offset=${offset}`, null, null]
                : ['GET', `${base}?uploadId=${uploadId}`, null, null]
    const failed = status >= 400
    return {
      startedDateTime: '2026-11-26T04:00:00.000Z',
      time: 50,
      request: {
        method: m,
        url: u,
        headers: [{ name: 'Content-Length', value: String(size) }],
        ...(reqBody === null ? {} : { postData: { mimeType: 'application/json', text: reqBody } }),
      },
      response: {
        status,
        headers: [
          { name: 'Server', value: 'BceBos' },
          { name: 'ETag', value: etag },
          { name: 'x-bce-next-append-offset', value: String(size) },
        ],
        content: { size: -1, mimeType: 'application/json', ...(failed ? { text: JSON.stringify({ code, message: 'm' }) } : resBody ? { text: resBody } : {}) },
      },
    }
  })

// ---- secrets, for the redaction properties ------------------------------------------------------

// Fixed prefixes no other generator produces, so finding the secret in an output is never a coincidence.
// The hex kind is a well-formed signature (64 lower-case hex), so analysis takes the "valid auth" paths.
export const secret = fc.oneof(
  hexString(50).map((h) => `f00dfacec0ffee${h}`),
  alnum(14, 58).map((s) => `SeKr3t${s}`),
)

export const PLACEMENTS = [
  'auth-header',
  'auth-query',
  'auth-query-encoded',
  'token-header',
  'token-query',
  'form-signature-text',
  'form-signature-params',
  'form-token-text',
  'form-token-params',
  'cookie-header',
  'set-cookie-header',
  'cookie-arrays',
  'sts-json',
  'sts-json-base64',
  'sts-json-not-base64',
  'referer-presigned',
  'location-presigned',
  'h2-path',
  'page-title',
  // SigV4 (S3-compatible clients talking to BOS's S3 endpoint)
  'sigv4-header',
  'sigv4-query',
  'sigv4-token-header',
  'sigv4-token-query',
  'sigv4-form-signature-text',
  'sigv4-form-signature-params',
  'sigv4-form-token-text',
  'sigv4-sse-c-key',
] as const
export type Placement = (typeof PLACEMENTS)[number]

export interface SecretCase {
  secret: string
  placements: Placement[]
  entry: Record<string, any>
  /** log.pages, when a placement puts the secret in a page title. */
  pages: unknown[] | null
}

const nearNow = fc.integer({ min: NOW - 3_600_000, max: NOW + 3_600_000 })

/** A realistic BOS entry carrying one secret in one or more places. */
export const secretCase: fc.Arbitrary<SecretCase> = fc
  .record({
    secret,
    placements: fc.subarray([...PLACEMENTS], { minLength: 1 }),
    host: fc.constantFrom('b.bj.bcebos.com', 'bj.bcebos.com', 's3.bj.bcebos.com', 'b.cdn.bcebos.com', 'files.example.com', 'img.other.org'),
    key: fc.oneof(fc.constantFrom('', 'a.txt', 'dir/photo (1).jpg', '%E0%A4%A'), weird),
    method: fc.constantFrom('GET', 'PUT', 'POST', 'HEAD', 'DELETE', 'OPTIONS'),
    status: fc.constantFrom(200, 403, 403, 403, 400, 0),
    code: fc.constantFrom('SignatureDoesNotMatch', 'SignatureDoesNotMatch', 'AccessDenied', 'RequestExpired', 'BadDigest'),
    ak: hexString(32),
    signedAt: nearNow,
    serverAt: nearNow,
    signed: fc.subarray(['host', 'x-bce-date', 'authorization', 'cookie', 'x-bce-security-token', 'referer', 'content-type']),
    otherSig: hexString(64),
    stsField: fc.constantFrom('secretAccessKey', 'sessionToken', 'both'),
    pretty: fc.boolean(),
    extraQuery: query,
    boundary: fc.oneof(fc.constantFrom('----WebKitFormBoundaryx7', 'BB'), alnum(1, 30)),
    crlf: fc.boolean(),
    policy: policyJson.map(b64),
  })
  .map((r): SecretCase => {
    const has = (p: Placement) => r.placements.includes(p)
    const ts = isoSeconds(r.signedAt)
    const signed = r.signed.join(';')
    const sigFor = (p: Placement) => (has(p) ? r.secret : r.otherSig)
    const auth = (sig: string) => `bce-auth-v1/${r.ak}/${ts}/1800/${signed}/${sig}`
    const presigned = (host: string) => `https://${host}/${r.key}?authorization=${encodeURIComponent(auth(r.secret))}&x-bce-security-token=${r.secret}`
    const sigv4Form = has('sigv4-form-signature-text') || has('sigv4-form-signature-params') || has('sigv4-form-token-text')
    const form = sigv4Form || has('form-signature-text') || has('form-signature-params') || has('form-token-text') || has('form-token-params')
    const credential = `${r.ak}/${ts.slice(0, 10).replace(/-/g, '')}/bj/s3/aws4_request`
    const method = form ? 'POST' : r.method

    const q: string[] = [...r.extraQuery]
    const qs: { name: string; value: string }[] = []
    if (has('auth-query') || has('auth-query-encoded') || has('h2-path')) {
      const v = auth(r.secret)
      q.push(`authorization=${has('auth-query-encoded') || has('h2-path') ? encodeURIComponent(v) : v}`)
      qs.push({ name: 'authorization', value: v })
    }
    if (has('token-query')) {
      q.push(`x-bce-security-token=${r.secret}`)
      qs.push({ name: 'x-bce-security-token', value: r.secret })
    }
    if (has('sigv4-query')) {
      q.push(`X-Amz-Algorithm=AWS4-HMAC-SHA256`, `X-Amz-Credential=${encodeURIComponent(credential)}`, `X-Amz-Signature=${r.secret}`)
      qs.push({ name: 'X-Amz-Credential', value: credential }, { name: 'X-Amz-Signature', value: r.secret })
    }
    if (has('sigv4-token-query')) {
      q.push(`X-Amz-Security-Token=${r.secret}`)
      qs.push({ name: 'X-Amz-Security-Token', value: r.secret })
    }
    const pathAndQuery = `/${form ? '' : r.key}${q.length ? '?' + q.join('&') : ''}`
    const url = `https://${r.host}${pathAndQuery}`

    const reqHeaders: { name: string; value: string }[] = [
      { name: 'Host', value: r.host },
      { name: 'x-bce-date', value: ts },
      {
        name: 'Authorization',
        value: has('sigv4-header')
          ? `AWS4-HMAC-SHA256 Credential=${credential}, SignedHeaders=${signed || 'host'}, Signature=${r.secret}`
          : auth(sigFor('auth-header')),
      },
      { name: 'Origin', value: 'https://app.example.com' },
    ]
    if (has('h2-path')) reqHeaders.unshift({ name: ':path', value: pathAndQuery }, { name: ':authority', value: r.host })
    if (has('token-header')) reqHeaders.push({ name: 'x-bce-security-token', value: r.secret })
    if (has('sigv4-token-header')) reqHeaders.push({ name: 'X-Amz-Security-Token', value: r.secret })
    if (has('sigv4-sse-c-key')) reqHeaders.push({ name: 'x-amz-server-side-encryption-customer-key', value: r.secret })
    if (has('cookie-header')) reqHeaders.push({ name: 'Cookie', value: `BAIDUID=abc; BDUSS=${r.secret}; theme=dark` })
    if (has('referer-presigned')) reqHeaders.push({ name: 'Referer', value: presigned('b.bj.bcebos.com') })

    const fields: FormField[] = []
    let postData: unknown
    if (form) {
      fields.push({ name: 'key', value: r.key || 'k' }, { name: 'accessKey', value: r.ak }, { name: 'policy', value: r.policy })
      fields.push({ name: 'signature', value: has('form-signature-text') || has('form-signature-params') ? r.secret : r.otherSig })
      if (has('form-token-text') || has('form-token-params')) fields.push({ name: 'x-bce-security-token', value: r.secret })
      if (sigv4Form) fields.push({ name: 'x-amz-algorithm', value: 'AWS4-HMAC-SHA256' }, { name: 'x-amz-credential', value: credential })
      if (has('sigv4-form-signature-text') || has('sigv4-form-signature-params')) fields.push({ name: 'x-amz-signature', value: r.secret })
      if (has('sigv4-form-token-text')) fields.push({ name: 'x-amz-security-token', value: r.secret })
      fields.push({ name: 'file', value: 'hello', fileName: 'a.txt' })
      const mimeType = `multipart/form-data; boundary=${r.boundary}`
      reqHeaders.push({ name: 'Content-Type', value: mimeType })
      const asParams = has('form-signature-params') || has('form-token-params') || has('sigv4-form-signature-params')
      const asText = has('form-signature-text') || has('form-token-text') || has('sigv4-form-signature-text') || has('sigv4-form-token-text')
      postData = {
        mimeType,
        ...(asText || !asParams ? { text: multipartText(fields, r.boundary, r.crlf) } : {}),
        ...(asParams ? { params: fields.map((f) => ({ name: f.name, value: f.value, ...(f.fileName ? { fileName: f.fileName } : {}) })) } : {}),
      }
    }

    const resHeaders: { name: string; value: string }[] = [
      { name: 'Server', value: 'BceBos' },
      { name: 'x-bce-request-id', value: '4db2b34d-654d-4d8a-b49b-3049ca786409' },
      { name: 'Date', value: new Date(r.serverAt).toUTCString() },
      { name: 'Content-Type', value: 'application/json' },
    ]
    if (has('set-cookie-header')) resHeaders.push({ name: 'Set-Cookie', value: `BDUSS=${r.secret}; Path=/; HttpOnly` })
    let redirectURL = ''
    if (has('location-presigned')) {
      redirectURL = presigned('b.bj.bcebos.com')
      resHeaders.push({ name: 'Location', value: redirectURL })
    }

    let text: string | undefined = r.status >= 400 ? JSON.stringify({ code: r.code, message: 'm', requestId: 'r' }) : undefined
    let encoding: string | undefined
    if (has('sts-json') || has('sts-json-base64') || has('sts-json-not-base64')) {
      const sts = {
        accessKeyId: r.ak,
        secretAccessKey: r.stsField === 'sessionToken' ? 'not-the-secret' : r.secret,
        sessionToken: r.stsField === 'secretAccessKey' ? 'not-the-secret' : r.secret,
        expiration: ts,
      }
      text = JSON.stringify(sts, null, r.pretty ? 2 : undefined)
      if (has('sts-json-base64')) text = b64(text)
      // Marked base64 but plain text (a proxy's HAR, a hand edit): the JSON is still there to read.
      if (has('sts-json-base64') || has('sts-json-not-base64')) encoding = 'base64'
    }
    const cookies = has('cookie-arrays') ? [{ name: 'BDUSS', value: r.secret, path: '/', httpOnly: true }] : []
    const entry = {
      startedDateTime: new Date(r.signedAt + 500).toISOString(),
      time: 120,
      request: {
        method,
        url,
        httpVersion: 'HTTP/1.1',
        headers: reqHeaders,
        queryString: qs,
        cookies,
        headersSize: -1,
        bodySize: -1,
        ...(postData ? { postData } : {}),
      },
      response: {
        status: r.status,
        statusText: '',
        httpVersion: 'HTTP/1.1',
        headers: resHeaders,
        cookies,
        content: { size: text?.length ?? 0, mimeType: 'application/json', ...(text !== undefined ? { text } : {}), ...(encoding ? { encoding } : {}) },
        redirectURL,
        headersSize: -1,
        bodySize: -1,
      },
      cache: {},
      timings: { send: 0, wait: 120, receive: 0 },
      pageref: 'page_1',
    }
    const pages = has('page-title') ? [{ id: 'page_1', title: presigned(r.host), startedDateTime: entry.startedDateTime, pageTimings: {} }] : null
    return { secret: r.secret, placements: r.placements, entry, pages }
  })

/** A HAR around an entry (and other entries, without secrets). */
export function harOf(entries: unknown[], pages: unknown[] | null = null): { log: Record<string, unknown> } {
  return { log: { version: '1.2', creator: { name: 'fast-check', version: '4' }, ...(pages ? { pages } : {}), entries } }
}

/** One damage to a JSON text: cut at `at`, insert or overwrite `with` there, or delete `len` characters. */
export interface TextDamage {
  at: number
  kind: 'none' | 'cut' | 'insert' | 'delete' | 'replace'
  len: number
  with: string
}

/** Damages of the given kinds (repeat a kind to weight it), with `with` drawn from `chars`. */
export const textDamage = (kinds: TextDamage['kind'][], chars: string): fc.Arbitrary<TextDamage> =>
  fc.record({
    at: fc.nat(),
    kind: fc.constantFrom(...kinds),
    len: fc.integer({ min: 1, max: 8 }),
    with: fc.string({ unit: fc.constantFrom(...chars), minLength: 1, maxLength: 3 }),
  })

/** `good` with damage `d` done to it. */
export function damaged(good: string, d: TextDamage): string {
  const at = d.at % (good.length + 1)
  switch (d.kind) {
    case 'none':
      return good
    case 'cut':
      return good.slice(0, at)
    case 'insert':
      return good.slice(0, at) + d.with + good.slice(at)
    case 'delete':
      return good.slice(0, at) + good.slice(at + d.len)
    case 'replace':
      return good.slice(0, at) + d.with + good.slice(at + d.with.length)
  }
}
