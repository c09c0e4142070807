// The `--json` report, written entry by entry so a 100k-entry HAR never builds one giant string.
import type { UploadSession } from '../core/sessions.ts'
import type { AnalysisSummary, EntryAnalysis } from '../core/types.ts'

export interface JsonSink {
  write(chunk: string): void
}

export function writeJsonReport(
  sink: JsonSink,
  meta: { version: string },
  entries: Iterable<EntryAnalysis>,
  /** Called after the last entry: what only the whole file can tell. */
  tail: () => { uploads: UploadSession[]; summary: AnalysisSummary },
): void {
  let buf = `{"tool":"bos-devtools","version":${JSON.stringify(meta.version)},"entries":[`
  let first = true
  for (const e of entries) {
    buf += (first ? '\n' : ',\n') + JSON.stringify(e)
    first = false
    if (buf.length > 1 << 20) {
      sink.write(buf)
      buf = ''
    }
  }
  const { uploads, summary } = tail()
  buf += `${first ? '' : '\n'}],"uploads":${JSON.stringify(uploads)},"summary":${JSON.stringify(summary)}}\n`
  sink.write(buf)
}
