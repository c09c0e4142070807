// Property-based tests: the core never breaks on bad input, keeps the JSON contract, and never lets a
// secret out. Seeded (SEED) so the default run is reproducible; FC_RUNS=5000 for a longer exploration.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { analyzeHar, BosAnalyzer, NotAHarError, redactEntry, redactHar } from '../../src/core/index.ts'
import type { EntryAnalysis } from '../../src/core/types.ts'
import { expectWithinUnits, timed } from '../helpers/work-units.ts'
import { alnum, b64, CUSTOM_HOSTS, harEntry, harOf, junk, multipartText, params, RUNS, runs, secretCase, sessionEntry } from '../helpers/arbitraries.ts'

// ---- the JSON contract (README) -----------------------------------------------------------------

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const SEVERITIES = new Set(['error', 'warning', 'info'])
const isStrOrNull = (v: unknown) => v === null || typeof v === 'string'

/** Throws with the first field that breaks the contract of one `--json` entry. */
export function assertContract(a: unknown, index: number): asserts a is EntryAnalysis {
  const e = a as Record<string, unknown>
  const fail = (what: string) => {
    throw new Error(`contract: ${what} (got ${JSON.stringify(a)?.slice(0, 400)})`)
  }
  if (!e || typeof e !== 'object' || Array.isArray(e)) fail('not an object')
  if (e.index !== index) fail('index')
  if (typeof e.method !== 'string') fail('method')
  if (typeof e.url !== 'string') fail('url')
  if (!Number.isInteger(e.status) || (e.status as number) < 0) fail('status')
  if (typeof e.preflight !== 'boolean') fail('preflight')
  for (const k of ['operation', 'bucket', 'key', 'region', 'requestId', 'debugId']) if (!(k in e) || !isStrOrNull(e[k])) fail(k)
  if (e.error !== null) {
    const er = e.error as Record<string, unknown>
    if (!er || typeof er !== 'object') fail('error')
    if (typeof er.code !== 'string' || typeof er.message !== 'string' || typeof er.description !== 'string' || typeof er.advice !== 'string')
      fail('error fields')
    if (!(er.documentedStatus === null || typeof er.documentedStatus === 'number')) fail('error.documentedStatus')
  }
  if (!Array.isArray(e.findings)) fail('findings')
  for (const f of e.findings as Record<string, unknown>[]) {
    if (!f || typeof f !== 'object') fail('finding')
    if (typeof f.id !== 'string' || !KEBAB.test(f.id)) fail(`finding id ${String(f.id)}`)
    if (!SEVERITIES.has(f.severity as string)) fail(`finding severity ${String(f.severity)}`)
    if (typeof f.title !== 'string' || f.title.trim() === '') fail(`finding ${f.id} title`)
    if (typeof f.detail !== 'string' || f.detail.trim() === '') fail(`finding ${f.id} detail`)
  }
}

/**
 * JSON.stringify and back gives the same value: only null, booleans, finite numbers, strings, arrays and
 * plain objects, no undefined fields, no cycles (stringify throws), no BigInt (stringify throws).
 * -0 counts as 0: JSON has no negative zero and every reader gets the same number.
 */
export function assertJsonRoundTrip(value: unknown): void {
  const back = JSON.parse(JSON.stringify(value)) as unknown
  const walk = (a: unknown, b: unknown, path: string, depth: number): void => {
    if (depth > 64) throw new Error(`json: nested deeper than 64 at ${path}`)
    if (a === null || typeof a === 'string' || typeof a === 'boolean') {
      if (a !== b) throw new Error(`json: ${path} changed (${String(a)} → ${String(b)})`)
      return
    }
    if (typeof a === 'number') {
      if (!Number.isFinite(a) || a !== b) throw new Error(`json: ${path} is ${a}, not a finite number (→ ${String(b)})`)
      return
    }
    if (typeof a !== 'object') throw new Error(`json: ${path} is a ${typeof a}`)
    if (Array.isArray(a)) {
      if (!Array.isArray(b) || a.length !== b.length) throw new Error(`json: array ${path} changed`)
      a.forEach((x, i) => walk(x, b[i], `${path}[${i}]`, depth + 1))
      return
    }
    const proto = Object.getPrototypeOf(a)
    if (proto !== Object.prototype && proto !== null) throw new Error(`json: ${path} is not a plain object`)
    const o = a as Record<string, unknown>
    const ob = b as Record<string, unknown>
    for (const k of Object.keys(o)) {
      if (o[k] === undefined) throw new Error(`json: ${path}.${k} is undefined`)
      walk(o[k], ob[k], `${path}.${k}`, depth + 1)
    }
    if (Object.keys(ob).length !== Object.keys(o).length) throw new Error(`json: ${path} keys changed`)
  }
  walk(value, back, '$', 0)
}

