// The DevTools-style toolbar: clear, filter (text or regex), quick switches, preserve log, settings, count.
import type { ComponentChildren } from 'preact'
import { useEffect, useRef, useState } from 'preact/hooks'
import { filterKeys, type FilterState } from './filter.ts'
import { t, tn, viewsReady } from './i18n.ts'
import { ClearIcon, GearIcon } from './icons.tsx'
import { useToolbarOverflow } from './toolbarOverflow.tsx'

export const FILTER_DEBOUNCE_MS = 100

interface ToolbarProps {
  filter: FilterState
  onFilter: (patch: Partial<FilterState>) => void
  regexError: string | null
  preserveLog: boolean
  onPreserveLog: (on: boolean) => void
  onClear: () => void
  onSettings: () => void
  shown: number
  total: number
  dropped: number
  capacity: number
  backfilling: boolean
  groupByUpload: boolean
  onGroupByUpload: (on: boolean) => void
  /** More buttons (HAR import/export), before Settings. */
  tools?: ComponentChildren
}

export function Toolbar(p: ToolbarProps) {
  const [draft, setDraft] = useState(p.filter.text)
  const committed = useRef(p.filter.text)

  // Typing is debounced; a reset from outside ("Clear filter") replaces the draft.
  useEffect(() => {
    if (p.filter.text !== committed.current) {
      committed.current = p.filter.text
      setDraft(p.filter.text)
    }
  }, [p.filter.text])
  useEffect(() => {
    if (draft === committed.current) return
    const t = setTimeout(() => {
      committed.current = draft
      p.onFilter({ text: draft })
    }, FILTER_DEBOUNCE_MS)
    return () => clearTimeout(t)
  }, [draft])

  const filtering = p.shown !== p.total
  // Groups that do not fit (data-ov, lowest data-ov-priority first) go into the "»" menu.
  const bar = useRef<HTMLDivElement | null>(null)
  const overflow = useToolbarOverflow(bar)
  return (
    <div class="toolbar" role="toolbar" aria-label={t('toolbar.label')} ref={bar}>
      <button type="button" class="icon-button" aria-label={t('toolbar.clear')} title={t('toolbar.clear')} data-testid="clear" onClick={p.onClear}>
        <ClearIcon />
      </button>
      <span class="toolbar-divider" />
      <input
        type="search"
        class={`filter-input ${p.regexError ? 'invalid' : ''}`}
        placeholder={t('toolbar.filter.placeholder')}
        aria-label={t('toolbar.filter.label')}
        aria-invalid={p.regexError ? 'true' : undefined}
        // The syntax help is long: it comes with the views messages, after the first paint.
        title={p.regexError ? t('toolbar.filter.invalidRegex', { error: p.regexError }) : viewsReady() ? t('toolbar.filter.title') : undefined}
        spellcheck={false}
        value={draft}
        data-testid="filter"
        list="filter-keys"
        onInput={(e) => setDraft(e.currentTarget.value)}
      />
      {/* The property keys as suggestions, as the Network panel's filter offers them. */}
      <datalist id="filter-keys">
        {filterKeys().map((k) => (
          <option key={k} value={k} />
        ))}
      </datalist>
      <span class="toolbar-group" data-ov="regex" data-ov-priority="5">
        <button
          type="button"
          class="toggle-button regex-toggle"
          aria-pressed={p.filter.regex}
          aria-label={t('toolbar.regex')}
          title={t('toolbar.regex')}
          data-testid="regex-toggle"
          onClick={() => p.onFilter({ regex: !p.filter.regex })}
        >
          .*
        </button>
      </span>
      <span class="toolbar-group" data-ov="switches" data-ov-priority="1">
        <span class="toolbar-divider" />
        <Check label={t('toolbar.errorsOnly')} testId="errors-only" checked={p.filter.errorsOnly} onChange={(v) => p.onFilter({ errorsOnly: v })} />
        <Check label={t('toolbar.findingsOnly')} testId="findings-only" checked={p.filter.findingsOnly} onChange={(v) => p.onFilter({ findingsOnly: v })} />
      </span>
      <span class="toolbar-group" data-ov="preserve" data-ov-priority="2">
        <span class="toolbar-divider" />
        <Check label={t('toolbar.preserveLog')} testId="preserve-log" checked={p.preserveLog} onChange={p.onPreserveLog} />
        <Check label={t('toolbar.groupByUpload')} testId="group-by-upload" checked={p.groupByUpload} onChange={p.onGroupByUpload} />
      </span>
      <span class="toolbar-spacer" />
      {p.backfilling && (
        <span class="toolbar-note" data-testid="backfilling">
          {t('toolbar.backfilling')}
        </span>
      )}
      <span class="toolbar-count" data-testid="count">
        {filtering ? t('toolbar.count.filtered', { shown: p.shown, total: p.total }) : tn('toolbar.count', p.total)}
        {p.dropped > 0 && (
          <span class="dropped" title={viewsReady() ? t('toolbar.dropped.title', { capacity: p.capacity }) : undefined}>
            {' '}
            {t('toolbar.dropped', { count: p.dropped })}
          </span>
        )}
      </span>
      <span class="toolbar-divider" />
      {p.tools && (
        <span class="toolbar-group" data-ov="tools" data-ov-priority="3">
          {p.tools}
        </span>
      )}
      <span class="toolbar-group" data-ov="settings" data-ov-priority="4">
        <button
          type="button"
          class="icon-button"
          aria-label={t('toolbar.settings.label')}
          title={t('toolbar.settings.title')}
          data-testid="settings"
          onClick={p.onSettings}
        >
          <GearIcon />
        </button>
      </span>
      {overflow.more}
    </div>
  )
}

function Check({ label, checked, onChange, testId }: { label: string; checked: boolean; onChange: (v: boolean) => void; testId: string }) {
  return (
    <label class="toolbar-check">
      <input type="checkbox" checked={checked} data-testid={testId} onChange={(e) => onChange(e.currentTarget.checked)} />
      {label}
    </label>
  )
}
