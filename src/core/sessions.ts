// State that spans entries: multipart upload sessions (grouped by uploadId) and append chains (by key).
// Entries are recorded by their index, so observing the same entry twice (a second pass, or a
// re-analysis once its body arrived) replaces, never duplicates.
import { looksXml, xmlBlocks, xmlTag } from './xml.ts'
import type { OperationName } from './operation-names.ts'
import { clauses, list as textList, msg, plural, sentences } from '../i18n/report-message.ts'
import { finding } from './finding.ts'
import { etagMd5 } from './digests.ts'
import { queryParams, type Exchange } from './har.ts'
import type { Finding } from './types.ts'

/** BOS: every part but the last must be at least 100 KB. */
export const MIN_PART_SIZE = 100 * 1024

export interface UploadPartInfo {
  partNumber: number
  /** Bytes sent, when the HAR says (Content-Length, bodySize). */
  size: number | null
  /** ETag the UploadPart response returned (hex, unquoted). */
  etag: string | null
  status: number
  index: number
  /** Only on a part answered 2xx with an error body (UploadPartCopy): failed, whatever the status says. */
  errorCode?: string
}

export type UploadOutcome = 'in-progress' | 'completed' | 'aborted' | 'failed'

/** One entry of the `uploads` array of `--json`. */
export interface UploadSession {
  uploadId: string
  bucket: string | null
  key: string | null
  initiateIndex: number | null
  completeIndex: number | null
  abortIndex: number | null
  /** Parts by part number, the latest attempt of each. */
  parts: UploadPartInfo[]
  /** The part list the CompleteMultipartUpload request sent, when the HAR kept its body. */
  completeList: { partNumber: number; eTag: string }[] | null
  outcome: UploadOutcome
  /** Every entry of the session, in HAR order. */
  entries: number[]
}

interface SessionState {
  uploadId: string
  bucket: string | null
  key: string | null
  initiate: number | null
  completes: Map<number, { status: number; list: { partNumber: number; eTag: string }[] | null; code: string | null }>
  aborts: Map<number, number>
  parts: Map<number, UploadPartInfo> // by entry index
  /** What successful ListParts answers said BOS holds, by entry index of the ListParts. */
  listings: Map<number, { partNumber: number; etag: string | null; size: number | null }[]>
  entries: Set<number>
  /** Entries of this session not remembered: it alone outgrew `maxEntries`. */
  notKept: number
  /**
   * The highest entry index counted in notKept: entries arrive in index order, so one observed again (its
   * body arrived, a re-analysis) is at or below it and not counted twice, with nothing kept per entry.
   */
  lastNotKept: number
  /**
   * The attempt that stands for each part number: the last successful one, else the last one. Kept as
   * parts arrive, not rebuilt: every part's analysis reads it, and a Complete re-analyses them all.
   */
  latest: Map<number, UploadPartInfo>
  /** The highest part number attempted; null once a forget may have lowered it. */
  highest: number | null
}

/** Bounds for a tracker that lives as long as DevTools is open (the CLI's, over one file, has none). */
export interface SessionLimits {
  /**
   * Entries remembered across all upload sessions (each part attempt, preflight, Initiate, Complete…).
   * Past it the least recently active sessions are forgotten whole; a session that alone outgrows it
   * stops recording new entries (counted in `notKept`).
   */
  maxEntries?: number
}

/** What a bounded tracker let go, since it was created. */
export interface SessionDrops {
  /** Sessions forgotten whole, least recently active first. */
  sessions: number
  /** Entries those sessions held. */
  entries: number
  /** Entries not recorded because their session alone was over the limit. */
  notKept: number
}

/** With limits: appends remembered per object, and objects (least recently appended to go first). */
const APPENDS_PER_OBJECT = 64
const APPEND_OBJECTS = 1000

/** Upload ids of forgotten sessions remembered, so a row of one can say why its session is missing. */
const FORGOTTEN_IDS = 10_000

/** A 2xx without an error body: 200 is not enough for the operations that can fail with one. */
const succeeded = (status: number, code: string | null): boolean => status >= 200 && status < 300 && code === null

