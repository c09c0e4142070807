import { afterEach, describe, expect, it, vi } from 'vitest'
import { detectBrowser, readContent, realSeam, type HarEntryWithContent, type SeamGlobals } from '../../src/devtools/seam.ts'

const BODY = '{"code":"AccessDenied","message":"Access denied."}'
const withReader = (getContent: unknown): HarEntryWithContent => ({ request: { url: 'https://b.bj.bcebos.com/k' }, getContent }) as HarEntryWithContent

describe('readContent', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('reads the Chrome callback form (content, encoding)', async () => {
    const entry = withReader((cb: (c: string, e: string) => void) => setTimeout(() => cb('aGk=', 'base64'), 0))
    expect(await readContent(entry)).toEqual({ text: 'aGk=', encoding: 'base64' })
  })

  it("turns Chrome's empty encoding into null", async () => {
    const entry = withReader((cb: (c: string, e: string) => void) => cb(BODY, ''))
    expect(await readContent(entry)).toEqual({ text: BODY, encoding: null })
  })

  it('reads the Chrome promise form {content, encoding}', async () => {
    const entry = withReader(() => Promise.resolve({ content: BODY, encoding: '' }))
    expect(await readContent(entry)).toEqual({ text: BODY, encoding: null })
  })

  it('reads the Firefox promise form [content, mimeType] without taking the MIME type for an encoding', async () => {
    const entry = withReader(() => Promise.resolve([BODY, 'application/json']))
    expect(await readContent(entry, { firefox: true })).toEqual({ text: BODY, encoding: null })
    // even when the browser was not recognised as Firefox
    expect(await readContent(entry)).toEqual({ text: BODY, encoding: null })
  })

  it('ignores the second callback value in Firefox, which spreads [content, mimeType] into the callback', async () => {
    const entry = withReader((cb: (c: string, e: string) => void) => cb(BODY, 'application/json'))
    expect(await readContent(entry, { firefox: true })).toEqual({ text: BODY, encoding: null })
    expect(await readContent(entry)).toEqual({ text: BODY, encoding: null })
  })

  it('gives up after the timeout when the callback never fires', async () => {
    vi.useFakeTimers()
    const entry = withReader(() => undefined)
    const result = readContent(entry, { timeoutMs: 5_000 })
    await vi.advanceTimersByTimeAsync(4_999)
    let settled = false
    void result.then(() => (settled = true))
    await Promise.resolve()
    expect(settled).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(await result).toEqual({ text: null, encoding: null })
  })

  it('uses the first answer when a browser both calls back and returns a promise', async () => {
    const entry = withReader((cb: (c: string, e: string) => void) => {
      cb('first', '')
      return Promise.resolve({ content: 'second', encoding: '' })
    })
    expect((await readContent(entry)).text).toBe('first')
  })

  it('never rejects: a throwing reader, a rejected promise and a null content all mean "no body"', async () => {
    const none = { text: null, encoding: null }
    expect(
      await readContent(
        withReader(() => {
          throw new Error('Request content was evicted from inspector cache')
        }),
      ),
    ).toEqual(none)
    expect(await readContent(withReader(() => Promise.reject(new Error('gone'))))).toEqual(none)
    expect(await readContent(withReader((cb: (c: unknown, e: unknown) => void) => cb(null, null)))).toEqual(none)
  })

  it('falls back to the inline body of an entry without a reader (imported HAR)', async () => {
    const entry = { response: { content: { text: BODY, mimeType: 'application/json' } } }
    expect(await readContent(entry)).toEqual({ text: BODY, encoding: null })
    expect(await readContent({})).toEqual({ text: null, encoding: null })
  })
})

describe('detectBrowser', () => {
  const ns = (url: string) => ({ runtime: { getURL: () => url } })
  it('recognises Firefox by its moz-extension: origin, on browser.* or chrome.*', () => {
    expect(detectBrowser({ browser: ns('moz-extension://0b1e2c3d/') })).toBe('firefox')
    expect(detectBrowser({ chrome: ns('moz-extension://0b1e2c3d/') as unknown as typeof chrome })).toBe('firefox')
  })
  it('treats Chromium, with or without its native browser namespace, as chrome', () => {
    expect(detectBrowser({ browser: ns('chrome-extension://abcdefghijklmnopabcdefghijklmnop/') })).toBe('chrome')
    expect(detectBrowser({})).toBe('chrome')
    expect(
      detectBrowser({
        browser: {
          runtime: {
            getURL: () => {
              throw new Error('no')
            },
          },
        },
      }),
    ).toBe('chrome')
  })
})

