/// <reference types="vitest/config" />
import { defineConfig, type UserConfig } from 'vite'
import preact from '@preact/preset-vite'
import { crx } from '@crxjs/vite-plugin'
import manifest from './manifest.config.ts'
import pkg from './package.json' with { type: 'json' }
import { panelSizePlugin } from './test/release/panel-size.ts'

// `vite build --mode cli` bundles the command-line analyzer (src/cli + src/core) for plain Node.
const cli: UserConfig = {
  define: { __VERSION__: JSON.stringify(pkg.version) },
  build: {
    ssr: 'src/cli/bin.ts',
    outDir: 'dist-cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rollupOptions: { output: { entryFileNames: 'bos-devtools.mjs', format: 'es', banner: '#!/usr/bin/env node' } },
  },
}

// `vite build --mode firefox` builds the same source for Firefox into dist-firefox/ (see manifest.config.ts).
const extension = (browser: 'chrome' | 'firefox'): UserConfig => ({
  plugins: [preact(), crx({ manifest, browser }), panelSizePlugin()],
  // panel.html is referenced only by panels.create() at run time, so it must be an explicit input.
  // No modulepreload polyfill: both browsers preload natively, and the extension's code then contains no fetch() at all.
  build: { outDir: browser === 'firefox' ? 'dist-firefox' : 'dist', modulePreload: { polyfill: false }, rollupOptions: { input: { panel: 'src/panel/panel.html' } } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/e2e/**/*.e2e.test.ts', '**/node_modules/**'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
})

export default defineConfig(({ mode }) => (mode === 'cli' ? cli : extension(mode === 'firefox' ? 'firefox' : 'chrome')))
