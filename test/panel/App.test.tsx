// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact'
import { afterEach, describe, expect, it } from 'vitest'
import type { StoreSnapshot } from '../../src/devtools/store-types.ts'
import { App } from '../../src/panel/App.tsx'
import { loadExtras } from '../../src/panel/Lazy.tsx'
import { FakeStore, manyRecords, s3Records, scenario, SECURITY_TOKEN, sessionRecords, SIGNATURE } from '../helpers/fake-store.ts'
import { useScrollerHeight, VIEWPORT } from './setup-dom.ts'

useScrollerHeight()
afterEach(() => {
  cleanup()
  document.documentElement.className = ''
})

function setup(init: Partial<StoreSnapshot> = {}) {
  const store = new FakeStore({ records: sessionRecords(), ...init })
  const view = render(<App store={store} />)
  return { store, ...view }
}

const rows = () => screen.queryAllByTestId('bos-row')
const row = (attr: string, value: string) => {
  const r = document.querySelector<HTMLElement>(`[data-testid=bos-row][${attr}="${value}"]`)
  if (!r) throw new Error(`no row with ${attr}=${value}`)
  return r
}
const grid = () => screen.getByTestId('bos-grid')
const key = (k: string) => fireEvent.keyDown(grid(), { key: k })
const selected = () => document.querySelector<HTMLElement>('[data-testid=bos-row][aria-selected=true]')
const typeFilter = (value: string) => fireEvent.input(screen.getByTestId('filter'), { target: { value } })

