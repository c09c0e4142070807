// Entry of the panel window. The DevTools page owns the capture and hands its store over: it calls
// window.__bosAttach(store) once this script has run, or sets window.__bosStore before it runs.
import './panel.css'
import { render } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import type { PanelStore } from '../devtools/store-types.ts'
import { App } from './App.tsx'

declare global {
  interface Window {
    __bosAttach?: (store: PanelStore) => void
    __bosStore?: PanelStore
  }
}

const CONNECT_HINT_MS = 2000
const root = document.getElementById('app')!
const devtools = typeof chrome !== 'undefined' ? chrome.devtools : undefined

// Until the store (and its theme) arrives, follow the DevTools theme if it can be read here.
document.documentElement.classList.add(devtools?.panels?.themeName === 'dark' ? 'theme-dark' : 'theme-light')

function Connecting() {
  const [late, setLate] = useState(false)
  useEffect(() => {
    const t = setTimeout(() => setLate(true), CONNECT_HINT_MS)
    return () => clearTimeout(t)
  }, [])
  return (
    <div class="connecting" data-testid="connecting">
      <p>Connecting to DevTools…</p>
      {late &&
        (devtools ? (
          <p class="muted">This is taking long. If it stays like this, close DevTools and open it again.</p>
        ) : (
          <p class="muted" data-testid="outside-devtools">
            This page only works as the BOS tab of Chrome DevTools: open DevTools (F12) on the page that talks to BOS and choose the BOS tab.
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
      reloadInspectedPage: () => store.reloadInspectedPage(),
      importHar: store.importHar && ((text, fileName) => store.importHar!(text, fileName)),
    },
    dispose: () => [...offs].forEach((off) => off()),
  }
}

let current: { source: PanelStore; dispose: () => void } | null = null
let generation = 0
function mount(source: PanelStore): void {
  // The DevTools page hands the store over on every onShown: the same store again is a no-op.
  if (source === current?.source) return
  current?.dispose()
  const t = tracked(source)
  current = { source, dispose: t.dispose }
  // A new store (the DevTools page was reloaded) starts a fresh App: filters and selection reset.
  render(<App key={++generation} store={t.store} />, root)
}

window.__bosAttach = mount
if (window.__bosStore) mount(window.__bosStore)
else render(<Connecting />, root)

// Unsubscribe from the store (it outlives this window) when the panel goes away.
addEventListener('pagehide', () => {
  current?.dispose()
  current = null
  render(null, root)
})
