// The Upload tab of a multipart request: the whole session it belongs to, as the store tracked it
// (PanelStore.uploadSession), also the parts whose rows the buffer dropped: the parts, the outcome, the
// Complete list against what each UploadPart returned, and the session's findings. Long tables are windowed.
import { useMemo } from 'preact/hooks'
import { etagMd5 } from '../../core/digests.ts'
import { MIN_PART_SIZE, partOk, type UploadSession } from '../../core/sessions.ts'
import type { Finding } from '../../core/types.ts'
import type { CapturedRecord, UploadSessionView } from '../../devtools/store-types.ts'
import { Facts } from '../Facts.tsx'
import { bytes, statusLabel } from '../format.ts'
import { findingText, t, tn } from '../i18n.ts'
import { SeverityIcon } from '../icons.tsx'
import { WindowedTable } from './WindowedTable.tsx'

const normEtag = (e: string) =>
  etagMd5(e) ??
  e
    .trim()
    .replace(/^"(.*)"$/, '$1')
    .toLowerCase()

export type PartState = 'ok' | 'failed' | 'too-small' | 'etag-mismatch' | 'not-listed'

/** The state of each uploaded part, by part number: what the session's findings say about it. */
export function partStates(s: UploadSession): Map<number, PartState> {
  const listed = new Map((s.completeList ?? []).map((l) => [l.partNumber, l.eTag]))
  // The highest part number uploaded or listed is the last part: the only one allowed below 100 KB.
  const last = [...s.parts, ...(s.completeList ?? [])].reduce((m, p) => Math.max(m, p.partNumber), 0)
  const out = new Map<number, PartState>()
  for (const p of s.parts) {
    const eTag = listed.get(p.partNumber)
    out.set(
      p.partNumber,
      !partOk(p)
        ? 'failed'
        : eTag !== undefined && p.etag !== null && normEtag(eTag) !== p.etag
          ? 'etag-mismatch'
          : p.size !== null && p.size < MIN_PART_SIZE && p.partNumber < last
            ? 'too-small'
            : s.completeList && eTag === undefined
              ? 'not-listed'
              : 'ok',
    )
  }
  return out
}

const SESSION_FINDINGS = new Set([
  'part-too-small',
  'part-etag-mismatch',
  'part-order-invalid',
  'parts-not-listed',
  'parts-not-uploaded',
  'upload-already-finished',
  'cors-etag-not-exposed',
])

interface UploadTabProps {
  record: CapturedRecord
  records: readonly CapturedRecord[]
  /** The store's session of an upload id. */
  session: (uploadId: string) => UploadSessionView
  onSelect?: (id: number) => void
}

/** In place of a link to a row the buffer dropped: the facts stay, the request is gone from the list. */
const RowDropped = () => (
  <span class="row-dropped" data-testid="session-row-dropped" title={t('upload.rowDropped.title')}>
    {t('upload.rowDropped')}
  </span>
)

