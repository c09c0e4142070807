// A real @playwright/test run of the `bos-devtools/playwright` fixture, matchers and reporter, in Debian's
// Chromium against the local BOS-like server (test/e2e/bos-server). test/release/npm-package.e2e.test.ts runs
// it and checks the outcome: one test fails on purpose. BOS_PW_OUT: where the reports go.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from '@playwright/test'

const out = process.env.BOS_PW_OUT ?? join(process.cwd(), 'test-results', 'playwright')
const chromium = process.env.CHROMIUM_PATH ?? (existsSync('/usr/lib/chromium/chromium') ? '/usr/lib/chromium/chromium' : '/usr/bin/chromium')

export default defineConfig({
  testDir: '.',
  testMatch: '*.pw.ts',
  outputDir: join(out, 'results'),
  workers: 1,
  retries: 0,
  timeout: 30_000,
  reporter: [
    ['list'],
    ['json', { outputFile: join(out, 'report.json') }],
    ['html', { outputFolder: join(out, 'html'), open: 'never' }],
    // In a project that installed bos-devtools, the name alone does: ['bos-devtools/playwright/reporter', …]. Here the
    // package is this repository itself, which Playwright's resolver does not look up by name.
    [fileURLToPath(import.meta.resolve('bos-devtools/playwright/reporter')), { outputFile: join(out, 'bos-findings.json') }],
  ],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath: chromium,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--host-resolver-rules=MAP *.bcebos.com 127.0.0.1'],
    },
  },
})
