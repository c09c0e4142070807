// The page that drives the genuine AWS SDK for JavaScript v3 in a browser: `/s3.html`
// (test/e2e/pages/s3-page.html) plus `/s3.js`, test/e2e/pages/s3-page.ts bundled for the browser by Vite
// (the packages' `browser` fields pick their browser runtime: FetchHttpHandler, WebCrypto hashes). The
// bundle is built once per run, in memory.

import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { build, type Rollup } from 'vite'
import { sdkPages } from './sdk-page.ts'

export type { S3FetchResult, S3MultipartResult, S3Result } from './pages/s3-page.ts'

const ENTRY = fileURLToPath(new URL('./pages/s3-page.ts', import.meta.url))
const HTML = fileURLToPath(new URL('./pages/s3-page.html', import.meta.url))

/** The page's script: client-s3, s3-request-presigner and lib-storage with the page functions, as one IIFE. */
export async function buildS3Bundle(): Promise<string> {
  const out = (await build({
    configFile: false,
    logLevel: 'warn',
    mode: 'production',
    build: {
      write: false,
      minify: false,
      target: 'es2022',
      lib: { entry: ENTRY, formats: ['iife'], name: 's3page', fileName: () => 's3.js' },
    },
  })) as Rollup.RollupOutput[] | Rollup.RollupOutput
  const chunk = (Array.isArray(out) ? out[0]! : out).output.find((o): o is Rollup.OutputChunk => o.type === 'chunk')
  if (!chunk) throw new Error('the S3 page bundle has no chunk')
  return chunk.code
}

/** The pages of the BOS SDK page plus `/s3.html` and `/s3.js`, for startBosServer's `pages`. */
export function s3Pages(bundle: string): Record<string, string | (() => string)> {
  return { ...sdkPages(), '/s3.html': () => readFileSync(HTML, 'utf8'), '/s3.js': bundle }
}
