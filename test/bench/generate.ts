// A seeded generator of realistic HAR files: a mix of BOS operations, errors, multipart sessions and
// non-BOS noise, so benchmarks and memory checks run on something shaped like real DevTools exports.
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { join } from 'node:path'

/** Mulberry32: small, fast, deterministic. */
export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const h = (name: string, value: string) => ({ name, value })
const hex = (r: () => number, n: number) => Array.from({ length: n }, () => Math.floor(r() * 16).toString(16)).join('')
const uuid = (r: () => number) => `${hex(r, 8)}-${hex(r, 4)}-4${hex(r, 3)}-a${hex(r, 3)}-${hex(r, 12)}`
const b64 = (r: () => number, bytes: number) => Buffer.from(Array.from({ length: bytes }, () => Math.floor(r() * 256))).toString('base64')
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!

const ERRORS = [
  [404, 'NoSuchKey', 'The specified key does not exist.'],
  [403, 'AccessDenied', 'Access denied.'],
  [403, 'RequestExpired', 'Request has expired. Timestamp date is 2026-11-26T03:20:00Z'],
  [
    403,
    'SignatureDoesNotMatch',
    'The request signature we calculated does not match the signature you provided. Check your Secret Access Key and signing method. Consult the service documentation for details.',
  ],
  [400, 'BadDigest', 'The Content-MD5 you specified did not match what we received.'],
  [409, 'OffsetIncorrect', 'Offset not equal to current object length'],
  [400, 'EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed object size.'],
] as const

