// The Chinese error-code texts cover the whole table, and stay out of the panel's initial bundle.
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { ERROR_CODES } from '../../src/core/error-codes.ts'
import { describeError, describeErrorCode, describeS3ErrorCode, ERROR_CODES_S3_ZH, ERROR_CODES_ZH } from '../../src/core/error-codes-zh.ts'
import { S3_ERROR_CODES } from '../../src/core/s3-error-codes.ts'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const CJK = /[\u4e00-\u9fff]/

describe('ERROR_CODES_ZH', () => {
  it('has exactly the codes of ERROR_CODES', () => {
    expect(Object.keys(ERROR_CODES_ZH).sort()).toEqual([...ERROR_CODES.keys()].sort())
  })

  it.each([...ERROR_CODES.values()].map((e) => [e.code, e] as const))('%s: non-empty Chinese description and advice, different from English', (code, entry) => {
    const zh = ERROR_CODES_ZH[code]!
    for (const field of ['description', 'advice'] as const) {
      expect(zh[field].trim(), field).not.toBe('')
      expect(zh[field], field).not.toBe(entry[field])
      expect(zh[field], field).toMatch(CJK)
      // Chinese sentences end with Chinese punctuation.
      expect(zh[field], field).toMatch(/[。）]$/)
    }
  })

  it('keeps the code names and the x-bce-* headers the English advice names', () => {
    for (const entry of ERROR_CODES.values()) {
      const zh = ERROR_CODES_ZH[entry.code]!
      const named = new Set(entry.advice.match(/x-bce-[a-z0-9-]+/g) ?? [])
      for (const h of named) expect(zh.advice, `${entry.code} ${h}`).toContain(h)
    }
  })
})

describe('ERROR_CODES_S3_ZH (the S3-compatible endpoint)', () => {
  it('has exactly the codes of S3_ERROR_CODES', () => {
    expect(Object.keys(ERROR_CODES_S3_ZH).sort()).toEqual([...S3_ERROR_CODES.keys()].sort())
  })

  it.each([...S3_ERROR_CODES.values()].map((e) => [e.code, e] as const))(
    '%s: Chinese description and advice that keep the names the English gives',
    (code, entry) => {
      const zh = ERROR_CODES_S3_ZH[code]!
      for (const field of ['description', 'advice'] as const) {
        expect(zh[field], field).not.toBe(entry[field])
        expect(zh[field], field).toMatch(CJK)
        expect(zh[field], field).toMatch(/[。）]$/)
        // headers, settings and values are data: the same in both languages
        for (const name of entry[field].match(/x-amz-[a-z0-9-]+|WHEN_REQUIRED|X-Amz-[A-Za-z-]+|UNSIGNED-PAYLOAD|\d{3,}/g) ?? [])
          expect(zh[field], `${code} ${name}`).toContain(name)
      }
    },
  )

  it('describeError picks the table whose English the core wrote', () => {
    const s3 = S3_ERROR_CODES.get('SignatureDoesNotMatch')!
    expect(describeError(s3, 'zh_CN')).toEqual(ERROR_CODES_S3_ZH.SignatureDoesNotMatch)
    const bos = ERROR_CODES.get('SignatureDoesNotMatch')!
    expect(describeError(bos, 'zh_CN')).toEqual(ERROR_CODES_ZH.SignatureDoesNotMatch)
    expect(describeError({ code: 'SignatureDoesNotMatch', description: 'other words', advice: 'x' }, 'zh_CN')).toBeUndefined()
    // a native code the S3 table lacks falls back to BOS's
    expect(describeS3ErrorCode('RequestExpired', 'zh_CN')).toEqual(ERROR_CODES_ZH.RequestExpired)
  })
})

describe('describeErrorCode', () => {
  it('answers in Chinese for zh_CN and in English for en', () => {
    expect(describeErrorCode('RequestExpired', 'zh_CN')).toEqual(ERROR_CODES_ZH.RequestExpired)
    const en = ERROR_CODES.get('RequestExpired')!
    expect(describeErrorCode('RequestExpired', 'en')).toEqual({ description: en.description, advice: en.advice })
  })

  it('matches codes case-insensitively, like lookupErrorCode', () => {
    expect(describeErrorCode('nosuchkey', 'zh_CN')).toEqual(ERROR_CODES_ZH.NoSuchKey)
  })

  it('knows nothing of codes outside the table', () => {
    expect(describeErrorCode('NoSuchThing', 'zh_CN')).toBeUndefined()
    expect(describeErrorCode('NoSuchThing', 'en')).toBeUndefined()
  })
})

/** Relative modules a file imports statically (import/export … from, side-effect import); not import(). */
function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  const out: string[] = []
  for (const m of text.matchAll(/^\s*(?:import|export)\s+(?:type\s+)?(?:[^'"]*?\s+from\s+)?['"](\.[^'"]+)['"]/gm)) {
    if (/^\s*(import|export)\s+type\s/.test(m[0])) continue // type-only: erased
    out.push(resolve(dirname(file), m[1]!))
  }
  return out
}

function initialGraph(entry: string): Set<string> {
  const seen = new Set<string>()
  const stack = [entry]
  while (stack.length) {
    const f = stack.pop()!
    if (seen.has(f) || !/\.(ts|tsx)$/.test(f)) continue
    seen.add(f)
    stack.push(...staticImports(f))
  }
  return seen
}

describe('panel bundle', () => {
  it('walks static imports and skips dynamic and type-only ones', () => {
    const rel = (entry: string) => [...initialGraph(resolve(root, entry))].map((f) => f.slice(root.length + 1))
    expect(rel('src/i18n/all.ts')).toContain('src/i18n/zh_CN.ts')
    expect(rel('src/i18n/load.ts')).not.toContain('src/i18n/zh_CN.ts') // import('./zh_CN.ts')
    expect(rel('src/i18n/index.ts')).not.toContain('src/i18n/en.ts') // import type
  })

  // The panel's initial chunk: what src/panel/main.tsx imports statically, transitively. UI catalogs come
  // through src/i18n/load.ts (dynamic imports); the report catalogs and the Chinese error-code table
  // belong to the DevTools page (the core analyses there) and the CLI.
  it('does not load the Chinese error-code table, the report catalogs or any UI catalog up front', () => {
    const graph = [...initialGraph(resolve(root, 'src/panel/main.tsx'))].map((f) => f.slice(root.length + 1))
    expect(graph).toContain('src/panel/App.tsx') // the walker works
    expect(graph.filter((f) => /core\/error-codes-zh|i18n\/(report|en|zh_CN|all)\b/.test(f))).toEqual([])
  })
})
