// `bos-devtools analyze <file.har|-> [--json] [--host pattern]…`: a thin shell over the core.
import { parseArgs } from 'node:util'
import { BosAnalyzer, harEntries, redactHar } from '../core/index.ts'
import type { EntryAnalysis } from '../core/types.ts'
import { colors, formatEntry, formatSummary, plain } from './format-text.ts'
import { writeJsonReport } from './json-output.ts'
import { InputError, readJsonInput } from './read-input.ts'

declare const __VERSION__: string
export const VERSION: string = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev'

const USAGE = `Usage: bos-devtools analyze <file.har | -> [options]
       bos-devtools redact <file.har | -> > redacted.har

analyze  explains every request to Baidu Object Storage (BOS) in a HAR
         file: operation, bucket, key, error code with its meaning and
         advice, request and debug ids, and the problems found (clock
         skew, expired signatures, Content-MD5 mismatches, policies,
         multipart uploads, CORS, ...).
redact   writes the HAR with signatures, security tokens, form
         signatures, cookies and credentials removed, keeping what is
         needed to diagnose it (access key id, signing time, expiry).

Options:
  --json            machine-readable output (stable contract, see README)
  --host <pattern>  also treat this host as BOS (custom domain or CDN);
                    "files.example.com" or "*.example.com"; repeatable
  -h, --help        show this help
  -v, --version     show the version

Exit status: 0 when the file was analysed, whatever it found;
2 when the input is not a readable HAR file or the arguments are wrong.`

export interface Io {
  out(chunk: string): void
  err(chunk: string): void
  isTTY: boolean
  env: Record<string, string | undefined>
}

export async function main(argv: string[], io: Io): Promise<number> {
  let args
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        host: { type: 'string', multiple: true, default: [] },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    })
  } catch (e) {
    io.err(`bos-devtools: ${(e as Error).message}\n`)
    return 2
  }
  const { values, positionals } = args
  if (values.version) {
    io.out(`${VERSION}\n`)
    return 0
  }
  if (values.help || positionals.length === 0) {
    io.out(`${USAGE}\n`)
    return positionals.length === 0 && !values.help ? 2 : 0
  }
  const [command, file, ...extra] = positionals
  if (command !== 'analyze' && command !== 'redact') {
    io.err(`bos-devtools: unknown command "${command}"; try "bos-devtools analyze session.har"\n`)
    return 2
  }
  if (!file || extra.length) {
    io.err(`bos-devtools: ${command} takes exactly one HAR file (or - for standard input)\n`)
    return 2
  }

  let har: unknown
  try {
    har = await readJsonInput(file)
  } catch (e) {
    if (e instanceof InputError) {
      io.err(`bos-devtools: ${e.message}\n`)
      return 2
    }
    throw e
  }
  const found = harEntries(har)
  if ('problem' in found) {
    io.err(`bos-devtools: ${file === '-' ? 'standard input' : file} is ${found.problem}\n`)
    return 2
  }

  if (command === 'redact') {
    io.out(JSON.stringify(redactHar(har), null, 2) + '\n')
    return 0
  }

  const rawEntries = found.entries
  const analyzer = new BosAnalyzer({ customHosts: values.host })
  // Two passes: upload sessions first, so a part is judged knowing the Complete that came after it.
  analyzer.prescan(rawEntries)
  const total = rawEntries.length
  // Counts, not the analyses themselves: a 100k-entry HAR must not be held twice.
  const summary = { entries: total, bos: 0, errors: 0 }
  function* analysed(): Generator<EntryAnalysis> {
    for (let i = 0; i < total; i++) {
      const a = analyzer.analyze(rawEntries[i], i)
      if (!a) continue
      summary.bos++
      if (a.status >= 400) summary.errors++
      yield a
    }
  }

  if (values.json) {
    writeJsonReport({ write: io.out }, { version: VERSION }, analysed(), () => ({ uploads: analyzer.sessions.uploadSessions(), summary }))
    return 0
  }
  const style = io.isTTY && !io.env.NO_COLOR ? colors : plain
  let findings = 0
  for (const e of analysed()) {
    findings += e.findings.length
    io.out(formatEntry(e, style) + '\n\n')
  }
  io.out(formatSummary(summary, findings, style) + '\n')
  return 0
}
