// `*` patterns, as CORS rules and PostObject policy conditions use them.

/** Whether `value` matches `pattern`, where `*` stands for any run of characters (none included). */
export function wildcard(pattern: string, value: string, caseInsensitive = false): boolean {
  const re = new RegExp(
    '^' +
      pattern
        .split('*')
        .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*') +
      '$',
    caseInsensitive ? 'is' : 's',
  )
  return re.test(value)
}
