// The DevTools page's one place that touches chrome.*, browser.* and webextension-polyfill. Everything
// else gets a DevtoolsSeam, so capture logic runs against a fake in tests. Storage goes through webextension-polyfill, loaded on first use: promise-based and the same in
// both browsers, no runtime.lastError. chrome.devtools is called directly, in the callback forms both
// browsers accept: Chromium's native `browser` lacked `devtools` before 152, and the polyfill hands that
// object through unwrapped. The panel window's few calls are in ./panel-seam.ts, so its startup bundle does
// not carry this module. Every call is guarded: a failing extension API must never break capture.

import type { Browser } from 'webextension-polyfill'
import { unanswered } from './raw-entry.ts'

/** A HAR 1.2 entry as DevTools gives it (onRequestFinished, getHAR), with its content reader. */
export interface HarEntryWithContent {
  [k: string]: unknown
  getContent?: (cb: (content: string, encoding: string) => void) => void
}

export interface ContentResult {
  /** The body as DevTools gave it (maybe base64, see `encoding`); null when it gave nothing. */
  text: string | null
  encoding: string | null
}

export type Theme = 'light' | 'dark'

export interface DevtoolsSeam {
  browser: 'chrome' | 'firefox'
  onRequestFinished(cb: (entry: HarEntryWithContent) => void): () => void
  /** Finished entries of the current HAR log; [] when DevTools does not answer. */
  getHAR(): Promise<HarEntryWithContent[]>
  /** Never rejects: any failure or a missing answer gives { text: null, encoding: null }. */
  getContent(entry: HarEntryWithContent): Promise<ContentResult>
  onNavigated(cb: (url: string) => void): () => void
  themeName(): Theme
  onThemeChanged(cb: (theme: Theme) => void): () => void
  reload(): void
  createPanel(title: string, iconPath: string, pagePath: string, onShown: (panelWindow: Window) => void): void
  storageGet(key: string): Promise<unknown>
  /** Rejects when storage refused the write. */
  storageSet(key: string, value: unknown): Promise<void>
}

/** A getContent callback that never fires (seen with evicted requests) must not hold a body 'pending' forever. */
export const CONTENT_TIMEOUT_MS = 5_000
const HAR_TIMEOUT_MS = 15_000
const STORAGE_TIMEOUT_MS = 5_000

const NO_CONTENT: ContentResult = { text: null, encoding: null }
const noop = (): void => {}

/** Resolves with the first value `run` reports, or with `fallback` when it throws or `ms` pass first. */
function settle<T>(ms: number, fallback: T, run: (done: (value: T) => void) => void): Promise<T> {
  return new Promise((resolve) => {
    let settled = false
    const done = (value: T): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      resolve(value)
    }
    const timer = setTimeout(() => done(fallback), ms)
    try {
      run(done)
    } catch {
      done(fallback)
    }
  })
}

const isThenable = (v: unknown): v is PromiseLike<unknown> =>
  v !== null && (typeof v === 'object' || typeof v === 'function') && typeof (v as { then?: unknown }).then === 'function'

const record = (v: unknown): Record<string, unknown> | null =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null

/** Firefox passes the MIME type where Chrome passes the encoding; a value with a '/' is never an encoding. */
function contentResult(content: unknown, second: unknown, firefox: boolean): ContentResult {
  const text = typeof content === 'string' ? content : null
  const encoding = !firefox && typeof second === 'string' && second !== '' && !second.includes('/') ? second : null
  return { text, encoding }
}

/** Chrome ≥151 promise: {content, encoding}. Firefox promise: [content, mimeType]. */
function resolvedContent(value: unknown, firefox: boolean): ContentResult {
  if (Array.isArray(value)) return contentResult(value[0], null, true)
  const o = record(value)
  if (o) return contentResult(o.content, o.encoding, firefox)
  return contentResult(value, null, firefox)
}

/** Entries without a reader (imported HAR) may still carry the body inline. */
function inlineContent(entry: HarEntryWithContent): ContentResult {
  const content = record(record(entry.response)?.content)
  return contentResult(content?.text, content?.encoding, false)
}

/**
 * Reads a response body in whichever shape the browser answers: Chrome's callback (content, encoding),
 * Chrome's promise {content, encoding}, Firefox's promise [content, mimeType] or its callback (content,
 * mimeType). Never rejects; gives up after `timeoutMs`.
 */
export function readContent(
  entry: HarEntryWithContent,
  { firefox = false, timeoutMs = CONTENT_TIMEOUT_MS }: { firefox?: boolean; timeoutMs?: number } = {},
): Promise<ContentResult> {
  if (typeof entry.getContent !== 'function') return Promise.resolve(inlineContent(entry))
  return settle(timeoutMs, NO_CONTENT, (done) => {
    const returned: unknown = entry.getContent?.((content, encoding) => done(contentResult(content, encoding, firefox)))
    if (isThenable(returned))
      returned.then(
        (v) => done(resolvedContent(v, firefox)),
        () => done(NO_CONTENT),
      )
  })
}

function harEntries(log: unknown): HarEntryWithContent[] {
  const entries = record(log)?.entries
  return Array.isArray(entries) ? entries.filter((e): e is HarEntryWithContent => record(e) !== null && !inFlight(e)) : []
}

/**
 * Chrome's getHAR() also lists requests still in flight: status 0, no response headers and `_error: null`
 * (a failed request has its net::ERR_* there). onRequestFinished brings them when they are done; listed
 * now, they would read as "no response".
 */
