// Regressions found by the property tests (test/core/properties.test.ts), one minimal example each.
import { describe, expect, it } from 'vitest'
import { analyzeHar, BosAnalyzer, redactHar, redactUrl } from '../../src/core/index.ts'
import type { EntryAnalysis } from '../../src/core/types.ts'
import { BOS_HEADERS, bosError, entry, har } from '../helpers/har.ts'
import { withinUnits } from '../helpers/work-units.ts'
import { english } from '../../src/core/finding.ts'
import type { Text } from '../../src/i18n/report-message.ts'
// A violation's English as --json has it; its message must say the same
const plainViolations = (vs: unknown) =>
  (vs as { condition: string; expected: string; actual: string; message: { expected: Text; actual: Text } }[]).map(({ message, ...v }) => {
    expect([english(message.expected), english(message.actual)]).toEqual([v.expected, v.actual])
    return v
  })

const U = 'https://b.bj.bcebos.com/k'
const SIG = 'f00dfacec0ffee' + '1'.repeat(50)
const TOKEN = 'SeKr3tT0kenValue1234567'
const analyze = (e: unknown): EntryAnalysis => {
  const a = new BosAnalyzer().analyze(e, 0)
  expect(a).not.toBeNull()
  JSON.stringify(a) // must not throw either
  return a!
}
const b64 = (s: string) => Buffer.from(s).toString('base64')
/** These took 1.3 s to minutes before the fix (hundreds of reference units at least) and milliseconds after. */
const quick = <T>(f: () => T): T => withinUnits(100, f)