export interface Observed {
  index: number
  operation: OperationName | null
  bucket: string | null
  key: string | null
  status: number
  errorCode: string | null
  x: Exchange
}

const utf8 = new TextEncoder()

/**
 * Bytes a part sent, when the HAR says: Content-Length, the kept body, or a positive bodySize. Chrome
 * writes bodySize 0 for a Blob or File body it did not keep, so 0 with nothing else is unknown, not 0 bytes.
 */
export function bodySize(x: Exchange): number | null {
  const cl = x.requestHeaders.get('content-length')
  if (cl !== null && /^\d+$/.test(cl.trim())) return Number(cl)
  if (x.requestBody.text !== null) return utf8.encode(x.requestBody.text).length
  return x.requestBody.size !== null && x.requestBody.size > 0 ? x.requestBody.size : null
}

/** The response body's text when it is small enough to read (a JSON or XML result document). */
function responseText(x: Exchange): string | null {
  const t = x.responseContent.text
  return !t || t.length > 1 << 20 || x.responseContent.encoding === 'base64' ? null : t
}

function responseJson(x: Exchange): Record<string, unknown> | null {
  const t = responseText(x)
  if (!t || looksXml(t)) return null
  try {
    const v = JSON.parse(t) as unknown
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null
  } catch {
    return null
  }
}

/** A result field: BOS's JSON (`uploadId`, `eTag`) or the S3-compatible endpoint's XML (<UploadId>, <ETag>). */
function resultField(x: Exchange, json: string, xml: string): string | null {
  const t = responseText(x)
  if (t && looksXml(t)) return xmlTag(t, xml)
  const v = responseJson(x)?.[json]
  return typeof v === 'string' ? v : null
}

/**
 * The parts a ListParts answer says BOS holds: BOS's JSON `{"parts": [{"partNumber", "eTag", "size"}]}`
 * (bce-sdk-go ListPartsResult) or S3's `<ListPartsResult><Part><PartNumber/><ETag/><Size/></Part>…`.
 */
function listedParts(x: Exchange): { partNumber: number; etag: string | null; size: number | null }[] | null {
  const t = responseText(x)
  if (!t) return null
  const num = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : null)
  if (looksXml(t)) {
    if (!t.includes('<ListPartsResult')) return null
    return xmlBlocks(t, 'Part').flatMap((part) => {
      const n = num(xmlTag(part, 'PartNumber'))
      return n === null ? [] : [{ partNumber: n, etag: normEtag(xmlTag(part, 'ETag')), size: num(xmlTag(part, 'Size')) }]
    })
  }
  const parts = responseJson(x)?.parts
  if (!Array.isArray(parts)) return null
  return parts.flatMap((p) => {
    const o = (p ?? {}) as Record<string, unknown>
    const n = num(o.partNumber)
    return n === null ? [] : [{ partNumber: n, etag: typeof o.eTag === 'string' ? normEtag(o.eTag) : null, size: num(o.size) }]
  })
}

/**
 * The part list a Complete request sent: BOS's JSON `{"parts": [{"partNumber", "eTag"}]}` or S3's XML
 * `<CompleteMultipartUpload><Part><PartNumber/><ETag/></Part>…`. An ETag the page left out is "undefined",
 * as JavaScript would have written it.
 */
function completeList(x: Exchange): { partNumber: number; eTag: string }[] | null {
  const t = x.requestBody.text
  if (!t) return null
  if (looksXml(t)) {
    if (!t.includes('<CompleteMultipartUpload')) return null
    return xmlBlocks(t, 'Part').flatMap((part) => {
      const n = xmlTag(part, 'PartNumber')
      const partNumber = n !== null && /^\d+$/.test(n) ? Number(n) : NaN
      return Number.isFinite(partNumber) ? [{ partNumber, eTag: xmlTag(part, 'ETag') ?? 'undefined' }] : []
    })
  }
  try {
    const v = JSON.parse(t) as { parts?: unknown }
    if (!Array.isArray(v.parts)) return null
    // A part without a numeric partNumber is left out: NaN is not JSON, and no part can match it.
    return v.parts.flatMap((p) => {
      const o = (p ?? {}) as Record<string, unknown>
      const partNumber = Number(o.partNumber)
      return Number.isFinite(partNumber) ? [{ partNumber, eTag: o.eTag === undefined ? 'undefined' : String(o.eTag) }] : []
    })
  } catch {
    return null
  }
}

