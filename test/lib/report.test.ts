// The library's reports are the CLI's: toJsonReport is what `analyze --json` prints, formatReport what
// `analyze` prints, in English and Chinese.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { type Io, main } from '../../src/cli/main.ts'
import {
  type AnalysisSummary,
  analyzeHar,
  type EntryAnalysis,
  type ErrorInfo,
  type Finding,
  formatReport,
  type JsonReport,
  toJsonReport,
} from '../../src/lib/index.ts'
import { BOS_HEADERS, entry, har, requestExpiredEntry } from '../helpers/har.ts'

const SAMPLE = har([
  entry({ url: 'https://example.com/' }),
  requestExpiredEntry(),
  entry({ url: 'https://mybucket.bj.bcebos.com/b.txt', method: 'GET', status: 200, res: BOS_HEADERS }),
])
const file = join(mkdtempSync(join(tmpdir(), 'bos-lib-')), 'sample.har')
writeFileSync(file, JSON.stringify(SAMPLE))

async function cli(args: string[]) {
  let out = ''
  const io: Io = { out: (s) => void (out += s), err: () => {}, isTTY: false, env: {} }
  expect(await main(args, io)).toBe(0)
  return out
}

/** The keys a type requires; the lists below are checked against them by tsc, in both directions. */
type RequiredKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T] & string
function keysOf<T>() {
  return <const K extends readonly RequiredKeys<T>[]>(
    keys: K,
    ..._complete: [RequiredKeys<T>] extends [K[number]] ? [] : [missing: Exclude<RequiredKeys<T>, K[number]>]
  ) => keys
}
const REPORT_KEYS = keysOf<JsonReport>()(['tool', 'version', 'entries', 'uploads', 'summary', 'notes'])
const ENTRY_KEYS = keysOf<EntryAnalysis>()([
  'index',
  'method',
  'url',
  'status',
  'preflight',
  'operation',
  'bucket',
  'key',
  'region',
  'requestId',
  'debugId',
  'error',
  'findings',
  'startedDateTime',
  'host',
  'matchedBy',
  'body',
  'clock',
  'auth',
  'uploadId',
  'post',
])
// Finding has an index signature (its facts): its named keys are listed by hand.
const FINDING_KEYS: readonly (keyof Finding & string)[] = ['id', 'severity', 'title', 'detail', 'message']
const ERROR_KEYS = keysOf<ErrorInfo>()(['code', 'message', 'documentedStatus', 'description', 'advice'])
const SUMMARY_KEYS = keysOf<AnalysisSummary>()(['entries', 'bos', 'errors'])

describe('JsonReport', () => {
  it('is what analyze --json prints, key for key', async () => {
    const printed = JSON.parse(await cli(['analyze', file, '--json']))
    const report: JsonReport = toJsonReport(analyzeHar(SAMPLE))
    expect(printed).toEqual(JSON.parse(JSON.stringify(report)))
    expect(Object.keys(printed)).toEqual(Object.keys(report))
    // Structurally: every key the JsonReport type requires is in what the CLI printed.
    expect(Object.keys(printed)).toEqual([...REPORT_KEYS])
    expect(Object.keys(printed.summary)).toEqual([...SUMMARY_KEYS])
    for (const e of printed.entries) {
      for (const k of ENTRY_KEYS) expect(e).toHaveProperty(k)
      for (const f of e.findings) for (const k of FINDING_KEYS) expect(f).toHaveProperty(k)
      if (e.error) expect(Object.keys(e.error)).toEqual([...ERROR_KEYS])
    }
    expect(printed.entries[0].error.code).toBe('RequestExpired')
  })

  it('in Chinese, as --json --lang zh_CN prints it', async () => {
    const printed = JSON.parse(await cli(['analyze', file, '--json', '--lang', 'zh_CN']))
    expect(printed).toEqual(JSON.parse(JSON.stringify(toJsonReport(analyzeHar(SAMPLE), { locale: 'zh_CN' }))))
  })
})

describe('formatReport', () => {
  it.each(['en', 'zh_CN'] as const)('%s: the text analyze --lang prints, without colours', async (locale) => {
    const text = formatReport(analyzeHar(SAMPLE), { locale })
    expect(text).toBe(await cli(['analyze', file, '--lang', locale]))
    expect(text).not.toContain('\x1b[')
  })

  it('colours only when asked', () => {
    expect(formatReport(analyzeHar(SAMPLE), { color: true })).toContain('\x1b[31m')
    expect(formatReport(analyzeHar(SAMPLE))).toContain('Request expired: your clock is 17 minutes behind the server')
  })
})
