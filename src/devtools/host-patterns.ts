// Validating the host patterns a user types (custom domains, CDNs in front of BOS). The core matches
// whatever it is given, so mistakes are caught here, where the settings UI can show the message.

const LABEL = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/

/**
 * `files.example.com` or `*.example.com`, lower-cased; a pasted URL is reduced to its host.
 * Throws an Error saying what is wrong with anything else.
 */
export function normaliseHostPattern(raw: string): string {
  const shown = raw.trim()
  const pattern = shown
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/[/?#].*$/, '')
    .replace(/:\d+$/, '')
  const wildcard = pattern.startsWith('*.')
  const host = wildcard ? pattern.slice(2) : pattern
  const labels = host.split('.')
  if (host === '' || host.length > 253 || !labels.every((l) => LABEL.test(l))) {
    throw new Error(`"${shown}" is not a host name: write it like files.example.com or *.example.com`)
  }
  // A bare `*.com` would treat a whole top-level domain as BOS and read error bodies from all of it.
  if (wildcard && labels.length < 2) {
    throw new Error(`"${shown}" matches every host under .${host}: name a domain, like *.example.com`)
  }
  return pattern
}

/** Trims, lower-cases, drops empties and duplicates (keeping the first); throws on the first invalid pattern. */
export function normaliseHostPatterns(patterns: readonly string[]): string[] {
  const out: string[] = []
  for (const raw of patterns) {
    if (raw.trim() === '') continue
    const p = normaliseHostPattern(raw)
    if (!out.includes(p)) out.push(p)
  }
  return out
}

/** For stored values written by another version: keeps the valid patterns, silently drops the rest. */
export function keepValidHostPatterns(stored: readonly unknown[]): string[] {
  const out: string[] = []
  for (const raw of stored) {
    if (typeof raw !== 'string' || raw.trim() === '') continue
    try {
      const p = normaliseHostPattern(raw)
      if (!out.includes(p)) out.push(p)
    } catch {
      // dropped: the user sees the list that is actually in effect
    }
  }
  return out
}
