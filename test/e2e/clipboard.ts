// Reading what the panel copied: the DevTools frame cannot read the clipboard, the inspected page can
// once granted the permission over CDP.
import type { DevtoolsSession } from './browser.ts'

export async function readClipboard(s: DevtoolsSession, port: number): Promise<string> {
  const cdp = await s.browser.newBrowserCDPSession()
  await cdp.send('Browser.grantPermissions', { origin: `http://localhost:${port}`, permissions: ['clipboardReadWrite', 'clipboardSanitizedWrite'] })
  await s.page.bringToFront()
  const text = await s.page.evaluate(() => navigator.clipboard.readText())
  await s.devtools.bringToFront()
  return text
}
