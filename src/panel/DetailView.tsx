// The detail pane: close button, tabs, copy actions. Tabs follow the WAI-ARIA tabs pattern.
import type { CapturedRecord } from '../devtools/store-types.ts'
import { BodyTab } from './BodyTab.tsx'
import { CopyButton } from './CopyButton.tsx'
import { HeadersTab } from './HeadersTab.tsx'
import { CloseIcon } from './icons.tsx'
import { Lazy } from './Lazy.tsx'
import { SummaryTab } from './SummaryTab.tsx'
import { supportTicket } from './supportTicket.ts'

export type DetailTab = 'summary' | 'headers' | 'body' | 'form' | 'upload' | 'auth'
const ALL_TABS: [DetailTab, string][] = [
  ['summary', 'Summary'],
  ['headers', 'Headers'],
  ['body', 'Body'],
  ['form', 'Form'],
  ['upload', 'Upload'],
  ['auth', 'Authorization'],
]

interface DetailViewProps {
  record: CapturedRecord
  tab: DetailTab
  onTab: (t: DetailTab) => void
  onClose: () => void
  /** All records, for the Upload tab's session; `onSelect` shows another of them. */
  records?: readonly CapturedRecord[]
  onSelect?: (id: number) => void
}

export function DetailView({ record, tab: wanted, onTab, onClose, records = [record], onSelect }: DetailViewProps) {
  const a = record.analysis
  // Form only for PostObject, Upload only for multipart requests; elsewhere their tab falls back to Summary.
  const TABS = ALL_TABS.filter(([t]) => (t === 'form' ? a.operation === 'PostObject' : t === 'upload' ? !!a.uploadId && !a.preflight : true))
  const tab = TABS.some(([t]) => t === wanted) ? wanted : 'summary'
  const onTabKey = (e: KeyboardEvent) => {
    const i = TABS.findIndex(([t]) => t === tab)
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0
    if (!step) return
    e.preventDefault()
    const next = TABS[(i + step + TABS.length) % TABS.length]![0]
    onTab(next)
    ;(e.currentTarget as HTMLElement).querySelector<HTMLElement>(`#bos-tab-${next}`)?.focus()
  }
  return (
    <div class="detail" data-testid="detail" aria-label="Request details" role="region">
      <div class="tabbar">
        <button type="button" class="icon-button close" aria-label="Close details" title="Close (Esc)" data-testid="detail-close" onClick={onClose}>
          <CloseIcon />
        </button>
        <div role="tablist" aria-label="Detail views" class="tabs" onKeyDown={onTabKey}>
          {TABS.map(([t, label]) => (
            <button
              type="button"
              role="tab"
              id={`bos-tab-${t}`}
              aria-selected={t === tab}
              aria-controls="bos-tabpanel"
              tabIndex={t === tab ? 0 : -1}
              class="tab"
              data-testid={`tab-${t}`}
              onClick={() => onTab(t)}
            >
              {label}
            </button>
          ))}
        </div>
      </div>
      <div class="detail-actions" key={record.id}>
        <CopyButton text={a.debugId} label="Copy x-bce-debug-id" title={a.debugId ? undefined : 'No x-bce-debug-id in this response'} testId="copy-debug-id" />
        <CopyButton text={a.requestId} label="Copy request id" title={a.requestId ? undefined : 'No request id in this response'} testId="copy-request-id" />
        <CopyButton text={supportTicket(record)} label="Copy for support ticket" title="Time, region, bucket, key, operation, status, error, ids and clock skew as plain text; no secrets" testId="copy-ticket" multiline />
      </div>
      <div class="detail-body" role="tabpanel" id="bos-tabpanel" aria-labelledby={`bos-tab-${tab}`} tabIndex={0}>
        {tab === 'summary' && <SummaryTab record={record} />}
        {tab === 'headers' && <HeadersTab record={record} />}
        {tab === 'body' && <BodyTab key={record.id} record={record} />}
        {tab === 'form' && <Lazy>{(m) => <m.FormTab record={record} />}</Lazy>}
        {tab === 'upload' && <Lazy>{(m) => <m.UploadTab record={record} records={records} onSelect={onSelect} />}</Lazy>}
        {tab === 'auth' && <Lazy>{(m) => <m.AuthTab record={record} />}</Lazy>}
      </div>
    </div>
  )
}
