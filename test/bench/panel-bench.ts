// `npm run bench:panel`: the panel with 10,000 BOS requests in Debian's Chromium. A production build of
// test/bench/panel-bench.html mounts the real panel (main.tsx) over the real capture store; each step
// (backfill + render, import + render, filter, unfilter) is reported as a ratio to the core alone
// analysing the same entries in the same page and run. Also checks that the DOM holds only the rows the
// viewport needs, however many requests there are.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { extname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'
import preact from '@preact/preset-vite'
import { chromium } from 'playwright-core'
import { build } from 'vite'
import { BosAnalyzer } from '../../src/core/index.ts'
import { writeSyntheticHar } from './generate.ts'
import type { BenchRun } from './panel-bench-page.ts'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const BOS = Number(process.env.BENCH_PANEL_ENTRIES ?? 10_000)
const REPEAT = Number(process.env.BENCH_REPEAT ?? 3)
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const OVERSCAN = 8
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

const dir = mkdtempSync(join(tmpdir(), 'bos-panel-bench-'))
const out = join(dir, 'site')
let browser: Awaited<ReturnType<typeof chromium.launch>> | undefined
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '')
  try {
    const body = readFileSync(join(out, path))
    const type = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.har': 'application/json' }[extname(path)] ?? 'application/octet-stream'
    res.writeHead(200, { 'content-type': type }).end(body)
  } catch {
    res.writeHead(404).end()
  }
})

try {
  // A seeded synthetic session (BOS requests among page noise), cut after exactly BOS entries the core calls BOS.
  const raw = join(dir, 'raw.har')
  await writeSyntheticHar(raw, Math.ceil(BOS / 0.55))
  const har = JSON.parse(readFileSync(raw, 'utf8')) as { log: { entries: unknown[] } }
  const an = new BosAnalyzer()
  let found = 0
  let cut = 0
  while (found < BOS && cut < har.log.entries.length) if (an.analyze(har.log.entries[cut], cut++)) found++
  if (found < BOS) throw new Error(`the generator gave only ${found} BOS entries`)
  har.log.entries = har.log.entries.slice(0, cut)

  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    plugins: [preact()],
    build: { outDir: out, emptyOutDir: true, target: 'es2022', rollupOptions: { input: join(ROOT, 'test/bench/panel-bench.html') } },
  })
  writeFileSync(join(out, 'bench.har'), JSON.stringify(har))
  const size = readFileSync(join(out, 'bench.har')).length
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
  const version = browser.version()
  const runs: BenchRun[] = []
  for (let r = 0; r < REPEAT; r++) {
    // A fresh page per run: no store, DOM or JIT state carried over.
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } })
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(String(e)))
    await page.goto(`${url}/test/bench/panel-bench.html`)
    await page.waitForFunction(() => typeof window.__bench === 'function', undefined, { timeout: 30_000 })
    runs.push(await page.evaluate((u) => window.__bench!(u), `${url}/bench.har`))
    if (errors.length) throw new Error(`page errors: ${errors.join(' | ')}`)
    await page.close()
  }

  const core = median(runs.map((x) => x.coreMs))
  const ratio = (pick: (x: BenchRun) => number) => median(runs.map((x) => pick(x) / x.coreMs))
  const ms = (pick: (x: BenchRun) => number) => median(runs.map(pick))
  console.log(
    `bos-devtools panel bench: Chromium ${version}, ${BOS} BOS requests among ${cut} HAR entries (${(size / 1e6).toFixed(1)} MB), median of ${REPEAT} runs, each in a fresh page`,
  )
  console.log(
    `baseline: the core alone (prescan + analyse every entry) in the same page: ${core.toFixed(0)} ms; JSON.parse of the file: ${ratio((x) => x.parseMs).toFixed(2)}× that\n`,
  )
  console.log('step                                               × core   (ms, for scale)   rows in DOM')
  const line = (name: string, pick: (x: BenchRun) => { ms: number; rows: number }) =>
    console.log(
      `${name.padEnd(50)} ${ratio((x) => pick(x).ms)
        .toFixed(2)
        .padStart(6)}   ${ms((x) => pick(x).ms)
        .toFixed(0)
        .padStart(8)}          ${Math.max(...runs.map((x) => pick(x).rows))}`,
    )
  line('capture backfill (getHAR → store → list rendered)', (x) => x.backfill)
  line('import HAR text (parse → store → list rendered)', (x) => x.importHar)
  line('import HAR file streamed (as the panel: → rendered)', (x) => x.importStream)
  line(`filter "RequestExpired" (→ ${runs[0]!.filter.shown} rows, rendered)`, (x) => x.filter)
  line('clear the filter (→ all rows, rendered)', (x) => x.unfilter)

  // The list is windowed: what the DOM holds depends on the viewport, not on the number of requests.
  const bound = Math.max(...runs.map((x) => x.viewportRows)) + 1 + 2 * OVERSCAN
  const most = Math.max(...runs.flatMap((x) => [x.backfill.rows, x.importHar.rows, x.importStream.rows, x.filter.rows, x.unfilter.rows]))
  console.log(`\nrow elements in the DOM: at most ${most} for ${BOS} requests (bound: ${bound} = rows in the viewport + overscan)`)
  if (most > bound || most < 10) throw new Error(`DOM rows not bounded by the viewport: ${most} (bound ${bound})`)
  if (runs.some((x) => x.bosEntries !== BOS)) throw new Error('the page saw a different number of BOS entries')
} finally {
  await browser?.close()
  server.close()
  rmSync(dir, { recursive: true, force: true })
}
