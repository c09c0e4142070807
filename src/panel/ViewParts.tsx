// The detail pane and the Settings dialog (./views.ts), which the first paint never shows: loaded right
// after it, with the messages of the detail views and dialogs (the `views` catalog part, ./i18n.ts).
// Apart from Lazy.tsx, which the detail tabs import, so that no module imports its own importer.
import type { ComponentChildren } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { loadViews, viewsReady } from './i18n.ts'
import { Waiting } from './Lazy.tsx'

export type ViewParts = typeof import('./views.ts')

let parts: ViewParts | undefined
/** The views module once it is loaded (the list's header controls and upload groups use it when it is in). */
export const viewParts = (): ViewParts | undefined => parts
let partsLoading: Promise<ViewParts> | undefined
/** The detail pane and dialogs with their messages in the panel's language (per language, as loadViews). */
export const loadViewParts = (): Promise<ViewParts> =>
  Promise.all([
    (partsLoading ??= import('./views.ts').then(
      (m) => (parts = m),
      (e: unknown) => {
        partsLoading = undefined
        throw e
      },
    )),
    loadViews(),
  ]).then(([m]) => m)

/**
 * Renders the detail pane or a dialog (`children`, given ./views.ts) once that chunk and the `views`
 * messages are in; until then "Loading…" (in `wrap`, a class for a container), or nothing when `quiet`.
 * Almost always they are in already: they load right after the first paint.
 */
export function Views({ children, wrap, quiet }: { children: (v: ViewParts) => ComponentChildren; wrap?: string; quiet?: boolean }) {
  const [failed, setFailed] = useState(false)
  const [, setReady] = useState(false)
  const ready = viewsReady() && parts
  useEffect(() => {
    if (!ready)
      loadViewParts().then(
        () => setReady(true),
        () => setFailed(true),
      )
  }, [ready])
  return ready ? <>{children(ready)}</> : quiet && !failed ? null : <Waiting failed={failed} wrap={wrap} />
}
