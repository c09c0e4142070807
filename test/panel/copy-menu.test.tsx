// @vitest-environment happy-dom
// The copy menu and the row context menu: right-click and Shift+F10/ContextMenu open it, every item copies
// what it says (masked; secrets only through "Copy with secrets"), items that do not apply say why.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { App } from '../../src/panel/App.tsx'
import { copyChoices, copyMenuEntries } from '../../src/panel/extras/copy-menu.tsx'
import { loadViewParts } from '../../src/panel/ViewParts.tsx'
import { FakeStore, SECURITY_TOKEN, SIGNATURE, sessionRecords } from '../helpers/fake-store.ts'
import { useScrollerHeight } from './setup-dom.ts'

useScrollerHeight()
let written: string[] = []
beforeEach(async () => {
  await loadViewParts()
  written = []
  Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: (t: string) => (written.push(t), Promise.resolve()) } })
})
afterEach(() => {
  cleanup()
  delete (navigator as { clipboard?: unknown }).clipboard
})

const records = sessionRecords()
const byCode = (code: string) => records.find((r) => r.analysis.error?.code === code)!
const rowOf = (id: number) => document.querySelector<HTMLElement>(`[data-testid=bos-row][data-record-id="${id}"]`)!
const grid = () => screen.getByTestId('bos-grid')

function setup() {
  render(<App store={new FakeStore({ records })} />)
}

describe('copy choices', () => {
  const r = records.find((x) => x.entry.request.headers.some((h) => h.name === 'Authorization' && h.value.includes(SIGNATURE)))!
  it('mask the signature in every item, and keep it only with secrets', () => {
    for (const c of copyChoices(r, false)) expect(c.text ?? '', c.kind).not.toContain(SIGNATURE)
    const full = copyChoices(r, true)
    expect(full.find((c) => c.kind === 'curlBash')!.text).toContain(SIGNATURE)
    expect(full.find((c) => c.kind === 'fetch')!.text).toContain(SIGNATURE)
  })

  it('disable what the record lacks, with the reason', () => {
    const none = records.find((x) => x.analysis.debugId === null)!
    const debug = copyChoices(none, false).find((c) => c.kind === 'debugId')!
    expect(debug.text).toBeNull()
    expect(debug.reason).toMatch(/No x-(bce-debug-id|amz-id-2) in this response/)
    const entry = copyMenuEntries(none, () => undefined).find((e) => e !== 'separator' && e.testId === 'copy-item-debugId')
    expect(entry).toMatchObject({ disabled: debug.reason })
  })

  it('never carry a presigned URL signature or its token, not even with secrets (the capture keeps it redacted)', () => {
    const presigned = records.find((x) => x.analysis.url.includes('x-bce-security-token'))!
    for (const c of copyChoices(presigned, true)) {
      if (c.kind === 'url' || c.kind === 'curlBash') expect(c.text ?? '', c.kind).not.toContain(encodeURIComponent(SECURITY_TOKEN))
    }
  })
})

describe('row context menu', () => {
  const target = byCode('NoSuchKey')

  it('opens on right-click at the pointer; an item copies, masked, and focus goes back to the grid', async () => {
    setup()
    grid().focus()
    fireEvent.contextMenu(rowOf(target.id), { clientX: 50, clientY: 60 })
    const menu = await screen.findByTestId('row-menu')
    expect(menu.getAttribute('role')).toBe('menu')
    expect(rowOf(target.id).getAttribute('aria-selected')).toBe('true')
    fireEvent.click(screen.getByTestId('copy-item-curlBash'))
    await waitFor(() => expect(written).toHaveLength(1))
    expect(written[0]).toMatch(/^curl 'https:\/\//)
    expect(written[0]).not.toContain(SIGNATURE)
    expect(written[0]).toContain('Authorization: bce-auth-v1/')
    expect(screen.queryByTestId('row-menu')).toBeNull()
    expect(document.activeElement).toBe(grid())
    await waitFor(() => expect(screen.getByTestId('menu-copy-status').textContent).toBe('Copied: Copy as cURL (bash)'))
  })

  it('Shift+F10 and the ContextMenu key open it under the selected row; secrets only through the submenu', async () => {
    setup()
    fireEvent.click(rowOf(target.id))
    grid().focus()
    fireEvent.keyDown(grid(), { key: 'F10', shiftKey: true })
    await screen.findByTestId('row-menu')
    expect((document.activeElement as HTMLElement).dataset.testid).toBe('copy-item-curlBash')
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' })
    expect(screen.queryByTestId('row-menu')).toBeNull()
    expect(document.activeElement).toBe(grid())

    fireEvent.keyDown(grid(), { key: 'ContextMenu' })
    await screen.findByTestId('row-menu')
    fireEvent.keyDown(document.activeElement!, { key: 'End' })
    expect((document.activeElement as HTMLElement).dataset.testid).toBe('copy-with-secrets')
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' })
    expect((document.activeElement as HTMLElement).dataset.testid).toBe('copy-secret-curlBash')
    fireEvent.keyDown(document.activeElement!, { key: 'Enter' })
    await waitFor(() => expect(written).toHaveLength(1))
    expect(written[0]).toContain(SIGNATURE)
  })
})

describe('detail pane Copy menu', () => {
  it('is a menu button; ArrowDown opens it; the ticket and ids copy as they are', async () => {
    setup()
    const r = byCode('NoSuchKey')
    fireEvent.click(rowOf(r.id))
    const button = await screen.findByTestId('copy-menu-button')
    expect(button.getAttribute('aria-haspopup')).toBe('menu')
    fireEvent.keyDown(button, { key: 'ArrowDown' })
    expect(button.getAttribute('aria-expanded')).toBe('true')
    await screen.findByTestId('copy-menu')
    fireEvent.click(screen.getByTestId('copy-item-requestId'))
    await waitFor(() => expect(written).toEqual([r.analysis.requestId]))
    fireEvent.click(button)
    fireEvent.click(screen.getByTestId('copy-item-ticket'))
    await waitFor(() => expect(written).toHaveLength(2))
    expect(written[1]).toContain(r.analysis.requestId!)
    expect(written[1]).not.toContain(SIGNATURE)
  })
})
