import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { analyzeHar, BosAnalyzer } from '../../src/core/analyze.ts'
import type { EntryAnalysis } from '../../src/core/types.ts'
import { BOS_HEADERS, bosError, entry, har } from '../helpers/har.ts'

const U = 'https://mybucket.bj.bcebos.com/videos/clip.bin'
const ID = 'a1b2c3d4e5f6'
const md5 = (n: number) => n.toString(16).padStart(32, '0')

const initiate = () =>
  entry({ url: `${U}?uploads`, method: 'POST', res: BOS_HEADERS, body: JSON.stringify({ bucket: 'mybucket', key: 'videos/clip.bin', uploadId: ID }) })
const part = (n: number, size: number, etag = md5(n), status = 200) =>
  entry({
    url: `${U}?partNumber=${n}&uploadId=${ID}`,
    method: 'PUT',
    status,
    req: { 'Content-Length': String(size) },
    res: { ...BOS_HEADERS, ETag: `"${etag}"` },
    body: '',
  })
const complete = (parts: { partNumber: number; eTag: string }[], status = 200, code?: [string, string]) =>
  entry({
    url: `${U}?uploadId=${ID}`,
    method: 'POST',
    status,
    res: BOS_HEADERS,
    postData: { mimeType: 'application/json', text: JSON.stringify({ parts }) },
    body: code ? bosError(code[0], code[1]) : JSON.stringify({ bucket: 'mybucket', key: 'videos/clip.bin', eTag: '-' + md5(99) }),
  })
const list = (...ns: number[]) => ns.map((n) => ({ partNumber: n, eTag: md5(n) }))
const ids = (a: EntryAnalysis | undefined) => a?.findings.map((f) => f.id)
const at = (r: ReturnType<typeof analyzeHar>, i: number) => r.entries.find((e) => e.index === i)

