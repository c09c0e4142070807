// The capture buffer: lives in the DevTools page (for as long as DevTools is open, whether or not the panel
// was ever shown), turns DevTools traffic into CapturedRecords and publishes immutable snapshots to the panel.
// The methods are closures, not class methods, so the panel may pass `store.subscribe` around unbound.
import { BosAnalyzer } from '../core/index.ts'
import type { UploadSession } from '../core/sessions.ts'
import type { EntryAnalysis } from '../core/types.ts'
import { normaliseHostPatterns } from './host-patterns.ts'
import { uiMessage } from '../i18n/message.ts'
import { parseHarText } from './har-import.ts'
import { exchangeKey, startedMs, unanswered } from './raw-entry.ts'
import { bodyFromContent, dedupeKey, dropBody, knownSize, trimEntry, wantsBody } from './record.ts'
import type { ContentResult, DevtoolsSeam, HarEntryWithContent, Theme } from './seam.ts'
import { loadSettings, saveSetting, type Settings } from './settings.ts'
import { DEFAULT_CAPACITY, type CapturedRecord, type ImportResult, type PanelStore, type StoreSnapshot } from './store-types.ts'

export interface CaptureStoreOptions {
  /** Records kept before the oldest are dropped (default DEFAULT_CAPACITY). */
  capacity?: number
  /** Wall clock in ms, compared with HAR start times; tests pin it. */
  now?: () => number
  /** Longest HAR text importHar accepts (default MAX_IMPORT_BYTES). */
  maxImportChars?: number
}

export interface CaptureStore extends PanelStore {
  /** Listens to DevTools, loads the settings and backfills from getHAR(); resolves once capture is live. Never rejects. */
  start(): Promise<void>
  /** Resolves once no body read, re-match or notification is outstanding. */
  idle(): Promise<void>
  /** Stops listening to DevTools and to subscribers. */
  dispose(): void
  importHar(text: string, fileName: string): Promise<ImportResult>
}

interface Slot {
  record: CapturedRecord
  readonly key: string
  /** Set while the record is a HAR entry without an answer, which the finished request replaces. */
  awaiting: string | null
}

/** Events that arrive while the backfill runs wait, so HAR entries come first and duplicates can be dropped. */
type Held = { kind: 'entry'; entry: HarEntryWithContent } | { kind: 'navigate'; url: string; at: number } | { kind: 'clear'; at: number }

const noop = (): void => {}
/** An import analyses for this long, then lets the page breathe. */
const IMPORT_SLICE_MS = 40
/** Yields to the event loop: scheduler.yield() where there is one (no 4 ms clamp of nested timers), else a timer. */
const breathe = (): Promise<unknown> => {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler
  return typeof scheduler?.yield === 'function' ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0))
}

/** Runs one event handler; a bad entry must not stop capture. Nothing is logged: captured data is private. */
function guard(fn: () => void): void {
  try {
    fn()
  } catch {
    // dropped on purpose, see above
  }
}

