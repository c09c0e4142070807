// x-bce-process: BOS's processing instructions, in the header (uploads: the upload callback) or the query
// (GetObject: image, video and document processing, styles). Decoded into steps; a callback's URLs and
// variables, which the SDKs send as URL-safe base64 JSON (@baiducloud/sdk bos_client.js _checkOptions:
// "callback/callback,u_{urls},m_sync,v_{vars}[,e_config][,k_{key}]"), decoded too.
import { base64ToBytes, bytesToText } from './encoding.ts'
import type { Exchange } from './har.ts'

export interface ProcessStep {
  action: string
  /** The step's `k_v` parameters by key, as sent (a bare word without `_` is a key with value ''). */
  params: Record<string, string>
}

export type ProcessProblem = 'urls-not-base64' | 'urls-not-json-list' | 'url-not-http' | 'vars-not-base64' | 'vars-not-json-object' | 'no-urls'

export interface CallbackInfo {
  /** The callback URLs (u_), or null when they could not be decoded. */
  urls: string[] | null
  /** m_: `sync` is what the SDKs send. */
  mode: string | null
  /** v_: the custom variables BOS passes to the callback. */
  vars: Record<string, unknown> | null
  /** e_config and k_{key}: the callback address is looked up in the bucket's configuration under that key. */
  encrypt: string | null
  key: string | null
}

export interface ProcessInfo {
  source: 'header' | 'query'
  /** What the command processes: `image`, `callback`, `style`, `video`, `doc`, … (the first segment). */
  kind: string
  steps: ProcessStep[]
  callback: CallbackInfo | null
  /** What could not be decoded (a callback the SDK would not have written that way). */
  problems: ProcessProblem[]
}

/** URL-safe base64 (with or without padding) to UTF-8 text; null when it is not. */
export function urlSafeBase64Text(s: string): string | null {
  const bytes = base64ToBytes(s.replace(/-/g, '+').replace(/_/g, '/'))
  return bytes ? bytesToText(bytes) : null
}

function parseStep(segment: string): ProcessStep {
  const [action = '', ...rest] = segment.split(',')
  const params: Record<string, string> = {}
  for (const p of rest) {
    const i = p.indexOf('_')
    if (p) params[i < 0 ? p : p.slice(0, i)] = i < 0 ? '' : p.slice(i + 1)
  }
  return { action: action.trim(), params }
}

function json(text: string | null): { ok: true; value: unknown } | { ok: false } {
  if (text === null) return { ok: false }
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch {
    return { ok: false }
  }
}

function decodeCallback(params: Record<string, string>, problems: ProcessProblem[]): CallbackInfo {
  let urls: string[] | null = null
  const u = params.u
  if (u === undefined) {
    if (params.k === undefined) problems.push('no-urls')
  } else {
    const text = urlSafeBase64Text(u)
    const parsed = json(text)
    if (text === null) problems.push('urls-not-base64')
    else if (!parsed.ok || !Array.isArray(parsed.value) || !parsed.value.every((x) => typeof x === 'string')) problems.push('urls-not-json-list')
    else {
      urls = parsed.value as string[]
      if (urls.some((x) => !/^https?:\/\//i.test(x))) problems.push('url-not-http')
    }
  }
  let vars: Record<string, unknown> | null = null
  if (params.v !== undefined) {
    const text = urlSafeBase64Text(params.v)
    const parsed = json(text)
    if (text === null) problems.push('vars-not-base64')
    else if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value)) problems.push('vars-not-json-object')
    else vars = parsed.value as Record<string, unknown>
  }
  return { urls, mode: params.m ?? null, vars, encrypt: params.e ?? null, key: params.k ?? null }
}

/** Decodes one x-bce-process value: `{kind}/{step}/{step}…`, each step `{action},{k}_{v},…`. */
export function decodeProcess(value: string, source: ProcessInfo['source']): ProcessInfo {
  const [kind = '', ...segments] = value.trim().split('/')
  const steps = segments.filter((s) => s !== '').map(parseStep)
  const problems: ProcessProblem[] = []
  const cb = kind === 'callback' ? steps.find((s) => s.action === 'callback') : undefined
  return { source, kind, steps, callback: cb ? decodeCallback(cb.params, problems) : null, problems }
}

/** The x-bce-process of an exchange: the header first, then the query; null when there is none. */
export function findProcess(x: Exchange, query: URLSearchParams): ProcessInfo | null {
  const header = x.requestHeaders.get('x-bce-process')
  if (header?.trim()) return decodeProcess(header, 'header')
  const q = query.get('x-bce-process')
  return q?.trim() ? decodeProcess(q, 'query') : null
}

/** The words a description needs, in the caller's language (the panel's catalog, or English here). */
export interface ProcessWords {
  callback: (p: { target: string; mode: string; vars: string }) => string
  vars: (vars: string) => string
  configured: (key: string) => string
  undecoded: string
}

export const ENGLISH_PROCESS_WORDS: ProcessWords = {
  callback: ({ target, mode, vars }) => `Upload callback to ${target}, mode ${mode}${vars}`,
  vars: (vars) => `; variables ${vars}`,
  configured: (key) => `the address configured under key "${key}"`,
  undecoded: 'URLs that cannot be decoded',
}

const step = (s: ProcessStep) => {
  const params = Object.entries(s.params).map(([k, v]) => (v === '' ? k : `${k}=${v}`))
  return params.length ? `${s.action} (${params.join(', ')})` : s.action
}

/** One line for people: "image: resize (w=200) → quality (q=80)", or where a callback goes. */
export function describeProcess(p: ProcessInfo, words: ProcessWords = ENGLISH_PROCESS_WORDS): string {
  const cb = p.callback
  if (!cb) return `${p.kind}: ${p.steps.map(step).join(' → ')}`
  const target = cb.urls?.length ? cb.urls.join(', ') : cb.key ? words.configured(cb.key) : words.undecoded
  return words.callback({ target, mode: cb.mode ?? '—', vars: cb.vars ? words.vars(JSON.stringify(cb.vars)) : '' })
}