describe('multipart upload sessions', () => {
  it('groups a clean upload and reports it completed', () => {
    const r = analyzeHar(har([initiate(), part(1, 200_000), part(2, 200_000), part(3, 500), complete(list(1, 2, 3))]))
    expect(r.entries.flatMap((e) => e.findings)).toEqual([])
    expect(r.entries.map((e) => e.uploadId)).toEqual([ID, ID, ID, ID, ID])
    expect(r.uploads).toEqual([
      {
        uploadId: ID,
        bucket: 'mybucket',
        key: 'videos/clip.bin',
        initiateIndex: 0,
        completeIndex: 4,
        abortIndex: null,
        parts: [1, 2, 3].map((n, i) => ({ partNumber: n, size: [200_000, 200_000, 500][i], etag: md5(n), status: 200, index: n })),
        completeList: list(1, 2, 3),
        outcome: 'completed',
        entries: [0, 1, 2, 3, 4],
      },
    ])
  })

  it('a successful Complete is never flagged for part size', () => {
    const r = analyzeHar(har([initiate(), part(1, 4096), part(2, 200_000), complete(list(1, 2))]))
    expect(ids(at(r, 3))).toEqual([])
    expect(r.uploads[0]!.outcome).toBe('completed')
  })

  it('part-too-small on the part and on the Complete (EntityTooSmall)', () => {
    const r = analyzeHar(
      har([
        initiate(),
        part(1, 4096),
        part(2, 200_000),
        part(3, 10),
        complete(list(1, 2, 3), 400, ['EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed object size.']),
      ]),
    )
    expect(ids(at(r, 1))).toEqual(['part-too-small'])
    expect(ids(at(r, 3))).toEqual([]) // the last part may be small
    const c = at(r, 4)!
    expect(ids(c)).toEqual(['part-too-small'])
    expect(c.findings[0]).toMatchObject({ severity: 'error', partNumbers: [1] })
    expect(r.uploads[0]!.outcome).toBe('failed')
  })

  describe('part sizes: known only when the HAR says', () => {
    // Chrome writes bodySize 0 for a Blob/File body it did not keep: no size, not 0 bytes.
    const unsized = (n: number, bodySize: number) => {
      const e = part(n, 0) as { request: { headers: unknown[]; bodySize: number } }
      e.request.headers = []
      e.request.bodySize = bodySize
      return e
    }
    const sizeOf = (r: ReturnType<typeof analyzeHar>, n: number) => r.uploads[0]!.parts.find((p) => p.partNumber === n)!.size

    it.each([
      { name: 'Content-Length', make: () => part(1, 4096), size: 4096 },
      { name: 'a positive bodySize', make: () => unsized(1, 4096), size: 4096 },
      { name: 'bodySize 0 and nothing else', make: () => unsized(1, 0), size: null },
      { name: 'bodySize -1', make: () => unsized(1, -1), size: null },
      {
        name: 'the kept body (UTF-8 bytes)',
        make: () => {
          const e = unsized(1, 0) as unknown as { request: { postData?: unknown } }
          e.request.postData = { mimeType: 'text/plain', text: 'héllo' }
          return e
        },
        size: 6,
      },
    ])('$name → $size', ({ make, size }) => {
      const r = analyzeHar(har([initiate(), make(), part(2, 200_000), complete(list(1, 2))]))
      expect(sizeOf(r, 1)).toBe(size)
    })

    it('an unknown size is never flagged part-too-small, on the part or on a failed Complete', () => {
      const r = analyzeHar(
        har([
          initiate(),
          unsized(1, 0),
          part(2, 200_000),
          complete(list(1, 2), 400, ['InvalidPart', 'One or more of the specified parts could not be found.']),
        ]),
      )
      expect(ids(at(r, 1))).toEqual([])
      expect(r.entries.flatMap((e) => e.findings).map((f) => f.id)).not.toContain('part-too-small')
    })

    it('EntityTooSmall with unknown sizes says which parts have no size, and no byte count', () => {
      const r = analyzeHar(
        har([
          initiate(),
          unsized(1, 0),
          unsized(2, 0),
          part(3, 10),
          complete(list(1, 2, 3), 400, ['EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed object size.']),
        ]),
      )
      const f = at(r, 4)!.findings.find((x) => x.id === 'part-too-small')!
      expect(f).toMatchObject({ severity: 'error', partNumbers: [], unknownSizePartNumbers: [1, 2] })
      expect(f.title).toBe('A part below the 100 KB minimum; the capture does not say which')
      expect(f.detail).toContain('no size for parts 1, 2 ')
      expect(f.detail).not.toMatch(/\b0 bytes/)
    })
  })

  describe('ListParts: what BOS says it holds counts where the UploadPart was not captured', () => {
    const listParts = (parts: { partNumber: number; eTag: string; size: number }[]) =>
      entry({ url: `${U}?uploadId=${ID}&maxParts=1000`, method: 'GET', res: BOS_HEADERS, body: JSON.stringify({ uploadId: ID, parts }) })
    const s3ListParts = (parts: { partNumber: number; eTag: string; size: number }[]) =>
      entry({
        url: `https://mybucket.s3.bj.bcebos.com/videos/clip.bin?uploadId=${ID}`,
        method: 'GET',
        res: { 'x-amz-request-id': 'r' },
        mimeType: 'application/xml',
        body: `<ListPartsResult><UploadId>${ID}</UploadId>${parts.map((p) => `<Part><PartNumber>${p.partNumber}</PartNumber><ETag>&quot;${p.eTag}&quot;</ETag><Size>${p.size}</Size></Part>`).join('')}</ListPartsResult>`,
      })

    it('a resumed upload (parts from an earlier page load) is not "parts not uploaded"', () => {
      const r = analyzeHar(har([part(3, 500), listParts([1, 2].map((n) => ({ partNumber: n, eTag: md5(n), size: 200_000 }))), complete(list(1, 2, 3))]))
      expect(ids(at(r, 2))).toEqual([])
    })

    it('without the ListParts, the same Complete says parts 1 and 2 were not uploaded in the capture', () => {
      const r = analyzeHar(har([part(3, 500), complete(list(1, 2, 3))]))
      expect(at(r, 1)!.findings.find((f) => f.id === 'parts-not-uploaded')).toMatchObject({ partNumbers: [1, 2] })
    })

    it('an ETag in the Complete list that differs from what ListParts reported (S3 XML, quoted) is a mismatch', () => {
      const r = analyzeHar(
        har([
          part(3, 500),
          s3ListParts([
            { partNumber: 1, eTag: md5(1), size: 200_000 },
            { partNumber: 2, eTag: md5(2), size: 200_000 },
          ]),
          complete(
            [
              { partNumber: 1, eTag: md5(1) },
              { partNumber: 2, eTag: 'undefined' },
              { partNumber: 3, eTag: md5(3) },
            ],
            400,
            ['InvalidPart', 'One or more of the specified parts could not be found.'],
          ),
        ]),
      )
      expect(at(r, 2)!.findings.find((f) => f.id === 'part-etag-mismatch')).toMatchObject({ severity: 'error', partNumbers: [2] })
    })

    it('sizes BOS listed are known sizes: a small one is named on EntityTooSmall', () => {
      const r = analyzeHar(
        har([
          part(2, 500),
          listParts([{ partNumber: 1, eTag: md5(1), size: 4096 }]),
          complete(list(1, 2), 400, ['EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed object size.']),
        ]),
      )
      expect(at(r, 2)!.findings.find((f) => f.id === 'part-too-small')).toMatchObject({ partNumbers: [1] })
    })
  })

  it('without the two-pass prescan, a live part is judged on what came before', () => {
    const an = new BosAnalyzer()
    expect(ids(an.analyze(part(1, 4096), 0)!)).toEqual([]) // might be the last part
    expect(ids(an.analyze(part(2, 200_000), 1)!)).toEqual([])
    expect(ids(an.analyze(part(1, 4096), 0)!)).toEqual(['part-too-small']) // re-analysed once part 2 is known
  })

  it('part-etag-mismatch names the parts, and explains "undefined" as a CORS exposure problem', () => {
    const r = analyzeHar(
      har([
        part(1, 200_000),
        part(2, 300),
        complete(
          [
            { partNumber: 1, eTag: 'undefined' },
            { partNumber: 2, eTag: md5(77) },
          ],
          400,
          ['InvalidPart', 'x'],
        ),
      ]),
    )
    const f = at(r, 2)!.findings.find((x) => x.id === 'part-etag-mismatch')!
    expect(f.partNumbers).toEqual([1, 2])
    expect(f.detail).toMatch(/exposed headers/)
  })

  it('uses the latest successful attempt of a retried part', () => {
    const r = analyzeHar(
      har([
        part(1, 200_000, md5(1), 500),
        part(1, 200_000, md5(11)),
        part(2, 10),
        complete([
          { partNumber: 1, eTag: md5(11) },
          { partNumber: 2, eTag: md5(2) },
        ]),
      ]),
    )
    expect(ids(at(r, 3))).toEqual([])
    expect(r.uploads[0]!.parts[0]).toMatchObject({ partNumber: 1, etag: md5(11), index: 1 })
  })

  it('part-order-invalid, parts-not-listed, parts-not-uploaded', () => {
    const r = analyzeHar(har([part(1, 200_000), part(2, 200_000), part(3, 200_000), part(4, 200_000), complete(list(2, 1, 4, 5))]))
    expect(ids(at(r, 4))).toEqual(['part-order-invalid', 'parts-not-listed', 'parts-not-uploaded'])
    const f = at(r, 4)!.findings
    expect(f[1]!.partNumbers).toEqual([3])
    expect(f[2]!.partNumbers).toEqual([5])
  })

  it('accepts quoted and upper-case ETags in the Complete list', () => {
    const r = analyzeHar(
      har([
        part(1, 200_000),
        part(2, 10),
        complete([
          { partNumber: 1, eTag: `"${md5(1).toUpperCase()}"` },
          { partNumber: 2, eTag: md5(2) },
        ]),
      ]),
    )
    expect(ids(at(r, 2))).toEqual([])
  })

  it('NoSuchUpload after an abort seen earlier', () => {
    const abort = entry({ url: `${U}?uploadId=${ID}`, method: 'DELETE', status: 204, res: BOS_HEADERS })
    const late = part(3, 200_000, md5(3), 404)
    ;(late.response as { content: { text: string } }).content.text = bosError('NoSuchUpload', 'The specified multipart upload does not exist.')
    const r = analyzeHar(har([part(1, 200_000), abort, late]))
    expect(at(r, 2)!.findings.find((f) => f.id === 'upload-already-finished')).toMatchObject({ endedAt: 1, title: 'The upload was already aborted' })
    expect(r.uploads[0]!.outcome).toBe('aborted')
  })

  it('never flags the final multipart ETag as an MD5 mismatch', () => {
    const done = complete(list(1))
    ;(done.response as { headers: { name: string; value: string }[] }).headers.push(
      { name: 'ETag', value: `"-${md5(5)}"` },
      { name: 'Content-MD5', value: 'XrY7u+Ae7tCTyyK7j1rNww==' },
    )
    expect(ids(analyzeHar(har([part(1, 5), done])).entries[1])).toEqual([])
  })
})

