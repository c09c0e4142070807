// The detail pane: close button, tabs, copy actions. Tabs follow the WAI-ARIA tabs pattern.
import type { CapturedRecord, UploadSessionView } from '../devtools/store-types.ts'
import { BodyTab } from './BodyTab.tsx'
import { CopyButton } from './CopyButton.tsx'
import { CopyMenuButton } from './extras/copy-menu.tsx'
import { HeadersTab } from './HeadersTab.tsx'
import { t } from './i18n.ts'
import { CloseIcon } from './icons.tsx'
import { Lazy } from './Lazy.tsx'
import { SummaryTab } from './SummaryTab.tsx'
import { supportTicket } from './supportTicket.ts'

export type DetailTab = 'summary' | 'headers' | 'request' | 'body' | 'form' | 'upload' | 'auth'
const ALL_TABS: DetailTab[] = ['summary', 'headers', 'request', 'body', 'form', 'upload', 'auth']

interface DetailViewProps {
  record: CapturedRecord
  tab: DetailTab
  onTab: (t: DetailTab) => void
  onClose: () => void
  /** All records, for the Upload tab's session; `onSelect` shows another of them. */
  records?: readonly CapturedRecord[]
  /** The store's session of an upload id, for the Upload tab (asked only when that tab shows). */
  session?: (uploadId: string) => UploadSessionView
  onSelect?: (id: number) => void
}

const noSession = (uploadId: string): UploadSessionView => ({ state: 'unknown', uploadId })

export function DetailView({ record, tab: wanted, onTab, onClose, records = [record], session = noSession, onSelect }: DetailViewProps) {
  const a = record.analysis
  // Form only for PostObject, Upload only for multipart requests; elsewhere their tab falls back to Summary.
  const TABS = ALL_TABS.filter((x) => (x === 'form' ? a.operation === 'PostObject' : x === 'upload' ? !!a.uploadId && !a.preflight : true))
  const tab = TABS.includes(wanted) ? wanted : 'summary'
  const onTabKey = (e: KeyboardEvent) => {
    const i = TABS.indexOf(tab)
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0
    if (!step) return
    e.preventDefault()
    const next = TABS[(i + step + TABS.length) % TABS.length]!
    onTab(next)
    ;(e.currentTarget as HTMLElement).querySelector<HTMLElement>(`#bos-tab-${next}`)?.focus()
  }
  return (
    <div class="detail" data-testid="detail" aria-label={t('detail.label')} role="region">
      <div class="tabbar">
        <button
          type="button"
          class="icon-button close"
          aria-label={t('detail.close')}
          title={t('detail.close.title')}
          data-testid="detail-close"
          onClick={onClose}
        >
          <CloseIcon />
        </button>
        <div role="tablist" aria-label={t('detail.tabs')} class="tabs" onKeyDown={onTabKey}>
          {TABS.map((x) => (
            <button
              type="button"
              role="tab"
              id={`bos-tab-${x}`}
              aria-selected={x === tab}
              aria-controls="bos-tabpanel"
              tabIndex={x === tab ? 0 : -1}
              class="tab"
              data-testid={`tab-${x}`}
              onClick={() => onTab(x)}
            >
              {t(`detail.tab.${x}`)}
            </button>
          ))}
        </div>
      </div>
      <div class="detail-actions" key={record.id}>
        <CopyMenuButton record={record} />
        {/* On the S3-compatible endpoint the debug id is x-amz-id-2 (the same value as x-bce-debug-id, BOS-HDR). */}
        <CopyButton
          text={a.debugId}
          label={t(a.matchedBy === 's3' ? 'copy.amzId2' : 'copy.debugId')}
          title={a.debugId ? undefined : t(a.matchedBy === 's3' ? 'copy.amzId2.none' : 'copy.debugId.none')}
          testId="copy-debug-id"
        />
        <CopyButton text={a.requestId} label={t('copy.requestId')} title={a.requestId ? undefined : t('copy.requestId.none')} testId="copy-request-id" />
        <CopyButton text={supportTicket(record)} label={t('copy.ticket')} title={t('copy.ticket.title')} testId="copy-ticket" multiline />
      </div>
      <div class="detail-body" role="tabpanel" id="bos-tabpanel" aria-labelledby={`bos-tab-${tab}`} tabIndex={0}>
        {tab === 'summary' && <SummaryTab record={record} />}
        {tab === 'headers' && <HeadersTab record={record} />}
        {tab === 'body' && <BodyTab key={record.id} record={record} />}
        {tab === 'request' && <Lazy>{(m) => <m.RequestTab record={record} />}</Lazy>}
        {tab === 'form' && <Lazy>{(m) => <m.FormTab record={record} />}</Lazy>}
        {tab === 'upload' && <Lazy>{(m) => <m.UploadTab record={record} records={records} session={session} onSelect={onSelect} />}</Lazy>}
        {tab === 'auth' && <Lazy>{(m) => <m.AuthTab record={record} />}</Lazy>}
      </div>
    </div>
  )
}
