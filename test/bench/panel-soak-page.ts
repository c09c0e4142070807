// The panel bench's memory and soak steps, run in the bench page (panel-bench-page.ts imports this):
// - __sessionProbe: one analyzer's upload-session facts for an N-part upload, kept on the window so the
//   bench can weigh them (heap after GC, over the DevTools protocol, before and after);
// - __bigUpload: the real store and panel holding an N-part upload (with preflights) past the row buffer;
// - __soak: requests arriving at a steady rate with the panel open; what is listed, dropped and shown,
//   and filter and scroll steps timed during the soak and again at rest on the same list.
import { BosAnalyzer } from '../../src/core/index.ts'
import { createCaptureStore } from '../../src/devtools/capture-store.ts'
import type { CaptureStore } from '../../src/devtools/capture-store.ts'
import { DEFAULT_SESSION_ENTRIES } from '../../src/devtools/store-types.ts'
import { FakeDevtools, type FakeContent } from '../helpers/fake-devtools.ts'
import { BOS_HEADERS, bosError, entry } from '../helpers/har.ts'

export interface SoakOptions {
  requests: number
  perSecond: number
  capacity: number
}

export interface SoakRun {
  sent: number
  elapsedMs: number
  listed: number
  dropped: number
  /** Listed requests that are not exactly the last `listed` sent, in order (0: nothing lost below the cap). */
  mismatched: number
  countText: string
  /** Time in tasks over 50 ms (the Long Tasks API); null where the browser does not report them. */
  longTaskMs: number | null
  longestTaskMs: number
  filter: { soak: number; rest: number }
  scroll: { soak: number; rest: number; samples: number }
  /** Row elements in the DOM at the end. */
  rows: number
}

export interface BigUploadRun {
  parts: number
  requests: number
  listed: number
  /** Part rows of the Upload tab in the DOM, and the part count its table says. */
  partRowsInDom: number
  partsInTable: number
  rowsDroppedText: string
  openMs: number
}

declare global {
  interface Window {
    __sessionProbe?: (parts: number, preflights: boolean) => number
    __probe?: unknown
    __bigUpload?: (parts: number) => Promise<BigUploadRun>
    __soak?: (o: SoakOptions) => Promise<SoakRun>
    __soakState?: { sent: number; done: boolean }
  }
}

export interface PageTools {
  realSetTimeout: typeof setTimeout
  rendered: (done: () => boolean) => Promise<number>
  nextFrame: () => Promise<unknown>
  mountFresh: (store: CaptureStore) => Promise<void>
  typeFilter: (value: string, done: () => boolean) => Promise<{ ms: number; rows: number }>
  countText: () => string
  rowCount: () => number
}

const T0 = Date.parse('2026-11-26T04:00:00Z')
const B = 'https://mybucket.bj.bcebos.com'
const PARTS_PER_UPLOAD = 500
const uploadId = (s: number) => `soak-upload-${String(s).padStart(6, '0')}`
const etag = (n: number) => n.toString(16).padStart(32, '0')

/** One request of an N-part upload as a browser sends it: the Initiate, then a preflight and a PUT per part. */
function uploadRequest(id: string, key: string, n: number, preflight: boolean, k: number): Record<string, unknown> {
  const started = new Date(T0 + k).toISOString()
  const res = { ...BOS_HEADERS, 'x-bce-request-id': `rid-${id}-${k}` }
  if (n === 0) return entry({ method: 'POST', url: `${B}/${key}?uploads`, started, res, body: JSON.stringify({ bucket: 'mybucket', key, uploadId: id }) })
  const url = `${B}/${key}?partNumber=${n}&uploadId=${id}`
  if (preflight) return entry({ method: 'OPTIONS', url, started, res: { 'Access-Control-Allow-Origin': '*', 'x-bce-request-id': res['x-bce-request-id'] } })
  return entry({ method: 'PUT', url, started, req: { 'Content-Length': String(4 << 20) }, res: { ...res, ETag: `"${etag(n)}"` }, body: '' })
}

function* uploadEntries(id: string, parts: number, preflights: boolean): Generator<Record<string, unknown>> {
  let k = 0
  yield uploadRequest(id, 'big/file.bin', 0, false, k++)
  for (let n = 1; n <= parts; n++) {
    if (preflights) yield uploadRequest(id, 'big/file.bin', n, true, k++)
    yield uploadRequest(id, 'big/file.bin', n, false, k++)
  }
}

