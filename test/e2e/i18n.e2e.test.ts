// The BOS tab in Simplified Chinese, in a real Chromium whose UI language is zh-CN (--lang): the panel
// follows chrome.i18n.getUILanguage(), the extension's name comes from _locales/zh_CN, and the error
// code is explained from the Chinese table. Takes panel-zh.png. Debian's Chromium needs the
// chromium-l10n package for any UI language but en-US (CI installs it); without it this test is skipped.
import { join } from 'node:path'
import type { Frame } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBosServer, type BosServer } from './bos-server/index.ts'
import { callPage, chromiumHasLanguage, openDevtools, poll, putWhileServerClockAhead, SHOTS, type DevtoolsSession, panelLocators } from './browser.ts'
import { expectNothingLeaves } from './privacy.ts'
import type { SdkPutResult } from './sdk-page.ts'

const LANG = 'zh-CN'
const available = chromiumHasLanguage(LANG)

let bos: BosServer
let s: DevtoolsSession
let panel: Frame
const call = <T>(fn: string, ...args: unknown[]) => callPage<T>(s.page, fn, ...args)
const { row } = panelLocators(() => panel)

describe.skipIf(!available)('the BOS panel in Chinese (Chromium with --lang=zh-CN)', () => {
  beforeAll(async () => {
    bos = await startBosServer()
    s = await openDevtools(`http://localhost:${bos.port}/page.html`, { lang: LANG })
    await poll(() => s.page.evaluate(() => (window as unknown as { sdkReady?: boolean }).sdkReady), 'the SDK in the page')
  })

  afterAll(async () => {
    await s?.close()
    await bos?.close()
  })

  it('speaks Chinese: toolbar, columns, the list', async () => {
    const ok = await call<SdkPutResult>('sdkPut', bos.port, 'mybucket', '文档/你好.txt', '你好 BOS', { contentType: 'text/plain' })
    expect(ok.status).toBe(200)
    panel = await s.openBosPanel()
    await row(ok.requestId!).waitFor()
    expect(await panel.evaluate(() => [chrome.i18n.getUILanguage(), document.documentElement.lang])).toEqual([LANG, 'zh-CN'])
    expect(await panel.getByTestId('filter').getAttribute('placeholder')).toBe('过滤')
    expect(await panel.getByTestId('errors-only').locator('..').innerText()).toBe('仅显示错误')
    expect(await panel.getByTestId('preserve-log').locator('..').innerText()).toBe('保留日志')
    expect(await panel.getByTestId('count').innerText()).toMatch(/^\d+ 个请求$/)
    expect(await panel.locator('[role=columnheader]').allInnerTexts()).toEqual(['时间', '方法', '操作', '存储桶/对象', '状态', '错误码', '大小', '诊断', ''])
    // The extension's own name: the manifest's __MSG_extName__, resolved from _locales/zh_CN/messages.json.
    expect(await panel.evaluate(() => chrome.runtime.getManifest().name)).toBe('BOS DevTools（百度智能云对象存储调试）')
    expect(await panel.evaluate(() => chrome.i18n.getMessage('extDescription'))).toMatch(/^在开发者工具面板中解读/)
  })

  it('explains RequestExpired in Chinese, and copies in Chinese', async () => {
    const late = await putWhileServerClockAhead(bos, s.page, 40)
    expect(late.code).toBe('RequestExpired')
    await row(late.requestId!).click()
    const summary = panel.getByTestId('summary')
    await expect.poll(() => summary.innerText()).toMatch(/本机时钟比服务器慢 40 分钟/)
    // The finding the core wrote in English, re-said in Chinese (src/core/localize.ts, loaded after the first paint).
    expect(await panel.locator('[data-finding-id=request-expired] .finding-title').innerText()).toBe('请求已过期：本机时钟比服务器慢 40 分钟')
    expect(await panel.locator('[data-finding-id=request-expired] .finding-detail').innerText()).toMatch(/^请求是在发送前刚刚签名的/)
    expect(await panel.locator('[role=tab]').allInnerTexts()).toEqual(['概览', '标头', '请求', '响应体', '鉴权'])
    expect(await panel.getByTestId('error-description').innerText()).toMatch(/签名时间戳加上有效期/)
    expect(await panel.getByTestId('error-advice').innerText()).toMatch(/校准时钟/)
    expect(await panel.getByTestId('copy-request-id').innerText()).toBe('复制请求 ID')
    expect(await panel.getByTestId('copy-ticket').innerText()).toBe('复制工单信息')
    // The accessible name in Chinese; the row copy button of the same request has it too.
    await panel.getByTestId('detail').getByRole('button', { name: '复制 x-bce-debug-id', exact: true }).waitFor()
    await s.devtools.screenshot({ path: join(SHOTS, 'panel-zh.png') })
  })

  it('shows the Headers tab and the Authorization tab in Chinese', async () => {
    await panel.getByTestId('tab-headers').click()
    await expect.poll(() => panel.getByTestId('headers').innerText()).toMatch(/响应头/)
    expect(await panel.getByTestId('headers').innerText()).toMatch(/排查问题用的 ID/)
    await panel.getByTestId('tab-auth').click()
    await expect.poll(() => panel.getByTestId('auth').innerText()).toMatch(/bce-auth-v1 认证字符串/)
    await s.devtools.screenshot({ path: join(SHOTS, 'panel-zh-auth.png') })
    await panel.getByTestId('tab-summary').click()
  })

  it('makes no network request of its own (the catalogs are files of the extension)', async () => {
    const ids = await panel.locator('[data-testid=bos-row]').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.requestId ?? ''))
    await expectNothingLeaves(s, panel, ids)
  })
})
