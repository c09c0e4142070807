// `npm run bench`: speed and memory of the analyzer, as ratios measured side by side in one run
// (these machines are noisy; a bare time means little). Writes synthetic HARs to a temp folder.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BosAnalyzer } from '../../src/core/index.ts'
import { writeSyntheticHar } from './generate.ts'

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number)
const REPEAT = Number(process.env.BENCH_REPEAT ?? 3)
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
const biggest = join(dir, `h${SIZES.at(-1)}.har`)
console.log(
  `Whole process on ${(statSync(biggest).size / 1e6).toFixed(0)} MB (${SIZES.at(-1)} entries): "analyze --json" vs a process that only reads and JSON.parses the file`,
)
const base: { ms: number; rssKb: number }[] = []
const full: { ms: number; rssKb: number }[] = []
for (let r = 0; r < REPEAT; r++) {
  base.push(runProcess(['-e', `JSON.parse(require('fs').readFileSync(${JSON.stringify(biggest)}, 'utf8'))`]))
  full.push(runProcess([cli, 'analyze', biggest, '--json']))
}
const bt = median(base.map((b) => b.ms))
const ft = median(full.map((b) => b.ms))
const br = median(base.map((b) => b.rssKb))
const fr = median(full.map((b) => b.rssKb))
console.log(`time:     ${ft.toFixed(0)} ms vs ${bt.toFixed(0)} ms  ratio ${(ft / bt).toFixed(2)} (budget 1.5)`)
console.log(`peak RSS: ${(fr / 1024).toFixed(0)} MB vs ${(br / 1024).toFixed(0)} MB  ratio ${(fr / br).toFixed(2)} (budget 1.5)`)
rmSync(dir, { recursive: true, force: true })
