import { existsSync, readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, it, expect } from 'vitest'
import { ERROR_CODES, lookupErrorCode } from '../../src/core/error-codes.ts'

const here = dirname(fileURLToPath(import.meta.url))
const repoRoot = resolve(here, '../..')
const fixturePath = resolve(here, '../fixtures/seed-error-codes.txt')
/** The BOS reference page this project started from; present in CI at ../shared next to the repo. */
const seedPath = resolve(repoRoot, '../shared/seed/return-a-response.md')

interface SeedRow {
  code: string
  status: number
  message: string
}

function readFixture(): SeedRow[] {
  return readFileSync(fixturePath, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => {
      const fields = line.split('\t')
      if (fields.length !== 3) throw new Error(`fixture line needs 3 tab-separated fields: ${line}`)
      const [code = '', status = '', message = ''] = fields
      return { code, status: Number(status), message }
    })
}

/** Rows of the seed's error-code table, continuation lines joined with '\n'. */
function readSeedTable(text: string): Map<string, string> {
  const lines = text.split('\n')
  const start = lines.findIndex((l) => l.startsWith('Error code (code)'))
  if (start < 0) throw new Error('error-code table header not found in seed')
  const rows = new Map<string, string>()
  let current: string | undefined
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('```')) break
    const m = /^([A-Z][A-Za-z0-9]+) /.exec(line)
    if (m?.[1]) {
      current = m[1]
      rows.set(current, line)
    } else if (current) {
      rows.set(current, `${rows.get(current)}\n${line}`)
    }
  }
  return rows
}

const normalize = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()

const fixture = readFixture()
const fixtureCodes = new Set(fixture.map((r) => r.code))

describe('ERROR_CODES: seed table facts', () => {
  it('fixture is sane', () => {
    expect(fixture.length).toBeGreaterThanOrEqual(50)
    expect(fixtureCodes.size).toBe(fixture.length)
  })

  it.each(fixture)('$code: present with documented status and verbatim message', (row) => {
    const entry = ERROR_CODES.get(row.code)
    expect(entry, row.code).toBeDefined()
    expect(entry?.code).toBe(row.code)
    expect(entry?.status).toBe(row.status)
    expect(entry?.message).toBe(row.message)
    expect(entry?.source).toBeUndefined()
  })

  it('keeps the server typos and odd spacing verbatim', () => {
    expect(ERROR_CODES.get('MethodNotAllowed')?.message).toBe('he specified method is not allowed against this resource.')
    expect(ERROR_CODES.get('InvalidPartOrder')?.message).toBe('The list of parts was not in ascending order.Parts list must specified in order by part number.')
    expect(ERROR_CODES.get('RequestExpired')?.message).toBe('Request has expired. Timestamp date is XXX.')
    expect(ERROR_CODES.get('RequestExpired')?.status).toBe(403)
    expect(ERROR_CODES.get('SlowDown')?.status).toBe(503)
  })
})

describe.skipIf(!existsSync(seedPath))('fixture vs shared seed page', () => {
  const seedRows = existsSync(seedPath) ? readSeedTable(readFileSync(seedPath, 'utf8')) : new Map<string, string>()

  it('fixture lists exactly the codes of the seed table', () => {
    expect(seedRows.size).toBeGreaterThanOrEqual(50)
    expect([...seedRows.keys()].sort()).toEqual([...fixtureCodes].sort())
  })

  it('each seed row starts with code + fixture message and ends with the fixture status', () => {
    for (const row of fixture) {
      const text = seedRows.get(row.code) ?? ''
      expect(text.startsWith(`${row.code} ${row.message} `), row.code).toBe(true)
      const lastLine = text.trimEnd().split('\n').pop() ?? ''
      expect(/(\d{3})(?: [A-Za-z ]+)?$/.exec(lastLine)?.[1], row.code).toBe(String(row.status))
    }
  })

  it('descriptions are our own, not the seed description column', () => {
    for (const row of fixture) {
      const text = seedRows.get(row.code) ?? ''
      const seedDescription = text.slice(`${row.code} ${row.message} `.length).replace(/\s*\d{3}(?: [A-Za-z ]+)?\s*$/, '')
      const entry = ERROR_CODES.get(row.code)
      expect(seedDescription.length, row.code).toBeGreaterThan(0)
      expect(normalize(entry?.description ?? ''), row.code).not.toBe(normalize(seedDescription))
    }
  })
})

describe('ERROR_CODES: entry shape', () => {
  const entries = [...ERROR_CODES.values()]

  it('map keys match entry codes and codes are unique, also case-insensitively', () => {
    for (const [key, entry] of ERROR_CODES) expect(entry.code).toBe(key)
    const lower = new Set(entries.map((e) => e.code.toLowerCase()))
    expect(lower.size).toBe(entries.length)
  })

  it('every entry has a 4xx/5xx integer status, a description and advice', () => {
    for (const e of entries) {
      expect(Number.isInteger(e.status), e.code).toBe(true)
      expect(e.status, e.code).toBeGreaterThanOrEqual(400)
      expect(e.status, e.code).toBeLessThanOrEqual(599)
      expect(e.description.trim(), e.code).not.toBe('')
      expect(e.advice.trim(), e.code).not.toBe('')
      expect(normalize(e.description), e.code).not.toBe(normalize(e.message))
      expect(e.advice.length, e.code).toBeLessThanOrEqual(400)
    }
  })

  it('codes outside the seed table name their source; seed codes do not', () => {
    const extras = entries.filter((e) => !fixtureCodes.has(e.code))
    expect(extras.length).toBeGreaterThan(0)
    for (const e of extras) expect(e.source?.trim(), e.code).toBeTruthy()
    expect(
      entries
        .filter((e) => e.source === undefined)
        .map((e) => e.code)
        .sort(),
    ).toEqual([...fixtureCodes].sort())
  })

  it('includes the codes met in the wild', () => {
    expect(ERROR_CODES.get('RequestTimeTooSkewed')?.status).toBe(403)
    expect(ERROR_CODES.get('InvalidAccessKeyId')?.status).toBe(403)
    expect(ERROR_CODES.get('NotAllowCopy')?.status).toBe(400)
    expect(ERROR_CODES.get('SymlinkTargetNotExist')?.status).toBe(404)
    expect(ERROR_CODES.get('InvalidRequest')?.message).toBe('authenticate failed: Fail to authn user: Fail to check timestamp: time expired')
  })
})

describe('lookupErrorCode', () => {
  it('finds exact matches', () => {
    expect(lookupErrorCode('NoSuchKey')?.code).toBe('NoSuchKey')
    expect(lookupErrorCode('SignatureDoesNotMatch')).toBe(ERROR_CODES.get('SignatureDoesNotMatch'))
  })

  it('falls back to a case-insensitive match', () => {
    expect(lookupErrorCode('nosuchkey')?.code).toBe('NoSuchKey')
    expect(lookupErrorCode('REQUESTEXPIRED')?.code).toBe('RequestExpired')
    expect(lookupErrorCode('invalidhttpauthheader')?.code).toBe('InvalidHTTPAuthHeader')
  })

  it('returns undefined for unknown codes', () => {
    expect(lookupErrorCode('NoSuchThing')).toBeUndefined()
    expect(lookupErrorCode('')).toBeUndefined()
    expect(lookupErrorCode('success')).toBeUndefined()
  })
})
