// Loads UI catalogs on demand, for the panel: each part of each language is a chunk of its own in the
// extension package, so the panel's initial bundle carries no language, an English UI never fetches the
// Chinese messages, and the first paint waits only for its `startup` part (ui/<locale>.startup.ts); the
// `views` part (ui/<locale>.views.ts: detail tabs, dialogs, messages) is loaded after it.
//
// A catalog other than English is complete (test/i18n/catalogs.test.ts), so a Chinese UI loads no English.
// Resolves to the locale to render in: the one asked for, or English when its part failed to load.
// build/panel-size.ts finds the startup chunks by their names (<locale>.startup-<hash>.js) and
// counts the larger one in the panel's startup budget: keep the file names.
import { registerUiCatalog } from './index.ts'
import type { Locale } from './locale.ts'

export type UiPart = 'startup' | 'views'

type Part = Readonly<Record<string, string>>
const LOADERS: Record<Locale, Record<UiPart, () => Promise<Part>>> = {
  en: {
    startup: () => import('./ui/en.startup.ts').then((m) => m.enStartup),
    views: () => import('./ui/en.views.ts').then((m) => m.enViews),
  },
  zh_CN: {
    startup: () => import('./ui/zh_CN.startup.ts').then((m) => m.zhStartup),
    views: () => import('./ui/zh_CN.views.ts').then((m) => m.zhViews),
  },
}

const loaded = new Set<string>()

/** True once `part` of `locale` was loaded here (a catalog registered another way does not count). */
export const isUiPartLoaded = (locale: Locale, part: UiPart): boolean => loaded.has(`${locale}/${part}`)

async function loadPart(locale: Locale, part: UiPart): Promise<void> {
  if (isUiPartLoaded(locale, part)) return
  registerUiCatalog(locale, await LOADERS[locale][part]())
  loaded.add(`${locale}/${part}`)
}

export async function loadUiLocale(locale: Locale, part: UiPart = 'startup'): Promise<Locale> {
  try {
    await loadPart(locale, part)
    return locale
  } catch (e) {
    if (locale === 'en') throw e
    // English is the fallback of every message (translator.ts): the UI stays usable.
    await loadPart('en', part)
    return 'en'
  }
}
