// HAR export and import, the part that is always loaded: two toolbar buttons, the file picker and the
// panel-wide drop target. Everything else (dialog, messages, building and redacting the HAR) is in
// HarPanel.tsx, loaded on first use so the panel's initial bundle stays small.
import type { ComponentChildren } from 'preact'
import { useEffect, useRef, useState } from 'preact/hooks'
import type { CapturedRecord, PanelStore } from '../devtools/store-types.ts'
import type { HarRequest } from './har-io-types.ts'
import { loadViews, t } from './i18n.ts'

export interface HarIO {
  /** The Import HAR / Export HAR buttons, for the toolbar. */
  buttons: ComponentChildren
  /** Messages, the export dialog, the drop overlay: after the toolbar. */
  panel: ComponentChildren
}

type Ui = typeof import('./HarPanel.tsx')
let loading: Promise<Ui> | undefined
/** The dialog and messages, with the words they need (the `views` messages, loaded after the first paint). */
const loadUi = () => (loading ??= Promise.all([import('./HarPanel.tsx'), loadViews()]).then(([m]) => m))

const icon = (d: string) => (
  <svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
    <path d={d} fill="currentColor" />
  </svg>
)
const TRAY = 'M2.5 12.5H4v.5h8v-.5h1.5v2h-11Z'

export function useHarIO(store: PanelStore, shown: readonly CapturedRecord[], total: number, capacity: number): HarIO {
  const [ui, setUi] = useState<Ui | null>(null)
  const [request, setRequest] = useState<HarRequest | null>(null)
  const [busy, setBusy] = useState(false)
  const [dragging, setDragging] = useState(false)
  const seq = useRef(0)
  const fileInput = useRef<HTMLInputElement>(null)

  const asked = useRef(false)
  const ask = (r: { kind: 'export' } | { kind: 'import'; file: File } | null) => {
    if (r) setRequest({ ...r, seq: ++seq.current })
    if (asked.current) return
    asked.current = true
    void loadUi().then((m) => setUi(() => m))
  }
  const askRef = useRef(ask)
  askRef.current = ask

  // The whole panel takes dropped files; other drags are left alone. dragleave fires at every child
  // boundary, so the overlay goes only when no dragover follows.
  useEffect(() => {
    let hide: ReturnType<typeof setTimeout> | undefined
    const files = (e: DragEvent) => {
      if (!e.dataTransfer?.types.includes('Files')) return false
      e.preventDefault()
      clearTimeout(hide)
      return true
    }
    const over = (e: DragEvent) => files(e) && (askRef.current(null), setDragging(true))
    const handlers: Array<[string, (e: DragEvent) => void]> = [
      ['dragenter', over],
      ['dragover', over],
      ['dragleave', () => (clearTimeout(hide), (hide = setTimeout(() => setDragging(false), 80)))],
      [
        'drop',
        (e) => {
          if (!files(e)) return
          setDragging(false)
          const file = e.dataTransfer?.files[0]
          if (file) askRef.current({ kind: 'import', file })
        },
      ],
    ]
    for (const [type, fn] of handlers) document.addEventListener(type, fn as EventListener)
    return () => {
      clearTimeout(hide)
      for (const [type, fn] of handlers) document.removeEventListener(type, fn as EventListener)
    }
  }, [])

  const buttons = (
    <>
      <button
        type="button"
        class="icon-button"
        aria-label={t('har.import.label')}
        title={t('har.import.title')}
        data-testid="import-har"
        disabled={busy}
        onClick={() => fileInput.current?.click()}
      >
        {icon(`M7.25 11.5h1.5V4.9l2.2 2.2 1.05-1.05L8 2.05 4 6.05 5.05 7.1l2.2-2.2Z${TRAY}`)}
      </button>
      <button
        type="button"
        class="icon-button"
        aria-label={t('har.export.label')}
        title={t('har.export.title')}
        data-testid="export-har"
        disabled={busy || !shown.length}
        onClick={() => ask({ kind: 'export' })}
      >
        {icon(`M7.25 2h1.5v6.6l2.2-2.2 1.05 1.05L8 11.45 4 7.45 5.05 6.4l2.2 2.2Z${TRAY}`)}
      </button>
      <input
        ref={fileInput}
        type="file"
        accept=".har,.json,application/json"
        hidden
        data-testid="import-file"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0]
          e.currentTarget.value = '' // picking the same file again must fire change again
          if (file) ask({ kind: 'import', file })
        }}
      />
    </>
  )

  const panel = ui && <ui.HarPanel store={store} shown={shown} total={total} capacity={capacity} request={request} dragging={dragging} onBusy={setBusy} />
  return { buttons, panel }
}
