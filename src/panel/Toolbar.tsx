// The DevTools-style toolbar: clear, filter (text or regex), quick switches, preserve log, settings, count.
import type { ComponentChildren } from 'preact'
import { useEffect, useRef, useState } from 'preact/hooks'
import type { FilterState } from './filter.ts'
import { ClearIcon, GearIcon } from './icons.tsx'

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
  return (
    <div class="toolbar" role="toolbar" aria-label="BOS requests">
      <button type="button" class="icon-button" aria-label="Clear" title="Clear" data-testid="clear" onClick={p.onClear}>
        <ClearIcon />
      </button>
      <span class="toolbar-divider" />
      <input
        type="search"
        class={`filter-input ${p.regexError ? 'invalid' : ''}`}
        placeholder="Filter"
        aria-label="Filter"
        aria-invalid={p.regexError ? 'true' : undefined}
        title={p.regexError ? `Invalid regular expression: ${p.regexError}` : 'Filter by URL, operation, error code, request id or debug id'}
        spellcheck={false}
        value={draft}
        data-testid="filter"
        onInput={(e) => setDraft(e.currentTarget.value)}
      />
      <button
        type="button"
        class="toggle-button regex-toggle"
        aria-pressed={p.filter.regex}
        aria-label="Use regular expression"
        title="Use regular expression"
        data-testid="regex-toggle"
        onClick={() => p.onFilter({ regex: !p.filter.regex })}
      >
        .*
      </button>
      <span class="toolbar-divider" />
      <Check label="Errors only" testId="errors-only" checked={p.filter.errorsOnly} onChange={(v) => p.onFilter({ errorsOnly: v })} />
      <Check label="With findings only" testId="findings-only" checked={p.filter.findingsOnly} onChange={(v) => p.onFilter({ findingsOnly: v })} />
      <span class="toolbar-divider" />
      <Check label="Preserve log" testId="preserve-log" checked={p.preserveLog} onChange={p.onPreserveLog} />
      <span class="toolbar-spacer" />
      {p.backfilling && (
        <span class="toolbar-note" data-testid="backfilling">
          Importing earlier requests…
        </span>
      )}
      <span class="toolbar-count" data-testid="count">
        {filtering ? `${p.shown} / ${p.total}` : p.total} {p.total === 1 && !filtering ? 'request' : 'requests'}
        {p.dropped > 0 && (
          <span class="dropped" title={`The oldest requests were dropped to keep at most ${p.capacity} in memory.`}>
            {' '}
            · {p.dropped} dropped
          </span>
        )}
      </span>
      <span class="toolbar-divider" />
      {p.tools}
      <button type="button" class="icon-button" aria-label="Settings: custom BOS hosts" title="Custom domains and CDN hosts" data-testid="settings" onClick={p.onSettings}>
        <GearIcon />
      </button>
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
