// Custom host patterns (custom domains, CDNs): requests to them are treated as BOS traffic.
import { useEffect, useRef, useState } from 'preact/hooks'
import { parts, t } from './i18n.ts'

interface SettingsProps {
  hosts: readonly string[]
  onSave: (patterns: string[]) => Promise<void>
  onClose: () => void
}

const PATTERN = /^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/

/** One pattern per line (commas and spaces also separate); schemes, paths and ports are dropped. */
export function parseHostPatterns(text: string): { patterns: string[]; invalid: string[] } {
  const patterns: string[] = []
  const invalid: string[] = []
  for (const raw of text.split(/[\s,]+/)) {
    const p = raw
      .trim()
      .toLowerCase()
      .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
      .replace(/[/?#].*$/, '')
      .replace(/:\d+$/, '')
    if (!p) continue
    if (!PATTERN.test(p)) invalid.push(raw.trim())
    else if (!patterns.includes(p)) patterns.push(p)
  }
  return { patterns, invalid }
}

export function Settings({ hosts, onSave, onClose }: SettingsProps) {
  const [text, setText] = useState(hosts.join('\n'))
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const area = useRef<HTMLTextAreaElement>(null)
  useEffect(() => area.current?.focus(), [])

  const save = async (e: Event) => {
    e.preventDefault()
    const { patterns, invalid } = parseHostPatterns(text)
    if (invalid.length) {
      setError(t('settings.invalid', { patterns: invalid.join(', ') }))
      return
    }
    setSaving(true)
    setError(null)
    try {
      await onSave(patterns)
      onClose()
    } catch (err) {
      // The store lives in another window: its Error is not an instance of ours, so read .message.
      setError(typeof err === 'object' && err !== null && 'message' in err ? String(err.message) : String(err))
      setSaving(false)
    }
  }

  return (
    <div class="overlay" data-testid="settings-overlay" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div
        class="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="bos-settings-title"
        data-testid="settings-dialog"
        onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), onClose())}
      >
        <form onSubmit={save}>
          <h2 id="bos-settings-title" class="dialog-title">
            {t('settings.title')}
          </h2>
          <p class="muted">{parts('settings.hint', { example1: <code>files.example.com</code>, example2: <code>*.example.com</code> })}</p>
          <textarea
            ref={area}
            rows={6}
            spellcheck={false}
            aria-label={t('settings.input')}
            data-testid="hosts-input"
            value={text}
            onInput={(e) => setText(e.currentTarget.value)}
          />
          {error && (
            <p class="form-error" role="alert" data-testid="settings-error">
              {error}
            </p>
          )}
          <div class="dialog-buttons">
            <button type="button" class="text-button" onClick={onClose} data-testid="settings-cancel">
              {t('common.cancel')}
            </button>
            <button type="submit" class="text-button primary" disabled={saving} data-testid="settings-save">
              {saving ? t('common.saving') : t('common.save')}
            </button>
          </div>
        </form>
      </div>
    </div>
  )
}
