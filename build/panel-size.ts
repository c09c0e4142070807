// What the BOS panel page loads before it can show anything: the module script(s) of panel.html and every
// chunk they import statically, followed through the built files, plus the message catalog it waits for
// before its first render (src/i18n/load.ts: `<locale>.startup-<hash>.js`, import()ed by that code), of
// the larger language, whatever the import style. Other chunks reached only by import() load after the
// first paint or on first use, and are listed apart. Used by the bundle-budget test
// (test/release/bundle-size.test.ts) and printed after every `vite build` (panel-size-plugin.ts).
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'

/** Budget for the panel's startup JavaScript, gzip level 9 (KB as the panel counts them: 1024 bytes). */
export const PANEL_BUDGET_BYTES = 25 * 1024

/**
 * A catalog chunk the panel loads before its first render: `<locale>.startup-<hash>.js`, named after
 * src/i18n/ui/<locale>.startup.ts. Keep the two names in step (the budget test fails when none is found).
 */
export const STARTUP_CATALOG = /(?:^|\/)([A-Za-z]{2,3}(?:_[A-Za-z]{2,4})?)\.startup-[\w-]+\.js$/

export interface ChunkSize {
  file: string
  bytes: number
  gzip: number
}

export interface PanelSize {
  html: string
  /** Initial JavaScript, in load order: the entry first. */
  js: ChunkSize[]
  /** Gzip bytes of `js`. */
  initialGzip: number
  /** Per locale, the catalog chunk(s) loaded before the first render, with what they import that `js` does not. */
  catalogs: Array<{ locale: string; js: ChunkSize[]; gzip: number }>
  /** Chunks the initial JavaScript import()s besides the startup catalogs: after the first paint or on first use. */
  later: ChunkSize[]
  /** Stylesheets panel.html links (reported, not part of the JavaScript budget). */
  css: ChunkSize[]
  /** What counts against the budget: the initial JavaScript and the largest startup catalog. */
  gzip: number
}

const gz = (path: string) => {
  const buf = readFileSync(path)
  return { bytes: buf.length, gzip: gzipSync(buf, { level: 9 }).length }
}

function findPanelHtml(dir: string): string | null {
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, d.name)
    if (d.isDirectory()) {
      const found = findPanelHtml(p)
      if (found) return found
    } else if (d.name === 'panel.html') return p
  }
  return null
}

/** `./x.js` from a chunk, `/assets/x.js` from the page: a path inside `dist`. */
const resolveIn = (dist: string, from: string, spec: string) => (spec.startsWith('/') ? join(dist, spec) : resolve(dirname(from), spec))