describe('AppendObject and CopyObject', () => {
  const A = 'https://mybucket.bj.bcebos.com/logs/app.log'
  it('OffsetIncorrect shows the offset sent and the one the previous append returned', () => {
    const ok = entry({ url: `${A}?append&offset=0`, method: 'POST', res: { ...BOS_HEADERS, 'x-bce-next-append-offset': '11' } })
    const bad = entry({
      url: `${A}?append&offset=5`,
      method: 'POST',
      status: 409,
      res: BOS_HEADERS,
      body: bosError('OffsetIncorrect', 'Offset not equal to current object length'),
    })
    const f = analyzeHar(har([ok, bad])).entries[1]!.findings[0]!
    expect(f).toMatchObject({ id: 'append-offset-incorrect', offsetSent: 5, expectedOffset: 11, previousIndex: 0 })
    expect(f.title).toBe('Append offset 5 sent, 11 expected')
    expect(analyzeHar(har([bad])).entries[0]!.findings[0]).toMatchObject({ id: 'append-offset-incorrect', offsetSent: 5 })
  })

  it('ObjectUnappendable and PreconditionFailed on copy', () => {
    const unapp = entry({
      url: `${A}?append`,
      method: 'POST',
      status: 403,
      res: BOS_HEADERS,
      body: bosError('ObjectUnappendable', 'The object can not be append'),
    })
    expect(ids(analyzeHar(har([unapp])).entries[0])).toEqual(['append-not-appendable'])
    const copy = entry({
      url: 'https://mybucket.bj.bcebos.com/copy.txt',
      method: 'PUT',
      status: 412,
      req: { 'x-bce-copy-source': '/mybucket/src.txt', 'x-bce-copy-source-if-match': '"abc"' },
      res: BOS_HEADERS,
      body: bosError('PreconditionFailed', "The specified If-Match header doesn't match the eTag header."),
    })
    const f = analyzeHar(har([copy])).entries[0]!.findings[0]!
    expect(f).toMatchObject({ id: 'copy-precondition-failed', conditions: { 'x-bce-copy-source-if-match': '"abc"' } })
  })
})

