// The capture store: lives in the DevTools page (for as long as DevTools is open, whether or not the panel
// was ever shown), turns DevTools traffic into CapturedRecords and publishes immutable snapshots to the
// panel. This file is the wiring: the buffer and its indexes (record-buffer.ts), the backfill gate
// (backfill-gate.ts), HAR import analysis (import-analysis.ts), settings (settings.ts) and snapshots
// (publisher.ts) have their own modules. The methods are closures, not class methods, so the panel may
// pass `store.subscribe` around unbound.
import { BosAnalyzer } from '../core/index.ts'
import type { EntryAnalysis } from '../core/types.ts'
import { uiMessage } from '../i18n/message.ts'
import { createBackfillGate } from './backfill-gate.ts'
import { guard, noop } from './guard.ts'
import { parseHarText } from './har-import.ts'
import { normaliseHostPatterns } from './host-patterns.ts'
import { analyseImport, createImportStaging, type ImportStaging } from './import-analysis.ts'
import { createPublisher } from './publisher.ts'
import { exchangeKey, startedMs, unanswered } from './raw-entry.ts'
import { createRecordBuffer, type Slot } from './record-buffer.ts'
import { bodyFromContent, dedupeKey, trimEntry } from './record.ts'
import type { ContentResult, DevtoolsSeam, HarEntryWithContent, Theme } from './seam.ts'
import { DEFAULT_LIST_PREFS, readListPrefs, type ListPrefs } from './list-prefs.ts'
import { loadSettings, saveSetting, type Settings } from './settings.ts'
import {
  DEFAULT_CAPACITY,
  DEFAULT_SESSION_ENTRIES,
  type CapturedRecord,
  type ImportResult,
  type ImportSession,
  type PanelStore,
  type StoreSnapshot,
  type UploadSessionView,
} from './store-types.ts'
import { uploadSessionView } from './upload-view.ts'

export interface CaptureStoreOptions {
  /** Records kept before the oldest are dropped (default DEFAULT_CAPACITY). */
  capacity?: number
  /** Wall clock in ms, compared with HAR start times; tests pin it. */
  now?: () => number
  /** Longest HAR text importHar accepts (default MAX_IMPORT_BYTES). */
  maxImportChars?: number
  /** Upload-session entries remembered beyond the rows (default DEFAULT_SESSION_ENTRIES). */
  sessionEntries?: number
}

export interface CaptureStore extends PanelStore {
  /** Listens to DevTools, loads the settings and backfills from getHAR(); resolves once capture is live. Never rejects. */
  start(): Promise<void>
  /** Resolves once no body read, re-match or notification is outstanding. */
  idle(): Promise<void>
  /** Stops listening to DevTools and to subscribers. */
  dispose(): void
  importHar(text: string, fileName: string): Promise<ImportResult>
  beginImport(fileName: string): ImportSession
  setListPrefs(prefs: ListPrefs): void
}

/** Events that arrive while the backfill runs wait, so HAR entries come first and duplicates can be dropped. */
type Held = { kind: 'entry'; entry: HarEntryWithContent } | { kind: 'navigate'; url: string; at: number } | { kind: 'clear'; at: number }

