// HAR export and import, the part loaded on first use (see HarIO.tsx): the export dialog, the message bar
// under the toolbar and the drop overlay. The HAR is built and redacted here (har-export.ts); an import
// is analysed by the store, in the DevTools page, with the same core as live capture.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks'
import { cliCommand, megabytes, tooBigMessage } from '../devtools/har-import.ts'
import { extensionVersion } from '../devtools/panel-seam.ts'
import { MAX_IMPORT_BYTES, type CapturedRecord, type ImportResult, type PanelStore } from '../devtools/store-types.ts'
import { joinList } from '../i18n/index.ts'
import { harFileName, harText } from './har-export.ts'
import type { HarRequest } from './har-io-types.ts'
import { streamImport, type ImportProgress } from './har-stream-import.ts'
import { locale, say, t, tn } from './i18n.ts'
import { CloseIcon } from './icons.tsx'
import './har-io.css'

type Message = { kind: 'busy' | 'done' | 'error'; text: string; progress?: ImportProgress }

/** An Error from the DevTools page's realm is not an instance of ours: read .message. */
const messageOf = (e: unknown) => (typeof e === 'object' && e !== null && 'message' in e ? String(e.message) : String(e))

/** Resolves after the browser has painted (so "Importing…" shows before a long parse), or after 100 ms when hidden. */
const nextPaint = () =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, 100)
    requestAnimationFrame(() => setTimeout(() => (clearTimeout(t), resolve()), 0))
  })

function describeImport(name: string, r: Extract<ImportResult, { ok: true }>, capacity: number): string {
  const read = tn('har.import.entriesRead', r.entries)
  if (r.added === 0 && r.duplicates === 0) return t('har.import.none', { name, notes: read })
  const notes = [read]
  if (r.duplicates) notes.push(t('har.import.duplicates', { count: r.duplicates }))
  if (r.dropped) notes.push(t('har.import.dropped', { count: r.dropped, capacity }))
  const done = tn('har.import.done', r.added, { name, notes: joinList(locale(), notes) })
  // One line for the whole file: what an export without sensitive data rules out, and the way out.
  return r.withoutAuthorization ? `${done} ${tn('har.import.noAuthorization', r.withoutAuthorization)}` : done
}

