// A session recorded from real Chromium DevTools (test/fixtures/chromium-session.devtools.har), replayed
// through the capture side: what the panel shows must agree with what the CLI says about the same HAR.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { analyzeHar, BosAnalyzer } from '../../src/core/index.ts'
import { createCaptureStore } from '../../src/devtools/capture-store.ts'
import { trimEntry } from '../../src/devtools/record.ts'
import { FakeDevtools } from '../helpers/fake-devtools.ts'
import { analysisFacts, entry } from '../helpers/har.ts'

interface RecordedEntry {
  response: { content: { text?: string; encoding?: string } }
  [k: string]: unknown
}
const har = JSON.parse(readFileSync(new URL('../fixtures/chromium-session.devtools.har', import.meta.url), 'utf8')) as { log: { entries: RecordedEntry[] } }
const entries = har.log.entries

/** The entry as onRequestFinished delivers it: no inline body, which getContent answers instead. */
function live(raw: RecordedEntry): { entry: Record<string, unknown>; content: string | { text: string; encoding: string } } {
  const { text, encoding, ...content } = raw.response.content
  return { entry: { ...raw, response: { ...raw.response, content } }, content: text === undefined ? '' : encoding ? { text, encoding } : text }
}

const facts = analysisFacts

describe('a real Chromium session', () => {
  it('re-analysing a trimmed record reproduces the analysis of the raw entry', () => {
    const direct = new BosAnalyzer()
    const again = new BosAnalyzer()
    let bos = 0
    entries.forEach((raw, i) => {
      const analysis = direct.analyze(raw, i)
      if (!analysis) return
      bos++
      expect(again.analyze(trimEntry(raw, i, 'import', analysis).entry, i)).toEqual(analysis)
    })
    expect(bos).toBeGreaterThan(20)
  })

  it('a trimmed record keeps the network error of a request with no answer, so re-analysis says the same', () => {
    const raw = entry({ url: 'https://mybucket.bj.bcebos.com/a.txt', method: 'PUT', status: 0, body: null, networkError: 'net::ERR_CONNECTION_RESET' })
    const analysis = new BosAnalyzer().analyze(raw, 0)!
    expect(analysis.findings.map((f) => f.id)).toEqual(['network-error'])
    expect(new BosAnalyzer().analyze(trimEntry(raw, 0, 'live', analysis).entry, 0)).toEqual(analysis)
  })

  it('captured live, shows what the HAR analysis shows, reading only the bodies it needs', async () => {
    const fake = new FakeDevtools()
    const store = createCaptureStore(fake)
    await store.start()
    for (const raw of entries) {
      const { entry, content } = live(raw)
      fake.finish(entry, content)
    }
    await store.idle()
    const records = store.getSnapshot().records
    expect(records.map((r) => facts(r.analysis))).toEqual(analyzeHar(har).entries.map(facts))
    expect(records.every((r) => r.body.state !== 'pending')).toBe(true)
    expect(fake.contentRequests.every((url) => url.includes('bcebos.com'))).toBe(true)
    expect(fake.contentRequests.length).toBeLessThan(records.length)
  })
})
