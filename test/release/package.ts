// `npm run package`: zips the built extensions (dist/, dist-firefox/) into release/ for the Chrome Web Store
// and addons.mozilla.org. Only what the browser loads goes in: no source maps, no dot-folders such as
// .vite/, and anything that looks like sources, tests or node_modules stops the packaging. Entries are
// sorted and dated 1980-01-01, so the same build gives the same bytes.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import { zipSync, type Zippable } from 'fflate'
import pkg from '../../package.json' with { type: 'json' }

export const BUILDS = { chrome: 'dist', firefox: 'dist-firefox' } as const
export type Target = keyof typeof BUILDS

const FIXED_MTIME = new Date(1980, 0, 1)
const FORBIDDEN = [/(^|\/)node_modules\//, /(^|\/)test\//, /\.(test|spec)\.[cm]?[jt]sx?$/, /\.tsx?$/, /\.har$/]

const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)]))

/** The files of a build that go into its package, as sorted '/'-separated paths relative to `dir`. */
export function releaseFiles(dir: string): string[] {
  const files = walk(dir)
    .map((f) => relative(dir, f).split(sep).join('/'))
    .filter((f) => !f.endsWith('.map') && !f.split('/').some((part) => part.startsWith('.')))
    .sort()
  const bad = files.filter((f) => FORBIDDEN.some((re) => re.test(f)))
  if (bad.length) throw new Error(`${dir} holds files that must not be shipped: ${bad.join(', ')}`)
  if (!files.includes('manifest.json')) throw new Error(`${dir} has no manifest.json: build it first`)
  return files
}

/** A deterministic zip of `releaseFiles(dir)`, manifest.json at its root. */
export function zipBuild(dir: string): Uint8Array {
  const entries: Zippable = {}
  for (const f of releaseFiles(dir)) entries[f] = [readFileSync(join(dir, f)), { mtime: FIXED_MTIME }]
  return zipSync(entries, { level: 9 })
}

export const packageName = (target: Target, version: string = pkg.version): string => `bos-devtools-${target}-${version}.zip`

/** Writes one zip per browser into `outDir`; returns their paths. */
export function packageAll(outDir: string, root = '.'): string[] {
  mkdirSync(outDir, { recursive: true })
  return (Object.keys(BUILDS) as Target[]).map((target) => {
    const dir = resolve(root, BUILDS[target])
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { version?: string }
    if (manifest.version !== pkg.version) throw new Error(`${dir}/manifest.json is version ${manifest.version}, package.json ${pkg.version}: rebuild`)
    const out = join(outDir, packageName(target))
    writeFileSync(out, zipBuild(dir))
    return out
  })
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  for (const out of packageAll(resolve('release'))) {
    const target = (Object.keys(BUILDS) as Target[]).find((t) => out.includes(`-${t}-`))!
    const files = releaseFiles(resolve(BUILDS[target]))
    console.log(`${relative('.', out)}  ${readFileSync(out).length} bytes, ${files.length} files`)
    for (const f of files) console.log(`  ${f}`)
  }
}
