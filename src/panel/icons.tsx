// The few DevTools-style icons the panel needs, as inline SVG (no icon font, no extra request).
import type { Severity } from '../core/types.ts'
import { t } from './i18n.ts'

const svg = (d: string, label?: string) => (
  <svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden={label ? undefined : 'true'} role={label ? 'img' : undefined} aria-label={label}>
    <path d={d} fill="currentColor" />
  </svg>
)

export const ClearIcon = () =>
  svg('M8 2a6 6 0 1 0 0 12A6 6 0 0 0 8 2Zm0 1.5a4.5 4.5 0 0 1 3.6 7.2L5.3 4.4A4.5 4.5 0 0 1 8 3.5ZM3.5 8c0-1 .3-2 .9-2.7l6.3 6.3A4.5 4.5 0 0 1 3.5 8Z')
export const GearIcon = () =>
  svg(
    'M9.3 1.5 9.6 3a5 5 0 0 1 1.3.8l1.5-.5 1.3 2.3-1.2 1a5 5 0 0 1 0 1.6l1.2 1-1.3 2.3-1.5-.5a5 5 0 0 1-1.3.8l-.3 1.5H6.7L6.4 13a5 5 0 0 1-1.3-.8l-1.5.5-1.3-2.3 1.2-1a5 5 0 0 1 0-1.6l-1.2-1 1.3-2.3 1.5.5A5 5 0 0 1 6.4 3l.3-1.5h2.6ZM8 5.8a2.2 2.2 0 1 0 0 4.4 2.2 2.2 0 0 0 0-4.4Z',
  )
export const CopyIcon = () =>
  svg('M5 2h7a1 1 0 0 1 1 1v8h-1.5V3.5H5V2ZM3 5h6.5a1 1 0 0 1 1 1v7.5a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1Zm.5 1.5V13H9V6.5H3.5Z')
export const CheckIcon = () => svg('M6.3 11.6 2.7 8l1-1 2.6 2.5 6-6 1 1-7 7.1Z')
export const CloseIcon = () => svg('M4.1 3 8 6.9 11.9 3 13 4.1 9.1 8l3.9 3.9-1.1 1.1L8 9.1 4.1 13 3 11.9 6.9 8 3 4.1 4.1 3Z')

const SEVERITY_PATH: Record<Severity, string> = {
  error: 'M8 1.5a6.5 6.5 0 1 1 0 13 6.5 6.5 0 0 1 0-13Zm-2 3.4L4.9 6 6.9 8l-2 2 1.1 1.1 2-2 2 2 1.1-1.1-2-2 2-2L10 4.9l-2 2-2-2Z',
  warning: 'M8 1.3 15.2 14H.8L8 1.3Zm-.8 4.2v4.3h1.6V5.5H7.2Zm0 5.4v1.6h1.6v-1.6H7.2Z',
  info: 'M8 1.5a6.5 6.5 0 1 1 0 13 6.5 6.5 0 0 1 0-13Zm-.8 3v1.6h1.6V4.5H7.2Zm0 2.7v4.3h1.6V7.2H7.2Z',
}

export const SeverityIcon = ({ severity }: { severity: Severity }) => (
  <span class={`sev-icon sev-${severity}`}>{svg(SEVERITY_PATH[severity], t(`severity.${severity}`))}</span>
)
