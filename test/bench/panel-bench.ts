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
import type { SoakRun } from './panel-soak-page.ts'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const BOS = Number(process.env.BENCH_PANEL_ENTRIES ?? 10_000)
const REPEAT = Number(process.env.BENCH_REPEAT ?? 3)
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const OVERSCAN = 8
const SOAK_REQUESTS = Number(process.env.BENCH_SOAK_REQUESTS ?? 20_000)
const SOAK_RATE = Number(process.env.BENCH_SOAK_RATE ?? 100)
const UPLOAD_PARTS = Number(process.env.BENCH_UPLOAD_PARTS ?? 10_000)
const CAPACITY = 5000 // the store's default (DEFAULT_CAPACITY)
const kb = (bytes: number) => (bytes / 1024).toFixed(1)
const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS')
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

  await memoryAndSoak(url)
} finally {
  await browser?.close()
  server.close()
  rmSync(dir, { recursive: true, force: true })
}

type Page = Awaited<ReturnType<NonNullable<typeof browser>['newPage']>>

/** A fresh bench page and a DevTools-protocol session on it (for garbage collection and heap size). */
async function benchPage(url: string): Promise<{ page: Page; heap: () => Promise<number> }> {
  const page = await browser!.newPage({ viewport: { width: 1200, height: 800 } })
  page.on('pageerror', (e) => console.error(`page error: ${e}`))
  await page.goto(`${url}/test/bench/panel-bench.html`)
  await page.waitForFunction(() => typeof window.__soak === 'function', undefined, { timeout: 30_000 })
  const cdp = await page.context().newCDPSession(page)
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage')
    await cdp.send('HeapProfiler.collectGarbage')
    return (await cdp.send('Runtime.getHeapUsage')).usedSize
  }
  return { page, heap }
}

/** Upload-session memory per part, a 10,000-part upload through the store and panel, then the live soak. */
async function memoryAndSoak(url: string): Promise<void> {
  console.log(`\nupload sessions beyond the row buffer (${UPLOAD_PARTS} parts of 4 MB; heap measured after GC over the DevTools protocol)`)
  for (const preflights of [false, true]) {
    const { page, heap } = await benchPage(url)
    const before = await heap()
    const parts = await page.evaluate(([n, p]) => window.__sessionProbe!(n, p), [UPLOAD_PARTS, preflights] as const)
    const after = await heap()
    if (parts !== UPLOAD_PARTS) throw new Error(`the probe kept ${parts} parts`)
    console.log(`  session facts per part${preflights ? ', with its CORS preflight' : ''}: ${((after - before) / UPLOAD_PARTS).toFixed(0)} bytes`)
    await page.close()
  }
  {
    const { page, heap } = await benchPage(url)
    const before = await heap()
    const run = await page.evaluate((n) => window.__bigUpload!(n), UPLOAD_PARTS)
    const after = await heap()
    console.log(
      `  store + panel holding the upload (${run.requests} requests, ${run.listed} rows listed): ${kb(after - before)} KB; Upload tab of its last part: ` +
        `${run.partsInTable} parts in its table, ${run.partRowsInDom} part rows in the DOM, opened in ${run.openMs.toFixed(0)} ms`,
    )
    console.log(`  it says: "${run.rowsDroppedText}"`)
    if (run.partsInTable !== UPLOAD_PARTS) throw new Error(`the Upload tab lists ${run.partsInTable} of ${UPLOAD_PARTS} parts`)
    if (run.partRowsInDom > 100) throw new Error(`the part table is not windowed: ${run.partRowsInDom} rows in the DOM`)
    await page.close()
  }

  if (SOAK_REQUESTS <= 0) return
  console.log(`\nlive soak: ${SOAK_REQUESTS} requests at ${SOAK_RATE}/s with the panel open (row buffer ${CAPACITY}; the store and panel share the page here)`)
  const { page, heap } = await benchPage(url)
  const heaps: { sent: number; bytes: number }[] = [{ sent: 0, bytes: await heap() }]
  const done = page.evaluate((o) => window.__soak!(o), { requests: SOAK_REQUESTS, perSecond: SOAK_RATE, capacity: CAPACITY })
  const marks = [CAPACITY, ...Array.from({ length: Math.floor(SOAK_REQUESTS / 5000) }, (_, i) => (i + 1) * 5000)].filter(
    (m, i, a) => m <= SOAK_REQUESTS && a.indexOf(m) === i,
  )
  let finished = false
  void done.finally(() => (finished = true))
  while (!finished && marks.length) {
    const sent = await page.evaluate(() => window.__soakState?.sent ?? 0)
    if (sent >= marks[0]!) {
      marks.shift()
      heaps.push({ sent, bytes: await heap() })
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  const run: SoakRun = await done
  heaps.push({ sent: run.sent, bytes: await heap() })
  await page.close()

  const atCap = heaps.find((h) => h.sent >= Math.min(CAPACITY, run.sent))!
  const end = heaps[heaps.length - 1]!
  const fill = (atCap.bytes - heaps[0]!.bytes) / atCap.sent
  const after = run.sent > atCap.sent ? (end.bytes - atCap.bytes) / (run.sent - atCap.sent) : 0
  const expectDropped = Math.max(0, run.sent - CAPACITY)
  const countOk = run.countText.includes(`${run.listed} requests`) && (expectDropped === 0 || run.countText.includes(`${expectDropped} dropped`))
  const lostOk = run.mismatched === 0 && run.listed === Math.min(CAPACITY, run.sent) && run.dropped === expectDropped
  console.log(
    `  sent ${run.sent} in ${(run.elapsedMs / 1000).toFixed(1)} s (${((run.sent * 1000) / run.elapsedMs).toFixed(0)}/s); listed ${run.listed}, dropped ${run.dropped}, listed but not the last sent: ${run.mismatched}  ${verdict(lostOk)}`,
  )
  console.log(`  the toolbar says "${run.countText}"  ${verdict(countOk)}`)
  console.log(`  heap after GC: ${heaps.map((h) => `${h.sent}: ${kb(h.bytes)} KB`).join(', ')}`)
  console.log(
    `  heap per request while the list fills: ${kb(fill)} KB; past the cap: ${kb(after)} KB (${(after / fill).toFixed(2)}× the filling rate; goal ≤ 0.25, the rows are the memory)  ${verdict(after <= 0.25 * fill)}`,
  )
  console.log(
    run.longTaskMs === null
      ? '  main thread: this browser does not report long tasks'
      : `  main thread in tasks over 50 ms: ${((100 * run.longTaskMs) / run.elapsedMs).toFixed(1)}% of the soak, longest ${run.longestTaskMs.toFixed(0)} ms`,
  )
  const fr = run.filter.soak / run.filter.rest
  const sr = run.scroll.soak / run.scroll.rest
  console.log(
    `  filter "NoSuchKey" and back, during the soak vs at rest on the same list: ${fr.toFixed(2)}× (${run.filter.soak.toFixed(0)} vs ${run.filter.rest.toFixed(0)} ms; goal ≤ 2)  ${verdict(fr <= 2)}`,
  )
  console.log(
    `  scroll to a new position → rows laid out, median of ${run.scroll.samples}, during vs at rest: ${sr.toFixed(2)}× (${run.scroll.soak.toFixed(0)} vs ${run.scroll.rest.toFixed(0)} ms; goal ≤ 2)  ${verdict(sr <= 2)}`,
  )
  console.log(`  row elements in the DOM at the end: ${run.rows}`)
  if (!lostOk || !countOk) throw new Error('the soak lost requests or miscounted them')
}
