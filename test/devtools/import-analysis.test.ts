import { describe, expect, it, vi } from 'vitest'
import { analyseImport } from '../../src/devtools/import-analysis.ts'
import { BODY_CAP } from '../../src/devtools/store-types.ts'
import { BOS_HEADERS, bosError, entry } from '../helpers/har.ts'

const BUCKET = 'https://mybucket.bj.bcebos.com'
const at = (i: number) => new Date(Date.UTC(2026, 10, 26, 4, 0, i)).toISOString()

describe('HAR import analysis', () => {
  it('keeps BOS entries only, with id 0, bodies as capture keeps them', async () => {
    const entries = [
      entry({ method: 'GET', url: `${BUCKET}/a.txt`, started: at(1), res: BOS_HEADERS, status: 404, body: bosError('NoSuchKey', 'gone') }),
      entry({ method: 'GET', url: 'https://example.com/', started: at(2) }),
      entry({ method: 'GET', url: `${BUCKET}/big.bin`, started: at(3), res: BOS_HEADERS, mimeType: 'application/octet-stream', body: 'x'.repeat(10) }),
      entry({ method: 'GET', url: `${BUCKET}/gone.txt`, started: at(4), res: BOS_HEADERS, status: 403, body: null }),
      entry({ method: 'GET', url: `${BUCKET}/cut.txt`, started: at(5), res: BOS_HEADERS, status: 500, mimeType: 'text/plain', body: 'e'.repeat(BODY_CAP + 5) }),
    ]
    const { records, withoutAuthorization } = await analyseImport(entries, [])
    expect(records.map((r) => [r.id, r.source, r.entry.request.url.split('/').pop(), r.body.state])).toEqual([
      [0, 'import', 'a.txt', 'loaded'],
      [0, 'import', 'big.bin', 'not-needed'],
      [0, 'import', 'gone.txt', 'unavailable'],
      [0, 'import', 'cut.txt', 'loaded'],
    ])
    expect(records[0]!.analysis.error?.code).toBe('NoSuchKey')
    expect(records[1]!.entry.response.content.text).toBeUndefined()
    expect(records[3]!.body.capped).toBe(true)
    expect(records[3]!.entry.response.content.text).toHaveLength(BODY_CAP)
    expect(withoutAuthorization).toBe(0) // nothing here looks signed
  })

  it('counts the requests that look signed but lost their Authorization, each once though re-analysed', async () => {
    const { withoutAuthorization } = await analyseImport(
      [
        entry({
          method: 'PUT',
          url: `${BUCKET}/a.txt`,
          started: at(1),
          req: { 'x-bce-date': '2026-11-26T04:00:01Z' },
          res: BOS_HEADERS,
          status: 500,
          mimeType: 'text/plain',
          body: 'e'.repeat(BODY_CAP + 5),
        }),
        entry({ method: 'GET', url: `${BUCKET}/b.txt`, started: at(2), req: { 'x-bce-date': '2026-11-26T04:00:02Z' }, res: BOS_HEADERS, body: '' }),
      ],
      [],
    )
    expect(withoutAuthorization).toBe(2)
  })

  it('pauses once a slice has run its time', async () => {
    const entries = Array.from({ length: 3 }, (_, i) => entry({ method: 'PUT', url: `${BUCKET}/f-${i}`, started: at(i), res: BOS_HEADERS }))
    const pause = vi.fn(() => Promise.resolve())
    await analyseImport(entries, [], { sliceMs: -1, pause })
    expect(pause).toHaveBeenCalledTimes(3)
  })
})