export function UploadTab({ record, records, session, onSelect }: UploadTabProps) {
  const uploadId = record.analysis.uploadId ?? ''
  const view = session(uploadId)
  const s = view.state === 'tracked' ? view.session : null
  const findings = useMemo(() => {
    const seen = new Set<string>()
    const out: { f: Finding; id: number }[] = []
    for (const r of records) {
      if (r.analysis.uploadId !== uploadId) continue
      for (const f of r.analysis.findings) {
        if (!SESSION_FINDINGS.has(f.id) || seen.has(f.id + f.title)) continue
        seen.add(f.id + f.title)
        out.push({ f: findingText(f), id: r.id })
      }
    }
    return out
  }, [records, uploadId])
  if (!s) {
    return (
      <div class="placeholder" data-testid="session-none" data-state={view.state}>
        <p>{t(view.state === 'forgotten' ? 'upload.forgotten' : 'upload.none', { uploadId })}</p>
      </div>
    )
  }
  const link = (index: number | null, id: number | null, what: 'initiate' | 'complete' | 'abort') =>
    index === null ? null : id === null ? (
      <RowDropped />
    ) : (
      <button
        type="button"
        class="link-button"
        data-testid={`session-go-${what}`}
        data-record-id={id}
        title={t(`upload.link.${what}.title`)}
        disabled={id === record.id}
        onClick={() => onSelect?.(id)}
      >
        {id === record.id ? t('upload.link.this') : t(`upload.link.${what}`)}
      </button>
    )
  const complete = s.completeRow === null ? null : records.find((r) => r.id === s.completeRow)
  const uploaded = new Map(s.parts.map((p) => [p.partNumber, p]))
  const total = s.parts.reduce((n, p) => n + (p.size ?? 0), 0)
  // A part the capture has no size for makes the total a lower bound, not a sum.
  const someUnknown = s.parts.some((p) => p.size === null)
  const states = partStates(s)

  return (
    <div class="session" data-testid="session" data-outcome={s.outcome}>
      <section class="section">
        <h3 class="section-title">{t('upload.title')}</h3>
        <Facts
          rows={[
            [t('upload.uploadId'), s.uploadId, { mono: true }],
            [t('upload.object'), s.bucket ? `${s.bucket}/${s.key ?? ''}` : s.key, { mono: true }],
            [t('upload.outcome'), <span class={`outcome outcome-${s.outcome}`}>{t(`upload.outcome.${s.outcome}`)}</span>, { testId: 'session-outcome' }],
            [t('upload.initiate'), s.initiateIndex === null ? t('upload.initiate.notCaptured') : link(s.initiateIndex, s.initiateRow, 'initiate')],
            s.completeIndex !== null && [
              t('upload.complete'),
              <>
                {complete ? `${statusLabel(complete.analysis.status)}${complete.analysis.error ? ` ${complete.analysis.error.code}` : ''} · ` : ''}
                {link(s.completeIndex, s.completeRow, 'complete')}
              </>,
            ],
            s.abortIndex !== null && [t('upload.abort'), link(s.abortIndex, s.abortRow, 'abort')],
          ]}
        />
      </section>

      {findings.length > 0 && (
        <section class="section" aria-label={t('upload.findings.label')} data-testid="session-findings">
          <h3 class="section-title">{t('upload.findings')}</h3>
          {findings.map(({ f }, i) => (
            <div class={`finding finding-${f.severity}`} key={i} data-testid="session-finding" data-finding-id={f.id}>
              <SeverityIcon severity={f.severity} />
              <div>
                <div class="finding-title">{f.title}</div>
                <div class="finding-detail">{f.detail}</div>
              </div>
            </div>
          ))}
        </section>
      )}

      <section class="section">
        <h3 class="section-title">
          {t('upload.parts')}{' '}
          <span class="count">
            {total
              ? t(someUnknown ? 'upload.parts.countSizeAtLeast' : 'upload.parts.countSize', { count: s.parts.length, size: bytes(total) })
              : t('upload.parts.count', { count: s.parts.length })}
          </span>
        </h3>
        {(s.rowsDropped > 0 || s.notKept > 0) && (
          <p class="muted" data-testid="session-rows-dropped">
            {[s.rowsDropped > 0 && tn('upload.parts.rowsDropped', s.rowsDropped), s.notKept > 0 && tn('upload.notKept', s.notKept)].filter(Boolean).join(' ')}
          </p>
        )}
        {s.parts.length === 0 ? (
          <p class="muted">{t('upload.parts.none')}</p>
        ) : (
          <WindowedTable
            testId="session-parts"
            items={s.parts}
            focusIndex={s.parts.findIndex((p) => p.index === record.id)}
            head={
              <tr>
                <th>{t('upload.col.part')}</th>
                <th>{t('upload.col.size')}</th>
                <th>{t('upload.col.etag')}</th>
                <th>{t('upload.col.status')}</th>
                <th>{t('upload.col.state')}</th>
                <th />
              </tr>
            }
            row={(p, _i, alt) => {
              const st = states.get(p.partNumber) ?? 'ok'
              return (
                <tr
                  key={p.partNumber}
                  class={`${st === 'ok' ? '' : 'bad'} ${p.index === record.id ? 'current' : ''} ${alt}`}
                  data-testid="session-part"
                  data-part-number={p.partNumber}
                  data-state={st}
                >
                  <td class="num">{p.partNumber}</td>
                  <td class="num" title={p.size === null ? t('upload.parts.sizeUnknown') : t('upload.parts.bytes', { count: p.size })}>
                    {p.size === null ? '—' : bytes(p.size)}
                  </td>
                  <td class="mono">{p.etag ?? '—'}</td>
                  <td>{statusLabel(p.status)}</td>
                  <td class={`state state-${st}`}>{t(`upload.state.${st}`)}</td>
                  <td>
                    {p.row === null ? (
                      <RowDropped />
                    ) : (
                      <button
                        type="button"
                        class="link-button"
                        data-testid="session-go-part"
                        data-record-id={p.row}
                        disabled={p.row === record.id}
                        onClick={() => onSelect?.(p.row!)}
                      >
                        {p.row === record.id ? t('upload.link.this') : t('upload.link.part')}
                      </button>
                    )}
                  </td>
                </tr>
              )
            }}
          />
        )}
      </section>

      {s.completeList && (
        <section class="section">
          <h3 class="section-title">
            {t('upload.completeList')} <span class="count">{t('upload.completeList.hint')}</span>
          </h3>
          <WindowedTable
            testId="complete-diff"
            items={s.completeList}
            head={
              <tr>
                <th>{t('upload.col.part')}</th>
                <th>{t('upload.col.listedEtag')}</th>
                <th>{t('upload.col.uploadedEtag')}</th>
                <th />
              </tr>
            }
            row={(l, i, alt) => {
              const up = uploaded.get(l.partNumber)
              const ok = !!up && up.status < 300 && up.etag !== null && normEtag(l.eTag) === up.etag
              const unknown = !!up && up.status < 300 && up.etag === null
              const match = ok ? 'yes' : unknown ? 'unknown' : 'no'
              return (
                <tr key={i} class={`${match === 'no' ? 'bad' : ''} ${alt}`} data-testid="complete-row" data-part-number={l.partNumber} data-match={match}>
                  <td class="num">{l.partNumber}</td>
                  <td class="mono">{l.eTag}</td>
                  <td class="mono">
                    {up
                      ? up.status < 300
                        ? (up.etag ?? t('upload.etag.notReadable'))
                        : t('upload.etag.uploadFailed', { status: statusLabel(up.status) })
                      : t('upload.etag.notUploaded')}
                  </td>
                  <td class={`state state-${match === 'no' ? 'etag-mismatch' : 'ok'}`}>
                    {match === 'yes' ? t('upload.match.same') : match === 'no' ? t('upload.match.differs') : '?'}
                  </td>
                </tr>
              )
            }}
          />
        </section>
      )}
    </div>
  )
}