/**
 * The soak's traffic: request k of a steady mix. Six in ten are multipart (preflight + PUT pairs,
 * uploads of 500 parts, each opened by an Initiate), one a 404 with its error body, the rest plain PUTs.
 */
function soakRequest(k: number, parts: { n: number }): { entry: Record<string, unknown>; content: FakeContent } {
  const slot = k % 10
  const started = new Date(T0 + k * 10).toISOString()
  const res = { ...BOS_HEADERS, 'x-bce-request-id': `soak-${k}` }
  if (slot < 6) {
    const p = parts.n
    const s = Math.floor(p / PARTS_PER_UPLOAD)
    const n = (p % PARTS_PER_UPLOAD) + 1
    if (slot % 2 === 1) parts.n++
    if (n === 1 && slot % 2 === 0) {
      const e = entry({
        method: 'POST',
        url: `${B}/up/${s}.bin?uploads`,
        started,
        res,
        body: JSON.stringify({ bucket: 'mybucket', key: `up/${s}.bin`, uploadId: uploadId(s) }),
      })
      return { entry: e, content: JSON.stringify({ bucket: 'mybucket', key: `up/${s}.bin`, uploadId: uploadId(s) }) }
    }
    const url = `${B}/up/${s}.bin?partNumber=${n}&uploadId=${uploadId(s)}`
    if (slot % 2 === 0)
      return { entry: entry({ method: 'OPTIONS', url, started, res: { 'Access-Control-Allow-Origin': '*', 'x-bce-request-id': `soak-${k}` } }), content: '' }
    return {
      entry: entry({ method: 'PUT', url, started, req: { 'Content-Length': String(4 << 20) }, res: { ...res, ETag: `"${etag(n)}"` }, body: null }),
      content: '',
    }
  }
  if (slot === 6) {
    const body = bosError('NoSuchKey', 'The specified key does not exist.', `soak-${k}`)
    return { entry: entry({ method: 'GET', url: `${B}/missing/${k}.txt`, started, status: 404, res, body: null, bodySize: body.length }), content: body }
  }
  return { entry: entry({ method: 'PUT', url: `${B}/docs/${k}.txt`, started, res, body: null }), content: '' }
}

