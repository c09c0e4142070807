import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { main, type Io } from '../../src/cli/main.ts'
import { redactHar } from '../../src/core/index.ts'
import { writeRealisticHar, writeSyntheticHar } from '../bench/generate.ts'
import { BOS_HEADERS, bosError, entry, har, requestExpiredEntry } from '../helpers/har.ts'

const dir = mkdtempSync(join(tmpdir(), 'bos-cli-'))
const file = (name: string, content: string) => {
  const p = join(dir, name)
  writeFileSync(p, content)
  return p
}

const SAMPLE = har([
  entry({ url: 'https://example.com/' }),
  requestExpiredEntry(),
  entry({ url: 'https://mybucket.bj.bcebos.com/b.txt', method: 'GET', status: 200, res: BOS_HEADERS }),
  entry({ url: 'https://files.example.com/c.txt', method: 'GET', status: 404, res: { 'Content-Type': 'text/plain' }, body: 'nope' }),
])

async function run(args: string[], env: Record<string, string> = {}) {
  let out = ''
  let err = ''
  const io: Io = { out: (s) => void (out += s), err: (s) => void (err += s), isTTY: false, env }
  const code = await main(args, io)
  return { code, out, err }
}

describe('bos-devtools analyze', () => {
  const sample = file('sample.har', JSON.stringify(SAMPLE))

  it('--json follows the contract', async () => {
    const r = await run(['analyze', sample, '--json'])
    expect(r.code).toBe(0)
    expect(r.err).toBe('')
    const j = JSON.parse(r.out)
    expect(Object.keys(j)).toEqual(['tool', 'version', 'entries', 'uploads', 'summary', 'notes'])
    expect(j.uploads).toEqual([])
    expect(j.tool).toBe('bos-devtools')
    expect(j.version).toMatch(/^\d+\.\d+\.\d+/)
    expect(j.summary).toEqual({ entries: 4, bos: 2, errors: 1 })
    expect(j.entries.map((e: { index: number }) => e.index)).toEqual([1, 2])
    const e = j.entries[0]
    for (const k of ['index', 'method', 'url', 'status', 'preflight', 'operation', 'bucket', 'key', 'region', 'requestId', 'debugId', 'error', 'findings']) {
      expect(e).toHaveProperty(k)
    }
    expect(e).toMatchObject({
      method: 'PUT',
      status: 403,
      preflight: false,
      operation: 'PutObject',
      bucket: 'mybucket',
      key: 'a.txt',
      region: 'bj',
      requestId: BOS_HEADERS['x-bce-request-id'],
    })
    expect(e.error).toMatchObject({ code: 'RequestExpired', documentedStatus: 403 })
    expect(Object.keys(e.error)).toEqual(['code', 'message', 'documentedStatus', 'description', 'advice'])
    const f = e.findings.find((x: { id: string }) => x.id === 'request-expired')
    expect(f).toMatchObject({ severity: 'error', skewSeconds: -1020 })
    expect(typeof f.title).toBe('string')
    expect(typeof f.detail).toBe('string')
  })

  it('--host adds custom domains', async () => {
    const j = JSON.parse((await run(['analyze', sample, '--json', '--host', '*.example.com'])).out)
    // example.com itself is not matched by *.example.com, files.example.com is
    expect(j.summary).toEqual({ entries: 4, bos: 3, errors: 2 })
    expect(j.entries[2]).toMatchObject({ index: 3, bucket: null, key: 'c.txt', operation: 'GetObject' })
  })

  it('prints a human report with the diagnosis and ids', async () => {
    const r = await run(['analyze', sample])
    expect(r.code).toBe(0)
    expect(r.out).toContain('#1 PUT PutObject 403 RequestExpired  mybucket/a.txt (bj)')
    expect(r.out).toContain('17 minutes behind the server')
    expect(r.out).toContain(`request id: ${BOS_HEADERS['x-bce-request-id']}`)
    expect(r.out).toContain(`debug id:   ${BOS_HEADERS['x-bce-debug-id']}`)
    expect(r.out).toMatch(/2 BOS requests among 4 HAR entries, 1 failed, \d+ findings\./)
    expect(r.out).not.toContain('\x1b[')
  })

  it('says so when there is no BOS traffic', async () => {
    const r = await run(['analyze', file('none.har', JSON.stringify(har([entry({ url: 'https://example.com/' })])))])
    expect(r.code).toBe(0)
    expect(r.out).toContain('No BOS requests among 1 HAR entries')
    const j = JSON.parse((await run(['analyze', join(dir, 'none.har'), '--json'])).out)
    expect(j).toMatchObject({ entries: [], summary: { entries: 1, bos: 0, errors: 0 } })
  })

  it.each([
    ['missing.har', null, /cannot read .*missing\.har: no such file/],
    ['empty.har', '', /is empty, not a HAR file/],
    ['bad.har', '{"log": {"entries": [', /is not valid JSON/],
    ['html.har', '<html><body>502</body></html>', /is not valid JSON/],
    ['nolog.har', '{"foo": 1}', /not a HAR file: there is no "log" object/],
    ['noentries.har', '{"log": {"version": "1.2"}}', /"log.entries" is missing/],
  ])('exit 2 with one line for %s', async (name, content, message) => {
    const p = content === null ? join(dir, name) : file(name, content)
    const r = await run(['analyze', p])
    expect(r.code).toBe(2)
    expect(r.out).toBe('')
    expect(r.err).toMatch(message)
    expect(r.err.trim().split('\n')).toHaveLength(1)
  })

  it('rejects wrong arguments with exit 2', async () => {
    expect((await run([])).code).toBe(2)
    expect((await run(['frobnicate', 'x'])).err).toMatch(/unknown command/)
    expect((await run(['analyze'])).code).toBe(2)
    expect((await run(['analyze', 'a', 'b'])).code).toBe(2)
    expect((await run(['analyze', sample, '--nope'])).code).toBe(2)
    expect((await run(['--help'])).code).toBe(0)
  })

  it('tolerates a BOM and junk entries', async () => {
    const junk = {
      log: {
        entries: [
          null,
          5,
          'x',
          { request: {} },
          entry({ url: 'https://b.bj.bcebos.com/k', status: 404, res: BOS_HEADERS, body: '<html><title>oops</title></html>' }),
        ],
      },
    }
    const r = await run(['analyze', file('junk.har', '\ufeff' + JSON.stringify(junk)), '--json'])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.out).summary).toEqual({ entries: 5, bos: 1, errors: 1 })
  })
})

