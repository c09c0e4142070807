// The user settings kept in chrome.storage.local, read defensively (another version may have written them).
import { keepValidHostPatterns } from './host-patterns.ts'
import { readListPrefs, type ListPrefs } from './list-prefs.ts'
import type { DevtoolsSeam } from './seam.ts'

export interface Settings {
  customHosts: string[]
  preserveLog: boolean
  /** The list's columns, sort and grouping. */
  listPrefs: ListPrefs
}

/** The settings found in storage; absent or malformed ones are left out. */
export async function loadSettings(seam: DevtoolsSeam): Promise<Partial<Settings>> {
  const read = (key: keyof Settings) => seam.storageGet(key).catch(() => undefined)
  const [customHosts, preserveLog, list] = await Promise.all([read('customHosts'), read('preserveLog'), read('listPrefs')])
  const listPrefs = readListPrefs(list)
  return {
    ...(Array.isArray(customHosts) ? { customHosts: keepValidHostPatterns(customHosts) } : {}),
    ...(typeof preserveLog === 'boolean' ? { preserveLog } : {}),
    ...(listPrefs ? { listPrefs } : {}),
  }
}

/** Never rejects: a setting that could not be saved still applies until DevTools closes. */
export function saveSetting<K extends keyof Settings>(seam: DevtoolsSeam, key: K, value: Settings[K]): Promise<void> {
  return seam.storageSet(key, value).catch(() => undefined)
}