export function createCaptureStore(seam: DevtoolsSeam, opts: CaptureStoreOptions = {}): CaptureStore {
  const buffer = createRecordBuffer(Math.max(1, Math.floor(opts.capacity ?? DEFAULT_CAPACITY)))
  const now = opts.now ?? Date.now

  let preserveLog = false
  let listPrefs: ListPrefs = DEFAULT_LIST_PREFS
  let customHosts: readonly string[] = Object.freeze([])
  const sessionLimits = { maxEntries: Math.max(1, Math.floor(opts.sessionEntries ?? DEFAULT_SESSION_ENTRIES)) }
  // Its upload sessions outlive the rows (a 10,000-part upload outgrows the buffer), within sessionLimits.
  const newAnalyzer = () => new BosAnalyzer({ customHosts, sessionLimits })
  let analyzer = newAnalyzer()
  let captureState: StoreSnapshot['capture'] = 'backfilling'
  let theme: Theme = seam.themeName()
  let lastNavigation: string | null = null
  /** Requests that started before this were cleared (by the user or a navigation): a re-match must not revive them. */
  let clearedAt = -Infinity
  const gate = createBackfillGate<Held>()
  /** Settings the user changed before the stored ones were read: the stored ones must not overwrite them. */
  const userSet = new Set<keyof Settings>()

  const pending = new Set<Promise<void>>()
  const unsubscribers: Array<() => void> = []
  const publisher = createPublisher(buildSnapshot)
  const changed = publisher.changed
  let sessionViews: { of: StoreSnapshot; byId: Map<string, UploadSessionView> } | null = null
  let started: Promise<void> | null = null

  function buildSnapshot(): StoreSnapshot {
    return Object.freeze({
      records: Object.freeze(buffer.records()),
      dropped: buffer.dropped,
      capacity: buffer.capacity,
      preserveLog,
      listPrefs,
      customHosts,
      capture: captureState,
      theme,
      browser: seam.browser,
      lastNavigation,
    })
  }

  function track(work: Promise<unknown>): void {
    const done = work.then(noop, noop).finally(() => pending.delete(done))
    pending.add(done)
  }

  function analyse(record: CapturedRecord): EntryAnalysis | null {
    return analyzer.analyze(record.entry, record.id)
  }

  function ingest(raw: HarEntryWithContent, source: CapturedRecord['source']): void {
    // A HAR read while a request was unanswered holds it without status or headers; when the request
    // finishes it takes that record's place and id (so a selection stays, and the analyzer's session
    // state for that index is overwritten, not doubled). Browsers differ in whether getHAR lists them.
    const placeholder = buffer.placeholder(exchangeKey(raw))
    const replaced = placeholder && (source === 'live' || !unanswered(raw)) ? placeholder : undefined
    const id = replaced ? replaced.record.id : buffer.peekId()
    const analysis = analyzer.analyze(raw, id) // the host filter: non-BOS traffic stops here, before any other work
    if (!analysis) return
    if (!replaced) buffer.takeId() // spent even on a duplicate: the analyzer's session state has seen this index
    let record = trimEntry(raw, id, source, analysis)
    const key = dedupeKey(record)
    if (buffer.has(key) && key !== replaced?.key) {
      // Not listed under this id, so its session facts must not stand for a row (they would read as dropped).
      if (analysis.uploadId) analyzer.sessions.forget(analysis.uploadId, id)
      // Already listed with its answer (an import of the same session): the answerless record just goes.
      if (replaced) {
        buffer.remove(replaced)
        changed()
      }
      return
    }
    // A body DevTools gave inline was analysed whole; analyse what the record keeps, so re-analysis agrees.
    if (record.body.capped) record = { ...record, analysis: analyse(record) ?? analysis }
    const awaiting = !replaced && source === 'backfill' && unanswered(raw) ? exchangeKey(raw) : undefined
    const slot = buffer.insert(record, key, { replacing: replaced, awaiting })
    buffer.trim()
    if (record.body.state === 'pending') track(seam.getContent(raw).then((content) => guard(() => bodyArrived(slot, content))))
    refreshSession(slot.record)
    changed()
  }

  function bodyArrived(slot: Slot, content: ContentResult): void {
    if (buffer.get(slot.record.id) !== slot) return // cleared, dropped or replaced while DevTools answered
    let record = bodyFromContent(slot.record, content)
    // An error's analysis rests on its body; without one, the core's "no error body" analysis stands.
    if (record.body.state === 'loaded') record = { ...record, analysis: analyse(record) ?? record.analysis }
    slot.record = record
    refreshSession(record)
    changed()
  }

  /** A Complete changes what the core says about the parts before it (too small, not listed): re-analyse them. */
  function refreshSession(record: CapturedRecord): void {
    const { operation, uploadId } = record.analysis
    if (operation !== 'CompleteMultipartUpload' || !uploadId) return
    for (const id of analyzer.sessions.relatedEntries(uploadId)) {
      const slot = buffer.get(id)
      const analysis = slot && id !== record.id ? analyse(slot.record) : null
      if (slot && analysis) slot.record = { ...slot.record, analysis }
    }
  }

  function clearRecords(at: number): void {
    // A fresh analyzer: upload-session state of cleared requests would otherwise grow for as long as DevTools is open.
    analyzer = newAnalyzer()
    buffer.clear()
    clearedAt = at
    changed()
  }

  function navigated(url: string, at: number): void {
    lastNavigation = url
    if (!preserveLog) clearRecords(at) // Network-panel semantics
    changed()
  }

  function replay(event: Held): void {
    if (event.kind === 'entry') ingest(event.entry, 'live')
    else if (event.kind === 'navigate') navigated(event.url, event.at)
    else clearRecords(event.at)
  }

  function setAnalyzerHosts(hosts: readonly string[]): void {
    customHosts = Object.freeze([...hosts])
    analyzer = newAnalyzer()
  }

  /** Re-runs host matching over the records: those no longer BOS go, the others get a fresh analysis. */
  function rematchRecords(): void {
    buffer.retain((slot) => {
      const analysis = analyse(slot.record)
      if (analysis) slot.record = { ...slot.record, analysis }
      return analysis !== null
    })
    for (const slot of buffer.slots()) refreshSession(slot.record)
    changed()
  }

  async function run(): Promise<void> {
    unsubscribers.push(
      seam.onRequestFinished((entry) => guard(() => (gate.holding ? gate.hold({ kind: 'entry', entry }) : ingest(entry, 'live')))),
      seam.onNavigated((url) => guard(() => (gate.holding ? gate.hold({ kind: 'navigate', url, at: now() }) : navigated(url, now())))),
      seam.onThemeChanged((t) => guard(() => setTheme(t))),
    )
    setTheme(seam.themeName()) // in case it changed between creation and start
    try {
      // Asked before anything is awaited, so every held event happened after this HAR was taken.
      const har = seam.getHAR().catch(() => [])
      const stored = await loadSettings(seam)
      if (stored.preserveLog !== undefined && !userSet.has('preserveLog')) preserveLog = stored.preserveLog
      if (stored.customHosts && !userSet.has('customHosts')) setAnalyzerHosts(stored.customHosts)
      if (stored.listPrefs && !userSet.has('listPrefs')) listPrefs = stored.listPrefs
      const entries = await har
      for (const entry of entries) guard(() => ingest(entry, 'backfill'))
    } finally {
      for (const event of gate.release()) guard(() => replay(event))
      captureState = 'live'
      changed()
    }
  }

  /** Analyses the file, then commits it at once: a file that fails leaves the list as it was. */
  async function importFile(text: string, fileName: string): Promise<ImportResult> {
    const parsed = parseHarText(text, fileName, opts.maxImportChars)
    if ('error' in parsed) return { ok: false, error: parsed.error }
    const { records: ready, withoutAuthorization } = await analyseImport(parsed.entries, customHosts)
    return commitImport(ready, parsed.entries.length, withoutAuthorization)
  }

  /** Lists an import's records: ids in list order, after everything captured meanwhile. */
  function commitImport(
    ready: readonly CapturedRecord[],
    entries: number,
    withoutAuthorization: number,
    spilled = 0,
    spilledSessions: ReadonlyMap<number, CapturedRecord['entry']> = new Map(),
  ): ImportResult {
    let added = 0
    let duplicates = 0
    // Records a streamed import left out (more than the list keeps) take their ids, as if listed and
    // dropped at once; their upload sessions' facts stay, with those rows dropped.
    for (let k = 0; k < spilled; k++) {
      const id = buffer.takeId()
      const entry = spilledSessions.get(k)
      if (entry) analyzer.prescanEntry(entry, id)
    }
    for (const record of ready) {
      const key = dedupeKey(record)
      if (buffer.has(key)) {
        duplicates++
        continue
      }
      const id = buffer.takeId()
      buffer.insert({ ...record, id, analysis: { ...record.analysis, index: id } }, key)
      // The store's analyzer tracks the upload sessions the Upload tab shows: it learns the file's under their new ids.
      analyzer.prescanEntry(record.entry, id)
      added++
    }
    // Records the staging left out (more than the list keeps) count as dropped: they would have been.
    const dropped = buffer.trim() + spilled
    if (added) changed()
    return { ok: true, entries, added: added + spilled, duplicates, dropped, ...(withoutAuthorization ? { withoutAuthorization } : {}) }
  }

  /** A streamed import: batches staged by a fresh analyzer, committed at once; a cancel or a failure leaves the list as it was. */
  function beginImport(fileName: string): ImportSession {
    const name = String(fileName || 'The file')
    let staging: ImportStaging | null = createImportStaging(customHosts, buffer.capacity, sessionLimits.maxEntries)
    return {
      add(entriesJson) {
        if (!staging) return 0
        let list: unknown
        try {
          list = JSON.parse(String(entriesJson))
        } catch {
          return staging.count // the panel sends what it read as JSON: nothing else to do with it
        }
        if (Array.isArray(list)) staging.add(list)
        return staging.count
      },
      commit(entries) {
        const s = staging
        staging = null
        if (!s) return { ok: false, error: uiMessage('har.import.failed', { name, error: 'the import was already ended' }) }
        try {
          const { records, spilled, spilledSessions, withoutAuthorization } = s.result()
          return commitImport(records, Math.max(0, Math.floor(Number(entries) || 0)), withoutAuthorization, spilled, spilledSessions)
        } catch (e) {
          return { ok: false, error: uiMessage('har.import.failed', { name, error: e instanceof Error ? e.message : String(e) }) }
        }
      },
      cancel() {
        staging = null
      },
    }
  }

  function setTheme(t: Theme): void {
    if (t === theme) return
    theme = t
    changed()
  }

  const store: CaptureStore = {
    start() {
      if (!started) {
        started = run().catch(noop)
        track(started)
      }
      return started
    },

    getSnapshot: publisher.getSnapshot,

    uploadSession(uploadId) {
      const of = store.getSnapshot()
      if (sessionViews?.of !== of) sessionViews = { of, byId: new Map() }
      let view = sessionViews.byId.get(uploadId)
      if (!view) sessionViews.byId.set(uploadId, (view = Object.freeze(uploadSessionView(analyzer.sessions, uploadId, (id) => buffer.get(id) !== undefined))))
      return view
    },

    subscribe: publisher.subscribe,

    clear() {
      // During the backfill the clear is replayed after the HAR entries, so they go too.
      if (gate.holding) gate.hold({ kind: 'clear', at: now() })
      clearRecords(now())
    },

    setPreserveLog(on) {
      userSet.add('preserveLog')
      track(saveSetting(seam, 'preserveLog', on)) // even when unchanged: the stored value may still be loading
      if (on === preserveLog) return
      preserveLog = on
      changed()
    },

    setListPrefs(prefs) {
      userSet.add('listPrefs')
      // Checked and copied as storage would give it back: the panel's object belongs to another window.
      listPrefs = Object.freeze(readListPrefs(prefs) ?? DEFAULT_LIST_PREFS)
      track(saveSetting(seam, 'listPrefs', listPrefs))
      changed()
    },

    async setCustomHosts(patterns) {
      const hosts = normaliseHostPatterns(patterns) // throws before anything changes
      userSet.add('customHosts')
      setAnalyzerHosts(hosts)
      rematchRecords()
      const work = (async () => {
        const saved = saveSetting(seam, 'customHosts', hosts)
        // While the backfill runs it will use the new patterns itself.
        if (!gate.holding) {
          const entries = await seam.getHAR().catch(() => [])
          for (const entry of entries) {
            const at = startedMs(entry)
            if (at === null || at >= clearedAt) guard(() => ingest(entry, 'backfill'))
          }
        }
        await saved
      })()
      track(work)
      await work
    },

    reloadInspectedPage() {
      seam.reload()
    },

    async importHar(text, fileName) {
      // The panel always names the file (its own words for a file without a name); this is a last guard.
      const name = String(fileName || 'The file')
      const work = importFile(String(text), name).catch(
        (e: unknown): ImportResult => ({ ok: false, error: uiMessage('har.import.failed', { name, error: e instanceof Error ? e.message : String(e) }) }),
      )
      track(work)
      return work
    },

    beginImport,

    async idle() {
      while (pending.size > 0 || publisher.pending()) await (pending.size > 0 ? Promise.all(pending) : publisher.pending())
    },

    dispose() {
      for (const unsubscribe of unsubscribers.splice(0)) guard(unsubscribe)
      publisher.close()
    },
  }
  return store
}