/** A stand-in for the parts of chrome.* the seam uses. */
function fakeChrome() {
  const listeners = { finished: [] as Array<(r: unknown) => void>, navigated: [] as Array<(u: unknown) => void>, shown: [] as Array<(w: unknown) => void> }
  const event = <T>(list: T[]) => ({ addListener: (l: T) => list.push(l), removeListener: (l: T) => list.splice(list.indexOf(l), 1) })
  const store: Record<string, unknown> = {}
  let themeHandler: ((t: string) => void) | undefined
  const api = {
    runtime: { getURL: () => 'chrome-extension://abc/', lastError: undefined as { message?: string } | undefined },
    devtools: {
      network: {
        onRequestFinished: event(listeners.finished),
        onNavigated: event(listeners.navigated),
        getHAR: (cb: (log: unknown) => void) => setTimeout(() => cb({ entries: [{ request: { url: 'https://a.bcebos.com/' } }, 'junk'] }), 0),
      },
      panels: {
        themeName: 'dark',
        setThemeChangeHandler: (cb?: (t: string) => void) => (themeHandler = cb),
        create: (_t: string, _i: string, _p: string, cb: (panel: unknown) => void) => cb({ onShown: event(listeners.shown) }),
      },
      inspectedWindow: { reload: vi.fn() },
    },
    storage: {
      local: {
        get: (key: string, cb: (items: Record<string, unknown>) => void) => cb(key in store ? { [key]: store[key] } : {}),
        set: (items: Record<string, unknown>, cb: () => void) => {
          Object.assign(store, items)
          cb()
        },
      },
    },
  }
  return { api, listeners, store, themeHandler: () => themeHandler }
}