describe('--fail-on', () => {
  const sample = file('fail-on-sample.har', JSON.stringify(SAMPLE))
  const clean = file('fail-on-clean.har', JSON.stringify(har([entry({ url: 'https://example.com/' })])))
  const worst = async (path: string) => {
    const j = JSON.parse((await run(['analyze', path, '--json'])).out)
    const severities = new Set<string>(j.entries.flatMap((e: { findings: { severity: string }[] }) => e.findings.map((f) => f.severity)))
    return { error: severities.has('error'), warning: severities.has('error') || severities.has('warning') }
  }

  it.each([
    ['a RequestExpired upload', sample],
    ['a HAR with no BOS request', clean],
    ['a recorded Chromium session', join(process.cwd(), 'test/fixtures/chromium-session.har')],
  ])('exits 1 exactly when a finding of that severity or worse is there: %s', async (_name, path) => {
    const expected = await worst(path)
    for (const level of ['error', 'warning'] as const) {
      for (const json of [[], ['--json']]) {
        const r = await run(['analyze', path, '--fail-on', level, ...json])
        expect(r.code, `${level} ${json}`).toBe(expected[level] ? 1 : 0)
        expect(r.out.length).toBeGreaterThan(0)
      }
    }
  })

  it('fails on the RequestExpired error, and passes a HAR without BOS requests', async () => {
    expect((await run(['analyze', sample, '--fail-on', 'error'])).code).toBe(1)
    expect((await run(['analyze', clean, '--fail-on', 'warning'])).code).toBe(0)
    expect((await run(['analyze', sample])).code).toBe(0)
  })

  it('keeps exit 2 for bad input and rejects an unknown level', async () => {
    expect((await run(['analyze', file('fail-on-bad.har', 'nope'), '--fail-on', 'error'])).code).toBe(2)
    const r = await run(['analyze', sample, '--fail-on', 'info'])
    expect(r.code).toBe(2)
    expect(r.err).toBe('bos-devtools: unknown severity "info" for --fail-on; use error or warning\n')
  })
})

