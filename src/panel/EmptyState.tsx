// What the list shows when it has no rows: how to get requests in, or how to get out of a filter.

interface NoRequestsProps {
  browser: 'chrome' | 'firefox'
  backfilling: boolean
  onReload: () => void
  onSettings: () => void
}

export function NoRequests({ browser, backfilling, onReload, onSettings }: NoRequestsProps) {
  return (
    <div class="empty" data-testid="empty">
      <p class="empty-title">{backfilling ? 'Importing earlier requests…' : 'No BOS requests yet.'}</p>
      <p>
        Requests to <code>*.bcebos.com</code> appear here as they finish. Requests made before DevTools opened are not visible:{' '}
        <button type="button" class="text-button" data-testid="reload" onClick={onReload}>
          Reload page
        </button>
      </p>
      <p>
        Using a custom domain or a CDN in front of BOS? Responses carrying BOS headers are recognised on any host; to be sure, add the host:{' '}
        <button type="button" class="text-button" data-testid="empty-settings" onClick={onSettings}>
          Custom hosts…
        </button>
      </p>
      {browser === 'firefox' && (
        <p class="empty-firefox" data-testid="firefox-hint">
          Firefox reports requests only after the Network panel has been opened once.
        </p>
      )}
    </div>
  )
}

export function NoMatches({ onClearFilter }: { onClearFilter: () => void }) {
  return (
    <div class="empty" data-testid="no-matches">
      <p class="empty-title">No requests match the filter</p>
      <p>
        <button type="button" class="text-button" data-testid="clear-filter" onClick={onClearFilter}>
          Clear filter
        </button>
      </p>
    </div>
  )
}
