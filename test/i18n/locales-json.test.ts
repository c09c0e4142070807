// The extension's _locales/<locale>/messages.json, written at build by src/i18n/vite-plugin-locales.ts
// from the TS catalogs: what the browser shows for the manifest's __MSG_…__ name and description.
import { existsSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { en } from '../../src/i18n/en.ts'
import { LOCALES } from '../../src/i18n/locale.ts'
import { bosLocales, EXTENSION_MESSAGES, extensionMessages } from '../../src/i18n/vite-plugin-locales.ts'
import { zh_CN } from '../../src/i18n/zh_CN.ts'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const CATALOGS = { en, zh_CN } as const

/** Runs the plugin's generateBundle with a stand-in for Rollup's context; returns what it emitted. */
function emitted(): Map<string, string> {
  const files = new Map<string, string>()
  const plugin = bosLocales()
  const hook = plugin.generateBundle as unknown as (this: { emitFile(f: { fileName: string; source: string }): string }) => void
  hook.call({ emitFile: (f) => (files.set(f.fileName, f.source), f.fileName) })
  return files
}

describe('generated _locales', () => {
  it('emits one messages.json per locale, in the folders Chrome expects (en is the default_locale)', () => {
    expect([...emitted().keys()].sort()).toEqual(['_locales/en/messages.json', '_locales/zh_CN/messages.json'])
    expect(LOCALES).toContain('en')
  })

  it.each(LOCALES)('%s: Chrome format, the catalog strings, within the store limits', (locale) => {
    const json = JSON.parse(emitted().get(`_locales/${locale}/messages.json`)!) as Record<string, { message: string; description: string }>
    expect(Object.keys(json).sort()).toEqual(Object.keys(EXTENSION_MESSAGES).sort())
    for (const [key, entry] of Object.entries(json)) {
      expect(key).toMatch(/^[A-Za-z0-9_@]+$/) // Chrome's rule for message names
      expect(entry.message).toBe(CATALOGS[locale][key as keyof typeof en])
      expect([...entry.message].length, `${locale} ${key}`).toBeLessThanOrEqual(EXTENSION_MESSAGES[key as keyof typeof EXTENSION_MESSAGES].max)
      expect(entry.description).not.toBe('')
    }
  })

  it('says the name and description in Chinese for zh_CN', () => {
    expect(extensionMessages('zh_CN').extName.message).toMatch(/[\u4e00-\u9fff]/)
    expect(extensionMessages('zh_CN').extDescription.message).toMatch(/[\u4e00-\u9fff]/)
  })

  it('is the only source of _locales: none is kept in public/, where it would be copied over the generated one', () => {
    expect(existsSync(resolve(root, 'public/_locales'))).toBe(false)
    expect(existsSync(resolve(root, '_locales'))).toBe(false) // crxjs would also pick this up
  })
})