describe('the built command', () => {
  const bin = join(process.cwd(), 'dist-cli', 'bos-devtools.mjs')
  beforeAll(() => {
    execFileSync('npx', ['vite', 'build', '--mode', 'cli', '--logLevel', 'error'], { stdio: 'inherit' })
  }, 60_000)

  it('reads standard input with - and exits 0', () => {
    const r = spawnSync(process.execPath, [bin, 'analyze', '-', '--json'], { input: JSON.stringify(SAMPLE), encoding: 'utf8' })
    expect(r.status).toBe(0)
    expect(JSON.parse(r.stdout).summary.bos).toBe(2)
  })

  it('reads a named pipe given as its path (<(zcat x.har.gz)) as it reads the file: once, in order', async () => {
    // Big enough that the reader fills its chunks again while the entries it keeps for later are held.
    const src = join(dir, 'piped.har')
    await writeSyntheticHar(src, 3000, 11)
    const want = spawnSync(process.execPath, [bin, 'analyze', src, '--json'], { encoding: 'utf8', maxBuffer: 1 << 28 })
    expect(want.status).toBe(0)
    const fifo = join(dir, 'fifo.har')
    execFileSync('mkfifo', [fifo])
    const writer = spawn('sh', ['-c', 'cat "$0" > "$1"', src, fifo], { stdio: 'ignore' })
    const r = spawnSync(process.execPath, [bin, 'analyze', fifo, '--json'], { encoding: 'utf8', maxBuffer: 1 << 28 })
    writer.kill()
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(r.stdout).toBe(want.stdout)
  })

  it('analyses a BOS-dense HAR with the helper thread as it does on one thread, from a file and from standard input', async () => {
    const src = join(dir, 'dense.har')
    await writeSyntheticHar(src, 4000, 13)
    // Then a bigger one whose BOS entries in its second half hold ",\n{" (an array laid out as the entries
    // are): the helper takes entries unread there, their extent guessed wrong, and the file is read again.
    const big = join(dir, 'dense-big.har')
    await writeSyntheticHar(big, 12_000, 14)
    const lines = readFileSync(big, 'utf8').split('\n')
    const cutAt = (l: string, k: number) => k > lines.length / 2 && l.includes('bcebos.com') && !l.includes('upload')
    const cut = join(dir, 'dense-cut.har')
    writeFileSync(cut, lines.map((l, k) => (cutAt(l, k) ? l.replace(/\}(,?)$/, ',"_x":[{"a":1},\n{"b":2}]}$1') : l)).join('\n'))
    await analysesAsOneThread(src, false, [['--json'], ['--lang', 'zh_CN', '--fail-on', 'warning']])
    await analysesAsOneThread(cut, true, [['--json']])
  }, 120_000)

  /** The helper's report is one thread's; `again`: a file read twice (a thread each time), standard input once. */
  async function analysesAsOneThread(src: string, again: boolean, argsList: string[][]): Promise<void> {
    // Tells on stderr when the helper thread is started (the bundle's Worker, through the ESM builtin).
    const probe = join(dir, 'thread-probe.cjs')
    writeFileSync(
      probe,
      `const wt = require('node:worker_threads'); if (wt.isMainThread) { const W = wt.Worker; wt.Worker = class extends W { constructor(...a) { super(...a); process.stderr.write('helper thread started\\n') } }; require('node:module').syncBuiltinESMExports() }`,
    )
    const input = readFileSync(src)
    for (const args of argsList) {
      const one = spawnSync(process.execPath, ['-r', probe, bin, 'analyze', src, ...args], {
        encoding: 'utf8',
        maxBuffer: 1 << 28,
        env: { ...process.env, BOS_DEVTOOLS_THREADS: '1' },
      })
      expect(one.stderr).toBe('')
      expect(one.stdout.length).toBeGreaterThan(100_000)
      for (const from of ['file', 'stdin']) {
        const r = spawnSync(process.execPath, ['-r', probe, bin, 'analyze', from === 'file' ? src : '-', ...args], {
          encoding: 'utf8',
          maxBuffer: 1 << 28,
          ...(from === 'stdin' ? { input } : {}),
        })
        expect(r.stderr, `${from} ${args}`).toBe('helper thread started\n'.repeat(again && from === 'file' ? 2 : 1))
        expect(r.status).toBe(one.status)
        expect(r.stdout).toBe(one.stdout)
      }
    }
  }

  it('scans the long strings of a realistic session with WebAssembly SIMD as without it (BOS_DEVTOOLS_SIMD=0)', async () => {
    const src = join(dir, 'realistic.har')
    await writeRealisticHar(src, 12e6, 5)
    // Tells on stderr when a WebAssembly module is compiled (the SIMD skip is the CLI's only one).
    const probe = join(dir, 'wasm-probe.cjs')
    writeFileSync(
      probe,
      `const M = WebAssembly.Module; WebAssembly.Module = class extends M { constructor(...a) { super(...a); process.stderr.write('wasm compiled\\n') } }`,
    )
    for (const args of [
      ['analyze', src, '--json'],
      ['analyze', src],
      ['redact', src],
    ]) {
      const plain = spawnSync(process.execPath, ['-r', probe, bin, ...args], {
        encoding: 'utf8',
        maxBuffer: 1 << 28,
        env: { ...process.env, BOS_DEVTOOLS_SIMD: '0' },
      })
      expect(plain.stderr).toBe('')
      expect(plain.stdout.length).toBeGreaterThan(1000)
      const simd = spawnSync(process.execPath, ['-r', probe, bin, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 })
      expect(simd.stderr, args.join(' ')).toBe('wasm compiled\n')
      expect(simd.status).toBe(plain.status)
      expect(simd.stdout).toBe(plain.stdout)
    }
  })

  it('redacts a named pipe given as its path as it redacts the file (the input kept as it is read)', async () => {
    const src = join(dir, 'piped-redact.har')
    await writeSyntheticHar(src, 3000, 12)
    const want = spawnSync(process.execPath, [bin, 'redact', src], { encoding: 'utf8', maxBuffer: 1 << 28 })
    expect(want.status).toBe(0)
    const fifo = join(dir, 'fifo-redact.har')
    execFileSync('mkfifo', [fifo])
    const writer = spawn('sh', ['-c', 'cat "$0" > "$1"', src, fifo], { stdio: 'ignore' })
    const r = spawnSync(process.execPath, [bin, 'redact', fifo], { encoding: 'utf8', maxBuffer: 1 << 28 })
    writer.kill()
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(r.stdout).toBe(want.stdout)
  })

  it('redacts standard input entry by entry, as the whole-document way wrote it', () => {
    const input = JSON.stringify(SAMPLE)
    const r = spawnSync(process.execPath, [bin, 'redact', '-'], { input, encoding: 'utf8' })
    expect(r.status).toBe(0)
    expect(r.stdout).toBe(`${JSON.stringify(redactHar(JSON.parse(input)), null, 2)}\n`)
  })

  it('redacts a HAR with "log" twice from standard input as JSON.parse reads it (the last one counts)', () => {
    const { log } = SAMPLE as { log: { entries: unknown[] } }
    const input = `{"log":${JSON.stringify(log)},"log":{"version":"1.2","entries":[${JSON.stringify(log.entries.at(-1))}]}}`
    const r = spawnSync(process.execPath, [bin, 'redact', '-'], { input, encoding: 'utf8' })
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(r.stdout).toBe(`${JSON.stringify(redactHar(JSON.parse(input)), null, 2)}\n`)
  })

  it('exits 2 with one line on stderr for a non-HAR', () => {
    const r = spawnSync(process.execPath, [bin, 'analyze', '-'], { input: 'not json', encoding: 'utf8' })
    expect(r.status).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/^bos-devtools: standard input is not valid JSON .*\n$/)
  })

  it('stays executable after a rebuild, so npx and a shebang run it', () => {
    expect(statSync(bin).mode & 0o111).not.toBe(0)
    const r = spawnSync(bin, ['--version'], { encoding: 'utf8' })
    expect(r.error).toBeUndefined()
    expect(r.status).toBe(0)
  })

  it('prints its version', () => {
    const r = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8' })
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/)
  })
})