describe('a bounded session tracker (the DevTools page keeps one for as long as DevTools is open)', () => {
  const OTHER = (k: number) => `other-${k}`
  const partOf = (uploadId: string, n: number, size = 200_000) =>
    entry({
      url: `${U}?partNumber=${n}&uploadId=${uploadId}`,
      method: 'PUT',
      req: { 'Content-Length': String(size) },
      res: { ...BOS_HEADERS, ETag: `"${md5(n)}"` },
      body: '',
    })
  const live = (a: BosAnalyzer, entries: unknown[], from = 0) => entries.forEach((e, i) => a.analyze(e, from + i))

  it('without limits keeps every session and counts nothing', () => {
    const a = new BosAnalyzer()
    live(a, [...Array.from({ length: 50 }, (_, k) => partOf(OTHER(k), 1))])
    expect(a.sessions.uploadSessions()).toHaveLength(50)
    expect(a.sessions.dropped()).toEqual({ sessions: 0, entries: 0, notKept: 0 })
    expect(a.sessions.size).toBe(50)
  })

  it.each([
    // [sessions of `perSession` parts each, maxEntries, sessions kept, sessions forgotten]
    [4, 3, 9, 3, 1],
    [5, 2, 4, 2, 3],
    [3, 3, 100, 3, 0],
  ])('%i sessions of %i parts within %i entries: the last %i kept whole, %i forgotten and counted', (n, perSession, max, kept, forgotten) => {
    const a = new BosAnalyzer({ sessionLimits: { maxEntries: max } })
    const entries = Array.from({ length: n }, (_, k) => Array.from({ length: perSession }, (_, p) => partOf(OTHER(k), p + 1))).flat()
    live(a, entries)
    const sessions = a.sessions.uploadSessions()
    expect(sessions.map((s) => s.uploadId)).toEqual(Array.from({ length: kept }, (_, k) => OTHER(n - kept + k)))
    for (const s of sessions) expect(s.parts.map((p) => p.partNumber)).toEqual(Array.from({ length: perSession }, (_, p) => p + 1))
    expect(a.sessions.dropped()).toEqual({ sessions: forgotten, entries: forgotten * perSession, notKept: 0 })
    expect(a.sessions.size).toBe(kept * perSession)
    expect(a.sessions.size).toBeLessThanOrEqual(max)
    for (let k = 0; k < n; k++) expect(a.sessions.wasForgotten(OTHER(k))).toBe(k < n - kept)
  })

  it('forgets the least recently active session, not the first created', () => {
    const a = new BosAnalyzer({ sessionLimits: { maxEntries: 4 } })
    live(a, [partOf('A', 1), partOf('B', 1), partOf('A', 2), partOf('B', 2), partOf('A', 3)])
    expect(a.sessions.uploadSessions().map((s) => [s.uploadId, s.parts.length])).toEqual([['A', 3]])
    expect(a.sessions.wasForgotten('B')).toBe(true)
  })

  it('a session alone over the limit keeps its first entries and counts the rest', () => {
    const a = new BosAnalyzer({ sessionLimits: { maxEntries: 3 } })
    live(
      a,
      [1, 2, 3, 4, 5].map((n) => partOf('A', n)),
    )
    expect(a.sessions.uploadSessions()[0]!.parts.map((p) => p.partNumber)).toEqual([1, 2, 3])
    expect(a.sessions.notKept('A')).toBe(2)
    expect(a.sessions.dropped()).toEqual({ sessions: 0, entries: 0, notKept: 2 })
  })

  it('an entry not kept and analysed again (its body arrived) is not counted twice', () => {
    const a = new BosAnalyzer({ sessionLimits: { maxEntries: 3 } })
    const parts = [1, 2, 3, 4, 5].map((n) => partOf('A', n))
    live(a, parts)
    a.analyze(parts[4], 4)
    a.analyze(parts[3], 3)
    expect(a.sessions.notKept('A')).toBe(2)
    expect(a.sessions.dropped()).toEqual({ sessions: 0, entries: 0, notKept: 2 })
    a.analyze(partOf('A', 6), 5)
    expect(a.sessions.notKept('A')).toBe(3)
  })

  it('an entry analysed again (its body arrived) is not counted twice', () => {
    const a = new BosAnalyzer({ sessionLimits: { maxEntries: 2 } })
    const p1 = partOf('A', 1)
    live(a, [p1, partOf('A', 2)])
    a.analyze(p1, 0)
    a.analyze(p1, 0)
    expect(a.sessions.size).toBe(2)
    expect(a.sessions.dropped()).toEqual({ sessions: 0, entries: 0, notKept: 0 })
  })

  it('forget(index) removes an entry the store did not list, and the part it stood for', () => {
    const a = new BosAnalyzer()
    live(a, [initiate(), part(1, 200_000), part(2, 200_000)])
    a.analyze(part(2, 200_000), 3) // the same exchange seen again under a new id: a duplicate the store drops
    a.sessions.forget(ID, 3)
    const [s] = a.sessions.uploadSessions()
    expect(s!.entries).toEqual([0, 1, 2])
    expect(s!.parts.map((p) => p.index)).toEqual([1, 2])
    a.sessions.forget(ID, 0)
    expect(a.sessions.uploadSessions()[0]!.initiateIndex).toBeNull()
    expect(a.sessions.size).toBe(2)
  })

  it('judges the parts of a 10,000-part session the same with its cached view (a Complete re-reads them)', () => {
    const a = new BosAnalyzer()
    const n = 10_000
    live(a, [initiate(), ...Array.from({ length: n }, (_, i) => part(i + 1, i === 4321 ? 10 : 200_000))])
    const done = a.analyze(complete(list(...Array.from({ length: n }, (_, i) => i + 1)), 400, ['EntityTooSmall', 'too small']), n + 1)
    expect(ids(done ?? undefined)).toEqual(['part-too-small'])
    expect(done!.findings[0]).toMatchObject({ partNumbers: [4322] })
    // Re-analysing every part after the Complete, as the store does: the small one, and only it, is flagged.
    const flagged = Array.from({ length: n }, (_, i) => a.analyze(part(i + 1, i === 4321 ? 10 : 200_000), i + 1)!).filter((r) => r.findings.length)
    expect(flagged.map((r) => r.index)).toEqual([4322])
  })
})