/** Triggers a download of `text` as `fileName` (a DevTools panel may download through <a download>). */
export function download(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.hidden = true
  document.body.append(a)
  a.click()
  a.remove()
  // The download has read the blob once the click is handled; keep it a while for slow disks anyway.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

interface HarPanelProps {
  store: PanelStore
  shown: readonly CapturedRecord[]
  total: number
  capacity: number
  request: HarRequest | null
  dragging: boolean
  onBusy: (busy: boolean) => void
}

export function HarPanel({ store, shown, total, capacity, request, dragging, onBusy }: HarPanelProps) {
  const [message, setMessage] = useState<Message | null>(null)
  const [exporting, setExporting] = useState(false)
  const handled = useRef(0)
  const busy = useRef(false)
  const abort = useRef<AbortController | null>(null)
  // Unmounted mid-import (a new store replaced this App): stop reading, and the session is dropped. A layout
  // effect, whose cleanup runs at once (an effect's waits for a next frame). A closed window just stops.
  useLayoutEffect(() => () => abort.current?.abort(), [])

  const work = async (start: Message, run: () => Promise<Message>) => {
    busy.current = true
    onBusy(true)
    setMessage(start)
    try {
      await nextPaint()
      setMessage(await run())
    } catch (e) {
      setMessage({ kind: 'error', text: t('har.import.crashed', { error: messageOf(e) }) })
    } finally {
      busy.current = false
      onBusy(false)
    }
  }

  /** The whole text to the store at once: a store without streamed import, or a file only JSON.parse can settle. */
  const importText = async (file: File, name: string): Promise<Message> => {
    let text: string
    try {
      text = await file.text()
    } catch (e) {
      return { kind: 'error', text: t('har.import.unreadable', { name, error: messageOf(e) }) }
    }
    const r = await store.importHar!(text, name)
    return r.ok ? { kind: 'done', text: describeImport(name, r, capacity) } : { kind: 'error', text: say(r.error) }
  }

  /** The file as a stream, in batches to the store, with progress and Cancel; any size. */
  const importStream = async (file: File, name: string, text: string, controller: AbortController): Promise<Message> => {
    const session = store.beginImport!(name)
    const outcome = await streamImport(file, name, session, {
      customHosts: store.getSnapshot().customHosts,
      signal: controller.signal,
      onProgress: (progress) => setMessage({ kind: 'busy', text, progress }),
    }).finally(() => (abort.current = null))
    if (outcome.kind === 'done') {
      const r = outcome.result
      return r.ok ? { kind: 'done', text: describeImport(name, r, capacity) } : { kind: 'error', text: say(r.error) }
    }
    if (outcome.kind === 'cancelled') return { kind: 'done', text: t('har.import.cancelled', { name }) }
    if (outcome.kind === 'error') return { kind: 'error', text: say(outcome.error) }
    // Duplicate "log"/"entries" keys: read whole when the file is small enough for that.
    if (file.size <= MAX_IMPORT_BYTES && store.importHar) return importText(file, name)
    return { kind: 'error', text: t('har.import.ambiguous', { name, command: cliCommand(name) }) }
  }

  const importFile = (file: File) => {
    const name = file.name || t('har.fileFallbackName')
    if (store.beginImport) {
      const text = t('har.import.reading', { name })
      const progress = { read: 0, total: file.size, entries: 0, bos: 0 }
      // Made now, so that an unmount before the read starts cancels it too.
      const controller = (abort.current = new AbortController())
      return void work({ kind: 'busy', text, progress }, () => importStream(file, name, text, controller))
    }
    const text = t('har.import.busy', { name })
    if (!store.importHar) return setMessage({ kind: 'error', text: t('har.import.unavailable') })
    if (file.size > MAX_IMPORT_BYTES) return setMessage({ kind: 'error', text: say(tooBigMessage(name, file.size)) })
    void work({ kind: 'busy', text }, () => importText(file, name))
  }

  // Synchronous, inside the click on Export: the download keeps the user's gesture.
  const runExport = (secrets: boolean) => {
    const records = shown
    setExporting(false)
    const fileName = harFileName()
    try {
      download(harText(records, { includeSecrets: secrets, version: extensionVersion() }), fileName)
      setMessage({ kind: 'done', text: tn(secrets ? 'har.export.done.secrets' : 'har.export.done.redacted', records.length, { fileName }) })
    } catch (e) {
      setMessage({ kind: 'error', text: t('har.export.failed', { error: messageOf(e) }) })
    }
  }

  // A request from the toolbar or a drop, each handled once.
  useEffect(() => {
    if (!request || request.seq <= handled.current || busy.current) return
    handled.current = request.seq
    if (request.kind === 'export') setExporting(true)
    else importFile(request.file)
  }, [request?.seq])

  return (
    <>
      {message && (
        <div class={`io-bar io-${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'} data-testid="io-message" data-kind={message.kind}>
          <span class="io-text">{message.text}</span>
          {message.progress && <ImportProgressView progress={message.progress} onCancel={() => abort.current?.abort()} />}
          {message.kind !== 'busy' && (
            <button type="button" class="icon-button" aria-label={t('common.dismiss')} title={t('common.dismiss')} onClick={() => setMessage(null)}>
              <CloseIcon />
            </button>
          )}
        </div>
      )}
      {exporting && <ExportDialog count={shown.length} total={total} onExport={runExport} onClose={() => setExporting(false)} />}
      {dragging && (
        <div class="drop-overlay" data-testid="drop-overlay" aria-hidden="true">
          <div class="drop-box">{t('har.drop')}</div>
        </div>
      )}
    </>
  )
}

function ImportProgressView({ progress: p, onCancel }: { progress: ImportProgress; onCancel: () => void }) {
  const percent = p.total > 0 ? Math.min(100, Math.floor((p.read / p.total) * 100)) : 0
  return (
    <>
      <progress class="io-progress" max={100} value={percent} aria-label={`${percent}%`} data-testid="import-progress" />
      <span class="io-percent">{percent}%</span>
      <span class="io-counts muted" data-testid="import-counts">
        {joinList(locale(), [
          t('har.import.progress', { read: megabytes(p.read), size: megabytes(p.total) }),
          tn('har.import.entriesRead', p.entries),
          tn('har.import.found', p.bos),
        ])}
      </span>
      <button type="button" class="text-button" title={t('har.import.cancelTitle')} data-testid="import-cancel" onClick={onCancel}>
        {t('har.import.cancel')}
      </button>
    </>
  )
}

interface ExportDialogProps {
  count: number
  total: number
  onExport: (includeSecrets: boolean) => void
  onClose: () => void
}

function ExportDialog({ count, total, onExport, onClose }: ExportDialogProps) {
  // Unchecked every time the dialog opens.
  const [secrets, setSecrets] = useState(false)
  const exportButton = useRef<HTMLButtonElement>(null)
  useEffect(() => exportButton.current?.focus(), [])
  return (
    <div class="overlay" data-testid="export-overlay" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div
        class="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="bos-export-title"
        data-testid="export-dialog"
        onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), onClose())}
      >
        <h2 id="bos-export-title" class="dialog-title">
          {t('har.export.dialogTitle')}
        </h2>
        <p data-testid="export-count">{count === total ? tn('har.export.countAll', count) : tn('har.export.countFiltered', count, { total })}</p>
        <p class="muted">{t('har.export.redactionNote')}</p>
        <label class="io-check">
          <input type="checkbox" checked={secrets} data-testid="export-secrets" onChange={(e) => setSecrets(e.currentTarget.checked)} />
          {t('har.export.includeSecrets')}
        </label>
        {secrets && (
          <p class="io-warning" role="alert" data-testid="export-secrets-warning">
            {t('har.export.secretsWarning')}
          </p>
        )}
        <div class="dialog-buttons">
          <button type="button" class="text-button" data-testid="export-cancel" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="button" class="text-button primary" ref={exportButton} data-testid="export-save" onClick={() => onExport(secrets)}>
            {t('har.export.save')}
          </button>
        </div>
      </div>
    </div>
  )
}
