// @vitest-environment happy-dom
// The upload-debugging views: the Authorization tab's canonical request and local key check, the Upload
// tab (multipart session), the Form tab (PostObject), and the finding facts in the Summary.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { CapturedRecord } from '../../src/devtools/store-types.ts'
import { App } from '../../src/panel/App.tsx'
import { loadExtras } from '../../src/panel/Lazy.tsx'
import { FindingFacts } from '../../src/panel/extras/FindingFacts.tsx'
import { maskCanonical, signatureModel } from '../../src/panel/extras/SignatureSection.tsx'
import { FakeStore, scenario, SCENARIOS, SIGNATURE } from '../helpers/fake-store.ts'
import {
  bigPartEtag,
  bigUploadSpecs,
  captureRecords,
  ETAG1,
  ETAG2,
  multipartSpecs,
  POST_SIGNATURE,
  POST_TOKEN,
  postObjectSpec,
  REAL_SK,
  UPLOAD_ID,
  WRONG_ETAG2,
  WRONG_SK,
  wrongKeySpec,
  hostSignedSpec,
} from '../helpers/upload-records.ts'
import { useScrollerHeight } from './setup-dom.ts'
import { hmac } from '@noble/hashes/hmac.js'
import { sha256 } from '@noble/hashes/sha2.js'
import { findAuth } from '../../src/core/auth.ts'
import { bytesToHex } from '../../src/core/encoding.ts'
import { toExchange } from '../../src/core/har.ts'
import { sigv4CanonicalRequest } from '../../src/core/sigv4-canonical.ts'
import { entry, type EntrySpec } from '../helpers/har.ts'

useScrollerHeight()
afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

function setup(records: CapturedRecord[]) {
  const store = new FakeStore({ records })
  render(<App store={store} />)
  return store
}
const row = (id: number) => document.querySelector<HTMLElement>(`[data-testid=bos-row][data-record-id="${id}"]`)!
const open = (id: number, tab?: string) => {
  fireEvent.click(row(id))
  if (tab) fireEvent.click(screen.getByTestId(`tab-${tab}`))
}
const tabs = () => screen.getAllByRole('tab').map((t) => t.textContent)

describe('lazy views', () => {
  it('show a loading line until their chunk is in, then the view', async () => {
    setup(captureRecords([wrongKeySpec()]))
    open(1, 'auth')
    expect(screen.getByTestId('lazy-loading').textContent).toBe('Loading…')
    await screen.findByTestId('canonical-request', {}, { timeout: 15_000 })
    expect(screen.queryByTestId('lazy-loading')).toBeNull()
  })
})

