// The Firefox build in a real Firefox ESR (headless): the add-on loads, its devtools page adds the BOS tab,
// and a BOS request the page makes after the Network panel was shown appears, explained, in the panel.
// Skipped where Firefox is not installed (apt-get install firefox-esr).
import { existsSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBosServer, type BosServer } from './bos-server/index.ts'
import { poll } from './browser.ts'
import { FIREFOX, openFirefox, type FirefoxSession, type PanelSnapshot } from './firefox.ts'
import type { SdkResult } from './sdk-page.ts'

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
})
