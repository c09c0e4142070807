// The panel's HAR export: valid HAR 1.2 built from captured records, analysed again exactly as before,
// with every secret redacted unless the user asked for them.
import { readFileSync } from 'node:fs'
import type { Har } from 'har-format'
import { describe, expect, it } from 'vitest'
import { createCaptureStore } from '../../src/devtools/capture-store.ts'
import { BODY_CAP, type CapturedRecord, type ImportResult } from '../../src/devtools/store-types.ts'
import { buildHar, harFileName, harText, recordToEntry } from '../../src/panel/har-export.ts'
import pkg from '../../package.json' with { type: 'json' }
import { FakeDevtools } from '../helpers/fake-devtools.ts'
import { BOS_HEADERS, bosError, entry, har } from '../helpers/har.ts'
import { english } from '../helpers/i18n.ts'

const FIXTURE = readFileSync(new URL('../fixtures/chromium-session.devtools.har', import.meta.url), 'utf8')
const BUCKET = 'https://mybucket.bj.bcebos.com'
const SIG = 'f3a9c04e5b7d21e8a6c3b9f0d4e7a1c2b8d5e6f9a0c3b7d2e1f4a8c5b9d0e3f7'
const TOKEN = 'ZjQxZGVmYWNlc2Vzc2lvbnRva2VuLXNlY3JldA'
const COOKIE = 'sessionid-8c1f3b0e2a9d4e57'
const STS_SECRET = 'sts-secret-access-key-0123456789'
const STS_TOKEN = 'sts-session-token-abcdef'

/** Entries with every kind of secret the export must redact, beside the real session. */
const SECRET_ENTRIES = [
  entry({
    method: 'PUT',
    url: `${BUCKET}/a.txt`,
    started: '2026-11-26T04:00:01.000Z',
    req: {
      Authorization: `bce-auth-v1/AKIDEXAMPLE/2026-11-26T04:00:01Z/1800/host;x-bce-date/${SIG}`,
      'x-bce-security-token': TOKEN,
      Cookie: `session=${COOKIE}; theme=dark`,
    },
    res: { ...BOS_HEADERS, 'Set-Cookie': `sid=${COOKIE}; Path=/; HttpOnly; Secure` },
  }),
  entry({
    url: `${BUCKET}/sts/credentials`,
    started: '2026-11-26T04:00:02.000Z',
    res: { ...BOS_HEADERS, 'x-bce-request-id': 'rid-sts' },
    status: 403,
    body: JSON.stringify({ code: 'AccessDenied', message: 'no', accessKeyId: 'AK', secretAccessKey: STS_SECRET, sessionToken: STS_TOKEN }),
  }),
]

async function imported(text: string, capacity = 10_000): Promise<readonly CapturedRecord[]> {
  const store = createCaptureStore(new FakeDevtools(), { capacity })
  await store.start()
  const r: ImportResult = await store.importHar(text, 'x.har')
  if (!r.ok) throw new Error(english(r.error))
  return store.getSnapshot().records
}

const session = () => {
  const h = JSON.parse(FIXTURE) as { log: { entries: unknown[] } }
  h.log.entries.push(...SECRET_ENTRIES)
  return JSON.stringify(h)
}

/** Every secret in the session: header signatures, presigned signatures, the PostObject form signature, tokens, cookies. */
function secretsOf(text: string): string[] {
  const found = new Set<string>([SIG, TOKEN, COOKIE, STS_SECRET, STS_TOKEN])
  const decoded = text.replace(/%2F/gi, '/')
  for (const m of decoded.matchAll(/bce-auth-v1\/[^/"]+\/[^/"]+\/[^/"]+\/[^/"]*\/([0-9a-f]{64})/g)) found.add(m[1]!)
  for (const m of text.matchAll(/name=\\"signature\\"\\r\\n\\r\\n([0-9a-f]{64})/g)) found.add(m[1]!)
  return [...found]
}

