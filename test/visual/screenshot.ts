// Visual check of the panel: serves the inline shell with Vite, screenshots light/dark, list/detail
// views with Debian's Chromium into /tmp/bos-shots. Run: npx tsx test/visual/screenshot.ts
// (ONLY=s3- takes just the shots whose name contains it)
import { mkdirSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import preact from '@preact/preset-vite'
import { chromium, type Browser, type Page } from 'playwright-core'
import { createServer, type ViteDevServer } from 'vite'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const OUT = process.env.SHOTS ?? '/tmp/bos-shots'

interface Shot {
  name: string
  query?: string
  width?: number
  height?: number
  act?: (page: Page) => Promise<void>
  /** JS run in the page before its scripts (a string: tsx would wrap a function in helpers the page lacks). */
  init?: string
}

const openRow = (code: string, tab?: string) => async (page: Page) => {
  const sel = /^\d+$/.test(code) ? `[data-status="${code}"]` : `[data-code="${code}"]`
  await page.locator(`[data-testid=bos-row]${sel}`).first().click()
  if (tab) await page.getByTestId(`tab-${tab}`).click()
  // Authorization (and the upload views) load their chunk on first use.
  await page.locator('[data-testid=lazy-loading]').waitFor({ state: 'detached' })
}

/** The panel in Chinese: the language the seam reads from chrome.i18n. */
const ZH = `(window.chrome ??= {}).i18n = { getUILanguage: () => 'zh-CN' }`

const openOverflow = async (page: Page) => {
  await page.getByTestId('toolbar-more').click()
  await page.getByTestId('toolbar-more-menu').waitFor()
}

const openCopyMenu = async (page: Page) => {
  await openRow('RequestExpired')(page)
  await page.getByTestId('copy-menu-button').click()
  await page.getByTestId('copy-with-secrets').hover()
  await page.getByTestId('copy-with-secrets-menu').waitFor()
}

const openRowMenu = async (page: Page) => {
  await page
    .locator('[data-testid=bos-row][data-code=NoSuchKey]')
    .first()
    .click({ button: 'right', position: { x: 120, y: 10 } })
  await page.getByTestId('row-menu').waitFor()
}

/** The last part of a 10,000-part upload, its Upload tab scrolled to the first parts (their rows dropped). */
const bigUpload = async (page: Page) => {
  await page.locator('[data-testid=bos-row]').last().click()
  await page.getByTestId('tab-upload').click()
  await page.getByTestId('session-parts-window').waitFor()
  await page.getByTestId('session-parts-window').evaluate((el) => {
    el.scrollTop = 0
    el.dispatchEvent(new Event('scroll'))
  })
  await page.locator('[data-testid=session-part][data-part-number="1"]').waitFor()
}

/**
 * A 6 MB HAR being imported, its stream held at a third of the file (as a slow disk would), so the
 * progress bar, the counts and Cancel are on screen.
 */
const importing = async (page: Page) => {
  await page.evaluate(`(() => {
    const original = Blob.prototype.stream
    Blob.prototype.stream = function () {
      Blob.prototype.stream = original
      const reader = original.call(this).getReader()
      const size = this.size
      let read = 0
      return new ReadableStream({
        async pull(c) {
          if (read > size / 3) return new Promise(() => {})
          const { done, value } = await reader.read()
          if (done) return c.close()
          read += value.length
          c.enqueue(value)
        },
      })
    }
  })()`)
  const body = 'x'.repeat(200_000)
  const entries = Array.from({ length: 30 }, (_, i) => ({
    startedDateTime: '2026-11-26T04:00:00.000Z',
    request: { method: i % 3 ? 'GET' : 'PUT', url: i % 3 ? `https://app.example.com/${i}.js` : `https://mybucket.bj.bcebos.com/dir/${i}.bin`, headers: [] },
    response: {
      status: 200,
      headers: i % 3 ? [] : [{ name: 'x-bce-request-id', value: `rid-${i}` }],
      content: { size: body.length, mimeType: 'text/javascript', text: body },
    },
  }))
  const buffer = Buffer.from(JSON.stringify({ log: { version: '1.2', entries } }))
  await page.getByTestId('import-file').setInputFiles({ name: 'session-2026-11-26.har', mimeType: 'application/json', buffer })
  await page.waitForFunction(() => Number(document.querySelector<HTMLProgressElement>('[data-testid=import-progress]')?.value) >= 33)
}

/** Sorts by Status, descending (two clicks), and narrows Operation by dragging its right edge (Bucket/Key gets the room). */
const sortAndResize = async (page: Page) => {
  const status = page.locator('[data-testid=column-header][data-col=status]')
  await status.click()
  await status.click()
  const edge = await page.locator('[data-col=op] [data-testid=column-resizer]').boundingBox()
  if (edge) {
    await page.mouse.move(edge.x + 2, edge.y + 8)
    await page.mouse.down()
    await page.mouse.move(edge.x - 50, edge.y + 8, { steps: 4 })
    await page.mouse.up()
  }
}

/** Group by upload on, the failed session open. */
const groupUploads = async (page: Page) => {
  // Narrow, the switch is in the toolbar's » menu: the shell's prefs turn it on instead.
  if (await page.getByTestId('group-by-upload').isVisible()) await page.getByTestId('group-by-upload').check()
  await page.locator('[data-testid=bos-group]').first().click()
}

const SHOTS: Shot[] = [
  { name: 'list-light' },
  { name: 'list-dark', query: 'theme=dark' },
  { name: 'detail-summary-light', act: openRow('RequestExpired') },
  { name: 'detail-summary-dark', query: 'theme=dark', act: openRow('RequestExpired') },
  { name: 'detail-headers-light', act: openRow('RequestExpired', 'headers') },
  { name: 'detail-headers-dark', query: 'theme=dark', act: openRow('NoSuchKey', 'headers') },
  { name: 'detail-body-light', act: openRow('NoSuchKey', 'body') },
  { name: 'detail-request-light', act: openRow('RequestExpired', 'request') },
  { name: 'detail-request-dark', query: 'theme=dark', act: openRow('200', 'request') },
  { name: 'detail-body-html-dark', query: 'theme=dark', act: openRow('502', 'body') },
  { name: 'detail-auth-light', act: openRow('RequestExpired', 'auth') },
  { name: 'detail-auth-dark', query: 'theme=dark', act: openRow('AccessDenied', 'auth') },
  { name: 's3-summary-light', query: 's3=1', act: openRow('SignatureDoesNotMatch') },
  { name: 's3-auth-light', query: 's3=1', height: 1400, act: openRow('SignatureDoesNotMatch', 'auth') },
  { name: 's3-checksums-dark', query: 's3=1&theme=dark', act: openRow('NotImplemented') },
  { name: 's3-presigned-light', query: 's3=1', act: openRow('AccessDenied') },
  {
    name: 'detail-md5-light',
    act: async (page) => {
      await page.locator('[data-testid=bos-row][data-operation=PutObject]').nth(1).click()
    },
  },
  {
    name: 'filter-regex-invalid-light',
    act: async (page) => {
      await page.getByTestId('regex-toggle').click()
      await page.getByTestId('filter').fill('(photos')
      await page.waitForTimeout(250)
    },
  },
  {
    name: 'filter-errors-dark',
    query: 'theme=dark&dropped=25&backfill=1',
    act: async (page) => {
      await page.getByTestId('errors-only').check()
    },
  },
  { name: 'empty-light', query: 'empty=1' },
  { name: 'empty-firefox-dark', query: 'empty=1&firefox=1&theme=dark' },
  {
    name: 'settings-error-light',
    act: async (page) => {
      await page.getByTestId('settings').click()
      await page.getByTestId('hosts-input').fill('files.example.com\nfail.example.com')
      await page.getByTestId('settings-save').click()
      await page.getByTestId('settings-error').waitFor()
    },
  },
  {
    name: 'copy-ok-light',
    act: async (page) => {
      await openRow('NoSuchKey')(page)
      await page.getByTestId('detail').getByRole('button', { name: 'Copy x-bce-debug-id', exact: true }).click()
      await page.getByTestId('copy-debug-id-status').filter({ hasText: 'Copied' }).waitFor()
    },
  },
  {
    name: 'copy-blocked-dark',
    query: 'theme=dark',
    // Both clipboard paths refuse, as they can in a locked-down DevTools: the fallback must appear.
    init: `Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('blocked')) } });
      document.execCommand = () => false`,
    act: async (page) => {
      await openRow('RequestExpired')(page)
      await page.getByRole('button', { name: 'Copy for support ticket' }).click()
      await page.getByTestId('copy-fallback-input').waitFor()
      await page.locator('[data-testid=bos-row][data-code=NoSuchKey] [data-testid=row-copy-debug-id]').first().click()
      await page.waitForTimeout(100)
    },
  },
  { name: 'many-light', query: 'many=5000' },
  { name: 'narrow-detail-light', width: 560, height: 700, act: openRow('RequestExpired') },
  // Docked on the right at 400 px: what does not fit goes into the toolbar's » menu.
  { name: 'narrow-400-list-light', width: 400, height: 500 },
  { name: 'narrow-400-detail-dark', query: 'theme=dark', width: 400, height: 600, act: openRow('RequestExpired') },
  { name: 'narrow-400-overflow-light', width: 400, height: 400, act: openOverflow },
  { name: 'narrow-400-overflow-dark', query: 'theme=dark', width: 400, height: 400, act: openOverflow },
  { name: 'narrow-400-overflow-zh_CN', init: ZH, width: 400, height: 400, act: openOverflow },
  // The detail pane's Copy ▾ menu with its "Copy with secrets" submenu, and the row context menu.
  { name: 'copy-menu-light', act: openCopyMenu },
  { name: 'copy-menu-dark', query: 'theme=dark', act: openCopyMenu },
  { name: 'copy-menu-zh_CN', init: ZH, act: openCopyMenu },
  { name: 'copy-menu-narrow-dark', query: 'theme=dark', width: 400, height: 600, act: openCopyMenu },
  { name: 'row-menu-light', act: openRowMenu },
  { name: 'row-menu-zh_CN-dark', query: 'theme=dark', init: ZH, act: openRowMenu },
  { name: 'medium-detail-dark', query: 'theme=dark', width: 900, act: openRow('NoSuchKey') },
  { name: 'narrow-auth-light', width: 560, height: 900, act: openRow('RequestExpired', 'auth') },
  // Columns: sorted by Status (descending), Operation widened, Duration shown.
  { name: 'columns-sorted-light', query: `prefs=$encodeURIComponent('{"hidden":[]}')`, act: sortAndResize },
  { name: 'columns-sorted-dark', query: 'theme=dark', act: sortAndResize },
  { name: 'columns-sorted-narrow-light', width: 560, act: sortAndResize },
  { name: 'columns-sorted-zh-light', init: ZH, act: sortAndResize },
  // Group by upload: two multipart sessions, the failed one open.
  { name: 'group-upload-light', query: 'uploads=1', height: 620, act: groupUploads },
  { name: 'group-upload-dark', query: 'uploads=1&theme=dark', height: 620, act: groupUploads },
  {
    name: 'group-upload-narrow-dark',
    query: `uploads=1&theme=dark&prefs=${encodeURIComponent('{"groupByUpload":true}')}`,
    width: 560,
    height: 620,
    act: groupUploads,
  },
  { name: 'group-upload-zh-light', query: 'uploads=1', init: ZH, height: 620, act: groupUploads },
  // A 10,000-part upload beyond the row buffer: whole in the Upload tab, its dropped rows said, the table windowed.
  { name: 'big-upload-light', query: 'bigupload=10000', height: 700, act: bigUpload },
  { name: 'big-upload-dark', query: 'bigupload=10000&theme=dark', height: 700, act: bigUpload },
  { name: 'big-upload-zh-light', query: 'bigupload=10000', init: ZH, height: 700, act: bigUpload },
  // A HAR import under way: progress, counts and Cancel in the message bar.
  { name: 'import-progress-light', query: 'streaming=1', height: 300, act: importing },
  { name: 'import-progress-dark', query: 'streaming=1&theme=dark', height: 300, act: importing },
  { name: 'import-progress-zh-light', query: 'streaming=1', init: ZH, height: 300, act: importing },
  { name: 'import-progress-narrow-dark', query: 'streaming=1&theme=dark', width: 560, height: 300, act: importing },
]

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true })
  let server: ViteDevServer | undefined
  let browser: Browser | undefined
  try {
    server = await createServer({
      configFile: false,
      root: ROOT,
      logLevel: 'warn',
      plugins: [preact()],
      server: { port: 0, host: '127.0.0.1', strictPort: false, hmr: false },
    })
    await server.listen()
    const { port } = server.httpServer!.address() as AddressInfo
    const base = `http://127.0.0.1:${port}/test/visual/shell.html`
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    })
    const only = process.argv.slice(2)
    for (const shot of SHOTS.filter((s) => !process.env.ONLY || s.name.includes(process.env.ONLY))) {
      if (only.length && !only.some((o) => shot.name.includes(o))) continue
      const page = await browser.newPage({ viewport: { width: shot.width ?? 1200, height: shot.height ?? 500 } })
      const errors: string[] = []
      page.on('pageerror', (e) => errors.push(String(e)))
      page.on('response', (r) => r.status() >= 400 && !r.url().endsWith('/favicon.ico') && errors.push(`${r.status()} ${r.url()}`))
      if (shot.init) await page.addInitScript({ content: shot.init })
      await page.goto(`${base}?${shot.query ?? ''}`)
      await page.getByTestId('app').waitFor({ timeout: 15_000 })
      await shot.act?.(page)
      await page.waitForTimeout(120)
      const file = `${OUT}/${shot.name}.png`
      await page.screenshot({ path: file })
      console.log(`${file}${errors.length ? `  ERRORS: ${errors.join(' | ')}` : ''}`)
      await page.close()
    }
  } finally {
    await browser?.close()
    await server?.close()
  }
}

await main()
