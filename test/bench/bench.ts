// `npm run bench`: speed and memory of the analyzer, as ratios measured side by side in one run
// (these machines are noisy; a bare time means little). Writes synthetic HARs to a temp folder.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BosAnalyzer } from '../../src/core/index.ts'
import { writeRealisticHar, writeSyntheticHar } from './generate.ts'

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number)
const REPEAT = Number(process.env.BENCH_REPEAT ?? 5)
const dir = mkdtempSync(join(tmpdir(), 'bos-bench-'))
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

// A child process that reports its own wall time and peak RSS.
const probe = join(dir, 'probe.mjs')
writeFileSync(
  probe,
  `const t0 = performance.now(); process.on('exit', () => process.stderr.write('\\nBENCH ' + JSON.stringify({ ms: performance.now() - t0, rssKb: process.resourceUsage().maxRSS }) + '\\n'))\n`,
)
function runProcess(args: string[]): { ms: number; rssKb: number } {
  const r = spawnSync(process.execPath, ['--import', `file://${probe}`, ...args], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 })
  const line = /BENCH (.*)/.exec(r.stderr)?.[1]
  if (r.status !== 0 || !line) throw new Error(`child failed (${r.status}): ${r.stderr.slice(0, 500)}`)
  return JSON.parse(line) as { ms: number; rssKb: number }
}

console.log(`bos-devtools bench: node ${process.version}, sizes ${SIZES.join('/')}, median of ${REPEAT}\n`)
console.log('In-process, the core alone (same bytes, same run):')
console.log('entries   MB      JSON.parse ms  analyze ms  analyze/parse  µs per entry')
const perEntry: number[] = []
for (const n of SIZES) {
  const file = join(dir, `h${n}.har`)
  await writeSyntheticHar(file, n)
  const text = readFileSync(file, 'utf8')
  const parseMs: number[] = []
  const analyzeMs: number[] = []
  for (let r = 0; r < REPEAT; r++) {
    let t = performance.now()
    const har = JSON.parse(text) as { log: { entries: unknown[] } }
    parseMs.push(performance.now() - t)
    t = performance.now()
    const an = new BosAnalyzer()
    an.prescan(har.log.entries)
    let found = 0
    for (let i = 0; i < har.log.entries.length; i++) if (an.analyze(har.log.entries[i], i)) found++
    analyzeMs.push(performance.now() - t)
    if (!found) throw new Error('no BOS entries found: the generator or the analyzer is broken')
  }
  const p = median(parseMs)
  const a = median(analyzeMs)
  perEntry.push((a * 1000) / n)
  console.log(
    `${String(n).padEnd(9)} ${(statSync(file).size / 1e6).toFixed(1).padEnd(7)} ${p.toFixed(0).padEnd(14)} ${a.toFixed(0).padEnd(11)} ${(a / p).toFixed(2).padEnd(14)} ${((a * 1000) / n).toFixed(1)}`,
  )
}
console.log(`linearity: cost per entry at ${SIZES.at(-1)} vs ${SIZES[0]} entries: ${(perEntry.at(-1)! / perEntry[0]!).toFixed(2)}x\n`)

const cli = join(process.cwd(), 'dist-cli', 'bos-devtools.mjs')
type Run = { ms: number; rssKb: number }
/**
 * Medians of `repeat` runs of `analyze --json` on `file` and, with `withParse`, of a process that only reads
 * and JSON.parses it, run in pairs back to back; `ratio` is the median of the pairs' time ratios (the machine
 * drifts between pairs more than within one), with their spread.
 */
function measure(file: string, repeat: number, withParse: boolean): { parse: Run | null; analyze: Run; ratio: number; spread: string } {
  const parseArgs = ['-e', `JSON.parse(require('fs').readFileSync(${JSON.stringify(file)}, 'utf8'))`]
  const analyzeArgs = [cli, 'analyze', file, '--json']
  // One pair untimed first: the file into the page cache, and both programs' files too.
  if (withParse) runProcess(parseArgs)
  runProcess(analyzeArgs)
  const parse: Run[] = []
  const analyze: Run[] = []
  for (let r = 0; r < repeat; r++) {
    if (withParse) parse.push(runProcess(parseArgs))
    analyze.push(runProcess(analyzeArgs))
  }
  const med = (runs: Run[]): Run => ({ ms: median(runs.map((b) => b.ms)), rssKb: median(runs.map((b) => b.rssKb)) })
  const ratios = withParse ? analyze.map((a, k) => a.ms / parse[k]!.ms).sort((a, b) => a - b) : [Number.NaN]
  const spread = `pairs ${ratios[0]!.toFixed(2)}–${ratios.at(-1)!.toFixed(2)}`
  return { parse: withParse ? med(parse) : null, analyze: med(analyze), ratio: median(ratios), spread }
}

