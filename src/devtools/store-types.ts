// The contract between the DevTools page (which captures and owns the state, so nothing is missed while
// the panel is hidden) and the panel window (which only renders it). Plain data only: the panel lives in
// another window (realm), so no class instances or instanceof checks cross this line.
import type { FormParam, HarHeader } from '../core/har.ts'
import type { EntryAnalysis } from '../core/types.ts'
import type { UiMessage } from '../i18n/message.ts'

/**
 * The HAR facts the core reads (core/har.ts toExchange) that a CapturedRecord does not show, kept to
 * re-analyse the record. Keep the two in step: the round-trip test over a real session checks it.
 */
export interface HarExtras {
  resourceType: string | null
  fromCache: string | null
  /** request.bodySize: multipart part sizes. */
  requestBodySize: number | null
  /** postData.params (forms, PostObject), values capped. */
  postParams: FormParam[] | null
}

/** Why a body is or is not in the record. */
export type BodyState =
  | 'not-needed' // success with a body we do not read (downloads, images)
  | 'pending' // getContent was asked, the answer has not come yet
  | 'loaded' // text below holds it (maybe capped, see `capped`)
  | 'unavailable' // DevTools returned nothing (evicted, cached, blocked): say so, never show it as empty

export interface CapturedBody {
  state: BodyState
  /** Decoded text, capped at BODY_CAP characters; null for binary or unavailable bodies. */
  text: string | null
  mimeType: string
  /** Size DevTools reported, in bytes, when known. */
  size: number | null
  /** True when `text` was cut at BODY_CAP. */
  capped: boolean
  /** 'base64' when `text` is still base64 as DevTools gave it. */
  encoding: string | null
}

/** One captured BOS request: the analysis plus the trimmed raw facts the detail view shows. */
export interface CapturedRecord {
  /** Unique within one store, increasing in capture order. */
  id: number
  source: 'backfill' | 'live' | 'import'
  analysis: EntryAnalysis
  request: {
    method: string
    url: string
    httpVersion: string
    headers: HarHeader[]
    /** Form fields / text body as HAR keeps them, capped at BODY_CAP; null when there was none. */
    postData: { mimeType: string; text: string | null } | null
  }
  response: {
    status: number
    statusText: string
    httpVersion: string
    headers: HarHeader[]
    body: CapturedBody
  }
  startedDateTime: string | null
  /** Total time in ms. */
  time: number
  /** HAR facts the core reads but the views do not show (resource type, cache, body size, form fields): the HAR export writes them back. */
  extras?: HarExtras
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
}

export interface PanelStore {
  /** Returns the current snapshot; a new object after every change, the same object otherwise. */
  getSnapshot(): StoreSnapshot
  subscribe(listener: () => void): () => void
  clear(): void
  setPreserveLog(on: boolean): void
  /** Persists the patterns and re-runs host matching over what the DevTools HAR still holds. */
  setCustomHosts(patterns: readonly string[]): Promise<void>
  /** Reloads the inspected page (the empty state offers it to capture requests made before DevTools opened). */
  reloadInspectedPage(): void
  /**
   * Analyses a HAR file's text with the core and adds its BOS entries (source 'import') after the current ones.
   * Never rejects: a file that is too big, not JSON or not a HAR gives { ok: false, error } and changes nothing.
   */
  importHar?(text: string, fileName: string): Promise<ImportResult>
}

export type ImportResult =
  | {
      ok: true /** log.entries read */
      entries: number /** BOS records added */
      added: number /** BOS entries already in the list */
      duplicates: number /** records dropped to stay within capacity */
      dropped: number
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
/** Records kept before the oldest are dropped. */
export const DEFAULT_CAPACITY = 5000
