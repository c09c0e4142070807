// The row context menu's state (startup code, small): which row, where, and the last copy to announce.
// The menu itself and its copy builders come with the views chunk (./views.ts), after the first paint.
import { useState } from 'preact/hooks'
import type { CapturedRecord } from '../devtools/store-types.ts'
import { Views } from './ViewParts.tsx'

export type RowMenuAt = { x: number; y: number } | { anchor: Element }

export function useRowMenu(records: readonly CapturedRecord[], gridRef: { current: HTMLElement | null }, onCopyFailure: (text: string, label: string) => void) {
  const [at, setAt] = useState<{ id: number; position: RowMenuAt } | null>(null)
  const [copied, setCopied] = useState<string | null>(null)
  const record = at ? records.find((r) => r.id === at.id) : undefined
  const menu = (
    <Views quiet>
      {({ RowMenu, CopyStatus }) => (
        <>
          <CopyStatus copied={copied} />
          {at && record && (
            <RowMenu
              key={`${at.id}`}
              record={record}
              position={at.position}
              opener={gridRef.current}
              onClose={() => setAt(null)}
              onCopied={setCopied}
              onCopyFailure={onCopyFailure}
            />
          )}
        </>
      )}
    </Views>
  )
  return { open: (id: number, position: RowMenuAt) => (setCopied(null), setAt({ id, position })), menu }
}