const normEtag = (e: string | null) =>
  e === null
    ? null
    : (etagMd5(e) ??
      e
        .trim()
        .replace(/^"(.*)"$/, '$1')
        .toLowerCase())

export class SessionTracker {
  /** In order of last activity (a session observed again moves to the end): the front is forgotten first. */
  private readonly uploads = new Map<string, SessionState>()
  /** Successful appends per host/bucket/key: [index, next offset]. */
  private readonly appends = new Map<string, Map<number, number>>()
  private readonly maxEntries: number
  private entryCount = 0
  private readonly drops: SessionDrops = { sessions: 0, entries: 0, notKept: 0 }
  private readonly forgottenIds = new Set<string>()

  constructor(limits: SessionLimits = {}) {
    this.maxEntries = Math.max(1, limits.maxEntries ?? Infinity)
  }

  /** Records what an entry tells about sessions. Call before `findings` for the same entry. */
  observe(o: Observed): void {
    const q = o.x.parsed && queryParams(o.x.parsed)
    if (o.operation === 'AppendObject') {
      const next = o.x.responseHeaders.get('x-bce-next-append-offset')
      if (o.status >= 200 && o.status < 300 && next !== null && /^\d+$/.test(next.trim())) {
        const k = this.appendKey(o)
        const chain = this.appends.get(k) ?? new Map<number, number>()
        chain.set(o.index, Number(next))
        if (this.maxEntries !== Infinity) {
          // Bounded like the uploads: live, only the latest appends before a failing one are asked for.
          this.appends.delete(k)
          if (chain.size > APPENDS_PER_OBJECT) chain.delete(chain.keys().next().value!)
          if (this.appends.size >= APPEND_OBJECTS) this.appends.delete(this.appends.keys().next().value!)
        }
        this.appends.set(k, chain)
      }
      return
    }
    let uploadId: string | null = q?.get('uploadId') ?? null
    if (o.operation === 'InitiateMultipartUpload') {
      uploadId = resultField(o.x, 'uploadId', 'UploadId')
    }
    if (!uploadId) return
    const s = this.session(uploadId, o)
    if (!s.entries.has(o.index)) {
      if (this.entryCount >= this.maxEntries) this.makeRoom(s)
      if (this.entryCount >= this.maxEntries) {
        if (o.index > s.lastNotKept) {
          s.lastNotKept = o.index
          s.notKept++
          this.drops.notKept++
        }
        return
      }
      s.entries.add(o.index)
      this.entryCount++
    }
    switch (o.operation) {
      case 'InitiateMultipartUpload':
        s.initiate = o.index
        break
      case 'UploadPart':
      case 'UploadPartCopy': {
        const n = Number(q?.get('partNumber'))
        if (!Number.isInteger(n)) break
        const etag = o.x.responseHeaders.get('etag') ?? resultField(o.x, 'eTag', 'ETag')
        const p: UploadPartInfo = {
          partNumber: n,
          size: o.operation === 'UploadPart' ? bodySize(o.x) : null,
          etag: normEtag(etag),
          status: o.status,
          index: o.index,
          ...(o.errorCode !== null && o.status < 300 ? { errorCode: o.errorCode } : {}),
        }
        const before = s.parts.get(o.index)
        s.parts.set(o.index, p)
        if (before && before.partNumber !== n) this.relatest(s, before.partNumber)
        this.partArrived(s, p)
        break
      }
      case 'CompleteMultipartUpload':
        s.completes.set(o.index, { status: o.status, list: completeList(o.x), code: o.errorCode })
        break
      case 'AbortMultipartUpload':
        s.aborts.set(o.index, o.status)
        break
      case 'ListParts': {
        const listed = succeeded(o.status, o.errorCode) ? listedParts(o.x) : null
        if (listed) s.listings.set(o.index, listed)
        break
      }
    }
  }

  private appendKey(o: Observed): string {
    return `${o.x.parsed?.host ?? ''}\n${o.bucket ?? ''}\n${o.key ?? ''}`
  }

