// What the BOS-related headers mean, and their decoded value, in the panel's language: the Headers tab's
// side of src/core/headers.ts (explainHeaders), whose English table the UI catalog holds as `header.<name>`
// (test/panel/headers.test.ts checks that the two say the same in English). The panel does not import the
// core's table: its meanings are in the catalog already, and it would be a second copy in the bundle.
import { base64ToBytes, bytesToHex, bytesToText } from '../core/encoding.ts'
import type { UiKey } from '../i18n/index.ts'
import { t, template } from './i18n.ts'

export interface HeaderNote {
  meaning: string
  /** A decoded form of the value, when it differs from the raw one. */
  decoded: string | null
}

type Decoder = (value: string) => string | null

const date: Decoder = (v) => {
  const ms = Date.parse(v)
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null
}

const crc: Decoder = (v) => (/^\d{1,10}$/.test(v) && Number(v) <= 0xffffffff ? `0x${Number(v).toString(16).padStart(8, '0')}` : null)

const masked: Decoder = () => '••••'

const STORAGE_CLASSES = new Set(['STANDARD', 'STANDARD_IA', 'COLD', 'ARCHIVE', 'MAZ_STANDARD', 'MAZ_STANDARD_IA'])

const DECODERS: Record<string, Decoder> = {
  authorization: (v) => {
    const p = v.trim().split('/')
    if (p[0] !== 'bce-auth-v1' || p.length !== 6) return null
    const expiry = p[3] === '-1' ? t('header.authorization.never') : t('header.authorization.valid', { seconds: p[3]! })
    return t('header.authorization.decoded', { ak: p[1]!, timestamp: p[2]!, expiry, signedHeaders: p[4] || t('header.authorization.defaultSet') })
  },
  'x-bce-date': date,
  date,
  'x-bce-debug-id': (v) => {
    const b = base64ToBytes(v)
    const text = b && bytesToText(b)
    // Older debug ids decode to "IP:date:n"; newer ones are opaque binary.
    return text && /^[\x20-\x7e]+$/.test(text) ? text : null
  },
  'content-md5': (v) => {
    const b = base64ToBytes(v)
    return b && b.length === 16 ? `MD5 ${bytesToHex(b)}` : null
  },
  'x-bce-content-crc32': crc,
  'x-bce-content-crc32c': crc,
  'x-bce-storage-class': (v) => {
    const c = v.trim().toUpperCase()
    return STORAGE_CLASSES.has(c) ? t(`storageClass.${c}` as UiKey & `storageClass.${string}`) : null
  },
  'x-bce-security-token': masked,
  'x-bce-server-side-encryption-customer-key': masked,
}

/** Headers whose decoded value the extras chunk computes (../process.ts pulls in the core's decoder). */
export const LAZY_DECODED: ReadonlySet<string> = new Set(['x-bce-process'])

/** The catalog's `header.<name>` for a header the table knows (its sub-keys, like `.decoded`, are not headers). */
function meaningOf(name: string): string | null {
  if (!/^[a-z0-9-]+$/.test(name) || name === 'x-bce-meta' || name === 'x-bce-other') return null
  const key = `header.${name}` as UiKey
  return template(key) === key ? null : template(key)
}

/** What a BOS-relevant header means (every x-bce-* and the known standard ones); null for any other. */
export function explainHeader(name: string, value: string): HeaderNote | null {
  const key = name.toLowerCase()
  const meaning = meaningOf(key) ?? (key.startsWith('x-bce-meta-') ? t('header.x-bce-meta') : key.startsWith('x-bce-') ? t('header.x-bce-other') : null)
  if (meaning === null) return null
  let decoded: string | null = null
  try {
    decoded = DECODERS[key]?.(value) ?? null
  } catch {
    decoded = null
  }
  return { meaning, decoded: decoded === value ? null : decoded }
}
