// Copying from a DevTools panel (reference devtools-panels.md §2). navigator.clipboard is blocked by the
// permissions policy of the devtools:// embedder and rejects asynchronously; document.execCommand('copy')
// on a selected textarea still works there. Both can fail, so the result is reported, never assumed:
// the UI says "Copied" only when one of them really succeeded.

export type CopyResult = { ok: true; via: 'clipboard-api' | 'exec-command' } | { ok: false; reason: string }

/** A writeText that never settles must not leave the button spinning. */
const CLIPBOARD_API_TIMEOUT_MS = 1500

/** Call from inside the click handler, so the user gesture still counts for both paths. */
export function copyText(text: string): Promise<CopyResult> {
  const clip = typeof navigator === 'undefined' ? undefined : navigator.clipboard
  if (!clip || typeof clip.writeText !== 'function') return Promise.resolve(execCommandCopy(text, 'the Clipboard API is not available'))
  let write: Promise<void>
  try {
    write = clip.writeText(text)
  } catch (e) {
    return Promise.resolve(execCommandCopy(text, describe(e)))
  }
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('the Clipboard API did not answer')), CLIPBOARD_API_TIMEOUT_MS)
  })
  return Promise.race([write, timeout])
    .then(
      (): CopyResult => ({ ok: true, via: 'clipboard-api' }),
      (e: unknown) => execCommandCopy(text, describe(e)),
    )
    .finally(() => clearTimeout(timer))
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message || e.name : String(e)
}

/** The legacy path: select the text in a hidden textarea and ask for a copy; its boolean is the truth. */
export function execCommandCopy(text: string, apiProblem = ''): CopyResult {
  const doc = typeof document === 'undefined' ? undefined : document
  const fail = (why: string): CopyResult => ({ ok: false, reason: apiProblem ? `${apiProblem}; ${why}` : why })
  if (!doc?.body || typeof doc.execCommand !== 'function') return fail('document.execCommand is not available')
  const previous = doc.activeElement instanceof HTMLElement ? doc.activeElement : null
  const ta = doc.createElement('textarea')
  ta.value = text
  ta.setAttribute('readonly', '')
  ta.setAttribute('aria-hidden', 'true')
  ta.style.cssText = 'position:fixed;top:0;left:0;width:1px;height:1px;padding:0;border:0;opacity:0;pointer-events:none'
  doc.body.appendChild(ta)
  let ok = false
  try {
    ta.focus({ preventScroll: true })
    ta.select()
    ta.setSelectionRange(0, text.length)
    ok = doc.execCommand('copy') === true
  } catch {
    ok = false
  } finally {
    ta.remove()
    previous?.focus({ preventScroll: true })
  }
  return ok ? { ok: true, via: 'exec-command' } : fail('the browser refused document.execCommand("copy")')
}