  /** Forgets the least recently active sessions other than `keep` until one more entry fits. */
  private makeRoom(keep: SessionState): void {
    for (const [id, s] of this.uploads) {
      if (this.entryCount < this.maxEntries) return
      if (s === keep) continue
      this.uploads.delete(id)
      this.entryCount -= s.entries.size
      this.drops.sessions++
      this.drops.entries += s.entries.size
      this.forgottenIds.add(id)
      if (this.forgottenIds.size > FORGOTTEN_IDS) this.forgottenIds.delete(this.forgottenIds.values().next().value!)
    }
  }

  private session(uploadId: string, o: Observed): SessionState {
    let s = this.uploads.get(uploadId)
    if (s && this.maxEntries !== Infinity) {
      // Most recently active last; an unbounded tracker keeps creation order and skips the work.
      this.uploads.delete(uploadId)
      this.uploads.set(uploadId, s)
    }
    if (!s) {
      s = {
        uploadId,
        bucket: o.bucket,
        key: o.key,
        initiate: null,
        completes: new Map(),
        aborts: new Map(),
        parts: new Map(),
        listings: new Map(),
        entries: new Set(),
        notKept: 0,
        lastNotKept: -1,
        latest: new Map(),
        highest: 0,
      }
      this.uploads.set(uploadId, s)
    }
    return s
  }

  /** Updates the standing attempt of `p`'s part number: the last successful attempt, else the last. */
  private partArrived(s: SessionState, p: UploadPartInfo): void {
    const cur = s.latest.get(p.partNumber)
    if (s.highest !== null && p.partNumber > s.highest) s.highest = p.partNumber
    if (!cur || (cur.index === p.index && (partOk(p) || !partOk(cur)))) s.latest.set(p.partNumber, p)
    // A success became a failure: an earlier success may stand.
    else if (cur.index === p.index) this.relatest(s, p.partNumber)
    else if (stands(p, cur)) s.latest.set(p.partNumber, p)
  }

  /** Finds the standing attempt of one part number again, from all attempts (rare: a forget, a changed answer). */
  private relatest(s: SessionState, partNumber: number): void {
    let best: UploadPartInfo | undefined
    for (const p of s.parts.values()) {
      if (p.partNumber !== partNumber) continue
      if (!best || stands(p, best)) best = p
    }
    if (best) s.latest.set(partNumber, best)
    else {
      s.latest.delete(partNumber)
      s.highest = null
    }
  }

  /** The latest successful attempt of each part number (else its latest), and the highest part number. */
  private latestParts(s: SessionState): { parts: Map<number, UploadPartInfo>; highest: number } {
    s.highest ??= [...s.latest.keys()].reduce((m, n) => Math.max(m, n), 0)
    return { parts: s.latest, highest: s.highest }
  }

