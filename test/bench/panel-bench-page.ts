// The page test/bench/panel-bench.ts drives in Chromium: the real panel entry (main.tsx) over the real
// capture store, fed by a fake DevTools. Each step is timed against the core alone analysing the same
// entries in the same page, so the report is a set of ratios, not bare times.
import { BosAnalyzer } from '../../src/core/index.ts'
import { createCaptureStore } from '../../src/devtools/capture-store.ts'
import { streamImport } from '../../src/panel/har-stream-import.ts'
import { FILTER_DEBOUNCE_MS } from '../../src/panel/Toolbar.tsx'
import { FakeDevtools } from '../helpers/fake-devtools.ts'
import { installSoak } from './panel-soak-page.ts'

export interface StepResult {
  ms: number
  /** Row elements in the DOM once the step has rendered. */
  rows: number
}

export interface BenchRun {
  bosEntries: number
  parseMs: number
  coreMs: number
  backfill: StepResult
  importHar: StepResult
  importStream: StepResult
  filter: StepResult & { shown: number }
  unfilter: StepResult
  /** Rows the viewport holds: the DOM bound is this plus overscan. */
  viewportRows: number
}

declare global {
  interface Window {
    __bench?: (url: string) => Promise<BenchRun>
  }
}

// When did the filter's debounce timer fire? The filter is timed from there, not from the keystroke.
let debounceFiredAt = 0
const realSetTimeout = window.setTimeout.bind(window)
window.setTimeout = ((fn: TimerHandler, ms?: number, ...args: unknown[]) =>
  realSetTimeout(
    typeof fn === 'function' && ms === FILTER_DEBOUNCE_MS
      ? (...a: unknown[]) => {
          debounceFiredAt = performance.now()
          ;(fn as (...x: unknown[]) => void)(...a)
        }
      : fn,
    ms,
    ...args,
  )) as typeof window.setTimeout

const rowCount = () => document.querySelectorAll('[data-testid=bos-row]').length
const countText = () => document.querySelector('[data-testid=count]')?.textContent ?? ''

/** Resolves with the time the DOM first satisfied `done`, after forcing the layout of that DOM. */
function rendered(done: () => boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!done()) return false
      document.body.getBoundingClientRect() // style and layout are part of rendering
      resolve(performance.now())
      return true
    }
    if (check()) return
    const mo = new MutationObserver(() => check() && mo.disconnect())
    mo.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true })
    realSetTimeout(() => (mo.disconnect(), reject(new Error(`timed out; count says "${countText()}"`))), 120_000)
  })
}

const nextFrame = () => new Promise((r) => requestAnimationFrame(() => realSetTimeout(r, 0)))

async function mountFresh(store: Parameters<NonNullable<Window['__bosAttach']>>[0]): Promise<void> {
  window.__bosAttach!(store)
  await rendered(() => !!document.querySelector('[data-testid=app]'))
  await nextFrame()
}

/** Types into the filter: from the debounced filter firing to `done` rendered. */
async function typeFilter(value: string, done: () => boolean): Promise<StepResult> {
  const input = document.querySelector<HTMLInputElement>('[data-testid=filter]')!
  debounceFiredAt = 0
  input.value = value
  input.dispatchEvent(new Event('input', { bubbles: true }))
  const end = await rendered(() => debounceFiredAt > 0 && done())
  return { ms: end - debounceFiredAt, rows: rowCount() }
}

installSoak({ realSetTimeout, rendered, nextFrame, mountFresh, typeFilter, countText, rowCount })

window.__bench = async (url: string): Promise<BenchRun> => {
  const text = await (await fetch(url)).text()
  let t = performance.now()
  const entries = (JSON.parse(text) as { log: { entries: unknown[] } }).log.entries
  const parseMs = performance.now() - t

  // The core alone: the same work the CLI does on these entries (prescan + analyse each). Once untimed,
  // so the baseline is not the only step that runs on a cold JIT.
  const analyseAll = () => {
    const an = new BosAnalyzer()
    an.prescan(entries)
    let n = 0
    for (let i = 0; i < entries.length; i++) if (an.analyze(entries[i], i)) n++
    return n
  }
  analyseAll()
  t = performance.now()
  const bos = analyseAll()
  const coreMs = performance.now() - t
  const all = `${bos} requests`

  // Live capture's backfill: getHAR() hands the entries over, the store trims and analyses, the list renders.
  const fake = new FakeDevtools()
  fake.harEntries = entries as typeof fake.harEntries
  const backfillStore = createCaptureStore(fake, { capacity: bos })
  await mountFresh(backfillStore)
  t = performance.now()
  void backfillStore.start()
  const backfillMs = (await rendered(() => countText() === all)) - t
  const backfill = { ms: backfillMs, rows: rowCount() }
  await nextFrame()

  // Import of the same HAR file's text: parse, prescan, analyse, commit, render.
  const importStore = createCaptureStore(new FakeDevtools(), { capacity: bos })
  await importStore.start()
  await mountFresh(importStore)
  t = performance.now()
  const result = await importStore.importHar(text, 'bench.har')
  if (!result.ok || result.added !== bos) throw new Error(`import: ${JSON.stringify(result)}`)
  const importMs = (await rendered(() => countText() === all)) - t
  const importHar = { ms: importMs, rows: rowCount() }
  await nextFrame()

  // Import as the panel does it: the file streamed through the core's reader, BOS entries to the store in
  // batches, yielding between them, committed at the end, rendered.
  const streamStore = createCaptureStore(new FakeDevtools(), { capacity: bos })
  await streamStore.start()
  await mountFresh(streamStore)
  const file = new File([text], 'bench.har', { type: 'application/json' })
  t = performance.now()
  const streamed = await streamImport(file, 'bench.har', streamStore.beginImport('bench.har'), {
    customHosts: [],
    signal: new AbortController().signal,
    onProgress: () => {},
  })
  if (streamed.kind !== 'done' || !streamed.result.ok || streamed.result.added !== bos) throw new Error(`streamed import: ${JSON.stringify(streamed)}`)
  const importStream = { ms: (await rendered(() => countText() === all)) - t, rows: rowCount() }
  await nextFrame()

  // Typing into the filter: from the debounced filter firing to the filtered list on screen, and back.
  const filter = await typeFilter('RequestExpired', () => countText().includes(' / '))
  const shown = Number(/^(\d+) \//.exec(countText())?.[1])
  await nextFrame()
  const unfilter = await typeFilter('', () => countText() === all)

  const scroller = document.querySelector<HTMLElement>('[data-testid=bos-scroller]')!
  return {
    bosEntries: bos,
    parseMs,
    coreMs,
    backfill,
    importHar,
    importStream,
    filter: { ...filter, shown },
    unfilter,
    viewportRows: Math.ceil(scroller.clientHeight / 21),
  }
}

await import('../../src/panel/main.tsx')
