// What the panel loads after its first paint, and the views that wait for it:
// - the detail pane and the Settings dialog with the messages of the detail views and dialogs: <Views>
//   (./ViewParts.tsx);
// - the upload-debugging views (signature check, upload session, PostObject form), which pull in the
//   signing and session code of the core: a chunk of their own, loaded the first time one is shown: <Lazy>.
// Both keep the panel's initial bundle small.
import type { ComponentChildren } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { loadViews, t } from './i18n.ts'

export type Extras = typeof import('./extras/index.ts')
let loaded: Extras | undefined
let loading: Promise<Extras> | undefined
export const loadExtras = (): Promise<Extras> =>
  (loading ??= Promise.all([import('./extras/index.ts'), loadViews()]).then(
    ([m]) => (loaded = m),
    (e: unknown) => {
      loading = undefined
      throw e
    },
  ))

export function Waiting({ failed, wrap }: { failed: boolean; wrap?: string }) {
  const p = (
    <p class="muted" data-testid="lazy-loading">
      {failed ? t('lazy.failed') : t('common.loading')}
    </p>
  )
  return wrap ? <div class={wrap}>{p}</div> : p
}

export function Lazy({ children }: { children: (m: Extras) => ComponentChildren }) {
  const [failed, setFailed] = useState(false)
  const [, setReady] = useState(false)
  useEffect(() => {
    if (!loaded)
      loadExtras().then(
        () => setReady(true),
        () => setFailed(true),
      )
  }, [])
  return loaded ? <>{children(loaded)}</> : <Waiting failed={failed} />
}

/** A text the extras chunk computes (x-bce-process in words): nothing until it is loaded, then the text. */
export function LazyText({ text }: { text: (m: Extras) => string | null }) {
  const [, setReady] = useState(false)
  useEffect(() => {
    if (!loaded)
      loadExtras().then(
        () => setReady(true),
        () => undefined,
      )
  }, [])
  return loaded ? <>{text(loaded)}</> : null
}
