// x-bce-process in the panel's language, for the Headers tab's decoded value and the Summary: the core
// decodes and describes it (core/process.ts); the words come from the panel's catalog.
import { decodeProcess, describeProcess as describe, type ProcessInfo, type ProcessWords } from '../core/process.ts'
import { t } from './i18n.ts'

const words = (): ProcessWords => ({
  callback: (p) => t('process.callback', p),
  vars: (vars) => t('process.callback.vars', { vars }),
  configured: (key) => t('process.callback.configured', { key }),
  undecoded: t('process.callback.undecoded'),
})

export const describeProcess = (p: ProcessInfo): string => describe(p, words())

/** The Headers tab's decoder for an x-bce-process header value. */
export const decodeProcessHeader = (value: string): string => describeProcess(decodeProcess(value, 'header'))
