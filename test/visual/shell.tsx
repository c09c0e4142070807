// Inline shell (Preact DevTools' approach): the real panel entry, main.tsx, mounted in a plain page with
// a fake store standing in for the DevTools page. Query: ?theme=dark&empty=1&many=5000&s3=1&firefox=1&backfill=1
// &uploads=1 (two multipart sessions with preflights after the usual requests) &prefs=<JSON list prefs>
// &bigupload=10000 (one upload of that many parts, only its last 200 requests still rows)
// &streaming=1 (imports are streamed, into a session that lists nothing)
import { FakeStore, manyRecords, s3Records, sessionRecords } from '../helpers/fake-store.ts'
import { bigUploadSpecs, captureRecords, groupedUploadSpecs } from '../helpers/multipart-records.ts'
import { entry } from '../helpers/har.ts'

const q = new URLSearchParams(location.search)
const big = q.has('bigupload') ? bigUploadSpecs(Number(q.get('bigupload'))) : null
const BIG_ROWS = 200
const store = new FakeStore({
  records: big
    ? captureRecords(big.slice(-BIG_ROWS), big.length - BIG_ROWS + 1)
    : q.has('empty')
      ? []
      : q.has('many')
        ? manyRecords(Number(q.get('many')))
        : q.has('s3')
          ? s3Records()
          : q.has('uploads')
            ? [...sessionRecords(), ...captureRecords(groupedUploadSpecs(), 100)]
            : sessionRecords(),
  ...(q.has('prefs') ? { listPrefs: { hidden: ['duration'], widths: {}, sort: null, groupByUpload: false, ...JSON.parse(q.get('prefs')!) } } : {}),
  theme: q.get('theme') === 'dark' ? 'dark' : 'light',
  browser: q.has('firefox') ? 'firefox' : 'chrome',
  capture: q.has('backfill') ? 'backfilling' : 'live',
  dropped: big ? big.length - BIG_ROWS : Number(q.get('dropped') ?? 0),
  customHosts: ['files.example.com'],
})
if (q.has('streaming')) {
  store.beginImport = () => ({ add: () => 0, commit: (entries) => ({ ok: true, entries, added: 0, duplicates: 0, dropped: 0 }), cancel: () => {} })
}
if (big) store.sessionEntries = big.map((spec, i) => ({ entry: entry(spec), id: i + 1 }))
// Settings save in the shell fails for one pattern, to show the error state.
store.customHostsImpl = (p) => (p.includes('fail.example.com') ? Promise.reject(new Error('storage.sync quota exceeded')) : Promise.resolve())

declare global {
  interface Window {
    __shellStore?: FakeStore
  }
}
window.__shellStore = store
// The order the DevTools page may use: the store is on the window before the panel script runs.
window.__bosStore = store
await import('../../src/panel/main.tsx')
