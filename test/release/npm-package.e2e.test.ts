// The npm package as a user gets it: `npm pack` (which runs `prepare`, building dist-cli/ and dist-lib/),
// the tarball installed into an empty project without network, the CLI run there, the library imported
// there (without @playwright/test, which it must not need), the types checked by a consumer's tsc, and
// a real Playwright run of the fixture, matchers and reporter (test/playwright).
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import lock from '../../package-lock.json' with { type: 'json' }
import pkg from '../../package.json' with { type: 'json' }
import { entry, har, requestExpiredEntry } from '../helpers/har.ts'

const ROOT = resolve('.')
const tmp = mkdtempSync(join(tmpdir(), 'bos-npm-'))
const project = join(tmp, 'project')
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

const SAMPLE = har([entry({ url: 'https://example.com/' }), requestExpiredEntry()])

// npm without the network: everything comes from the cache `npm ci` filled.
const npmEnv = { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' }
const run = (cmd: string, args: string[], cwd: string) => execFileSync(cmd, args, { cwd, env: npmEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })

/**
 * The consumer's lockfile: the tarball, and its dependencies at the versions and integrity this repository
 * locks. npm then takes them from its cache by integrity (`npm ci` put them there); a plain
 * `npm install --offline ./bos-devtools-<version>.tgz` would ask the registry for their metadata.
 */
function consumerLock(integrity: string) {
  const locked = lock.packages as Record<string, Record<string, unknown>>
  const deps = Object.fromEntries(Object.keys(pkg.dependencies).map((name) => [`node_modules/${name}`, locked[`node_modules/${name}`]]))
  const spec = `file:bos-devtools-${pkg.version}.tgz`
  return {
    name: 'consumer',
    lockfileVersion: 3,
    requires: true,
    packages: {
      '': { name: 'consumer', dependencies: { 'bos-devtools': spec } },
      'node_modules/bos-devtools': {
        version: pkg.version,
        resolved: spec,
        integrity,
        license: pkg.license,
        dependencies: pkg.dependencies,
        bin: pkg.bin,
        engines: pkg.engines,
        peerDependencies: pkg.peerDependencies,
        peerDependenciesMeta: pkg.peerDependenciesMeta,
      },
      ...deps,
    },
  }
}

let packed: { files: { path: string; mode: number }[]; integrity: string; filename: string }
beforeAll(() => {
  packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', tmp], ROOT))[0]
  mkdirSync(project)
  renameSync(join(tmp, packed.filename), join(project, packed.filename))
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies: { 'bos-devtools': `file:bos-devtools-${pkg.version}.tgz` } }),
  )
  writeFileSync(join(project, 'package-lock.json'), JSON.stringify(consumerLock(packed.integrity)))
  writeFileSync(join(project, 'session.har'), JSON.stringify(SAMPLE))
  run('npm', ['ci', '--offline', '--no-audit', '--no-fund'], project)
}, 120_000)

describe('npm pack', () => {
  it('ships only what runs: the CLI, the library bundles and their declarations', () => {
    const paths = packed.files.map((f) => f.path).sort()
    expect(paths).toContain('dist-cli/bos-devtools.mjs')
    for (const p of ['dist-lib/index.js', 'dist-lib/playwright.js', 'dist-lib/playwright-reporter.js', 'dist-lib/types/lib/index.d.ts'])
      expect(paths).toContain(p)
    const unexpected = paths.filter(
      (p) => !/^(package\.json|README\.md|LICENSE)$|^dist-cli\/[^/]+\.mjs$|^dist-lib\/(chunks\/)?[^/]+\.js$|^dist-lib\/types\/.+\.d\.ts$/.test(p),
    )
    expect(unexpected).toEqual([])
    expect(paths.filter((p) => /(^|\/)test\/|\.tsx?$/.test(p) && !p.endsWith('.d.ts'))).toEqual([])
    // The bin keeps its run bit in the tarball.
    expect((packed.files.find((f) => f.path === 'dist-cli/bos-devtools.mjs')!.mode & 0o111) !== 0).toBe(true)
  })
})

