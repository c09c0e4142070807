// @vitest-environment happy-dom
// Export and import in the panel: toolbar buttons, the export dialog (secrets off by default), the
// download, the file picker, drag and drop, and what the panel says when a file cannot be imported.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { redactUrl } from '../../src/core/redact.ts'
import { createCaptureStore } from '../../src/devtools/capture-store.ts'
import { MAX_IMPORT_BYTES, type ImportResult, type StoreSnapshot } from '../../src/devtools/store-types.ts'
import { App } from '../../src/panel/App.tsx'
import type { Har } from 'har-format'
import { FakeDevtools } from '../helpers/fake-devtools.ts'
import { FakeStore, SECURITY_TOKEN, sessionRecords, SIGNATURE } from '../helpers/fake-store.ts'
import { BOS_HEADERS, bosError, entry, har } from '../helpers/har.ts'
import { useScrollerHeight } from './setup-dom.ts'

useScrollerHeight()

interface Download {
  fileName: string
  text: Promise<string>
}
let downloads: Download[]
beforeEach(() => {
  downloads = []
  const blobs = new Map<string, Blob>()
  let n = 0
  vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
    const url = `blob:test/${++n}`
    blobs.set(url, b as Blob)
    return url
  })
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {})
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ fileName: this.download, text: blobs.get(this.href)!.text() })
  })
})
afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
  document.documentElement.className = ''
})

function setup(init: Partial<StoreSnapshot> = {}) {
  const store = new FakeStore({ records: sessionRecords(), ...init })
  render(<App store={store} />)
  return store
}

const button = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement
const openExport = async () => {
  fireEvent.click(button('Export HAR'))
  return screen.findByTestId('export-dialog')
}
const harFile = (text: string, name = 'session.har') => new File([text], name, { type: 'application/json' })
const pick = (file: File) => fireEvent.change(screen.getByTestId('import-file'), { target: { files: [file] } })
const message = () => screen.findByTestId('io-message')

describe('export', () => {
  it('puts labelled Import HAR / Export HAR buttons in the toolbar; Export needs something to export', async () => {
    const store = setup({ records: [] })
    const toolbar = screen.getByRole('toolbar')
    expect(within(toolbar).getByRole('button', { name: 'Import HAR' })).toBeTruthy()
    expect(within(toolbar).getByRole('button', { name: 'Export HAR' }).hasAttribute('disabled')).toBe(true)
    store.add(...sessionRecords())
    await waitFor(() => expect(button('Export HAR').disabled).toBe(false))
  })

  it('exports every record as a redacted HAR 1.2 file by default', async () => {
    setup()
    const dialog = await openExport()
    expect(within(dialog).getByTestId('export-count').textContent).toBe('All 10 BOS requests in the list, as a HAR 1.2 file.')
    const secrets = within(dialog).getByLabelText('Include secrets (signatures, tokens, cookies)') as HTMLInputElement
    expect(secrets.checked).toBe(false)
    expect(screen.queryByTestId('export-secrets-warning')).toBeNull()
    fireEvent.click(within(dialog).getByRole('button', { name: 'Export' }))
    expect(downloads).toHaveLength(1) // synchronously, inside the click: the download keeps the user's gesture
    expect(downloads[0]!.fileName).toMatch(/^bos-\d{4}-\d\d-\d\d-\d{6}\.har$/)
    const text = await downloads[0]!.text
    const h = JSON.parse(text) as Har
    expect(h.log.version).toBe('1.2')
    expect(h.log.creator.name).toBe('BOS DevTools')
    expect(h.log.entries.map((e) => e.request.url)).toEqual(sessionRecords().map((r) => redactUrl(r.entry.request.url)))
    expect(text).not.toContain(SIGNATURE)
    expect(text).not.toContain(SECURITY_TOKEN)
    expect(text).toContain('/REDACTED"')
    expect(screen.queryByTestId('export-dialog')).toBeNull()
    const status = await message()
    expect(status.getAttribute('role')).toBe('status')
    expect(status.textContent).toBe(`Exported 10 requests to ${downloads[0]!.fileName}, secrets redacted.`)
  })

  it('includes secrets only when asked, with a warning, and asks again next time', async () => {
    setup()
    let dialog = await openExport()
    fireEvent.click(within(dialog).getByTestId('export-secrets'))
    expect(within(dialog).getByTestId('export-secrets-warning').textContent).toMatch(/working credentials/)
    fireEvent.click(within(dialog).getByRole('button', { name: 'Export' }))
    const text = await downloads[0]!.text
    expect(text).toContain(SIGNATURE)
    expect(text).toContain(SECURITY_TOKEN)
    expect((await message()).textContent).toMatch(/secrets included\.$/)
    dialog = await openExport()
    expect((within(dialog).getByTestId('export-secrets') as HTMLInputElement).checked).toBe(false)
  })

  it('exports what the filter shows, and says so', async () => {
    setup()
    fireEvent.click(screen.getByTestId('errors-only'))
    await waitFor(() => expect(screen.getAllByTestId('bos-row').length).toBeLessThan(10))
    const shown = screen.getAllByTestId('bos-row').length
    const dialog = await openExport()
    expect(within(dialog).getByTestId('export-count').textContent).toBe(`The ${shown} BOS requests the filter shows (of 10), as a HAR 1.2 file.`)
    fireEvent.click(within(dialog).getByRole('button', { name: 'Export' }))
    expect((JSON.parse(await downloads[0]!.text) as Har).log.entries).toHaveLength(shown)
  })

  it('Cancel and Escape close the dialog without a download', async () => {
    setup()
    fireEvent.click(within(await openExport()).getByRole('button', { name: 'Cancel' }))
    expect(screen.queryByTestId('export-dialog')).toBeNull()
    fireEvent.keyDown(await openExport(), { key: 'Escape' })
    expect(screen.queryByTestId('export-dialog')).toBeNull()
    expect(downloads).toEqual([])
  })
})