describe('malformed values never throw', () => {
  it('a header value String() cannot convert ({"toString": 1}) reads as empty', () => {
    const e = entry({ url: U, res: BOS_HEADERS })
    ;(e.request as { headers: unknown[] }).headers = [
      { name: 'x-bce-meta-a', value: { toString: 1 } },
      { name: 'Content-MD5', value: { toString: 1, valueOf: 2 } },
    ]
    expect(analyze(e).findings.map((f) => f.id)).toEqual(['content-md5-malformed'])
  })

  it('a fractional status is cut to an integer', () => {
    expect(analyze(entry({ url: U, status: 403.5, res: BOS_HEADERS, body: bosError('AccessDenied', 'no') })).status).toBe(403)
  })

  it('an expiration too large for a number, or for a Date, does not throw', () => {
    const auth = (exp: string) => ({ Authorization: `bce-auth-v1/ak/2026-11-26T04:00:00Z/${exp}/host/${'a'.repeat(64)}` })
    const huge = analyze(entry({ url: U, req: auth('9'.repeat(400)), res: BOS_HEADERS }))
    expect(huge.auth).toBeNull()
    expect(huge.findings.find((f) => f.id === 'authorization-malformed')?.problem).toMatch(/too large/)
    // 9e15 s is a safe integer, but signing time + 9e15 s is past the last Date (year 275760).
    const far = analyze(entry({ url: U, req: auth('9000000000000000'), res: BOS_HEADERS }))
    expect(far.auth).toMatchObject({ expirationSeconds: 9e15, expiresAt: null, secondsLeftAtRequest: null })
  })

  it('a lone surrogate in a presigned URL is redacted, not a URIError', () => {
    const url = `${U}?authorization=bce-auth-v1/\uD800/2026-11-26T04:00:00Z/1800//${SIG}`
    expect(redactUrl(url)).toBe(`${U}?authorization=REDACTED`)
    expect(analyze(entry({ url, res: BOS_HEADERS })).url).not.toContain(SIG)
  })

  it('a policy condition on $constructor is a field not sent, not a TypeError', () => {
    const policy = b64(JSON.stringify({ conditions: [['starts-with', '$constructor', 'x'], { toString: 'y' }] }))
    const text = `--BB\r\nContent-Disposition: form-data; name="key"\r\n\r\nk\r\n--BB\r\nContent-Disposition: form-data; name="policy"\r\n\r\n${policy}\r\n--BB--\r\n`
    const a = analyze(
      entry({
        url: 'https://b.bj.bcebos.com/',
        method: 'POST',
        status: 403,
        req: { 'Content-Type': 'multipart/form-data; boundary=BB' },
        postData: { mimeType: 'multipart/form-data; boundary=BB', text },
      }),
    )
    const v = a.findings.find((f) => f.id === 'policy-violation')
    expect(plainViolations(v?.violations)).toEqual([
      { condition: '["starts-with", "$constructor", "x"]', expected: 'starts with "x"', actual: 'not sent' },
      { condition: '{"toString": "y"}', expected: '"y"', actual: 'not sent' },
    ])
  })

  it('a policy nested thousands deep is refused, so the analysis still serialises', () => {
    const policy = b64(`{"conditions":${'['.repeat(5000)}${']'.repeat(5000)}}`)
    const text = `--BB\r\nContent-Disposition: form-data; name="policy"\r\n\r\n${policy}\r\n--BB--\r\n`
    const a = analyze(
      entry({
        url: 'https://b.bj.bcebos.com/',
        method: 'POST',
        status: 403,
        req: { 'Content-Type': 'multipart/form-data; boundary=BB' },
        postData: { mimeType: 'x', text },
      }),
    )
    expect(a.findings.find((f) => f.id === 'policy-invalid')?.problem).toMatch(/nested too deeply/)
    expect(a.post?.policy).toBeNull()
  })

  it('a 10 MB CompleteMultipartUpload list does not overflow the stack', () => {
    const parts = Array.from({ length: 200_000 }, (_, i) => `{"partNumber":${i + 1},"eTag":"x"}`).join(',')
    const r = analyzeHar(
      har([entry({ url: `${U}?uploadId=U1`, method: 'POST', postData: { mimeType: 'application/json', text: `{"parts":[${parts}]}` }, res: BOS_HEADERS })]),
    )
    expect(r.uploads[0]!.completeList).toHaveLength(200_000)
  })

  it('part numbers and offsets that are not numbers stay out of the JSON (no NaN → null)', () => {
    const r = analyzeHar(
      har([
        entry({
          url: `${U}?partNumber=1&uploadId=U1`,
          method: 'PUT',
          req: { 'Content-Length': '10' },
          res: { ...BOS_HEADERS, ETag: '"' + 'a'.repeat(32) + '"' },
        }),
        entry({
          url: `${U}?uploadId=U1`,
          method: 'POST',
          postData: { mimeType: 'application/json', text: '{"parts":[{"partNumber":"x","eTag":"a"},{"partNumber":1,"eTag":"' + 'a'.repeat(32) + '"}]}' },
          res: BOS_HEADERS,
        }),
        entry({ url: `${U}?append&offset=abc`, method: 'POST', status: 409, res: BOS_HEADERS, body: bosError('OffsetIncorrect', 'x') }),
      ]),
    )
    expect(r.uploads[0]!.completeList).toEqual([{ partNumber: 1, eTag: 'a'.repeat(32) }])
    expect(r.entries[2]!.findings.find((f) => f.id === 'append-offset-incorrect')).toMatchObject({ offsetSent: null })
    expect(JSON.parse(JSON.stringify(r))).toEqual(r)
  })
})

