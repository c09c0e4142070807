// Subscribes to the PanelStore handed over by the DevTools page. The store lives in another window, so
// it is only called through its methods and its snapshots are read as plain data.
import { useEffect, useState } from 'preact/hooks'
import type { PanelStore, StoreSnapshot } from '../devtools/store-types.ts'

/** Bursts (a getHAR backfill adds hundreds of records) re-render at most this often. */
export const STORE_THROTTLE_MS = 50

export function useStore(store: PanelStore): StoreSnapshot {
  const [snapshot, setSnapshot] = useState(() => store.getSnapshot())
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    let last = 0
    const pull = () => {
      timer = undefined
      last = Date.now()
      setSnapshot(store.getSnapshot())
    }
    const onChange = () => {
      if (timer !== undefined) return
      const wait = STORE_THROTTLE_MS - (Date.now() - last)
      if (wait <= 0) pull()
      else timer = setTimeout(pull, wait)
    }
    const unsubscribe = store.subscribe(onChange)
    pull() // a change between the first render and subscribe() would otherwise be missed
    return () => {
      clearTimeout(timer)
      unsubscribe()
    }
  }, [store])
  return snapshot
}