export function installSoak(tools: PageTools): void {
  window.__sessionProbe = (parts, preflights) => {
    const an = new BosAnalyzer({ sessionLimits: { maxEntries: DEFAULT_SESSION_ENTRIES } })
    let i = 0
    for (const e of uploadEntries('probe-upload', parts, preflights)) an.analyze(e, i++)
    window.__probe = an // kept, so the bench weighs it; the entries themselves are garbage now
    return an.sessions.uploadSession('probe-upload')?.parts.length ?? 0
  }

  window.__bigUpload = async (parts) => {
    const fake = new FakeDevtools()
    const store = createCaptureStore(fake)
    await store.start()
    await tools.mountFresh(store)
    let requests = 0
    for (const e of uploadEntries('big-upload', parts, true)) {
      fake.finish(e, requests === 0 ? ((e.response as { content: { text?: string } }).content.text ?? '') : '')
      requests++
    }
    await store.idle()
    const listed = store.getSnapshot().records.length
    await tools.rendered(() => tools.countText().startsWith(`${listed} requests`))
    window.__probe = store
    const rows = document.querySelectorAll<HTMLElement>('[data-testid=bos-row]')
    const t = performance.now()
    rows[rows.length - 1]!.click()
    await tools.rendered(() => !!document.querySelector('[data-testid=tab-upload]'))
    document.querySelector<HTMLElement>('[data-testid=tab-upload]')!.click()
    const end = await tools.rendered(() => !!document.querySelector('[data-testid=session-parts]'))
    const table = document.querySelector('[data-testid=session-parts]')!
    return {
      parts,
      requests,
      listed: store.getSnapshot().records.length,
      partRowsInDom: table.querySelectorAll('[data-testid=session-part]').length,
      partsInTable: Number(table.getAttribute('aria-rowcount')) - 1,
      rowsDroppedText: document.querySelector('[data-testid=session-rows-dropped]')?.textContent ?? '',
      openMs: end - t,
    }
  }

  window.__soak = async ({ requests, perSecond, capacity }) => {
    const fake = new FakeDevtools()
    const store = createCaptureStore(fake, { capacity })
    await store.start()
    await tools.mountFresh(store)
    window.__probe = store
    const state: { sent: number; done: boolean } = (window.__soakState = { sent: 0, done: false })
    let longTaskMs = 0
    let longestTaskMs = 0
    const lt = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        longTaskMs += e.duration
        longestTaskMs = Math.max(longestTaskMs, e.duration)
      }
    })
    lt.observe({ type: 'longtask', buffered: false })

    const scroller = document.querySelector<HTMLElement>('[data-testid=bos-scroller]')!
    /** Whether the rendered rows cover the scroller's viewport (after a scroll: the new window is in). */
    const covered = () => {
      const rows = scroller.querySelectorAll('[data-testid=bos-row]')
      if (!rows.length) return false
      const box = scroller.getBoundingClientRect()
      return rows[0]!.getBoundingClientRect().top <= box.top + 1 && rows[rows.length - 1]!.getBoundingClientRect().bottom >= box.bottom - 1
    }
    /** Scroll steps to fixed fractions of the list: from the scroll to the rows of the new position laid out. */
    const scrollSteps = async (): Promise<number[]> => {
      const out: number[] = []
      for (const f of [0.1, 0.5, 0.3, 0.8, 0.2, 0.6]) {
        const t = performance.now()
        scroller.scrollTop = Math.floor(f * (scroller.scrollHeight - scroller.clientHeight))
        scroller.dispatchEvent(new Event('scroll'))
        await tools.nextFrame() // the old window is still in the DOM until the scroll is handled
        out.push((await tools.rendered(covered)) - t)
      }
      scroller.scrollTop = scroller.scrollHeight // back to the bottom: the list follows new rows again
      scroller.dispatchEvent(new Event('scroll'))
      return out
    }
    const filterStep = async (): Promise<number> => {
      const on = await tools.typeFilter('NoSuchKey', () => tools.countText().includes(' / '))
      await tools.nextFrame()
      const off = await tools.typeFilter('', () => !tools.countText().includes(' / '))
      return (on.ms + off.ms) / 2
    }

    const parts = { n: 0 }
    const start = performance.now()
    let probed: Promise<void> | null = null
    let soakFilter = 0
    let soakScroll: number[] = []
    await new Promise<void>((resolve) => {
      const tick = () => {
        const due = Math.min(requests, Math.floor(((performance.now() - start) * perSecond) / 1000))
        while (state.sent < due) {
          const { entry: e, content } = soakRequest(state.sent++, parts)
          fake.finish(e, content)
        }
        // Once the list is full and traffic goes on: filter and scroll while requests keep arriving.
        if (!probed && state.sent >= Math.min(requests, capacity) + (requests - Math.min(requests, capacity)) / 2) {
          probed = (async () => {
            soakFilter = await filterStep()
            soakScroll = await scrollSteps()
          })()
        }
        if (state.sent >= requests) resolve()
        else tools.realSetTimeout(tick, 5)
      }
      tick()
    })
    const elapsedMs = performance.now() - start
    await probed
    await store.idle()
    lt.disconnect()
    await tools.rendered(() => tools.countText().startsWith(`${Math.min(capacity, requests)} requests`))
    await tools.nextFrame()
    const restFilter = await filterStep()
    const restScroll = await scrollSteps()

    const snap = store.getSnapshot()
    const expected = Array.from({ length: snap.records.length }, (_, i) => `soak-${state.sent - snap.records.length + i}`)
    const ids = snap.records.map((r) => r.entry.response.headers.find((h) => h.name === 'x-bce-request-id')?.value)
    state.done = true
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN
    return {
      sent: state.sent,
      elapsedMs,
      listed: snap.records.length,
      dropped: snap.dropped,
      mismatched: ids.filter((id, i) => id !== expected[i]).length,
      countText: tools.countText(),
      longTaskMs: PerformanceObserver.supportedEntryTypes.includes('longtask') ? longTaskMs : null,
      longestTaskMs,
      filter: { soak: soakFilter, rest: restFilter },
      scroll: { soak: med(soakScroll), rest: med(restScroll), samples: soakScroll.length },
      rows: tools.rowCount(),
    }
  }
}
