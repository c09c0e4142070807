// Least privilege, proven on what ships: the emitted dist/ (Chrome) and dist-firefox/ (Firefox). `npm test`
// builds both first; a missing one is built here. Per-browser differences are exactly the ones
// manifest.config.ts declares.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { GECKO_ID } from '../../manifest.config.ts'
import pkg from '../../package.json' with { type: 'json' }
import { BUILDS, releaseFiles, type Target } from './package.ts'

type Manifest = Record<string, unknown> & { permissions?: string[]; icons?: Record<string, string> }

function built(target: Target): string {
  const dir = resolve(BUILDS[target])
  if (!existsSync(join(dir, 'manifest.json'))) {
    const args = ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn', ...(target === 'firefox' ? ['--mode', 'firefox'] : [])]
    const r = spawnSync(process.execPath, args, { stdio: 'inherit', timeout: 120_000 })
    if (r.status !== 0) throw new Error(`could not build ${dir}`)
  }
  return dir
}

const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8')
const manifestOf = (dir: string) => JSON.parse(read(dir, 'manifest.json')) as Manifest
const filesOf = (dir: string, ext: string) => releaseFiles(dir).filter((f) => f.endsWith(ext))

/** Keys both manifests may have. Anything else (a new permission-bearing key) must be added here on purpose. */
const COMMON_KEYS = ['manifest_version', 'name', 'short_name', 'version', 'description', 'devtools_page', 'permissions', 'icons', 'default_locale']
const BROWSER_KEYS: Record<Target, string[]> = { chrome: ['minimum_chrome_version'], firefox: ['browser_specific_settings'] }
const FORBIDDEN_KEYS = [
  'host_permissions',
  'optional_host_permissions',
  'optional_permissions',
  'content_scripts',
  'background',
  'content_security_policy',
  'externally_connectable',
  'sandbox',
  'declarative_net_request',
  'chrome_url_overrides',
  'side_panel',
  'action',
  'omnibox',
  'user_scripts',
  'update_url',
]
const FORBIDDEN_PERMISSIONS = ['webRequest', 'webRequestBlocking', 'declarativeNetRequest', 'debugger', 'tabs', 'scripting', 'cookies', 'history', '<all_urls>']

