// The README screenshot of Playwright's HTML report: the failed test of test/playwright with its BOS
// attachments. Run `BOS_PW_OUT=/tmp/pw npx playwright test -c test/playwright/playwright.config.ts` first
// (it fails one test on purpose), then `tsx test/playwright/screenshot.ts /tmp/pw/html`.
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium } from 'playwright-core'

const report = resolve(process.argv[2] ?? 'test-results/playwright/html')
const out = resolve(process.argv[3] ?? '.github/screenshots/playwright-report.png')
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/lib/chromium/chromium') ? '/usr/lib/chromium/chromium' : '/usr/bin/chromium')

const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu'] })
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1500 }, deviceScaleFactor: 1 })
  await page.goto(pathToFileURL(join(report, 'index.html')).href)
  await page.getByText('upload with a skewed clock', { exact: false }).first().click()
  await page.getByText('bos-report.txt').first().waitFor()
  // Open the text report attachment, so the shot shows the diagnosis as well as the three files.
  await page.getByText('bos-report.txt').first().click()
  await page.waitForTimeout(300)
  await page.screenshot({ path: out, fullPage: true })
  console.log(`wrote ${out}`)
} finally {
  await browser.close()
}