describe('bos-devtools redact', () => {
  const SIG = 'ab'.repeat(32)
  const TOKEN = 'ZjkxZGQ0ZDctc2VjcmV0LXNlc3Npb24tdG9rZW4'
  const secretHar = har([
    entry({
      url: `https://mybucket.bj.bcebos.com/a.txt?authorization=${encodeURIComponent(`bce-auth-v1/AKID/2026-11-26T04:00:00Z/1800/host/${SIG}`)}&x-bce-security-token=${TOKEN}`,
      req: { Authorization: `bce-auth-v1/AKID/2026-11-26T04:00:00Z/1800/host;x-bce-date/${SIG}`, 'x-bce-security-token': TOKEN, Cookie: 'session=s3cr3t' },
      res: BOS_HEADERS,
    }),
    entry({
      url: 'https://sts.bj.baidubce.com/v1/sessionToken',
      method: 'POST',
      body: JSON.stringify({ accessKeyId: 'AKTMP', secretAccessKey: 'tmp-secret-key-123', sessionToken: TOKEN }),
    }),
  ])

  it('removes signatures, tokens, cookies and STS secrets, and keeps what diagnoses', async () => {
    const r = await run(['redact', file('secret.har', JSON.stringify(secretHar))])
    expect(r.code).toBe(0)
    for (const secret of [SIG, TOKEN, 's3cr3t', 'tmp-secret-key-123']) expect(r.out).not.toContain(secret)
    const out = JSON.parse(r.out)
    expect(out.log.entries[0].request.headers.find((h: { name: string }) => h.name === 'Authorization').value).toBe(
      'bce-auth-v1/AKID/2026-11-26T04:00:00Z/1800/host;x-bce-date/REDACTED',
    )
    expect(out.log.entries[0].request.url).toContain('authorization=bce-auth-v1%2FAKID') // still diagnosable
    // and the redacted file still analyses
    const a = JSON.parse((await run(['analyze', file('red.har', r.out), '--json'])).out)
    expect(a.entries[0]).toMatchObject({ operation: 'GetObject', auth: { accessKeyId: 'AKID', sts: true } })
  })

  it('the analysis itself never prints a presigned signature', async () => {
    const r = await run(['analyze', file('secret2.har', JSON.stringify(secretHar)), '--json'])
    expect(r.out).not.toContain(SIG)
    expect(r.out).not.toContain(TOKEN)
  })
})

