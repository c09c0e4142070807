// The copy menu of a request: the detail pane's "Copy ▾" button and the row context menu offer the same
// items (Menu.tsx). Everything is masked by default (core/redact.ts through copy-as.ts); "Copy with
// secrets ▸" is the only way to include signatures, tokens and cookies. An item that does not apply is
// disabled and says why.
import { useState } from 'preact/hooks'
import { redactBodyText } from '../../core/redact.ts'
import type { CapturedRecord } from '../../devtools/store-types.ts'
import { copyText } from '../clipboard.ts'
import { CopyFallback } from '../CopyButton.tsx'
import { t } from '../i18n.ts'
import { supportTicket } from '../supportTicket.ts'
import { curl, fetchCall } from './copy-as.ts'
import { Menu, type MenuEntry, type MenuItem, type MenuPosition, SEPARATOR } from './Menu.tsx'

export type CopyKind = 'curlBash' | 'curlCmd' | 'fetch' | 'url' | 'requestId' | 'debugId' | 'response' | 'ticket'

export interface CopyChoice {
  kind: CopyKind
  label: string
  /** null: nothing to copy (then `reason` says why). */
  text: string | null
  reason?: string
}

/** The response body as text, masked unless `secrets`; null when the capture kept none (or only bytes). */
function responseText(r: CapturedRecord, secrets: boolean): string | null {
  const c = r.entry.response.content
  if (c.text === undefined || c.text === '' || c.encoding === 'base64') return null
  return secrets ? c.text : redactBodyText(c.text)
}

/** What each copy item copies for `r`, masked unless `secrets`. */
export function copyChoices(r: CapturedRecord, secrets: boolean): CopyChoice[] {
  const a = r.analysis
  const s3 = a.matchedBy === 's3'
  const o = { secrets }
  const response = responseText(r, secrets)
  return [
    { kind: 'curlBash', label: t('menu.copy.curlBash'), text: curl(r, 'bash', o) },
    { kind: 'curlCmd', label: t('menu.copy.curlCmd'), text: curl(r, 'cmd', o) },
    { kind: 'fetch', label: t('menu.copy.fetch'), text: fetchCall(r, o) },
    // The capture keeps the URL redacted (a presigned signature is never there to include).
    { kind: 'url', label: t('menu.copy.url'), text: r.entry.request.url },
    { kind: 'requestId', label: t('menu.copy.requestId'), text: a.requestId, reason: t('copy.requestId.none') },
    {
      kind: 'debugId',
      label: t(s3 ? 'menu.copy.amzId2' : 'menu.copy.debugId'),
      text: a.debugId,
      reason: t(s3 ? 'copy.amzId2.none' : 'copy.debugId.none'),
    },
    { kind: 'response', label: t('menu.copy.response'), text: response, reason: t('copyAs.response.none') },
    { kind: 'ticket', label: t('menu.copy.ticket'), text: supportTicket(r) },
  ]
}

/** Copies `text`, then says so (`onCopied`) or hands it to the fallback (`onFailure`): never "Copied" unless it was. */
export type CopyRunner = (text: string, label: string) => void

export function copyRunner(onCopied: (label: string) => void, onFailure: (text: string, label: string) => void): CopyRunner {
  // copyText starts synchronously inside the choosing click or key: the user gesture still counts.
  return (text, label) => void copyText(text).then((r) => (r.ok ? onCopied(label) : onFailure(text, label)))
}

const GROUPS: CopyKind[][] = [
  ['curlBash', 'curlCmd', 'fetch'],
  ['url', 'requestId', 'debugId'],
  ['response', 'ticket'],
]
/** The items whose text can hold a secret: the with-secrets submenu offers these. */
const SECRET_KINDS: CopyKind[] = ['curlBash', 'curlCmd', 'fetch', 'response']