describe('request list', () => {
  it('renders one row per record, with its data attributes, badges, error and preflight styling', () => {
    setup()
    expect(rows()).toHaveLength(10)
    const expired = row('data-code', 'RequestExpired')
    expect(expired.dataset).toMatchObject({ status: '403', operation: 'PutObject', requestId: 'b7e0c6d2-91f4-4a3b-8e25-6d0f1c9a7b34' })
    expect(expired.classList.contains('error')).toBe(true)
    expect(within(expired).getByText('skew \u221217 min').className).toContain('badge-error')
    // Cut in the middle: the file name is its own span that never gives way; the full key is on hover.
    const cell = expired.querySelector<HTMLElement>('.c-object')!
    expect(cell.textContent).toBe('mybucket/uploads/report-q3.pdf')
    expect(cell.title).toContain('mybucket/uploads/report-q3.pdf')
    expect(cell.querySelector('.tail')!.textContent).toBe('report-q3.pdf')
    expect(cell.querySelector('.head')!.textContent).toBe('mybucket/uploads/')
    const t = new Date('2026-11-26T04:00:05.321Z') // shown in local time, whatever the machine's zone
    const pad = (n: number) => String(n).padStart(2, '0')
    expect(expired.querySelector('.c-time')!.textContent).toBe(`${pad(t.getHours())}:${pad(t.getMinutes())}:05.321`)
    const md5 = rows().find((r) => within(r).queryByText('MD5'))!
    expect(md5.dataset.status).toBe('200')
    expect(md5.classList.contains('error')).toBe(false)
    expect(within(row('data-status', '500')).getByText('status')).toBeTruthy()
    const preflight = row('data-operation', 'OPTIONSObject')
    expect(preflight.classList.contains('preflight')).toBe(true)
    expect(within(preflight).getByText('preflight')).toBeTruthy()
    // Newest at the bottom, in capture order.
    expect(rows().map((r) => Number(r.dataset.recordId))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(screen.getByTestId('count').textContent).toBe('10 requests')
  })

  it('shows records added after mounting', async () => {
    const { store } = setup()
    store.add(scenario('noSuchKey', 11))
    await waitFor(() => expect(rows()).toHaveLength(11))
  })

  it('row copy button is labelled, titled and disabled without a debug id', () => {
    setup()
    const btn = within(row('data-code', 'NoSuchKey')).getByRole('button', { name: 'Copy x-bce-debug-id' })
    expect(btn.title).toBe('Copy x-bce-debug-id p2xPq1bVmLhC0tFz9rKx3w==')
    expect((btn as HTMLButtonElement).disabled).toBe(false)
    const gateway = within(row('data-status', '502')).getByRole('button', { name: 'Copy x-bce-debug-id' }) as HTMLButtonElement
    expect(gateway.disabled).toBe(true)
    expect(gateway.title).toMatch(/No x-bce-debug-id/)
  })

  it('on the S3-compatible endpoint the copy buttons name x-amz-id-2, the header that endpoint sends', async () => {
    setup({ records: s3Records() })
    const r = rows()[0]!
    const btn = within(r).getByRole('button', { name: 'Copy x-amz-id-2' })
    expect(btn.title).toMatch(/^Copy x-amz-id-2 /)
    expect(within(r).queryByRole('button', { name: 'Copy x-bce-debug-id' })).toBeNull()
    fireEvent.click(r)
    await waitFor(() => expect(within(screen.getByTestId('detail')).getByRole('button', { name: 'Copy x-amz-id-2' })).toBeTruthy())
  })
})

describe('filter', () => {
  it('filters by text over URL, operation, code, request id and debug id (debounced)', async () => {
    setup()
    typeFilter('missing')
    expect(rows()).toHaveLength(10) // not yet: debounced
    await waitFor(() => expect(rows()).toHaveLength(1))
    expect(rows()[0]!.dataset.code).toBe('NoSuchKey')
    expect(screen.getByTestId('count').textContent).toBe('1 / 10 requests')
    for (const [text, code] of [
      ['AccessDenied', 'AccessDenied'],
      ['b7e0c6d2-91f4', 'RequestExpired'],
      ['Mk4Rt7yQx1a0', 'AccessDenied'],
    ] as const) {
      typeFilter(text)
      await waitFor(() => expect(rows().map((r) => r.dataset.code)).toEqual([code]))
    }
    typeFilter('GetObjectMeta')
    await waitFor(() => expect(rows().map((r) => r.dataset.operation)).toEqual(['GetObjectMeta']))
  })

  it('regex toggle filters by regular expression; an invalid one is flagged and ignored', async () => {
    setup()
    const toggle = screen.getByTestId('regex-toggle')
    expect(toggle.getAttribute('aria-pressed')).toBe('false')
    fireEvent.click(toggle)
    expect(toggle.getAttribute('aria-pressed')).toBe('true')
    typeFilter('^No(Such)?Key$')
    await waitFor(() => expect(rows().map((r) => r.dataset.status)).toEqual(['404', '500']))
    typeFilter('(photos')
    const input = screen.getByTestId('filter')
    await waitFor(() => expect(input.classList.contains('invalid')).toBe(true))
    expect(input.getAttribute('aria-invalid')).toBe('true')
    expect(input.title).toMatch(/^Invalid regular expression: /)
    expect(rows()).toHaveLength(10)
  })

  it('errors only and with findings only', async () => {
    const { store } = setup()
    const recs = store.getSnapshot().records
    fireEvent.click(screen.getByTestId('errors-only'))
    await waitFor(() => expect(rows()).toHaveLength(recs.filter((r) => r.analysis.status >= 400).length))
    expect(rows().every((r) => Number(r.dataset.status) >= 400)).toBe(true)
    fireEvent.click(screen.getByTestId('errors-only'))
    fireEvent.click(screen.getByTestId('findings-only'))
    await waitFor(() => expect(rows()).toHaveLength(recs.filter((r) => r.analysis.findings.length > 0).length))
    expect(rows().map((r) => r.dataset.recordId)).not.toContain('1') // the clean PutObject
  })

  it('says when the filter hides everything, and "Clear filter" brings the rows back', async () => {
    setup()
    typeFilter('no-such-thing-anywhere')
    await waitFor(() => expect(screen.getByText('No requests match the filter')).toBeTruthy())
    fireEvent.click(screen.getByTestId('errors-only'))
    fireEvent.click(screen.getByTestId('clear-filter'))
    await waitFor(() => expect(rows()).toHaveLength(10))
    expect((screen.getByTestId('filter') as HTMLInputElement).value).toBe('')
    expect((screen.getByTestId('errors-only') as HTMLInputElement).checked).toBe(false)
  })
})

describe('windowing', () => {
  it('keeps the DOM bounded with 5,000 records and follows the newest at the bottom', async () => {
    const { store } = setup({ records: manyRecords(5000) })
    const max = Math.ceil(VIEWPORT / 21) + 1 + 2 * 8
    expect(rows().length).toBeGreaterThan(10)
    expect(rows().length).toBeLessThanOrEqual(max)
    expect(grid().getAttribute('aria-rowcount')).toBe('5001')
    expect(rows().at(-1)!.dataset.recordId).toBe('5000')

    const scroller = screen.getByTestId('bos-scroller')
    scroller.scrollTop = 0
    fireEvent.scroll(scroller)
    await waitFor(() => expect(rows()[0]!.dataset.recordId).toBe('1'))
    expect(rows().length).toBeLessThanOrEqual(max)

    scroller.scrollTop = 2500 * 21
    fireEvent.scroll(scroller)
    await waitFor(() => expect(rows().map((r) => r.dataset.recordId)).toContain('2501'))
    expect(rows().length).toBeLessThanOrEqual(max)

    // Scrolled up: a new record does not yank the view to the bottom.
    store.add(scenario('putObject', 5001))
    await waitFor(() => expect(grid().getAttribute('aria-rowcount')).toBe('5002'))
    expect(rows().map((r) => r.dataset.recordId)).toContain('2501')
  })
})

describe('keyboard', () => {
  it('arrows, Home/End and PageUp/PageDown move the selection; Enter opens; Escape closes', async () => {
    setup({ records: manyRecords(200) })
    grid().focus()
    key('Home')
    expect(selected()!.dataset.recordId).toBe('1')
    expect(grid().getAttribute('aria-activedescendant')).toBe(selected()!.id)
    key('ArrowDown')
    key('ArrowDown')
    expect(selected()!.dataset.recordId).toBe('3')
    key('ArrowUp')
    expect(selected()!.dataset.recordId).toBe('2')
    key('PageDown')
    const page = Math.floor(VIEWPORT / 21) - 1
    await waitFor(() => expect(selected()?.dataset.recordId).toBe(String(2 + page)))
    key('PageUp')
    await waitFor(() => expect(selected()?.dataset.recordId).toBe('2'))
    key('End')
    await waitFor(() => expect(selected()?.dataset.recordId).toBe('200'))
    key('Home')
    await waitFor(() => expect(selected()?.dataset.recordId).toBe('1')) // scrolled back into view
    expect(screen.queryByTestId('detail')).toBeNull()

    key('Enter')
    expect(screen.getByTestId('detail')).toBeTruthy()
    expect(screen.getByTestId('facts').textContent).toContain('PutObject')
    key('ArrowDown') // the open detail follows the selection (record 2 is the preflight)
    await waitFor(() => expect(screen.getByTestId('facts').textContent).toContain('OPTIONSObject'))
    key('Escape')
    expect(screen.queryByTestId('detail')).toBeNull()
    expect(document.activeElement).toBe(grid())
  })

  it('Escape from inside the detail pane closes it too', () => {
    setup()
    fireEvent.click(row('data-code', 'NoSuchKey'))
    fireEvent.keyDown(screen.getByTestId('tab-headers'), { key: 'Escape' })
    expect(screen.queryByTestId('detail')).toBeNull()
  })

  it("the grid is one Tab stop: its rows' copy buttons are not", () => {
    setup()
    const tabbable = [grid(), ...document.querySelectorAll<HTMLElement>('[data-testid=bos-grid] button, [data-testid=bos-grid] [tabindex]')].filter(
      (el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled,
    )
    expect(tabbable).toEqual([grid()])
    expect(document.querySelectorAll('[data-testid=row-copy-debug-id]').length).toBeGreaterThan(3)
  })

  it('a handled Escape never reaches the document, where DevTools would open its Console drawer', () => {
    setup()
    // What DevTools' extension API does in a panel: a keydown listener on the document that forwards keys.
    const forwarded: string[] = []
    const listener = (e: KeyboardEvent) => forwarded.push(e.key)
    document.addEventListener('keydown', listener)
    try {
      fireEvent.click(row('data-code', 'NoSuchKey'))
      fireEvent.keyDown(grid(), { key: 'Escape' })
      expect(screen.queryByTestId('detail')).toBeNull()
      expect(forwarded).toEqual([])
      // With nothing to close, Escape is DevTools' own again (the drawer toggles, as in any panel).
      fireEvent.keyDown(grid(), { key: 'Escape' })
      expect(forwarded).toEqual(['Escape'])
    } finally {
      document.removeEventListener('keydown', listener)
    }
  })
})

describe('detail view', () => {
  const open = (attr: string, value: string, tab?: string) => {
    fireEvent.click(row(attr, value))
    if (tab) fireEvent.click(screen.getByTestId(`tab-${tab}`))
  }

  it('click selects and opens; the close button closes', () => {
    setup()
    open('data-code', 'NoSuchKey')
    expect(row('data-code', 'NoSuchKey').getAttribute('aria-selected')).toBe('true')
    expect(screen.getByTestId('detail')).toBeTruthy()
    fireEvent.click(screen.getByTestId('detail-close'))
    expect(screen.queryByTestId('detail')).toBeNull()
  })

  it('Summary puts the diagnosis first, then the error code with meaning and advice, then the facts', () => {
    const { store } = setup()
    open('data-code', 'RequestExpired')
    const rec = store.getSnapshot().records.find((r) => r.analysis.error?.code === 'RequestExpired')!
    const findings = screen.getAllByTestId('finding')
    expect(findings[0]!.dataset.findingId).toBe('request-expired')
    expect(findings[0]!.textContent).toContain('Request expired: your clock is 17 minutes behind the server')
    expect(screen.getByTestId('error-advice').textContent).toContain(rec.analysis.error!.advice)
    expect(screen.getByTestId('error-description').textContent).toContain(rec.analysis.error!.description)
    expect(screen.getByTestId('error-message').textContent).toContain('Request has expired.')
    expect(screen.getByTestId('fact-clock').textContent).toContain('17 minutes behind the server')
    expect(screen.getByTestId('fact-debug-id').textContent).toContain('Zq9W3n0dQ0m5fR2yTg7hAA==')
    const summary = screen.getByTestId('summary').textContent!
    expect(summary.indexOf('Request expired')).toBeLessThan(summary.indexOf('What to do'))
  })

  it('Summary of a status mismatch shows documented vs observed', () => {
    setup()
    open('data-status', '500')
    expect(screen.getByTestId('error-block').textContent).toContain('observed 500, documented 404')
  })

  it('Headers explain BOS headers, list the others plainly, and mask the signature and token', () => {
    setup()
    open('data-code', 'AccessDenied', 'headers')
    const debug = screen.getAllByTestId('header').find((h) => h.dataset.name === 'x-bce-debug-id')!
    expect(debug.textContent).toContain('support ticket')
    const token = screen.getAllByTestId('header').find((h) => h.dataset.name === 'x-bce-security-token')!
    expect(token.textContent).toContain('••••')
    const html = screen.getByTestId('headers').innerHTML
    expect(html).not.toContain(SIGNATURE)
    expect(html).not.toContain(SECURITY_TOKEN)
    expect(html).not.toContain(encodeURIComponent(SECURITY_TOKEN))
  })

  it('Body pretty-prints the error JSON with a Raw toggle', () => {
    setup()
    open('data-code', 'NoSuchKey', 'body')
    expect(screen.getByTestId('body-text').textContent).toContain('{\n  "code": "NoSuchKey"')
    fireEvent.click(screen.getByTestId('body-raw'))
    expect(screen.getByTestId('body-text').textContent).toBe(
      '{"code":"NoSuchKey","message":"The specified key does not exist.","requestId":" 8c1f3b0e-2a9d-4e57-9b61-0c7d2f4a5e13"}',
    )
  })

  it.each([
    ['pending', 'body-pending', /Loading body…/],
    ['unavailable', 'body-unavailable', /DevTools did not keep this body/],
  ] as const)('Body says so when it is %s', (state, testId, text) => {
    setup({ records: [scenario('noSuchKey', 1, { body: { state }, content: { text: undefined } })] })
    open('data-code', 'NoSuchKey', 'body')
    expect(screen.getByTestId(testId).textContent).toMatch(text)
  })

  it('Body flags binary and capped bodies', () => {
    setup({
      records: [
        scenario('noSuchKey', 1, { content: { text: undefined, mimeType: 'image/png', size: 5000 } }),
        scenario('statusMismatch', 2, { body: { capped: true }, content: { size: 200_000 } }),
      ],
    })
    open('data-code', 'NoSuchKey', 'body')
    expect(screen.getByTestId('body-binary').textContent).toMatch(/Binary body \(image\/png · 4\.9 KB\)/)
    fireEvent.click(row('data-status', '500'))
    expect(screen.getByTestId('body-capped').textContent).toMatch(/Showing the first 64 KB of 195\.3 KB/)
  })

  it('Authorization shows the decoded signing facts and never the signature', async () => {
    await loadExtras() // the tab's chunk, loaded on demand in the panel
    setup()
    open('data-code', 'RequestExpired', 'auth')
    expect((await screen.findByTestId('auth-ak')).textContent).toContain('AKIDEXAMPLE0123456789')
    expect(screen.getByTestId('auth-expiration').textContent).toContain('600 s (10 minutes)')
    expect(screen.getByTestId('auth-vs-start').textContent).toContain('10 minutes left when the request started')
    expect(screen.getByTestId('auth-vs-server').textContent).toContain('expired 7 minutes before the server answered')
    expect(screen.getByTestId('auth-signed-headers').textContent).toContain('content-length, content-type, host, x-bce-date')
    expect(screen.getByTestId('auth-signature').textContent).toContain('••••')
    expect(screen.getByTestId('auth').innerHTML).not.toContain(SIGNATURE)
  })

  it('Authorization explains an unsigned request', async () => {
    await loadExtras()
    setup({ records: [scenario('badGateway', 1)] })
    open('data-status', '502', 'auth')
    expect((await screen.findByTestId('auth-none')).textContent).toContain(
      'This request was not signed (anonymous or public-read), or the HAR dropped the Authorization header',
    )
  })

  it('no tab of any record ever renders the signature or the session token', async () => {
    await loadExtras() // the Authorization tab's chunk: loaded, it renders at once
    const { store } = setup()
    for (const r of store.getSnapshot().records) {
      fireEvent.click(row('data-record-id', String(r.id)))
      for (const t of ['summary', 'headers', 'body', 'auth']) {
        fireEvent.click(screen.getByTestId(`tab-${t}`))
        const html = document.body.innerHTML
        expect(html).not.toContain(SIGNATURE)
        expect(html).not.toContain(SECURITY_TOKEN)
      }
    }
  })
})

describe('copy feedback', () => {
  const DEBUG_ID = 'p2xPq1bVmLhC0tFz9rKx3w=='
  function stub(api: 'resolve' | 'reject' | 'absent', exec: boolean | 'absent') {
    const written: string[] = []
    const execCalls: string[] = []
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value:
        api === 'absent'
          ? undefined
          : { writeText: (t: string) => (written.push(t), api === 'resolve' ? Promise.resolve() : Promise.reject(new Error('blocked by permissions policy'))) },
    })
    Object.defineProperty(document, 'execCommand', {
      configurable: true,
      writable: true,
      value: exec === 'absent' ? undefined : (c: string) => (execCalls.push(c), exec),
    })
    return { written, execCalls }
  }
  afterEach(() => {
    delete (navigator as { clipboard?: unknown }).clipboard
    delete (document as { execCommand?: unknown }).execCommand
  })
  const detailCopy = () => within(screen.getByTestId('detail')).getByRole('button', { name: 'Copy x-bce-debug-id' })
  const openNoSuchKey = () => {
    setup()
    fireEvent.click(row('data-code', 'NoSuchKey'))
  }

  it('says Copied after the Clipboard API wrote the text', async () => {
    const s = stub('resolve', false)
    openNoSuchKey()
    fireEvent.click(detailCopy())
    await waitFor(() => expect(screen.getByTestId('copy-debug-id-status').textContent).toBe('Copied'))
    expect(screen.getByTestId('copy-debug-id-status').getAttribute('role')).toBe('status')
    expect(s.written).toEqual([DEBUG_ID])
    expect(s.execCalls).toEqual([])
  })

  it('says Copied after the execCommand fallback succeeded', async () => {
    const s = stub('reject', true)
    openNoSuchKey()
    fireEvent.click(detailCopy())
    await waitFor(() => expect(screen.getByTestId('copy-debug-id-status').textContent).toBe('Copied'))
    expect(s.execCalls).toEqual(['copy'])
  })

  it('never says Copied when both paths fail: the text is offered pre-selected instead', async () => {
    const s = stub('reject', false)
    openNoSuchKey()
    fireEvent.click(detailCopy())
    const input = (await screen.findByTestId('copy-fallback-input')) as HTMLInputElement
    expect(input.value).toBe(DEBUG_ID)
    expect(input.readOnly).toBe(true)
    expect(document.activeElement).toBe(input)
    expect(screen.getByTestId('copy-fallback').textContent).toContain('Press Ctrl/Cmd+C to copy')
    expect(screen.getByTestId('copy-debug-id-status').textContent).toBe('Copy blocked')
    expect(screen.getByTestId('detail').textContent).not.toContain('Copied')
    expect(s.execCalls).toEqual(['copy'])
  })

  it('also falls back when there is neither API nor execCommand', async () => {
    stub('absent', 'absent')
    openNoSuchKey()
    fireEvent.click(screen.getByRole('button', { name: 'Copy request id' }))
    expect(((await screen.findByTestId('copy-fallback-input')) as HTMLInputElement).value).toBe('8c1f3b0e-2a9d-4e57-9b61-0c7d2f4a5e13')
  })

  it('a failed row copy opens the fallback bar above the list', async () => {
    stub('reject', false)
    setup()
    fireEvent.click(within(row('data-code', 'NoSuchKey')).getByRole('button', { name: 'Copy x-bce-debug-id' }))
    expect(((await screen.findByTestId('copy-fallback-input')) as HTMLInputElement).value).toBe(DEBUG_ID)
    expect(screen.queryByTestId('detail')).toBeNull() // the copy button does not open the row
  })

  it('copies the support ticket text', async () => {
    const s = stub('resolve', false)
    openNoSuchKey()
    fireEvent.click(screen.getByRole('button', { name: 'Copy for support ticket' }))
    await waitFor(() => expect(screen.getByTestId('copy-ticket-status').textContent).toBe('Copied'))
    expect(s.written[0]).toContain(`x-bce-debug-id: ${DEBUG_ID}`)
    expect(s.written[0]).toContain('Error code: NoSuchKey')
  })
})