describe('bodies built to be slow are read in linear time', () => {
  const bodies: Record<string, string> = {
    'unclosed <Code>': '<?xml version="1.0"?><Error>' + '<Code>'.repeat(40_000),
    'unclosed <![CDATA[': '<Error><Code>]]>' + '<![CDATA['.repeat(25_000) + '</Code></Error>',
    'unclosed <title': '<html>' + '<title'.repeat(40_000),
    'a title of "<"': '<html><title>' + '<'.repeat(250_000) + '</title></html>',
  }
  for (const [name, body] of Object.entries(bodies)) {
    it(name, () => {
      const a = quick(() => analyze(entry({ url: U, status: 502, res: BOS_HEADERS, body, mimeType: 'text/html' })))
      expect(a.status).toBe(502)
    })
  }

  it('still reads CDATA and titles', () => {
    expect(analyze(entry({ url: U, status: 404, res: BOS_HEADERS, body: '<Error><Code><![CDATA[NoSuchKey]]></Code></Error>' })).error?.code).toBe('NoSuchKey')
    expect(analyze(entry({ url: U, status: 502, res: BOS_HEADERS, body: '<html><TITLE lang="en">502 <b>Bad</b> Gateway</TITLE></html>' })).body.note).toContain(
      '"502 Bad Gateway"',
    )
  })

  it('a policy wildcard "a*a*…b" against "aaaa…" (166 s before: exponential regex)', () => {
    const policy = b64(JSON.stringify({ conditions: [{ key: 'a*a*a*a*a*a*a*a*a*a*a*a*b' }, { 'x-bce-meta-a': 'user/*/x*' }] }))
    const form = (key: string) =>
      `--BB\r\nContent-Disposition: form-data; name="key"\r\n\r\n${key}\r\n--BB\r\nContent-Disposition: form-data; name="x-bce-meta-a"\r\n\r\nuser/7/x.jpg\r\n--BB\r\nContent-Disposition: form-data; name="policy"\r\n\r\n${policy}\r\n--BB--\r\n`
    const post = (key: string) =>
      entry({
        url: 'https://b.bj.bcebos.com/',
        method: 'POST',
        status: 403,
        req: { 'Content-Type': 'multipart/form-data; boundary=BB' },
        postData: { mimeType: 'x', text: form(key) },
      })
    const bad = quick(() => analyze(post('a'.repeat(60))))
    expect(bad.findings.find((f) => f.id === 'policy-violation')?.violations).toHaveLength(1) // only the key
    expect(analyze(post('a'.repeat(12) + 'b')).findings.find((f) => f.id === 'policy-violation')).toBeUndefined()
  })

  it('redacting an urlencoded-looking body with a space (exponential before) and a multipart body without boundaries (quadratic)', () => {
    for (const text of ['a=1' + '&b=2'.repeat(40) + ' x', 'Content-Disposition: form-data; name="a"\n\nv\n'.repeat(100_000)]) {
      const e = entry({ url: U, method: 'POST', postData: { mimeType: 'text/plain', text } })
      const out = quick(() => redactHar(har([e]))) as { log: { entries: { request: { postData: { text: string } } }[] } }
      expect(out.log.entries[0]!.request.postData.text).toBe(text)
    }
  })
})

