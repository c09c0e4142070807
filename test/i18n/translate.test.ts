// The typed helpers: language resolution, t/tn, formatting, joining.
import { describe, expect, it, vi } from 'vitest'
import {
  bindUi,
  format,
  formatParts,
  joinClauses,
  joinList,
  joinSentences,
  localeFromEnv,
  parseLocaleOption,
  placeholders,
  resolveLocale,
  sayUi,
  t,
  template,
  tn,
  uiMessage,
} from '../../src/i18n/index.ts'
import { registerAllLocales } from '../../src/i18n/all.ts'
import { en } from '../../src/i18n/en.ts'
import { loadUiLocale } from '../../src/i18n/load.ts'
import { tr, trn } from '../../src/i18n/report.ts'
import { createTranslator } from '../../src/i18n/translator.ts'
import { zh_CN } from '../../src/i18n/zh_CN.ts'

registerAllLocales()

describe('resolveLocale', () => {
  it.each([
    ['zh', 'zh_CN'],
    ['zh-CN', 'zh_CN'],
    ['zh_CN', 'zh_CN'],
    ['zh_CN.UTF-8', 'zh_CN'],
    ['zh_CN.utf8@pinyin', 'zh_CN'],
    ['ZH-cn', 'zh_CN'],
    ['zh-Hans', 'zh_CN'],
    ['zh-Hans-CN', 'zh_CN'],
    ['zh-SG', 'zh_CN'],
    // Traditional Chinese gets Simplified until there is a zh_TW catalog (documented in locale.ts).
    ['zh-TW', 'zh_CN'],
    ['zh-HK', 'zh_CN'],
    ['zh-Hant', 'zh_CN'],
    ['en', 'en'],
    ['en-US', 'en'],
    ['en_GB.UTF-8', 'en'],
    ['ja-JP', 'en'],
    ['de', 'en'],
    ['C', 'en'],
    ['POSIX', 'en'],
    ['C.UTF-8', 'en'],
    ['', 'en'],
    ['  ', 'en'],
    ['zhx', 'en'],
  ])('%j → %s', (tag, want) => expect(resolveLocale(tag)).toBe(want))

  it('treats a missing tag as English', () => {
    expect(resolveLocale(undefined)).toBe('en')
    expect(resolveLocale(null)).toBe('en')
  })
})

describe('parseLocaleOption (--lang)', () => {
  it.each([
    ['en', 'en'],
    ['en-US', 'en'],
    ['zh', 'zh_CN'],
    ['zh_CN', 'zh_CN'],
    ['zh-CN', 'zh_CN'],
    ['zh-cn', 'zh_CN'],
    ['fr', null],
    ['chinese', null],
    ['', null],
  ])('%j → %s', (v, want) => expect(parseLocaleOption(v)).toBe(want))
})

describe('localeFromEnv (CLI without --lang)', () => {
  it.each([
    [{}, 'en'],
    [{ LANG: 'zh_CN.UTF-8' }, 'zh_CN'],
    [{ LANG: 'en_US.UTF-8' }, 'en'],
    [{ LANG: 'en_US.UTF-8', LC_ALL: 'zh_CN.UTF-8' }, 'zh_CN'],
    [{ LANG: 'zh_CN.UTF-8', LC_ALL: 'C' }, 'en'],
    [{ LANG: 'en_US.UTF-8', LC_MESSAGES: 'zh_CN.UTF-8' }, 'zh_CN'],
    [{ LANG: 'zh_CN.UTF-8', LC_ALL: '' }, 'zh_CN'],
    [{ LANG: 'en_US.UTF-8', LANGUAGE: 'zh_CN:en' }, 'zh_CN'],
    [{ LANG: 'zh_CN.UTF-8', LANGUAGE: 'fr:en' }, 'en'],
    // gettext ignores LANGUAGE when the locale is C.
    [{ LANG: 'C', LANGUAGE: 'zh_CN' }, 'en'],
    [{ LANGUAGE: 'zh_CN' }, 'en'],
  ])('%j → %s', (env, want) => expect(localeFromEnv(env)).toBe(want))
})

describe('t and tn', () => {
  it('fills placeholders in either language', () => {
    expect(t('en', 'toolbar.filter.invalidRegex', { error: 'Unterminated group' })).toBe('Invalid regular expression: Unterminated group')
    expect(t('zh_CN', 'toolbar.filter.invalidRegex', { error: 'Unterminated group' })).toBe('正则表达式无效：Unterminated group')
    expect(t('en', 'copy.debugId')).toBe('Copy x-bce-debug-id')
  })

  it('picks the plural form in English and fills {count}', () => {
    expect(tn('en', 'toolbar.count', 1)).toBe('1 request')
    expect(tn('en', 'toolbar.count', 0)).toBe('0 requests')
    expect(tn('en', 'toolbar.count', 5)).toBe('5 requests')
    expect(tn('zh_CN', 'toolbar.count', 1)).toBe('1 个请求')
    expect(tn('en', 'har.import.done', 2, { name: 'a.har', notes: '2 entries read' })).toBe('Imported 2 BOS requests from a.har (2 entries read).')
  })

  it('builds a finding title and detail from the report catalog', () => {
    const skew = t('zh_CN', 'skew.behind', { duration: t('zh_CN', 'time.minutes', { count: 17 }) })
    expect(tr('zh_CN', 'finding.clock-skew.title', { skew })).toBe('时钟偏差：本机时钟比服务器慢 17 分钟')
    expect(tr('en', 'finding.clock-skew.title', { skew: t('en', 'skew.behind', { duration: '17 minutes' }) })).toBe(
      'Clock skew: this computer is 17 minutes behind the server',
    )
    expect(trn('en', 'cli.summary.findings', 1)).toBe('1 finding')
  })

  it('checks parameters at compile time', () => {
    // @ts-expect-error: {error} is required
    t('en', 'toolbar.filter.invalidRegex')
    // @ts-expect-error: not a key
    t('en', 'toolbar.nope')
    // @ts-expect-error: {name} and {notes} are required besides the count
    tn('en', 'har.import.done', 2)
    expect(true).toBe(true)
  })

  it('hands out the raw template, placeholders unfilled, for formatParts', () => {
    expect(template('zh_CN', 'empty.hint')).toContain('{hosts}')
  })
})

