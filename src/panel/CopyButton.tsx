// A copy button whose feedback tells the truth: "Copied" only after a copy that really happened; when
// both clipboard paths fail, the text is offered pre-selected for Ctrl/Cmd+C instead.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks'
import { copyText } from './clipboard.ts'
import { t } from './i18n.ts'
import { CheckIcon, CloseIcon, CopyIcon } from './icons.tsx'

const COPIED_MS = 1800

interface CopyButtonProps {
  /** null disables the button (nothing to copy). */
  text: string | null
  /** Accessible name; also the visible text of a text button. */
  label: string
  icon?: boolean
  title?: string
  testId?: string
  multiline?: boolean
  /** Where a row button (no room for it) sends the fallback; text buttons show it inline. */
  onFailure?: (text: string, label: string) => void
  /** False for a button inside the grid: the grid is one Tab stop, the detail pane has the same copy. */
  tabStop?: boolean
}

export function CopyButton({ text, label, icon, title, testId, multiline, onFailure, tabStop = true }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'busy' | 'copied' | 'failed'>('idle')
  const [fallback, setFallback] = useState<string | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const alive = useRef(true)
  useEffect(
    () => () => {
      alive.current = false
      clearTimeout(timer.current)
    },
    [],
  )

  const onClick = (e: MouseEvent) => {
    e.stopPropagation() // a row button must not also select the row
    if (text === null || state === 'busy') return
    clearTimeout(timer.current)
    setState('busy')
    setFallback(null)
    // copyText starts synchronously inside this handler: the user gesture is still valid for it.
    void copyText(text).then((r) => {
      if (!alive.current) {
        if (!r.ok) onFailure?.(text, label)
        return
      }
      setState(r.ok ? 'copied' : 'failed')
      if (r.ok) timer.current = setTimeout(() => alive.current && setState('idle'), COPIED_MS)
      else if (onFailure) {
        onFailure(text, label)
        timer.current = setTimeout(() => alive.current && setState('idle'), COPIED_MS)
      } else setFallback(text)
    })
  }

  const status = state === 'copied' ? t('copy.copied') : state === 'failed' ? t('copy.blocked') : ''
  return (
    <span class={`copy ${icon ? 'copy-icon' : 'copy-text'}`}>
      <button
        type="button"
        class={icon ? 'icon-button' : 'text-button'}
        aria-label={label}
        title={title ?? label}
        disabled={text === null}
        tabIndex={tabStop ? undefined : -1}
        data-testid={testId}
        onClick={onClick}
      >
        {icon ? state === 'copied' ? <CheckIcon /> : <CopyIcon /> : label}
      </button>
      <span role="status" class={`copy-status ${state}`} data-testid={testId ? `${testId}-status` : undefined}>
        {status}
      </span>
      {fallback !== null && <CopyFallback text={fallback} label={label} multiline={multiline} onClose={() => (setFallback(null), setState('idle'))} />}
    </span>
  )
}

interface FallbackProps {
  text: string
  label: string
  multiline?: boolean
  onClose: () => void
}

/** The last resort: the text selected in a read-only field, for the user's own Ctrl/Cmd+C. */
export function CopyFallback({ text, label, multiline, onClose }: FallbackProps) {
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null)
  useLayoutEffect(() => {
    const el = ref.current
    if (!el) return
    el.focus()
    el.select()
    el.scrollTop = 0 // show the start of a ticket, not where the selection ends
  }, [text])
  const common = {
    ref,
    readOnly: true,
    value: text,
    'aria-label': t('copy.fallback.label', { label }),
    'data-testid': 'copy-fallback-input',
    onFocus: (e: FocusEvent) => (e.currentTarget as HTMLInputElement).select(),
    onKeyDown: (e: KeyboardEvent) => e.key === 'Escape' && (e.stopPropagation(), onClose()),
  }
  return (
    <span class={`copy-fallback ${multiline ? 'multiline' : ''}`} data-testid="copy-fallback">
      <span class="copy-fallback-hint">{t('copy.fallback.hint')}</span>
      <button type="button" class="icon-button copy-fallback-close" aria-label={t('common.close')} title={t('common.close')} onClick={onClose}>
        <CloseIcon />
      </button>
      {multiline ? <textarea {...common} rows={Math.min(12, text.split('\n').length)} /> : <input {...common} />}
    </span>
  )
}