function inFlight(entry: Record<string, unknown>): boolean {
  return record(entry.response)?._error === null && unanswered(entry)
}

interface EventLike<L> {
  addListener(listener: L): void
  removeListener(listener: L): void
}

const isEvent = (v: unknown): v is EventLike<(theme: unknown) => void> =>
  typeof record(v)?.addListener === 'function' && typeof record(v)?.removeListener === 'function'

/** Adds a guarded listener; the returned function removes it. */
function listen<A extends unknown[]>(event: EventLike<(...args: A) => void> | undefined, cb: (...args: A) => void): () => void {
  const listener = (...args: A): void => {
    try {
      cb(...args)
    } catch {
      // a failing handler must not disturb DevTools' event dispatch
    }
  }
  try {
    if (!event) return noop
    event.addListener(listener)
  } catch {
    return noop
  }
  return () => {
    try {
      event.removeListener(listener)
    } catch {
      // DevTools is going away
    }
  }
}

const toTheme = (name: unknown): Theme => (name === 'dark' ? 'dark' : 'light')

export interface SeamGlobals {
  chrome?: typeof chrome
  /** Firefox's `browser`, Chromium's native one, or the polyfill's: only probed, never relied on. */
  browser?: unknown
  /** Loads the promise-based API (tests give a fake); default: webextension-polyfill, on first use. */
  polyfill?: () => Promise<Pick<Browser, 'storage'>>
}

const loadPolyfill = (): Promise<Pick<Browser, 'storage'>> => import('webextension-polyfill').then((m) => m.default)

function getURL(ns: unknown): unknown {
  const getter = record(record(ns)?.runtime)?.getURL
  return typeof getter === 'function' ? (getter as (path: string) => unknown)('') : null
}

/** Firefox serves extension pages from moz-extension:// (Chromium now has a `browser` global too). */
export function detectBrowser(globals: SeamGlobals): 'chrome' | 'firefox' {
  try {
    const url = getURL(globals.browser) ?? getURL(globals.chrome)
    return typeof url === 'string' && url.startsWith('moz-extension:') ? 'firefox' : 'chrome'
  } catch {
    return 'chrome'
  }
}

/** The seam over the real extension APIs of a DevTools page. */
export function realSeam(globals: SeamGlobals = globalThis as SeamGlobals): DevtoolsSeam {
  const api = globals.chrome
  const browser = detectBrowser(globals)
  let polyfill: Promise<Pick<Browser, 'storage'>> | undefined
  // A rejected load (not an extension page) makes every storage call fail, which callers already handle.
  const ext = () => (polyfill ??= (globals.polyfill ?? loadPolyfill)())
  const firefox = browser === 'firefox'

  return {
    browser,

    onRequestFinished: (cb) =>
      listen(api?.devtools?.network?.onRequestFinished, (entry: unknown) => {
        if (record(entry)) cb(entry as HarEntryWithContent)
      }),

    // `api!`: where the API is missing the call throws inside settle(), which then answers the fallback.
    getHAR: () =>
      settle(HAR_TIMEOUT_MS, [] as HarEntryWithContent[], (done) => {
        const returned: unknown = api!.devtools.network.getHAR((log) => done(harEntries(log)))
        if (isThenable(returned))
          returned.then(
            (log) => done(harEntries(log)),
            () => done([]),
          )
      }),

    getContent: (entry) => readContent(entry, { firefox }),

    onNavigated: (cb) => listen(api?.devtools?.network?.onNavigated, (url: unknown) => cb(typeof url === 'string' ? url : '')),

    themeName: () => {
      try {
        return toTheme(api?.devtools?.panels?.themeName)
      } catch {
        return 'light'
      }
    },

    onThemeChanged: (cb) => {
      try {
        const panels = api?.devtools?.panels
        // Chrome: one handler slot; unset by calling it without a callback.
        if (typeof panels?.setThemeChangeHandler === 'function') {
          panels.setThemeChangeHandler((name) => {
            try {
              cb(toTheme(name))
            } catch {
              // see listen()
            }
          })
          return () => {
            try {
              panels.setThemeChangeHandler()
            } catch {
              // DevTools is going away
            }
          }
        }
        // Firefox: an event, on chrome.* and browser.*.
        const event = [record(panels)?.onThemeChanged, record(record(record(globals.browser)?.devtools)?.panels)?.onThemeChanged].find(isEvent)
        return listen(event, (name: unknown) => cb(toTheme(name)))
      } catch {
        return noop
      }
    },

    reload: () => {
      try {
        api?.devtools?.inspectedWindow?.reload()
      } catch {
        // nothing to reload
      }
    },

    createPanel: (title, iconPath, pagePath, onShown) => {
      try {
        api?.devtools?.panels?.create(title, iconPath, pagePath, (panel) => {
          listen(panel?.onShown, (panelWindow: Window) => onShown(panelWindow))
        })
      } catch {
        // without a panel there is nothing to show; capture goes on regardless
      }
    },

    storageGet: (key) =>
      settle<unknown>(STORAGE_TIMEOUT_MS, undefined, (done) => {
        ext()
          .then((b) => b.storage.local.get(key))
          .then(
            (items) => done(record(items)?.[key]),
            () => done(undefined),
          )
      }),

    storageSet: (key, value) =>
      ext()
        .then((b) => b.storage.local.set({ [key]: value }))
        .catch((e: unknown) => {
          throw e instanceof Error ? e : new Error(`could not save ${key}`)
        }),
  }
}
