// What the list shows when it has no rows: how to get requests in, or how to get out of a filter.
import { parts, t } from './i18n.ts'

interface NoRequestsProps {
  browser: 'chrome' | 'firefox'
  backfilling: boolean
  onReload: () => void
  onSettings: () => void
}

export function NoRequests({ browser, backfilling, onReload, onSettings }: NoRequestsProps) {
  return (
    <div class="empty" data-testid="empty">
      <p class="empty-title">{backfilling ? t('toolbar.backfilling') : t('empty.title')}</p>
      <p>
        {parts('empty.hint', {
          hosts: <code>*.bcebos.com</code>,
          reload: (
            <button type="button" class="text-button" data-testid="reload" onClick={onReload}>
              {t('empty.reload')}
            </button>
          ),
        })}
      </p>
      <p>
        {parts('empty.customHosts', {
          settings: (
            <button type="button" class="text-button" data-testid="empty-settings" onClick={onSettings}>
              {t('empty.customHosts.button')}
            </button>
          ),
        })}
      </p>
      {browser === 'firefox' && (
        <p class="empty-firefox" data-testid="firefox-hint">
          {t('empty.firefox')}
        </p>
      )}
    </div>
  )
}

export function NoMatches({ onClearFilter }: { onClearFilter: () => void }) {
  return (
    <div class="empty" data-testid="no-matches">
      <p class="empty-title">{t('empty.noMatches')}</p>
      <p>
        <button type="button" class="text-button" data-testid="clear-filter" onClick={onClearFilter}>
          {t('empty.clearFilter')}
        </button>
      </p>
    </div>
  )
}