export function createCaptureStore(seam: DevtoolsSeam, opts: CaptureStoreOptions = {}): CaptureStore {
  const capacity = Math.max(1, Math.floor(opts.capacity ?? DEFAULT_CAPACITY))
  const now = opts.now ?? Date.now

  let slots: Slot[] = []
  const byId = new Map<number, Slot>()
  const keys = new Set<string>()
  /** Records read from a HAR before their request had an answer, by exchangeKey. */
  const awaiting = new Map<string, Slot>()
  let nextId = 1
  let dropped = 0
  let preserveLog = false
  let customHosts: readonly string[] = Object.freeze([])
  let analyzer = new BosAnalyzer()
  let captureState: StoreSnapshot['capture'] = 'backfilling'
  let theme: Theme = seam.themeName()
  let lastNavigation: string | null = null
  /** Requests that started before this were cleared (by the user or a navigation): a re-match must not revive them. */
  let clearedAt = -Infinity
  /** Non-null until the backfill is in. */
  let held: Held[] | null = []
  /** Settings the user changed before the stored ones were read: the stored ones must not overwrite them. */
  const userSet = new Set<keyof Settings>()

  const pending = new Set<Promise<void>>()
  const listeners = new Set<() => void>()
  const unsubscribers: Array<() => void> = []
  let snapshot = buildSnapshot()
  let sessions: { of: StoreSnapshot; list: readonly UploadSession[] } | null = null
  let dirty = false
  let notification: Promise<void> | null = null
  let started: Promise<void> | null = null

  function buildSnapshot(): StoreSnapshot {
    return Object.freeze({
      records: Object.freeze(slots.map((s) => s.record)),
      dropped,
      capacity,
      preserveLog,
      customHosts,
      capture: captureState,
      theme,
      browser: seam.browser,
      lastNavigation,
    })
  }

  /** Marks the snapshot stale and notifies once per burst: everything changed in one task gives one call. */
  function changed(): void {
    dirty = true
    notification ??= Promise.resolve().then(() => {
      notification = null
      for (const listener of [...listeners]) guard(listener)
    })
  }

  function track(work: Promise<unknown>): void {
    const done = work.then(noop, noop).finally(() => pending.delete(done))
    pending.add(done)
  }

  function analyse(record: CapturedRecord): EntryAnalysis | null {
    return analyzer.analyze(record.entry, record.id)
  }

  function evictOldest(count: number): void {
    for (const slot of slots.splice(0, count)) forget(slot)
    dropped += count
  }

  function ingest(raw: HarEntryWithContent, source: CapturedRecord['source']): void {
    // A HAR read while a request was unanswered holds it without status or headers; when the request
    // finishes it takes that record's place and id (so a selection stays, and the analyzer's session
    // state for that index is overwritten, not doubled). Browsers differ in whether getHAR lists them.
    const placeholder = awaiting.size > 0 ? awaiting.get(exchangeKey(raw)) : undefined // rare: skip the key otherwise
    const replaced = placeholder && (source === 'live' || !unanswered(raw)) ? placeholder : null
    const id = replaced ? replaced.record.id : nextId
    const analysis = analyzer.analyze(raw, id) // the host filter: non-BOS traffic stops here, before any other work
    if (!analysis) return
    if (!replaced) nextId++ // spent even on a duplicate: the analyzer's session state has seen this index
    const record = trimEntry(raw, id, source, analysis)
    const key = dedupeKey(record)
    if (replaced) forget(replaced)
    if (keys.has(key)) {
      // Already listed with its answer (an import of the same session): the answerless record just goes.
      if (replaced) {
        slots.splice(slots.indexOf(replaced), 1)
        changed()
      }
      return
    }
    const slot: Slot = { record, key, awaiting: null }
    // A body DevTools gave inline was analysed whole; analyse what the record keeps, so re-analysis agrees.
    if (record.body.capped) slot.record = { ...record, analysis: analyse(record) ?? analysis }
    if (replaced) {
      slots[slots.indexOf(replaced)] = slot
    } else {
      slots.push(slot)
      if (source === 'backfill' && unanswered(raw)) {
        slot.awaiting = exchangeKey(raw)
        awaiting.set(slot.awaiting, slot)
      }
    }
    byId.set(id, slot)
    keys.add(key)
    if (slots.length > capacity) evictOldest(slots.length - capacity)
    if (record.body.state === 'pending') track(seam.getContent(raw).then((content) => guard(() => bodyArrived(slot, content))))
    refreshSession(slot.record)
    changed()
  }

  /** Drops a slot's entries from the indexes (not from `slots`). */
  function forget(slot: Slot): void {
    if (byId.get(slot.record.id) === slot) byId.delete(slot.record.id)
    keys.delete(slot.key)
    if (slot.awaiting !== null) awaiting.delete(slot.awaiting)
  }

  function bodyArrived(slot: Slot, content: ContentResult): void {
    if (byId.get(slot.record.id) !== slot) return // cleared, dropped or replaced while DevTools answered
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
      const slot = byId.get(id)
      const analysis = slot && id !== record.id ? analyse(slot.record) : null
      if (slot && analysis) slot.record = { ...slot.record, analysis }
    }
  }

  function clearRecords(at: number): void {
    // A fresh analyzer: upload-session state of cleared requests would otherwise grow for as long as DevTools is open.
    analyzer = new BosAnalyzer({ customHosts })
    slots = []
    byId.clear()
    keys.clear()
    awaiting.clear()
    dropped = 0
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
    analyzer = new BosAnalyzer({ customHosts })
  }

  /** Re-runs host matching over the records: those no longer BOS go, the others get a fresh analysis. */
  function rematchRecords(): void {
    const kept: Slot[] = []
    for (const slot of slots) {
      const analysis = analyse(slot.record)
      if (analysis) {
        slot.record = { ...slot.record, analysis }
        kept.push(slot)
      } else {
        forget(slot)
      }
    }
    slots = kept
    for (const slot of kept) refreshSession(slot.record)
    changed()
  }

  async function run(): Promise<void> {
    unsubscribers.push(
      seam.onRequestFinished((entry) => guard(() => (held ? held.push({ kind: 'entry', entry }) : ingest(entry, 'live')))),
      seam.onNavigated((url) => guard(() => (held ? held.push({ kind: 'navigate', url, at: now() }) : navigated(url, now())))),
      seam.onThemeChanged((t) => guard(() => setTheme(t))),
    )
    setTheme(seam.themeName()) // in case it changed between creation and start
    try {
      // Asked before anything is awaited, so every held event happened after this HAR was taken.
      const har = seam.getHAR().catch(() => [])
      const stored = await loadSettings(seam)
      if (stored.preserveLog !== undefined && !userSet.has('preserveLog')) preserveLog = stored.preserveLog
      if (stored.customHosts && !userSet.has('customHosts')) setAnalyzerHosts(stored.customHosts)
      const entries = await har
      for (const entry of entries) guard(() => ingest(entry, 'backfill'))
    } finally {
      const events = held ?? []
      held = null
      for (const event of events) guard(() => replay(event))
      captureState = 'live'
      changed()
    }
  }

  /**
   * A HAR file analysed like a DevTools session read at once: a fresh analyzer that prescans (so multipart
   * parts are judged knowing their Complete), the same trimming as capture, then one commit at the end, so
   * a file that fails leaves the list as it was. The analysis pauses every few tens of ms to let the
   * panel paint and capture go on.
   */
  async function importFile(text: string, fileName: string): Promise<ImportResult> {
    const parsed = parseHarText(text, fileName, opts.maxImportChars)
    if ('error' in parsed) return { ok: false, error: parsed.error }
    const { entries } = parsed
    const importer = new BosAnalyzer({ customHosts })
    importer.prescan(entries)
    const analyse = (record: CapturedRecord, i: number) => importer.analyze(record.entry, i)
    const ready: CapturedRecord[] = []
    let pause = Date.now()
    for (let i = 0; i < entries.length; i++) {
      if (Date.now() - pause > IMPORT_SLICE_MS) {
        await breathe()
        pause = Date.now()
      }
      guard(() => {
        const analysis = importer.analyze(entries[i], i)
        if (!analysis) return
        let record = trimEntry(entries[i], 0, 'import', analysis)
        const { body } = record
        const { content } = record.entry.response
        if (body.state === 'pending') {
          // No DevTools to ask: a body the file does not hold is unavailable.
          record = bodyFromContent(record, { text: null, encoding: null })
        } else if (body.state === 'loaded' && !wantsBody(analysis.method, analysis.status, content.mimeType, knownSize(content))) {
          // Downloads and pages saved with their content: not kept, as in capture (memory).
          record = dropBody(record)
          record = { ...record, analysis: analyse(record, i) ?? analysis }
        } else if (body.capped) {
          record = { ...record, analysis: analyse(record, i) ?? analysis }
        }
        ready.push(record)
      })
    }
    // Commit: ids in list order, after everything captured meanwhile.
    let added = 0
    let duplicates = 0
    const droppedBefore = dropped
    for (const record of ready) {
      const key = dedupeKey(record)
      if (keys.has(key)) {
        duplicates++
        continue
      }
      const id = nextId++
      const slot: Slot = { record: { ...record, id, analysis: { ...record.analysis, index: id } }, key, awaiting: null }
      // The store's analyzer tracks the upload sessions the Upload tab shows: it learns the file's under their new ids.
      analyzer.prescanEntry(record.entry, id)
      slots.push(slot)
      byId.set(id, slot)
      keys.add(key)
      added++
    }
    if (slots.length > capacity) evictOldest(slots.length - capacity)
    if (added) changed()
    return { ok: true, entries: entries.length, added, duplicates, dropped: dropped - droppedBefore }
  }

  /**
   * The analyzer's sessions, limited to the listed records: it also remembers records dropped at the
   * cap and exchanges it saw again under another id (a re-read of the DevTools HAR).
   */
  function liveSessions(): UploadSession[] {
    const listed = (i: number | null) => (i !== null && byId.has(i) ? i : null)
    return analyzer.sessions
      .uploadSessions()
      .map((s) => ({
        ...s,
        initiateIndex: listed(s.initiateIndex),
        completeIndex: listed(s.completeIndex),
        abortIndex: listed(s.abortIndex),
        parts: s.parts.filter((p) => byId.has(p.index)),
        entries: s.entries.filter((i) => byId.has(i)),
      }))
      .filter((s) => s.entries.length > 0)
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

    getSnapshot() {
      if (dirty) {
        snapshot = buildSnapshot()
        dirty = false
      }
      return snapshot
    },

    uploadSessions() {
      const of = store.getSnapshot()
      if (sessions?.of !== of) sessions = { of, list: Object.freeze(liveSessions()) }
      return sessions.list
    },

    subscribe(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },

    clear() {
      // During the backfill the clear is replayed after the HAR entries, so they go too.
      if (held) held.push({ kind: 'clear', at: now() })
      clearRecords(now())
    },

    setPreserveLog(on) {
      userSet.add('preserveLog')
      track(saveSetting(seam, 'preserveLog', on)) // even when unchanged: the stored value may still be loading
      if (on === preserveLog) return
      preserveLog = on
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
        if (!held) {
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

    async idle() {
      while (pending.size > 0 || notification) await (pending.size > 0 ? Promise.all(pending) : notification)
    },

    dispose() {
      for (const unsubscribe of unsubscribers.splice(0)) guard(unsubscribe)
      listeners.clear()
    },
  }
  return store
}
