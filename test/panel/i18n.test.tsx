// @vitest-environment happy-dom
// The panel in Simplified Chinese: the language the browser's UI has (chrome.i18n.getUILanguage()), every
// UI string from the zh_CN catalog, the error codes explained from the Chinese table; and no English UI
// text left in the main views. What the core wrote in English (finding titles and details, body notes) is
// re-said in Chinese by src/core/localize.ts, loaded with the views; what BOS sent (messages, header names
// and values) is data and stays as it is.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { CapturedRecord } from '../../src/devtools/store-types.ts'
import { en } from '../../src/i18n/en.ts'
import { zh_CN } from '../../src/i18n/zh_CN.ts'
import { App } from '../../src/panel/App.tsx'
import { locale, startLocale } from '../../src/panel/i18n.ts'
import { loadExtras } from '../../src/panel/Lazy.tsx'
import { FakeStore, sessionRecords } from '../helpers/fake-store.ts'
import { usePanelLocale, useLocale } from '../helpers/i18n.ts'
import { captureRecords, multipartSpecs, postObjectSpec, wrongKeySpec } from '../helpers/upload-records.ts'
import { useScrollerHeight } from './setup-dom.ts'

useScrollerHeight()
useLocale('zh_CN')
beforeAll(() => loadExtras())
afterEach(() => {
  cleanup()
  document.documentElement.className = ''
})

function setup(records: CapturedRecord[] = sessionRecords()) {
  const store = new FakeStore({ records })
  render(<App store={store} />)
  return store
}
const row = (attr: string, value: string) => document.querySelector<HTMLElement>(`[data-testid=bos-row][${attr}="${value}"]`)!
const tab = (name: string) => act(() => screen.getByTestId(`tab-${name}`).click())

/** English UI strings the brief names, and their like: none may show in a Chinese panel. */
const ENGLISH_WORDS = [
  'Filter',
  'Errors only',
  'With findings only',
  'Preserve log',
  'Clear',
  'Copy request id',
  'Copy for support ticket',
  'Summary',
  'Headers',
  'Body',
  'Authorization',
  'Upload',
  'Form',
  'Request',
  'Operation',
  'Bucket',
  'Key',
  'Region',
  'Duration',
  'Clock',
  'Time',
  'Method',
  'Status',
  'Code',
  'Findings',
  'Error code',
  'What it means',
  'What to do',
  'Server message',
  'General',
  'Response headers',
  'Request headers',
  'Pretty',
  'Raw',
  'Loading…',
  'No BOS requests yet.',
  'Reload page',
  'Custom hosts…',
  'Copied',
  'Parts',
  'Outcome',
  'Policy',
  'Check',
  'Canonical request',
]

/**
 * Every English UI message that differs in Chinese, as a pattern over a whole text: placeholders match
 * anything but Chinese (a Chinese message may hold English data the core wrote, like "about 17 bytes"). Messages with no word of three letters outside their placeholders ("{label}: {value}") say
 * nothing English of their own and are left out.
 */
const ENGLISH_MESSAGES: [key: string, pattern: RegExp][] = Object.entries(en)
  .filter(([k, v]) => zh_CN[k as keyof typeof en] !== v && /[A-Za-z]{3}/.test(v.replace(/\{\w+\}/g, '')))
  .map(([k, v]) => [
    k,
    new RegExp(
      `^${v
        .split(/\{\w+\}/)
        .map((s) => s.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^\\u3000-\\u9fff\\uff00-\\uffef]*')}$`,
    ),
  ])

/**
 * The UI text of the panel as people (and screen readers) get it: text nodes and the title, aria-label,
 * placeholder and alt attributes. Left out: what is data (code, monospace values, header names, code
 * blocks, table cells of ETags) and what the core wrote in English (finding titles and details, notes).
 */
function uiTexts(root: Element = document.body): string[] {
  const DATA =
    'code, pre, .mono, .header-list dt, [data-testid=form-fields] dt, .finding-title, .finding-detail, .body-note, [data-testid=error-message], .tag-row .tag, textarea, input[type=search]'
  /** Own text that is data (a grid cell's operation, bucket/key, code, method; a trap's detail), beside UI tags and titles. */
  const CELLS = '.c-op, .c-object, .c-code, .c-method, .trap-list li'
  const out: string[] = []
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT)
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.nodeType === Node.TEXT_NODE) {
      const text = n.textContent!.trim()
      if (text && !n.parentElement!.closest(DATA) && !n.parentElement!.matches(CELLS)) out.push(text)
    } else {
      const el = n as Element
      for (const a of ['title', 'aria-label', 'placeholder', 'alt']) {
        const v = el.getAttribute(a)?.trim()
        // A cell's title repeats its (data) content; findings badges' titles are the core's finding titles.
        if (v && !el.closest(DATA) && !el.matches('.badge, .c-time, .c-object, .c-code, .c-op')) out.push(v)
      }
    }
  }
  return out
}

