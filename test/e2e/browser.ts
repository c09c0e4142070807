// Starts Debian's Chromium with the built extension and DevTools open on the test page, then connects
// Playwright over CDP (Playwright's own launch never exposes auto-opened DevTools windows). Every exit
// path kills the browser this harness started, by its own process id.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Frame, type Page } from 'playwright-core'
import type { BosServer } from './bos-server/index.ts'
import type { SdkPutResult } from './sdk-page.ts'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? (existsSync('/usr/lib/chromium/chromium') ? '/usr/lib/chromium/chromium' : '/usr/bin/chromium')
export const DIST = resolve('dist')
/** Screenshots the E2E run takes (looked at by people; the best one goes in README). */
export const SHOTS = resolve(process.env.SHOTS_DIR ?? 'test-results/screenshots')

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

export async function poll<T>(fn: () => T | Promise<T>, what: string, ms = 15_000): Promise<NonNullable<T>> {
  const end = Date.now() + ms
  let last: unknown
  while (Date.now() < end) {
    try {
      const v = await fn()
      if (v) return v as NonNullable<T>
    } catch (e) {
      last = e
    }
    await sleep(50)
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`)
}

export interface DevtoolsSession {
  chrome: ChildProcess
  browser: Browser
  /** The inspected page. */
  page: Page
  /** The DevTools window of that page. */
  devtools: Page
  port: number
  /** Clicks the BOS tab and returns the panel frame. */
  openBosPanel(): Promise<Frame>
  /** Selects another DevTools tab (Console). */
  showConsole(): Promise<void>
  /** URLs the extension's own frames (devtools page, panel) requested outside chrome-extension:, data:, blob:. */
  extensionRequests(): Promise<string[]>
  close(): Promise<void>
}

const ownUrl = (url: string) => /^(chrome-extension|data|blob):/.test(url)

/**
 * The extension must make no network request of its own. Each of its frames in the DevTools window (the
 * devtools page at once, the panel once shown) gets a CDP session with Network enabled; Resource Timing
 * in those frames covers what they fetched before we attached.
 */
function watchExtensionNetwork(ctx: BrowserContext, devtools: Page) {
  const watched = new Set<Frame>()
  const seen: string[] = []
  const watch = async () => {
    for (const frame of devtools.frames().filter((f) => f.url().startsWith('chrome-extension://') && !watched.has(f))) {
      watched.add(frame)
      const cdp = await ctx.newCDPSession(frame)
      cdp.on('Network.requestWillBeSent', (e) => seen.push(e.request.url))
      cdp.on('Network.webSocketCreated', (e) => seen.push(e.url))
      await cdp.send('Network.enable')
    }
  }
  const requests = async () => {
    await watch()
    const timed = await Promise.all(
      [...watched].filter((f) => !f.isDetached()).map((f) => f.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name)).catch(() => [])),
    )
    return [...new Set([...seen, ...timed.flat()])].filter((url) => !ownUrl(url))
  }
  return { watch, requests }
}

const live = new Set<ChildProcess>()
process.once('exit', () => {
  for (const c of live) if (c.exitCode === null) c.kill('SIGKILL')
})

/**
 * Whether this Chromium can show its UI in `lang` (a BCP 47 tag such as zh-CN): Debian ships only en-US
 * with the browser; the other languages come with the chromium-l10n package. Without it, --lang is ignored.
 */
export function chromiumHasLanguage(lang: string): boolean {
  return existsSync(join(resolve(CHROMIUM, '..'), 'locales', `${lang}.pak`)) || existsSync(`/usr/lib/chromium/locales/${lang}.pak`)
}

export async function openDevtools(url: string, opts: { theme?: 'light' | 'dark'; lang?: string } = {}): Promise<DevtoolsSession> {
  mkdirSync(SHOTS, { recursive: true })
  if (!existsSync(join(DIST, 'manifest.json'))) throw new Error('dist/ is not built: run "npm run build" first')
  const userDataDir = mkdtempSync(join(tmpdir(), 'bos-e2e-'))
  mkdirSync(join(userDataDir, 'Default'))
  // Undocked DevTools gets a window of its own: the tab strip has room for "BOS" (docked right it
  // overflows into a native menu) and screenshots show the panel at a useful size. Pick the theme.
  writeFileSync(
    join(userDataDir, 'Default', 'Preferences'),
    JSON.stringify({
      devtools: {
        preferences: {
          currentDockState: '"undocked"',
          'ui-theme': opts.theme === 'dark' ? '"dark"' : '"default"',
          // In another language, DevTools follows the browser's too (instead of offering to switch in a bar).
          ...(opts.lang ? { language: '"browserLanguage"', 'disable-locale-info-bar': 'true' } : {}),
        },
      },
    }),
  )
  const chrome = spawn(
    CHROMIUM,
    [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-features=Translate,MediaRouter',
      `--user-data-dir=${userDataDir}`,
      '--remote-debugging-port=0',
      '--window-size=1400,900',
      `--disable-extensions-except=${DIST}`,
      `--load-extension=${DIST}`,
      '--auto-open-devtools-for-tabs',
      '--host-resolver-rules=MAP *.bcebos.com 127.0.0.1, MAP *.example.test 127.0.0.1',
      // The browser's UI language (chrome.i18n.getUILanguage()); on Linux Chromium also reads LANGUAGE.
      ...(opts.lang ? [`--lang=${opts.lang}`] : []),
      url,
    ],
    { stdio: 'ignore', env: opts.lang ? { ...process.env, LANGUAGE: opts.lang.replace('-', '_') } : process.env },
  )
  live.add(chrome)
  const kill = async () => {
    if (chrome.exitCode === null && chrome.signalCode === null) {
      chrome.kill('SIGTERM')
      await Promise.race([new Promise((r) => chrome.once('exit', r)), sleep(3000)])
      if (chrome.exitCode === null && chrome.signalCode === null) chrome.kill('SIGKILL')
    }
    live.delete(chrome)
    // Chromium's helper processes may still be writing to the profile for a moment after it exits; a
    // temporary profile they keep writing to for longer is left behind rather than failing the test.
    try {
      rmSync(userDataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 })
    } catch {
      await sleep(2000)
      try {
        rmSync(userDataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 })
      } catch {
        // left in the temporary directory
      }
    }
  }
  try {
    const portFile = join(userDataDir, 'DevToolsActivePort')
    const port = Number(await poll(() => existsSync(portFile) && readFileSync(portFile, 'utf8').split('\n')[0], 'DevToolsActivePort'))
    await poll(async () => {
      const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as { url: string }[]
      return targets.some((t) => /^chrome-extension:\/\/[a-p]{32}\/src\/devtools\/devtools\.html/.test(t.url))
    }, 'the extension devtools_page')
    const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`)
    const ctx = browser.contexts()[0]!
    const page = await poll(() => ctx.pages().find((p) => p.url().startsWith(url.split('/').slice(0, 3).join('/'))), 'the inspected page')
    // Not devtools://devtools/bundled/device_mode_emulation_frame.html, which may be listed first.
    const devtools = await poll(() => ctx.pages().find((p) => p.url().startsWith('devtools://devtools/bundled/devtools_app.html')), 'the DevTools window')
    const panelFrame = () => devtools.frames().find((f) => /^chrome-extension:\/\/[a-p]{32}\/src\/panel\/panel\.html/.test(f.url()))
    const network = watchExtensionNetwork(ctx, devtools)
    await poll(() => devtools.frames().some((f) => /^chrome-extension:\/\/[a-p]{32}\/src\/devtools\/devtools\.html/.test(f.url())), 'the devtools page frame')
    await network.watch()
    return {
      chrome,
      browser,
      page,
      devtools,
      port,
      async openBosPanel() {
        try {
          // Generous: on a loaded 2-core machine DevTools may take a while to load extension panels.
          await devtools.getByRole('tab', { name: 'BOS', exact: true }).click({ timeout: 45_000 })
        } catch (e) {
          await devtools.screenshot({ path: join(SHOTS, `failure-no-bos-tab-${Date.now()}.png`) }).catch(() => {})
          throw e
        }
        const frame = await poll(panelFrame, 'the BOS panel frame')
        await network.watch()
        return frame
      },
      async showConsole() {
        await devtools.getByRole('tab', { name: 'Console', exact: true }).click({ timeout: 15_000 })
      },
      extensionRequests: network.requests,
      async close() {
        await browser.close().catch(() => {}) // after connectOverCDP this only disconnects
        await kill()
      },
    }
  } catch (e) {
    await kill()
    throw e
  }
}

