// The list's view state for App.tsx: the columns, sort and "Group by upload" the store keeps (with
// `storage`), the groups the user opened, and the column menu of the header (loaded after the first
// paint with the views, ./ViewParts.tsx). App passes `list` to <RequestList> and `toolbar` to <Toolbar>.
import { useEffect, useMemo, useState } from 'preact/hooks'
import type { ListPrefs } from '../devtools/list-prefs.ts'
import type { CapturedRecord, PanelStore, StoreSnapshot } from '../devtools/store-types.ts'
import { COLUMNS, DEFAULT_PREFS } from './columns.ts'
import { t } from './i18n.ts'
import { loadViewParts, Views, viewParts } from './ViewParts.tsx'
import { buildRows, type ListRow } from './list-rows.ts'

export interface ListView {
  list: {
    rows: readonly ListRow[]
    prefs: ListPrefs
    onPrefs: (prefs: ListPrefs) => void
    onToggleGroup: (uploadId: string, open: boolean) => void
    onHeaderMenu: (x: number, y: number) => void
  }
  toolbar: { groupByUpload: boolean; onGroupByUpload: (on: boolean) => void }
  /** The open column menu, if any. */
  menu: preact.ComponentChildren
}

export function useListView(store: PanelStore, snap: StoreSnapshot, shown: readonly CapturedRecord[], focusGrid: () => void): ListView {
  const stored = snap.listPrefs ?? DEFAULT_PREFS
  // Shown at once, saved by the store (a new snapshot follows): a drag's end never flashes the old widths.
  const [prefs, setPrefs] = useState<ListPrefs>(stored)
  useEffect(() => setPrefs(stored), [stored])
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set())
  const [menuAt, setMenuAt] = useState<{ x: number; y: number } | null>(null)

  const onPrefs = (p: ListPrefs) => {
    setPrefs(p)
    store.setListPrefs?.(p)
  }
  // Grouping comes with the views, right after the first paint: until then the list is not grouped.
  const [, setGroupingIn] = useState(false)
  const groupingIn = viewParts() !== undefined
  useEffect(() => {
    if (prefs.groupByUpload && !groupingIn)
      loadViewParts().then(
        () => setGroupingIn(true),
        () => undefined,
      )
  }, [prefs.groupByUpload, groupingIn])
  const rows = useMemo(() => buildRows(shown, prefs.sort, prefs.groupByUpload, expanded), [shown, prefs.sort, prefs.groupByUpload, expanded, groupingIn])
  const onToggleGroup = (uploadId: string, open: boolean) =>
    setExpanded((s) => {
      const next = new Set(s)
      if (open) next.add(uploadId)
      else next.delete(uploadId)
      return next
    })

  return {
    list: { rows, prefs, onPrefs, onToggleGroup, onHeaderMenu: (x, y) => setMenuAt({ x, y }) },
    toolbar: { groupByUpload: prefs.groupByUpload, onGroupByUpload: (on) => onPrefs({ ...prefs, groupByUpload: on }) },
    menu: menuAt && (
      <Views quiet>
        {({ Menu, SEPARATOR }) => (
          <Menu
            label={t('list.columns.menu')}
            testId="column-menu"
            position={menuAt}
            onClose={(reason) => {
              setMenuAt(null)
              if (reason !== 'outside' && reason !== 'blur') focusGrid()
            }}
            items={[
              ...COLUMNS.map((c) => {
                const shown = !prefs.hidden.includes(c.id)
                const last = shown && COLUMNS.every((o) => o.id === c.id || prefs.hidden.includes(o.id))
                return {
                  label: t(c.label),
                  checked: shown,
                  disabled: last ? t('list.columns.lastShown') : null,
                  testId: `column-toggle-${c.id}`,
                  onSelect: () => onPrefs({ ...prefs, hidden: shown ? [...prefs.hidden, c.id] : prefs.hidden.filter((h) => h !== c.id) }),
                }
              }),
              SEPARATOR,
              {
                label: t('list.columns.reset'),
                testId: 'column-reset',
                onSelect: () => onPrefs({ ...DEFAULT_PREFS, groupByUpload: prefs.groupByUpload }),
              },
            ]}
          />
        )}
      </Views>
    ),
  }
}
