/// <reference types="vitest/config" />
import { chmodSync } from 'node:fs'
import { join } from 'node:path'
import { defineConfig, type Plugin, type UserConfig } from 'vite'
import preact from '@preact/preset-vite'
import { crx } from '@crxjs/vite-plugin'
import manifest from './manifest.config.ts'
import { bosLocales } from './src/i18n/vite-plugin-locales.ts'
import pkg from './package.json' with { type: 'json' }
import { panelSizePlugin } from './build/panel-size-plugin.ts'
import { watPlugin } from './build/wat-plugin.ts'

// Rollup writes files without the run bit: without this, `npx bos-devtools` says "Permission denied" after a rebuild.
const executable = (file: string): Plugin => ({
  name: 'bos-executable',
  writeBundle: (options) => chmodSync(join(options.dir ?? '', file), 0o755),
})

// `vite build --mode cli` bundles the command-line analyzer (src/cli + src/core) for plain Node.
const cli: UserConfig = {
  publicDir: false,
  plugins: [executable('bos-devtools.mjs'), watPlugin()],
  define: { __VERSION__: JSON.stringify(pkg.version) },
  // The trace.zip reader's unzip goes into the bundle; @noble/hashes stays a dependency.
  ssr: { noExternal: ['fflate'] },
  build: {
    ssr: 'src/cli/bin.ts',
    outDir: 'dist-cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rollupOptions: { output: { entryFileNames: 'bos-devtools.mjs', format: 'es', banner: '#!/usr/bin/env node' } },
  },
}

// `vite build --mode lib` builds the published library (package.json "exports"): the core API, the Playwright
// fixture and matchers, the reporter. ES modules for Node; their dependencies stay imports, so importing
// `bos-devtools` never loads @playwright/test. The .d.ts files come from tsconfig.lib.json.
const lib: UserConfig = {
  publicDir: false,
  define: { __VERSION__: JSON.stringify(pkg.version) },
  build: {
    ssr: true,
    outDir: 'dist-lib',
    emptyOutDir: true, // tsc writes dist-lib/types/ after this build
    target: 'node20',
    minify: false,
    lib: {
      entry: { index: 'src/lib/index.ts', playwright: 'src/playwright/index.ts', 'playwright-reporter': 'src/playwright/reporter.ts' },
      formats: ['es'],
    },
    rollupOptions: {
      external: [/^node:/, /^@playwright\/test(\/|$)/, /^@noble\/hashes(\/|$)/, /^fflate(\/|$)/],
      output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
}

// `vite build --mode firefox` builds the same source for Firefox into dist-firefox/ (see manifest.config.ts).
const extension = (browser: 'chrome' | 'firefox'): UserConfig => ({
  // watPlugin: the CLI's WebAssembly, which its tests import (the extension imports none).
  plugins: [preact(), crx({ manifest, browser }), bosLocales(), panelSizePlugin(), watPlugin()],
  // panel.html is referenced only by panels.create() at run time, so it must be an explicit input.
  // No modulepreload polyfill: both browsers preload natively, and the extension's code then contains no fetch() at all.
  build: {
    outDir: browser === 'firefox' ? 'dist-firefox' : 'dist',
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: { panel: 'src/panel/panel.html' },
      // The BOS error-code table only builds constants. Saying so lets the panel's Chinese error texts
      // (core/error-codes-zh.ts, loaded after the first paint) come without the English table, which the
      // panel never reads: only describeErrorCode, which the panel does not use, needs it.
      treeshake: { moduleSideEffects: (id: string) => !/\/src\/core\/error-codes\.ts$/.test(id) },
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/e2e/**/*.e2e.test.ts', 'test/release/**/*.e2e.test.ts', '**/node_modules/**'],
          environment: 'node',
          // Not a speed limit (none is set anywhere): the property tests take seconds, and a loaded 2-core
          // machine can stretch that past vitest's 5-second default.
          testTimeout: 30_000,
          // The panel in English, its catalog loaded (tests of other languages switch: test/helpers/i18n.ts).
          setupFiles: ['test/helpers/setup-en.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          // test/release/npm-package.e2e.test.ts runs npm pack and a Playwright run in Chromium: with the
          // browser tests, one file at a time, so they do not slow each other past their timeouts.
          include: ['test/e2e/**/*.e2e.test.ts', 'test/release/**/*.e2e.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
})

export default defineConfig(({ mode }) => (mode === 'cli' ? cli : mode === 'lib' ? lib : extension(mode === 'firefox' ? 'firefox' : 'chrome')))
