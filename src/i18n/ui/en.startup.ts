// English UI messages the panel needs for its first paint: the connecting screen, the toolbar, the request
// list and its badges, the empty states, the copy buttons. The panel loads this part (or the zh_CN one)
// before it renders, so it counts toward the panel's 25 KB startup budget (build/panel-size.ts):
// everything the first paint does not show belongs in ./en.views.ts, which loads right after it.
// Together they are the English UI catalog, ../en.ts; its header says how keys and placeholders work.

export const enStartup = {
  // ---- shared words ----
  'common.close': 'Close',
  'common.loading': 'Loading…',

  // ---- the clock skew on a badge (panel/format.ts shortSkew) ----
  'time.short.seconds': '{sign}{count} s',
  'time.short.minutes': '{sign}{count} min',
  'time.short.hours': '{sign}{count} h',
  'time.short.days': '{sign}{count} d',

  // ---- connecting (panel/main.tsx) ----
  'connecting.title': 'Connecting to DevTools…',
  'connecting.slow': 'This is taking long. If it stays like this, close DevTools and open it again.',
  'connecting.outsideDevtools':
    'This page only works as the BOS tab of Chrome DevTools: open DevTools (F12) on the page that talks to BOS and choose the BOS tab.',

  // ---- toolbar (panel/Toolbar.tsx) ----
  'toolbar.label': 'BOS requests',
  'toolbar.clear': 'Clear',
  'toolbar.filter.placeholder': 'Filter',
  'toolbar.filter.label': 'Filter',
  'toolbar.filter.invalidRegex': 'Invalid regular expression: {error}',
  'toolbar.regex': 'Use regular expression',
  'toolbar.errorsOnly': 'Errors only',
  'toolbar.findingsOnly': 'With findings only',
  'toolbar.preserveLog': 'Preserve log',
  'toolbar.groupByUpload': 'Group by upload',
  'toolbar.backfilling': 'Importing earlier requests…',
  'toolbar.count.one': '{count} request',
  'toolbar.count.other': '{count} requests',
  'toolbar.count.filtered': '{shown} / {total} requests',
  'toolbar.dropped': '· {count} dropped',
  'toolbar.settings.label': 'Settings: custom BOS hosts',
  'toolbar.more': 'More tools',
  'toolbar.settings.title': 'Custom domains and CDN hosts',

  // ---- HAR import and export (panel/HarIO.tsx, panel/HarPanel.tsx, devtools/har-import.ts) ----
  'har.import.label': 'Import HAR',
  'har.import.title': 'Import HAR… (or drop a .har file on the panel)',
  'har.export.label': 'Export HAR',
  'har.export.title': 'Export HAR…',

  // ---- empty list (panel/EmptyState.tsx) ----
  'empty.title': 'No BOS requests yet.',
  /** {hosts} is a <code>*.bcebos.com</code>, {reload} the "Reload page" button (use formatParts). */
  'empty.hint': 'Requests to {hosts} appear here as they finish. Requests made before DevTools opened are not visible: {reload}',
  'empty.reload': 'Reload page',
  /** {settings} is the "Custom hosts…" button. */
  'empty.customHosts':
    'Using a custom domain or a CDN in front of BOS? Responses carrying BOS headers are recognised on any host; to be sure, add the host: {settings}',
  'empty.customHosts.button': 'Custom hosts…',
  'empty.firefox': 'Firefox reports requests only after the Network panel has been opened once.',
  'empty.noMatches': 'No requests match the filter',
  'empty.clearFilter': 'Clear filter',

  // ---- request list (panel/RequestList.tsx) ----
  'list.label': 'BOS requests',
  'list.col.time': 'Time',
  'list.col.method': 'Method',
  'list.col.operation': 'Operation',
  'list.col.object': 'Bucket/Key',
  'list.col.status': 'Status',
  'list.col.code': 'Code',
  'list.col.findings': 'Findings',
  'list.col.size': 'Size',
  'list.col.duration': 'Duration',
  'list.group.label': 'Multipart upload',
  'list.group.parts.one': '{count} part',
  'list.group.parts.other': '{count} parts',
  'list.group.failed': '{count} failed',
  'list.group.outcome.completed': 'completed',
  'list.group.outcome.aborted': 'aborted',
  'list.group.outcome.failed': 'Complete failed',
  'list.group.outcome.in-progress': 'in progress',
  'list.col.copy': 'Copy debug id',
  'list.operation.unknown': 'Operation not recognised',
  'list.tag.preflight': 'preflight',
  'list.tag.imported': 'imported',
  'status.failed': '(failed)',

  // ---- finding badges (panel/format.ts findingBadges) ----
  'badge.skew': 'skew {skew}',
  'badge.md5': 'MD5',
  'badge.status': 'status',
  'badge.unknownCode': 'code?',
  'badge.noBody': 'no body',
  'badge.notBos': 'not BOS',
  'badge.cutOff': 'cut off',
  'badge.urlExpired': 'URL expired',
  'badge.auth': 'auth',
  'badge.digest': 'digest',
  'badge.sha256': 'SHA-256',
  'badge.crc32': 'CRC32',
  'badge.expired': 'expired',
  'badge.skewed': 'skewed',
  'badge.region': 'region',
  'badge.checksums': 'checksums',
  'badge.signature': 'signature',
  'badge.sts': 'STS',
  'badge.charset': 'charset',
  'badge.host': 'host',
  'badge.v1': '/v1',
  'badge.encoding': 'encoding',
  'badge.browser': 'browser',
  'badge.precondition': 'precondition',
  'badge.upload': 'upload',
  'badge.cors': 'CORS',
  'badge.parts': 'parts',
  'badge.policy': 'policy',
  'badge.append': 'append',
  'badge.anonymous': 'anonymous',
  'badge.clock': 'skew',
  'badge.partSize': 'part size',
  'badge.partEtag': 'part ETag',
  'badge.partOrder': 'part order',
  'badge.policyExpired': 'policy expired',
  'badge.form': 'form',
  'badge.etagHidden': 'ETag hidden',

  // ---- copy buttons (panel/CopyButton.tsx, DetailView.tsx, RequestList.tsx) ----
  /** Tests find the button by this accessible name: keep the English text exactly. */
  'copy.debugId': 'Copy x-bce-debug-id',
  'copy.debugId.withValue': 'Copy x-bce-debug-id {id}',
  'copy.debugId.none': 'No x-bce-debug-id in this response',
  'copy.amzId2': 'Copy x-amz-id-2',
  'copy.amzId2.withValue': 'Copy x-amz-id-2 {id}',
  'copy.amzId2.none': 'No x-amz-id-2 in this response',
  'copy.copied': 'Copied',
  'copy.blocked': 'Copy blocked',
  'copy.fallback.label': '{label}: press Ctrl/Cmd+C to copy',
  'copy.fallback.hint': 'Copying was blocked. Press Ctrl/Cmd+C to copy:',

  // ---- detail pane (panel/DetailView.tsx, Splitter.tsx, Lazy.tsx) ----
  'lazy.failed': 'This view could not be loaded.',
} as const