describe('import', () => {
  it('reads the picked file, says "Importing…" while the store works, then what it added', async () => {
    const store = setup()
    let finish: (r: ImportResult) => void = () => {}
    store.importImpl = () => new Promise((resolve) => (finish = resolve))
    pick(harFile('{"log":{"entries":[]}}'))
    const busy = await message()
    expect(busy.textContent).toBe('Importing session.har…')
    expect(busy.getAttribute('role')).toBe('status')
    await waitFor(() => expect(store.imports).toEqual([['{"log":{"entries":[]}}', 'session.har']]))
    expect(button('Import HAR').disabled).toBe(true)
    await act(() => finish({ ok: true, entries: 40, added: 12, duplicates: 3, dropped: 2 }))
    await waitFor(() =>
      expect(screen.getByTestId('io-message').textContent).toBe(
        'Imported 12 BOS requests from session.har (40 entries read, 3 already in the list, the oldest 2 dropped to keep 5000).',
      ),
    )
    expect(button('Import HAR').disabled).toBe(false)
  })

  it('adds one line when the file was exported without its Authorization headers', async () => {
    const store = setup()
    store.importImpl = async () => ({ ok: true, entries: 9, added: 4, duplicates: 0, dropped: 0, withoutAuthorization: 3 })
    pick(harFile('{}', 'stripped.har'))
    await waitFor(() =>
      expect(screen.getByTestId('io-message').textContent).toBe(
        'Imported 4 BOS requests from stripped.har (9 entries read). 3 requests look signed but have no Authorization header: the HAR was exported without sensitive data, so signature and expiry checks cannot be made. Export it with "Allow to generate HAR with sensitive data" on, and share a copy made with bos-devtools redact.',
      ),
    )
  })

  it('says when a file has no BOS requests', async () => {
    const store = setup()
    store.importImpl = async () => ({ ok: true, entries: 7, added: 0, duplicates: 0, dropped: 0 })
    pick(harFile('{}', 'other.har'))
    await waitFor(() => expect(screen.getByTestId('io-message').textContent).toBe('No BOS requests in other.har (7 entries read).'))
  })

  it("shows the store's reason as an alert and leaves the list alone", async () => {
    const store = setup()
    store.importImpl = async () => ({ ok: false, error: 'notes.txt is not a HAR file: it is not valid JSON (Unexpected token).' })
    pick(harFile('hello', 'notes.txt'))
    const alert = await screen.findByRole('alert')
    await waitFor(() => expect(alert.textContent).toBe('notes.txt is not a HAR file: it is not valid JSON (Unexpected token).'))
    expect(screen.getAllByTestId('bos-row')).toHaveLength(10)
    fireEvent.click(within(alert).getByRole('button', { name: 'Dismiss' }))
    expect(screen.queryByTestId('io-message')).toBeNull()
  })

  it('refuses a file over the limit without reading it', async () => {
    const store = setup()
    const huge = harFile('{}', 'huge.har')
    Object.defineProperty(huge, 'size', { value: MAX_IMPORT_BYTES + 1 })
    pick(huge)
    expect((await screen.findByRole('alert')).textContent).toMatch(/^huge\.har is 200 MB: the panel imports HAR files up to 200 MB\./)
    expect(store.imports).toEqual([])
  })

  it('a store that rejects, or cannot import at all, still gets a message, never an exception', async () => {
    const store = setup()
    store.importImpl = () => Promise.reject({ message: 'DevTools went away' })
    pick(harFile('{}'))
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('The import failed: DevTools went away'))
    cleanup()
    const old = new FakeStore({ records: sessionRecords() })
    ;(old as { importHar?: unknown }).importHar = undefined
    render(<App store={old} />)
    pick(harFile('{}'))
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Import is not available/)
  })

  it('takes a .har dropped anywhere on the panel, showing a drop target while dragging', async () => {
    const store = setup()
    const file = harFile('{"log":{"entries":[]}}', 'dropped.har')
    fireEvent.dragOver(document, { dataTransfer: { types: ['Files'], files: [file], dropEffect: 'none' } })
    expect((await screen.findByTestId('drop-overlay')).textContent).toBe('Drop a .har file to import it')
    fireEvent.drop(document, { dataTransfer: { types: ['Files'], files: [file] } })
    await waitFor(() => expect(store.imports).toEqual([['{"log":{"entries":[]}}', 'dropped.har']]))
    expect(screen.queryByTestId('drop-overlay')).toBeNull()
  })

  it('ignores drags that carry no files (text, links)', async () => {
    const store = setup()
    fireEvent.dragOver(document, { dataTransfer: { types: ['text/plain'], files: [] } })
    fireEvent.drop(document, { dataTransfer: { types: ['text/plain'], files: [] } })
    await new Promise((r) => setTimeout(r, 20))
    expect(screen.queryByTestId('drop-overlay')).toBeNull()
    expect(store.imports).toEqual([])
  })
})