/** Calls one of the test page's window functions (test/e2e/pages/sdk-page.html) and returns its JSON result. */
export function callPage<T>(page: Page, fn: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(([f, a]) => (window as unknown as Record<string, (...x: unknown[]) => Promise<unknown>>)[f as string]!(...(a as unknown[])), [
    fn,
    args,
  ] as const) as Promise<T>
}

/**
 * The SDK's PutObject of docs/late.txt while the server clock runs `minutes` ahead (BOS answers
 * RequestExpired); then the server clock and the SDK's own clock correction are put back.
 */
export async function putWhileServerClockAhead(bos: BosServer, page: Page, minutes: number): Promise<SdkPutResult> {
  bos.clockOffsetMs = minutes * 60_000
  const late = await callPage<SdkPutResult>(page, 'sdkPut', bos.port, 'mybucket', 'docs/late.txt', 'late', { contentType: 'text/plain' })
  bos.clockOffsetMs = 0
  await callPage(page, 'resetSdkClock')
  return late
}

/**
 * The BOS panel's locators the test files share. `frame` is read at each call: the files set their panel
 * frame in a hook, after these are made.
 */
export function panelLocators(frame: () => Frame) {
  const row = (requestId: string) => frame().locator(`[data-testid=bos-row][data-request-id="${requestId}"]`)
  const finding = (id: string) => frame().locator(`[data-testid=finding][data-finding-id="${id}"]`)
  const tab = (name: string) => frame().getByTestId(`tab-${name}`)
  /** Opens a request on its Summary (the selected tab stays selected from one request to the next). */
  const openRow = async (requestId: string) => {
    await row(requestId).click()
    await tab('summary').click()
  }
  return { row, finding, tab, openRow }
}
