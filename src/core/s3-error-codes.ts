/**
 * Error codes a browser can get from BOS's S3-compatible endpoint (s3.{region}.bcebos.com), looked up before
 * the native table for requests to that endpoint. Codes, statuses and messages are those of the S3 API
 * (AWS "Error responses"; ../shared/reference/s3-compat.md §4): BOS documents no S3 error table of its own,
 * so the status is S3's and a different one is not reported as a mismatch. Descriptions and advice are ours,
 * written for SigV4 clients (@aws-sdk/client-s3, aws-sdk v2, PicGo/PicList). The Chinese texts are in
 * error-codes-zh.ts (ERROR_CODES_S3_ZH).
 */
import type { ErrorCodeEntry } from './error-codes.ts'

/** [code, S3 status, S3 message, description, advice] */
type Row = readonly [string, number, string, string, string]

const SOURCE = 'S3 API error responses (AWS); BOS documents no S3 error table'

const ROWS: readonly Row[] = [
  [
    'AccessDenied',
    403,
    'Access Denied',
    'The endpoint refused this operation for this caller. Through the S3 endpoint this is also how an expired presigned URL is answered (message "Request has expired").',
    'Check the bucket ACL or IAM policy for this access key, and for STS credentials the token and its permissions. If the message says the request has expired, sign the URL again, closer to its use, or with a longer X-Amz-Expires (at most 7 days).',
  ],
  [
    'SignatureDoesNotMatch',
    403,
    'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    'The SigV4 signature the server computed from the request it received differs from the one sent.',
    "Compare the canonical request and string to sign below with your SDK's signing log. The usual causes: a wrong secret key, a credential scope for another region (keep the client's region the endpoint's, such as \"bj\"), a header changed after signing, or a key or query encoded differently.",
  ],
  [
    'RequestTimeTooSkewed',
    403,
    'The difference between the request time and the current time is too large.',
    "The signing time (x-amz-date) is too far from the server's clock (S3 allows 15 minutes).",
    "Correct the clock of whatever signs the request (the browser's device, or the server that issues signatures). The AWS SDK v3 corrects its offset and retries once, when the response's Date header is readable (expose it with CORS).",
  ],
  [
    'InvalidAccessKeyId',
    403,
    'The AWS Access Key Id you provided does not exist in our records.',
    'The access key id in the credential is not one this endpoint knows.',
    'Use a Baidu AI Cloud access key (an AWS one does not work here), and check that an STS key is sent with its security token.',
  ],
  [
    'AuthorizationHeaderMalformed',
    400,
    'The authorization header is malformed',
    'The Authorization header could not be read as SigV4, or names a region or service the endpoint does not accept.',
    'Sign with SigV4 for service "s3" and the endpoint\'s region (for example region "bj" for s3.bj.bcebos.com), not "us-east-1" or "auto".',
  ],
  [
    'AuthorizationQueryParametersError',
    400,
    'Error parsing the X-Amz-Credential parameter',
    "A presigned URL's X-Amz-* parameters could not be read (credential, date or expiry).",
    'Presign the URL with the SDK rather than by hand; X-Amz-Expires must be from 1 to 604800 seconds, and the URL must not be re-encoded after signing.',
  ],
  [
    'InvalidRequest',
    400,
    'Invalid Request',
    'The request is not valid for a reason its message gives: often an authorization mechanism other than AWS4-HMAC-SHA256, or a checksum the server did not expect.',
    "Read the message. For SigV2 set signatureVersion: 'v4' (aws-sdk v2); for checksums create the client with requestChecksumCalculation: 'WHEN_REQUIRED'.",
  ],
  [
    'XAmzContentSHA256Mismatch',
    400,
    "The provided 'x-amz-content-sha256' header does not match what was computed.",
    'The body that arrived does not hash to the x-amz-content-sha256 that was signed.',
    'Do not change the body after signing (a proxy, a service worker or a re-encoding can); send UNSIGNED-PAYLOAD for bodies that are streamed.',
  ],
  [
    'BadDigest',
    400,
    'The Content-MD5 you specified did not match what we received.',
    'The Content-MD5 or checksum header sent does not match the body the server received.',
    "Compute the digest over the exact bytes sent. A presigned PUT from AWS SDK v3 carries the empty body's CRC32 (x-amz-checksum-crc32=AAAAAA==): presign with requestChecksumCalculation: 'WHEN_REQUIRED'.",
  ],
  [
    'InvalidDigest',
    400,
    'The Content-MD5 you specified is not valid.',
    'The Content-MD5 header is not the base64 of a 16-byte MD5.',
    'Send base64 of the raw digest bytes, not the hex string.',
  ],
  [
    'NoSuchKey',
    404,
    'The specified key does not exist.',
    'No object has this key in the bucket.',
    'Check the key (case, leading "/", URL encoding) and that the upload finished.',
  ],
  [
    'NoSuchBucket',
    404,
    'The specified bucket does not exist',
    'No bucket of this name exists in this region.',
    'Check the bucket name and use the endpoint of its region (s3.{region}.bcebos.com).',
  ],
  [
    'NoSuchUpload',
    404,
    'The specified multipart upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
    'The upload id is not an open multipart upload: mistyped, or already completed or aborted.',
    'Use the UploadId returned by CreateMultipartUpload, and stop sending parts once the upload is completed or aborted.',
  ],
  [
    'InvalidPart',
    400,
    "One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.",
    'A part in the CompleteMultipartUpload list was not uploaded, or its ETag differs from the uploaded one.',
    'List each part with the ETag its UploadPart response returned. In a browser, that header is readable only when the bucket\'s CORS exposes ETag; otherwise the list says "undefined".',
  ],
  [
    'InvalidPartOrder',
    400,
    'The list of parts was not in ascending order. The parts list must be specified in order by part number.',
    'The CompleteMultipartUpload list is not in ascending part-number order.',
    'Sort the parts by part number before completing.',
  ],
  [
    'EntityTooSmall',
    400,
    'Your proposed upload is smaller than the minimum allowed object size.',
    'A part other than the last is below the minimum part size.',
    'Make every part but the last at least the minimum size (S3 clients such as lib-storage use 5 MiB).',
  ],
  [
    'EntityTooLarge',
    400,
    'Your proposed upload exceeds the maximum allowed object size.',
    'The body is larger than one request may carry.',
    'Upload large files in parts (multipart upload, for example @aws-sdk/lib-storage).',
  ],
  [
    'MissingContentLength',
    411,
    'You must provide the Content-Length HTTP header.',
    'The request has a body but no Content-Length.',
    'Send the body whole (a Uint8Array, or a Blob with checksums at WHEN_REQUIRED) rather than as a stream.',
  ],
  [
    'PreconditionFailed',
    412,
    'At least one of the pre-conditions you specified did not hold',
    'An If-Match, If-None-Match or x-amz-copy-source-if-* condition did not hold.',
    'Check the ETag or date in the condition against the object as it is now.',
  ],
  [
    'InvalidRange',
    416,
    'The requested range is not satisfiable',
    'The Range asked for starts beyond the end of the object.',
    'Ask for a range within the object size (HEAD it first).',
  ],
  [
    'MalformedXML',
    400,
    'The XML you provided was not well-formed or did not validate against our published schema.',
    'The XML request body (a part list, a delete list, a configuration) could not be read.',
    'Let the SDK build the body; a hand-built one needs the S3 element names, each part with PartNumber and ETag.',
  ],
  [
    'MethodNotAllowed',
    405,
    'The specified method is not allowed against this resource.',
    'This method is not allowed on this resource.',
    'Check the method against the operation, and that the operation is one the S3-compatible endpoint supports.',
  ],
  [
    'NotImplemented',
    501,
    'A header you provided implies functionality that is not implemented',
    'The request uses a header or feature the endpoint does not implement.',
    "Remove the header or option its message names. With AWS SDK v3 (3.729.0 and later) the default checksum headers are a usual cause: create the client with requestChecksumCalculation: 'WHEN_REQUIRED'.",
  ],
  ['SlowDown', 503, 'Please reduce your request rate.', 'The endpoint is throttling requests.', 'Retry with backoff, and send fewer requests at once.'],
  [
    'InternalError',
    500,
    'We encountered an internal error. Please try again.',
    'The server failed while handling the request.',
    'Retry; if it persists, open a ticket with the request id and x-amz-id-2.',
  ],
  [
    'ExpiredToken',
    400,
    'The provided token has expired.',
    'The STS security token (x-amz-security-token) has expired.',
    'Fetch new temporary credentials before they expire, and sign with the new token.',
  ],
  [
    'InvalidToken',
    400,
    'The provided token is malformed or otherwise invalid.',
    'The security token is not valid, or does not belong to this access key.',
    'Send the token that came with these temporary credentials, unchanged.',
  ],
  [
    'TokenRefreshRequired',
    400,
    'The provided token must be refreshed.',
    'The security token must be refreshed.',
    'Fetch new temporary credentials and sign with them.',
  ],
  [
    'MissingSecurityHeader',
    400,
    'Your request was missing a required header',
    'A header the request needs is missing (with temporary credentials, often the security token).',
    'With STS credentials send x-amz-security-token (or X-Amz-Security-Token in a presigned URL) and sign it.',
  ],
  [
    'RequestTimeout',
    400,
    'Your socket connection to the server was not read from or written to within the timeout period.',
    'The body stopped arriving before it was complete.',
    'Retry; for slow links upload in smaller parts.',
  ],
  [
    'IncompleteBody',
    400,
    'You did not provide the number of bytes specified by the Content-Length HTTP header.',
    'Fewer bytes arrived than Content-Length announced.',
    'Do not set Content-Length by hand, and retry an upload that was cut off.',
  ],
  [
    'AccessForbidden',
    403,
    'CORSResponse: This CORS request is not allowed.',
    "The preflight's origin, method or requested headers are not allowed by the bucket's CORS rules.",
    "Add the page's origin, the method and every header the SDK sends (x-amz-*, amz-sdk-*, content-type) to the bucket's CORS rules, and expose ETag.",
  ],
]

export const S3_ERROR_CODES: ReadonlyMap<string, ErrorCodeEntry> = new Map(
  ROWS.map(([code, status, message, description, advice]): [string, ErrorCodeEntry] => [
    code,
    Object.freeze({ code, status, message, description, advice, source: SOURCE }),
  ]),
)

/** Looks an S3 code up: exact match, then case-insensitive. */
export function lookupS3ErrorCode(code: string): ErrorCodeEntry | undefined {
  const exact = S3_ERROR_CODES.get(code)
  if (exact) return exact
  const lower = code.toLowerCase()
  for (const [k, v] of S3_ERROR_CODES) if (k.toLowerCase() === lower) return v
  return undefined
}