// ---- timing -------------------------------------------------------------------------------------

// No wall-clock limit: the slowest run of a property is compared with a reference workload measured at
// the same moment (test/helpers/work-units.ts, ~10 ms here). Linear-time analysis of these inputs
// (≤ ~1 MB) costs about one unit; the quadratic and exponential regexes this suite found took 1.3 s to
// 166 s on inputs of this size (hundreds to thousands of units), so the ceiling separates "slow machine"
// from "algorithmic blow-up" without flaking.
const CEILING_UNITS = 100
/** A hang guard, not a budget: the default run takes a few seconds; FC_RUNS=5000 takes longer. */
const TIMEOUT = Math.max(30_000, RUNS * 40)
class Slowest {
  ms = 0
  what = ''
  private again: () => unknown = () => {}
  time<T>(what: () => string, f: () => T): T {
    const { value, ms } = timed(f)
    if (ms > this.ms) {
      this.ms = ms
      this.what = what()
      this.again = f
    }
    return value
  }
  check(units = CEILING_UNITS): void {
    expectWithinUnits(this.ms, units, this.again, `slowest: ${this.what}`)
  }
}
const describeInput = (v: unknown) => {
  try {
    const s = JSON.stringify(v)
    return s === undefined ? String(v) : `${s.length} chars: ${s.slice(0, 300)}`
  } catch (e) {
    return `(not serialisable: ${(e as Error).message})`
  }
}

// ---- 1. arbitrary and adversarial entries ---------------------------------------------------------

