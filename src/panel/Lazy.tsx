// The upload-debugging views (signature check, upload session, PostObject form) pull in the signing and
// session code of the core: they live in a chunk of their own, loaded the first time one is shown, so
// the panel's initial bundle stays small.
import type { ComponentChildren } from 'preact'
import { useEffect, useState } from 'preact/hooks'

export type Extras = typeof import('./extras/index.ts')

let loaded: Extras | undefined
let loading: Promise<Extras> | undefined
export const loadExtras = (): Promise<Extras> => (loading ??= import('./extras/index.ts').then((m) => (loaded = m)))

export function Lazy({ children }: { children: (m: Extras) => ComponentChildren }) {
  const [failed, setFailed] = useState(false)
  const [, setReady] = useState(false)
  useEffect(() => {
    if (!loaded) loadExtras().then(() => setReady(true), () => setFailed(true))
  }, [])
  return loaded ? <>{children(loaded)}</> : <p class="muted" data-testid="lazy-loading">{failed ? 'This view could not be loaded.' : 'Loading…'}</p>
}