describe('catalog registration', () => {
  it('answers with the key until English is registered, in English until the locale is, then in it', () => {
    const fresh = createTranslator<typeof en>()
    expect(fresh.t('en', 'toolbar.clear')).toBe('toolbar.clear') // nothing registered: the key, not a crash
    fresh.register('en', en)
    expect(fresh.t('zh_CN', 'toolbar.clear')).toBe('Clear')
    expect(fresh.isRegistered('zh_CN')).toBe(false)
    fresh.register('zh_CN', zh_CN)
    expect(fresh.t('zh_CN', 'toolbar.clear')).toBe('清除')
  })

  it('loads the UI catalogs on demand, by part (the panel)', async () => {
    vi.resetModules()
    const fresh = await import('../../src/i18n/index.ts')
    const { loadUiLocale: load, isUiPartLoaded } = await import('../../src/i18n/load.ts')
    expect(fresh.isUiLocaleLoaded('en')).toBe(false)
    expect(await load('en')).toBe('en') // the startup part
    expect(fresh.isUiLocaleLoaded('zh_CN')).toBe(false)
    expect(fresh.t('en', 'toolbar.preserveLog')).toBe('Preserve log')
    expect(isUiPartLoaded('en', 'views')).toBe(false)
    expect(fresh.t('en', 'detail.tab.summary')).toBe('detail.tab.summary') // not loaded yet: the key, not a crash
    expect(await load('zh_CN')).toBe('zh_CN')
    expect(fresh.t('zh_CN', 'toolbar.preserveLog')).toBe('保留日志')
    // A part adds to what the language has.
    expect(await load('zh_CN', 'views')).toBe('zh_CN')
    expect(isUiPartLoaded('zh_CN', 'views')).toBe(true)
    expect(fresh.t('zh_CN', 'detail.tab.summary')).toBe('概览')
    expect(fresh.t('zh_CN', 'toolbar.preserveLog')).toBe('保留日志')
    // The statically registered module instance answers the same.
    expect(await loadUiLocale('zh_CN')).toBe('zh_CN')
    expect(t('zh_CN', 'toolbar.preserveLog')).toBe('保留日志')
  })

  it('binds t to the current language, and keeps messages as data for another window', () => {
    let current: 'en' | 'zh_CN' = 'en'
    const ui = bindUi(() => current)
    expect(ui.t('toolbar.clear')).toBe('Clear')
    current = 'zh_CN'
    expect(ui.t('toolbar.clear')).toBe('清除')
    expect(ui.tn('toolbar.count', 2)).toBe('2 个请求')
    const m = uiMessage('har.import.empty', { name: 'a.har' })
    expect(JSON.parse(JSON.stringify(m))).toEqual({ key: 'har.import.empty', params: { name: 'a.har' } })
    expect(sayUi('en', m)).toBe('a.har is empty: there is nothing to import.')
    expect(sayUi('zh_CN', m)).toBe('a.har 是空文件，没有可导入的内容。')
    // @ts-expect-error: {name} is required
    uiMessage('har.import.empty')
  })
})

describe('format', () => {
  it('leaves a placeholder without a value visible', () => {
    expect(format('{a} and {b}', { a: 1 })).toBe('1 and {b}')
  })
  it('fills a template the same way each time it is used (templates are split once and kept)', () => {
    const t = '{n}: {x}{x} ({y}) {"json": 1} $& {n}'
    const cases: Record<string, string | number>[] = [
      { n: 'one', x: '$1', y: 2 },
      { n: 'two', x: '' },
      { n: '{x}', x: 'X', y: 0 },
    ]
    for (const p of cases) {
      const expected = t.replace(/\{([A-Za-z][A-Za-z0-9_]*)\}/g, (whole, name: string) => (name in p ? String(p[name]) : whole))
      expect(format(t, p)).toBe(expected)
    }
    expect(format('no placeholder', { a: 1 })).toBe('no placeholder')
    expect(format('{a}', { a: 'x' })).toBe('x')
  })
  it('ignores braces that are not placeholders', () => {
    expect(placeholders('{"key": 1} {name} {name} {x_1}')).toEqual(['name', 'x_1'])
  })
  it('splits a template around element placeholders', () => {
    const code = { tag: 'code' }
    expect(formatParts(template('en', 'settings.hint'), { example1: code, example2: code })).toEqual([
      'Requests to these hosts are treated as BOS traffic, e.g. a custom domain or a CDN in front of a bucket. One pattern per line: ',
      code,
      ' or ',
      code,
      '.',
    ])
  })
})

describe('joining', () => {
  it('uses the separators of each language', () => {
    expect(joinList('en', ['a', 'b'])).toBe('a, b')
    expect(joinList('zh_CN', ['a', 'b'])).toBe('a、b')
    expect(joinClauses('zh_CN', ['a', 'b'])).toBe('a；b')
    expect(joinSentences('en', ['One.', null, 'Two.'])).toBe('One. Two.')
    expect(joinSentences('zh_CN', ['一。', false, '二。'])).toBe('一。二。')
  })
})
