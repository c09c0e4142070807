// The Form tab of a PostObject (browser form upload): the form fields as sent (the signature and
// security token are never part of them), the file, and the decoded policy with each condition marked
// met or violated from the core's findings, its expiration measured against the server's Date.
import type { CapturedRecord } from '../../devtools/store-types.ts'
import { expiryAgainst } from '../AuthTab.tsx'
import { Facts } from '../Facts.tsx'
import { bytes, displayHeaderValue } from '../format.ts'
import { isSecretFormField } from '../../core/redact.ts'
import { analysisText, t, textIn } from '../i18n.ts'

interface Violation {
  condition: string
  expected: string
  actual: string
  message?: { expected?: unknown; actual?: unknown }
}

type CondState = 'met' | 'violated' | 'unchecked'

interface Row {
  text: string
  state: CondState
  note: string
}

/** A condition as policies are usually written: `["eq", "$key", "a.txt"]`, `{"bucket": "b"}`. */
const show = (v: unknown): string => (Array.isArray(v) ? `[${v.map((x) => JSON.stringify(x)).join(', ')}]` : (JSON.stringify(v) ?? String(v)))

/** Each policy condition, keyed the way the core names it in a policy-violation's `violations`. */
export function conditionRows(
  conditions: readonly unknown[],
  violations: readonly Violation[],
  file: { size: number | null; sizeIsUpperBound: boolean } | null,
): Row[] {
  const byCondition = new Map(violations.map((v) => [v.condition, v]))
  const row = (text: string, key: string, checkable: boolean, unchecked = t('form.note.notChecked'), secret = false): Row => {
    const v = byCondition.get(key)
    if (v)
      return {
        text,
        state: 'violated',
        note: secret
          ? t('form.note.secretDiffers')
          : t('form.note.expectedSent', { expected: textIn(v.message?.expected, v.expected), actual: textIn(v.message?.actual, v.actual) }),
      }
    return checkable ? { text, state: 'met', note: '' } : { text, state: 'unchecked', note: unchecked }
  }
  const out: Row[] = []
  for (const c of conditions) {
    if (Array.isArray(c)) {
      const [op, a, b] = c as unknown[]
      const secret = typeof a === 'string' && isSecretFormField(a)
      const text = show(secret ? [op, a, '••••'] : c)
      if (op === 'content-length-range' && typeof a === 'number' && typeof b === 'number') {
        const size = file?.size ?? null
        // A size that is only an upper bound (the whole request body) proves the range only when it fits below it.
        const known = size !== null && (!file?.sizeIsUpperBound || (size <= b && a <= 0))
        out.push(row(text, `content-length-range ${a}–${b}`, known, t('form.note.sizeNotKept')))
      } else if ((op === 'starts-with' || op === 'eq') && typeof a === 'string' && typeof b === 'string') {
        out.push(row(text, `["${op}", "${a}", "${b}"]`, true, '', secret))
      } else out.push(row(text, text, false))
    } else if (c && typeof c === 'object') {
      for (const [name, expected] of Object.entries(c as Record<string, unknown>)) {
        const key = `{"${name}": "${String(expected)}"}`
        const secret = isSecretFormField(name)
        out.push(row(`{${JSON.stringify(name)}: ${show(secret ? '••••' : expected)}}`, key, typeof expected === 'string', undefined, secret))
      }
    } else out.push(row(show(c), '', false))
  }
  return out
}

export function FormTab({ record: r }: { record: CapturedRecord }) {
  const a = analysisText(r.analysis)
  const post = a.post
  const find = (id: string) => a.findings.find((f) => f.id === id)
  if (!post) {
    const missing = find('post-form-incomplete') ?? find('policy-invalid')
    return (
      <div class="placeholder" data-testid="form-none">
        <p>{missing ? missing.detail : t('form.none')}</p>
      </div>
    )
  }
  const incomplete = find('post-form-incomplete')
  const missing = Array.isArray(incomplete?.missing) ? (incomplete.missing as string[]) : []
  const expired = find('policy-expired')
  const violation = find('policy-violation')
  const violations = Array.isArray(violation?.violations) ? (violation.violations as Violation[]) : []
  const policy = post.policy

  const serverMs = a.clock ? Date.parse(a.clock.serverDate) : NaN
  const startMs = Date.parse(r.entry.startedDateTime)
  const [nowMs, who] = Number.isFinite(serverMs) ? [serverMs, t('form.event.server')] : [startMs, t('form.event.client')]
  const expMs = policy?.expiration ? Date.parse(policy.expiration) : NaN
  const expiry = Number.isFinite(expMs) ? expiryAgainst(expMs, nowMs, who) : null
  const rows = policy ? conditionRows(policy.conditions, violations, post.file) : []
  const fields = Object.entries(post.fields)

  return (
    <div class="post-form" data-testid="post-form">
      <section class="section">
        <h3 class="section-title">
          {t('form.fields')} <span class="count">{t('upload.parts.count', { count: fields.length })}</span>
        </h3>
        <Facts
          testId="form-fields"
          rows={[
            ...fields.map(([name, value]): [string, string, { mono: boolean }] => [
              name,
              isSecretFormField(name) ? '••••' : displayHeaderValue(name, value),
              { mono: true },
            ]),
            ['policy', missing.includes('policy') ? t('form.notSent') : t('form.policy.value')],
            ['signature', missing.includes('signature') ? t('form.notSent') : t('form.signature.value'), { testId: 'form-signature' }],
          ]}
        />
      </section>
      <section class="section">
        <h3 class="section-title">{t('form.file')}</h3>
        <Facts
          testId="form-file"
          rows={
            post.file
              ? [
                  post.file.name === null
                    ? [t('form.fileName'), post.file.sizeIsUpperBound ? t('form.fileName.notKept') : t('form.fileName.none')]
                    : [t('form.fileName'), post.file.name, { mono: true }],
                  [
                    t('form.size'),
                    post.file.size === null
                      ? t('common.unknown')
                      : post.file.sizeIsUpperBound
                        ? t('form.size.upperBound', { size: bytes(post.file.size) })
                        : t('form.size.value', { size: bytes(post.file.size), bytes: post.file.size }),
                  ],
                ]
              : [[t('form.file'), t('form.noFile')]]
          }
        />
      </section>
      <section class="section" data-testid="form-policy">
        <h3 class="section-title">{t('form.policy')}</h3>
        {!policy ? (
          <p class="muted">{find('policy-invalid')?.detail ?? t('form.noPolicy')}</p>
        ) : (
          <>
            <Facts
              rows={[
                [
                  t('form.expiration'),
                  <span class={expired ? 'state-violated' : undefined}>
                    {policy.expiration ?? t('form.expiration.none')}
                    {expiry && t('form.expiration.relative', { expiry })}
                  </span>,
                  { testId: 'policy-expiration' },
                ],
              ]}
            />
            <table class="data-table policy-table" data-testid="policy-conditions">
              <thead>
                <tr>
                  <th>{t('form.col.condition')}</th>
                  <th>{t('form.col.state')}</th>
                  <th>{t('form.col.details')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((c, i) => (
                  <tr key={i} class={c.state === 'violated' ? 'bad' : ''} data-testid="policy-condition" data-state={c.state}>
                    <td class="mono">{c.text}</td>
                    <td class={`state state-${c.state}`}>{c.state === 'unchecked' ? '—' : t(`form.state.${c.state}`)}</td>
                    <td>{c.note}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>
    </div>
  )
}
