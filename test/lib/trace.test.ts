// `bos-devtools analyze trace.zip`: a Playwright trace's network log read as a HAR, bodies from resources/.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { type Io, main } from '../../src/cli/main.ts'
import { redactHar } from '../../src/core/index.ts'
import { harFromTrace, isZip, NotATraceError } from '../../src/lib/trace.ts'
import { BOS_HEADERS, bosError, entry } from '../helpers/har.ts'

const dir = mkdtempSync(join(tmpdir(), 'bos-trace-'))
const ERROR_BODY = bosError('RequestExpired', 'Request has expired. Timestamp date is 2026-11-26T04:00:00Z')

/** A trace as Playwright writes it: the body taken out of the entry into resources/<sha1>.<ext>. */
function traceZip(opts: { legacy?: boolean } = {}) {
  const failed = entry({
    url: 'https://mybucket.bj.bcebos.com/a.txt',
    method: 'PUT',
    status: 403,
    started: '2026-11-26T04:00:00.000Z',
    res: { ...BOS_HEADERS, Date: 'Thu, 26 Nov 2026 04:17:00 GMT', 'Content-Type': 'application/json' },
    req: { 'x-bce-date': '2026-11-26T04:00:00Z' },
    body: ERROR_BODY,
  }) as any
  failed.response.content = opts.legacy
    ? { mimeType: 'application/json', size: ERROR_BODY.length, _sha1: 'e1' }
    : { mimeType: 'application/json', size: ERROR_BODY.length, _file: 'resources/e1.json' }
  failed.request.postData = opts.legacy ? { mimeType: 'text/plain', _sha1: 'p1' } : { mimeType: 'text/plain', _file: 'resources/p1.txt' }
  const page = entry({ url: 'https://example.com/' })
  const lines = [
    { type: 'context-options', version: 8 },
    { type: 'resource-snapshot', snapshot: page },
    { type: 'resource-snapshot', snapshot: failed },
  ]
  return zipSync({
    'trace.trace': strToU8('{"type":"context-options"}\n'),
    'trace.network': strToU8(`${lines.map((l) => JSON.stringify(l)).join('\n')}\n{"type":"resource-snap`),
    [opts.legacy ? 'resources/e1' : 'resources/e1.json']: strToU8(ERROR_BODY),
    [opts.legacy ? 'resources/p1' : 'resources/p1.txt']: strToU8('hello bos'),
  })
}

async function cli(args: string[]) {
  let out = ''
  let err = ''
  const io: Io = { out: (s) => void (out += s), err: (s) => void (err += s), isTTY: false, env: {} }
  return { code: await main(args, io), out, err }
}

describe('harFromTrace', () => {
  it.each([false, true])('puts the bodies back (legacy _sha1: %s)', (legacy) => {
    const zip = traceZip({ legacy })
    expect(isZip(zip)).toBe(true)
    const har = harFromTrace(zip) as any
    expect(har.log.entries).toHaveLength(2) // the partial last line is skipped
    const e = har.log.entries[1]
    expect(e.response.content.text).toBe(ERROR_BODY)
    expect(e.response.content._file).toBeUndefined()
    expect(e.request.postData.text).toBe('hello bos')
  })

  it('binary bodies come back as base64', () => {
    const snap = entry({ url: 'https://mybucket.bj.bcebos.com/img.png' }) as any
    snap.response.content = { mimeType: 'image/png', _file: 'resources/i.png' }
    const zip = zipSync({
      'trace.network': strToU8(JSON.stringify({ type: 'resource-snapshot', snapshot: snap })),
      'resources/i.png': new Uint8Array([0x89, 0x50, 0xff]),
    })
    const c = (harFromTrace(zip) as any).log.entries[0].response.content
    expect(c).toMatchObject({ text: 'iVD/', encoding: 'base64' })
  })

  it('a zip without a network log is not a trace', () => {
    expect(() => harFromTrace(zipSync({ 'a.txt': strToU8('x') }))).toThrow(NotATraceError)
  })
})

describe('bos-devtools analyze trace.zip', () => {
  it('analyses the trace as a HAR, bodies included', async () => {
    const path = join(dir, 'trace.zip')
    writeFileSync(path, traceZip())
    const r = await cli(['analyze', path, '--json'])
    expect(r.err).toBe('')
    expect(r.code).toBe(0)
    const j = JSON.parse(r.out)
    expect(j.summary).toEqual({ entries: 2, bos: 1, errors: 1 })
    expect(j.entries[0].error.code).toBe('RequestExpired')
    expect(j.entries[0].findings.map((f: { id: string }) => f.id)).toContain('request-expired')
    const text = await cli(['analyze', path, '--fail-on', 'error'])
    expect(text.code).toBe(1)
    expect(text.out).toContain('RequestExpired')
  })

  it('redacts the trace as the HAR it holds', async () => {
    const path = join(dir, 'trace-redact.zip')
    const zip = traceZip()
    writeFileSync(path, zip)
    const r = await cli(['redact', path])
    expect(r).toEqual({ code: 0, out: `${JSON.stringify(redactHar(harFromTrace(zip)), null, 2)}\n`, err: '' })
    const other = join(dir, 'other-redact.zip')
    writeFileSync(other, zipSync({ 'a.txt': strToU8('x') }))
    expect((await cli(['redact', other])).code).toBe(2)
  })

  it('a zip that is not a trace exits 2 with one line', async () => {
    const path = join(dir, 'other.zip')
    writeFileSync(path, zipSync({ 'a.txt': strToU8('x') }))
    const r = await cli(['analyze', path])
    expect(r.code).toBe(2)
    expect(r.err).toBe(`bos-devtools: ${path} is a zip file without a network log (*.network), so not a Playwright trace\n`)
  })
})
