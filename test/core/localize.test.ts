// The analysis in Simplified Chinese (src/core/localize.ts): every finding id of README's table, built from
// a realistic entry, comes out in Chinese with the numbers, names and codes of its English; English stays
// the very same object; facts never change; all of it rendered forward from the findings' messages.
import { readdirSync, readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { analyzeHar } from '../../src/core/analyze.ts'
import { ERROR_CODES_ZH } from '../../src/core/error-codes-zh.ts'
import { FINDING_IDS } from '../../src/core/finding-ids.ts'
import { localizeAnalysis, localizeFinding, localizeText } from '../../src/core/localize.ts'
import { toExchange } from '../../src/core/har.ts'
import { decodeAuthString } from '../../src/core/auth.ts'
import { signingTraps, TRAP_IDS } from '../../src/core/signing.ts'
import type { EntryAnalysis, Finding } from '../../src/core/types.ts'
import { reportEn } from '../../src/i18n/report-en.ts'
import { msg } from '../../src/i18n/report-message.ts'
import { reportZh_CN } from '../../src/i18n/report-zh_CN.ts'
import { harEntry, params, runs, sessionEntry } from '../helpers/arbitraries.ts'
import { BOS_HEADERS, bosError, entry, har, type EntrySpec } from '../helpers/har.ts'
import { postObjectSpec, wrongKeySpec } from '../helpers/upload-records.ts'
import { BOUNDARY as B, b64, form, good, POLICY } from '../helpers/post-form.ts'

const CJK = /[\u4e00-\u9fff]/
const PLACEHOLDER = /\{[A-Za-z][A-Za-z0-9_]*\}/g

// ---- the entries -------------------------------------------------------------------------------------

const U = 'https://mybucket.bj.bcebos.com/photos/cat.jpg'
const SIG = 'a'.repeat(64)
const O = 'https://app.example.com'
const signed = (ts: string, exp = 1800, extra: Record<string, string> = {}) => ({
  Authorization: `bce-auth-v1/AKID/${ts}/${exp}/host;x-bce-date/${SIG}`,
  'x-bce-date': ts,
  ...extra,
})
const at = (date: string) => ({ ...BOS_HEADERS, Date: date })
const expired = (ts = '2026-11-26T04:00:00Z') => bosError('RequestExpired', `Request has expired. Timestamp date is ${ts}`)

// md5("hello world")
const HEX = '5eb63bbbe01eeed093cb22bb8f5acdc3'
const B64 = 'XrY7u+Ae7tCTyyK7j1rNww=='
const OTHER = '125b8b749037921ccd03120fb0f90189'

// Multipart (test/core/sessions.test.ts)
const MU = 'https://mybucket.bj.bcebos.com/videos/clip.bin'
const ID = 'a1b2c3d4e5f6'
const md5 = (n: number) => n.toString(16).padStart(32, '0')
const part = (n: number, size: number, etag = md5(n), status = 200): EntrySpec => ({
  url: `${MU}?partNumber=${n}&uploadId=${ID}`,
  method: 'PUT',
  status,
  req: { 'Content-Length': String(size) },
  res: { ...BOS_HEADERS, ETag: `"${etag}"` },
  body: '',
})
const complete = (parts: { partNumber: number; eTag: string }[], status = 200, code?: [string, string]): EntrySpec => ({
  url: `${MU}?uploadId=${ID}`,
  method: 'POST',
  status,
  res: BOS_HEADERS,
  postData: { mimeType: 'application/json', text: JSON.stringify({ parts }) },
  body: code ? bosError(code[0], code[1]) : JSON.stringify({ bucket: 'mybucket', key: 'videos/clip.bin', eTag: '-' + md5(99) }),
})
const listed = (...ns: number[]) => ns.map((n) => ({ partNumber: n, eTag: md5(n) }))

// PostObject (test/core/post-policy.test.ts)
const withPolicy = (policy: string): [string, string][] => [...good.filter(([n]) => n !== 'policy'), ['policy', policy]]
const post = (body: string | null, spec: Partial<EntrySpec> = {}, url = 'https://mybucket.bj.bcebos.com/'): EntrySpec => ({
  url,
  method: 'POST',
  status: 201,
  res: BOS_HEADERS,
  body: '',
  req: { 'Content-Type': `multipart/form-data; boundary=${B}` },
  ...(body === null ? {} : { postData: { mimeType: `multipart/form-data; boundary=${B}`, text: body } }),
  ...spec,
})

// CORS (test/core/cors.test.ts)
const preflight = (res: Record<string, string>, status = 200): EntrySpec => ({
  url: U,
  method: 'OPTIONS',
  status,
  resourceType: 'preflight',
  req: { Origin: O, 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'authorization,content-md5,x-bce-date' },
  res: { ...BOS_HEADERS, ...res },
})

interface Case {
  /** What the case shows; the finding id is the first word. */
  name: string
  id: string
  /** The entries, analysed as one HAR; the finding is taken from the last one. */
  specs: EntrySpec[]
  /** Picks one of several findings with the id. */
  where?: (f: Finding) => boolean
  /** Text of the English (title or detail) that the Chinese must repeat: names, codes, values. */
  keep?: string[]
}

const CASES: Case[] = [
  // ---- clock ----
  {
    name: 'request-expired: client clock 17 minutes behind',
    id: 'request-expired',
    keep: ['17', '600'],
    specs: [
      { url: U, method: 'PUT', status: 403, time: 80, req: signed('2026-11-26T04:00:00Z', 600), res: at('Thu, 26 Nov 2026 04:17:00 GMT'), body: expired() },
    ],
  },
  {
    name: 'request-expired: client clock, no signing time',
    id: 'request-expired',
    keep: ['17'],
    specs: [{ url: U, method: 'PUT', status: 403, res: at('Thu, 26 Nov 2026 04:17:00 GMT'), body: bosError('RequestExpired', 'Request has expired.') }],
  },
  {
    name: 'request-expired: signer clock, no server Date',
    id: 'request-expired',
    keep: ['2'],
    specs: [{ url: U, status: 403, res: { Server: 'BceBos' }, req: signed('2026-11-26T02:00:00Z'), body: expired('2026-11-26T02:00:00Z') }],
  },
  {
    name: 'request-expired: signer clock from the quoted timestamp, clocks in step',
    id: 'request-expired',
    keep: ['60'],
    specs: [{ url: U, status: 403, res: BOS_HEADERS, body: expired('2026-11-26T03:00:00Z') }],
  },
  {
    name: 'request-expired: signature made after sending (signer clock ahead)',
    id: 'request-expired',
    keep: ['3'],
    specs: [{ url: U, status: 403, res: BOS_HEADERS, req: signed('2026-11-26T07:00:00Z'), body: expired('2026-11-26T07:00:00Z') }],
  },
  {
    name: 'request-expired: STS temporary credentials',
    id: 'request-expired',
    keep: ['STS', 'durationSeconds'],
    specs: [
      {
        url: U,
        status: 403,
        res: BOS_HEADERS,
        req: signed('2026-11-26T04:00:00Z', 1800, { 'x-bce-security-token': 'tok' }),
        body: bosError('InvalidRequest', 'authenticate failed: Fail to authn user: Fail to check timestamp: time expired'),
      },
    ],
  },
  {
    name: 'request-expired: stale presigned URL',
    id: 'request-expired',
    keep: ['2', '3600'],
    specs: [
      {
        url: `${U}?authorization=${encodeURIComponent(`bce-auth-v1/AKID/2026-11-26T02:00:00Z/3600/host/${SIG}`)}`,
        status: 403,
        res: BOS_HEADERS,
        body: expired('2026-11-26T02:00:00Z'),
      },
    ],
  },
  {
    name: 'request-expired: stale presigned URL, clock also off',
    id: 'request-expired',
    keep: ['2', '3600', '10'],
    specs: [
      {
        url: `${U}?authorization=${encodeURIComponent(`bce-auth-v1/AKID/2026-11-26T02:00:00Z/3600/host/${SIG}`)}`,
        status: 403,
        res: at('Thu, 26 Nov 2026 04:10:00 GMT'),
        body: expired('2026-11-26T02:00:00Z'),
      },
    ],
  },
  {
    name: 'request-expired: clocks agree, a short validity',
    id: 'request-expired',
    keep: ['30'],
    specs: [{ url: U, status: 403, res: BOS_HEADERS, req: signed('2026-11-26T04:00:00Z', 30), body: expired() }],
  },
  {
    name: 'request-expired: clocks agree as far as can be seen',
    id: 'request-expired',
    keep: ['1800'],
    specs: [{ url: U, status: 403, res: { Server: 'BceBos' }, req: signed('2026-11-26T04:00:00Z'), body: expired() }],
  },
  {
    name: 'request-expired: nothing to go on',
    id: 'request-expired',
    specs: [{ url: U, status: 403, res: { Server: 'BceBos' }, body: bosError('RequestExpired', 'Request has expired.') }],
  },
  {
    name: 'request-time-too-skewed: 20 minutes ahead',
    id: 'request-time-too-skewed',
    keep: ['20'],
    specs: [
      {
        url: U,
        method: 'PUT',
        status: 403,
        started: '2026-11-26T04:20:00.000Z',
        req: signed('2026-11-26T04:20:00Z'),
        res: at('Thu, 26 Nov 2026 04:00:00 GMT'),
        body: bosError('RequestTimeTooSkewed', 'The difference between the request time and the server time is too large.'),
      },
    ],
  },
  {
    name: 'clock-skew: 5 minutes behind on a success',
    id: 'clock-skew',
    keep: ['5', '2026-11-26T04:05:00.000Z', '1800', 'RequestExpired'],
    specs: [{ url: U, res: at('Thu, 26 Nov 2026 04:05:00 GMT') }],
  },
  {
    name: 'clock-skew: 2 hours 5 minutes ahead',
    id: 'clock-skew',
    keep: ['2', '5'],
    specs: [{ url: U, started: '2026-11-26T06:05:00.000Z', res: BOS_HEADERS }],
  },
  {
    name: 'clock-skew: 3 days behind',
    id: 'clock-skew',
    keep: ['3'],
    specs: [{ url: U, res: at('Sun, 29 Nov 2026 04:00:00 GMT') }],
  },
  {
    name: 'presigned-expired: by the server clock',
    id: 'presigned-expired',
    keep: ['2026-11-26T02:00:00Z', '3600', '2026-11-26T03:00:00.000Z', '60'],
    specs: [
      {
        url: `${U}?authorization=${encodeURIComponent(`bce-auth-v1/AKID/2026-11-26T02:00:00Z/3600/host/${SIG}`)}`,
        status: 403,
        res: BOS_HEADERS,
        body: expired('2026-11-26T02:00:00Z'),
      },
    ],
  },
  {
    name: 'presigned-expired: by the browser clock, 40 seconds late',
    id: 'presigned-expired',
    keep: ['2026-11-26T03:59:00Z', '20', '40'],
    specs: [{ url: `${U}?authorization=${encodeURIComponent(`bce-auth-v1/AKID/2026-11-26T03:59:00Z/20/host/${SIG}`)}`, res: { Server: 'BceBos' } }],
  },
  // ---- digests ----
  {
    name: 'md5-mismatch: request Content-MD5 against the ETag',
    id: 'md5-mismatch',
    keep: [HEX, B64, OTHER, 'Content-MD5', 'ETag'],
    specs: [{ url: U, method: 'PUT', res: { ...BOS_HEADERS, ETag: `"${OTHER}"` }, req: { 'Content-MD5': B64 } }],
  },
  {
    name: 'md5-mismatch: response Content-MD5 against its ETag',
    id: 'md5-mismatch',
    keep: [HEX, OTHER, 'CDN'],
    specs: [{ url: U, res: { ...BOS_HEADERS, 'Content-MD5': B64, ETag: `"${OTHER}"` } }],
  },
  {
    name: 'content-md5-malformed: hex sent',
    id: 'content-md5-malformed',
    keep: [HEX, B64, '1864', 'BadDigest', 'InvalidArgument', '32', '16'],
    specs: [
      {
        url: U,
        method: 'PUT',
        status: 400,
        res: BOS_HEADERS,
        req: { 'Content-MD5': HEX },
        body: bosError('BadDigest', 'The Content-MD5 you specified did not match what we received.'),
      },
    ],
  },
  {
    name: 'content-md5-malformed: wrong length',
    id: 'content-md5-malformed',
    keep: ['aGVsbG8=', '5', '16'],
    specs: [{ url: U, method: 'PUT', res: BOS_HEADERS, req: { 'Content-MD5': 'aGVsbG8=' } }],
  },
  {
    name: 'content-md5-malformed: not base64, in the response',
    id: 'content-md5-malformed',
    keep: ['not base64!'],
    specs: [{ url: U, res: { ...BOS_HEADERS, 'Content-MD5': 'not base64!' } }],
  },
  {
    name: 'content-sha256-malformed: base64 sent',
    id: 'content-sha256-malformed',
    keep: [Buffer.alloc(32, 7).toString('base64'), '07'.repeat(32), '64', 'SHA-256', 'BadDigest'],
    specs: [{ url: U, method: 'PUT', res: BOS_HEADERS, req: { 'x-bce-content-sha256': Buffer.alloc(32, 7).toString('base64') } }],
  },
  {
    name: 'content-sha256-malformed: too short',
    id: 'content-sha256-malformed',
    keep: ['abc'],
    specs: [{ url: U, method: 'PUT', res: BOS_HEADERS, req: { 'x-bce-content-sha256': 'abc' } }],
  },
  {
    name: 'content-crc32-malformed: hex',
    id: 'content-crc32-malformed',
    keep: ['c1a3e46e', '3238666094', 'CRC32', '32'],
    specs: [{ url: U, method: 'PUT', res: BOS_HEADERS, req: { 'x-bce-content-crc32': 'c1a3e46e' } }],
  },
  {
    name: 'bad-digest: the digests sent',
    id: 'bad-digest',
    keep: ['content-md5', B64, 'x-bce-content-crc32', '12345'],
    specs: [
      {
        url: U,
        method: 'PUT',
        status: 400,
        res: BOS_HEADERS,
        req: { 'Content-MD5': B64, 'x-bce-content-crc32': '12345' },
        body: bosError('BadDigest', 'The Content-MD5 you specified did not match what we received.'),
      },
    ],
  },
  {
    name: 'bad-digest: none captured',
    id: 'bad-digest',
    keep: ['HAR'],
    specs: [
      { url: U, method: 'PUT', status: 400, res: BOS_HEADERS, body: bosError('BadDigest', 'The Content-MD5 you specified did not match what we received.') },
    ],
  },
  // ---- error codes and bodies ----
  {
    name: 'status-mismatch: NoSuchKey with 500',
    id: 'status-mismatch',
    keep: ['NoSuchKey', '500', '404', 'HTTP'],
    specs: [{ url: U, status: 500, res: BOS_HEADERS, body: bosError('NoSuchKey', 'gone') }],
  },
  {
    name: 'unknown-code',
    id: 'unknown-code',
    keep: ['TotallyNewCode', '400'],
    specs: [{ url: U, status: 400, res: BOS_HEADERS, body: bosError('TotallyNewCode', 'something new') }],
  },
  {
    name: 'no-error-body: HEAD 404',
    id: 'no-error-body',
    keep: ['HEAD', '404', 'NoSuchKey', 'NoSuchBucket'],
    specs: [{ url: U, method: 'HEAD', status: 404, res: BOS_HEADERS, body: null }],
  },
  {
    name: 'no-error-body: 403 whose body DevTools did not keep',
    id: 'no-error-body',
    keep: ['180', '403', 'AccessDenied', 'SignatureDoesNotMatch', 'RequestExpired', 'GET', 'HAR'],
    specs: [{ url: U, status: 403, res: BOS_HEADERS, body: null, bodySize: 180 }],
  },
  {
    name: 'no-error-body: empty 500',
    id: 'no-error-body',
    keep: ['500'],
    specs: [{ url: U, status: 500, res: BOS_HEADERS, body: '' }],
  },
  {
    name: 'error-body-not-bos: HTML from a gateway',
    id: 'error-body-not-bos',
    keep: ['502 Bad Gateway', 'HTML', 'CDN'],
    specs: [
      {
        url: U,
        status: 502,
        res: { Server: 'nginx', Date: BOS_HEADERS.Date, 'x-bce-request-id': 'r' },
        body: '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head></html>',
        mimeType: 'text/html',
      },
    ],
  },
  {
    name: 'error-body-not-bos: binary',
    id: 'error-body-not-bos',
    specs: [{ url: U, status: 500, res: BOS_HEADERS, body: 'GIF89a\u0000\u0000\u0001', mimeType: 'image/gif' }],
  },
  {
    name: 'error-body-not-bos: JSON without a code',
    id: 'error-body-not-bos',
    keep: ['JSON', '"code"'],
    specs: [{ url: U, status: 500, res: BOS_HEADERS, body: '{"error":"boom"}' }],
  },
  {
    name: 'error-body-not-bos: plain text',
    id: 'error-body-not-bos',
    specs: [{ url: U, status: 503, res: BOS_HEADERS, body: 'Service Unavailable', mimeType: 'text/plain' }],
  },
  {
    name: 'error-body-truncated: cut JSON',
    id: 'error-body-truncated',
    keep: ['JSON'],
    specs: [{ url: U, status: 403, res: BOS_HEADERS, req: signed('2026-11-26T04:00:00Z'), body: '{"code":"AccessDenied","message":"Access den' }],
  },
  {
    name: 'error-in-success-body: CopyObject answered 200 with an error JSON',
    id: 'error-in-success-body',
    keep: ['CopyObject', 'InternalError', 'SDK', 'AWS SDK v3', '5xx', '200'],
    specs: [
      {
        method: 'PUT',
        url: 'https://mybucket.bj.bcebos.com/copy.txt',
        status: 200,
        req: { ...signed('2026-11-26T04:00:00Z'), 'x-bce-copy-source': '/src/a.txt' },
        res: BOS_HEADERS,
        body: bosError('InternalError', 'We encountered an internal error. Please try again.'),
      },
    ],
  },
  {
    name: 'callback-failed: the callback server timed out',
    id: 'callback-failed',
    keep: ['https://www.test.com/callback', 'CallbackFailed', 'connect timeout', 'localhost', '2xx', 'BOS'],
    specs: [
      {
        method: 'PUT',
        url: 'https://mybucket.bj.bcebos.com/photo.jpg',
        req: {
          ...signed('2026-11-26T04:00:00Z'),
          'x-bce-process': 'callback/callback,u_WyJodHRwczovL3d3dy50ZXN0LmNvbS9jYWxsYmFjayJd,m_sync,v_eyJuYW1lIjoiYmFpZHUifQ',
        },
        res: BOS_HEADERS,
        body: '{"callback":{"code":"CallbackFailed","message":"connect timeout"}}',
      },
    ],
  },
  {
    name: 'callback-failed: 203, a configured callback',
    id: 'callback-failed',
    keep: ['203 Non-Authoritative Information', 'HAR', '"cb1"', 'localhost', '2xx', 'BOS'],
    specs: [
      {
        method: 'PUT',
        url: 'https://mybucket.bj.bcebos.com/photo.jpg',
        status: 203,
        req: { ...signed('2026-11-26T04:00:00Z'), 'x-bce-process': 'callback/callback,m_sync,e_config,k_cb1' },
        res: BOS_HEADERS,
        body: '',
      },
    ],
  },
  {
    name: 'callback-invalid: URLs not a JSON list',
    id: 'callback-invalid',
    keep: ['x-bce-process', 'u_', 'v_', 'JSON', 'URL', 'Base64', 'callback/callback', 'm_sync', 'BOS'],
    specs: [
      {
        method: 'PUT',
        url: 'https://mybucket.bj.bcebos.com/photo.jpg',
        req: { ...signed('2026-11-26T04:00:00Z'), 'x-bce-process': `callback/callback,u_${btoa('https://a.example/cb').replace(/=+$/, '')},m_sync` },
        res: BOS_HEADERS,
        body: '',
      },
    ],
  },
  {
    name: 'anonymous-request',
    id: 'anonymous-request',
    keep: ['Authorization', 'authorization', 'ACL', 'SDK', 'URL', 'Chrome', 'HAR'],
    specs: [{ url: U, status: 403, res: BOS_HEADERS, body: bosError('AccessDenied', 'Access denied.') }],
  },
  // ---- authorization and signature ----
  {
    name: 'authorization-malformed: a timestamp with a space (header)',
    id: 'authorization-malformed',
    keep: ['2026-11-26 04:00:00', 'InvalidHTTPAuthHeader', '400', '403', 'AccessDenied', 'bce-auth-v1', '8601'],
    specs: [
      {
        url: U,
        status: 400,
        res: BOS_HEADERS,
        req: { Authorization: 'bce-auth-v1/AKID/2026-11-26 04:00:00/1800/host/' + SIG },
        body: bosError('InvalidHTTPAuthHeader', 'The HTTP authorization header is invalid. Consult the service documentation for details.'),
      },
    ],
  },
  {
    name: 'authorization-malformed: a bce-auth-v2 string',
    id: 'authorization-malformed',
    keep: ['bce-auth-v2', 'bce-auth-v1'],
    specs: [
      {
        url: U,
        status: 400,
        res: BOS_HEADERS,
        req: { Authorization: 'bce-auth-v2/AKID/2026-11-26T04:00:00Z/1800/host/' + SIG },
        body: bosError('InvalidHTTPAuthHeader', 'The HTTP authorization header is invalid.'),
      },
    ],
  },
  {
    name: 'authorization-malformed: too few fields in a presigned URL',
    id: 'authorization-malformed',
    keep: ['4', '6', 'bce-auth-v1/{accessKeyId}/{timestamp}/{expirationSeconds}/{signedHeaders}/{signature}'],
    specs: [
      {
        url: `${U}?authorization=${encodeURIComponent('bce-auth-v1/AKID/2026-11-26T04:00:00Z')}`,
        status: 403,
        res: BOS_HEADERS,
        body: bosError('AccessDenied', 'Access denied.'),
      },
    ],
  },
  {
    name: 'authorization-malformed: an S3 signature',
    id: 'authorization-malformed',
    keep: ['S3', 'AWS', 's3.{region}.bcebos.com'],
    specs: [
      { url: U, status: 403, res: BOS_HEADERS, req: { Authorization: 'AWS4-HMAC-SHA256 Credential=x' }, body: bosError('AccessDenied', 'Access denied.') },
    ],
  },
  {
    name: 'authorization-malformed: signature of the wrong length',
    id: 'authorization-malformed',
    keep: ['10', '64', 'HMAC-SHA256'],
    specs: [
      {
        url: U,
        status: 403,
        res: BOS_HEADERS,
        req: { Authorization: 'bce-auth-v1/AKID/2026-11-26T04:00:00Z/1800/host/abcdef0123' },
        body: bosError('AccessDenied', 'Access denied.'),
      },
    ],
  },
  {
    name: 'credential-region-mismatch: an S3 SDK left at us-east-1 on the bj endpoint',
    id: 'credential-region-mismatch',
    keep: ['us-east-1', 'mybucket.s3.bj.bcebos.com', "new S3Client({ region: 'bj', endpoint: 'https://s3.bj.bcebos.com' })"],
    specs: [
      {
        url: 'https://mybucket.s3.bj.bcebos.com/a.txt',
        method: 'PUT',
        status: 403,
        req: {
          Authorization: `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261204/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=${SIG}`,
          'x-amz-date': '20261204T225328Z',
        },
        res: { Server: 'BceBos', 'x-amz-request-id': 'r' },
        body: '<Error><Code>SignatureDoesNotMatch</Code><Message>m</Message></Error>',
        mimeType: 'application/xml',
      },
    ],
  },
  {
    name: 'signature-mismatch: SigV4 on the S3 endpoint, the canonical request and string to sign',
    id: 'signature-mismatch',
    keep: ['AKIDEXAMPLE', 'host;x-amz-date', '20261204/bj/s3/aws4_request', 'SHA-256'],
    specs: [
      {
        url: 'https://mybucket.s3.bj.bcebos.com/a.txt',
        method: 'PUT',
        status: 403,
        req: {
          Authorization: `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261204/bj/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=${SIG}`,
          'x-amz-date': '20261204T225328Z',
        },
        res: { Server: 'BceBos', 'x-amz-request-id': 'r' },
        body: '<Error><Code>SignatureDoesNotMatch</Code><Message>m</Message></Error>',
        mimeType: 'application/xml',
      },
    ],
  },
  {
    name: 'sdk-default-checksums: a v3 PutObject with CRC32 refused',
    id: 'sdk-default-checksums',
    keep: ['x-amz-checksum-crc32', 'v3.729.0', "requestChecksumCalculation: 'WHEN_REQUIRED'"],
    specs: [
      {
        url: 'https://mybucket.s3.bj.bcebos.com/a.txt',
        method: 'PUT',
        status: 400,
        req: { 'x-amz-checksum-crc32': 'NhCmhg==', 'x-amz-sdk-checksum-algorithm': 'CRC32' },
        res: { Server: 'BceBos', 'x-amz-request-id': 'r' },
        body: '<Error><Code>InvalidRequest</Code><Message>m</Message></Error>',
        mimeType: 'application/xml',
      },
    ],
  },
  {
    name: 'sdk-default-checksums: an aws-chunked body with a trailer',
    id: 'sdk-default-checksums',
    where: (f) => f.trailer === true,
    keep: ['aws-chunked', 'STREAMING-UNSIGNED-PAYLOAD-TRAILER'],
    specs: [
      {
        url: 'https://mybucket.s3.bj.bcebos.com/a.txt',
        method: 'PUT',
        status: 400,
        req: { 'content-encoding': 'aws-chunked', 'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER', 'x-amz-trailer': 'x-amz-checksum-crc32' },
        res: { Server: 'BceBos', 'x-amz-request-id': 'r' },
        body: '<Error><Code>InvalidRequest</Code><Message>m</Message></Error>',
        mimeType: 'application/xml',
      },
    ],
  },
  {
    name: 'network-error: a name that did not resolve',
    id: 'network-error',
    keep: ['net::ERR_NAME_NOT_RESOLVED', 'mybucket.bj.bcebos.com'],
    specs: [{ url: U, method: 'PUT', status: 0, req: signed('2026-11-26T04:00:00Z'), body: null, networkError: 'net::ERR_NAME_NOT_RESOLVED' }],
  },
  {
    name: 'network-error: a certificate error',
    id: 'network-error',
    keep: ['net::ERR_CERT_AUTHORITY_INVALID', 'mybucket.bj.bcebos.com'],
    specs: [{ url: U, method: 'PUT', status: 0, req: signed('2026-11-26T04:00:00Z'), body: null, networkError: 'net::ERR_CERT_AUTHORITY_INVALID' }],
  },
  {
    name: 'network-error: a reset connection',
    id: 'network-error',
    keep: ['net::ERR_CONNECTION_RESET', 'mybucket.bj.bcebos.com'],
    specs: [{ url: U, method: 'PUT', status: 0, req: signed('2026-11-26T04:00:00Z'), body: null, networkError: 'net::ERR_CONNECTION_RESET' }],
  },
  {
    name: 'network-error: an ad blocker',
    id: 'network-error',
    keep: ['net::ERR_BLOCKED_BY_CLIENT', 'mybucket.bj.bcebos.com'],
    specs: [{ url: U, method: 'PUT', status: 0, req: signed('2026-11-26T04:00:00Z'), body: null, networkError: 'net::ERR_BLOCKED_BY_CLIENT' }],
  },
  {
    name: 'network-error: cancelled by the page',
    id: 'network-error',
    keep: ['net::ERR_ABORTED', 'mybucket.bj.bcebos.com'],
    specs: [{ url: U, method: 'PUT', status: 0, req: signed('2026-11-26T04:00:00Z'), body: null, networkError: 'net::ERR_ABORTED' }],
  },
  {
    name: 'network-error: mixed content',
    id: 'network-error',
    keep: ['net::ERR_BLOCKED_BY_MIXED_CONTENT', 'mybucket.bj.bcebos.com'],
    specs: [{ url: U, method: 'PUT', status: 0, req: signed('2026-11-26T04:00:00Z'), body: null, networkError: 'net::ERR_BLOCKED_BY_MIXED_CONTENT' }],
  },
  {
    name: 'network-error: another error',
    id: 'network-error',
    keep: ['net::ERR_HTTP2_PROTOCOL_ERROR', 'mybucket.bj.bcebos.com'],
    specs: [{ url: U, method: 'PUT', status: 0, req: signed('2026-11-26T04:00:00Z'), body: null, networkError: 'net::ERR_HTTP2_PROTOCOL_ERROR' }],
  },
  {
    name: 'signature-mismatch: the wrong secret key, no trap',
    id: 'signature-mismatch',
    keep: ['AKIDEXAMPLE', 'content-type;host;x-bce-date'],
    specs: [wrongKeySpec()],
  },
  {
    name: 'signature-mismatch: browser traps (charset, signed but not sent, port, encoding, /v1, plus)',
    id: 'signature-mismatch',
    keep: [
      'text/plain;charset=UTF-8',
      'content-length',
      'user-agent',
      'bj.bcebos.com:8081',
      '"("',
      '")"',
      '"!"',
      '/v1',
      'removeVersionPrefix',
      '%2B',
      'encodeURIComponent',
      'AKID',
      'Content-Length',
      'GET/HEAD',
    ],
    specs: [
      {
        url: 'http://bj.bcebos.com:8080/v1/mybucket/report(1)!.pdf?prefix=a+b',
        method: 'GET',
        status: 403,
        req: {
          Host: 'bj.bcebos.com:8081',
          'Content-Type': 'text/plain;charset=UTF-8',
          'User-Agent': 'x',
          Authorization: `bce-auth-v1/AKID/2026-11-26T04:00:00Z/1800/content-length;content-type;host;user-agent/${SIG}`,
        },
        res: BOS_HEADERS,
        body: bosError('SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.'),
      },
    ],
  },
  {
    name: 'signature-mismatch: eight signed headers the request did not carry',
    id: 'signature-mismatch',
    keep: ['content-length', 'content-md5', 'x-bce-meta-f', '8', 'GET/HEAD'],
    specs: [
      {
        url: U,
        method: 'GET',
        status: 403,
        req: {
          Authorization: `bce-auth-v1/AKID/2026-11-26T04:00:00Z/1800/x-bce-meta-a;x-bce-meta-b;x-bce-meta-c;content-length;x-bce-meta-d;x-bce-meta-e;x-bce-meta-f;content-md5;host/${SIG}`,
        },
        res: BOS_HEADERS,
        body: bosError('SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.'),
      },
    ],
  },
  {
    name: 'signature-mismatch: STS token not signed, default signed headers',
    id: 'signature-mismatch',
    keep: ['x-bce-security-token', 'STS', 'x-bce-custom', 'AKID'],
    specs: [
      {
        url: 'https://mybucket.bj.bcebos.com/dir/%7Ea.txt',
        method: 'PUT',
        status: 403,
        req: { 'x-bce-security-token': 't', 'x-bce-custom': 'v', Authorization: `bce-auth-v1/AKID/2026-11-26T04:00:00Z/1800/x-bce-custom/${SIG}` },
        res: BOS_HEADERS,
        body: bosError('SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.'),
      },
    ],
  },
  {
    name: 'signature-mismatch: the server default signed headers',
    id: 'signature-mismatch',
    keep: ['AKID'],
    specs: [
      {
        url: U,
        method: 'PUT',
        status: 403,
        req: { Authorization: `bce-auth-v1/AKID/2026-11-26T04:00:00Z/1800//${SIG}`, 'x-bce-date': '2026-11-26T04:00:00Z' },
        res: BOS_HEADERS,
        body: bosError('SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.'),
      },
    ],
  },
  {
    name: 'signature-mismatch: no Authorization captured',
    id: 'signature-mismatch',
    keep: ['Authorization', 'Chrome', 'HAR', 'BOS'],
    specs: [
      {
        url: U,
        method: 'PUT',
        status: 403,
        res: BOS_HEADERS,
        body: bosError('SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.'),
      },
    ],
  },
  // ---- PostObject ----
  {
    name: 'policy-expired: by the server clock',
    id: 'policy-expired',
    keep: ['2026-11-26T05:00:00Z', '600', 'PostObject', 'RequestExpired'],
    specs: [post(form(good), { status: 403, res: at('Thu, 26 Nov 2026 05:10:00 GMT'), body: expired('2026-11-26T05:00:00Z') })],
  },
  {
    name: 'policy-expired: by the browser clock',
    id: 'policy-expired',
    keep: ['2026-11-26T03:00:00Z', '3600'],
    specs: [post(form(withPolicy(b64({ ...POLICY, expiration: '2026-11-26T03:00:00Z' }))), { res: { Server: 'BceBos' } })],
  },
  {
    name: 'policy-violation: content-length-range exceeded',
    id: 'policy-violation',
    keep: ['content-length-range 1–1000', '1', '1000', '5000', 'MaxMessageLengthExceeded'],
    specs: [post(form(good, 'x'.repeat(5000)), { status: 400, body: bosError('MaxMessageLengthExceeded', 'Your request was too big.') })],
  },
  {
    name: 'policy-violation: bucket and key conditions',
    id: 'policy-violation',
    keep: ['{"bucket": "mybucket"}', '"mybucket"', '"otherbucket"', '{"key": "uploads/*"}', 'uploads/*', '"other/a.txt"', 'AccessDenied', '2'],
    specs: [
      post(
        form(good.map(([n, v]) => [n, n === 'key' ? 'other/a.txt' : v] as [string, string])),
        { status: 403, body: bosError('AccessDenied', 'Access denied.') },
        'https://otherbucket.bj.bcebos.com/',
      ),
    ],
  },
  {
    name: 'policy-violation: starts-with, eq, a field not sent',
    id: 'policy-violation',
    keep: ['["starts-with", "$key", "img/"]', 'img/', '["eq", "$Content-Type", "image/png"]', '"image/png"', '"text/plain"', '["eq", "$x-bce-meta-a", "1"]'],
    specs: [
      post(
        form([
          ...withPolicy(
            b64({
              expiration: '2026-11-26T05:00:00Z',
              conditions: [
                ['starts-with', '$key', 'img/'],
                ['eq', '$Content-Type', 'image/png'],
                ['eq', '$x-bce-meta-a', '1'],
              ],
            }),
          ),
          ['Content-Type', 'text/plain'],
        ]),
        { status: 403, body: bosError('AccessDenied', 'Access denied.') },
      ),
    ],
  },
  {
    name: 'policy-violation: the HAR did not keep the file part',
    id: 'policy-violation',
    keep: ['1000', 'MaxMessageLengthExceeded', 'HAR'],
    specs: [post(form(good, null), { status: 400, body: bosError('MaxMessageLengthExceeded', 'Your request was too big.') })],
  },
  {
    name: 'policy-violation: the upload-records form (size, STS token)',
    id: 'policy-violation',
    keep: ['content-length-range 0–5', '17'],
    specs: [postObjectSpec()],
  },
  {
    name: 'policy-invalid: not base64',
    id: 'policy-invalid',
    keep: ['InvalidPolicyDocument', '{"expiration": "…Z", "conditions": [...]}', 'Base64'],
    specs: [post(form(withPolicy('%%%')), { status: 400, body: bosError('InvalidPolicyDocument', 'x') })],
  },
  {
    name: 'policy-invalid: not JSON',
    id: 'policy-invalid',
    keep: ['JSON', 'InvalidPolicyDocument'],
    specs: [post(form(withPolicy(b64('{expiration:'))), { status: 400, body: bosError('InvalidPolicyDocument', 'x') })],
  },
  {
    name: 'policy-invalid: no conditions',
    id: 'policy-invalid',
    keep: ['"conditions"'],
    specs: [post(form(withPolicy(b64({ expiration: '2026-11-26T05:00:00Z' }))), { status: 400, body: bosError('InvalidPolicyDocument', 'x') })],
  },
  {
    name: 'policy-invalid: an expiration that is not UTC',
    id: 'policy-invalid',
    keep: ['"expiration"', 'tomorrow', '8601', '2026-11-26T08:00:00Z'],
    specs: [post(form(withPolicy(b64({ expiration: 'tomorrow', conditions: [] }))), { status: 400, body: bosError('InvalidPolicyDocument', 'x') })],
  },
  {
    name: 'post-form-incomplete: fields missing and after the file',
    id: 'post-form-incomplete',
    keep: ['accessKey', 'signature', 'key', 'policy', 'file'],
    specs: [
      post(
        form(
          [
            ['key', 'uploads/a.txt'],
            ['policy', b64(POLICY)],
          ],
          'x',
          false,
        ),
        { status: 403, body: bosError('AccessDenied', 'Access denied.') },
      ),
    ],
  },
  {
    name: 'post-form-incomplete: no file field',
    id: 'post-form-incomplete',
    keep: ['file'],
    specs: [post(form(good, null), { status: 400, body: bosError('InvalidArgument', 'x') })],
  },
  {
    name: 'post-form-incomplete: the HAR kept no form',
    id: 'post-form-incomplete',
    keep: ['HAR'],
    specs: [post(null, { status: 403, body: bosError('AccessDenied', 'Access denied.') })],
  },
  // ---- multipart, append, copy ----
  {
    name: 'part-too-small: on the Complete',
    id: 'part-too-small',
    keep: ['1', '4096', '100', '102400', 'EntityTooSmall', '5'],
    specs: [
      part(1, 4096),
      part(2, 200_000),
      part(3, 10),
      complete(listed(1, 2, 3), 400, ['EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed object size.']),
    ],
  },
  {
    name: 'part-too-small: two parts',
    id: 'part-too-small',
    keep: ['1', '2', '4096', '5000'],
    specs: [
      part(1, 4096),
      part(2, 5000),
      part(3, 10),
      complete(listed(1, 2, 3), 400, ['EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed size.']),
    ],
  },
  {
    name: 'part-too-small: EntityTooSmall, sizes not recorded',
    id: 'part-too-small',
    keep: ['1', '2', '100', '102400', 'EntityTooSmall', 'Complete', 'HAR', 'Content-Length', 'bodySize', 'SDK', '5'],
    specs: [
      { ...part(1, 0), req: {} },
      { ...part(2, 0), req: {} },
      part(3, 10),
      complete(listed(1, 2, 3), 400, ['EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed object size.']),
    ],
  },
  {
    name: 'part-etag-mismatch: "undefined" (ETag not exposed)',
    id: 'part-etag-mismatch',
    keep: ['"undefined"', md5(1), md5(77), md5(2), 'InvalidPart', 'ETag', 'CORS'],
    specs: [
      part(1, 200_000),
      part(2, 300),
      complete(
        [
          { partNumber: 1, eTag: 'undefined' },
          { partNumber: 2, eTag: md5(77) },
        ],
        400,
        ['InvalidPart', 'x'],
      ),
    ],
  },
  {
    name: 'part-etag-mismatch: one wrong ETag',
    id: 'part-etag-mismatch',
    keep: ['2', md5(77), md5(2), 'InvalidPart', 'UploadPart'],
    specs: [
      part(1, 200_000),
      part(2, 300),
      complete(
        [
          { partNumber: 1, eTag: md5(1) },
          { partNumber: 2, eTag: md5(77) },
        ],
        400,
        ['InvalidPart', 'x'],
      ),
    ],
  },
  {
    name: 'part-order-invalid',
    id: 'part-order-invalid',
    keep: ['2', '1', '4', '5', 'InvalidPartOrder'],
    specs: [part(1, 200_000), part(2, 200_000), part(3, 200_000), part(4, 200_000), complete(listed(2, 1, 4, 5))],
  },
  {
    name: 'parts-not-listed: one part',
    id: 'parts-not-listed',
    keep: ['3'],
    specs: [part(1, 200_000), part(2, 200_000), part(3, 200_000), part(4, 200_000), complete(listed(2, 1, 4, 5))],
  },
  {
    name: 'parts-not-listed: two parts',
    id: 'parts-not-listed',
    keep: ['2', '3'],
    specs: [part(1, 200_000), part(2, 200_000), part(3, 200_000), part(4, 10), complete(listed(1, 4))],
  },
  {
    name: 'parts-not-uploaded',
    id: 'parts-not-uploaded',
    keep: ['5', 'UploadPart', 'InvalidPart'],
    specs: [part(1, 200_000), part(2, 200_000), part(3, 200_000), part(4, 200_000), complete(listed(2, 1, 4, 5))],
  },
  {
    name: 'parts-not-uploaded: two parts, the Complete failed',
    id: 'parts-not-uploaded',
    keep: ['2', '3'],
    specs: [part(1, 200_000), complete(listed(1, 2, 3), 400, ['InvalidPart', 'x'])],
  },
  {
    name: 'upload-already-finished: aborted earlier',
    id: 'upload-already-finished',
    keep: ['#1', 'uploadId', 'NoSuchUpload', 'InitiateMultipartUpload'],
    specs: [
      part(1, 200_000),
      { url: `${MU}?uploadId=${ID}`, method: 'DELETE', status: 204, res: BOS_HEADERS },
      { ...part(3, 200_000, md5(3), 404), body: bosError('NoSuchUpload', 'The specified multipart upload does not exist.') },
    ],
  },
  {
    name: 'upload-already-finished: completed earlier',
    id: 'upload-already-finished',
    keep: ['#2', 'NoSuchUpload'],
    specs: [
      part(1, 200_000),
      part(2, 10),
      complete(listed(1, 2)),
      { ...complete(listed(1, 2), 404), body: bosError('NoSuchUpload', 'The specified multipart upload does not exist.') },
    ],
  },
  {
    name: 'upload-already-finished: unknown upload id',
    id: 'upload-already-finished',
    keep: ['uploadId'],
    specs: [part(1, 200_000), { ...part(2, 200_000, md5(2), 404), body: bosError('NoSuchUpload', 'The specified multipart upload does not exist.') }],
  },
  {
    name: 'append-offset-incorrect: the previous append says 11',
    id: 'append-offset-incorrect',
    keep: ['5', '11', '#0', 'x-bce-next-append-offset', 'offset=5', 'GetObjectMeta'],
    specs: [
      { url: 'https://mybucket.bj.bcebos.com/logs/app.log?append&offset=0', method: 'POST', res: { ...BOS_HEADERS, 'x-bce-next-append-offset': '11' } },
      {
        url: 'https://mybucket.bj.bcebos.com/logs/app.log?append&offset=5',
        method: 'POST',
        status: 409,
        res: BOS_HEADERS,
        body: bosError('OffsetIncorrect', 'Offset not equal to current object length'),
      },
    ],
  },
  {
    name: 'append-offset-incorrect: no earlier append, no offset',
    id: 'append-offset-incorrect',
    keep: ['x-bce-next-append-offset', 'Content-Length', 'GetObjectMeta', '0'],
    specs: [
      {
        url: 'https://mybucket.bj.bcebos.com/logs/app.log?append',
        method: 'POST',
        status: 409,
        res: BOS_HEADERS,
        body: bosError('OffsetIncorrect', 'Offset not equal to current object length'),
      },
    ],
  },
  {
    name: 'append-not-appendable',
    id: 'append-not-appendable',
    keep: ['AppendObject', 'x-bce-object-type: Appendable', 'PutObject', 'PostObject'],
    specs: [
      {
        url: 'https://mybucket.bj.bcebos.com/logs/app.log?append',
        method: 'POST',
        status: 403,
        res: BOS_HEADERS,
        body: bosError('ObjectUnappendable', 'The object can not be append'),
      },
    ],
  },
  {
    name: 'copy-precondition-failed',
    id: 'copy-precondition-failed',
    keep: ['x-bce-copy-source-if-match', '"abc"', '/mybucket/src.txt', 'GetObjectMeta', 'ETag'],
    specs: [
      {
        url: 'https://mybucket.bj.bcebos.com/copy.txt',
        method: 'PUT',
        status: 412,
        req: { 'x-bce-copy-source': '/mybucket/src.txt', 'x-bce-copy-source-if-match': '"abc"' },
        res: BOS_HEADERS,
        body: bosError('PreconditionFailed', "The specified If-Match header doesn't match the eTag header."),
      },
    ],
  },
  {
    name: 'copy-precondition-failed: no condition captured',
    id: 'copy-precondition-failed',
    keep: ['x-bce-copy-source-if-*'],
    specs: [
      {
        url: 'https://mybucket.bj.bcebos.com/copy.txt',
        method: 'PUT',
        status: 412,
        req: { 'x-bce-copy-source': '/mybucket/src.txt' },
        res: BOS_HEADERS,
        body: bosError('PreconditionFailed', 'x'),
      },
    ],
  },
  // ---- CORS ----
  {
    name: 'cors-preflight-failed: no rule matched (403)',
    id: 'cors-preflight-failed',
    keep: [O, 'PUT', 'authorization', 'content-md5', 'x-bce-date', '403', 'Access-Control-*', 'PutBucketCors', '"/"', '"*"', '0'],
    specs: [preflight({}, 403)],
  },
  {
    name: 'cors-preflight-failed: origin',
    id: 'cors-preflight-failed',
    keep: ['https://other.example.com', O],
    specs: [
      preflight({ 'Access-Control-Allow-Origin': 'https://other.example.com', 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': '*' }),
    ],
  },
  {
    name: 'cors-preflight-failed: method',
    id: 'cors-preflight-failed',
    keep: ['GET', 'HEAD', 'PUT'],
    specs: [preflight({ 'Access-Control-Allow-Origin': O, 'Access-Control-Allow-Methods': 'GET,HEAD', 'Access-Control-Allow-Headers': '*' })],
  },
  {
    name: 'cors-preflight-failed: headers',
    id: 'cors-preflight-failed',
    keep: ['content-md5'],
    specs: [preflight({ 'Access-Control-Allow-Origin': O, 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': 'authorization,x-bce-date' })],
  },
  {
    name: 'cors-preflight-failed: no response at all, from an origin',
    id: 'cors-preflight-failed',
    keep: [O, 'PUT', 'authorization', 'OPTIONS'],
    specs: [{ url: U, method: 'PUT', status: 0, req: { Origin: O, Authorization: `bce-auth-v1/ak/2026-11-26T04:00:00Z/1800/host/${SIG}` }, res: {} }],
  },
  {
    name: 'cors-preflight-failed: no response, provisional headers only',
    id: 'cors-preflight-failed',
    keep: ['PUT', 'authorization'],
    specs: [{ url: U, method: 'PUT', status: 0, req: { Authorization: `bce-auth-v1/ak/2026-11-26T04:00:00Z/1800/host/${SIG}` }, res: {} }],
  },
  {
    name: 'cors-not-allowed',
    id: 'cors-not-allowed',
    keep: [O, '200', 'GET', 'Access-Control-Allow-Origin'],
    specs: [{ url: U, req: { Origin: O }, res: BOS_HEADERS }],
  },
  {
    name: 'cors-etag-not-exposed: UploadPart',
    id: 'cors-etag-not-exposed',
    keep: ['x-bce-request-id', 'Access-Control-Expose-Headers', 'CompleteMultipartUpload', 'InvalidPart', '"eTag": undefined'],
    specs: [
      {
        url: `${U}?partNumber=1&uploadId=u`,
        method: 'PUT',
        req: { Origin: O },
        res: { ...BOS_HEADERS, ETag: `"${HEX}"`, 'Access-Control-Allow-Origin': O, 'Access-Control-Expose-Headers': 'x-bce-request-id' },
      },
    ],
  },
  {
    name: 'cors-etag-not-exposed: UploadPart on the S3 endpoint',
    id: 'cors-etag-not-exposed',
    keep: [
      'x-amz-request-id',
      'ExposeHeader',
      'CompleteMultipartUpload',
      'InvalidPart',
      '<ETag>undefined</ETag>',
      'Part N is missing ETag in UploadPart response',
    ],
    specs: [
      {
        url: 'https://mybucket.s3.bj.bcebos.com/a.txt?partNumber=1&uploadId=u',
        method: 'PUT',
        req: { Origin: O },
        res: {
          'x-amz-request-id': 'r',
          'x-amz-id-2': 'd',
          ETag: `"${HEX}"`,
          'Access-Control-Allow-Origin': O,
          'Access-Control-Expose-Headers': 'x-amz-request-id',
        },
      },
    ],
  },
  {
    name: 'cors-etag-not-exposed: no expose header at all',
    id: 'cors-etag-not-exposed',
    keep: ['ETag'],
    specs: [{ url: U, method: 'PUT', req: { Origin: O }, res: { ...BOS_HEADERS, ETag: `"${HEX}"`, 'Access-Control-Allow-Origin': O } }],
  },
  {
    name: 'cors-ids-not-exposed: both ids',
    id: 'cors-ids-not-exposed',
    keep: ['x-bce-request-id', 'x-bce-debug-id'],
    specs: [{ url: U, status: 404, req: { Origin: O }, res: { ...BOS_HEADERS, 'Access-Control-Allow-Origin': O, 'Access-Control-Expose-Headers': 'ETag' } }],
  },
  {
    name: 'cors-ids-not-exposed: one id',
    id: 'cors-ids-not-exposed',
    keep: ['x-bce-debug-id'],
    specs: [
      {
        url: U,
        status: 404,
        req: { Origin: O },
        res: { ...BOS_HEADERS, 'Access-Control-Allow-Origin': O, 'Access-Control-Expose-Headers': 'ETag, x-bce-request-id' },
      },
    ],
  },
]

function findingOf(c: Case): Finding {
  const r = analyzeHar(har(c.specs.map((s) => entry(s))))
  const last = r.entries[r.entries.length - 1]!
  const f = last.findings.find((x) => x.id === c.id && (!c.where || c.where(x)))
  if (!f) throw new Error(`${c.name}: no ${c.id} among ${last.findings.map((x) => x.id).join(', ') || 'no findings'}`)
  return f
}

/** Numbers, x-bce-* names and quoted values of the English that the Chinese must repeat. */
function facts(english: string): string[] {
  const digits = english.match(/\d+/g) ?? []
  const headers = english.match(/x-bce-[a-z0-9-]+[a-z0-9]/g) ?? []
  return [...new Set([...digits, ...headers])]
}

function expectChinese(zh: Finding, en: Finding, keep: readonly string[] = []): void {
  for (const field of ['title', 'detail'] as const) {
    expect(zh[field], `${field}: ${zh[field]}`).toMatch(CJK)
    // Braces stay only where the English has them (an example like s3.{region}.bcebos.com is data).
    const english = new Set(en[field].match(PLACEHOLDER) ?? [])
    expect(
      (zh[field].match(PLACEHOLDER) ?? []).filter((p) => !english.has(p)),
      zh[field],
    ).toEqual([])
    for (const fact of facts(en[field])) expect(zh[field], `${field} keeps ${fact} of "${en[field]}"`).toContain(fact)
  }
  const both = `${zh.title}\n${zh.detail}`
  for (const k of keep) expect(both, `keeps ${k}`).toContain(k)
  // Nothing but the two texts changes.
  expect({ ...zh, title: en.title, detail: en.detail }).toEqual(en)
}

describe('every finding in Chinese', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const f = findingOf(c)
    const zh = localizeFinding(f, 'zh_CN')
    if (process.env.SHOW_ZH) console.log(`${c.name}\n  ${f.title}\n  ${zh.title}\n  ${f.detail}\n  ${zh.detail}\n`)
    expectChinese(zh, f, c.keep)
    expect(localizeFinding(f, 'en')).toBe(f)
  })

  it('the cases cover every finding id of README and of src/core', () => {
    const covered = new Set(CASES.map((c) => c.id))
    expect([...readmeIds()].filter((id) => !covered.has(id))).toEqual([])
    expect(FINDING_IDS.filter((id) => !covered.has(id))).toEqual([])
  })
})

// ---- coverage: the vocabularies, README and the catalogs agree ------------------------------------

/** Finding ids of README's "Finding ids" table. */
function readmeIds(): Set<string> {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
  const table = readme.slice(readme.indexOf('## Finding ids'), readme.indexOf('## Architecture'))
  return new Set([...table.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((m) => m[1]!))
}

/** The source of src/core, the vocabulary files left out: where an id is really produced. */
function coreSource(): string {
  const dir = new URL('../../src/core/', import.meta.url)
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && f !== 'finding-ids.ts')
    .map((f) => readFileSync(new URL(f, dir), 'utf8').replace(/export const TRAP_IDS = \[[^\]]*\]/, ''))
    .join('\n')
}

describe('coverage', () => {
  it('every finding id and trap id is produced somewhere in src/core (no dead entries)', () => {
    const src = coreSource()
    expect(FINDING_IDS.filter((id) => !src.includes(`'${id}'`))).toEqual([])
    expect(TRAP_IDS.filter((id) => !src.includes(`'${id}'`))).toEqual([])
  })

  it('every finding id and trap id has its English and Chinese messages', () => {
    for (const id of FINDING_IDS) {
      const keys = Object.keys(reportEn).filter((k) => k.startsWith(`finding.${id === 'request-time-too-skewed' ? 'request-expired' : id}.`))
      expect(keys.length, id).toBeGreaterThan(0)
      for (const k of keys) expect(reportZh_CN, k).toHaveProperty([k])
    }
    for (const id of TRAP_IDS) {
      expect(reportEn, id).toHaveProperty([`trap.${id}.detail`])
      expect(reportZh_CN, id).toHaveProperty([`trap.${id}.detail`])
    }
  })

  it('README lists exactly the finding ids of the vocabulary', () => {
    expect([...readmeIds()].sort()).toEqual([...FINDING_IDS].sort())
  })
})

// ---- recorded sessions: what the genuine SDK in Chromium produced ---------------------------------

describe('the recorded Chromium sessions', () => {
  it.each(['chromium-session.har', 'chromium-session.devtools.har'])('%s: every finding in Chinese', (file) => {
    const r = analyzeHar(JSON.parse(readFileSync(new URL(`../fixtures/${file}`, import.meta.url), 'utf8')))
    const all = r.entries.flatMap((a) => a.findings)
    expect(all.length).toBeGreaterThan(5)
    for (const f of all) expectChinese(localizeFinding(f, 'zh_CN'), f)
    for (const a of r.entries) {
      const zh = localizeAnalysis(a, 'zh_CN')
      if (a.error) expect(zh.error!.description).toMatch(CJK)
      if (a.body.note) expect(zh.body.note).toMatch(CJK)
    }
  })
})

// ---- the whole entry ------------------------------------------------------------------------------

describe('localizeAnalysis', () => {
  const analyse = (...specs: EntrySpec[]): EntryAnalysis => {
    const r = analyzeHar(har(specs.map((s) => entry(s))))
    return r.entries[r.entries.length - 1]!
  }

  it('RequestExpired: findings, meaning and advice in Chinese; message, facts and fields as they are', () => {
    const a = analyse({
      url: U,
      method: 'PUT',
      status: 403,
      time: 80,
      req: signed('2026-11-26T04:00:00Z', 600),
      res: at('Thu, 26 Nov 2026 04:17:00 GMT'),
      body: expired(),
    })
    const zh = localizeAnalysis(a, 'zh_CN')
    expect(zh.findings.map((f) => f.id)).toEqual(['request-expired', 'clock-skew'])
    expect(zh.findings[0]!.title).toBe('请求已过期：本机时钟比服务器慢 17 分钟')
    expect(zh.findings[1]!.title).toBe('时钟偏差：本机时钟比服务器慢 17 分钟')
    expect(zh.error).toEqual({ ...a.error, description: ERROR_CODES_ZH.RequestExpired!.description, advice: ERROR_CODES_ZH.RequestExpired!.advice })
    expect(zh.error!.message).toBe('Request has expired. Timestamp date is 2026-11-26T04:00:00Z')
    const { findings, error, ...rest } = zh
    const { findings: f0, error: e0, ...rest0 } = a
    expect(rest).toEqual(rest0)
    expect(findings.map(({ title: _t, detail: _d, ...facts }) => facts)).toEqual(f0.map(({ title: _t, detail: _d, ...facts }) => facts))
    expect(e0).not.toBe(error)
    expect(JSON.stringify(a)).not.toMatch(CJK) // the input is not touched
  })

  it('English is the very same object', () => {
    const a = analyse({ url: U, method: 'HEAD', status: 404, res: BOS_HEADERS, body: null })
    expect(localizeAnalysis(a, 'en')).toBe(a)
  })

  it('an unknown code: the generic meaning and advice in Chinese', () => {
    const zh = localizeAnalysis(analyse({ url: U, status: 400, res: BOS_HEADERS, body: bosError('TotallyNewCode', 'something new') }), 'zh_CN')
    expect(zh.error).toMatchObject({ code: 'TotallyNewCode', message: 'something new', documentedStatus: null, description: '不是 BOS 文档中列出的错误码。' })
    expect(zh.error!.advice).toContain('x-bce-debug-id')
  })

  it('body notes in Chinese, with their numbers and titles', () => {
    const gateway = localizeAnalysis(
      analyse({
        url: U,
        status: 502,
        res: { Server: 'nginx', Date: BOS_HEADERS.Date, 'x-bce-request-id': 'r' },
        body: '<html><head><title>502 Bad Gateway</title></head></html>',
        mimeType: 'text/html',
      }),
      'zh_CN',
    )
    expect(gateway.body).toMatchObject({
      format: 'html',
      truncated: false,
      note: '这是一个 HTML 页面（"502 Bad Gateway"），不是 BOS 错误：它来自浏览器与 BOS 之间的代理、网关、CDN 或网络认证页面。',
    })
    const notKept = localizeAnalysis(analyse({ url: U, status: 403, res: BOS_HEADERS, body: null, bodySize: 180 }), 'zh_CN')
    expect(notKept.body.note).toContain('180 字节')
  })

  it('keeps a description an older core wrote differently', () => {
    const a = analyse({ url: U, status: 404, res: BOS_HEADERS, body: bosError('NoSuchKey', 'gone') })
    const older = { ...a, error: { ...a.error!, description: 'Older words.' } }
    expect(localizeAnalysis(older, 'zh_CN').error).toEqual(older.error)
  })
})

// ---- what has no message, or a message of another version ------------------------------------------

describe('a finding without a message it can render keeps its English', () => {
  const base = findingOf(CASES.find((c) => c.id === 'unknown-code')!)

  it('no message (a finding from another version): the same object', () => {
    const { message: _, ...f } = base
    expect(localizeFinding(f as Finding, 'zh_CN')).toBe(f)
  })

  it('a key the catalog does not know is said in English; the other text still in Chinese', () => {
    const f = { ...base, message: { ...base.message, detail: { key: 'finding.brand-new.detail' } } } as unknown as Finding
    const zh = localizeFinding(f, 'zh_CN')
    expect(zh.title).toMatch(CJK)
    expect(zh.detail).toBe('finding.brand-new.detail') // visible, never an exception
  })

  it('a message the core mangled never throws, and the English stays whole', () => {
    for (const f of [
      { id: 'request-expired', severity: 'error', title: 'T', detail: 'D', message: { title: null, detail: {} } },
      { id: 'policy-violation', severity: 'error', title: 'T', detail: 'D', message: 7 },
    ] as unknown as Finding[]) {
      expect(localizeFinding(f, 'zh_CN')).toBe(f)
    }
  })
})

describe('the small pieces the panel shows beside findings', () => {
  it('signing trap details', () => {
    const x = toExchange(
      entry({
        url: 'http://b.bj.bcebos.com:8080/report(1).pdf',
        method: 'GET',
        req: { Host: 'b.bj.bcebos.com:8081', 'Content-Type': 'text/plain;charset=UTF-8' },
      }),
    )!
    const r = decodeAuthString(`bce-auth-v1/ak/2026-11-26T04:00:00Z/1800/content-length;content-type;host/${SIG}`, 'header', false)
    if (!r.ok) throw new Error(r.problem)
    const traps = signingTraps(x, r.auth)
    expect(traps.map((t) => t.id)).toEqual(['content-type-charset', 'signed-not-sent', 'host-port', 'uri-encoding'])
    for (const trap of traps) {
      expect(localizeText(trap.message, 'en')).toBe(trap.detail)
      const zh = localizeText(trap.message, 'zh_CN')!
      expect(zh, trap.id).toMatch(CJK)
      for (const fact of facts(trap.detail)) expect(zh).toContain(fact)
    }
  })

  it('policy violations: expected and actual', () => {
    expect(localizeText(msg('policy.expected.range', { min: 1, max: 1000 }), 'zh_CN')).toBe('1 到 1000 字节')
    expect(localizeText(msg('policy.actual.about', { size: 5000 }), 'zh_CN')).toBe('约 5000 字节')
    expect(localizeText(msg('policy.actual.notSent'), 'zh_CN')).toBe('未发送')
    expect(localizeText(msg('policy.expected.matches', { pattern: 'uploads/*' }), 'zh_CN')).toBe('匹配 uploads/*')
    expect(localizeText('"other/a.txt"', 'zh_CN')).toBe('"other/a.txt"') // data
    expect(localizeText(msg('policy.actual.about', { size: 5000 }), 'en')).toBe('about 5000 bytes')
    expect(localizeText(undefined, 'zh_CN')).toBeNull()
  })
})

// ---- any input: never throws, never says something else ------------------------------------------

describe('properties over generated HARs', () => {
  it('every finding: Chinese or its English, the facts untouched, English the same object', () => {
    let texts = 0
    let kept = 0
    fc.assert(
      fc.property(fc.array(fc.oneof(harEntry, sessionEntry), { minLength: 1, maxLength: 8 }), (entries) => {
        const r = analyzeHar({ log: { entries } })
        for (const a of r.entries) {
          expect(localizeAnalysis(a, 'en')).toBe(a)
          const zh = localizeAnalysis(a, 'zh_CN')
          zh.findings.forEach((z, i) => {
            const f = a.findings[i]!
            for (const field of ['title', 'detail'] as const) {
              texts++
              if (z[field] === f[field]) {
                kept++
                continue
              }
              expect(z[field]).toMatch(CJK)
              const english = new Set(f[field].match(PLACEHOLDER) ?? [])
              expect((z[field].match(PLACEHOLDER) ?? []).filter((p) => !english.has(p))).toEqual([])
            }
            expect({ ...z, title: f.title, detail: f.detail }).toEqual(f)
          })
        }
      }),
      params(runs(0.5)),
    )
    // Every text is rendered from its message: none stays English.
    expect(texts).toBeGreaterThan(200)
    expect(kept).toBe(0)
  })
})