/** What no shipped script may contain: code from strings, or any network API of its own. */
const FORBIDDEN_CODE: [string, RegExp][] = [
  ['eval', /\beval\s*\(/],
  ['new Function', /\bnew\s+Function\s*\(/],
  ['Function()', /(^|[^.\w$])Function\s*\(/],
  ['importScripts', /\bimportScripts\s*\(/],
  ['import() of a URL', /\bimport\s*\(\s*[`'"](https?:)?\/\//],
  ['fetch', /\bfetch\s*\(/],
  ['XMLHttpRequest', /\bXMLHttpRequest\b/],
  ['WebSocket', /\bWebSocket\b/],
  ['EventSource', /\bEventSource\b/],
  ['sendBeacon', /\bsendBeacon\b/],
]

function pngSize(bytes: Buffer): [number, number] {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG')
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)]
}

describe.each(['chrome', 'firefox'] as const)('the %s build', (target) => {
  const dir = built(target)
  const m = manifestOf(dir)

  it('asks for storage only, and for no host, tab, request or debugger access', () => {
    expect(m.manifest_version).toBe(3)
    expect(m.version).toBe(pkg.version)
    expect((m.permissions ?? []).filter((p) => p !== 'storage')).toEqual([])
    for (const p of FORBIDDEN_PERMISSIONS) expect(m.permissions ?? []).not.toContain(p)
    for (const key of FORBIDDEN_KEYS) expect(m, key).not.toHaveProperty(key)
    expect((m.web_accessible_resources as unknown[] | undefined) ?? []).toEqual([])
    expect(Object.keys(m).filter((k) => !COMMON_KEYS.includes(k) && !BROWSER_KEYS[target].includes(k) && k !== 'web_accessible_resources')).toEqual([])
  })

  it('has a devtools page and the four icons, all present', () => {
    expect(m.devtools_page).toBe('src/devtools/devtools.html')
    expect(existsSync(join(dir, m.devtools_page as string))).toBe(true)
    expect(Object.keys(m.icons ?? {}).sort()).toEqual(['128', '16', '32', '48'])
    for (const [size, path] of Object.entries(m.icons ?? {})) expect(pngSize(readFileSync(join(dir, path)))).toEqual([Number(size), Number(size)])
  })

  it('would load: _locales/ and default_locale come together', () => {
    // Chrome refuses an extension with one and not the other.
    expect(existsSync(join(dir, '_locales'))).toBe(m.default_locale !== undefined)
    if (m.default_locale !== undefined) expect(existsSync(join(dir, '_locales', m.default_locale as string, 'messages.json'))).toBe(true)
  })

  it('is localised: name and description from _locales/{en,zh_CN}/messages.json, English by default', () => {
    expect(m.default_locale).toBe('en')
    expect(m.name).toBe('__MSG_extName__')
    expect(m.short_name).toBe('__MSG_extShortName__')
    expect(m.description).toBe('__MSG_extDescription__')
    expect(releaseFiles(dir).filter((f) => f.startsWith('_locales/'))).toEqual(['_locales/en/messages.json', '_locales/zh_CN/messages.json'])
    for (const locale of ['en', 'zh_CN']) {
      const messages = JSON.parse(read(dir, `_locales/${locale}/messages.json`)) as Record<string, { message: string }>
      // Every __MSG_x__ the manifest uses resolves, in every language.
      for (const key of ['name', 'short_name', 'description']) {
        const name = /^__MSG_(\w+)__$/.exec(m[key] as string)![1]!
        expect(messages[name]?.message, `${locale} ${name}`).toBeTruthy()
      }
    }
    expect(JSON.parse(read(dir, '_locales/en/messages.json')).extName.message).toBe('BOS DevTools')
    expect(JSON.parse(read(dir, '_locales/zh_CN/messages.json')).extDescription.message).toMatch(/[\u4e00-\u9fff]/)
  })

  it('declares exactly its own browser settings', () => {
    if (target === 'chrome') {
      expect(m.minimum_chrome_version).toBe('116')
      expect(m).not.toHaveProperty('browser_specific_settings')
    } else {
      expect(m).not.toHaveProperty('minimum_chrome_version')
      const bss = m.browser_specific_settings as { gecko: Record<string, unknown>; gecko_android?: Record<string, unknown> }
      expect(bss.gecko.id).toBe(GECKO_ID)
      expect(bss.gecko.strict_min_version).toMatch(/^\d+\.0$/)
      expect(bss.gecko.data_collection_permissions).toEqual({ required: ['none'] })
    }
  })

  it('loads nothing from outside the extension (HTML and CSS)', () => {
    const html = filesOf(dir, '.html')
    expect(html.sort()).toEqual(['src/devtools/devtools.html', 'src/panel/panel.html'])
    for (const file of html) {
      const text = read(dir, file)
      const refs = [...text.matchAll(/\b(?:src|href)\s*=\s*["']([^"']*)["']/gi)].map((r) => r[1]!)
      expect(refs.length, file).toBeGreaterThan(0)
      for (const ref of refs) {
        expect(ref, `${file}: ${ref}`).toMatch(/^\/(?!\/)/) // extension-absolute: no scheme, no //host
        expect(existsSync(join(dir, ref)), `${file}: ${ref}`).toBe(true)
      }
      // MV3 forbids inline script anyway; keep the pages free of it and of inline handlers.
      for (const [, attrs, body] of text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
        expect(attrs, file).toMatch(/\bsrc=/)
        expect(body!.trim(), file).toBe('')
      }
      expect(text, file).not.toMatch(/\son[a-z]+\s*=/i)
    }
    for (const file of filesOf(dir, '.css')) {
      expect(read(dir, file), file).not.toMatch(/url\(\s*['"]?(?!data:)(?:[a-z][a-z0-9+.-]*:|\/\/)/i)
      expect(read(dir, file), file).not.toMatch(/@import/i)
    }
  })

  it('runs no code from strings and has no network API of its own (the JS)', () => {
    const scripts = filesOf(dir, '.js')
    expect(scripts.length).toBeGreaterThan(0)
    const found = scripts.flatMap((file) => {
      const text = read(dir, file)
      return FORBIDDEN_CODE.filter(([, re]) => re.test(text)).map(([what]) => `${file}: ${what}`)
    })
    expect(found).toEqual([])
  })
})

describe('Chrome and Firefox builds', () => {
  const chrome = built('chrome')
  const firefox = built('firefox')

  it('come from the same source: every file but manifest.json is identical', () => {
    const files = releaseFiles(chrome).filter((f) => f !== 'manifest.json')
    expect(
      releaseFiles(firefox).filter((f) => f !== 'manifest.json'),
      'rebuild both: npm run build && npm run build:firefox',
    ).toEqual(files)
    for (const f of files) expect(readFileSync(join(firefox, f)).equals(readFileSync(join(chrome, f))), f).toBe(true)
  })

  it('differ in their manifests only by the per-browser keys', () => {
    const strip = (m: Manifest) => Object.fromEntries(Object.entries(m).filter(([k]) => !Object.values(BROWSER_KEYS).flat().includes(k)))
    expect(strip(manifestOf(firefox))).toEqual(strip(manifestOf(chrome)))
  })
})