describe('toolbar and empty states', () => {
  it('empty state explains what to do; Reload calls reloadInspectedPage; custom hosts opens settings', () => {
    const { store } = setup({ records: [] })
    const empty = screen.getByTestId('empty')
    expect(empty.textContent).toContain('No BOS requests yet.')
    expect(empty.textContent).toContain('Requests made before DevTools opened are not visible')
    expect(screen.queryByTestId('firefox-hint')).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'Reload page' }))
    expect(store.calls.reload).toBe(1)
    fireEvent.click(screen.getByTestId('empty-settings'))
    expect(screen.getByTestId('settings-dialog')).toBeTruthy()
  })

  it('on Firefox, says the Network panel must be opened once', () => {
    setup({ records: [], browser: 'firefox' })
    expect(screen.getByTestId('firefox-hint').textContent).toBe('Firefox reports requests only after the Network panel has been opened once.')
  })

  it('Clear, Preserve log, dropped count and backfilling note talk to the store', async () => {
    const { store } = setup({ dropped: 25, capture: 'backfilling' })
    expect(screen.getByTestId('count').textContent).toBe('10 requests · 25 dropped')
    expect(screen.getByTestId('backfilling').textContent).toBe('Importing earlier requests…')
    fireEvent.click(screen.getByTestId('preserve-log'))
    expect(store.calls.preserveLog).toEqual([true])
    await waitFor(() => expect((screen.getByTestId('preserve-log') as HTMLInputElement).checked).toBe(true))
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }))
    expect(store.calls.clear).toBe(1)
    await waitFor(() => expect(rows()).toHaveLength(0))
    store.update({ capture: 'live' })
    await waitFor(() => expect(screen.queryByTestId('backfilling')).toBeNull())
  })

  it('closes the detail when its record is cleared', async () => {
    const { store } = setup()
    fireEvent.click(row('data-code', 'NoSuchKey'))
    store.clear()
    await waitFor(() => expect(screen.queryByTestId('detail')).toBeNull())
  })
})