const biggest = join(dir, `h${SIZES.at(-1)}.har`)
console.log(
  `Whole process on ${(statSync(biggest).size / 1e6).toFixed(0)} MB (${SIZES.at(-1)} entries): "analyze --json" vs a process that only reads and JSON.parses the file`,
)
const synthetic = measure(biggest, REPEAT, true)
const { ms: bt, rssKb: br } = synthetic.parse!
const { ms: ft, rssKb: fr } = synthetic.analyze
const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS')
const results: string[] = []
function goal(name: string, value: number, limit: number, detail: string): void {
  const line = `${verdict(value <= limit).padEnd(5)} ${name}: ${value.toFixed(2)} (goal <= ${limit}) ${detail}`
  results.push(line)
  console.log(line)
}
goal('synthetic 100k entries, time vs JSON.parse', synthetic.ratio, 1.5, `medians ${ft.toFixed(0)} ms vs ${bt.toFixed(0)} ms, ${synthetic.spread}`)
console.log(`      peak RSS vs the JSON.parse process: ${(fr / br).toFixed(2)} (${(fr / 1024).toFixed(0)} MB vs ${(br / 1024).toFixed(0)} MB)`)
rmSync(biggest, { force: true })

// Realistic sessions (most bytes are bodies of requests that are not BOS): time against a bare JSON.parse
// of the same file, and peak RSS against the file's size; then a file too big for one string.
const REAL_MB = Number(process.env.BENCH_REAL_MB ?? 200)
const HUGE_MB = Number(process.env.BENCH_HUGE_MB ?? 720)
const real = join(dir, 'real.har')
let t0 = performance.now()
const realEntries = await writeRealisticHar(real, REAL_MB * 1e6)
const realSize = statSync(real).size
console.log(
  `\nRealistic session: ${(realSize / 1e6).toFixed(0)} MB, ${realEntries} entries, ~12% BOS (generated in ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
)
const realistic = measure(real, REPEAT, true)
const rbt = realistic.parse!.ms
const { ms: rft, rssKb: rfr } = realistic.analyze
goal('realistic, analyze --json time vs JSON.parse', realistic.ratio, 0.35, `medians ${rft.toFixed(0)} ms vs ${rbt.toFixed(0)} ms, ${realistic.spread}`)
goal('realistic, peak RSS vs file size', (rfr * 1024) / realSize, 0.5, `${(rfr / 1024).toFixed(0)} MB for ${(realSize / 1e6).toFixed(0)} MB`)
rmSync(real, { force: true })

const huge = join(dir, 'huge.har')
t0 = performance.now()
const hugeEntries = await writeRealisticHar(huge, HUGE_MB * 1e6, 11)
const hugeSize = statSync(huge).size
console.log(`\nRealistic session: ${(hugeSize / 1e6).toFixed(0)} MB, ${hugeEntries} entries (generated in ${((performance.now() - t0) / 1000).toFixed(1)} s)`)
const { ms: hft, rssKb: hfr } = measure(huge, Math.min(REPEAT, 2), false).analyze
goal(
  `${(hugeSize / 1e6).toFixed(0)} MB analysed, peak RSS vs the ${(realSize / 1e6).toFixed(0)} MB run's`,
  hfr / rfr,
  1.3,
  `${(hfr / 1024).toFixed(0)} MB vs ${(rfr / 1024).toFixed(0)} MB, in ${(hft / 1000).toFixed(1)} s (${(hugeSize / 1e6 / (hft / 1000)).toFixed(0)} MB/s)`,
)
// redact parses and writes back every entry, bodies and all; its memory must stay flat too (no goal).
const red = runProcess([cli, 'redact', huge])
console.log(
  `      redact of the same file: ${(red.ms / 1000).toFixed(1)} s (${(hugeSize / 1e6 / (red.ms / 1000)).toFixed(0)} MB/s), peak RSS ${(red.rssKb / 1024).toFixed(0)} MB (${((red.rssKb * 1024) / hugeSize).toFixed(2)} of the file's size)`,
)
rmSync(huge, { force: true })

console.log(`\nGoals (issue 13):\n${results.join('\n')}`)
rmSync(dir, { recursive: true, force: true })