describe('installed from the tarball into an empty project', () => {
  it('npx bos-devtools analyze session.har --json', () => {
    expect(statSync(join(project, 'node_modules/.bin/bos-devtools')).isFile()).toBe(true)
    const out = run('npx', ['--offline', 'bos-devtools', 'analyze', 'session.har', '--json'], project)
    const j = JSON.parse(out)
    expect(j).toMatchObject({ tool: 'bos-devtools', version: pkg.version, summary: { entries: 2, bos: 1, errors: 1 } })
    expect(j.entries[0].error.code).toBe('RequestExpired')
    const gate = spawnSync('npx', ['--offline', 'bos-devtools', 'analyze', 'session.har', '--fail-on', 'error'], {
      cwd: project,
      env: npmEnv,
      encoding: 'utf8',
    })
    expect(gate.status).toBe(1)
    expect(gate.stdout).toContain('Request expired: your clock is 17 minutes behind the server')
  })

  it("import('bos-devtools') works without @playwright/test and matches the CLI", () => {
    expect(existsSync(join(project, 'node_modules/@playwright/test'))).toBe(false)
    const script = `
      import { readFileSync } from 'node:fs'
      import { analyzeHar, BosAnalyzer, formatReport, redactHar, toJsonReport } from 'bos-devtools'
      const har = JSON.parse(readFileSync('session.har', 'utf8'))
      const a = analyzeHar(har)
      const streaming = new BosAnalyzer()
      const one = har.log.entries.map((e, i) => streaming.analyze(e, i)).filter(Boolean)
      console.log(JSON.stringify({ json: toJsonReport(a), zh: formatReport(a, { locale: 'zh_CN' }), streamed: one.length, redacted: redactHar(har).log.entries.length }))`
    const r = JSON.parse(run('node', ['--input-type=module', '-e', script], project))
    const cli = JSON.parse(run('npx', ['--offline', 'bos-devtools', 'analyze', 'session.har', '--json'], project))
    expect(r.json).toEqual(cli)
    expect(r.streamed).toBe(1)
    expect(r.redacted).toBe(2)
    expect(r.zh).toContain('RequestExpired')
    expect(r.zh).toMatch(/[\u4e00-\u9fff]/)
    expect(r.zh).not.toContain('\x1b[')
  })

  it('bos-devtools/playwright loads with the peer present, and a consumer type-checks against the declarations', () => {
    mkdirSync(join(project, 'node_modules/@playwright'), { recursive: true })
    symlinkSync(join(ROOT, 'node_modules/@playwright/test'), join(project, 'node_modules/@playwright/test'), 'dir')
    // Playwright's own declarations need Node's (a Playwright project has them anyway).
    mkdirSync(join(project, 'node_modules/@types'), { recursive: true })
    symlinkSync(join(ROOT, 'node_modules/@types/node'), join(project, 'node_modules/@types/node'), 'dir')
    const loaded = run(
      'node',
      ['--input-type=module', '-e', "import('bos-devtools/playwright').then((m) => console.log(Object.keys(m).sort().join(',')))"],
      project,
    )
    expect(loaded.trim().split(',')).toEqual(expect.arrayContaining(['BosCapture', 'expect', 'test']))
    const reporter = run(
      'node',
      ['--input-type=module', '-e', "import('bos-devtools/playwright/reporter').then((m) => console.log(typeof m.default))"],
      project,
    )
    expect(reporter.trim()).toBe('function')
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          lib: ['esnext', 'dom'],
          noEmit: true,
          types: ['node'],
        },
        include: ['check.ts'],
      }),
    )
    writeFileSync(
      join(project, 'check.ts'),
      `import { analyzeHar, formatReport, toJsonReport, type JsonReport, type Finding } from 'bos-devtools'
import { test, expect } from 'bos-devtools/playwright'
const report: JsonReport = toJsonReport(analyzeHar({ log: { entries: [] } }))
const ids: string[] = report.entries.flatMap((e) => e.findings.map((f: Finding) => f.id))
const text: string = formatReport(analyzeHar({ log: { entries: [] } }), { locale: 'zh_CN' })
test('typed', async ({ bos }) => {
  await expect(bos).toHaveNoFindings({ severity: 'warning' })
  await expect(bos).toHaveNoBosErrors()
})
test('typo', async ({ bos }) => {
  // @ts-expect-error: the matchers are typed
  await expect(bos).toHaveNoBosError()
})
// @ts-expect-error: an unknown locale is a type error
formatReport(analyzeHar({}), { locale: 'fr' })
console.log(ids, text)
`,
    )
    const tsc = spawnSync(join(ROOT, 'node_modules/.bin/tsc'), ['-p', project], { cwd: project, encoding: 'utf8' })
    expect(tsc.stdout + tsc.stderr).toBe('')
    expect(tsc.status).toBe(0)
  })
})