describe('import into the real capture store', () => {
  it('shows imported requests like live ones, tagged "imported", and a bad file changes nothing', async () => {
    const fake = new FakeDevtools()
    const store = createCaptureStore(fake)
    await store.start()
    fake.finish(entry({ method: 'PUT', url: 'https://mybucket.bj.bcebos.com/live.txt', started: '2026-11-26T04:00:00.000Z', res: BOS_HEADERS }))
    render(<App store={store} />)
    await waitFor(() => expect(screen.getAllByTestId('bos-row')).toHaveLength(1))

    const file = JSON.stringify(
      har([
        entry({
          url: 'https://mybucket.bj.bcebos.com/missing.png',
          started: '2026-11-26T04:00:01.000Z',
          status: 404,
          res: { ...BOS_HEADERS, 'x-bce-request-id': 'rid-404' },
          body: bosError('NoSuchKey', 'gone', 'rid-404'),
        }),
        entry({ url: 'https://app.example.com/main.js', started: '2026-11-26T04:00:02.000Z' }),
      ]),
    )
    pick(harFile(file, 'charles.har'))
    await waitFor(() => expect(screen.getAllByTestId('bos-row')).toHaveLength(2))
    const row = document.querySelector<HTMLElement>('[data-testid=bos-row][data-source=import]')!
    expect(row.dataset.code).toBe('NoSuchKey')
    expect(within(row).getByText('imported').className).toBe('tag')
    expect(document.querySelector('[data-testid=bos-row][data-source=live]')!.textContent).not.toContain('imported')
    await waitFor(() => expect(screen.getByTestId('io-message').textContent).toBe('Imported 1 BOS request from charles.har (2 entries read).'))

    const before = store.getSnapshot()
    pick(harFile('{"log": {"entries": [', 'broken.har'))
    expect((await screen.findByRole('alert')).textContent).toMatch(/^broken\.har is not a HAR file: it is not valid JSON/)
    expect(store.getSnapshot()).toBe(before)
    expect(screen.getAllByTestId('bos-row')).toHaveLength(2)
  })
})