describe('big-file path and whole-file path agree', () => {
  it('gives the same report for an entry-by-entry read and a fallback parse', async () => {
    const h = har([
      entry({ url: 'https://mybucket.bj.bcebos.com/v?uploads', method: 'POST', res: BOS_HEADERS, body: JSON.stringify({ uploadId: 'u1' }) }),
      entry({
        url: 'https://mybucket.bj.bcebos.com/v?partNumber=1&uploadId=u1',
        method: 'PUT',
        req: { 'Content-Length': '10' },
        res: { ...BOS_HEADERS, ETag: '"' + '1'.repeat(32) + '"' },
      }),
      entry({
        url: 'https://mybucket.bj.bcebos.com/v?partNumber=2&uploadId=u1',
        method: 'PUT',
        req: { 'Content-Length': '10' },
        res: { ...BOS_HEADERS, ETag: '"' + '2'.repeat(32) + '"' },
      }),
      entry({ url: 'https://mybucket.bj.bcebos.com/a.txt', status: 404, res: BOS_HEADERS, body: bosError('NoSuchKey', 'x') }),
    ])
    const scanned = JSON.parse((await run(['analyze', file('fast.har', JSON.stringify(h)), '--json'])).out)
    // A scalar among the entries sends the file down the JSON.parse path.
    const slow = { log: { entries: [...(h.log as { entries: unknown[] }).entries, 42] } }
    const parsed = JSON.parse((await run(['analyze', file('slow.har', JSON.stringify(slow)), '--json'])).out)
    expect(parsed.entries).toEqual(scanned.entries)
    expect(parsed.uploads).toEqual(scanned.uploads)
    expect(scanned.entries[1].findings.map((f: { id: string }) => f.id)).toEqual(['part-too-small']) // the prescan saw part 2
    expect(scanned.uploads[0].parts).toHaveLength(2)
  })

  it('falls back to JSON.parse for an entry that is not valid JSON, and says so', async () => {
    const r = await run(['analyze', file('badentry.har', '{"log":{"entries":[{"request":{"url":"https://b.bj.bcebos.com/k?uploadId=1"}},{"a":tru}]}}')])
    expect(r.code).toBe(2)
    expect(r.err).toMatch(/is not valid JSON/)
  })
})

