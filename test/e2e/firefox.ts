// Starts Debian's Firefox ESR headless with dist-firefox/ as a temporary add-on and drives it over
// Marionette (Firefox's own remote protocol: length-prefixed JSON over TCP; Playwright's Firefox needs its
// own patched build, which cannot be installed here). DevTools is opened the way a user does it, and the
// extension's panel page is read through a frame script in its <browser>. Every exit path kills the
// Firefox this harness started, by its own process id.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { connect, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { poll } from './browser.ts'

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr'
export const DIST_FIREFOX = resolve('dist-firefox')

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** One Marionette connection: `send` a command, get its result or a rejection with Firefox's error. */
async function marionette(port: number): Promise<{ send: (name: string, params?: object) => Promise<unknown>; close(): void }> {
  const sock: Socket = connect(port, '127.0.0.1')
  await new Promise((res, rej) => sock.once('connect', res).once('error', rej))
  const pending = new Map<number, { res: (v: unknown) => void; rej: (e: Error) => void }>()
  let hello: (() => void) | null = null
  const greeted = new Promise<void>((r) => (hello = r))
  let buf = Buffer.alloc(0)
  let id = 0
  sock.on('data', (d) => {
    buf = Buffer.concat([buf, d])
    for (let colon = buf.indexOf(':'); colon > 0; colon = buf.indexOf(':')) {
      const len = Number(buf.subarray(0, colon).toString())
      if (buf.length < colon + 1 + len) return
      const msg = JSON.parse(buf.subarray(colon + 1, colon + 1 + len).toString()) as unknown
      buf = buf.subarray(colon + 1 + len)
      if (!Array.isArray(msg)) {
        hello?.()
        continue
      }
      const [, msgId, error, result] = msg as [number, number, { message?: string } | null, unknown]
      const p = pending.get(msgId)
      pending.delete(msgId)
      if (error) p?.rej(new Error(`Marionette: ${error.message ?? JSON.stringify(error)}`))
      else p?.res(result)
    }
  })
  sock.on('close', () => pending.forEach((p) => p.rej(new Error('Marionette connection closed'))))
  await greeted
  return {
    send: (name, params = {}) =>
      new Promise((res, rej) => {
        const m = JSON.stringify([0, ++id, name, params])
        pending.set(id, { res, rej })
        sock.write(`${Buffer.byteLength(m)}:${m}`)
      }),
    close: () => sock.destroy(),
  }
}

/** Chrome-privileged code run in the browser window; `body` is an async function body, `args` its arguments. */
const CHROME_PRELUDE = `
  const { require } = ChromeUtils.importESModule('resource://devtools/shared/loader/Loader.sys.mjs');
  const { gDevTools } = require('devtools/client/framework/devtools');
  const win = Services.wm.getMostRecentWindow('navigator:browser');
  const wait = (ms) => new Promise((r) => win.setTimeout(r, ms));
`

export interface PanelSnapshot {
  url: string
  rows: Record<string, string>[]
  text: string
}

export interface FirefoxSession {
  /** Runs `body` (a function body; `arguments` are `args`) in the inspected page and returns its result. */
  inPage<T>(body: string, ...args: unknown[]): Promise<T>
  /** Opens DevTools on the tab, on the Network panel (Firefox reports requests only after it was shown once). */
  openDevtools(): Promise<void>
  /** The labels of the extension panels in the toolbox. */
  extensionPanels(): Promise<string[]>
  /** Selects the BOS tab and reads the panel page. */
  bosPanel(): Promise<PanelSnapshot>
  /**
   * Selects the BOS tab and runs `body` (an async function body) in a frame script of the panel page:
   * `content` is the page (through Xrays, as privileged code sees it). Returns what it returns (cloneable).
   */
  inPanel<T>(body: string): Promise<T>
  close(): Promise<void>
}

