// The English UI catalog: the extension's name and description, the panel, the DevTools page's messages
// to it (as keys the panel says in its language), and the small vocabulary (durations, clock skew) that
// both the panel and the core use. Its keys and placeholders are the reference every other locale is
// checked against (test/i18n/catalogs.test.ts).
//
// Keys are semantic (`area.thing.variant`); plural messages come as `….one` / `….other` (see tn).
// Placeholders are `{name}`; literal braces are not allowed (pass JSON examples as parameters).
// The ext* messages are also what the browser shows for the manifest's __MSG_ext…__ names: the build
// writes them to _locales/<locale>/messages.json (./vite-plugin-locales.ts), so they exist once, here.
//
// The catalog is written in two parts, so that the panel's startup carries only what its first paint
// shows (see ./load.ts): ./ui/en.startup.ts and ./ui/en.views.ts. Every key is in exactly one of them.

import { enStartup } from './ui/en.startup.ts'
import { enViews } from './ui/en.views.ts'

export const en = { ...enStartup, ...enViews } as const

export type UiKey = keyof typeof en