describe('signature view', () => {
  beforeAll(() => loadExtras(), 30_000)

  const CANONICAL = 'PUT\n/docs/hello%20world.txt\n\ncontent-type:text%2Fplain\nhost:mybucket.bj.bcebos.com\nx-bce-date:2026-11-26T04%3A02%3A00Z'

  it('shows the canonical request BOS rebuilds, the signed headers and the traps, never the signature', async () => {
    const [r] = captureRecords([wrongKeySpec()])
    setup([r!])
    open(1, 'auth')
    expect((await screen.findByTestId('canonical-request')).textContent).toBe(CANONICAL)
    const signed = screen.getByTestId('signed-headers')
    expect(
      within(signed)
        .getAllByRole('listitem')
        .map((li) => li.dataset.name),
    ).toEqual(['content-type', 'host', 'x-bce-date'])
    expect(signed.textContent).toContain('mybucket.bj.bcebos.com')
    expect(screen.getByTestId('signing-traps').querySelector('[data-trap=uri-encoding]')).toBeTruthy()
    // the decoded fields are still there, the signature is not
    expect(screen.getByTestId('auth-signature').querySelector('dd')!.textContent).toBe('••••')
    const sig = /\/([0-9a-f]{64})$/.exec(r!.entry.request.headers.find((h) => h.name === 'Authorization')!.value)![1]!
    expect(document.body.innerHTML).not.toContain(sig)
    // the Summary's finding shows the core's canonical request in a <pre>
    fireEvent.click(screen.getByTestId('tab-summary'))
    const pre = await screen.findByTestId('finding-canonical')
    expect(pre.tagName).toBe('PRE')
    expect(pre.textContent).toBe(CANONICAL)
  })

  it('the local key check tells the key the signer used from the right one, and keeps the key nowhere', async () => {
    const storage = { get: vi.fn(), set: vi.fn(), remove: vi.fn() }
    vi.stubGlobal('chrome', { storage: { local: storage, sync: storage, session: storage } })
    const logs = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m))
    const setItem = vi.spyOn(Storage.prototype, 'setItem')
    setup(captureRecords([wrongKeySpec()]))
    open(1, 'auth')
    const input = (await screen.findByTestId('sk-input')) as HTMLInputElement
    expect(input.type).toBe('password')
    expect(input.getAttribute('autocomplete')).toBe('off')
    // spellcheck=false is a DOM property happy-dom lacks: the E2E test checks it in Chromium
    expect(input.getAttribute('aria-label')).toBe('Secret access key (checked locally, never stored)')

    const check = async (key: string) => {
      fireEvent.input(input, { target: { value: key } })
      expect((screen.getByTestId('sk-check') as HTMLButtonElement).disabled).toBe(false)
      fireEvent.click(screen.getByTestId('sk-check'))
      expect(input.value).toBe('') // emptied at once, before the result is in
      const result = await screen.findByTestId('key-check-result')
      await waitFor(() => expect(screen.getByTestId('key-check-result').dataset.outcome).toBeTruthy())
      return result
    }

    // The key the page signed with reproduces the signature: the key is the fault.
    let result = await check(WRONG_SK)
    await waitFor(() => expect(screen.getByTestId('key-check-result').dataset.outcome).toBe('same'))
    result = screen.getByTestId('key-check-result')
    expect(result.textContent).toContain('This key produces the same signature')
    expect(result.textContent).toContain('SignatureDoesNotMatch')
    expect(document.body.innerHTML).not.toContain(WRONG_SK)

    // The key BOS holds does not: the signer used another key (or another canonical request).
    result = await check(REAL_SK)
    await waitFor(() => expect(screen.getByTestId('key-check-result').dataset.outcome).toBe('different'))
    expect(screen.getByTestId('key-check-result').textContent).toMatch(
      /^This key gives a different signatureEither the key is wrong \(not the one the signer used\), or the canonical request differs/,
    )
    expect(document.body.innerHTML).not.toContain(REAL_SK)
    expect(input.value).toBe('')

    for (const fn of [storage.get, storage.set, storage.remove, setItem, ...logs]) expect(fn).not.toHaveBeenCalled()
    vi.unstubAllGlobals()
  })

  it('Summary and Headers say where an upload callback goes, and a failed callback is a finding', async () => {
    const process = 'callback/callback,u_WyJodHRwczovL3d3dy50ZXN0LmNvbS9jYWxsYmFjayJd,m_sync,v_eyJuYW1lIjoiYmFpZHUifQ'
    setup(
      captureRecords([
        {
          ...wrongKeySpec(),
          status: 200,
          req: { ...wrongKeySpec().req, 'x-bce-process': process },
          body: '{"callback":{"code":"CallbackFailed","message":"connect timeout"}}',
        },
      ]),
    )
    open(1, 'summary')
    expect((await screen.findByTestId('fact-process')).textContent).toContain(
      'Upload callback to https://www.test.com/callback, mode sync; variables {"name":"baidu"}',
    )
    expect(screen.getByTestId('summary').textContent).toContain('The object was stored, but the upload callback failed')
    fireEvent.click(screen.getByTestId('tab-headers'))
    expect(screen.getByText(/Upload callback to https:\/\/www\.test\.com\/callback/)).toBeTruthy()
  })

  it('Request: the query (signature masked), the payload pretty-printed, and the timing phases DevTools measured', async () => {
    const specs = multipartSpecs()
    const complete = specs[specs.length - 1]!
    const records = captureRecords([{ ...complete, time: 120 }])
    // The phases as Chrome's HAR has them; they add up to `time`, so the record keeps them.
    const raw = records[0]!.entry as unknown as { timings: Record<string, number> }
    raw.timings = { blocked: 2, dns: -1, connect: -1, ssl: -1, send: 1, wait: 110, receive: 7 }
    setup(records)
    open(1, 'request')
    const tab = await screen.findByTestId('request-tab')
    expect(within(tab).getByTestId('request-query').textContent).toContain('uploadId')
    expect(within(tab).getByTestId('request-payload').textContent).toContain('"partNumber": 1')
    const phases = [...within(tab).getByTestId('request-timing').querySelectorAll('tr')].map((tr) => tr.dataset.phase)
    expect(phases).toEqual(['blocked', 'send', 'wait', 'receive'])
    expect(tab.textContent).toContain('Waiting for server response')
  })

  it('the key check finds a signer that signed the Host without its port', async () => {
    setup(captureRecords([hostSignedSpec()]))
    open(1, 'auth')
    const input = (await screen.findByTestId('sk-input')) as HTMLInputElement
    // No trap from the port alone: the Host sent and the URL agree.
    expect(screen.queryByTestId('signing-traps')?.querySelector('[data-trap="host-port"]') ?? null).toBeNull()
    fireEvent.input(input, { target: { value: REAL_SK } })
    fireEvent.click(screen.getByTestId('sk-check'))
    await waitFor(() => expect(screen.getByTestId('key-check-result').dataset.outcome).toBe('host'))
    const result = screen.getByTestId('key-check-result')
    expect(result.textContent).toContain('The key is right, but the signer signed another Host')
    expect(result.textContent).toContain('Host "mybucket.bj.bcebos.com", but the browser sent Host "mybucket.bj.bcebos.com:8080"')
    // Another key reproduces nothing, on any Host.
    fireEvent.input(input, { target: { value: WRONG_SK } })
    fireEvent.click(screen.getByTestId('sk-check'))
    await waitFor(() => expect(screen.getByTestId('key-check-result').dataset.outcome).toBe('different'))
  })

  it('a typed key is gone when another request is selected, or the panel is hidden', async () => {
    setup(captureRecords([wrongKeySpec(), multipartSpecs()[0]!]))
    open(1, 'auth')
    let input = (await screen.findByTestId('sk-input')) as HTMLInputElement
    fireEvent.input(input, { target: { value: WRONG_SK } })
    expect(input.value).toBe(WRONG_SK)
    fireEvent.click(row(2))
    fireEvent.click(row(1))
    input = (await screen.findByTestId('sk-input')) as HTMLInputElement
    expect(input.value).toBe('')
    expect(screen.queryByTestId('key-check-result')).toBeNull()

    fireEvent.input(input, { target: { value: WRONG_SK } })
    window.dispatchEvent(new Event('pagehide'))
    await waitFor(() => expect(input.value).toBe(''))
  })

  it('masks the security token in the canonical request but checks with it', async () => {
    const token = 'c2Vzc2lvbi10b2tlbi1zZWNyZXQtdmFsdWU='
    setup(captureRecords([wrongKeySpec(WRONG_SK, token)]))
    open(1, 'auth')
    expect((await screen.findByTestId('canonical-request')).textContent).toContain('x-bce-security-token:••••')
    expect(document.body.innerHTML).not.toContain(token)
    fireEvent.input(screen.getByTestId('sk-input'), { target: { value: WRONG_SK } })
    fireEvent.click(screen.getByTestId('sk-check'))
    await waitFor(() => expect(screen.getByTestId('key-check-result').dataset.outcome).toBe('same'))
    expect(document.body.innerHTML).not.toContain(token)
  })

  it('maskCanonical hides secret query parameters and headers', () => {
    const text = maskCanonical({
      method: 'GET',
      uri: '/a',
      query: 'partNumber=1&x-bce-security-token=abc&signature=def&z=bce-auth-v1%2Fak',
      headers: 'cookie:a%3Db\nhost:h\nx-bce-security-token:abc',
      text: '',
      signedHeaders: [],
    })
    expect(text).toBe('GET\n/a\npartNumber=1&x-bce-security-token=••••&signature=••••&z=••••\ncookie:••••\nhost:h\nx-bce-security-token:••••')
  })

  it("a presigned URL's signature is not kept, so it says the key cannot be checked", async () => {
    const [r] = captureRecords([SCENARIOS.presignedDenied]) as [CapturedRecord]
    expect(signatureModel(r)?.auth.signature).toBe('') // the capture keeps the URL redacted
    setup([r])
    open(1, 'auth')
    expect((await screen.findByTestId('key-check-unavailable')).textContent).toMatch(/not kept/)
    expect(screen.queryByTestId('sk-input')).toBeNull()
    expect(document.body.innerHTML).not.toContain(SIGNATURE)
  })
})