function bosEntry(r: () => number, t: number, i: number): unknown {
  const bucket = pick(r, ['photos', 'user-uploads', 'static-assets', 'logs-2026'])
  const region = pick(r, ['bj', 'gz', 'su', 'bd', 'hkg'])
  const key = `dir${Math.floor(r() * 100)}/file-${i}.${pick(r, ['jpg', 'png', 'txt', 'mp4'])}`
  const kind = r()
  let method = 'GET'
  let query = ''
  if (kind < 0.35) method = 'PUT'
  else if (kind < 0.45) {
    method = 'PUT'
    query = `?partNumber=${1 + Math.floor(r() * 20)}&uploadId=${hex(r, 32)}`
  } else if (kind < 0.5) {
    method = 'POST'
    query = '?uploads'
  } else if (kind < 0.55) method = 'HEAD'
  else if (kind < 0.6) method = 'OPTIONS'
  const err = r() < 0.15 ? pick(r, ERRORS) : null
  const status = err ? err[0] : 200
  const ts = new Date(t).toISOString().replace(/\.\d+Z$/, 'Z')
  const skew = r() < 0.05 ? 1_020_000 : 0
  const rid = uuid(r)
  const md5 = b64(r, 16)
  const body = err && method !== 'HEAD' ? JSON.stringify({ code: err[1], message: err[2], requestId: ` ${rid}` }) : null
  return {
    startedDateTime: new Date(t).toISOString(),
    time: 20 + r() * 300,
    request: {
      method,
      url: `https://${bucket}.${region}.bcebos.com/${key}${query}`,
      httpVersion: 'HTTP/1.1',
      headers: [
        h('Host', `${bucket}.${region}.bcebos.com`),
        h('Origin', 'https://app.example.com'),
        h('User-Agent', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36'),
        ...(method === 'OPTIONS'
          ? [h('Access-Control-Request-Method', 'PUT'), h('Access-Control-Request-Headers', 'authorization,content-md5,x-bce-date')]
          : [
              h('Authorization', `bce-auth-v1/AKIDEXAMPLE/${ts}/1800/content-md5;host;x-bce-date/${hex(r, 64)}`),
              h('x-bce-date', ts),
              ...(method === 'PUT' ? [h('Content-MD5', md5), h('Content-Type', 'application/octet-stream')] : []),
            ]),
      ],
      queryString: [],
      cookies: [],
      headersSize: -1,
      bodySize: method === 'PUT' ? 102400 : 0,
    },
    response: {
      status,
      statusText: status === 200 ? 'OK' : 'Error',
      httpVersion: 'HTTP/1.1',
      headers: [
        h('Server', 'BceBos'),
        h('Date', new Date(t + skew).toUTCString()),
        h('x-bce-request-id', rid),
        h('x-bce-debug-id', b64(r, 24)),
        h('Content-Type', body ? 'application/json; charset=utf-8' : 'application/octet-stream'),
        ...(status === 200 && method === 'PUT' ? [h('ETag', `"${Buffer.from(md5, 'base64').toString('hex')}"`)] : []),
        h('Access-Control-Allow-Origin', 'https://app.example.com'),
        h('Access-Control-Expose-Headers', 'ETag,x-bce-request-id,x-bce-debug-id'),
      ],
      cookies: [],
      content: { size: body?.length ?? 0, mimeType: body ? 'application/json' : 'application/octet-stream', ...(body ? { text: body } : {}) },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: { blocked: 1, dns: -1, connect: -1, send: 1, wait: 50, receive: 3, ssl: -1 },
    _resourceType: method === 'OPTIONS' ? 'preflight' : 'fetch',
  }
}

function noiseEntry(r: () => number, t: number, i: number): unknown {
  const url = pick(r, ['https://app.example.com/static/js/main.', 'https://fonts.example.net/font-', 'https://api.example.com/v2/items?page='])
  return {
    startedDateTime: new Date(t).toISOString(),
    time: 5 + r() * 100,
    request: {
      method: 'GET',
      url: url + i,
      httpVersion: 'h2',
      headers: [h(':authority', 'app.example.com'), h('accept', '*/*')],
      queryString: [],
      cookies: [],
      headersSize: -1,
      bodySize: 0,
    },
    response: {
      status: 200,
      statusText: '',
      httpVersion: 'h2',
      headers: [h('content-type', 'application/javascript'), h('cache-control', 'max-age=31536000')],
      cookies: [],
      content: { size: 2048, mimeType: 'application/javascript', text: 'x'.repeat(200 + Math.floor(r() * 400)) },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: { send: 1, wait: 10, receive: 2 },
  }
}

/** Writes a HAR with `count` entries (about 60% BOS) to `path`, streaming so size is not bounded by memory. */
export async function writeSyntheticHar(path: string, count: number, seed = 42): Promise<void> {
  const r = rng(seed)
  const out = createWriteStream(path)
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain')
  }
  await write('{"log":{"version":"1.2","creator":{"name":"bos-devtools-bench","version":"1"},"pages":[],"entries":[\n')
  let t = Date.UTC(2026, 10, 26, 4, 0, 0)
  for (let i = 0; i < count; i++) {
    t += Math.floor(r() * 50)
    const e = r() < 0.6 ? bosEntry(r, t, i) : noiseEntry(r, t, i)
    await write((i ? ',\n' : '') + JSON.stringify(e))
  }
  await write('\n]}}\n')
  out.end()
  await once(out, 'close')
}

// A realistic browser session: most of the bytes are bodies of requests that are not BOS (JS bundles as
// text, images as base64, JSON API answers, CSS), every entry with the headers a browser records (a
// `server` on every response, so mayBeBos alone lets them all through), and a minority of BOS requests
// of many operations (the synthetic mix above, plus downloads with their bodies). Bodies come from a seeded
// pool, escaped once: a 700 MB file is written in seconds.

const words = ['function', 'return', 'const', 'this', 'props', 'state', 'render', 'value', 'item', 'index', 'length', 'push', 'map']
/** Minified JavaScript: long lines, double-quoted strings (escaped in the HAR), a little non-ASCII. */
function jsBundle(r: () => number, size: number): string {
  const out: string[] = []
  let n = 0
  for (let k = 1; n < size; k++) {
    const a = pick(r, words)
    const b = pick(r, words)
    const stmt = `${a}:function(e,t){var n="${b}-${Math.floor(r() * 1e6)}";if(t.${a}===n)return e.${b}(n,"é",${r().toFixed(3)})}${k % 40 ? ',' : ',\n'}`
    out.push(stmt)
    n += stmt.length
  }
  return out.join('')
}
function apiJson(r: () => number, size: number): string {
  const items: unknown[] = []
  let n = 0
  while (n < size) {
    const it = {
      id: uuid(r),
      name: `${pick(r, words)} ${pick(r, words)}`,
      price: Math.floor(r() * 1e5) / 100,
      tags: [pick(r, words), pick(r, words)],
      note: 'Ünïcødé → “quoted”',
    }
    items.push(it)
    n += 120
  }
  return JSON.stringify({ items, total: items.length, next: null })
}

const BROWSER_REQUEST_HEADERS = (host: string, r: () => number) => [
  h(':authority', host),
  h(':method', 'GET'),
  h('accept', '*/*'),
  h('accept-encoding', 'gzip, deflate, br, zstd'),
  h('accept-language', 'zh-CN,zh;q=0.9,en;q=0.8'),
  h('cookie', `sid=${hex(r, 32)}; _ga=GA1.1.${Math.floor(r() * 1e9)}.${Math.floor(r() * 1e9)}; theme=dark`),
  h('referer', 'https://app.example.com/dashboard'),
  h('sec-ch-ua', '"Chromium";v="156", "Not.A/Brand";v="24"'),
  h('sec-ch-ua-mobile', '?0'),
  h('sec-ch-ua-platform', '"Linux"'),
  h('sec-fetch-dest', 'script'),
  h('sec-fetch-mode', 'no-cors'),
  h('sec-fetch-site', 'same-site'),
  h('user-agent', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36'),
]

interface PoolBody {
  mimeType: string
  /** The content object's JSON, text escaped once. */
  json: string
  size: number
}

function bodyPool(r: () => number): PoolBody[] {
  const pool: PoolBody[] = []
  const add = (mimeType: string, text: string, encoding?: string) =>
    pool.push({ mimeType, size: text.length, json: JSON.stringify({ size: text.length, mimeType, text, ...(encoding ? { encoding } : {}) }) })
  for (let k = 0; k < 10; k++) add('application/javascript', jsBundle(r, Math.floor(20_000 + r() * 600_000)))
  for (let k = 0; k < 14; k++) add(pick(r, ['image/png', 'image/jpeg', 'image/webp', 'font/woff2']), b64(r, Math.floor(2_000 + r() * 150_000)), 'base64')
  for (let k = 0; k < 10; k++) add('application/json', apiJson(r, Math.floor(1_000 + r() * 50_000)))
  for (let k = 0; k < 20; k++) add('application/json', apiJson(r, Math.floor(100 + r() * 3_000)))
  for (let k = 0; k < 4; k++) add('text/css', jsBundle(r, Math.floor(20_000 + r() * 150_000)).replace(/function/g, '.btn'))
  return pool
}

function pageEntryJson(r: () => number, t: number, i: number, body: PoolBody): string {
  const host = pick(r, ['static.example.com', 'cdn.example.net', 'api.example.com', 'app.example.com'])
  const entry = {
    _initiator: {
      type: 'script',
      stack: { callFrames: [{ functionName: 'load', url: 'https://app.example.com/main.js', lineNumber: 1, columnNumber: 1000 }] },
    },
    _priority: 'High',
    _resourceType: body.mimeType.startsWith('image') ? 'image' : body.mimeType === 'application/json' ? 'fetch' : 'script',
    cache: {},
    connection: '443',
    pageref: 'page_1',
    request: {
      method: 'GET',
      url: `https://${host}/${body.mimeType.split('/')[1]}/${hex(r, 8)}-${i}?v=${Math.floor(r() * 1000)}`,
      httpVersion: 'http/2.0',
      headers: BROWSER_REQUEST_HEADERS(host, r),
      queryString: [{ name: 'v', value: '1' }],
      cookies: [],
      headersSize: -1,
      bodySize: 0,
    },
    response: {
      status: 200,
      statusText: '',
      httpVersion: 'http/2.0',
      headers: [
        h('server', pick(r, ['nginx', 'cloudflare', 'Tengine', 'openresty', 'AmazonS3'])),
        h('date', new Date(t).toUTCString()),
        h('content-type', body.mimeType),
        h('content-length', String(body.size)),
        h('cache-control', 'public, max-age=31536000, immutable'),
        h('etag', `"${hex(r, 32)}"`),
        h('last-modified', new Date(t - 86_400_000).toUTCString()),
        h('vary', 'Accept-Encoding'),
        h('x-cache', pick(r, ['HIT', 'MISS'])),
        h('access-control-allow-origin', '*'),
        h('strict-transport-security', 'max-age=63072000'),
      ],
      cookies: [],
      content: null as unknown,
      redirectURL: '',
      headersSize: -1,
      bodySize: body.size,
      _transferSize: body.size + 400,
      _error: null,
    },
    serverIPAddress: '203.0.113.7',
    startedDateTime: new Date(t).toISOString(),
    time: 5 + r() * 200,
    timings: { blocked: 1.2, dns: -1, ssl: -1, connect: -1, send: 0.2, wait: 30.5, receive: 4.1, _blocked_queueing: 0.8 },
  }
  return JSON.stringify(entry).replace('"content":null', `"content":${body.json}`)
}

/**
 * Writes a realistic session of about `bytes` bytes to `path`; `bosShare` of the entries are BOS (their
 * bytes a small share of the file). Returns the number of entries.
 */
export async function writeRealisticHar(path: string, bytes: number, seed = 7, bosShare = 0.12): Promise<number> {
  const r = rng(seed)
  const pool = bodyPool(r)
  const download = JSON.stringify({ size: 60_000, mimeType: 'image/jpeg', text: b64(r, 45_000), encoding: 'base64' })
  const out = createWriteStream(path, { highWaterMark: 1 << 22 })
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain')
  }
  const head =
    '{"log":{"version":"1.2","creator":{"name":"WebInspector","version":"537.36"},"pages":[{"startedDateTime":"2026-11-26T04:00:00.000Z","id":"page_1","title":"https://app.example.com/dashboard","pageTimings":{"onContentLoad":800,"onLoad":1500}}],"entries":[\n'
  await write(head)
  let written = head.length
  let t = Date.UTC(2026, 10, 26, 4, 0, 0)
  let i = 0
  while (written < bytes) {
    t += Math.floor(r() * 50)
    let e: string
    if (r() < bosShare) {
      const bos = bosEntry(r, t, i) as { request: { method: string }; response: { status: number; content: unknown } }
      e = JSON.stringify(bos)
      // A download of an image from the bucket, body and all.
      if (bos.request.method === 'GET' && bos.response.status === 200 && r() < 0.5) e = e.replace(/"content":\{[^}]*\}/, `"content":${download}`)
    } else e = pageEntryJson(r, t, i, pick(r, pool))
    const piece = (i ? ',\n' : '') + e
    await write(piece)
    written += piece.length
    i++
  }
  await write('\n]}}\n')
  out.end()
  await once(out, 'close')
  return i
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [path, count, seed] = process.argv.slice(2)
  if (!path || !count) {
    console.error('usage: tsx test/bench/generate.ts <out.har> <entries> [seed]')
    process.exit(2)
  }
  await writeSyntheticHar(path, Number(count), seed ? Number(seed) : 42)
}

/**
 * Two generated sessions in `dir` for identity tests: a BOS-dense synthetic one (1,500 entries, uploads among
 * them) and a realistic one of `realBytes` (mostly bodies of requests that are not BOS).
 */
export async function writeTestSessions(dir: string, realBytes: number): Promise<[synthetic: string, realistic: string]> {
  const synthetic = join(dir, 'synthetic.har')
  await writeSyntheticHar(synthetic, 1500, 5)
  const realistic = join(dir, 'realistic.har')
  await writeRealisticHar(realistic, realBytes, 3)
  return [synthetic, realistic]
}