const item = (c: CopyChoice, run: CopyRunner, testPrefix: string): MenuItem => ({
  label: c.label,
  disabled: c.text === null ? (c.reason ?? '') || c.label : null,
  onSelect: () => c.text !== null && run(c.text, c.label),
  testId: `${testPrefix}${c.kind}`,
})

/** The menu entries for a request: the masked items in groups, then "Copy with secrets ▸". */
export function copyMenuEntries(r: CapturedRecord, run: CopyRunner): MenuEntry[] {
  const masked = copyChoices(r, false)
  const full = copyChoices(r, true)
  const by = (list: CopyChoice[], k: CopyKind) => list.find((c) => c.kind === k)!
  const out: MenuEntry[] = []
  for (const g of GROUPS) {
    if (out.length) out.push(SEPARATOR)
    for (const k of g) out.push(item(by(masked, k), run, 'copy-item-'))
  }
  const secretItems = SECRET_KINDS.map((k) => by(full, k))
  const differs = SECRET_KINDS.some((k) => by(full, k).text !== by(masked, k).text)
  out.push(SEPARATOR, {
    label: t('menu.copy.secrets'),
    title: t('menu.copy.secrets.title'),
    disabled: differs ? null : t('menu.copy.noSecrets'),
    submenu: secretItems.map((c) => item(c, run, 'copy-secret-')),
    testId: 'copy-with-secrets',
  })
  return out
}

interface CopyStatusProps {
  copied: string | null
}

/** Announces a copy that happened (menus give no other feedback, as in DevTools). */
function CopyStatus({ copied }: CopyStatusProps) {
  return (
    <span role="status" class="menu-status" data-testid="menu-copy-status">
      {copied ? t('menu.copied', { label: copied }) : ''}
    </span>
  )
}

/** The detail pane's "Copy ▾": a menu button (ArrowDown/Enter/Space open it on its first item, ArrowUp on its last). */
export function CopyMenuButton({ record }: { record: CapturedRecord }) {
  const [open, setOpen] = useState<{ last: boolean } | null>(null)
  const [button, setButton] = useState<HTMLButtonElement | null>(null)
  const [copied, setCopied] = useState<string | null>(null)
  const [fallback, setFallback] = useState<{ text: string; label: string } | null>(null)
  const run = copyRunner(
    (label) => (setFallback(null), setCopied(label)),
    (text, label) => (setCopied(null), setFallback({ text, label })),
  )
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      setOpen({ last: e.key === 'ArrowUp' })
    }
  }
  return (
    <span class="copy-menu">
      <button
        type="button"
        ref={setButton}
        class="text-button menu-button"
        aria-haspopup="menu"
        aria-expanded={open !== null}
        data-testid="copy-menu-button"
        onClick={() => setOpen(open ? null : { last: false })}
        onKeyDown={onKeyDown}
      >
        {t('menu.copy')} <span aria-hidden="true">▾</span>
      </button>
      <CopyStatus copied={copied} />
      {fallback && <CopyFallback text={fallback.text} label={fallback.label} multiline onClose={() => setFallback(null)} />}
      {open && button && (
        <Menu
          items={copyMenuEntries(record, run)}
          position={{ anchor: button }}
          label={t('menu.copy')}
          opener={button}
          focusLast={open.last}
          onClose={() => setOpen(null)}
          testId="copy-menu"
        />
      )}
    </span>
  )
}

interface RowMenuProps {
  record: CapturedRecord
  position: MenuPosition
  opener: HTMLElement | null
  onClose: () => void
  onCopied: (label: string) => void
  onCopyFailure: (text: string, label: string) => void
}

/** The row context menu (right-click, Shift+F10, the context-menu key). */
export function RowMenu(p: RowMenuProps) {
  return (
    <Menu
      items={copyMenuEntries(p.record, copyRunner(p.onCopied, p.onCopyFailure))}
      position={p.position}
      label={t('menu.row')}
      opener={p.opener}
      onClose={p.onClose}
      testId="row-menu"
    />
  )
}

export { CopyStatus }