/** Static import specifiers of a built chunk: `import … from"./a.js"`, `import"./a.js"`, `export … from"./a.js"`. Not import(). */
export function staticImports(code: string): string[] {
  return [...code.matchAll(/\b(?:from|import)\s*(["'])(\.{0,2}\/[^"']+?\.m?js)\1/g)].map((m) => m[2]!)
}

/** import() specifiers of a built chunk: `import("./a.js")`, import(`./a.js`). */
export function dynamicImports(code: string): string[] {
  return [...code.matchAll(/\bimport\s*\(\s*(["'`])(\.{0,2}\/[^"'`]+?\.m?js)\1\s*\)/g)].map((m) => m[2]!)
}

/** Throws with a sentence when dist is not a build of the extension. */
export function panelLoadSize(dist: string): PanelSize {
  if (!existsSync(dist)) throw new Error(`${dist} does not exist: run "npm run build" first`)
  const html = findPanelHtml(dist)
  if (!html) throw new Error(`no panel.html under ${dist}: run "npm run build" first`)
  const page = readFileSync(html, 'utf8')
  const attr = (tag: string, name: string) => new RegExp(`\\b${name}\\s*=\\s*["']([^"']+)["']`).exec(tag)?.[1] ?? null
  const tags = [...page.matchAll(/<(script|link)\b[^>]*>/g)].map((m) => m[0])
  const entries = tags.filter((t) => t.startsWith('<script') && /type\s*=\s*["']module["']/.test(t)).flatMap((t) => attr(t, 'src') ?? [])
  const preloads = tags.filter((t) => t.startsWith('<link') && /rel\s*=\s*["']modulepreload["']/.test(t)).flatMap((t) => attr(t, 'href') ?? [])
  const styles = tags.filter((t) => t.startsWith('<link') && /rel\s*=\s*["']stylesheet["']/.test(t)).flatMap((t) => attr(t, 'href') ?? [])
  if (!entries.length) throw new Error(`${relative(dist, html)} has no <script type="module" src>`)

  /** `from` and every chunk it imports statically, except those in `known`, in load order. */
  const graph = (from: string, known: ReadonlySet<string>): string[] => {
    const seen = new Set<string>()
    const visit = (file: string) => {
      if (seen.has(file) || known.has(file)) return
      if (!existsSync(file)) throw new Error(`${relative(dist, file)} is imported but missing from ${dist}`)
      seen.add(file)
      for (const spec of staticImports(readFileSync(file, 'utf8'))) visit(resolveIn(dist, file, spec))
    }
    visit(from)
    return [...seen]
  }
  const initial = new Set<string>()
  for (const src of [...entries, ...preloads]) for (const f of graph(resolveIn(dist, html, src), initial)) initial.add(f)
  const sized = (f: string): ChunkSize => ({ file: relative(dist, f), ...gz(f) })
  const sum = (c: readonly ChunkSize[]) => c.reduce((n, f) => n + f.gzip, 0)

  const dynamic = [...new Set([...initial].flatMap((f) => dynamicImports(readFileSync(f, 'utf8')).map((spec) => resolveIn(dist, f, spec))))].filter(
    (f) => !initial.has(f),
  )
  const byLocale = new Map<string, string[]>()
  const later = new Set<string>()
  for (const f of dynamic) {
    const locale = STARTUP_CATALOG.exec(f)?.[1]
    if (locale) byLocale.set(locale, [...(byLocale.get(locale) ?? []), ...graph(f, initial)])
    else for (const g of graph(f, initial)) later.add(g)
  }
  const catalogs = [...byLocale].map(([locale, files]) => {
    const js = [...new Set(files)].map(sized)
    return { locale, js, gzip: sum(js) }
  })
  const js = [...initial].map(sized)
  const css = styles
    .map((s) => resolveIn(dist, html, s))
    .filter(existsSync)
    .map(sized)
  const initialGzip = sum(js)
  const largest = Math.max(0, ...catalogs.map((c) => c.gzip))
  return { html: relative(dist, html), js, initialGzip, catalogs, later: [...later].map(sized), css, gzip: initialGzip + largest }
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`

export function formatPanelSize(s: PanelSize, label = 'panel'): string {
  const over = s.gzip > PANEL_BUDGET_BYTES
  const largest = [...s.catalogs].sort((a, b) => b.gzip - a.gzip)[0]
  return [
    `${label} startup JS (gzip -9): ${kb(s.gzip)} (${s.gzip} bytes) of the ${kb(PANEL_BUDGET_BYTES)} budget${over ? ' — OVER BUDGET' : ''}` +
      `: initial ${kb(s.initialGzip)} + ${largest ? `${largest.locale} startup messages ${kb(largest.gzip)} (the larger language)` : 'no startup messages found'}`,
    ...s.js.map((f) => `  ${f.file}  ${f.gzip} bytes gzip (${f.bytes} raw)`),
    ...s.catalogs.flatMap((c) => c.js.map((f) => `  ${f.file}  ${f.gzip} bytes gzip (${f.bytes} raw; ${c.locale} only, before the first render)`)),
    ...s.css.map((f) => `  ${f.file}  ${f.gzip} bytes gzip (CSS, outside the budget)`),
    `  after the first paint or on first use, outside the budget: ${s.later.map((f) => `${f.file.replace(/^assets\//, '')} ${kb(f.gzip)}`).join(', ') || 'nothing'}`,
  ].join('\n')
}
