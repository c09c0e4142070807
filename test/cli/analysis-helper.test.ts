// analyze with the helper thread writes exactly what it writes without it, whichever thread analyses which
// entry (the helper answering at once, late, or never before the end), from a file or standard input, as
// JSON or text in either language; a helper that fails is an internal error, not a wrong report. Here the
// helper runs in-process behind the same port (the built command's real thread is tested in main.test.ts).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { AnalysisHelper, type HelperPort } from '../../src/cli/analysis-helper.ts'
import { type FromHelper, type HelperInit, helperHandler } from '../../src/cli/analysis-worker.ts'
import { analyzeInput, type Io, type Limits, type Options } from '../../src/cli/main.ts'
import type { InputChunks } from '../../src/cli/read-input.ts'
import { ReportArena } from '../../src/cli/report-arena.ts'
import { CaptureNotes } from '../../src/core/capture-notes.ts'
import { writeTestSessions } from '../bench/generate.ts'

const dir = mkdtempSync(join(tmpdir(), 'bos-helper-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/**
 * How the stand-in answers: at once; only once the main thread listens (at the end); the first `first`
 * batches at once and the rest at the end; or each answer after the main thread has asked `polls` times
 * (a slower thread).
 */
type Answering = 'at-once' | 'at-end' | { first: number } | { polls: number }

interface FakeHelper {
  port: (init: HelperInit) => HelperPort
  batches: number
  /** Entries handed to it unread (a negative index). */
  unread: number
}

function fakeHelper(answering: Answering, fail?: 'message' | 'exit'): FakeHelper {
  // One thread per spawn, as a Worker is: what one was sent and answered never reaches another.
  const spawn = (init: HelperInit): HelperPort => {
    const answers: { m: FromHelper; batch: number; readyAt: number }[] = []
    let listener: ((m: FromHelper) => void) | null = null
    let polls = 0
    const ready = (a: { batch: number; readyAt: number }) =>
      answering === 'at-once' || (answering !== 'at-end' && ('first' in answering ? a.batch <= answering.first : polls >= a.readyAt))
    const answer = (m: FromHelper) =>
      answers.push({ m, batch: fake.batches, readyAt: polls + (typeof answering === 'object' && 'polls' in answering ? answering.polls : 0) })
    const handle = helperHandler(init, (m, transfer) => answer(structuredClone(m, { transfer })))
    return {
      post(m, transfer) {
        if (m.kind === 'batch') {
          fake.batches++
          fake.unread += m.indexes.filter((k) => k < 0).length
        }
        // As postMessage does: a copy, the transferred buffers gone from the sender.
        const copy = structuredClone(m, { transfer })
        if (fail === 'message' && m.kind === 'batch') answer({ kind: 'failed', error: 'Error: boom' })
        else handle(copy)
        if (listener) while (answers.length) listener(answers.shift()!.m)
      },
      poll() {
        polls++
        return answers.length && ready(answers[0]!) ? answers.shift()!.m : undefined
      },
      listen(take, failed) {
        if (fail === 'exit') return failed(new Error('the analysis helper thread stopped (exit code 1)'))
        listener = take
        while (answers.length) take(answers.shift()!.m)
      },
      terminate() {},
    }
  }
  const fake: FakeHelper = { batches: 0, unread: 0, port: spawn }
  return fake
}

/** Reads of the input from its start again (a file's `again`), by the last source made. */
let readsAgain = 0

function source(bytes: Buffer, file: boolean): InputChunks {
  const chunked = () => {
    const chunks: Uint8Array[] = []
    for (let i = 0; i < bytes.length; i += 65_536) chunks.push(Buffer.from(bytes.subarray(i, i + 65_536)))
    return chunks
  }
  readsAgain = 0
  const again = () => {
    readsAgain++
    return chunked()
  }
  return { chunks: chunked(), ...(file ? { at: (s: number, e: number) => bytes.subarray(s, e), again } : {}), close: () => {} }
}

async function analyze(
  bytes: Buffer,
  values: Options,
  file: boolean,
  helper?: FakeHelper,
  limits: Partial<Limits> = {},
): Promise<{ code: number; out: string }> {
  let out = ''
  const io: Io = {
    out: (s) => void (out += s),
    outBytes: (b) => void (out += Buffer.from(b).toString('utf8')),
    err: (s) => {
      throw new Error(`unexpected message: ${s}`)
    },
    isTTY: true,
    env: {},
    ...(helper ? { helper: helper.port } : {}),
  }
  const code = await analyzeInput(source(bytes, file), 'x.har', values, io, { earlyReports: 64 << 20, heldEntries: 16 << 20, helperAfter: 0, ...limits })
  return { code, out }
}

const JSON_EN: Options = { json: true, hosts: ['files.example.com'], locale: 'en', failOn: null }
const TEXT_ZH: Options = { json: false, hosts: [], locale: 'zh_CN', failOn: 'warning' }

describe('analyze with the helper thread', () => {
  it('writes what one thread writes, however the work is shared, for generated sessions (and starts only where BOS is much of the file)', async () => {
    for (const f of await writeTestSessions(dir, 6e6)) {
      const bytes = readFileSync(f)
      for (const values of [JSON_EN, TEXT_ZH]) {
        for (const file of [true, false]) {
          const want = await analyze(bytes, values, file)
          expect(want.out.length).toBeGreaterThan(1000)
          const cases: [Answering, Partial<Limits>][] = [
            ['at-once', {}],
            [{ polls: 3 }, { helperQueue: 300 }],
            [{ first: 1 }, { helperQueue: 700, helperAfter: 1 }],
            ['at-end', {}],
            // Reports of the helper past the arena's budget: the rest are left for the second pass.
            [{ polls: 1 }, { earlyReports: 60_000 }],
          ]
          for (const [answering, limits] of cases) {
            const helper = fakeHelper(answering)
            const got = await analyze(bytes, values, file, helper, limits)
            expect(got, `${f} ${JSON.stringify(answering)} ${JSON.stringify(limits)}`).toEqual(want)
            // The realistic session's BOS entries are a small share of its bytes: reading is most of the
            // work there, and the helper is not started.
            if (f.endsWith('realistic.har')) expect(helper.batches).toBe(0)
            else expect(helper.batches, `${f} ${JSON.stringify(limits)}`).toBeGreaterThan(0)
            // From a file, BOS entries go to it unread too, and none of them misleads: one read.
            if (file && helper.batches > 0 && answering === 'at-once') expect(helper.unread).toBeGreaterThan(0)
            if (!file) expect(helper.unread).toBe(0)
            expect(readsAgain).toBe(0)
          }
        }
      }
    }
  })

  it('reads a file again when an entry handed off unread was not one, or was of an upload session', async () => {
    const entry = (k: number, extra: string) =>
      JSON.stringify({
        startedDateTime: '2026-11-26T04:00:00.000Z',
        request: { method: 'PUT', url: `https://b.bj.bcebos.com/k${k}`, headers: [{ name: 'x-bce-date', value: '2026-11-26T04:00:00Z' }] },
        response: { status: 403, headers: [{ name: 'x-bce-request-id', value: `r${k}` }], content: { size: 0, text: '' } },
        _x: '@',
      }).replace('"@"', extra)
    const har = (extra: (k: number) => string) =>
      Buffer.from(`{"log":{"entries":[\n${Array.from({ length: 4000 }, (_, k) => entry(k, extra(k))).join(',\n')}\n]}}\n`)
    const cases = {
      // An array inside an entry laid out as the entries are: the separator guessed there cuts it short.
      cut: har((k) => (k === 3000 ? '[{"a":1},\n{"b":2}]' : '[]')),
      // A part upload whose URL only its decoding makes one (JSON escapes): the helper says so.
      session: Buffer.from(
        har(() => '[]')
          .toString()
          .replace('k3000"', 'k3000?partNumber=1\\u0026upload\\u0049d=u1"'),
      ),
      // Broken after the entries the helper took: the message is the one a read of each entry gives.
      broken: har((k) => (k === 3500 ? '[}' : '[]')),
    }
    for (const [name, bytes] of Object.entries(cases)) {
      const helper = fakeHelper('at-once')
      const one = analyze(bytes, JSON_EN, true)
      const two = analyze(bytes, JSON_EN, true, helper, { helperAfter: 100 })
      if (name === 'broken') {
        const message = await one.catch((e: Error) => e.message)
        expect(message).toMatch(/^x\.har is not valid JSON at byte \d+/)
        await expect(two).rejects.toThrow(message as string)
      } else expect(await two, name).toEqual(await one)
      expect(helper.unread, name).toBeGreaterThan(1000)
      expect(readsAgain, name).toBe(1)
    }
    // Standard input cannot be read again: nothing goes unread, and the report is the same.
    const helper = fakeHelper('at-once')
    expect(await analyze(cases.cut, JSON_EN, false, helper, { helperAfter: 100 })).toEqual(await analyze(cases.cut, JSON_EN, true))
    expect([helper.unread, helper.batches > 0]).toEqual([0, true])
  })

  it('counts the capture note over both threads: requests signed without a signature, unless one has one', async () => {
    const entry = (k: number, headers: { name: string; value: string }[]) => ({
      startedDateTime: '2026-11-26T04:00:00.000Z',
      request: { method: 'GET', url: `https://b.bj.bcebos.com/k${k}`, headers: [{ name: 'x-bce-date', value: '2026-11-26T04:00:00Z' }, ...headers] },
      response: { status: 200, headers: [{ name: 'x-bce-request-id', value: `r${k}` }], content: { size: 0, text: '' } },
    })
    for (const signedAt of [-1, 3, 1500]) {
      const entries = Array.from({ length: 2000 }, (_, k) =>
        entry(k, k === signedAt ? [{ name: 'Authorization', value: 'bce-auth-v1/AK/2026-11-26T04:00:00Z/1800/host/00' }] : []),
      )
      const bytes = Buffer.from(JSON.stringify({ log: { entries } }, null, 1))
      const want = await analyze(bytes, JSON_EN, true)
      const notes = JSON.parse(want.out).notes as { requests: number }[]
      expect(notes.map((n) => n.requests)).toEqual(signedAt < 0 ? [2000] : [])
      const helper = fakeHelper({ polls: 2 })
      expect(await analyze(bytes, JSON_EN, true, helper, { helperAfter: 1000, helperQueue: 400 })).toEqual(want)
      expect(helper.batches).toBeGreaterThan(1)
    }
  })

  it('fails as an internal error when the helper fails or stops, never with a report missing entries', async () => {
    const [synthetic] = await writeTestSessions(dir, 1e5)
    const bytes = readFileSync(synthetic)
    await expect(analyze(bytes, JSON_EN, true, fakeHelper('at-end', 'message'))).rejects.toThrow(/analysis helper thread failed: Error: boom/)
    await expect(analyze(bytes, JSON_EN, true, fakeHelper('at-once', 'message'))).rejects.toThrow(/analysis helper thread failed/)
    await expect(analyze(bytes, JSON_EN, true, fakeHelper('at-end', 'exit'))).rejects.toThrow(/stopped \(exit code 1\)/)
    // A broken file says so, whatever became of the helper.
    const io: Io = { out: () => {}, outBytes: () => {}, err: () => {}, isTTY: false, env: {}, helper: fakeHelper('at-once', 'message').port }
    const cut = source(bytes.subarray(0, bytes.length - 100), true)
    const limits = { earlyReports: 64 << 20, heldEntries: 0, helperAfter: 0 }
    await expect(analyzeInput(cut, 'x.har', JSON_EN, io, limits)).rejects.toThrow(/^x\.har is not valid JSON at byte \d+ \(unexpected end of input\)/)
  })

  it('starts no thread for a small HAR', async () => {
    const [synthetic] = await writeTestSessions(dir, 1e5)
    const helper = fakeHelper('at-once')
    const bytes = readFileSync(synthetic)
    expect(await analyze(bytes, JSON_EN, true, helper, { helperAfter: 1e6 })).toEqual(await analyze(bytes, JSON_EN, true))
    expect(helper.batches).toBe(0)
  })
})

describe('AnalysisHelper', () => {
  const init: HelperInit = { bosDevtoolsHelper: true, hosts: [], locale: 'en', json: true, failOn: null, color: false }
  const entryBytes = Buffer.from(
    JSON.stringify({ request: { method: 'GET', url: `https://b.bj.bcebos.com/${'k'.repeat(900)}`, headers: [] }, response: { status: 200, headers: [] } }),
  )

  it('keeps the arena within its budget: the reports it is owed count as used', async () => {
    const budget = 4 << 20
    // Before any answer, one batch only: its answer shows how big the reports are.
    const first = new AnalysisHelper(fakeHelper('at-end').port, init, new ReportArena(budget))
    let taken = 0
    while (first.offer(taken, entryBytes) !== null) taken++
    expect(taken).toBe(256)
    // Answered at once, entries are taken while the arena has twice the room of what is owed.
    for (const answering of ['at-once', { polls: 2 }, { first: 3 }] as const) {
      const arena = new ReportArena(budget)
      const helper = new AnalysisHelper(fakeHelper(answering).port, init, arena)
      let n = 0
      while (helper.offer(n, entryBytes) !== null) n++
      expect(n, JSON.stringify(answering)).toBeGreaterThan(256)
      expect(arena.room).toBeLessThanOrEqual(2 * helper.owed)
      await helper.finish()
      expect(arena.room, JSON.stringify(answering)).toBeGreaterThanOrEqual(0)
      expect(helper.owed).toBe(0)
    }
  })

  it('takes no more than its queue holds, and more once it has answered', () => {
    const arena = new ReportArena(64 << 20)
    const late = new AnalysisHelper(fakeHelper({ first: 1 }).port, init, arena, 300)
    let taken = 0
    while (late.offer(taken, entryBytes) !== null) taken++
    // Whole batches are posted, and the queue counts them once they are: the first came back at once.
    expect(taken).toBe(768)
    const prompt = new AnalysisHelper(fakeHelper('at-once').port, init, arena, 300)
    for (let k = 0; k < 2000; k++) expect(prompt.offer(k, entryBytes)).toBe(k)
  })
})

describe('ReportArena.addBytes', () => {
  it('keeps reports written elsewhere beside its own, each slot its bytes, past the budget too', () => {
    const arena = new ReportArena(10)
    const a = arena.add('ä'.repeat(4))
    const b = arena.addBytes(Buffer.from('{"x":1}'))
    expect(arena.room).toBeLessThanOrEqual(0)
    const big = Buffer.alloc(3 << 20, 0x61)
    const c = arena.addBytes(big)
    expect(arena.get(a).toString()).toBe('ää'.repeat(2))
    expect(arena.get(b).toString()).toBe('{"x":1}')
    expect(arena.get(c).equals(big)).toBe(true)
  })
})

describe('CaptureNotes.merge', () => {
  it('adds what another thread observed, as one CaptureNotes observing all would', () => {
    const a = new CaptureNotes()
    a.merge({ withAuth: false, stripped: [1, 2] })
    a.merge({ withAuth: false, stripped: [2, 7] })
    expect(a.strippedRequests()).toBe(3)
    a.merge({ withAuth: true, stripped: [] })
    expect(a.strippedRequests()).toBe(0)
    a.merge({ withAuth: false, stripped: [9] })
    expect(a.strippedRequests()).toBe(0)
    expect(a.state()).toEqual({ withAuth: true, stripped: [] })
  })
})
