// Bundle budget: what panel.html loads before it can show anything (its module script and the chunks
// that imports statically, followed through the built files, plus the message catalog it waits for before
// its first render, of the larger language; other import() chunks load after the first paint or on first
// use) must stay within 25 KB gzip. Reads the build in dist/ (`npm test` builds first); no build is a failure.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { LOCALES } from '../../src/i18n/locale.ts'
import { dynamicImports, formatPanelSize, PANEL_BUDGET_BYTES, panelLoadSize, staticImports } from '../../build/panel-size.ts'

describe('panel bundle budget', () => {
  it(`loads at most ${PANEL_BUDGET_BYTES / 1024} KB of gzipped JavaScript before first paint, its messages included`, () => {
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
    // Export/import and the upload views are loaded on first use, never up front; no language is in the
    // initial chunks, and the Chinese error-code texts come after the first paint, with the views' messages.
    expect(size.js.map((f) => f.file).join(' ')).not.toMatch(/HarPanel|har-export|redact|startup|views|error-codes/)
    // Every language's startup messages were found and counted (a renamed chunk would drop them silently).
    expect(size.catalogs.map((c) => c.locale).sort()).toEqual([...LOCALES].sort())
    for (const c of size.catalogs) expect(c.js.map((f) => f.file).join(' ')).toMatch(new RegExp(`${c.locale}\\.startup-`))
    expect(size.gzip).toBe(size.initialGzip + Math.max(...size.catalogs.map((c) => c.gzip)))
    expect(size.later.map((f) => f.file).join(' ')).toMatch(/zh_CN\.views-.*error-codes-zh-|error-codes-zh-.*zh_CN\.views-/)
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

  it('reads import() apart', () => {
    expect(dynamicImports('const l=()=>import(`./lazy.js`),m=import("./lazy2.js");import{x}from"./a.js"')).toEqual(['./lazy.js', './lazy2.js'])
  })

  it('reads static imports and re-exports, not import()', () => {
    expect(staticImports('import{a as b}from"./a.js";import"./side.js";export{c}from"../c.js";const l=()=>import(`./lazy.js`),m=import("./lazy2.js")')).toEqual(
      ['./a.js', './side.js', '../c.js'],
    )
  })

  it('counts the entry, its static chunks (transitively, once) and preloads; not dynamic-only chunks or CSS', () => {
    const dist = fixture({
      'src/panel/panel.html':
        '<script type="module" crossorigin src="/assets/entry.js"></script><link rel="modulepreload" href="/assets/shared.js"><link rel="stylesheet" href="/assets/panel.css">',
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
    expect(size.later.map((f) => f.file)).toEqual(['assets/lazy.js', 'assets/huge.js'])
  })

  it("adds the larger language's startup messages (with what they import), not the later ones", () => {
    const dist = fixture({
      'src/panel/panel.html': '<script type="module" src="/assets/entry.js"></script>',
      'assets/entry.js':
        'import{x}from"./shared.js";const c={en:()=>import("./en.startup-a1.js"),zh_CN:()=>import("./zh_CN.startup-b2.js")},v=()=>import("./zh_CN.views-c3.js");' +
        'e'.repeat(200),
      'assets/shared.js': 'export const x=1;',
      'assets/en.startup-a1.js': 'import{x}from"./shared.js";export const m={a:"' + 'short'.repeat(10) + '"}',
      'assets/zh_CN.startup-b2.js': 'import"./zh-dep.js";export const m={a:"' + '长文本'.repeat(200) + '"}',
      'assets/zh-dep.js': 'export const d="' + Array.from({ length: 300 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919) % 9000))).join('') + '"',
      'assets/zh_CN.views-c3.js': 'v'.repeat(50000),
    })
    const size = panelLoadSize(dist)
    expect(size.catalogs.map((c) => [c.locale, c.js.map((f) => f.file)])).toEqual([
      ['en', ['assets/en.startup-a1.js']], // shared.js is initial already
      ['zh_CN', ['assets/zh_CN.startup-b2.js', 'assets/zh-dep.js']],
    ])
    const zh = size.catalogs[1]!.gzip
    expect(zh).toBeGreaterThan(size.catalogs[0]!.gzip)
    expect(size.gzip).toBe(size.initialGzip + zh)
    expect(size.later.map((f) => f.file)).toEqual(['assets/zh_CN.views-c3.js'])
    expect(formatPanelSize(size)).toMatch(/zh_CN startup messages/)
  })

  it('fails with a clear message when there is no build, or a chunk is missing', () => {
    expect(() => panelLoadSize(join(tmpdir(), 'no-such-dist-' + process.pid))).toThrow(/does not exist: run "npm run build" first/)
    const dist = fixture({ 'src/panel/panel.html': '<script type="module" src="/assets/entry.js"></script>', 'assets/entry.js': 'import"./gone.js";' })
    expect(() => panelLoadSize(dist)).toThrow(/assets\/gone\.js is imported but missing/)
  })
})
