// The end-of-run privacy check of every real-browser test: the extension made no network request of its own,
// and kept nothing it captured. Its only storage is the settings (custom hosts, preserve log).
import type { Frame } from 'playwright-core'
import { expect } from 'vitest'
import type { DevtoolsSession } from './browser.ts'

export const SETTINGS_KEYS = ['customHosts', 'preserveLog']

/** `captured`: request ids and URLs the panel showed; none of them may be in storage. */
export async function expectNothingLeaves(s: DevtoolsSession, panel: Frame, captured: string[]): Promise<void> {
  expect(await s.extensionRequests()).toEqual([])
  const local = await panel.evaluate(() => new Promise<Record<string, unknown>>((res) => chrome.storage.local.get(null, (items) => res(items))))
  expect(Object.keys(local).filter((k) => !SETTINGS_KEYS.includes(k))).toEqual([])
  // The extension origin's web storage is shared by the devtools page and the panel.
  const web = await panel.evaluate(() => JSON.stringify([{ ...localStorage }, { ...sessionStorage }]))
  const stored = JSON.stringify(local) + web
  expect(stored).not.toMatch(/https?:\/\//)
  for (const c of captured.filter(Boolean)) expect(stored).not.toContain(c)
}
