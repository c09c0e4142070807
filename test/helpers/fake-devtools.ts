// An in-memory DevtoolsSeam: tests emit DevTools events and look at what the code under test asked for.
// Bodies go through the real readContent, so timeouts and shapes behave as in the browser.
import { readContent, type ContentResult, type DevtoolsSeam, type HarEntryWithContent, type Theme } from '../../src/devtools/seam.ts'

/** getContent answers nothing at all (evicted request); the seam's timeout must end the wait. */
export const NEVER = Symbol('getContent never answers')

/** What a fake entry's getContent gives: a text body, text with an encoding, null (DevTools had nothing), or NEVER. */
export type FakeContent = string | null | { text: string; encoding: string } | typeof NEVER

export class FakeDevtools implements DevtoolsSeam {
  browser: 'chrome' | 'firefox' = 'chrome'
  /** What getHAR() returns, in HAR order. */
  harEntries: HarEntryWithContent[] = []
  getHARCalls = 0
  /** URLs whose body was asked for, in order. */
  readonly contentRequests: string[] = []
  reloads = 0
  readonly storage = new Map<string, unknown>()
  panel: { title: string; iconPath: string; pagePath: string } | null = null
  /** Short, so the NEVER path ends quickly. */
  contentTimeoutMs = 20

  private theme: Theme = 'light'
  private harGate: Promise<void> | null = null
  private readonly finished = new Set<(entry: HarEntryWithContent) => void>()
  private readonly navigated = new Set<(url: string) => void>()
  private readonly themeListeners = new Set<(theme: Theme) => void>()
  private onShown: ((w: Window) => void) | null = null

  /** The entry with a Chrome-style getContent(callback) that answers `content` (default: empty body). */
  withContent(entry: Record<string, unknown>, content: FakeContent = ''): HarEntryWithContent {
    return {
      ...entry,
      getContent: (cb: (content: string, encoding: string) => void) => {
        if (content === NEVER) return
        // Chrome answers asynchronously, never inside the call.
        const [text, encoding] = typeof content === 'object' && content !== null ? [content.text, content.encoding] : [content, '']
        setTimeout(() => cb(text as string, encoding), 0)
      },
    }
  }

  /** Emits onRequestFinished for the entry, whose body reads as `content`. */
  finish(entry: Record<string, unknown>, content?: FakeContent): HarEntryWithContent {
    const e = this.withContent(entry, content)
    for (const cb of [...this.finished]) cb(e)
    return e
  }

  /** Makes getHAR() wait until the returned function is called. */
  holdHAR(): () => void {
    let release = (): void => {}
    this.harGate = new Promise((resolve) => (release = resolve))
    return () => {
      this.harGate = null
      release()
    }
  }

  navigate(url: string): void {
    for (const cb of [...this.navigated]) cb(url)
  }

  setTheme(theme: Theme): void {
    this.theme = theme
    for (const cb of [...this.themeListeners]) cb(theme)
  }

  /** Fires the panel's onShown with the given window. */
  shown(win: Window): void {
    this.onShown?.(win)
  }

  listenerCount(): number {
    return this.finished.size + this.navigated.size + this.themeListeners.size
  }

  // ---- DevtoolsSeam ----

  onRequestFinished(cb: (entry: HarEntryWithContent) => void): () => void {
    return subscribe(this.finished, cb)
  }

  async getHAR(): Promise<HarEntryWithContent[]> {
    this.getHARCalls++
    if (this.harGate) await this.harGate
    return [...this.harEntries]
  }

  getContent(entry: HarEntryWithContent): Promise<ContentResult> {
    const url = (entry.request as { url?: string } | undefined)?.url ?? ''
    this.contentRequests.push(url)
    return readContent(entry, { timeoutMs: this.contentTimeoutMs })
  }

  onNavigated(cb: (url: string) => void): () => void {
    return subscribe(this.navigated, cb)
  }

  themeName(): Theme {
    return this.theme
  }

  onThemeChanged(cb: (theme: Theme) => void): () => void {
    return subscribe(this.themeListeners, cb)
  }

  reload(): void {
    this.reloads++
  }

  createPanel(title: string, iconPath: string, pagePath: string, onShown: (panelWindow: Window) => void): void {
    this.panel = { title, iconPath, pagePath }
    this.onShown = onShown
  }

  async storageGet(key: string): Promise<unknown> {
    // structuredClone: real storage hands back copies, never the object that was saved
    return structuredClone(this.storage.get(key))
  }

  async storageSet(key: string, value: unknown): Promise<void> {
    this.storage.set(key, structuredClone(value))
  }
}

function subscribe<T>(set: Set<T>, cb: T): () => void {
  set.add(cb)
  return () => {
    set.delete(cb)
  }
}
