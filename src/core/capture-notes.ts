// What a whole HAR file lacks, said once per file rather than on every entry. Chrome exports Authorization
// and Cookie headers only with "Allow to generate HAR with sensitive data" on: requests that carry a signing
// date or a security token but no Authorization are the trace of such an export, and every diagnosis that
// reads the signature is then impossible. Without that trace nothing is said (a public bucket's requests
// are unsigned for real).
import { type Message, plural } from '../i18n/report-message.ts'
import { english } from './finding.ts'
import type { Exchange } from './har.ts'

export interface HarNote {
  id: 'capture-without-authorization'
  /** English, rendered from `note`. */
  message: string
  note: Message
  /** How many BOS requests carried a signing date or token but no Authorization. */
  requests: number
}

export interface CaptureNotesState {
  withAuth: boolean
  stripped: number[]
}

export class CaptureNotes {
  private withAuth = false
  // By entry index: an entry analysed again (a body read later, an import's re-analysis) counts once.
  private readonly stripped = new Set<number>()

  observe(index: number, x: Exchange, query: URLSearchParams, preflight: boolean): void {
    if (preflight || this.withAuth) return
    const h = x.requestHeaders
    if (h.has('authorization') || query.has('authorization') || query.has('X-Amz-Signature') || query.has('x-amz-signature')) {
      this.withAuth = true
      this.stripped.clear() // no longer counted (strippedRequests is 0 from now on), so not kept either
    } else if (h.has('x-bce-date') || h.has('x-amz-date') || h.has('x-bce-security-token') || h.has('x-amz-security-token')) this.stripped.add(index)
  }

  /** What has been observed, as plain data (the CLI's helper thread hands it to the main thread). */
  state(): CaptureNotesState {
    return { withAuth: this.withAuth, stripped: [...this.stripped] }
  }

  /** Adds what another CaptureNotes observed of other entries of the same file. */
  merge(other: CaptureNotesState): void {
    if (this.withAuth) return
    if (other.withAuth) {
      this.withAuth = true
      this.stripped.clear()
    } else for (const i of other.stripped) this.stripped.add(i)
  }

  /** How many requests look signed but carry no signature, when no request in the file has one; else 0. */
  strippedRequests(): number {
    return this.withAuth ? 0 : this.stripped.size
  }

  notes(): HarNote[] {
    const n = this.strippedRequests()
    if (n === 0) return []
    const note = plural('note.capture-without-authorization', n, { command: 'bos-devtools redact session.har > shared.har' })
    return [{ id: 'capture-without-authorization', message: english(note), note, requests: n }]
  }
}