/** The HAR 1.2 rules (http://www.softwareishard.com/blog/har-12-spec/), as a list of violations. */
function harViolations(h: unknown): string[] {
  const bad: string[] = []
  const o = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v)
  const need = (obj: Record<string, unknown>, where: string, fields: Record<string, string>) => {
    for (const [k, type] of Object.entries(fields)) {
      const v = obj[k]
      const ok = type === 'array' ? Array.isArray(v) : type === 'object' ? o(v) : type === 'int' ? Number.isInteger(v) : typeof v === type
      if (!ok) bad.push(`${where}.${k} should be ${type}, is ${JSON.stringify(v)?.slice(0, 40)}`)
    }
  }
  const pairs = (list: unknown, where: string) => (list as unknown[]).forEach((p, i) => o(p) && need(p, `${where}[${i}]`, { name: 'string', value: 'string' }))
  if (!o(h) || !o(h.log)) return ['no log object']
  need(h.log, 'log', { version: 'string', creator: 'object', entries: 'array' })
  if (h.log.version !== '1.2') bad.push('log.version is not 1.2')
  if (o(h.log.creator)) need(h.log.creator, 'log.creator', { name: 'string', version: 'string' })
  ;(h.log.entries as unknown[]).forEach((e, i) => {
    const w = `entries[${i}]`
    if (!o(e)) return bad.push(`${w} is not an object`)
    need(e, w, { startedDateTime: 'string', time: 'number', request: 'object', response: 'object', cache: 'object', timings: 'object' })
    if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(String(e.startedDateTime))) bad.push(`${w}.startedDateTime is not ISO 8601`)
    const rq = e.request as Record<string, unknown>
    need(rq, `${w}.request`, {
      method: 'string',
      url: 'string',
      httpVersion: 'string',
      cookies: 'array',
      headers: 'array',
      queryString: 'array',
      headersSize: 'int',
      bodySize: 'int',
    })
    pairs(rq.headers, `${w}.request.headers`)
    pairs(rq.queryString, `${w}.request.queryString`)
    pairs(rq.cookies, `${w}.request.cookies`)
    if (rq.postData !== undefined) {
      if (!o(rq.postData)) bad.push(`${w}.request.postData is not an object`)
      else need(rq.postData, `${w}.request.postData`, { mimeType: 'string' })
    }
    const rs = e.response as Record<string, unknown>
    need(rs, `${w}.response`, {
      status: 'int',
      statusText: 'string',
      httpVersion: 'string',
      cookies: 'array',
      headers: 'array',
      content: 'object',
      redirectURL: 'string',
      headersSize: 'int',
      bodySize: 'int',
    })
    pairs(rs.headers, `${w}.response.headers`)
    pairs(rs.cookies, `${w}.response.cookies`)
    const c = rs.content as Record<string, unknown>
    need(c, `${w}.response.content`, { size: 'int', mimeType: 'string' })
    if (c.text !== undefined && typeof c.text !== 'string') bad.push(`${w}.response.content.text is not a string`)
    const t = e.timings as Record<string, unknown>
    need(t, `${w}.timings`, { send: 'number', wait: 'number', receive: 'number' })
    for (const k of ['send', 'wait', 'receive'] as const) if ((t[k] as number) < 0) bad.push(`${w}.timings.${k} is negative`)
    for (const k of ['blocked', 'dns', 'connect', 'ssl'] as const) if (t[k] !== undefined && (t[k] as number) < -1) bad.push(`${w}.timings.${k} < -1`)
    const sum = ['blocked', 'dns', 'connect', 'send', 'wait', 'receive'].reduce((n, k) => n + Math.max(0, (t[k] as number) ?? 0), 0)
    if (Math.abs(sum - (e.time as number)) > 0.001) bad.push(`${w}.time ${e.time} is not the sum of the timings ${sum}`)
  })
  return bad
}

/** A record without what depends on where it came from: its id, index and source. */
const comparable = (r: CapturedRecord) => {
  const { id: _id, source: _source, analysis, ...rest } = r
  return { ...rest, analysis: { ...analysis, index: 0 } }
}

