// Every catalog family (UI: src/i18n/en.ts + zh_CN.ts; report: report-en.ts + report-zh_CN.ts) has the
// same keys in both languages, the same placeholders per key, no empty or brace-broken template, and no
// Chinese entry left in English except a short, explicit list of technical tokens.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { en } from '../../src/i18n/en.ts'
import { placeholders, strayBraces } from '../../src/i18n/format.ts'
import { reportEn } from '../../src/i18n/report-en.ts'
import { reportZh_CN } from '../../src/i18n/report-zh_CN.ts'
import { enStartup } from '../../src/i18n/ui/en.startup.ts'
import { enViews } from '../../src/i18n/ui/en.views.ts'
import { zhStartup } from '../../src/i18n/ui/zh_CN.startup.ts'
import { zhViews } from '../../src/i18n/ui/zh_CN.views.ts'
import { zh_CN } from '../../src/i18n/zh_CN.ts'

type Cat = Readonly<Record<string, string>>

/**
 * Chinese entries written in Latin script: technical tokens and names that BOS users read in Latin in the
 * console and docs as well (MD5, ETag, Policy, Host …), with the exact Chinese value. Each is checked, so
 * the list cannot go stale; any other entry that equals English or has no Chinese in it is untranslated.
 */
const LATIN_IN_CHINESE: Record<string, Readonly<Record<string, string>>> = {
  ui: {
    extShortName: 'BOS DevTools',
    'badge.md5': 'MD5',
    'badge.sha256': 'SHA-256',
    'badge.crc32': 'CRC32',
    'badge.sts': 'STS',
    'badge.v1': '/v1',
    'badge.cors': 'CORS',
    'badge.host': 'Host',
    'badge.policy': 'Policy',
    'copyAs.fetch': 'fetch',
    'copyAs.url': 'URL',
    'summary.url': 'URL',
    'summary.debugId': 'Debug ID',
    'upload.uploadId': 'Upload ID',
    'upload.col.etag': 'ETag',
  },
  report: {},
}

const FAMILIES: [name: string, en: Cat, zh: Cat][] = [
  ['ui', en, zh_CN],
  ['report', reportEn, reportZh_CN],
]

/** A CJK ideograph or CJK / full-width punctuation: what any real Chinese entry contains. */
const CHINESE = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/

describe.each(FAMILIES)('%s catalogs', (family, enCat, zhCat) => {
  const keys = Object.keys(enCat)

  it('have exactly the same keys in en and zh_CN', () => {
    expect(Object.keys(zhCat).sort()).toEqual([...keys].sort())
  })

  it('have the same placeholders per key', () => {
    const differ = keys.filter((k) => placeholders(enCat[k]!).join() !== placeholders(zhCat[k] ?? '').join())
    expect(differ.map((k) => `${k}: en {${placeholders(enCat[k]!)}} zh {${placeholders(zhCat[k] ?? '')}}`)).toEqual([])
  })

  it('have no empty or whitespace-only message', () => {
    for (const [lang, cat] of [
      ['en', enCat],
      ['zh_CN', zhCat],
    ] as const) {
      expect(
        Object.entries(cat)
          .filter(([, v]) => v.trim() === '')
          .map(([k]) => `${lang} ${k}`),
      ).toEqual([])
    }
  })

  it('use braces only for {name} placeholders', () => {
    for (const [lang, cat] of [
      ['en', enCat],
      ['zh_CN', zhCat],
    ] as const) {
      expect(
        Object.entries(cat)
          .filter(([, v]) => strayBraces(v))
          .map(([k]) => `${lang} ${k}`),
      ).toEqual([])
    }
  })

  it('come in complete plural pairs (.one with .other)', () => {
    const broken = keys.filter(
      (k) => (k.endsWith('.one') && !(k.replace(/\.one$/, '.other') in enCat)) || (k.endsWith('.other') && !(k.replace(/\.other$/, '.one') in enCat)),
    )
    expect(broken).toEqual([])
  })

  it('leave no Chinese entry in English, except the listed technical tokens', () => {
    const allowed = new Set(Object.keys(LATIN_IN_CHINESE[family]!))
    const untranslated = keys.filter((k) => !allowed.has(k) && zhCat[k] === enCat[k])
    expect(untranslated).toEqual([])
    const notChinese = keys.filter((k) => !allowed.has(k) && !CHINESE.test(zhCat[k] ?? ''))
    expect(notChinese).toEqual([])
  })

  it('write the listed technical tokens exactly as listed', () => {
    const listed = Object.entries(LATIN_IN_CHINESE[family]!)
    expect(listed.filter(([k, v]) => zhCat[k] !== v).map(([k]) => `${k}: ${zhCat[k]}`)).toEqual([])
  })

  it('write Chinese with full-width sentence punctuation, not ASCII, after Chinese text', () => {
    // "存储桶," or "对象." reads as machine output; ASCII punctuation belongs next to code and Latin only.
    const ascii = /[\u4e00-\u9fff][,;:!?](?=\s|$)|[\u4e00-\u9fff]\.(?=\s|$)|[\u4e00-\u9fff]\((?![^)]*[a-z])/
    expect(keys.filter((k) => ascii.test(zhCat[k] ?? '')).map((k) => `${k}: ${zhCat[k]}`)).toEqual([])
  })
})

