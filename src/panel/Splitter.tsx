// The draggable (and keyboard-adjustable) divider between the list and the detail pane.
import { t } from './i18n.ts'

interface SplitterProps {
  /** List size in percent of the split. */
  value: number
  onChange: (pct: number) => void
}

const clamp = (v: number) => Math.min(80, Math.max(20, v))

export function Splitter({ value, onChange }: SplitterProps) {
  const onPointerDown = (e: PointerEvent) => {
    const bar = e.currentTarget as HTMLElement
    const split = bar.parentElement
    if (!split) return
    e.preventDefault()
    bar.setPointerCapture(e.pointerId)
    const vertical = getComputedStyle(split).flexDirection === 'column'
    const move = (m: PointerEvent) => {
      const r = split.getBoundingClientRect()
      const pct = vertical ? ((m.clientY - r.top) / r.height) * 100 : ((m.clientX - r.left) / r.width) * 100
      onChange(clamp(pct))
    }
    const up = () => {
      bar.removeEventListener('pointermove', move)
      bar.removeEventListener('pointerup', up)
    }
    bar.addEventListener('pointermove', move)
    bar.addEventListener('pointerup', up)
  }
  const onKeyDown = (e: KeyboardEvent) => {
    const step = e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -5 : e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 5 : 0
    if (!step) return
    e.preventDefault()
    onChange(clamp(value + step))
  }
  return (
    <div
      class="splitter"
      role="separator"
      aria-label={t('splitter.label')}
      aria-valuenow={Math.round(value)}
      aria-valuemin={20}
      aria-valuemax={80}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  )
}
