// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { copyText, execCommandCopy } from '../../src/panel/clipboard.ts'

const TEXT = 'FFh7572V+sO+cH3q2Vd0nQ=='

function stubClipboard(writeText: ((t: string) => Promise<void>) | undefined) {
  Object.defineProperty(navigator, 'clipboard', { configurable: true, value: writeText ? { writeText: vi.fn(writeText) } : undefined })
  return navigator.clipboard as unknown as { writeText: ReturnType<typeof vi.fn> } | undefined
}

/** execCommand stub that records what was selected when it ran. */
function stubExec(result: boolean | 'throw') {
  const seen: { command: string; selected: string | null }[] = []
  const fn = vi.fn((command: string) => {
    const el = document.activeElement as HTMLTextAreaElement | null
    seen.push({ command, selected: el && 'value' in el ? el.value.slice(el.selectionStart ?? 0, el.selectionEnd ?? 0) : null })
    if (result === 'throw') throw new Error('SecurityError')
    return result
  })
  Object.defineProperty(document, 'execCommand', { configurable: true, writable: true, value: fn })
  return { fn, seen }
}

beforeEach(() => {
  document.body.innerHTML = '<button id="origin">copy</button>'
})

afterEach(() => {
  delete (navigator as { clipboard?: unknown }).clipboard
  delete (document as { execCommand?: unknown }).execCommand
  vi.useRealTimers()
})

describe('copyText', () => {
  it('uses the Clipboard API when it works, and nothing else', async () => {
    const clip = stubClipboard(() => Promise.resolve())
    const exec = stubExec(true)
    await expect(copyText(TEXT)).resolves.toEqual({ ok: true, via: 'clipboard-api' })
    expect(clip!.writeText).toHaveBeenCalledWith(TEXT)
    expect(exec.fn).not.toHaveBeenCalled()
  })

  it('falls back to execCommand("copy") on a selected textarea when the API rejects (permissions policy)', async () => {
    stubClipboard(() => Promise.reject(new DOMException('The Clipboard API has been blocked because of a permissions policy', 'NotAllowedError')))
    const exec = stubExec(true)
    const origin = document.getElementById('origin')!
    origin.focus()
    await expect(copyText(TEXT)).resolves.toEqual({ ok: true, via: 'exec-command' })
    expect(exec.seen).toEqual([{ command: 'copy', selected: TEXT }])
    expect(document.querySelector('textarea')).toBeNull() // the helper textarea is gone
    expect(document.activeElement).toBe(origin) // focus goes back to the button
  })

  it('reports failure when the API rejects and execCommand returns false', async () => {
    stubClipboard(() => Promise.reject(new Error('Document is not focused.')))
    stubExec(false)
    const r = await copyText(TEXT)
    expect(r.ok).toBe(false)
    expect(!r.ok && r.reason).toMatch(/Document is not focused.*execCommand/)
  })

  it('reports failure when execCommand throws', async () => {
    stubClipboard(() => Promise.reject(new Error('blocked')))
    stubExec('throw')
    await expect(copyText(TEXT)).resolves.toMatchObject({ ok: false })
    expect(document.querySelector('textarea')).toBeNull()
  })

  it('goes straight to execCommand when there is no Clipboard API', async () => {
    stubClipboard(undefined)
    const exec = stubExec(true)
    await expect(copyText(TEXT)).resolves.toEqual({ ok: true, via: 'exec-command' })
    expect(exec.fn).toHaveBeenCalledOnce()
  })

  it('treats a writeText that throws synchronously like a rejection', async () => {
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: {
        writeText: () => {
          throw new TypeError('Illegal invocation')
        },
      },
    })
    stubExec(true)
    await expect(copyText(TEXT)).resolves.toEqual({ ok: true, via: 'exec-command' })
  })

  it('does not wait forever for a Clipboard API that never answers', async () => {
    vi.useFakeTimers()
    stubClipboard(() => new Promise<void>(() => {}))
    const exec = stubExec(true)
    const p = copyText(TEXT)
    await vi.advanceTimersByTimeAsync(1600)
    await expect(p).resolves.toEqual({ ok: true, via: 'exec-command' })
    expect(exec.fn).toHaveBeenCalledOnce()
  })

  it('fails cleanly when neither path exists', async () => {
    stubClipboard(undefined)
    const r = execCommandCopy(TEXT)
    expect(r).toEqual({ ok: false, reason: 'document.execCommand is not available' })
  })
})
