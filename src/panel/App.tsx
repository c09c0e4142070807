// The panel: toolbar, request grid and detail pane over one PanelStore snapshot.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks'
import type { PanelStore } from '../devtools/store-types.ts'
import { CopyFallback } from './CopyButton.tsx'
import type { DetailTab } from './DetailView.tsx'
import { NoMatches, NoRequests } from './EmptyState.tsx'
import { useHarIO } from './HarIO.tsx'
import { compileText, EMPTY_FILTER, filterRecords, isFiltering, loadFilterSyntax, type FilterState } from './filter.ts'
import { Views } from './ViewParts.tsx'
import { useListView } from './list-view.tsx'
import { RequestList } from './RequestList.tsx'
import { useRowMenu } from './rowMenu.tsx'
import { Splitter } from './Splitter.tsx'
import { Toolbar } from './Toolbar.tsx'
import { useStore } from './useStore.ts'

export function App({ store }: { store: PanelStore }) {
  const snap = useStore(store)
  const [filter, setFilter] = useState<FilterState>(EMPTY_FILTER)
  const [selectedId, setSelectedId] = useState<number | null>(null)
  const [detailOpen, setDetailOpen] = useState(false)
  const [tab, setTab] = useState<DetailTab>('summary')
  const [settingsOpen, setSettingsOpen] = useState(false)
  const [fallback, setFallback] = useState<{ text: string; label: string } | null>(null)
  const [listSize, setListSize] = useState(45)
  const gridRef = useRef<HTMLDivElement | null>(null)

  useLayoutEffect(() => {
    const html = document.documentElement
    html.classList.toggle('theme-dark', snap.theme === 'dark')
    html.classList.toggle('theme-light', snap.theme !== 'dark')
  }, [snap.theme])

  // The filter's property syntax loads after the first paint; the text is compiled again once it is in.
  const [syntaxReady, setSyntaxReady] = useState(false)
  useEffect(() => {
    loadFilterSyntax().then(
      () => setSyntaxReady(true),
      () => undefined,
    )
  }, [])
  const text = useMemo(() => compileText(filter.text, filter.regex), [filter.text, filter.regex, syntaxReady])
  const shown = useMemo(() => filterRecords(snap.records, filter, text), [snap.records, filter, text])
  const harIO = useHarIO(store, shown, snap.records.length, snap.capacity)
  const view = useListView(store, snap, shown, () => gridRef.current?.focus({ preventScroll: true }))
  const rowMenu = useRowMenu(shown, gridRef, (text, label) => setFallback({ text, label }))
  const detail = detailOpen && selectedId !== null ? (snap.records.find((r) => r.id === selectedId) ?? null) : null

  // Cleared or dropped from the buffer: nothing left to show.
  useEffect(() => {
    // (A negative id is an upload group's row, ./list-rows.ts.)
    if (selectedId !== null && selectedId >= 0 && !snap.records.some((r) => r.id === selectedId)) {
      setSelectedId(null)
      setDetailOpen(false)
    }
  }, [snap.records])

  const open = (id: number) => {
    setSelectedId(id)
    setDetailOpen(true)
  }
  const close = () => {
    setDetailOpen(false)
    gridRef.current?.focus({ preventScroll: true })
  }
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && detailOpen && !e.defaultPrevented && !settingsOpen) {
      // DevTools' extension API listens on the panel's document and forwards Escape, which toggles the
      // Console drawer (preventDefault does not stop it): a handled Escape stops here.
      e.preventDefault()
      e.stopPropagation()
      close()
    }
  }
  const clearFilter = () => setFilter(EMPTY_FILTER)

  const empty =
    snap.records.length === 0 ? (
      <NoRequests
        browser={snap.browser}
        backfilling={snap.capture === 'backfilling'}
        onReload={() => store.reloadInspectedPage()}
        onSettings={() => setSettingsOpen(true)}
      />
    ) : (
      <NoMatches onClearFilter={clearFilter} />
    )

  return (
    <div class="app" data-testid="app">
      <Toolbar
        filter={filter}
        onFilter={(patch) => setFilter((f) => ({ ...f, ...patch }))}
        regexError={text.error}
        preserveLog={snap.preserveLog}
        onPreserveLog={(on) => store.setPreserveLog(on)}
        onClear={() => {
          store.clear()
          setSelectedId(null)
          setDetailOpen(false)
        }}
        onSettings={() => setSettingsOpen(true)}
        shown={isFiltering(filter) ? shown.length : snap.records.length}
        total={snap.records.length}
        dropped={snap.dropped}
        capacity={snap.capacity}
        backfilling={snap.capture === 'backfilling'}
        tools={harIO.buttons}
        {...view.toolbar}
      />
      {harIO.panel}
      {fallback && (
        <div class="fallback-bar">
          <CopyFallback text={fallback.text} label={fallback.label} onClose={() => setFallback(null)} />
        </div>
      )}
      <div class={`split ${detail ? 'with-detail' : ''}`} style={{ '--list-size': `${listSize}%` }} onKeyDown={onKeyDown}>
        <div class="list-pane">
          <RequestList
            {...view.list}
            selectedId={selectedId}
            onSelect={setSelectedId}
            onOpen={open}
            onCopyFailure={(t, label) => setFallback({ text: t, label })}
            gridRef={gridRef}
            empty={empty}
            onContextMenu={rowMenu.open}
          />
        </div>
        {detail && (
          <Views wrap="detail">
            {({ DetailView }) => (
              <>
                <Splitter value={listSize} onChange={setListSize} />
                <DetailView record={detail} tab={tab} onTab={setTab} onClose={close} records={snap.records} session={store.uploadSession} onSelect={open} />
              </>
            )}
          </Views>
        )}
      </div>
      {view.menu}
      {rowMenu.menu}
      {settingsOpen && (
        <Views quiet>
          {({ Settings }) => <Settings hosts={snap.customHosts} onSave={(p) => store.setCustomHosts(p)} onClose={() => setSettingsOpen(false)} />}
        </Views>
      )}
    </div>
  )
}
