// The contract between the DevTools page (which captures and owns the state, so nothing is missed while
// the panel is hidden) and the panel window (which only renders it). Plain data only: the panel lives in
// another window (realm), so no class instances or instanceof checks cross this line.
import type { Entry } from 'har-format'
import type { UploadPartInfo, UploadSession } from '../core/sessions.ts'
import type { EntryAnalysis } from '../core/types.ts'
import type { UiMessage } from '../i18n/message.ts'
import type { ListPrefs } from './list-prefs.ts'

/** Why a body is or is not in the record. */
export type BodyState =
  | 'not-needed' // success with a body we do not read (downloads, images)
  | 'pending' // getContent was asked, the answer has not come yet
  | 'loaded' // text below holds it (maybe capped, see `capped`)
  | 'unavailable' // DevTools returned nothing (evicted, cached, blocked): say so, never show it as empty

/** Why `entry.response.content` holds its text or not. */
export interface CapturedBody {
  state: BodyState
  /** True when `content.text` was cut at BODY_CAP. */
  capped: boolean
}

/** One captured BOS request: its analysis beside the exchange as a capped HAR 1.2 entry. */
export interface CapturedRecord {
  /** Unique within one store, increasing in capture order. */
  id: number
  source: 'backfill' | 'live' | 'import'
  analysis: EntryAnalysis
  /**
   * What the views show, the core re-analyses and Export writes (adding cookies, query and comments).
   * Capped: bodies and form values at BODY_CAP characters, only the bodies `body` says are kept, no
   * cookies or query (they are in the headers and URL), timings reduced to the total. `startedDateTime`
   * is '' when DevTools gave none.
   */
  entry: Entry
  body: CapturedBody
}

export interface StoreSnapshot {
  records: readonly CapturedRecord[]
  /** Records dropped from the front of the capped buffer since the last clear. */
  dropped: number
  /** Buffer cap in records. */
  capacity: number
  preserveLog: boolean
  /** User host patterns (custom domains, CDNs), persisted with `storage`. */
  customHosts: readonly string[]
  /** 'backfilling' while getHAR() runs; 'live' afterwards. */
  capture: 'backfilling' | 'live'
  theme: 'light' | 'dark'
  browser: 'chrome' | 'firefox'
  /** URL of the last navigation of the inspected page, if any was seen. */
  lastNavigation: string | null
  /** The list's columns, sort and grouping, persisted with `storage` (absent: the defaults). */
  listPrefs?: ListPrefs
}

export interface PanelStore {
  /** Returns the current snapshot; a new object after every change, the same object otherwise. */
  getSnapshot(): StoreSnapshot
  subscribe(listener: () => void): () => void
  clear(): void
  setPreserveLog(on: boolean): void
  /** Persists the patterns and re-runs host matching over what the DevTools HAR still holds. */
  setCustomHosts(patterns: readonly string[]): Promise<void>
  /** Persists the list's columns, sort and grouping (absent: they last as long as the panel). */
  setListPrefs?(prefs: ListPrefs): void
  /** Reloads the inspected page (the empty state offers it to capture requests made before DevTools opened). */
  reloadInspectedPage(): void
  /**
   * Analyses a HAR file's text with the core and adds its BOS entries (source 'import') after the current ones.
   * Never rejects: a file that is too big, not JSON or not a HAR gives { ok: false, error } and changes nothing.
   */
  importHar?(text: string, fileName: string): Promise<ImportResult>
  /**
   * Begins an import that the panel streams: the panel reads the file (the core's streaming reader) and hands
   * over the entries that may be BOS in batches; they are analysed and staged, and listed only by `commit`.
   */
  beginImport?(fileName: string): ImportSession
  /**
   * The multipart upload session `uploadId` names, as the store tracked it: whole, also the parts whose
   * rows the buffer dropped (the same object until the next snapshot).
   */
  uploadSession(uploadId: string): UploadSessionView
}

/** One streamed import (PanelStore.beginImport). Plain text crosses the seam, so nothing of the panel's window is kept. */
export interface ImportSession {
  /** Analyses a batch: the JSON text of an array of HAR entries, in file order. Returns the BOS records staged so far. */
  add(entriesJson: string): number
  /** Lists the staged records after the current ones (`entries`: how many log.entries the file has). Ends the session. */
  commit(entries: number): ImportResult
  /** Drops what was staged: the list stays as it was. Ends the session. */
  cancel(): void
}

/** A part of a tracked session: its facts outlive its row. */
export interface LiveUploadPart extends UploadPartInfo {
  /** The part's record id while its row is listed; null once the row was dropped at the cap. */
  row: number | null
}

/** A session as the store tracks it, independent of the row buffer. */
export interface LiveUploadSession extends Omit<UploadSession, 'parts'> {
  parts: LiveUploadPart[]
  /** The Initiate's, Complete's and Abort's record ids while their rows are listed (the indexes stay). */
  initiateRow: number | null
  completeRow: number | null
  abortRow: number | null
  /** Requests of the session whose rows were dropped at the cap. */
  rowsDropped: number
  /** Requests of the session not tracked: it alone outgrew the store's session memory. */
  notKept: number
}

export type UploadSessionView =
  | { state: 'tracked'; session: LiveUploadSession }
  /** Forgotten to bound memory, least recently active first: its rows may still be listed. */
  | { state: 'forgotten'; uploadId: string }
  | { state: 'unknown'; uploadId: string }

export type ImportResult =
  | {
      ok: true /** log.entries read */
      entries: number /** BOS records added */
      added: number /** BOS entries already in the list */
      duplicates: number /** records dropped to stay within capacity */
      dropped: number
      /** Requests that look signed but carry no Authorization, when none in the file has one (exported without sensitive data). */
      withoutAuthorization?: number
    }
  | {
      ok: false
      /** Why, as a message the panel says in its language; a sentence from a DevTools page built before messages were keys. */
      error: UiMessage | string
    }

/** HAR files bigger than this are not imported (the panel checks the file's bytes, the store the text's length). */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024

/** Characters of a body kept per record: error bodies are small; big ones are cut, and it says so. */
export const BODY_CAP = 64 * 1024

/** The HAR 1.2 timing phases, in the order they happen (ssl is inside connect). */
export const TIMING_PHASES = ['blocked', 'dns', 'connect', 'ssl', 'send', 'wait', 'receive'] as const
export type TimingPhase = (typeof TIMING_PHASES)[number]
/** Records kept before the oldest are dropped. */
export const DEFAULT_CAPACITY = 5000

/**
 * Entries the store's upload sessions remember beyond the rows (parts, preflights, Initiate, Complete):
 * two 10,000-part uploads with their preflights and room to spare. The panel bench weighs a part of a
 * 10,000-part upload at about 200 bytes (a preflight adds ~13), so ~10 MB at most when every entry is a part.
 */
export const DEFAULT_SESSION_ENTRIES = 50_000
