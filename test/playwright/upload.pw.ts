// Two uploads with the genuine Baidu SDK from a page, checked by the bos fixture. The second fails ON
// PURPOSE: the server's clock runs 40 minutes ahead, so BOS answers RequestExpired and the matcher's
// message is the BOS report (test/release/npm-package.e2e.test.ts expects exactly that failure).
import { expect, test } from 'bos-devtools/playwright'
import { type BosServer, startBosServer } from '../e2e/bos-server/index.ts'

let server: BosServer
test.beforeAll(async () => {
  server = await startBosServer()
})
test.afterAll(async () => {
  await server?.close()
})

const put = ([port, key]: readonly [number, string]) => (window as any).sdkPut(port, 'mybucket', key, 'hello bos') as Promise<{ ok: boolean; status: number }>

test('upload succeeds and BOS has nothing to say', async ({ page, bos }) => {
  server.clockOffsetMs = 0
  await page.goto(`http://localhost:${server.port}/page.html`)
  const r = await page.evaluate(put, [server.port, 'ok.txt'] as const)
  expect(r.ok).toBe(true)
  await expect(bos).toHaveNoBosErrors()
  await expect(bos).toHaveNoFindings({ severity: 'warning' })
})

test('upload with a skewed clock (fails on purpose: RequestExpired)', async ({ page, bos }) => {
  server.clockOffsetMs = 40 * 60_000
  await page.goto(`http://localhost:${server.port}/page.html`)
  await page.evaluate(put, [server.port, 'skewed.txt'] as const)
  await expect(bos).toHaveNoBosErrors()
})