describe('settings', () => {
  const openSettings = () => fireEvent.click(screen.getByRole('button', { name: 'Settings: custom BOS hosts' }))

  it('saves the patterns through the store and closes', async () => {
    const { store } = setup({ customHosts: ['old.example.com'] })
    openSettings()
    const input = screen.getByTestId('hosts-input') as HTMLTextAreaElement
    expect(input.value).toBe('old.example.com')
    fireEvent.input(input, { target: { value: 'files.example.com\n*.cdn.example.com\n\nhttps://Img.Example.com/path\nfiles.example.com' } })
    fireEvent.click(screen.getByTestId('settings-save'))
    await waitFor(() => expect(screen.queryByTestId('settings-dialog')).toBeNull())
    expect(store.calls.customHosts).toEqual([['files.example.com', '*.cdn.example.com', 'img.example.com']])
  })

  it('shows the error when the store rejects (an Error from another realm too), and stays open', async () => {
    const { store } = setup()
    store.customHostsImpl = () => Promise.reject({ name: 'Error', message: 'storage quota exceeded' })
    openSettings()
    fireEvent.input(screen.getByTestId('hosts-input'), { target: { value: 'files.example.com' } })
    fireEvent.click(screen.getByTestId('settings-save'))
    await waitFor(() => expect(screen.getByTestId('settings-error').textContent).toBe('storage quota exceeded'))
    expect(screen.getByTestId('settings-dialog')).toBeTruthy()
    expect((screen.getByTestId('settings-save') as HTMLButtonElement).disabled).toBe(false)
  })

  it('refuses something that is not a host pattern without calling the store', () => {
    const { store } = setup()
    openSettings()
    fireEvent.input(screen.getByTestId('hosts-input'), { target: { value: 'files.example.com\nnot a_host!' } })
    fireEvent.click(screen.getByTestId('settings-save'))
    expect(screen.getByTestId('settings-error').textContent).toMatch(/Not a host pattern: .*a_host!/)
    expect(store.calls.customHosts).toEqual([])
  })

  it('Cancel and Escape close without saving', () => {
    const { store } = setup()
    openSettings()
    fireEvent.click(screen.getByTestId('settings-cancel'))
    expect(screen.queryByTestId('settings-dialog')).toBeNull()
    openSettings()
    fireEvent.keyDown(screen.getByTestId('hosts-input'), { key: 'Escape' })
    expect(screen.queryByTestId('settings-dialog')).toBeNull()
    expect(store.calls.customHosts).toEqual([])
  })
})

describe('theme and store lifetime', () => {
  it('puts the snapshot theme on <html> and follows changes live', async () => {
    const { store } = setup({ theme: 'dark' })
    const html = document.documentElement
    expect(html.classList.contains('theme-dark')).toBe(true)
    store.update({ theme: 'light' })
    await waitFor(() => expect(html.classList.contains('theme-light')).toBe(true))
    expect(html.classList.contains('theme-dark')).toBe(false)
  })

  it('unsubscribes from the store on unmount', async () => {
    const { store, unmount } = setup()
    expect(store.listenerCount).toBe(1)
    unmount()
    // Preact 11 runs effect cleanups of an unmounted tree after the next frame, not synchronously.
    await waitFor(() => expect(store.listenerCount).toBe(0))
  })
})