describe('signature view, SigV4 (S3-compatible endpoint)', () => {
  beforeAll(() => loadExtras(), 30_000)
  const SK = 'sigv4-test-secret'
  const EMPTY = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
  /** A PUT signed with SK by the rules of s3-compat.md §2.4 (computed here with @noble/hashes, not the code under test's WebCrypto). */
  function sigv4Spec(): EntrySpec {
    const req = { Host: 'mybucket.s3.bj.bcebos.com', 'x-amz-content-sha256': EMPTY, 'x-amz-date': '20261204T225328Z', 'x-amz-security-token': 'STS-TOKEN' }
    const head =
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261204/bj/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token, Signature='
    const url = 'https://mybucket.s3.bj.bcebos.com/docs/a%20b.txt'
    const x = toExchange(entry({ url, method: 'PUT', req: { ...req, Authorization: head + '0'.repeat(64) } }))!
    const found = findAuth(x.requestHeaders, x.parsed!.searchParams, 's3')
    if (!found?.ok) throw new Error('unsigned')
    const enc = (v: string) => new TextEncoder().encode(v)
    let k = hmac(sha256, enc(`AWS4${SK}`), enc('20261204'))
    for (const part of ['bj', 's3', 'aws4_request']) k = hmac(sha256, k, enc(part))
    const sig = bytesToHex(hmac(sha256, k, enc(sigv4CanonicalRequest(x, found.auth).stringToSign)))
    return {
      url,
      method: 'PUT',
      status: 403,
      req: { ...req, Authorization: head + sig },
      res: { Server: 'BceBos', 'x-amz-request-id': 'r', Date: 'Fri, 04 Dec 2026 22:53:28 GMT' },
      body: '<Error><Code>SignatureDoesNotMatch</Code><Message>m</Message></Error>',
      mimeType: 'application/xml',
    }
  }

  it('shows the scope, the SigV4 canonical request and string to sign (token masked), and checks a key', async () => {
    setup(captureRecords([sigv4Spec()]))
    open(1, 'auth')
    const canonical = (await screen.findByTestId('canonical-request')).textContent!
    expect(canonical).toBe(
      [
        'PUT',
        '/docs/a%20b.txt',
        '',
        'host:mybucket.s3.bj.bcebos.com',
        `x-amz-content-sha256:${EMPTY}`,
        'x-amz-date:20261204T225328Z',
        'x-amz-security-token:••••',
        '',
        'host;x-amz-content-sha256;x-amz-date;x-amz-security-token',
        EMPTY,
      ].join('\n'),
    )
    expect(screen.getByTestId('string-to-sign').textContent).toMatch(/^AWS4-HMAC-SHA256\n20261204T225328Z\n20261204\/bj\/s3\/aws4_request\n[0-9a-f]{64}$/)
    expect(screen.getByTestId('auth-scope').querySelector('dd')!.textContent).toBe('20261204/bj/s3/aws4_request')
    expect(document.body.innerHTML).not.toContain('STS-TOKEN')
    const input = (await screen.findByTestId('sk-input')) as HTMLInputElement
    fireEvent.input(input, { target: { value: SK } })
    fireEvent.click(screen.getByTestId('sk-check'))
    await waitFor(() => expect(screen.getByTestId('key-check-result').dataset.outcome).toBe('same'))
    fireEvent.input(input, { target: { value: 'another-key' } })
    fireEvent.click(screen.getByTestId('sk-check'))
    await waitFor(() => expect(screen.getByTestId('key-check-result').dataset.outcome).toBe('different'))
    expect(document.body.innerHTML).not.toContain(SK)
  })
})

