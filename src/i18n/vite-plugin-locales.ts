// A tiny Vite plugin that writes the extension's _locales/<locale>/messages.json at build time from the
// TS catalogs, so the manifest's __MSG_extName__ / __MSG_extShortName__ / __MSG_extDescription__ and the
// panel's strings have one source. Wire it into the extension build (not the CLI build), together with
// `default_locale: 'en'` in manifest.config.ts: Chrome refuses an extension that has _locales without
// default_locale, and one whose default_locale has no _locales folder.
//
// Only the manifest's messages go to messages.json: the panel and the DevTools page render from the TS
// catalogs (src/i18n/index.ts) with the locale from chrome.i18n.getUILanguage(), which works the same in
// tests and in the CLI, and keeps {name} placeholders instead of Chrome's $1 format.
import type { Plugin } from 'vite'
import { en } from './en.ts'
import { LOCALES, type Locale } from './locale.ts'
import { zh_CN } from './zh_CN.ts'

/** The messages the manifest uses, with the Chrome Web Store's length limits (characters). */
export const EXTENSION_MESSAGES = {
  extName: { max: 45, description: "Extension name in the browser's extension list and the Chrome Web Store." },
  extShortName: { max: 12, description: 'Short extension name, where space is tight.' },
  extDescription: { max: 132, description: 'Extension description in the extension list and the Chrome Web Store.' },
} as const

type ExtensionKey = keyof typeof EXTENSION_MESSAGES
type ChromeMessages = Record<ExtensionKey, { message: string; description: string }>

const CATALOGS: Record<Locale, Record<ExtensionKey, string>> = { en, zh_CN }

/** The messages.json of one locale; throws when a message breaks a store limit or Chrome's format. */
export function extensionMessages(locale: Locale): ChromeMessages {
  const out = {} as ChromeMessages
  for (const key of Object.keys(EXTENSION_MESSAGES) as ExtensionKey[]) {
    const message = CATALOGS[locale][key]
    const { max, description } = EXTENSION_MESSAGES[key]
    if (!message.trim()) throw new Error(`${locale} ${key} is empty`)
    if ([...message].length > max) throw new Error(`${locale} ${key} has ${[...message].length} characters, more than the ${max} allowed: "${message}"`)
    // "$" starts a placeholder in Chrome's messages.json format.
    if (message.includes('$')) throw new Error(`${locale} ${key} contains "$", which messages.json reads as a placeholder`)
    out[key] = { message, description }
  }
  return out
}

/** Emits _locales/en/messages.json and _locales/zh_CN/messages.json into the build output. */
export function bosLocales(): Plugin {
  return {
    name: 'bos-locales',
    generateBundle() {
      for (const locale of LOCALES) {
        this.emitFile({ type: 'asset', fileName: `_locales/${locale}/messages.json`, source: JSON.stringify(extensionMessages(locale), null, 2) + '\n' })
      }
    },
  }
}
