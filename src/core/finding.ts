// How a finding is born: an id from the vocabulary, its title and detail as messages (src/i18n/report-message.ts),
// its facts. The English title and detail are rendered here from the same catalog any other language uses.
import type { Locale } from '../i18n/locale.ts'
import { reportEn } from '../i18n/report-en.ts'
import { type Message, renderText, type Text } from '../i18n/report-message.ts'
import type { FindingId } from './finding-ids.ts'
import type { Finding, Severity } from './types.ts'

/** A text in English (the core's own language: titles, details, notes in --json). */
export const english = (t: Text): string => renderText(t, 'en' satisfies Locale, reportEn)

/** A finding; `facts` follow `detail` in the order given, `message` comes last (the --json field order). */
export function finding(id: FindingId, severity: Severity, title: Message, detail: Text, facts?: Readonly<Record<string, unknown>>): Finding {
  return { id, severity, title: english(title), detail: english(detail), ...facts, message: { title, detail } }
}
