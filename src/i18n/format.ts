// Message templates: plain strings with `{name}` placeholders (a letter, then letters, digits or "_").
// Braces that do not form a placeholder are not allowed in catalogs (the catalog test checks it), so a
// JSON example in a message is passed as a parameter. Pure: no DOM, no extension API.

export type Params = Readonly<Record<string, string | number>>

/** Placeholder names of a template, as a type: Names<'{a} of {b}'> = 'a' | 'b'. */
export type PlaceholderNames<S> = S extends `${string}{${infer P}}${infer Rest}` ? P | PlaceholderNames<Rest> : never

/** The params argument of a template: none when it has no placeholder, else every placeholder required. */
export type ParamsArg<S> = [PlaceholderNames<S>] extends [never] ? [params?: Params] : [params: Readonly<Record<PlaceholderNames<S>, string | number>>]

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9_]*)\}/g

/** The distinct placeholder names of a template, sorted. */
export function placeholders(template: string): string[] {
  return [...new Set(Array.from(template.matchAll(PLACEHOLDER), (m) => m[1]!))].sort()
}

/** Braces that are not part of a `{name}` placeholder (the catalog test wants none). */
export function strayBraces(template: string): boolean {
  return /[{}]/.test(template.replace(PLACEHOLDER, ''))
}

/** Fills the placeholders; one without a value stays visible as `{name}` rather than vanishing. */
export function format(template: string, params?: Params): string {
  if (!params) return template
  const parts = compiled(template)
  // parts: literal, name, literal, name, …, literal (a template without placeholders is one literal).
  let out = parts[0]!
  for (let k = 1; k < parts.length; k += 2) {
    const v = params[parts[k]!]
    out += (v === undefined ? `{${parts[k]}}` : String(v)) + parts[k + 1]!
  }
  return out
}

// Templates split once: a report renders the same few hundred catalog strings again and again (the
// regex replace with a callback was a tenth of the analysis of a large HAR). Bounded: past the limit,
// templates (a message built at run time) are split each time.
const COMPILED = new Map<string, readonly string[]>()
const COMPILED_MAX = 4096

function compiled(template: string): readonly string[] {
  const parts = COMPILED.get(template)
  if (parts) return parts
  const out: string[] = []
  let last = 0
  for (const m of template.matchAll(PLACEHOLDER)) {
    out.push(template.slice(last, m.index), m[1]!)
    last = m.index + m[0].length
  }
  out.push(template.slice(last))
  if (COMPILED.size < COMPILED_MAX) COMPILED.set(template, out)
  return out
}

/**
 * The template split at its placeholders, each replaced by its value as is: for UI code that puts an
 * element (a <code>, a button) where the placeholder is. Empty strings are left out.
 */
export function formatParts<T>(template: string, params: Readonly<Record<string, T>>): (string | T)[] {
  const parts = compiled(template)
  const out: (string | T)[] = []
  // Text runs up to the next placeholder that has a value; one without stays in the text as `{name}`.
  let text = parts[0]!
  for (let k = 1; k < parts.length; k += 2) {
    const name = parts[k]!
    if (name in params) {
      if (text) out.push(text)
      out.push(params[name] as T)
      text = parts[k + 1]!
    } else text += `{${name}}${parts[k + 1]}`
  }
  if (text) out.push(text)
  return out
}