  /** Findings for one entry, from everything observed so far (in a two-pass run: the whole HAR). */
  findings(o: Observed): Finding[] {
    if (o.operation === 'AppendObject') return this.appendFindings(o)
    if (o.operation === 'CopyObject' && o.errorCode === 'PreconditionFailed') return copyPreconditionFindings(o.x)
    const uploadId = o.x.parsed && queryParams(o.x.parsed).get('uploadId')
    if (!uploadId) return []
    const s = this.uploads.get(uploadId)
    if (!s) return []
    const out: Finding[] = []
    const latest = this.latestParts(s)
    // Copied only when listings add to it: the cached map is shared.
    const parts = s.listings.size ? new Map(latest.parts) : latest.parts
    // A part BOS listed (ListParts before this entry) counts as uploaded where no UploadPart of it was captured.
    for (const [at, listed] of [...s.listings.entries()].sort((a, b) => a[0] - b[0])) {
      if (at > o.index) break
      for (const l of listed) {
        const up = parts.get(l.partNumber)
        if (!up || !partOk(up)) parts.set(l.partNumber, { partNumber: l.partNumber, size: l.size, etag: l.etag, status: 200, index: at })
      }
    }
    const complete = [...s.completes.entries()].sort((a, b) => b[0] - a[0])[0]?.[1] ?? null
    // Not Math.max(...list): spreading a 10 MB Complete list (600k parts) overflows the stack.
    let highest = s.listings.size ? [...parts.keys()].reduce((m, n) => Math.max(m, n), 0) : latest.highest
    for (const p of complete?.list ?? []) if (p.partNumber > highest) highest = p.partNumber

    if (o.operation === 'UploadPart') {
      const me = s.parts.get(o.index)
      if (me && me.size !== null && me.size < MIN_PART_SIZE && me.partNumber < highest) {
        out.push(partTooSmall([me], complete?.code === 'EntityTooSmall'))
      }
    }

    if (o.operation === 'CompleteMultipartUpload') {
      const failedNow = o.status >= 400 || o.errorCode !== null
      const mine = s.completes.get(o.index)
      const list = mine?.list ?? null
      if (list) {
        const last = list.reduce((m, p) => Math.max(m, p.partNumber), -Infinity)
        const small = list
          .filter((p) => p.partNumber !== last)
          .map((p) => parts.get(p.partNumber))
          .filter((p): p is UploadPartInfo => !!p && p.size !== null && p.size < MIN_PART_SIZE)
        // BOS accepted the parts as they are: a size below the minimum it did not refuse is no finding.
        const accepted = succeeded(o.status, o.errorCode)
        const refused = mine?.code === 'EntityTooSmall'
        if (small.length && !accepted) out.push(partTooSmall(small, refused))
        else if (refused) {
          // BOS says a part is too small, but the HAR did not record the sizes that would say which.
          const unknown = list.filter((p) => p.partNumber !== last && (parts.get(p.partNumber)?.size ?? null) === null).map((p) => p.partNumber)
          if (unknown.length) out.push(partSizeUnknown(unknown))
        }

        const mismatched: { partNumber: number; listed: string; uploaded: string | null }[] = []
        for (const p of list) {
          const up = parts.get(p.partNumber)
          if (!up || !partOk(up)) continue
          const listed = normEtag(p.eTag) ?? ''
          if (up.etag !== null && listed !== up.etag) mismatched.push({ partNumber: p.partNumber, listed: p.eTag, uploaded: up.etag })
        }
        if (mismatched.length) {
          const undef = mismatched.some((m) => /^(undefined|null|)$/.test(m.listed))
          const items = clauses(
            mismatched.map((m) => msg('finding.part-etag-mismatch.item', { partNumber: m.partNumber, listed: m.listed, uploaded: String(m.uploaded) })),
          )
          const detail = sentences(
            msg('finding.part-etag-mismatch.detail', { items }),
            msg(undef ? 'finding.part-etag-mismatch.undefinedHint' : 'finding.part-etag-mismatch.exactHint'),
          )
          const title = plural('finding.part-etag-mismatch.title', mismatched.length)
          out.push(finding('part-etag-mismatch', failedNow ? 'error' : 'warning', title, detail, { partNumbers: mismatched.map((m) => m.partNumber) }))
        }

        const numbers = list.map((p) => p.partNumber)
        const outOfOrder = numbers.findIndex((n, i) => i > 0 && n <= numbers[i - 1]!)
        if (outOfOrder > 0) {
          const detail = msg('finding.part-order-invalid.detail', {
            numbers: textList(numbers),
            part: String(numbers[outOfOrder]),
            previous: String(numbers[outOfOrder - 1]),
          })
          out.push(finding('part-order-invalid', failedNow ? 'error' : 'warning', msg('finding.part-order-invalid.title'), detail, { partNumbers: numbers }))
        }

        const listed = new Set(numbers)
        const notListed = [...parts.values()].filter((p) => partOk(p) && p.index < o.index && !listed.has(p.partNumber)).map((p) => p.partNumber)
        if (notListed.length) {
          const detail = plural('finding.parts-not-listed.detail', notListed.length, { parts: textList(notListed) })
          out.push(finding('parts-not-listed', 'warning', msg('finding.parts-not-listed.title'), detail, { partNumbers: notListed }))
        }
        const neverUploaded = numbers.filter((n) => !parts.has(n) || !partOk(parts.get(n)!))
        if (neverUploaded.length && s.parts.size > 0) {
          const detail = plural('finding.parts-not-uploaded.detail', neverUploaded.length, { parts: textList(neverUploaded) })
          out.push(finding('parts-not-uploaded', failedNow ? 'error' : 'info', msg('finding.parts-not-uploaded.title'), detail, { partNumbers: neverUploaded }))
        }
      }
    }

    if (o.errorCode === 'NoSuchUpload') {
      const ended = [...s.completes.entries()]
        .filter(([i, c]) => i < o.index && succeeded(c.status, c.code))
        .map(([i]) => ({ i, how: 'completed' as 'completed' | 'aborted' }))
        .concat([...s.aborts.entries()].filter(([i, st]) => i < o.index && succeeded(st, null)).map(([i]) => ({ i, how: 'aborted' as const })))
        .sort((a, b) => a.i - b.i)
      const first = ended[0]
      const title = msg(first ? `finding.upload-already-finished.title.${first.how}` : 'finding.upload-already-finished.title.unknown')
      const detail = first
        ? msg(`finding.upload-already-finished.detail.${first.how}`, { entry: first.i })
        : msg('finding.upload-already-finished.detail.unknown')
      out.push(finding('upload-already-finished', 'error', title, detail, first ? { endedAt: first.i } : undefined))
    }
    return out
  }