describe('export: HAR 1.2', () => {
  it('builds a valid HAR 1.2 log with creator BOS DevTools and the extension version', async () => {
    const records = await imported(session())
    const out = buildHar(records)
    expect(out.log.version).toBe('1.2')
    expect(out.log.creator).toEqual({ name: 'BOS DevTools', version: pkg.version })
    expect(buildHar(records, { version: '9.9.9' }).log.creator.version).toBe('9.9.9')
    expect(out.log.entries).toHaveLength(records.length)
    expect(harViolations(JSON.parse(JSON.stringify(out)))).toEqual([])
    expect(harViolations(JSON.parse(harText(records, { includeSecrets: true })))).toEqual([])
    expect(out.log.comment).toMatch(/redacted/)
  })

  it('re-imports to exactly the same records and analysis (secrets included or not)', async () => {
    const text = session()
    const first = await imported(text)
    for (const includeSecrets of [true, false]) {
      const again = await imported(harText(first, { includeSecrets }))
      expect(again.map((r) => r.source)).toEqual(first.map(() => 'import'))
      if (includeSecrets) expect(again.map(comparable)).toEqual(first.map(comparable))
      else {
        // Redacted, the analysis is the same; only the secret values in headers and bodies differ.
        expect(again.map((r) => ({ ...r.analysis, index: 0 }))).toEqual(first.map((r) => ({ ...r.analysis, index: 0 })))
      }
      // And a second round trip changes nothing more.
      const third = await imported(harText(again, { includeSecrets }))
      expect(third.map(comparable)).toEqual(again.map(comparable))
    }
  })

  it('keeps what the core reads beyond the views: part sizes, resource type, cache, form fields', async () => {
    const form = entry({
      method: 'POST',
      url: `${BUCKET}/`,
      started: '2026-11-26T04:00:03.000Z',
      res: BOS_HEADERS,
      status: 201,
      fromCache: 'disk',
      resourceType: 'fetch',
      postData: { mimeType: 'multipart/form-data; boundary=x', text: '--x\r\nContent-Disposition: form-data; name="key"\r\n\r\nk\r\n--x--\r\n' },
    })
    ;(form.request as Record<string, unknown>).bodySize = 944
    ;((form.request as Record<string, unknown>).postData as Record<string, unknown>).params = [
      { name: 'key', value: 'k' },
      { name: 'signature', value: SIG },
    ]
    const [r] = await imported(JSON.stringify(har([form])))
    const e = recordToEntry(r!)
    expect(e.request.bodySize).toBe(944)
    expect(e._fromCache).toBe('disk')
    expect(e._resourceType).toBe('fetch')
    expect(e.request.postData?.params).toEqual([
      { name: 'key', value: 'k' },
      { name: 'signature', value: SIG },
    ])
    expect(JSON.stringify(buildHar([r!]))).not.toContain(SIG)
  })

  it('says where the file is not the whole truth: bodies not kept, unavailable, cut; timings reduced to the total', async () => {
    const big = 'x'.repeat(BODY_CAP + 10)
    const records = await imported(
      JSON.stringify(
        har([
          entry({ url: `${BUCKET}/img.png`, started: '2026-11-26T04:00:01.000Z', res: BOS_HEADERS, mimeType: 'image/png', body: 'AAAA', bodySize: 3 }),
          entry({ url: `${BUCKET}/gone`, started: '2026-11-26T04:00:02.000Z', res: BOS_HEADERS, status: 404, body: null, bodySize: 120 }),
          entry({ url: `${BUCKET}/big`, started: '2026-11-26T04:00:03.000Z', res: BOS_HEADERS, status: 502, mimeType: 'text/html', body: big }),
          entry({ url: `${BUCKET}/ok`, started: '2026-11-26T04:00:04.000Z', time: 212.5, res: BOS_HEADERS, status: 404, body: bosError('NoSuchKey', 'no') }),
        ]),
      ),
    )
    const [img, gone, cut, ok] = buildHar(records).log.entries
    expect(img!.response.content).toMatchObject({ size: 3, mimeType: 'image/png', comment: expect.stringMatching(/^Body not kept/) })
    expect(img!.response.content.text).toBeUndefined()
    expect(gone!.response.content.comment).toMatch(/^Body unavailable/)
    expect(cut!.response.content.text).toHaveLength(BODY_CAP)
    expect(cut!.response.content.comment).toBe(`Body cut at ${BODY_CAP} characters by the BOS panel (the response had ${BODY_CAP + 10} bytes).`)
    expect(ok!.response.content.comment).toBeUndefined()
    expect(ok!.timings).toMatchObject({ send: 0, wait: 212.5, receive: 0 })
    expect(ok!.time).toBe(212.5)
  })

  it('says when a body was still loading, and gives a placeholder start time when there was none', () => {
    const [rec] = [
      {
        id: 1,
        source: 'live',
        analysis: {} as CapturedRecord['analysis'],
        entry: {
          startedDateTime: '',
          time: 5,
          request: {
            method: 'GET',
            url: `${BUCKET}/a?x=1&y=%20z`,
            httpVersion: 'HTTP/1.1',
            cookies: [],
            headers: [],
            queryString: [],
            headersSize: -1,
            bodySize: -1,
          },
          response: {
            status: 302,
            statusText: 'Found',
            httpVersion: 'HTTP/1.1',
            cookies: [],
            headers: [{ name: 'Location', value: '/b' }],
            content: { size: -1, mimeType: 'application/json' },
            redirectURL: '',
            headersSize: -1,
            bodySize: -1,
          },
          cache: {},
          timings: { send: 0, wait: 5, receive: 0 },
        },
        body: { state: 'pending', capped: false },
      } satisfies CapturedRecord,
    ]
    const e = recordToEntry(rec)
    expect(e.response.content).toEqual({ size: -1, mimeType: 'application/json', comment: expect.stringMatching(/still being read/) })
    expect(e.startedDateTime).toBe('1970-01-01T00:00:00.000Z')
    expect(e.comment).toMatch(/Start time unknown/)
    expect(e.request.queryString).toEqual([
      { name: 'x', value: '1' },
      { name: 'y', value: ' z' },
    ])
    expect(e.response.redirectURL).toBe('/b')
    expect(e.request.bodySize).toBe(-1)
    expect(harViolations(buildHar([rec]))).toEqual([])
  })

  it('names the file bos-<local date>-<time>.har', () => {
    expect(harFileName(new Date(2026, 10, 26, 4, 5, 9))).toBe('bos-2026-11-26-040509.har')
  })
})