describe('properties: analyze never breaks', () => {
  it(
    'analyze() never throws, returns null or a contract entry that round-trips through JSON',
    () => {
      const slow = new Slowest()
      fc.assert(
        fc.property(harEntry, fc.nat({ max: 100_000 }), (raw, index) => {
          const a = slow.time(
            () => describeInput(raw),
            () => new BosAnalyzer({ customHosts: CUSTOM_HOSTS }).analyze(raw, index),
          )
          if (a === null) return
          assertContract(a, index)
          assertJsonRoundTrip(a)
        }),
        params(RUNS),
      )
      slow.check()
    },
    TIMEOUT,
  )

  it(
    'redactEntry() never throws and its output still analyses',
    () => {
      const slow = new Slowest()
      fc.assert(
        fc.property(harEntry, (raw) => {
          const red = slow.time(
            () => describeInput(raw),
            () => redactEntry(raw),
          )
          const a = new BosAnalyzer({ customHosts: CUSTOM_HOSTS }).analyze(red, 0)
          if (a !== null) assertContract(a, 0)
        }),
        params(runs(0.5)),
      )
      slow.check()
    },
    TIMEOUT,
  )

  it(
    '10 MB bodies of every kind are analysed and redacted (a couple of runs)',
    () => {
      const MB10 = 10 * 1024 * 1024
      const fill = (unit: string) => unit.repeat(Math.ceil(MB10 / unit.length)).slice(0, MB10)
      const kinds = (unit: string): Record<string, { method: string; url: string; status: number; req?: unknown; text?: string; encoding?: string }> => ({
        'json-error': {
          method: 'GET',
          url: 'https://b.bj.bcebos.com/k',
          status: 403,
          text: `{"code":"AccessDenied","message":"${fill(unit.replace(/["\\]/g, '') || 'x')}"}`,
        },
        'base64-body': { method: 'GET', url: 'https://b.bj.bcebos.com/k', status: 500, text: b64(fill(unit)), encoding: 'base64' },
        'binary-body': { method: 'GET', url: 'https://b.bj.bcebos.com/k', status: 404, text: fill('\u0000\u00ff' + unit) },
        'xml-error': { method: 'GET', url: 'https://s3.bj.bcebos.com/b/k', status: 403, text: `<?xml version="1.0"?><Error><Code>${fill('<Code>' + unit)}` },
        'html-page': { method: 'GET', url: 'https://b.bj.bcebos.com/k', status: 502, text: `<html><title>${fill('<' + unit)}` },
        'post-form': {
          method: 'POST',
          url: 'https://b.bj.bcebos.com/',
          status: 403,
          req: {
            mimeType: 'multipart/form-data; boundary=BB',
            text: multipartText(
              [
                { name: 'key', value: 'a*'.repeat(5000) },
                { name: 'policy', value: b64('{"conditions":[{"key":"a*a*a*a*a*a*a*a*b"}]}') },
                { name: 'file', value: fill(unit), fileName: 'x' },
              ],
              'BB',
              true,
            ),
          },
        },
        'complete-list': {
          method: 'POST',
          url: 'https://b.bj.bcebos.com/k?uploadId=U1',
          status: 400,
          // ~170k parts of 60 characters: 10 MB (BOS itself stops at 10,000 parts).
          req: {
            mimeType: 'application/json',
            text: `{"parts":[${Array.from({ length: 170_000 }, (_, i) => `{"partNumber":${170_000 - i},"eTag":"${unit.repeat(32).slice(0, 32)}"}`).join(',')}]}`,
          },
        },
      })
      const slow = new Slowest()
      fc.assert(
        fc.property(fc.oneof(alnum(1, 8), fc.constantFrom('😀', '%E0%A4%A', '\uD800', '"\\')), (unit) => {
          for (const [kind, k] of Object.entries(kinds(unit))) {
            const raw = {
              startedDateTime: '2026-11-26T04:00:00.000Z',
              time: 1,
              request: {
                method: k.method,
                url: k.url,
                headers: [{ name: 'Content-Type', value: 'multipart/form-data; boundary=BB' }],
                ...(k.req ? { postData: k.req } : {}),
              },
              response: {
                status: k.status,
                headers: [{ name: 'Server', value: 'BceBos' }],
                content: { size: MB10, mimeType: 'x', text: k.text, ...(k.encoding ? { encoding: k.encoding } : {}) },
              },
            }
            const h = harOf([raw])
            const result = slow.time(
              () => `${kind} (${unit})`,
              () => analyzeHar(h, { customHosts: CUSTOM_HOSTS }),
            )
            expect(result.summary).toEqual({ entries: 1, bos: 1, errors: 1 })
            for (const [i, e] of result.entries.entries()) {
              assertContract(e, i)
              assertJsonRoundTrip(e)
            }
            slow.time(
              () => `redact ${kind} (${unit})`,
              () => redactHar(h),
            )
          }
        }),
        params(runs(0.01)),
      )
      // Each entry here is 10–20 MB; linear work on it costs ~40 units, the quadratic paths took minutes.
      slow.check(1_000)
    },
    TIMEOUT,
  )

  it(
    'analyzeHar() throws nothing but NotAHarError on any JSON value',
    () => {
      const top = fc.oneof(
        fc.jsonValue({ maxDepth: 3 }),
        junk,
        fc.record({ log: fc.oneof(fc.jsonValue({ maxDepth: 3 }), junk) }),
        fc.record({ log: fc.record({ entries: fc.oneof(fc.jsonValue({ maxDepth: 3 }), junk) }) }),
        fc.record({ log: fc.record({ entries: fc.array(fc.oneof(junk, fc.jsonValue({ maxDepth: 2 })), { maxLength: 5 }) }) }),
      )
      fc.assert(
        fc.property(top, (v) => {
          try {
            const r = analyzeHar(v)
            expect(r.summary.entries).toBe(r.summary.entries | 0)
          } catch (e) {
            expect(e).toBeInstanceOf(NotAHarError)
          }
        }),
        params(RUNS),
      )
    },
    TIMEOUT,
  )

  it(
    'a whole HAR of random entries keeps summary, indexes and upload sessions consistent',
    () => {
      const slow = new Slowest()
      const entries = fc.array(fc.oneof({ weight: 2, arbitrary: harEntry }, { weight: 3, arbitrary: sessionEntry }), { maxLength: 30 })
      fc.assert(
        fc.property(entries, (list) => {
          const r = slow.time(
            () => `${list.length} entries`,
            () => analyzeHar(harOf(list), { customHosts: CUSTOM_HOSTS }),
          )
          expect(r.summary.entries).toBe(list.length)
          expect(r.summary.bos).toBe(r.entries.length)
          expect(r.summary.errors).toBe(r.entries.filter((e) => e.status >= 400).length)
          const seen = new Set<number>()
          let prev = -1
          for (const e of r.entries) {
            assertContract(e, e.index)
            expect(e.index).toBeGreaterThan(prev)
            expect(e.index).toBeLessThan(list.length)
            prev = e.index
            seen.add(e.index)
          }
          // Every index an upload session names is a BOS entry of this HAR.
          for (const u of r.uploads) {
            expect(u.entries.length).toBeGreaterThan(0)
            for (const i of [...u.entries, ...u.parts.map((p) => p.index), u.initiateIndex, u.completeIndex, u.abortIndex]) {
              if (i !== null) expect(seen.has(i), `upload ${u.uploadId} names entry ${i}`).toBe(true)
            }
            for (const p of u.parts) expect(Number.isInteger(p.partNumber)).toBe(true)
          }
          assertJsonRoundTrip(r)
          // Analysing twice gives the same answer: no state leaks between entries of different runs.
          expect(JSON.stringify(analyzeHar(harOf(list), { customHosts: CUSTOM_HOSTS }))).toBe(JSON.stringify(r))
        }),
        params(runs(0.25)),
      )
      slow.check()
    },
    TIMEOUT,
  )
})

