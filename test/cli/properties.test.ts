// Property-based tests of the command line: it agrees with the core, never lets a secret out, and answers
// any file with exit 0 or 2 (README: 2 when the input is not a readable HAR), never an internal error.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { main, type Io } from '../../src/cli/main.ts'
import { analyzeHar, harEntries } from '../../src/core/index.ts'
import { CUSTOM_HOSTS, damaged, harEntry, harOf, params, RUNS, runs, secretCase, sessionEntry, textDamage } from '../helpers/arbitraries.ts'

const dir = mkdtempSync(join(tmpdir(), 'bos-cli-prop-'))
let n = 0
function file(text: string): string {
  const p = join(dir, `${n++ % 8}.har`) // a few files, rewritten: the runs are sequential
  writeFileSync(p, text)
  return p
}

async function run(args: string[]) {
  let out = ''
  let err = ''
  const io: Io = { out: (s) => void (out += s), err: (s) => void (err += s), isTTY: false, env: {} }
  const code = await main(args, io)
  return { code, out, err }
}

const hostArgs = CUSTOM_HOSTS.flatMap((h) => ['--host', h])
const TIMEOUT = Math.max(30_000, RUNS * 60)
const entries = fc.array(fc.oneof({ weight: 2, arbitrary: harEntry }, { weight: 3, arbitrary: sessionEntry }), { maxLength: 12 })

describe('properties: the CLI', () => {
  it(
    'analyze --json reports exactly what the core finds in the same file',
    async () => {
      await fc.assert(
        fc.asyncProperty(entries, async (list) => {
          const text = JSON.stringify(harOf(list))
          const r = await run(['analyze', file(text), '--json', ...hostArgs])
          expect(r.err).toBe('')
          expect(r.code).toBe(0)
          const j = JSON.parse(r.out) as Record<string, unknown>
          const core = JSON.parse(JSON.stringify(analyzeHar(JSON.parse(text), { customHosts: CUSTOM_HOSTS }))) as Record<string, unknown>
          expect(j.entries).toEqual(core.entries)
          expect(j.uploads).toEqual(core.uploads)
          expect(j.summary).toEqual(core.summary)
          const t = await run(['analyze', file(text), ...hostArgs])
          expect(t.code).toBe(0)
        }),
        params(runs(0.25)),
      )
    },
    TIMEOUT,
  )

  it(
    'no secret in the output of redact, analyze --json or analyze',
    async () => {
      const others = fc.array(fc.oneof(harEntry, sessionEntry), { maxLength: 2 })
      await fc.assert(
        fc.asyncProperty(secretCase, others, async (c, rest) => {
          const f = file(JSON.stringify(harOf([...rest, c.entry], c.pages)))
          const red = await run(['redact', f])
          expect(red.code).toBe(0)
          expect(red.out).not.toContain(c.secret)
          expect(harEntries(JSON.parse(red.out))).not.toHaveProperty('problem')
          for (const args of [
            ['analyze', f, '--json'],
            ['analyze', f],
          ]) {
            const r = await run([...args, ...hostArgs])
            expect(r.code).toBe(0)
            expect(r.out).not.toContain(c.secret)
          }
        }),
        params(runs(0.5)),
      )
    },
    TIMEOUT,
  )

  it(
    'a damaged file gets exit 0 or 2, never an internal error; 0 only when it is a HAR',
    async () => {
      const damage = textDamage(['cut', 'insert', 'delete', 'replace'], '{}[]",:\\ tn0/')
      await fc.assert(
        fc.asyncProperty(entries, damage, fc.constantFrom('analyze', 'redact'), async (list, d, command) => {
          const good = JSON.stringify(harOf(list))
          const text = damaged(good, d)
          const at = d.at % (good.length + 1)
          let isHar = false
          try {
            isHar = !('problem' in harEntries(JSON.parse(text)))
          } catch {
            isHar = false
          }
          const r = await run([command, file(text), '--json'].slice(0, command === 'redact' ? 2 : 3))
          expect([0, 2]).toContain(r.code)
          if (r.code === 2) {
            expect(r.out).toBe('')
            expect(r.err).toMatch(/^bos-devtools: .+\n$/)
          } else {
            expect(() => JSON.parse(r.out)).not.toThrow()
          }
          // README: exit 2 "when the input is not a readable HAR (missing file, not JSON, no log.entries)".
          expect(
            r.code === 0,
            `exit ${r.code} for ${isHar ? 'a HAR' : 'text that is not a HAR'}: ${JSON.stringify(text.slice(Math.max(0, at - 40), at + 40))}`,
          ).toBe(isHar)
        }),
        params(runs(0.5)),
      )
    },
    TIMEOUT,
  )

  it(
    'a HAR nested thousands deep is answered, not crashed on',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 1_000, max: 50_000 }),
          fc.constantFrom('_initiator', 'cache'),
          fc.constantFrom('analyze', 'redact'),
          async (depth, field, command) => {
            const deep = '['.repeat(depth) + ']'.repeat(depth)
            const text = `{"log":{"version":"1.2","entries":[{"startedDateTime":"2026-11-26T04:00:00.000Z","${field}":${deep},"request":{"method":"GET","url":"https://b.bj.bcebos.com/k","headers":[]},"response":{"status":200,"headers":[],"content":{}}}]}}`
            const r = await run([command, file(text)])
            expect([0, 2]).toContain(r.code)
            if (r.code === 2) expect(r.err).toMatch(/^bos-devtools: .+\n$/)
          },
        ),
        params(runs(0.05)),
      )
    },
    TIMEOUT,
  )
})