describe('streamed import (the capture store reads any size in batches)', () => {
  const BUCKET = 'https://mybucket.bj.bcebos.com'
  const stamp = (i: number) => new Date(Date.UTC(2026, 10, 26, 5, 0, i)).toISOString()
  const put = (i: number) => entry({ method: 'PUT', url: `${BUCKET}/big/${i}.bin`, started: stamp(i), res: { ...BOS_HEADERS, 'x-bce-request-id': `big-${i}` } })
  const page = (i: number) =>
    entry({ url: `https://app.example.com/${i}.js`, started: stamp(i), mimeType: 'application/javascript', body: 'x'.repeat(200_000) })

  /** A file whose chunks come only when the test lets them: `next(n)` releases n more. */
  function gatedFile(text: string, name: string, chunk = 256 * 1024) {
    const bytes = new TextEncoder().encode(text)
    let allowed = 0
    let sent = 0
    let wake = () => {}
    const state = { cancelled: false }
    const stream = () =>
      new ReadableStream<Uint8Array>({
        async pull(c) {
          while (sent >= allowed) await new Promise<void>((r) => (wake = r))
          if (sent * chunk >= bytes.length) return c.close()
          c.enqueue(bytes.slice(sent * chunk, ++sent * chunk))
        },
        cancel: () => void (state.cancelled = true),
      })
    const file = { name, size: bytes.length, stream, text: async () => text } as unknown as File
    return {
      file,
      state,
      chunks: Math.ceil(bytes.length / chunk),
      next: (n = 1) => ((allowed += n), wake()),
    }
  }

  async function live() {
    const fake = new FakeDevtools()
    const store = createCaptureStore(fake)
    await store.start()
    fake.finish(entry({ method: 'PUT', url: `${BUCKET}/live.txt`, started: stamp(0), res: BOS_HEADERS }))
    fake.finish(
      entry({
        url: `${BUCKET}/gone.png`,
        started: stamp(0),
        status: 404,
        res: { ...BOS_HEADERS, 'x-bce-request-id': 'rid-404' },
        body: bosError('NoSuchKey', 'gone', 'rid-404'),
      }),
    )
    render(<App store={store} />)
    await waitFor(() => expect(screen.getAllByTestId('bos-row')).toHaveLength(2))
    return store
  }
  const bigHar = () => JSON.stringify(har(Array.from({ length: 20 }, (_, i) => (i % 4 === 3 ? put(i) : page(i)))))

  it('shows bytes read, entries read and BOS requests found, then lists them all at once', async () => {
    const store = await live()
    const g = gatedFile(bigHar(), 'big.har')
    pick(g.file)
    g.next(Math.floor(g.chunks / 2))
    await waitFor(() =>
      expect(screen.getByTestId('import-counts').textContent).toMatch(/^[1-9]\.\d MB of 2\.9 MB read, \d+ entries read, [1-9] BOS requests? found$/),
    )
    const bar = screen.getByTestId('io-message')
    expect(bar.dataset.kind).toBe('busy')
    expect(Number((screen.getByTestId('import-progress') as HTMLProgressElement).value)).toBeGreaterThan(0)
    expect(within(bar).getByText(/^\d+%$/)).toBeTruthy()
    expect(within(bar).getByText('Importing big.har… (listed when the whole file is read; Cancel adds none of it)')).toBeTruthy()
    // Staged, not listed yet; Import and Export wait.
    expect(screen.getAllByTestId('bos-row')).toHaveLength(2)
    expect(button('Import HAR').disabled).toBe(true)
    g.next(g.chunks)
    await waitFor(() => expect(screen.getByTestId('io-message').textContent).toBe('Imported 5 BOS requests from big.har (20 entries read).'))
    expect(screen.queryByTestId('import-progress')).toBeNull()
    expect(store.getSnapshot().records.filter((r) => r.source === 'import')).toHaveLength(5)
  })

  it('Cancel stops reading and leaves the list as it was, and says so', async () => {
    const store = await live()
    const before = store.getSnapshot()
    const g = gatedFile(bigHar(), 'big.har')
    pick(g.file)
    g.next(g.chunks - 1)
    await waitFor(() => expect(screen.getByTestId('import-counts').textContent).toMatch(/[1-9] BOS requests? found$/))
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }))
    await waitFor(() => expect(screen.getByTestId('io-message').textContent).toBe('The import of big.har was cancelled: nothing from it was added.'))
    expect(store.getSnapshot()).toBe(before)
    expect(button('Import HAR').disabled).toBe(false)
  })

  it('stops reading when the panel is unmounted mid-import (a new store), and the store lists nothing of it', async () => {
    const store = await live()
    const before = store.getSnapshot()
    const g = gatedFile(bigHar(), 'big.har')
    pick(g.file)
    g.next(2)
    await screen.findByTestId('import-progress')
    cleanup()
    await waitFor(() => expect(g.state.cancelled).toBe(true))
    g.next(g.chunks)
    await store.idle()
    expect(store.getSnapshot()).toBe(before)
  })

  it('filters the list while a file is being read', async () => {
    await live()
    const g = gatedFile(bigHar(), 'big.har')
    pick(g.file)
    g.next(1)
    await screen.findByTestId('import-progress')
    fireEvent.input(screen.getByTestId('filter'), { target: { value: 'NoSuchKey' } })
    await waitFor(() => expect(screen.getAllByTestId('bos-row')).toHaveLength(1))
    expect(screen.getByTestId('import-progress')).toBeTruthy()
    g.next(g.chunks)
    await waitFor(() => expect(screen.getByTestId('io-message').dataset.kind).toBe('done'))
  })

  it.each([
    [
      'a truncated HAR, with the byte where it stops',
      (t: string) => t.slice(0, 1_000_000),
      /^big\.har is not a HAR file: it is not valid JSON at byte 1000000 \(unexpected end of input\)\. Nothing from it was added\.$/,
    ],
    ['an HTML page', () => '\n<!DOCTYPE html><title>Login</title>', /^big\.har is a web page \(HTML\), not a HAR file\./],
  ])('refuses %s after reading it, and changes nothing', async (_what, content, message) => {
    const store = await live()
    const before = store.getSnapshot()
    const g = gatedFile(content(bigHar()), 'big.har')
    pick(g.file)
    g.next(100)
    expect((await screen.findByRole('alert')).textContent).toMatch(message)
    expect(store.getSnapshot()).toBe(before)
  })

  it('reads a HAR with "log" twice whole, as JSON.parse settles it (the last "log" counts)', async () => {
    const store = await live()
    const twice = `{"log": ${JSON.stringify(har([put(1), put(2)]).log)}, "log": ${JSON.stringify(har([put(3)]).log)}}`
    pick(harFile(twice, 'twice.har'))
    await waitFor(() => expect(screen.getByTestId('io-message').textContent).toBe('Imported 1 BOS request from twice.har (1 entry read).'))
    expect(
      store
        .getSnapshot()
        .records.filter((r) => r.source === 'import')
        .map((r) => r.entry.request.url),
    ).toEqual([`${BUCKET}/big/3.bin`])
  })

  it('has no size limit: a file over the whole-text limit is read as a stream', async () => {
    await live()
    const file = harFile(JSON.stringify(har([put(1)])), 'huge.har')
    Object.defineProperty(file, 'size', { value: MAX_IMPORT_BYTES + 1 })
    pick(file)
    await waitFor(() => expect(screen.getByTestId('io-message').textContent).toBe('Imported 1 BOS request from huge.har (1 entry read).'))
  })
})