describe('upload session view', () => {
  beforeAll(() => loadExtras(), 30_000)

  it('lists the parts, the outcome, the Complete list diff and the session findings; "show" selects a part', async () => {
    setup(captureRecords(multipartSpecs()))
    expect(row(1).dataset.operation).toBe('InitiateMultipartUpload')
    // Part rows tell apart: the part number and a short upload id, the whole id on hover.
    const tag = within(row(2)).getByTestId('part-tag')
    expect(tag.textContent).toBe(`#1 ${UPLOAD_ID.slice(0, 6)}`)
    expect(tag.title).toBe(`#1 · ${UPLOAD_ID}`)
    expect(within(row(1)).queryByTestId('part-tag')).toBeNull()
    open(2)
    expect(tabs()).toEqual(['Summary', 'Headers', 'Request', 'Body', 'Upload', 'Authorization'])
    fireEvent.click(screen.getByTestId('tab-upload'))
    const session = await screen.findByTestId('session')
    expect(session.dataset.outcome).toBe('failed')
    expect(screen.getByTestId('session-outcome').textContent).toContain('Failed')
    expect(session.textContent).toContain(UPLOAD_ID)

    const parts = screen.getAllByTestId('session-part')
    expect(parts.map((p) => [p.dataset.partNumber, p.dataset.state])).toEqual([
      ['1', 'too-small'],
      ['2', 'etag-mismatch'],
    ])
    expect(parts[0]!.textContent).toContain('1.0 KB')
    expect(parts[0]!.textContent).toContain(ETAG1)
    expect(parts[1]!.textContent).toContain('ETag differs in Complete')

    const diff = screen.getAllByTestId('complete-row')
    expect(diff.map((d) => d.dataset.match)).toEqual(['yes', 'no'])
    expect(diff[1]!.textContent).toContain(WRONG_ETAG2)
    expect(diff[1]!.textContent).toContain(ETAG2)
    expect(diff[1]!.classList.contains('bad')).toBe(true)

    const ids = screen.getAllByTestId('session-finding').map((f) => f.dataset.findingId)
    expect(ids).toContain('part-too-small')
    expect(ids).toContain('part-etag-mismatch')

    // this request's own row cannot be "shown" again; part 2 can
    const buttons = within(screen.getByTestId('session-parts')).getAllByTestId('session-go-part') as HTMLButtonElement[]
    expect(buttons.map((b) => b.disabled)).toEqual([true, false])
    fireEvent.click(buttons[1]!)
    await waitFor(() => expect(row(3).getAttribute('aria-selected')).toBe('true'))
    expect(screen.getByTestId('tab-upload').getAttribute('aria-selected')).toBe('true')
    fireEvent.click(screen.getByTestId('session-go-complete'))
    await waitFor(() => expect(row(4).getAttribute('aria-selected')).toBe('true'))
  })

  it('the Summary of the Complete lists the parts concerned; badges have short labels', async () => {
    setup(captureRecords(multipartSpecs()))
    const complete = row(4)
    expect(within(complete).getByText('part ETag')).toBeTruthy()
    expect(within(complete).getByText('part size')).toBeTruthy()
    open(4)
    await screen.findAllByTestId('finding-parts')
    const facts = screen.getAllByTestId('finding-parts').map((f) => f.textContent)
    expect(facts).toContain('Part: 1')
    expect(facts).toContain('Part: 2')
  })

  it('shows a session bigger than the list whole: the dropped rows say so, and a long part table is windowed', async () => {
    const specs = bigUploadSpecs(1000)
    const listedFrom = 902 // ids 1…1001: the last 100 requests are still rows
    const store = new FakeStore({ records: captureRecords(specs.slice(listedFrom - 1), listedFrom), dropped: listedFrom - 1 })
    store.sessionEntries = specs.map((s, i) => ({ entry: entry(s), id: i + 1 }))
    render(<App store={store} />)
    open(1001, 'upload') // part 1000, the last row
    const session = await screen.findByTestId('session')
    expect(session.textContent).toContain('Parts (1000, 3.91 GB)')
    expect(screen.getByTestId('session-rows-dropped').textContent).toBe(
      '901 requests of this upload left the list at the row cap; their part facts are kept below.',
    )
    // The Initiate's row is gone: its facts stay, without a link.
    expect(screen.queryByTestId('session-go-initiate')).toBeNull()
    const table = screen.getByTestId('session-parts')
    expect(table.getAttribute('aria-rowcount')).toBe('1001')
    const shown = () => within(table).getAllByTestId('session-part')
    // Windowed, opened at the selected part.
    expect(shown().length).toBeLessThan(100)
    const current = shown().find((r) => r.dataset.partNumber === '1000')!
    expect(current.className).toContain('current')
    expect(within(current).getByTestId('session-go-part').textContent).toBe('this request')
    // Scrolled to the top: part 1, whose row was dropped, says so and links nowhere.
    const scroller = screen.getByTestId('session-parts-window')
    scroller.scrollTop = 0
    fireEvent.scroll(scroller)
    const first = await waitFor(() => shown().find((r) => r.dataset.partNumber === '1')!)
    expect(within(first).getByTestId('session-row-dropped').textContent).toBe('row dropped')
    expect(within(first).queryByTestId('session-go-part')).toBeNull()
    expect(within(first).getAllByRole('cell')[2]!.textContent).toBe(bigPartEtag(1))
    // A listed part links to its row.
    scroller.scrollTop = 990 * 22
    fireEvent.scroll(scroller)
    const listed = await waitFor(() => shown().find((r) => r.dataset.partNumber === '995')!)
    fireEvent.click(within(listed).getByTestId('session-go-part'))
    await waitFor(() => expect(row(996).getAttribute('aria-selected')).toBe('true'))
  })

  it('a short part table stays a plain table; a forgotten session says why', async () => {
    const store = new FakeStore({ records: captureRecords(bigUploadSpecs(3)) })
    render(<App store={store} />)
    open(2, 'upload')
    await screen.findByTestId('session')
    expect(screen.queryByTestId('session-parts-window')).toBeNull()
    expect(within(screen.getByTestId('session-parts')).getAllByTestId('session-part')).toHaveLength(3)
    expect(screen.queryByTestId('session-rows-dropped')).toBeNull()
    cleanup()
    const forgetful = new FakeStore({ records: captureRecords(bigUploadSpecs(3)) })
    forgetful.uploadSession = (uploadId) => ({ state: 'forgotten', uploadId })
    render(<App store={forgetful} />)
    open(2, 'upload')
    const none = await screen.findByTestId('session-none')
    expect(none.dataset.state).toBe('forgotten')
    expect(none.textContent).toContain('let go to bound memory')
  })

  it('has no Upload tab outside a multipart upload, and falls back to Summary', () => {
    setup([...captureRecords(multipartSpecs()), scenario('putObject', 9)])
    open(2, 'upload')
    open(9)
    expect(tabs()).not.toContain('Upload')
    expect(screen.getByTestId('tab-summary').getAttribute('aria-selected')).toBe('true')
    expect(screen.getByTestId('summary')).toBeTruthy()
  })
})

