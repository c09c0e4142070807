// Bundle budget: what panel.html loads before it can show anything (its module script and the chunks
// that imports statically, followed through the built files; import() chunks load on first use) must
// stay within 25 KB gzip. Reads the build in dist/ (`npm test` builds first); no build is a failure.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { formatPanelSize, PANEL_BUDGET_BYTES, panelLoadSize, staticImports } from '../../test/release/panel-size.ts'

describe('panel bundle budget', () => {
  it(`loads at most ${PANEL_BUDGET_BYTES / 1024} KB of gzipped JavaScript before first paint`, () => {
    const dist = resolve('dist')
    let size
    try {
      size = panelLoadSize(dist)
    } catch (e) {
      throw new Error(`The bundle budget needs the extension build: ${(e as Error).message}. Run "npm run build" (npm test does it before the tests).`)
    }
    console.log(formatPanelSize(size))
    expect(size.js.length).toBeGreaterThan(0)
    expect(size.js[0]!.file).toMatch(/\.js$/)
    // Export/import and the upload views are loaded on first use, never up front.
    expect(size.js.map((f) => f.file).join(' ')).not.toMatch(/HarPanel|har-export|redact/)
    expect(size.gzip).toBeLessThanOrEqual(PANEL_BUDGET_BYTES)
  })
})

describe('following the import graph', () => {
  const dirs: string[] = []
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })))
  const fixture = (files: Record<string, string>) => {
    const dist = mkdtempSync(join(tmpdir(), 'bos-dist-'))
    dirs.push(dist)
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dist, path)), { recursive: true })
      writeFileSync(join(dist, path), text)
    }
    return dist
  }

  it('reads static imports and re-exports, not import()', () => {
    expect(staticImports('import{a as b}from"./a.js";import"./side.js";export{c}from"../c.js";const l=()=>import(`./lazy.js`),m=import("./lazy2.js")')).toEqual([
      './a.js',
      './side.js',
      '../c.js',
    ])
  })

  it('counts the entry, its static chunks (transitively, once) and preloads; not dynamic-only chunks or CSS', () => {
    const dist = fixture({
      'src/panel/panel.html': '<script type="module" crossorigin src="/assets/entry.js"></script><link rel="modulepreload" href="/assets/shared.js"><link rel="stylesheet" href="/assets/panel.css">',
      'assets/entry.js': 'import{x}from"./shared.js";import"./side.js";const l=()=>import(`./lazy.js`);' + 'e'.repeat(500),
      'assets/shared.js': 'export const x=1;' + 's'.repeat(300),
      'assets/side.js': 'import{x}from"./shared.js";' + 'q'.repeat(100),
      'assets/lazy.js': 'import{x}from"./huge.js";',
      'assets/huge.js': 'h'.repeat(100000),
      'assets/panel.css': 'body{}',
    })
    const size = panelLoadSize(dist)
    expect(size.js.map((f) => f.file)).toEqual(['assets/entry.js', 'assets/shared.js', 'assets/side.js'])
    expect(size.css.map((f) => f.file)).toEqual(['assets/panel.css'])
    expect(size.gzip).toBe(size.js.reduce((n, f) => n + f.gzip, 0))
  })

  it('fails with a clear message when there is no build, or a chunk is missing', () => {
    expect(() => panelLoadSize(join(tmpdir(), 'no-such-dist-' + process.pid))).toThrow(/does not exist: run "npm run build" first/)
    const dist = fixture({ 'src/panel/panel.html': '<script type="module" src="/assets/entry.js"></script>', 'assets/entry.js': 'import"./gone.js";' })
    expect(() => panelLoadSize(dist)).toThrow(/assets\/gone\.js is imported but missing/)
  })
})