// ---- 2. secrets never leave -------------------------------------------------------------------------

describe('properties: secrets never leave', () => {
  it(
    'no output of redactHar nor of the analysis contains the secret',
    () => {
      const others = fc.array(fc.oneof(harEntry, sessionEntry), { maxLength: 2 })
      fc.assert(
        fc.property(secretCase, others, fc.boolean(), (c, rest, first) => {
          const entries = first ? [c.entry, ...rest] : [...rest, c.entry]
          const h = harOf(entries, c.pages)
          const red = redactHar(h)
          expect(JSON.stringify(red)).not.toContain(c.secret)
          // Redacting is idempotent.
          expect(JSON.stringify(redactHar(red))).toBe(JSON.stringify(red))
          const one = new BosAnalyzer({ customHosts: CUSTOM_HOSTS }).analyze(c.entry, 0)
          expect(JSON.stringify(one) ?? '').not.toContain(c.secret)
          const all = analyzeHar(h, { customHosts: CUSTOM_HOSTS })
          expect(JSON.stringify(all)).not.toContain(c.secret)
          // Redaction keeps what the diagnosis rests on.
          const after = analyzeHar(red, { customHosts: CUSTOM_HOSTS })
          const id = (e: EntryAnalysis) => [e.index, e.method, e.operation, e.bucket, e.key, e.status, e.matchedBy, e.error?.code ?? null]
          expect(after.entries.map(id)).toEqual(all.entries.map(id))
        }),
        params(RUNS),
      )
    },
    TIMEOUT,
  )

  // Sanity check of the generator: every placement really carries the secret into the input.
  it(
    'the generated inputs do carry the secret',
    () => {
      fc.assert(
        fc.property(secretCase, (c) => {
          const content = c.entry.response.content as { text?: string; encoding?: string }
          const decoded = content.encoding === 'base64' ? Buffer.from(content.text ?? '', 'base64').toString() : ''
          expect(JSON.stringify(harOf([c.entry], c.pages)) + decoded).toContain(c.secret)
        }),
        params(runs(0.25)),
      )
    },
    TIMEOUT,
  )
})
