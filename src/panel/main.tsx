// Entry of the panel window. The DevTools page owns the capture and hands its store over: it calls
// window.__bosAttach(store) once this script has run, or sets window.__bosStore before it runs.
// Nothing renders before the startup messages of the browser's UI language are in (./i18n.ts); the
// rest of the messages load right after the first paint.
// The panel's styles, one file per part of the UI, in cascade order (base first: the theme variables).
import './styles/base.css'
import './styles/toolbar.css'
import './styles/split.css'
import './styles/grid.css'
import './styles/empty-states.css'
import './styles/detail.css'
import './styles/settings.css'
import { render, type VNode } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { inDevtools, panelTheme } from '../devtools/panel-seam.ts'
import type { PanelStore } from '../devtools/store-types.ts'
import { App } from './App.tsx'
import { startLocale, t } from './i18n.ts'
import { loadViewParts } from './ViewParts.tsx'

declare global {
  interface Window {
    __bosAttach?: (store: PanelStore) => void
    __bosStore?: PanelStore
  }
}

const CONNECT_HINT_MS = 2000
const root = document.getElementById('app')!
const devtools = inDevtools()

// Until the store (and its theme) arrives, follow the DevTools theme if it can be read here.
document.documentElement.classList.add(panelTheme() === 'dark' ? 'theme-dark' : 'theme-light')

function Connecting() {
  const [late, setLate] = useState(false)
  useEffect(() => {
    const t = setTimeout(() => setLate(true), CONNECT_HINT_MS)
    return () => clearTimeout(t)
  }, [])
  return (
    <div class="connecting" data-testid="connecting">
      <p>{t('connecting.title')}</p>
      {late &&
        (devtools ? (
          <p class="muted">{t('connecting.slow')}</p>
        ) : (
          <p class="muted" data-testid="outside-devtools">
            {t('connecting.outsideDevtools')}
          </p>
        ))}
    </div>
  )
}

/**
 * The store outlives this window, and Preact 11 runs effect cleanups of an unmounted tree only after the
 * next frame, which never comes for a window being torn down. So the panel keeps its own list of
 * subscriptions and drops them itself: the DevTools page must not keep calling into a dead window.
 */
function tracked(store: PanelStore): { store: PanelStore; dispose: () => void } {
  const offs = new Set<() => void>()
  return {
    store: {
      getSnapshot: () => store.getSnapshot(),
      subscribe(listener) {
        const unsubscribe = store.subscribe(listener)
        const off = () => {
          if (offs.delete(off)) unsubscribe()
        }
        offs.add(off)
        return off
      },
      clear: () => store.clear(),
      setPreserveLog: (on) => store.setPreserveLog(on),
      setCustomHosts: (patterns) => store.setCustomHosts(patterns),
      setListPrefs: store.setListPrefs && ((prefs) => store.setListPrefs!(prefs)),
      reloadInspectedPage: () => store.reloadInspectedPage(),
      importHar: store.importHar && ((text, fileName) => store.importHar!(text, fileName)),
      beginImport: store.beginImport && ((fileName) => store.beginImport!(fileName)),
      uploadSession: (uploadId) => store.uploadSession(uploadId),
    },
    dispose: () => [...offs].forEach((off) => off()),
  }
}

// What to show: rendered once the startup messages are in (every later change renders at once).
let view: VNode | null = null
let started = false
const show = (v: VNode | null) => {
  view = v
  if (started) render(v, root)
}

let current: { source: PanelStore; dispose: () => void } | null = null
let generation = 0
function mount(source: PanelStore): void {
  // The DevTools page hands the store over on every onShown: the same store again is a no-op.
  if (source === current?.source) return
  current?.dispose()
  const tr = tracked(source)
  current = { source, dispose: tr.dispose }
  // A new store (the DevTools page was reloaded) starts a fresh App: filters and selection reset.
  show(<App key={++generation} store={tr.store} />)
}

window.__bosAttach = mount
if (window.__bosStore) mount(window.__bosStore)
else show(<Connecting />)

void startLocale()
  .catch(() => undefined) // no catalog at all: the keys show, but the panel works
  .then(() => {
    started = true
    show(view)
    // After the first paint: the detail views and dialogs with their messages (one opened sooner asks itself).
    const later = () => void loadViewParts().catch(() => undefined)
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(later, 0))
    else setTimeout(later, 0)
  })

// Unsubscribe from the store (it outlives this window) when the panel goes away.
addEventListener('pagehide', () => {
  current?.dispose()
  current = null
  show(null)
})