/** Chinese messages written in Latin on purpose (Policy, ETag, URL …: test/i18n/catalogs.test.ts lists them). */
const CHINESE_AS_IS = new Set(Object.values(zh_CN))

function expectNoEnglish(where: string): void {
  const all = uiTexts()
  expect(all.length, where).toBeGreaterThan(5) // the scan sees the view
  const texts = all.filter((s) => !CHINESE_AS_IS.has(s))
  const words = texts.filter((s) => ENGLISH_WORDS.includes(s))
  const messages = texts.flatMap((s) => ENGLISH_MESSAGES.filter(([, re]) => re.test(s)).map(([k]) => `${k}: ${s}`))
  expect({ where, words, messages }).toEqual({ where, words: [], messages: [] })
}

describe('the panel in Chinese', () => {
  it('takes its language from chrome.i18n.getUILanguage(), and English where there is none', async () => {
    vi.stubGlobal('chrome', { i18n: { getUILanguage: () => 'zh-CN' } })
    try {
      expect(await startLocale()).toBe('zh_CN')
      expect(document.documentElement.lang).toBe('zh-CN')
      vi.stubGlobal('chrome', { i18n: { getUILanguage: () => 'en-US' } })
      expect(await startLocale()).toBe('en')
      vi.stubGlobal('chrome', {}) // no i18n API: English
      expect(await startLocale()).toBe('en')
    } finally {
      vi.unstubAllGlobals()
      await usePanelLocale('zh_CN')
    }
    expect(locale()).toBe('zh_CN')
  })

  it('toolbar, columns and rows', () => {
    setup()
    expect(screen.getByTestId('filter').getAttribute('placeholder')).toBe('过滤')
    expect(screen.getByTestId('errors-only').parentElement!.textContent).toBe('仅显示错误')
    expect(screen.getByTestId('preserve-log').parentElement!.textContent).toBe('保留日志')
    expect(screen.getByTestId('count').textContent).toBe('10 个请求')
    expect(screen.getByRole('toolbar').getAttribute('aria-label')).toBe('BOS 请求')
    expect(screen.getByTestId('group-by-upload').parentElement!.textContent).toBe('按上传分组')
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['时间', '方法', '操作', '存储桶/对象', '状态', '错误码', '大小', '诊断', ''])
    const expired = row('data-code', 'RequestExpired')
    expect(within(expired).getByText('时差 \u221217 分钟')).toBeTruthy()
    expect(within(expired).getByRole('button', { name: '复制 x-bce-debug-id' })).toBeTruthy()
    expect(within(row('data-operation', 'OPTIONSObject')).getByText('预检')).toBeTruthy()
    expect(within(row('data-status', '502')).getByRole('button', { name: '复制 x-bce-debug-id' }).title).toBe('此响应中没有 x-bce-debug-id')
    expectNoEnglish('list')
  })

  it('empty state and no matches', async () => {
    setup([])
    expect(screen.getByTestId('empty').textContent).toContain('还没有 BOS 请求。')
    expect(screen.getByTestId('reload').textContent).toBe('重新加载页面')
    expect(screen.getByTestId('empty').textContent).toContain('*.bcebos.com')
    expectNoEnglish('empty')
    cleanup()
    setup()
    fireEvent.input(screen.getByTestId('filter'), { target: { value: 'no-such-thing' } })
    await waitFor(() => expect(screen.getByTestId('no-matches').textContent).toContain('没有符合过滤条件的请求'))
    expect(screen.getByTestId('count').textContent).toBe('0 / 10 个请求')
    expectNoEnglish('no matches')
  })

  it('detail: tabs, copy buttons, the error code explained in Chinese', async () => {
    setup()
    await act(() => row('data-code', 'RequestExpired').click())
    expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual(['概览', '标头', '请求', '响应体', '鉴权'])
    expect(screen.getByTestId('copy-debug-id').textContent).toBe('复制 x-bce-debug-id')
    expect(screen.getByTestId('copy-request-id').textContent).toBe('复制请求 ID')
    expect(screen.getByTestId('copy-ticket').textContent).toBe('复制工单信息')
    const block = screen.getByTestId('error-block')
    expect(block.textContent).toContain('错误码')
    expect(screen.getByTestId('error-description').textContent).toMatch(/[\u4e00-\u9fff]/)
    expect(screen.getByTestId('error-advice').textContent).toMatch(/时钟/)
    expect(screen.getByTestId('fact-clock').textContent).toMatch(/^时钟本机时钟比服务器慢 17 分钟（服务器 Date：/)
    expectNoEnglish('summary')
    await tab('headers')
    expect(screen.getByTestId('headers').textContent).toContain('响应头')
    expect(screen.getByTestId('headers').textContent).toContain('排查问题用的 ID')
    expectNoEnglish('headers')
    await tab('body')
    expect(screen.getByTestId('body-pretty').textContent).toBe('格式化')
    expectNoEnglish('body')
    await tab('auth')
    await waitFor(() => expect(screen.getByTestId('auth').textContent).toContain('bce-auth-v1 认证字符串'))
    expectNoEnglish('authorization')
  })

  it('findings, error texts and body notes in Chinese: a RequestExpired from a clock 17 minutes behind', async () => {
    setup()
    const expiredRow = row('data-code', 'RequestExpired')
    // The list's badges name the findings in their titles.
    expect(within(expiredRow).getByText('时差 \u221217 分钟').getAttribute('title')).toBe(
      '请求已过期：本机时钟比服务器慢 17 分钟\n时钟偏差：本机时钟比服务器慢 17 分钟',
    )
    await act(() => expiredRow.click())
    const finding = (id: string) => screen.getAllByTestId('finding').find((f) => f.dataset.findingId === id)!
    const expired = finding('request-expired')
    expect(expired.querySelector('.finding-title')!.textContent).toBe('请求已过期：本机时钟比服务器慢 17 分钟')
    expect(expired.querySelector('.finding-detail')!.textContent).toBe(
      '请求是在发送前刚刚签名的，但本机时钟比服务器慢 17 分钟，所以服务器收到时签名已超出有效期（600 秒）。请校准系统时钟（开启自动网络对时），或让签名程序使用服务器返回的 Date。',
    )
    expect(finding('clock-skew').querySelector('.finding-detail')!.textContent).toMatch(/^服务器的 Date 为 2026-11-26T04:17:05\.000Z，/)
    // The server's message is data: as BOS sent it. What it means comes from the Chinese table.
    expect(screen.getByTestId('error-message').textContent).toMatch(/Request has expired\. Timestamp date is 2026-11-26T04:00:05Z$/)
    expect(screen.getByTestId('error-description').textContent).toMatch(/[\u4e00-\u9fff]/)
    const text = screen.getByTestId('summary').textContent!
    expect(text).not.toMatch(/Request expired|Clock skew|behind the server/)
  })

  it('findings in Chinese in the other views: body note, upload session, form, signature traps', async () => {
    setup([...sessionRecords(), ...captureRecords([...multipartSpecs(), postObjectSpec(), wrongKeySpec()], 11)])
    await act(() => row('data-status', '502').click())
    expect(screen.getByTestId('finding').querySelector('.finding-detail')!.textContent).toBe(
      '这是一个 HTML 页面（"502 Bad Gateway"），不是 BOS 错误：它来自浏览器与 BOS 之间的代理、网关、CDN 或网络认证页面。',
    )
    await tab('body')
    expect(document.querySelector('.body-note')!.textContent).toMatch(/^这是一个 HTML 页面（"502 Bad Gateway"）/)

    const upload = document.querySelector<HTMLElement>('[data-testid=bos-row][data-operation=UploadPart]')!
    await act(() => upload.click())
    await tab('upload')
    await waitFor(() => expect(screen.getAllByTestId('session-finding').length).toBeGreaterThan(0))
    const titles = screen.getAllByTestId('session-finding').map((f) => f.querySelector('.finding-title')!.textContent)
    expect(titles).toContain('分块 1 小于 100 KB 的下限')
    expect(titles).toContain('Complete 列表中的分块 ETag 与 UploadPart 返回的不一致')

    await act(() => row('data-operation', 'PostObject').click())
    await tab('form')
    await waitFor(() => expect(screen.getByTestId('post-form')).toBeTruthy())
    const violated = screen.getAllByTestId('policy-condition').filter((c) => c.dataset.state === 'violated')
    expect(violated.map((c) => c.lastElementChild!.textContent)).toContain('要求 0 到 5 字节，实际为 约 17 字节')
    await tab('summary')
    expect(screen.getByTestId('finding-violations').textContent).toContain('content-length-range 0–5：要求 0 到 5 字节，实际为 约 17 字节')

    const signed = [...document.querySelectorAll<HTMLElement>('[data-testid=bos-row]')].find((r) => r.dataset.code === 'SignatureDoesNotMatch')!
    await act(() => signed.click())
    expect(screen.getByTestId('finding').querySelector('.finding-title')!.textContent).toBe('签名不匹配：发现 1 个可能原因')
    await tab('auth')
    await waitFor(() => expect(screen.getByTestId('signing-traps').textContent).toContain('路径中有必须进行百分号编码的字符'))
  })

  it('the support ticket is written in Chinese (codes and ids as they are)', async () => {
    setup()
    await act(() => row('data-code', 'RequestExpired').click())
    const copy = vi.fn(() => Promise.resolve())
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: copy } })
    await act(() => screen.getByTestId('copy-ticket').click())
    await waitFor(() => expect(screen.getByTestId('copy-ticket-status').textContent).toBe('已复制'))
    const ticket = (copy.mock.calls[0] as unknown as [string])[0]
    expect(ticket).toMatch(/^BOS 请求详情（来自 BOS DevTools）\n时间（UTC）：2026-11-26T04:00:05\.321Z\n/)
    expect(ticket).toContain('错误码：RequestExpired\n')
    expect(ticket).toContain('时钟偏差：-1020 秒（本机时钟比服务器慢 17 分钟；服务器 Date：')
    expect(ticket).toContain('诊断：\n- [错误] 请求已过期：本机时钟比服务器慢 17 分钟\n')
  })

  it('upload, form and signature views', async () => {
    setup(captureRecords([...multipartSpecs(), postObjectSpec(), wrongKeySpec()]))
    const upload = document.querySelector<HTMLElement>('[data-testid=bos-row][data-operation=UploadPart]')!
    await act(() => upload.click())
    await tab('upload')
    await waitFor(() => expect(screen.getByTestId('session').textContent).toContain('分块上传'))
    expect(
      within(screen.getByTestId('session-parts'))
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['分块号', '大小', 'ETag', '状态码', '状态', ''])
    expectNoEnglish('upload')
    await act(() => row('data-operation', 'PostObject').click())
    await tab('form')
    await waitFor(() => expect(screen.getByTestId('post-form').textContent).toContain('表单字段'))
    expectNoEnglish('form')
    const signed = [...document.querySelectorAll<HTMLElement>('[data-testid=bos-row]')].find((r) => r.dataset.code === 'SignatureDoesNotMatch')!
    await act(() => signed.click())
    await tab('auth')
    await waitFor(() => expect(screen.getByTestId('key-check').textContent).toContain('校验 SK'))
    expect(screen.getByTestId('sk-input').getAttribute('placeholder')).toBe('SK（仅在本地校验，不会保存）')
    expectNoEnglish('signature')
  })

  it('settings and export dialogs', async () => {
    setup()
    await act(() => screen.getByTestId('settings').click())
    await waitFor(() => expect(screen.getByTestId('settings-dialog').textContent).toContain('自定义 BOS 域名'))
    expectNoEnglish('settings')
    await act(() => screen.getByTestId('settings-cancel').click())
    await act(() => screen.getByTestId('export-har').click())
    await waitFor(() => expect(screen.getByTestId('export-dialog').textContent).toContain('导出 HAR'))
    expect(screen.getByTestId('export-count').textContent).toBe('将列表中全部 10 个 BOS 请求导出为 HAR 1.2 文件。')
    expectNoEnglish('export')
  })
})

describe('the word lists this test scans with', () => {
  it('find English where there is English', () => {
    expect(ENGLISH_MESSAGES.length).toBeGreaterThan(300)
    expect(ENGLISH_MESSAGES.some(([, re]) => re.test('Copy x-bce-debug-id FFh7572V+sO+cH3q2Vd0nQ=='))).toBe(true)
    expect(ENGLISH_MESSAGES.some(([, re]) => re.test('10 requests'))).toBe(true)
    expect(ENGLISH_MESSAGES.some(([, re]) => re.test('复制 x-bce-debug-id'))).toBe(false)
  })
})