describe('secrets found in places the redaction missed', () => {
  const redacted = (h: unknown) => JSON.stringify(redactHar(h))

  it('response.redirectURL (Chrome copies Location there)', () => {
    const presigned = `${U}?authorization=bce-auth-v1%2Fak%2F2026-11-26T04%3A00%3A00Z%2F1800%2F%2F${SIG}`
    const e = entry({ url: U, status: 302, res: { Location: presigned } })
    ;(e.response as Record<string, unknown>).redirectURL = presigned
    expect(redacted(har([e]))).not.toContain(SIG)
  })

  it('the HTTP/2 :path pseudo-header and a page title that is the presigned URL', () => {
    const path = `/k?authorization=bce-auth-v1/ak/2026-11-26T04:00:00Z/1800//${SIG}`
    const e = entry({ url: `https://b.bj.bcebos.com${path}`, req: { ':path': path } })
    const h = { log: { pages: [{ id: 'page_1', title: `https://b.bj.bcebos.com${path}` }], entries: [e] } }
    expect(redacted(h)).not.toContain(SIG)
  })

  it('secret pairs in a fragment, after "??", or under a name an application chose', () => {
    for (const url of [
      `${U}?x=1#/r?x-bce-security-token=${TOKEN}`,
      `${U}?#=&authorization=bce-auth-v1/ak/2026-11-26T04:00:00Z/1800//${SIG}`,
      `${U}??authorization=bce-auth-v1/ak/2026-11-26T04:00:00Z/1800//${SIG}`,
      `${U}?sig=bce-auth-v1%2Fak%2F2026-11-26T04%3A00%3A00Z%2F1800%2F%2F${SIG}`,
    ]) {
      const out = redactUrl(url)
      expect(out).not.toContain(SIG)
      expect(out).not.toContain(TOKEN)
    }
    expect(redacted(har([entry({ url: U, req: { 'X-Upload-Auth': `bce-auth-v1/ak/2026-11-26T04:00:00Z/1800//${SIG}` } })]))).not.toContain(SIG)
  })

  it('STS credentials in content marked base64 that is not base64', () => {
    const e = entry({
      url: 'https://sts.bj.baidubce.com/v1/sessionToken',
      body: JSON.stringify({ secretAccessKey: TOKEN, sessionToken: TOKEN }),
      bodyEncoding: 'base64',
    })
    expect(redacted(har([e]))).not.toContain(TOKEN)
  })

  it('STS credentials in base64 content cut off mid-character or mid-quantum, line-wrapped, or not UTF-8', () => {
    const sts = Buffer.from(JSON.stringify({ note: '临时凭证', secretAccessKey: TOKEN, sessionToken: TOKEN, tail: '对象存储' }))
    const latin1 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`{"sessionToken":"${TOKEN}"}`)])
    for (const bytes of [sts.subarray(0, sts.length - 2), latin1]) {
      const full = bytes.toString('base64')
      for (const text of [full, full.slice(0, -1), full.slice(0, -2), full.replace(/(.{76})/g, '$1\r\n')]) {
        const e = entry({ url: 'https://sts.example.com/credentials', body: text, bodyEncoding: 'base64' })
        const out = redactHar(har([e])) as { log: { entries: { response: { content: { text: string } } }[] } }
        const decoded = Buffer.from(out.log.entries[0]!.response.content.text, 'base64').toString('latin1')
        expect(decoded).not.toContain(TOKEN)
        expect(decoded).toContain('REDACTED')
      }
    }
  })

  it('header, query and form values that are not strings', () => {
    const e = entry({ url: U, method: 'POST' })
    const req = e.request as Record<string, unknown>
    req.headers = [
      { name: 'Authorization', value: [`bce-auth-v1/ak/2026-11-26T04:00:00Z/1800//${SIG}`] },
      { name: 42, value: `bce-auth-v1/ak/t/1800//${SIG}` },
      { name: 'X-Count', value: 3 },
    ]
    req.queryString = [{ name: 'x-bce-security-token', value: { token: TOKEN } }]
    req.postData = {
      mimeType: 'multipart/form-data',
      params: [
        { name: 'signature', value: { v: SIG } },
        { name: 'authorization', value: `bce-auth-v1/ak/t/1800//${SIG}` },
      ],
    }
    const out = redacted(har([e]))
    expect(out).not.toContain(SIG)
    expect(out).not.toContain(TOKEN)
    expect(out).toContain('"X-Count","value":3') // numbers hold no secret and stay
  })

  it('the canonical request of a signature mismatch: security token in the query, signed authorization and cookie headers', () => {
    const a = analyze(
      entry({
        url: `${U}?x-bce-security-token=${TOKEN}`,
        status: 403,
        req: { Authorization: `bce-auth-v1/ak/2026-11-26T04:00:00Z/1800/authorization;cookie;host/${'a'.repeat(64)}`, Cookie: `BDUSS=${TOKEN}` },
        res: BOS_HEADERS,
        body: bosError('SignatureDoesNotMatch', 'x'),
      }),
    )
    const f = a.findings.find((x) => x.id === 'signature-mismatch')
    expect(f?.canonicalRequest).toBe('GET\n/k\nx-bce-security-token=REDACTED\nauthorization:<redacted>\ncookie:<redacted>\nhost:b.bj.bcebos.com')
    expect(JSON.stringify(a)).not.toContain(TOKEN)
    expect(JSON.stringify(a)).not.toContain('a'.repeat(64))
  })

  it("a PostObject form's x-bce-security-token field is not shown in post.fields", () => {
    const text = `--BB\r\nContent-Disposition: form-data; name="key"\r\n\r\nk\r\n--BB\r\nContent-Disposition: form-data; name="x-bce-security-token"\r\n\r\n${TOKEN}\r\n--BB--\r\n`
    const a = analyze(
      entry({
        url: 'https://b.bj.bcebos.com/',
        method: 'POST',
        req: { 'Content-Type': 'multipart/form-data; boundary=BB' },
        postData: { mimeType: 'x', text },
        res: BOS_HEADERS,
      }),
    )
    expect(a.post?.fields).toEqual({ key: 'k' })
  })
})
