// CLI regressions found by the property tests (test/cli/properties.test.ts).
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { main, type Io } from '../../src/cli/main.ts'

const dir = mkdtempSync(join(tmpdir(), 'bos-cli-robust-'))
const file = (name: string, content: string) => {
  const p = join(dir, name)
  writeFileSync(p, content)
  return p
}
async function run(args: string[]) {
  let out = ''
  let err = ''
  const io: Io = { out: (s) => void (out += s), err: (s) => void (err += s), isTTY: false, env: {} }
  return { code: await main(args, io), out, err }
}

describe('text that is not JSON is refused even when its brackets match (exit 2, README)', () => {
  const cases: Record<string, string> = {
    'a stray character before the log object': '{"log":\\{"version":"1.2","entries":[]}}',
    'no comma between two entries': '{"log":{"entries":[{"request":{}}{"request":{}}]}}',
    'two commas between entries': '{"log":{"entries":[{"request":{}},,{"request":{}}]}}',
    'a bad literal after the entries': '{"log":{"entries":[]},"x":tru}',
  }
  for (const [name, text] of Object.entries(cases)) {
    it(name, async () => {
      const r = await run(['analyze', file('bad.har', text), '--json'])
      expect(r.code).toBe(2)
      expect(r.out).toBe('')
      expect(r.err).toMatch(/is not valid JSON/)
    })
  }
})

describe('redact of a HAR nested thousands deep', () => {
  it('answers exit 2 with one line instead of crashing in JSON.stringify', async () => {
    const deep = '['.repeat(20_000) + ']'.repeat(20_000)
    const r = await run(['redact', file('deep.har', `{"log":{"entries":[{"_initiator":${deep},"request":{"url":"https://b.bj.bcebos.com/k"}}]}}`)])
    expect(r.code).toBe(2)
    expect(r.out).toBe('')
    expect(r.err).toMatch(/^bos-devtools: .*nested too deeply.*\n$/)
  })
})