export async function openFirefox(url: string, opts: { localDomains: string[] }): Promise<FirefoxSession> {
  if (!existsSync(join(DIST_FIREFOX, 'manifest.json'))) throw new Error('dist-firefox/ is not built: run "npm run build:firefox" first')
  const profile = mkdtempSync(join(tmpdir(), 'bos-ff-'))
  const prefs: Record<string, string | number | boolean> = {
    'marionette.port': 0, // a free port, written to <profile>/MarionetteActivePort
    'network.dns.localDomains': opts.localDomains.join(','), // these hosts resolve to 127.0.0.1
    'browser.shell.checkDefaultBrowser': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.reportingpolicy.firstRun': false,
    'browser.aboutwelcome.enabled': false,
    'devtools.toolbox.host': 'bottom',
  }
  writeFileSync(
    join(profile, 'user.js'),
    Object.entries(prefs)
      .map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});\n`)
      .join(''),
  )
  const ff: ChildProcess = spawn(FIREFOX, ['-headless', '-no-remote', '-profile', profile, '-marionette', '-remote-allow-system-access', 'about:blank'], {
    stdio: 'ignore',
    env: { ...process.env, MOZ_HEADLESS: '1' },
  })
  let m: Awaited<ReturnType<typeof marionette>> | null = null
  const kill = async () => {
    m?.close()
    if (ff.exitCode === null && ff.signalCode === null) {
      ff.kill('SIGTERM')
      await Promise.race([new Promise((r) => ff.once('exit', r)), sleep(5000)])
      if (ff.exitCode === null && ff.signalCode === null) ff.kill('SIGKILL')
    }
    rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 })
  }
  try {
    const portFile = join(profile, 'MarionetteActivePort')
    const port = Number(await poll(() => existsSync(portFile) && readFileSync(portFile, 'utf8').trim(), 'Marionette', 60_000))
    m = await marionette(port)
    const send = m.send
    await send('WebDriver:NewSession', { capabilities: {} })
    await send('Addon:Install', { path: DIST_FIREFOX, temporary: true })
    await send('WebDriver:Navigate', { url })
    const run = async <T>(context: 'chrome' | 'content', body: string, args: unknown[] = []): Promise<T> => {
      await send('Marionette:SetContext', { value: context })
      const script = `return (async function () { ${context === 'chrome' ? CHROME_PRELUDE : ''} ${body} }).apply(null, arguments)`
      return ((await send('WebDriver:ExecuteScript', { script, args })) as { value: T }).value
    }
    const toolbox = `const toolbox = gDevTools.getToolboxForTab(win.gBrowser.selectedTab); if (!toolbox) throw new Error('DevTools is not open');`
    const inPanel = <T>(body: string) =>
      run<T>(
        'chrome',
        `${toolbox}
          const tool = toolbox.getAdditionalTools().find((t) => t.label === 'BOS');
          if (!tool) throw new Error('no BOS panel in the toolbox');
          await toolbox.selectTool(tool.id);
          let browser = null;
          for (let i = 0; i < 100 && !browser; i++) {
            browser = toolbox.doc.getElementById('toolbox-panel-iframe-' + tool.id)?.contentDocument?.querySelector('browser') ?? null;
            if (!browser) await wait(100);
          }
          if (!browser) throw new Error('the BOS panel has no <browser>');
          // The panel page runs in the extension process: reach it with a frame script.
          const script = '(async () => { try { const value = await (async () => { ' + arguments[0] + ' })();' +
            ' sendAsyncMessage("bos-e2e:panel", { value }) } catch (e) { sendAsyncMessage("bos-e2e:panel", { error: String(e) }) } })()';
          const answer = await new Promise((resolve, reject) => {
            const mm = browser.messageManager;
            const listener = (msg) => { mm.removeMessageListener('bos-e2e:panel', listener); resolve(msg.data) };
            mm.addMessageListener('bos-e2e:panel', listener);
            mm.loadFrameScript('data:,' + encodeURIComponent(script), false);
            win.setTimeout(() => reject(new Error('the panel page did not answer')), 10000);
          });
          if (answer.error) throw new Error('in the panel: ' + answer.error);
          return answer.value;`,
        [body],
      )
    return {
      inPage: (body, ...args) => run('content', body, args),
      async openDevtools() {
        await run('chrome', `await gDevTools.showToolboxForTab(win.gBrowser.selectedTab, { toolId: 'netmonitor' })`)
      },
      extensionPanels: () =>
        run(
          'chrome',
          `${toolbox}
          for (let i = 0; i < 100 && !toolbox.getAdditionalTools().length; i++) await wait(100);
          return toolbox.getAdditionalTools().map((t) => t.label);`,
        ),
      bosPanel: () =>
        inPanel<PanelSnapshot>(
          'return { url: content.location.href, text: content.document.body?.innerText ?? "", rows: [...content.document.querySelectorAll("[data-testid=bos-row]")].map((r) => ({ ...r.dataset })) }',
        ),
      inPanel: (body) => inPanel(body),
      close: kill,
    }
  } catch (e) {
    await kill()
    throw e
  }
}
