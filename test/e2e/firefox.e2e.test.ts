// The Firefox build in a real Firefox ESR (headless): the add-on loads, its devtools page adds the BOS tab,
// and a BOS request the page makes after the Network panel was shown appears, explained, in the panel; a
// HAR imported in the panel is streamed (File.stream()) and its batches reach the DevTools page as text.
// Skipped where Firefox is not installed (apt-get install firefox-esr).
import { existsSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBosServer, type BosServer } from './bos-server/index.ts'
import { poll } from './browser.ts'
import { FIREFOX, openFirefox, type FirefoxSession, type PanelSnapshot } from './firefox.ts'
import type { SdkResult } from './sdk-page.ts'
import { BOS_HEADERS, entry } from '../helpers/har.ts'

let bos: BosServer
let ff: FirefoxSession

describe.skipIf(!existsSync(FIREFOX))('the BOS panel in Firefox', () => {
  beforeAll(async () => {
    bos = await startBosServer()
    ff = await openFirefox(`http://localhost:${bos.port}/page.html`, { localDomains: ['mybucket.bj.bcebos.com', 'bj.bcebos.com'] })
    await poll(() => ff.inPage<boolean>('return window.sdkReady === true'), 'the SDK in the page', 30_000)
  })

  afterAll(async () => {
    await ff?.close()
    await bos?.close()
  })

  it('adds the BOS tab to the toolbox', async () => {
    await ff.openDevtools()
    expect(await ff.extensionPanels()).toEqual(['BOS'])
  })

  it('captures and explains a BOS request (NoSuchKey), read through the Firefox shapes of the API', async () => {
    const get = await ff.inPage<SdkResult>('return window.sdkGet(...arguments)', bos.port, 'mybucket', 'docs/missing.txt')
    expect(get.code).toBe('NoSuchKey')
    let panel: PanelSnapshot | undefined
    // The row shows at once; its code once the body (getContent) has been read.
    await poll(
      async () => {
        panel = await ff.bosPanel()
        return panel.rows.some((r) => r.requestId === get.requestId && r.code)
      },
      'the request, with its body read, in the BOS panel',
      20_000,
    )
    expect(panel!.url).toMatch(/^moz-extension:\/\/[0-9a-f-]{36}\/src\/panel\/panel\.html$/)
    const row = panel!.rows.find((r) => r.requestId === get.requestId)!
    expect(row).toMatchObject({ operation: 'GetObject', status: '404', code: 'NoSuchKey' })
  })

  it('imports a HAR streamed from a File (File.stream() in Firefox), in batches to the DevTools page', async () => {
    // Built in the panel page: 40 entries, a BOS PUT every fourth, the others pages with 1 MB bodies (31 MB).
    const bos = JSON.stringify(entry({ method: 'PUT', url: 'https://mybucket.bj.bcebos.com/ff/N.bin', res: { ...BOS_HEADERS, 'x-bce-request-id': 'ff-N' } }))
    const page = JSON.stringify(entry({ url: 'https://app.example.com/N.js', mimeType: 'application/javascript', body: 'BODY' }))
    const pick = (truncate: boolean) => `
      const body = 'x'.repeat(1 << 20);
      const parts = [];
      for (let i = 0; i < 40; i++) parts.push((i % 4 === 3 ? ${JSON.stringify(bos)} : ${JSON.stringify(page)}).replaceAll('N', String(i)).replace('BODY', body));
      let text = '{"log":{"version":"1.2","entries":[' + parts.join(',') + ']}}';
      if (${truncate}) text = text.slice(0, 5000000);
      const file = new content.File([text], ${truncate ? "'cut.har'" : "'ff.har'"}, { type: 'application/json' });
      const dt = new content.DataTransfer();
      dt.items.add(file);
      const input = content.document.querySelector('[data-testid=import-file]');
      input.files = dt.files;
      input.dispatchEvent(new content.Event('change', { bubbles: true }));
      return file.size;`
    const size = await ff.inPanel<number>(pick(false))
    expect(size).toBeGreaterThan(30 << 20)
    let panel: PanelSnapshot | undefined
    await poll(async () => (panel = await ff.bosPanel()).text.includes('from ff.har'), 'the import to end', 60_000)
    expect(panel!.text).toContain('Imported 10 BOS requests from ff.har (40 entries read).')
    expect(panel!.rows.filter((r) => r.source === 'import')).toHaveLength(10)
    await ff.inPanel(pick(true))
    await poll(async () => (panel = await ff.bosPanel()).text.includes('cut.har is not'), 'the refusal', 60_000)
    expect(panel!.text).toContain('cut.har is not a HAR file: it is not valid JSON at byte 5000000 (unexpected end of input). Nothing from it was added.')
    expect((await ff.bosPanel()).rows.filter((r) => r.source === 'import')).toHaveLength(10)
  })
})