describe('UI catalog parts (startup: before the first paint of the panel; views: after it)', () => {
  it('split each language the same way, every key in exactly one part', () => {
    expect(Object.keys(enStartup).filter((k) => k in enViews)).toEqual([])
    expect(Object.keys(zhStartup).sort()).toEqual(Object.keys(enStartup).sort())
    expect(Object.keys(zhViews).sort()).toEqual(Object.keys(enViews).sort())
    expect(Object.keys(en)).toHaveLength(Object.keys(enStartup).length + Object.keys(enViews).length)
  })

  it('keep in startup what the first paint shows, and nothing of the detail views', () => {
    for (const k of [
      'toolbar.filter.placeholder',
      'toolbar.count.other',
      'empty.title',
      'list.col.time',
      'badge.md5',
      'copy.debugId',
      'connecting.title',
      'common.loading',
      'lazy.failed',
    ]) {
      expect(enStartup, k).toHaveProperty([k])
    }
    expect(Object.keys(enStartup).filter((k) => /^(summary|headers|header|body|auth|sig|keyCheck|form|upload|ticket|settings|detail)\./.test(k))).toEqual([])
  })
})

describe('UI catalog: every message is used', () => {
  // Keys the code builds from a value (t(`detail.tab.${tab}`)), and the manifest's names (vite-plugin-locales.ts).
  const BUILT = [
    /^ext/,
    /^severity\./,
    /^matchedBy\./,
    /^detail\.tab\./,
    /^header\./,
    /^storageClass\./,
    /^trap\.[\w-]+\.title$/,
    /^form\.state\./,
    /^upload\.(outcome|state|link)\./,
    /^request\.timing\.(blocked|dns|connect|ssl|send|wait|receive)$/,
  ]
  const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]))
  const code = walk('src')
    .filter((f) => /\.tsx?$/.test(f) && !/src\/i18n\/(ui\/|en\.ts|zh_CN\.ts)/.test(f))
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n')

  it('is named in the code (a dead message would still be loaded, maybe before the first paint)', () => {
    const named = (k: string) => [k, k.replace(/\.(one|other)$/, '')].some((name) => code.includes(`'${name}'`))
    expect(Object.keys(en).filter((k) => !named(k) && !BUILT.some((re) => re.test(k)))).toEqual([])
  })
})

describe('UI catalog: strings other code depends on', () => {
  it('keeps the accessible name of the debug-id copy button exactly (tests find the button by it)', () => {
    expect(en['copy.debugId']).toBe('Copy x-bce-debug-id')
  })

  it('names the finding badges and matchedBy reasons that src/panel/format.ts knows', () => {
    for (const reason of ['virtual-host', 'path-style', 'service', 's3', 'cdn', 'custom-host', 'response-headers', 'signature']) {
      expect(en).toHaveProperty([`matchedBy.${reason}`])
    }
  })
})

describe('report catalog: every finding id has a title', () => {
  // The ids of README's "Finding ids" table.
  const ids = [
    'request-expired',
    'clock-skew',
    'presigned-expired',
    'md5-mismatch',
    'content-md5-malformed',
    'content-sha256-malformed',
    'content-crc32-malformed',
    'bad-digest',
    'status-mismatch',
    'unknown-code',
    'no-error-body',
    'error-body-not-bos',
    'error-body-truncated',
    'authorization-malformed',
    'signature-mismatch',
    'policy-expired',
    'policy-violation',
    'policy-invalid',
    'post-form-incomplete',
    'part-too-small',
    'part-etag-mismatch',
    'part-order-invalid',
    'parts-not-listed',
    'parts-not-uploaded',
    'upload-already-finished',
    'append-offset-incorrect',
    'append-not-appendable',
    'copy-precondition-failed',
    'cors-preflight-failed',
    'cors-not-allowed',
    'cors-etag-not-exposed',
    'anonymous-request',
    'cors-ids-not-exposed',
  ]
  it.each(ids)('%s', (id) => {
    const keys = Object.keys(reportEn).filter((k) => k.startsWith(`finding.${id}.`))
    expect(
      keys.some((k) => /\.title(\.|$)/.test(k)),
      `finding.${id}.title*`,
    ).toBe(true)
    // request-time-too-skewed shares request-expired's titles (same facts, another code).
    if (id !== 'request-expired')
      expect(
        keys.some((k) => /\.detail(\.|$)/.test(k)),
        `finding.${id}.detail*`,
      ).toBe(true)
  })
})
