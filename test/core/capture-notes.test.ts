// One note per file when a HAR was exported without its Authorization headers.
import { describe, expect, it } from 'vitest'
import { analyzeHar } from '../../src/core/analyze.ts'
import { localizeText } from '../../src/core/localize.ts'
import { BOS_HEADERS, bosError, entry, har } from '../helpers/har.ts'

const U = 'https://mybucket.bj.bcebos.com/a.txt'
const SIG = 'a'.repeat(64)
const stripped = { 'x-bce-date': '2026-11-26T04:00:00Z', 'Content-Type': 'text/plain' }

describe('capture notes', () => {
  it('signing dates without any Authorization: one note for the file, with the count and the way out', () => {
    const r = analyzeHar(
      har([
        entry({ url: U, method: 'PUT', status: 403, req: stripped, res: BOS_HEADERS, body: bosError('SignatureDoesNotMatch', 'x') }),
        entry({ url: U, method: 'GET', req: { 'x-bce-date': '2026-11-26T04:00:01Z' }, res: BOS_HEADERS, body: '' }),
        entry({ url: U, method: 'OPTIONS', resourceType: 'preflight', req: { Origin: 'https://app.example.com' }, res: BOS_HEADERS, body: '' }),
      ]),
    )
    expect(r.notes).toHaveLength(1)
    expect(r.notes[0]).toMatchObject({ id: 'capture-without-authorization', requests: 2 })
    expect(r.notes[0]!.message).toMatch(/^2 BOS requests carry a signing date .*Allow to generate HAR with sensitive data.*bos-devtools redact/)
    expect(localizeText(r.notes[0]!.note, 'zh_CN')).toMatch(/允许生成包含敏感数据的 HAR/)
  })

  it('nothing when any request kept its signature, or when none looks signed (a public bucket)', () => {
    const signed = entry({ url: U, req: { ...stripped, Authorization: `bce-auth-v1/ak/2026-11-26T04:00:00Z/1800/host/${SIG}` }, res: BOS_HEADERS, body: '' })
    expect(analyzeHar(har([signed, entry({ url: U, req: stripped, res: BOS_HEADERS, body: '' })])).notes).toEqual([])
    expect(analyzeHar(har([entry({ url: U, res: BOS_HEADERS, body: '' })])).notes).toEqual([])
    const presigned = entry({
      url: `${U}?authorization=${encodeURIComponent(`bce-auth-v1/ak/2026-11-26T04:00:00Z/1800/host/${SIG}`)}`,
      req: stripped,
      res: BOS_HEADERS,
      body: '',
    })
    expect(analyzeHar(har([presigned])).notes).toEqual([])
  })
})