interface PwResult {
  status: string
  attachments: { name: string; contentType: string; body?: string }[]
  errors: { message?: string }[]
}
interface PwSuite {
  specs: { title: string; tests: { results: PwResult[] }[] }[]
  suites?: PwSuite[]
}

// After the pack above (its `prepare` rebuilt dist-lib/, which this run loads): same file, so never at the same time.
describe('a real @playwright/test run of the fixture (test/playwright)', () => {
  const out = join(tmp, 'pw')
  let run: ReturnType<typeof spawnSync>
  const results = new Map<string, PwResult>()
  beforeAll(() => {
    run = spawnSync('npx', ['playwright', 'test', '-c', 'test/playwright/playwright.config.ts'], {
      cwd: ROOT,
      env: { ...process.env, BOS_PW_OUT: out, CI: '1', FORCE_COLOR: '0' },
      encoding: 'utf8',
      timeout: 110_000,
    })
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as { suites: PwSuite[] }
    const walk = (s: PwSuite) => {
      for (const spec of s.specs) results.set(spec.title, spec.tests[0]!.results[0]!)
      for (const child of s.suites ?? []) walk(child)
    }
    report.suites.forEach(walk)
  }, 120_000)

  it('fails exactly the upload that was meant to fail, with the BOS diagnosis as its message', () => {
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(1)
    expect([...results.keys()].sort()).toEqual(['upload succeeds and BOS has nothing to say', 'upload with a skewed clock (fails on purpose: RequestExpired)'])
    const failed = results.get('upload with a skewed clock (fails on purpose: RequestExpired)')!
    expect(failed.status).toBe('failed')
    const message = failed.errors.map((e) => e.message ?? '').join('\n')
    expect(message).toContain('toHaveNoBosErrors: 1 BOS request with errors')
    expect(message).toContain('PUT PutObject 403 RequestExpired  mybucket/skewed.txt (bj)')
    expect(message).toMatch(/Request expired: your clock is 40 minutes behind the server \[request-expired\]/)
  })

  it('attaches the text report, the JSON report and the redacted HAR to the failed test', () => {
    const failed = results.get('upload with a skewed clock (fails on purpose: RequestExpired)')!
    const byName = new Map(failed.attachments.map((a) => [a.name, a]))
    expect([...byName.keys()]).toEqual(expect.arrayContaining(['bos-report.txt', 'bos-report.json', 'bos.har']))
    const text = Buffer.from(byName.get('bos-report.txt')!.body!, 'base64').toString('utf8')
    expect(text).toContain('RequestExpired')
    const json = JSON.parse(Buffer.from(byName.get('bos-report.json')!.body!, 'base64').toString('utf8'))
    expect(json).toMatchObject({ tool: 'bos-devtools', summary: { bos: 1, errors: 1 } })
    expect(json.entries[0].findings.map((f: { id: string }) => f.id)).toEqual(['request-expired', 'clock-skew'])
    const harText = Buffer.from(byName.get('bos.har')!.body!, 'base64').toString('utf8')
    const harFile = JSON.parse(harText)
    const auth = harFile.log.entries[0].request.headers.find((h: { name: string }) => h.name.toLowerCase() === 'authorization')
    expect(auth.value).toMatch(/^bce-auth-v1\/AKIDEXAMPLE\/.+REDACTED/)
    expect(harText).not.toMatch(/[0-9a-f]{64}/)
  })

  it('a passing test attaches nothing', () => {
    const passed = results.get('upload succeeds and BOS has nothing to say')!
    expect(passed.status).toBe('passed')
    expect(passed.attachments).toEqual([])
  })

  it('the reporter sums the findings of the run by id', () => {
    const summary = JSON.parse(readFileSync(join(out, 'bos-findings.json'), 'utf8'))
    expect(summary).toEqual({
      testsWithFindings: 1,
      findings: {
        'request-expired': { severity: 'error', count: 1, tests: ['upload.pw.ts › upload with a skewed clock (fails on purpose: RequestExpired)'] },
        'clock-skew': { severity: 'warning', count: 1, tests: ['upload.pw.ts › upload with a skewed clock (fails on purpose: RequestExpired)'] },
      },
    })
    expect(run.stdout).toContain('1 × request-expired (error)')
  })
})