  private appendFindings(o: Observed): Finding[] {
    if (o.errorCode !== 'OffsetIncorrect' && o.errorCode !== 'ObjectUnappendable') return []
    const sent = (o.x.parsed && queryParams(o.x.parsed).get('offset')) ?? null
    if (o.errorCode === 'ObjectUnappendable') {
      return [finding('append-not-appendable', 'error', msg('finding.append-not-appendable.title'), msg('finding.append-not-appendable.detail'))]
    }
    const prior = [...(this.appends.get(this.appendKey(o))?.entries() ?? [])].filter(([i]) => i < o.index).sort((a, b) => b[0] - a[0])[0]
    const shownSent = sent ?? msg('finding.append-offset-incorrect.none')
    const title = prior
      ? msg('finding.append-offset-incorrect.title.prior', { sent: shownSent, expected: prior[1] })
      : msg('finding.append-offset-incorrect.title', { sent: shownSent })
    const detail = prior
      ? msg('finding.append-offset-incorrect.detail.prior', { entry: prior[0], expected: prior[1], sent: shownSent })
      : msg('finding.append-offset-incorrect.detail')
    return [
      finding('append-offset-incorrect', 'error', title, detail, {
        offsetSent: sent === null || !Number.isFinite(Number(sent)) ? null : Number(sent),
        ...(prior ? { expectedOffset: prior[1], previousIndex: prior[0] } : {}),
      }),
    ]
  }

  /** Upload sessions, for the top-level `uploads` array, in order of their first entry. */
  uploadSessions(): UploadSession[] {
    return [...this.uploads.values()].map((s) => this.view(s)).sort((a, b) => (a.entries[0] ?? 0) - (b.entries[0] ?? 0))
  }

  /** One session, as uploadSessions() gives it (the panel shows one at a time). */
  uploadSession(uploadId: string): UploadSession | null {
    const s = this.uploads.get(uploadId)
    return s ? this.view(s) : null
  }

  private view(s: SessionState): UploadSession {
    const completes = [...s.completes.entries()].sort((a, b) => a[0] - b[0])
    const aborts = [...s.aborts.entries()].sort((a, b) => a[0] - b[0])
    const okComplete = completes.find(([, c]) => succeeded(c.status, c.code))
    const okAbort = aborts.find(([, st]) => succeeded(st, null))
    const outcome: UploadOutcome = okComplete ? 'completed' : okAbort ? 'aborted' : completes.length ? 'failed' : 'in-progress'
    const lastComplete = completes[completes.length - 1]
    return {
      uploadId: s.uploadId,
      bucket: s.bucket,
      key: s.key,
      initiateIndex: s.initiate,
      completeIndex: okComplete?.[0] ?? lastComplete?.[0] ?? null,
      abortIndex: okAbort?.[0] ?? aborts[aborts.length - 1]?.[0] ?? null,
      parts: [...this.latestParts(s).parts.values()].sort((a, b) => a.partNumber - b.partNumber),
      completeList: (okComplete ?? lastComplete)?.[1].list ?? null,
      outcome,
      entries: [...s.entries].sort((a, b) => a - b),
    }
  }

