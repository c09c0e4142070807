// Reading what the panel copied: the DevTools frame cannot read the clipboard, the inspected page can
// once granted the permission over CDP.
import type { DevtoolsSession } from './browser.ts'

async function onPage<T>(s: DevtoolsSession, port: number, fn: (arg: string) => Promise<T>, arg = ''): Promise<T> {
  const cdp = await s.browser.newBrowserCDPSession()
  await cdp.send('Browser.grantPermissions', { origin: `http://localhost:${port}`, permissions: ['clipboardReadWrite', 'clipboardSanitizedWrite'] })
  await s.page.bringToFront()
  try {
    return await s.page.evaluate(fn, arg)
  } finally {
    await s.devtools.bringToFront()
  }
}

export function readClipboard(s: DevtoolsSession, port: number): Promise<string> {
  return onPage(s, port, () => navigator.clipboard.readText())
}

/**
 * Runs `copy` and returns what it put on the clipboard. The panel's copies are asynchronous (the
 * builders load lazily), so a read right after the click can see the previous text: a sentinel goes
 * on the clipboard first and the read waits until something replaces it.
 */
export async function copiedBy(s: DevtoolsSession, port: number, copy: () => Promise<void>, timeoutMs = 10_000): Promise<string> {
  const sentinel = `sentinel-${Math.random()}`
  await onPage(s, port, (text) => navigator.clipboard.writeText(text), sentinel)
  await copy()
  const until = Date.now() + timeoutMs
  for (;;) {
    const text = await readClipboard(s, port)
    if (text !== sentinel) return text
    if (Date.now() > until) throw new Error('nothing was copied')
    await s.devtools.waitForTimeout(100)
  }
}
