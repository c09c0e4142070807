// What the BOS panel page loads before it can show anything: the module script(s) of panel.html and every
// chunk they import statically, followed through the built files. Chunks reached only by import() load
// on first use and are left out. Used by the bundle-budget test and printed after every `vite build`.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Plugin } from 'vite'

/** Budget for the panel's initial JavaScript, gzip level 9 (KB as the panel counts them: 1024 bytes). */
export const PANEL_BUDGET_BYTES = 25 * 1024

export interface PanelSize {
  html: string
  /** Initial JavaScript, in load order: the entry first. */
  js: Array<{ file: string; bytes: number; gzip: number }>
  /** Stylesheets panel.html links (reported, not part of the JavaScript budget). */
  css: Array<{ file: string; bytes: number; gzip: number }>
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

  const seen = new Set<string>()
  const visit = (file: string) => {
    if (seen.has(file)) return
    if (!existsSync(file)) throw new Error(`${relative(dist, file)} is imported but missing from ${dist}`)
    seen.add(file)
    for (const spec of staticImports(readFileSync(file, 'utf8'))) visit(resolveIn(dist, file, spec))
  }
  for (const src of [...entries, ...preloads]) visit(resolveIn(dist, html, src))

  const js = [...seen].map((f) => ({ file: relative(dist, f), ...gz(f) }))
  const css = styles.map((s) => resolveIn(dist, html, s)).filter(existsSync).map((f) => ({ file: relative(dist, f), ...gz(f) }))
  return { html: relative(dist, html), js, css, gzip: js.reduce((n, f) => n + f.gzip, 0) }
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`

export function formatPanelSize(s: PanelSize, label = 'panel'): string {
  const over = s.gzip > PANEL_BUDGET_BYTES
  return [
    `${label} initial JS (gzip -9): ${kb(s.gzip)} (${s.gzip} bytes) of the ${kb(PANEL_BUDGET_BYTES)} budget${over ? ' — OVER BUDGET' : ''}`,
    ...s.js.map((f) => `  ${f.file}  ${f.gzip} bytes gzip (${f.bytes} raw)`),
    ...s.css.map((f) => `  ${f.file}  ${f.gzip} bytes gzip (CSS, outside the budget)`),
  ].join('\n')
}

/** Prints the panel's initial size after a build of the extension (not the CLI). */
export function panelSizePlugin(): Plugin {
  let outDir = ''
  let root = ''
  return {
    name: 'bos-panel-size',
    apply: 'build',
    configResolved(config) {
      root = config.root
      outDir = resolve(config.root, config.build.outDir)
    },
    closeBundle() {
      try {
        console.log(`\n${formatPanelSize(panelLoadSize(outDir), `${relative(root, outDir) || outDir}/ panel`)}`)
      } catch {
        // not an extension build (or crxjs wrote elsewhere): nothing to report
      }
    },
  }
}
