// The AWS SDK for JavaScript v3's default integrity checksums (v3.729.0 on: x-amz-checksum-*,
// x-amz-sdk-checksum-algorithm, aws-chunked bodies with a trailer), on a failed request to BOS. BOS documents
// none of these request headers, nor the trailer payload mode (s3-compat.md §1.3, §1.5, §3): they are named as
// a possible cause, with the client setting that turns them off, never as the certain one.
import { list, msg } from '../i18n/report-message.ts'
import { finding } from './finding.ts'
import type { Exchange } from './har.ts'
import type { Finding } from './types.ts'

const HEADERS = ['x-amz-sdk-checksum-algorithm', 'x-amz-checksum-algorithm', 'x-amz-trailer', 'x-amz-decoded-content-length', 'x-amz-checksum-mode']
const TRAILER_MODES = /^STREAMING-(UNSIGNED-PAYLOAD|AWS4-HMAC-SHA256-PAYLOAD)-TRAILER$/

/** What of the SDK's checksum machinery the request carries: header and query names, and the payload mode. */
function carried(x: Exchange): { names: string[]; trailer: boolean } {
  const names: string[] = []
  for (const name of x.requestHeaders.names()) {
    if (name.startsWith('x-amz-checksum-') || HEADERS.includes(name)) names.push(name)
  }
  const encoding = x.requestHeaders.get('content-encoding')
  if (encoding && /(^|,)\s*aws-chunked\s*(,|$)/i.test(encoding)) names.push('content-encoding: aws-chunked')
  const mode = x.requestHeaders.get('x-amz-content-sha256')?.trim() ?? ''
  const trailer = TRAILER_MODES.test(mode)
  if (trailer) names.push(`x-amz-content-sha256: ${mode}`)
  // A presigned v3 URL carries them as query parameters (x-amz-checksum-crc32=AAAAAA%3D%3D: the empty body's CRC32).
  if (x.parsed) {
    for (const key of new Set(x.parsed.searchParams.keys())) {
      const k = key.toLowerCase()
      if (k.startsWith('x-amz-checksum-') || k === 'x-amz-sdk-checksum-algorithm') names.push(`?${key}`)
    }
  }
  return { names: [...new Set(names)].sort(), trailer }
}

export function sdkChecksumFindings(x: Exchange, s3: boolean): Finding[] {
  if (!s3 || (x.status > 0 && x.status < 400)) return []
  const { names, trailer } = carried(x)
  if (names.length === 0) return []
  const setting = "new S3Client({ requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' })"
  const detail = msg(trailer ? 'finding.sdk-default-checksums.detail.trailer' : 'finding.sdk-default-checksums.detail', {
    names: list(names.map((n) => `"${n}"`)),
    setting,
  })
  return [finding('sdk-default-checksums', 'warning', msg('finding.sdk-default-checksums.title'), detail, { headers: names, trailer })]
}
