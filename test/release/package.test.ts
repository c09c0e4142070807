// The store packages: what `npm run package` zips, checked on the real builds (npm test builds both).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { unzipSync } from 'fflate'
import { afterAll, describe, expect, it } from 'vitest'
import pkg from '../../package.json' with { type: 'json' }
import { BUILDS, packageAll, packageName, releaseFiles, zipBuild } from './package.ts'

const tmp = mkdtempSync(join(tmpdir(), 'bos-release-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

describe('npm run package', () => {
  it('writes one zip per browser, named with the package.json version', () => {
    const outs = packageAll(join(tmp, 'release'))
    expect(outs.map((o) => o.slice(tmp.length + 1))).toEqual([
      `release/bos-devtools-chrome-${pkg.version}.zip`,
      `release/bos-devtools-firefox-${pkg.version}.zip`,
    ])
    expect(packageName('firefox', '1.2.3')).toBe('bos-devtools-firefox-1.2.3.zip')
  })

  it.each(Object.entries(BUILDS))('%s: the zip holds exactly what the browser loads, manifest.json at its root', (_, dir) => {
    const entries = unzipSync(zipBuild(resolve(dir)))
    const names = Object.keys(entries).sort()
    expect(names).toContain('manifest.json')
    expect(names).toEqual(releaseFiles(resolve(dir)))
    expect(names.filter((n) => /\.map$|node_modules|(^|\/)test\/|\.test\.|\.tsx?$|(^|\/)\./.test(n))).toEqual([])
    // everything the manifest and the pages refer to is in the zip
    const manifest = JSON.parse(new TextDecoder().decode(entries['manifest.json'])) as {
      devtools_page: string
      icons: Record<string, string>
      default_locale?: string
    }
    // The localised name and description: without its _locales the browser refuses the package.
    expect(manifest.default_locale).toBe('en')
    const refs = [manifest.devtools_page, ...Object.values(manifest.icons), 'src/panel/panel.html', '_locales/en/messages.json', '_locales/zh_CN/messages.json']
    for (const page of names.filter((n) => n.endsWith('.html'))) {
      refs.push(...[...new TextDecoder().decode(entries[page]).matchAll(/\b(?:src|href)="\/([^"]+)"/g)].map((m) => m[1]!))
    }
    for (const ref of refs) expect(names, ref).toContain(ref)
    expect(readFileSync(resolve(dir, 'manifest.json')).equals(Buffer.from(entries['manifest.json']!))).toBe(true)
  })

  it('is reproducible: the same build gives the same bytes', () => {
    expect(Buffer.from(zipBuild(resolve(BUILDS.chrome))).equals(Buffer.from(zipBuild(resolve(BUILDS.chrome))))).toBe(true)
  })

  it('leaves source maps and dot-folders out, and refuses sources, tests and node_modules', () => {
    const dir = join(tmp, 'fake-build')
    mkdirSync(join(dir, 'assets'), { recursive: true })
    mkdirSync(join(dir, '.vite'), { recursive: true })
    writeFileSync(join(dir, 'manifest.json'), '{}')
    writeFileSync(join(dir, 'assets', 'a.js'), '')
    writeFileSync(join(dir, 'assets', 'a.js.map'), '')
    writeFileSync(join(dir, '.vite', 'manifest.json'), '{}')
    expect(releaseFiles(dir)).toEqual(['assets/a.js', 'manifest.json'])
    for (const bad of ['node_modules/x/index.js', 'test/e2e/a.ts', 'assets/b.test.js', 'src/panel/App.tsx']) {
      const path = join(dir, 'x', '..', bad)
      mkdirSync(join(path, '..'), { recursive: true })
      writeFileSync(path, '')
      expect(() => releaseFiles(dir), bad).toThrow(/must not be shipped/)
      rmSync(path)
    }
  })
})