describe('realSeam', () => {
  const seamOver = (api: unknown, browser?: unknown) => realSeam({ chrome: api, browser } as SeamGlobals)

  it('passes request events through and unsubscribes', () => {
    const { api, listeners } = fakeChrome()
    const seam = seamOver(api)
    const seen: unknown[] = []
    const off = seam.onRequestFinished((e) => seen.push(e))
    listeners.finished[0]!({ request: { url: 'u' } })
    listeners.finished[0]!('not an entry')
    off()
    expect(seen).toEqual([{ request: { url: 'u' } }])
    expect(listeners.finished).toHaveLength(0)
  })

  it('keeps a throwing handler from reaching DevTools', () => {
    const { api, listeners } = fakeChrome()
    seamOver(api).onNavigated(() => {
      throw new Error('boom')
    })
    expect(() => listeners.navigated[0]!('https://example.com/')).not.toThrow()
  })

  it('reads getHAR through its callback and keeps only entry objects', async () => {
    const { api } = fakeChrome()
    expect(await seamOver(api).getHAR()).toEqual([{ request: { url: 'https://a.bcebos.com/' } }])
  })

  it('leaves out what Chrome lists while it is still in flight, keeping failed and Firefox-shaped entries', async () => {
    const { api } = fakeChrome()
    const url = (n: number) => ({ url: `https://b.bj.bcebos.com/${n}` })
    // As Chrome 156 lists a request still waiting for its answer (seen in the E2E run).
    const inFlight = { request: url(1), response: { status: 0, headers: [], _error: null } }
    const failed = { request: url(2), response: { status: 0, headers: [], _error: 'net::ERR_FAILED' } }
    const noErrorField = { request: url(3), response: { status: 0, headers: [] } }
    const answered = { request: url(4), response: { status: 403, headers: [{ name: 'x-bce-request-id', value: 'r' }], _error: null } }
    api.devtools.network.getHAR = (cb) => setTimeout(() => cb({ entries: [inFlight, failed, noErrorField, answered] }), 0)
    expect(await seamOver(api).getHAR()).toEqual([failed, noErrorField, answered])
  })

  it('gives an empty HAR when getHAR throws', async () => {
    const { api } = fakeChrome()
    api.devtools.network.getHAR = () => {
      throw new Error('not in a devtools page')
    }
    expect(await seamOver(api).getHAR()).toEqual([])
  })

  it("maps the theme and uses Chrome's setThemeChangeHandler, unsetting it on unsubscribe", () => {
    const chrome = fakeChrome()
    const seam = seamOver(chrome.api)
    expect(seam.themeName()).toBe('dark')
    chrome.api.devtools.panels.themeName = 'default'
    expect(seam.themeName()).toBe('light')
    const seen: string[] = []
    const off = seam.onThemeChanged((t) => seen.push(t))
    chrome.themeHandler()!('dark')
    chrome.themeHandler()!('default')
    expect(seen).toEqual(['dark', 'light'])
    off()
    expect(chrome.themeHandler()).toBeUndefined()
  })

  it("uses Firefox's browser.devtools.panels.onThemeChanged when there is no setThemeChangeHandler", () => {
    const { api } = fakeChrome()
    const { setThemeChangeHandler: _, ...panels } = api.devtools.panels
    const themeListeners: Array<(t: string) => void> = []
    const browser = {
      runtime: { getURL: () => 'moz-extension://x/' },
      devtools: { panels: { onThemeChanged: { addListener: (l: (t: string) => void) => themeListeners.push(l), removeListener: () => themeListeners.pop() } } },
    }
    const seam = seamOver({ ...api, devtools: { ...api.devtools, panels } }, browser)
    expect(seam.browser).toBe('firefox')
    const seen: string[] = []
    const off = seam.onThemeChanged((t) => seen.push(t))
    themeListeners[0]!('dark')
    off()
    expect(seen).toEqual(['dark'])
    expect(themeListeners).toHaveLength(0)
  })

  it('creates the panel and reports each show with the panel window', () => {
    const { api, listeners } = fakeChrome()
    const shown: unknown[] = []
    seamOver(api).createPanel('BOS', '/icons/icon-32.png', '/src/panel/panel.html', (w) => shown.push(w))
    listeners.shown[0]!('panel window')
    expect(shown).toEqual(['panel window'])
  })

  it('round-trips storage through the promise-based polyfill and rejects a write storage refused', async () => {
    const store: Record<string, unknown> = {}
    let refuse: string | null = null
    const storage = {
      local: {
        get: async (key: string) => (key in store ? { [key]: store[key] } : {}),
        set: async (items: Record<string, unknown>) => {
          if (refuse) throw new Error(refuse)
          Object.assign(store, items)
        },
      },
    }
    const load = vi.fn(async () => ({ storage }) as never)
    const seam = realSeam({ chrome: fakeChrome().api, polyfill: load } as unknown as SeamGlobals)
    await seam.storageSet('preserveLog', true)
    expect(await seam.storageGet('preserveLog')).toBe(true)
    expect(await seam.storageGet('missing')).toBeUndefined()
    refuse = 'QUOTA_BYTES quota exceeded'
    await expect(seam.storageSet('customHosts', [])).rejects.toThrow('QUOTA_BYTES')
    expect(load).toHaveBeenCalledTimes(1) // loaded once, on first use
  })

  it('reads nothing and saves nothing where the polyfill cannot load (not an extension page)', async () => {
    const seam = realSeam({ polyfill: () => Promise.reject(new Error('not an extension')) })
    expect(await seam.storageGet('preserveLog')).toBeUndefined()
    await expect(seam.storageSet('preserveLog', true)).rejects.toThrow('not an extension')
  })

  it('survives a page without chrome.devtools', async () => {
    const seam = realSeam({})
    expect(seam.onRequestFinished(() => {})).toBeTypeOf('function')
    expect(seam.themeName()).toBe('light')
    expect(() => seam.reload()).not.toThrow()
    expect(() => seam.createPanel('BOS', '', '', () => {})).not.toThrow()
    expect(await seam.getHAR()).toEqual([])
  })
})
