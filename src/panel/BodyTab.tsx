// Body: the error body as DevTools kept it, pretty-printed, with a Raw toggle, and an honest state
// when there is nothing to show (pending, not kept by DevTools, binary, cut at the cap).
import { useState } from 'preact/hooks'
import { BODY_CAP, type CapturedRecord } from '../devtools/store-types.ts'
import { bytes } from './format.ts'
import { analysisText, t } from './i18n.ts'
import { readableBody } from './prettyBody.ts'

export function BodyTab({ record: r }: { record: CapturedRecord }) {
  const [raw, setRaw] = useState(false)
  const b = r.body
  const c = r.entry.response.content
  const note = analysisText(r.analysis).body.note
  const meta = [c.mimeType || t('body.noContentType'), bytes(c.size)].join(' · ')

  if (b.state === 'pending') return <Placeholder testId="body-pending" text={t('body.loading')} />
  if (b.state === 'unavailable') return <Placeholder testId="body-unavailable" text={t('body.unavailable')} note={note} />
  if (b.state === 'not-needed') return <Placeholder testId="body-not-needed" text={t('body.notNeeded', { meta })} note={note} />

  const body = readableBody(c)
  if (body.text === null) return <Placeholder testId="body-binary" text={t('body.binary', { meta })} note={note} />
  if (body.text === '') return <Placeholder testId="body-empty" text={t('body.empty')} note={note} />
  const shown = raw || body.pretty === null ? body.text : body.pretty
  return (
    <div class="body" data-testid="body">
      <div class="body-bar">
        {body.pretty !== null && (
          <span class="segmented" role="group" aria-label={t('body.view')}>
            <button type="button" aria-pressed={!raw} data-testid="body-pretty" onClick={() => setRaw(false)}>
              {t('body.pretty')}
            </button>
            <button type="button" aria-pressed={raw} data-testid="body-raw" onClick={() => setRaw(true)}>
              {t('body.raw')}
            </button>
          </span>
        )}
        <span class="muted">{meta}</span>
        {note && <span class="body-note">{note}</span>}
      </div>
      {b.capped && (
        <div class="banner banner-info" data-testid="body-capped">
          {c.size >= 0
            ? t('body.capped', { kb: Math.round(BODY_CAP / 1024), size: bytes(c.size) })
            : t('body.capped.noSize', { kb: Math.round(BODY_CAP / 1024) })}
        </div>
      )}
      <pre class={`code-block kind-${body.kind}`} data-testid="body-text">
        {shown}
      </pre>
    </div>
  )
}

function Placeholder({ text, note, testId }: { text: string; note?: string | null; testId: string }) {
  return (
    <div class="placeholder" data-testid={testId}>
      <p>{text}</p>
      {note && <p class="muted">{note}</p>}
    </div>
  )
}