describe('the report as bytes (what bin.ts writes to standard output)', () => {
  async function runBytes(args: string[]) {
    const out: Buffer[] = []
    let err = ''
    const io: Io = {
      out: (s) => void out.push(Buffer.from(s)),
      outBytes: (b) => void out.push(Buffer.from(b)),
      err: (s) => void (err += s),
      isTTY: false,
      env: {},
    }
    const code = await main(args, io)
    return { code, out: Buffer.concat(out), err }
  }

  it('is the UTF-8 of the text report, for --json and for people', async () => {
    const odd = file(
      'odd.har',
      JSON.stringify(
        har([
          ...(SAMPLE.log as { entries: unknown[] }).entries,
          entry({ url: 'https://b.bj.bcebos.com/\uD800→é', status: 404, res: BOS_HEADERS, body: bosError('NoSuchKey', 'clé \uDC00') }),
        ]),
      ),
    )
    for (const args of [
      ['analyze', odd, '--json'],
      ['analyze', odd],
      ['analyze', odd, '--json', '--host', '*.example.com'],
    ]) {
      const text = await run(args)
      const bytes = await runBytes(args)
      expect(bytes.code).toBe(text.code)
      expect(bytes.err).toBe(text.err)
      expect(bytes.out.equals(Buffer.from(text.out, 'utf8'))).toBe(true)
    }
  })

  it('does not depend on how the entries are laid out in the file', async () => {
    const h = { log: { version: '1.2', pages: [{ id: 'p' }], entries: (SAMPLE.log as { entries: unknown[] }).entries } }
    const want = (await runBytes(['analyze', file('l0.har', JSON.stringify(h)), '--json'])).out
    expect(want.length).toBeGreaterThan(100)
    const layouts = [
      JSON.stringify(h, null, 2),
      JSON.stringify(h, null, '\t').replace(/\n/g, '\r\n'),
      `{"log":{"entries":[\n${h.log.entries.map((e) => JSON.stringify(e)).join(',\n')}\n]}}`,
      JSON.stringify({ log: { entries: h.log.entries, pages: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] } }, null, 2),
      `{"log":{"entries":[\n${h.log.entries.map((e) => JSON.stringify(e)).join(',\n')}],"pages":[\n{"id":"a"},\n{"id":"b"},\n{"id":"c"}]}}`,
    ]
    for (const [i, text] of layouts.entries()) {
      const r = await runBytes(['analyze', file(`l${i + 1}.har`, text), '--json'])
      expect(r.err).toBe('')
      expect(r.out.toString(), `layout ${i + 1}`).toBe(want.toString())
    }
  })
})

describe('--lang and LANG', () => {
  const sample = file('lang.har', JSON.stringify(SAMPLE))

  it('writes the text report in Chinese with --lang zh_CN or LANG=zh_CN.UTF-8', async () => {
    for (const r of [await run(['analyze', sample, '--lang', 'zh_CN']), await run(['analyze', sample], { LANG: 'zh_CN.UTF-8' })]) {
      expect(r.code).toBe(0)
      expect(r.out).toContain('请求已过期')
      expect(r.out).toContain('17 分钟')
      expect(r.out).toMatch(/含义：/)
      expect(r.out).toMatch(/4 条 HAR 记录中有 2 个 BOS 请求/)
    }
  })

  it('keeps --json English unless --lang is given, and rejects unknown languages', async () => {
    const en = JSON.parse((await run(['analyze', sample, '--json'], { LANG: 'zh_CN.UTF-8' })).out)
    expect(en.entries[0].findings[0].title).toMatch(/^Request expired/)
    const zh = JSON.parse((await run(['analyze', sample, '--json', '--lang', 'zh_CN'])).out)
    expect(zh.entries[0].findings[0]).toMatchObject({ id: 'request-expired', skewSeconds: -1020 })
    expect(zh.entries[0].findings[0].title).toMatch(/请求已过期/)
    expect(zh.entries[0].error.message).toBe(en.entries[0].error.message) // the server's words stay as sent
    const bad = await run(['analyze', sample, '--lang', 'fr'])
    expect(bad.code).toBe(2)
    expect(bad.err).toMatch(/unknown language "fr"/)
  })
})

describe('prescan of entries written with JSON escapes', () => {
  it('sees an uploadId spelled with \\u escapes, as analyzeHar does', async () => {
    const part = (n: number, size: number) =>
      entry({
        url: `https://mybucket.bj.bcebos.com/v?partNumber=${n}&uploadId=u1`,
        method: 'PUT',
        req: { 'Content-Length': String(size) },
        res: { ...BOS_HEADERS, ETag: '"' + String(n).repeat(32) + '"' },
      })
    const text = JSON.stringify(har([part(1, 10), part(2, 10)])).replace(/uploadId/g, 'upload\\u0049d')
    const j = JSON.parse((await run(['analyze', file('escaped.har', text), '--json'])).out)
    expect(j.entries[0].findings.map((f: { id: string }) => f.id)).toEqual(['part-too-small'])
  })
})