describe('PostObject form view', () => {
  beforeAll(() => loadExtras(), 30_000)

  it('shows the fields, the file and the decoded policy with each condition met or violated; no secret', async () => {
    setup(captureRecords([postObjectSpec()]))
    open(1)
    expect(tabs()).toEqual(['Summary', 'Headers', 'Request', 'Body', 'Form', 'Authorization'])
    fireEvent.click(screen.getByTestId('tab-form'))
    const form = await screen.findByTestId('post-form')
    const fields = screen.getByTestId('form-fields').textContent!
    expect(fields).toContain('uploads/form.txt')
    expect(fields).toContain('AKIDEXAMPLE')
    expect(screen.getByTestId('form-signature').textContent).toContain('•••• (never shown)')
    expect(screen.getByTestId('form-file').textContent).toContain('form.txt')
    expect(screen.getByTestId('form-file').textContent).toContain('17 bytes')
    expect(screen.getByTestId('policy-expiration').textContent).toContain('2026-11-26T04:00:00Z (expired 80 seconds before the server answered (its Date))')
    const conds = screen.getAllByTestId('policy-condition').map((c) => [c.children[0]!.textContent, c.dataset.state])
    expect(conds).toEqual([
      ['{"bucket": "mybucket"}', 'met'],
      ['["starts-with", "$key", "uploads/"]', 'met'],
      ['["content-length-range", 0, 5]', 'violated'],
      ['["eq", "$x-bce-security-token", "••••"]', 'met'],
      ['["in", "$x", "y"]', 'unchecked'],
    ])
    expect(screen.getAllByTestId('policy-condition')[2]!.textContent).toContain('expected 0 to 5 bytes, sent about 17 bytes')
    expect(form.ownerDocument.body.innerHTML).not.toContain(POST_SIGNATURE)
    expect(document.body.innerHTML).not.toContain(POST_TOKEN)
    // Authorization points to the form
    fireEvent.click(screen.getByTestId('tab-auth'))
    expect((await screen.findByTestId('auth-none')).textContent).toMatch(/see the Form tab/)
  })

  it('the Summary lists the violated conditions', async () => {
    setup(captureRecords([postObjectSpec()]))
    open(1)
    const list = await screen.findByTestId('finding-violations')
    expect(list.textContent).toContain('content-length-range 0–5: expected 0 to 5 bytes, sent about 17 bytes')
    expect(document.querySelector('[data-testid=finding][data-finding-id=policy-expired]')).toBeTruthy()
    expect(within(row(1)).getByText('policy expired')).toBeTruthy()
  })
})

describe('finding facts', () => {
  it('never shows the values of a violated condition on a secret field', () => {
    render(
      <FindingFacts
        finding={{
          id: 'policy-violation',
          severity: 'error',
          title: '',
          detail: '',
          message: { title: { key: 'finding.policy-violation.title.other', params: { count: 2 } }, detail: '' },
          violations: [
            { condition: '["eq", "$x-bce-security-token", "policy-token"]', expected: '"policy-token"', actual: '"sent-token"' },
            { condition: '{"key": "uploads/*"}', expected: 'matches uploads/*', actual: '"other/a.txt"' },
          ],
        }}
      />,
    )
    const text = screen.getByTestId('finding-violations').textContent!
    expect(text).not.toContain('sent-token')
    expect(text).not.toContain('policy-token')
    expect(text).toContain('["eq", "$x-bce-security-token", "••••"]: the value sent differs')
    expect(text).toContain('the value sent differs (a secret: not shown)')
    expect(text).toContain('{"key": "uploads/*"}: expected matches uploads/*, sent "other/a.txt"')
  })
})