describe('the standing attempt of each part, kept as parts arrive', () => {
  it('is the last successful attempt by index, else the last attempt, whatever the arrival order and forgets', () => {
    const attempt = (n: number, ok: boolean) =>
      entry({
        url: `${U}?partNumber=${n}&uploadId=${ID}`,
        method: 'PUT',
        status: ok ? 200 : 500,
        req: { 'Content-Length': '200000' },
        res: { ...BOS_HEADERS, ETag: `"${md5(n)}"` },
        body: ok ? '' : bosError('InternalError', 'x'),
      })
    fc.assert(
      fc.property(
        fc.array(fc.record({ n: fc.integer({ min: 1, max: 4 }), ok: fc.boolean(), forget: fc.boolean(), again: fc.boolean() }), {
          minLength: 1,
          maxLength: 14,
        }),
        fc.array(fc.nat(), { minLength: 14, maxLength: 14 }),
        (steps, keys) => {
          const a = new BosAnalyzer()
          // Arrival in a shuffled order (an import's ids are not the capture's); some analysed twice, with the other answer first.
          const order = steps.map((_, i) => i).sort((x, y) => (keys[x] ?? 0) - (keys[y] ?? 0) || x - y)
          for (const i of order) {
            if (steps[i]!.again) a.analyze(attempt(steps[i]!.n, !steps[i]!.ok), i)
            a.analyze(attempt(steps[i]!.n, steps[i]!.ok), i)
          }
          for (const [i, st] of steps.entries()) if (st.forget) a.sessions.forget(ID, i)
          const kept = steps.map((st, i) => ({ ...st, i })).filter((st) => !st.forget)
          const expected = [...new Set(kept.map((k) => k.n))]
            .sort((x, y) => x - y)
            .map((n) => {
              const mine = kept.filter((k) => k.n === n)
              const ok = mine.filter((k) => k.ok)
              return { partNumber: n, index: (ok.length ? ok : mine).at(-1)!.i }
            })
          const got = a.sessions.uploadSessions()[0]?.parts.map((p) => ({ partNumber: p.partNumber, index: p.index })) ?? []
          expect(got).toEqual(expected)
        },
      ),
      { numRuns: 300, seed: 20261207 },
    )
  })
})

