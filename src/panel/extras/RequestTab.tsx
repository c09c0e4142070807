// Request: what the browser sent beyond its headers (the query, the payload or form fields) and how long
// each phase took, from the HAR timings DevTools measured. Secrets are masked as everywhere else: the URL
// is the core's redacted one, payloads and form values go through core/redact.ts.
import { useState } from 'preact/hooks'
import { redactBodyText, redactFormField, redactFormText } from '../../core/redact.ts'
import { CopyButton } from '../CopyButton.tsx'
import { curl, fetchCall } from './copy-as.ts'
import { type CapturedRecord, TIMING_PHASES, type TimingPhase } from '../../devtools/store-types.ts'
import { bytes, duration } from '../format.ts'
import { t } from '../i18n.ts'
import { readableBody } from '../prettyBody.ts'

function queryOf(url: string): [string, string][] {
  try {
    return [...new URL(url).searchParams.entries()]
  } catch {
    return []
  }
}

export function RequestTab({ record: r }: { record: CapturedRecord }) {
  const query = queryOf(r.analysis.url)
  const pd = r.entry.request.postData
  const size = r.entry.request.bodySize
  return (
    <div class="request-tab" data-testid="request-tab">
      <CopyAs record={r} />
      <section class="section">
        <h3 class="section-title">
          {t('request.query')} <span class="count">({query.length})</span>
        </h3>
        {query.length === 0 ? (
          <p class="muted">{t('request.query.none')}</p>
        ) : (
          <table class="data-table" data-testid="request-query">
            <tbody>
              {query.map(([k, v], i) => (
                <tr key={i}>
                  <th scope="row" class="mono">
                    {k}
                  </th>
                  <td class="mono">{v}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <Payload postData={pd} size={size} />
      <Timing record={r} />
    </div>
  )
}

/** The Network panel's Copy as…, masked by default; secrets only when the box is ticked (not remembered). */
function CopyAs({ record: r }: { record: CapturedRecord }) {
  const [secrets, setSecrets] = useState(false)
  const o = { secrets }
  const response = r.entry.response.content.text
  const responseText = response === undefined || r.entry.response.content.encoding === 'base64' ? null : secrets ? response : redactBodyText(response)
  return (
    <section class="section copy-as" data-testid="copy-as">
      <h3 class="section-title">{t('copyAs.title')}</h3>
      <div class="copy-as-row">
        <CopyButton text={curl(r, 'bash', o)} label={t('copyAs.curlBash')} testId="copy-curl-bash" multiline />
        <CopyButton text={curl(r, 'cmd', o)} label={t('copyAs.curlCmd')} testId="copy-curl-cmd" multiline />
        <CopyButton text={fetchCall(r, o)} label={t('copyAs.fetch')} testId="copy-fetch" multiline />
        <CopyButton text={r.entry.request.url} label={t('copyAs.url')} testId="copy-url" />
        <CopyButton
          text={responseText}
          label={t('copyAs.response')}
          title={responseText === null ? t('copyAs.response.none') : undefined}
          testId="copy-response"
          multiline
        />
        <label class="toolbar-check" title={t('copyAs.secrets.title')}>
          <input type="checkbox" checked={secrets} data-testid="copy-secrets" onChange={(e) => setSecrets(e.currentTarget.checked)} />
          {t('copyAs.secrets')}
        </label>
      </div>
    </section>
  )
}

function Payload({ postData: pd, size }: { postData: CapturedRecord['entry']['request']['postData']; size: number }) {
  const meta = [pd?.mimeType || null, size > 0 ? bytes(size) : null].filter(Boolean).join(' · ')
  let content = <p class="muted">{size > 0 ? t('request.payload.notKept', { size: bytes(size) }) : t('request.payload.none')}</p>
  if (pd?.params?.length) {
    content = (
      <table class="data-table" data-testid="request-form">
        <tbody>
          {pd.params.map((p, i) => (
            <tr key={i}>
              <th scope="row" class="mono">
                {p.name}
              </th>
              <td class="mono">{p.fileName ? t('request.payload.file', { name: p.fileName }) : redactFormField(p.name, p.value ?? '')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    )
  } else if (pd?.text) {
    const masked = /form/i.test(pd.mimeType) ? redactFormText(pd.text) : redactBodyText(pd.text)
    const body = readableBody({ text: masked, mimeType: pd.mimeType })
    content =
      body.text === null ? (
        <p class="muted">{t('request.payload.binary')}</p>
      ) : (
        <pre class={`code-block kind-${body.kind}`} data-testid="request-payload">
          {body.pretty ?? body.text}
        </pre>
      )
  }
  return (
    <section class="section">
      <h3 class="section-title">
        {t('request.payload')} {meta && <span class="count">{meta}</span>}
      </h3>
      {content}
    </section>
  )
}

function Timing({ record: r }: { record: CapturedRecord }) {
  const tm = r.entry.timings as unknown as Record<TimingPhase, number | undefined>
  const total = r.entry.time
  // Phases that are -1 or absent were not measured (a reused connection has no dns/connect/ssl).
  const phases = TIMING_PHASES.filter((p) => (tm[p] ?? -1) >= 0 && !(p === 'ssl' && !tm.connect)).map((p) => ({ p, ms: tm[p]! }))
  const measured = phases.some(({ p, ms }) => p !== 'wait' && ms > 0)
  return (
    <section class="section">
      <h3 class="section-title">
        {t('request.timing')} <span class="count">{duration(total)}</span>
      </h3>
      {!measured ? (
        <p class="muted">{t('request.timing.totalOnly')}</p>
      ) : (
        <table class="data-table timing-table" data-testid="request-timing">
          <tbody>
            {phases.map(({ p, ms }) => (
              <tr key={p} data-phase={p}>
                <th scope="row">{t(`request.timing.${p}`)}</th>
                <td class="timing-bar-cell">
                  <span class={`timing-bar phase-${p}`} style={{ width: `${total > 0 ? Math.max(1, (ms / total) * 100) : 0}%` }} />
                </td>
                <td class="num">{duration(ms)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