describe('export: secrets', () => {
  it('by default, no signature, token, cookie or credential survives (the diagnosable parts do)', async () => {
    const text = session()
    const secrets = secretsOf(text)
    expect(secrets.length).toBeGreaterThan(10) // the session's signatures, its presigned ones and the form's, and ours
    const records = await imported(text)
    const out = harText(records)
    for (const s of secrets) expect(out, s).not.toContain(s)
    expect(out).toContain('bce-auth-v1/AKIDEXAMPLE/2026-11-26T04:00:01Z/1800/host;x-bce-date/REDACTED')
    const e = JSON.parse(out) as Har
    const a = e.log.entries.find((x) => x.request.url === `${BUCKET}/a.txt`)!
    expect(a.request.headers.find((h) => h.name === 'x-bce-security-token')?.value).toBe('REDACTED')
    expect(a.request.cookies).toEqual([
      { name: 'session', value: 'REDACTED' },
      { name: 'theme', value: 'REDACTED' },
    ])
    expect(a.response.cookies).toEqual([{ name: 'sid', value: 'REDACTED', path: '/', httpOnly: true, secure: true }])
    const form = e.log.entries.find((x) => x.request.postData?.mimeType.startsWith('multipart/form-data'))!
    expect(form.request.postData!.text).toContain('name="signature"\r\n\r\nREDACTED\r\n')
    expect(form.request.postData!.text).toContain('name="policy"')
  })

  it('with "Include secrets", keeps what was captured (a presigned URL signature never was)', async () => {
    const text = session()
    const out = harText(await imported(text), { includeSecrets: true })
    for (const s of [SIG, TOKEN, COOKIE, STS_SECRET, STS_TOKEN]) expect(out).toContain(s)
    expect(out).toMatch(/Secrets are included/)
    const presigned = (JSON.parse(out) as Har).log.entries.find((x) => x.request.url.includes('authorization='))!
    expect(presigned.comment).toMatch(/signature or token was not captured/)
  })
})