  /** Entry indexes of the session an entry belongs to (to re-analyse them when it changes). */
  relatedEntries(uploadId: string): number[] {
    return [...(this.uploads.get(uploadId)?.entries ?? [])]
  }

  /**
   * Forgets one entry of a session: the store analysed an exchange it then did not list (a duplicate of
   * a listed one), so its index stands for nothing.
   */
  forget(uploadId: string, index: number): void {
    const s = this.uploads.get(uploadId)
    if (!s?.entries.delete(index)) return
    this.entryCount--
    s.completes.delete(index)
    s.aborts.delete(index)
    s.listings.delete(index)
    if (s.initiate === index) s.initiate = null
    const part = s.parts.get(index)
    if (part) {
      s.parts.delete(index)
      if (s.latest.get(part.partNumber) === part) this.relatest(s, part.partNumber)
    }
    if (s.entries.size === 0) this.uploads.delete(uploadId)
  }

  /** What the limits let go so far (all zero without limits). */
  dropped(): Readonly<SessionDrops> {
    return { ...this.drops }
  }

  /** Entries of a session not recorded because it alone was over the limit. */
  notKept(uploadId: string): number {
    return this.uploads.get(uploadId)?.notKept ?? 0
  }

  /** Whether the limits forgot this session (one of the last 10,000 forgotten). */
  wasForgotten(uploadId: string): boolean {
    return this.forgottenIds.has(uploadId) && !this.uploads.has(uploadId)
  }

  /** Entries remembered across the sessions. */
  get size(): number {
    return this.entryCount
  }
}

function partTooSmall(parts: UploadPartInfo[], refused: boolean): Finding {
  const numbers = parts.map((p) => p.partNumber)
  const sizes = clauses(parts.map((p) => msg('finding.part-too-small.item', { partNumber: p.partNumber, size: String(p.size) })))
  const title = plural('finding.part-too-small.title', parts.length, { parts: textList(numbers) })
  return finding('part-too-small', refused ? 'error' : 'warning', title, msg('finding.part-too-small.detail', { sizes }), {
    partNumbers: numbers,
    minimumBytes: MIN_PART_SIZE,
  })
}

function partSizeUnknown(numbers: number[]): Finding {
  const title = msg('finding.part-too-small.title.unknown')
  return finding('part-too-small', 'error', title, msg('finding.part-too-small.detail.unknown', { parts: textList(numbers) }), {
    partNumbers: [],
    unknownSizePartNumbers: numbers,
    minimumBytes: MIN_PART_SIZE,
  })
}

function copyPreconditionFindings(x: Exchange): Finding[] {
  const conds = [
    'x-bce-copy-source-if-match',
    'x-bce-copy-source-if-none-match',
    'x-bce-copy-source-if-modified-since',
    'x-bce-copy-source-if-unmodified-since',
  ]
    .map((h) => [h, x.requestHeaders.get(h)] as const)
    .filter(([, v]) => v !== null)
  const source = x.requestHeaders.get('x-bce-copy-source') ?? msg('finding.copy-precondition-failed.unknownSource')
  const detail = conds.length
    ? msg('finding.copy-precondition-failed.detail', { conditions: textList(conds.map(([h, v]) => `${h}: ${v}`)), source })
    : msg('finding.copy-precondition-failed.detail.none')
  return [finding('copy-precondition-failed', 'error', msg('finding.copy-precondition-failed.title'), detail, { conditions: Object.fromEntries(conds) })]
}

/** A part BOS stored: 2xx without an error body. */
export const partOk = (p: UploadPartInfo): boolean => succeeded(p.status, p.errorCode ?? null)

/**
 * Whether attempt `p` stands for its part number over `other` (another attempt of it): the last successful
 * attempt stands, else the last attempt.
 */
const stands = (p: UploadPartInfo, other: UploadPartInfo): boolean => (p.index > other.index ? partOk(p) || !partOk(other) : partOk(p) && !partOk(other))