describe('append chains in a bounded tracker', () => {
  const url = (k: number) => `https://mybucket.bj.bcebos.com/logs/app-${k}.log`
  const ok = (k: number, next: number) =>
    entry({ url: `${url(k)}?append&offset=${next - 10}`, method: 'POST', res: { ...BOS_HEADERS, 'x-bce-next-append-offset': String(next) } })
  const bad = (k: number) =>
    entry({
      url: `${url(k)}?append&offset=5`,
      method: 'POST',
      status: 409,
      res: BOS_HEADERS,
      body: bosError('OffsetIncorrect', 'Offset not equal to current object length'),
    })

  it('still names the previous append of a busy object, and forgets objects not appended to for long', () => {
    const a = new BosAnalyzer({ sessionLimits: { maxEntries: 1000 } })
    let i = 0
    for (let n = 1; n <= 500; n++) a.analyze(ok(0, n * 10), i++) // one object appended to 500 times
    expect(a.analyze(bad(0), i++)!.findings[0]).toMatchObject({ expectedOffset: 5000 }) // its latest append, past the 64 kept
    for (let k = 1; k <= 1500; k++) a.analyze(ok(k, 10), i++) // then 1,500 others
    for (let n = 1; n <= 3; n++) a.analyze(ok(1500, 10 + n * 10), i++)
    expect(a.analyze(bad(1500), i++)!.findings[0]).toMatchObject({ id: 'append-offset-incorrect', expectedOffset: 40 })
    // Object 0 was appended to least recently: its chain is gone, so the offset it expects is unknown, not guessed.
    const forgotten = a.analyze(bad(0), i++)!.findings[0]!
    expect(forgotten).toMatchObject({ id: 'append-offset-incorrect', offsetSent: 5 })
    expect(forgotten).not.toHaveProperty('expectedOffset')
    // Unbounded (the CLI over one file), nothing is forgotten.
    const cli = new BosAnalyzer()
    i = 0
    for (let n = 1; n <= 500; n++) cli.analyze(ok(0, n * 10), i++)
    for (let k = 1; k <= 1500; k++) cli.analyze(ok(k, 10), i++)
    expect(cli.analyze(bad(0), i++)!.findings[0]).toMatchObject({ expectedOffset: 5000 })
  })
})
