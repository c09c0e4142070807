// A UI message as data: its key and parameters, for a window that has no catalog to say it in another
// that has (the DevTools page reports an import problem; the panel says it in its language with
// src/panel/i18n.ts `say`). Plain JSON, so it crosses between windows. No catalog and no translator
// here: the DevTools page imports this alone.
import type { en, UiKey } from './en.ts'
import type { Params, ParamsArg } from './format.ts'

export interface UiMessage {
  key: UiKey
  params?: Params
}

/** A UiMessage, its parameters type-checked like t's. */
export const uiMessage = <K extends UiKey>(key: K, ...[params]: ParamsArg<(typeof en)[K]>): UiMessage => (params ? { key, params } : { key })
