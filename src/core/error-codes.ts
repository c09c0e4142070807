/**
 * Bundled table of BOS (Baidu AI Cloud Object Storage) error codes.
 *
 * Codes, HTTP statuses and server messages of the first block are carried over verbatim from the
 * BOS API reference "Return a Response" (2025-11-03), typos included, because that is what the
 * server sends. Descriptions and advice are our own. The second block holds codes met outside
 * that table; each names its `source`.
 *
 * Key decoders on `code`, not on the HTTP status: BCE's common table and BOS disagree on some
 * statuses (e.g. RequestExpired / SignatureDoesNotMatch are 400 there, 403 on BOS).
 */

export interface ErrorCodeEntry {
  code: string
  /** Documented HTTP status, e.g. 403. */
  status: number
  /**
   * The server's message string as documented (verbatim). For codes outside the seed table, the
   * message seen in the wild; empty string when no server message has been recorded.
   */
  message: string
  /** What the code means, in plain English. */
  description: string
  /** What usually causes it in a browser upload/download and what to change. */
  advice: string
  /** Where a code outside the seed table comes from (absent for seed codes). */
  source?: string
}

/** [code, status, message, description, advice, source?] */
type Row = readonly [string, number, string, string, string, string?]

const ROWS: readonly Row[] = [
  // ---- BOS "Return a Response" table (seed) ----
  [
    'AccessDenied',
    403,
    'Access denied.',
    'BOS refused this operation on this bucket or object for this caller: an anonymous request to a bucket that is not public, or an access key (or STS token) without the permission.',
    'Check the bucket ACL/IAM policy for this AK; for STS tokens, the accessControlList must cover this bucket, key prefix and permission (e.g. WRITE to upload). For PostObject, the form\'s key or bucket usually breaks a policy condition such as {"key":"prefix*"}. New buckets may also refuse path-style URLs: use {bucket}.{region}.bcebos.com.',
  ],
  [
    'AccountOverdue',
    403,
    'Your request is denied because there is an overdue bill of your account.',
    'The Baidu AI Cloud account that owns the bucket has an unpaid bill, so BOS refuses its requests.',
    'Not a client bug: the account owner has to settle the balance in the billing console; requests should work again once the account is back in good standing.',
  ],
  [
    'BadDigest',
    400,
    'The Content-MD5 you specified did not match what we received.',
    'A checksum sent with the request (Content-MD5 or x-bce-content-sha256) does not match the bytes BOS actually received.',
    'Content-MD5 must be base64 of the raw 16-byte MD5 digest, not the 32-char hex string. Otherwise the body sent differs from what was hashed: hash the exact Blob/slice you send (same part range, no text re-encoding) and recompute after any change.',
  ],
  [
    'BucketAlreadyExists',
    409,
    'The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.',
    'Bucket names are global across all BOS users, and this name is already taken, possibly by another account.',
    'Choose another name. If the bucket is already yours, skip creation and use it; a web page should rarely create buckets at all.',
  ],
  [
    'BucketNotEmpty',
    409,
    'The bucket you tried to delete is not empty.',
    'DeleteBucket was called on a bucket that still holds objects.',
    'Delete every object first (consider aborting unfinished multipart uploads too), then delete the bucket again.',
  ],
  [
    'EntityTooLarge',
    400,
    'Your proposed upload exceeds the maximum allowed object size.',
    'The upload is bigger than BOS accepts for a single request of this kind.',
    "A single PutObject is limited to 5 GB; upload larger files with multipart (each part at most 5 GB), e.g. the JS SDK's putSuperObject.",
  ],
  [
    'EntityTooSmall',
    400,
    'Your proposed upload is smaller than the minimum allowed object size.',
    'A multipart upload was completed with a part, other than the last, that is below the minimum part size.',
    'Every part except the last must be at least 100 KB. Usually a chunking bug produced tiny or empty slices; use a fixed chunk size (e.g. 1-5 MB) and let only the final part be smaller.',
  ],
  [
    'InappropriateJSON',
    400,
    'The JSON you provided was well-formed and valid, but not appropriate for this operation.',
    'The JSON body parses, but its content does not fit the operation, e.g. a required field is missing or has the wrong type.',
    'Compare the body with the API reference for this call (lowerCamelCase fields, e.g. parts[].partNumber and eTag on CompleteMultipartUpload). Look for values that were undefined and got dropped by JSON.stringify.',
  ],
  [
    'InappropriateXML',
    400,
    'The XML you provided was well-formed and valid, but not appropriate for this operation.',
    'The XML body parses, but its content does not fit the operation.',
    'The native BOS API speaks JSON, so an XML body usually means the S3-compatible endpoint (s3.{region}.bcebos.com); check the XML against the schema of that S3 operation.',
  ],
  [
    'InternalError',
    500,
    'We encountered an internal error. Please try again.',
    'Something failed inside BOS; the request itself may well be correct.',
    'Retry with exponential backoff (the Python/Go/Java SDKs retry 5xx, the JS SDK does not). If it persists, open a ticket quoting x-bce-request-id and x-bce-debug-id from the response headers.',
  ],
  [
    'InvalidArgument',
    400,
    'Invalid Argument.',
    'A parameter or header has a value that this operation does not accept.',
    'Often a partNumber outside 1-10000 or an unsupported header value (e.g. x-bce-storage-class). Compare the query string and x-bce-* headers with the API reference for this call.',
  ],
  [
    'InvalidBucketName',
    400,
    'The specified bucket is not valid.',
    'The bucket name in the host or path is not a valid BOS bucket name.',
    'Use lowercase letters, digits and "-", starting and ending with a letter or digit, at most 63 characters. With virtual-host URLs the bucket must be the first host label ({bucket}.{region}.bcebos.com); check that a custom endpoint did not shift it.',
  ],
  [
    'InvalidEncryptionAlgorithm',
    400,
    'The specified encryption algorithm is invalid.',
    'The requested server-side encryption algorithm is not one BOS supports.',
    'Set x-bce-server-side-encryption to a supported value such as AES256 or SM4, or omit it to use the bucket default.',
  ],
  [
    'InvalidHTTPAuthHeader',
    400,
    'The HTTP authorization header is invalid. Consult the service documentation for details.',
    'The Authorization value could not be parsed as a bce-auth-v1 authorization string.',
    'Expected bce-auth-v1/{ak}/{yyyy-mm-ddThh:mm:ssZ}/{seconds}/{signedHeaders}/{64 lowercase hex}: no milliseconds in the timestamp, no extra prefix or spaces. In presigned URLs, URL-encode the authorization value exactly once.',
  ],
  [
    'InvalidHTTPRequest',
    400,
    'There was an error in the body of your HTTP request.',
    'The request body could not be read as valid content, for example because of a bad encoding.',
    'Check that Content-Length and any Content-Encoding match the body actually sent; in browsers send a Blob or ArrayBuffer rather than re-encoded text. The Go SDK also reports this code for a 400 without a body (e.g. on HEAD).',
  ],
  [
    'InvalidObjectName',
    400,
    'Your object key is too long.',
    'The object key was rejected, normally because it exceeds the maximum key length.',
    'Shorten the key (non-ASCII characters take several bytes in UTF-8); avoid building keys from full local paths or very long file names.',
  ],
  [
    'InvalidPart',
    400,
    "One or more of the specified parts could not be found. The part might not have been uploaded, or the specified entity tag might not have matched the part's entity tag.",
    "CompleteMultipartUpload listed a part BOS does not have, or an eTag that differs from the stored part's.",
    'In browsers this is often CORS not exposing ETag, so the SDK read undefined: add ETag to allowedExposeHeaders. Otherwise send the ETag each UploadPart returned (quotes stripped) or ListParts reports, and complete only after all parts finished.',
  ],
  [
    'InvalidPartOrder',
    400,
    'The list of parts was not in ascending order.Parts list must specified in order by part number.',
    'The parts list sent to CompleteMultipartUpload is not sorted by partNumber.',
    'Parallel part uploads finish out of order; sort the parts by partNumber ascending before completing (gaps such as 1, 3, 5 are allowed).',
  ],
  [
    'InvalidPolicyDocument',
    400,
    'The content of the form does not meet the conditions specified in the policy document.',
    'A PostObject form was rejected because its policy is malformed or the form fields do not satisfy the policy.',
    'The policy field must be base64 of {"expiration":"...Z","conditions":[...]} and signature = hex HMAC-SHA256(SK, that base64 string). Make bucket, key and size meet every condition, and put the file field last.',
  ],
  [
    'InvalidRange',
    416,
    'The requested range cannot be satisfied.',
    'The Range header asks for bytes that lie outside the object.',
    'Derive ranges from the real object size (HEAD first): bytes=start-end is inclusive and start must be below the size; an empty object cannot satisfy any range.',
  ],
  [
    'InvalidURI',
    400,
    'Could not parse the specified URI.',
    'BOS could not make sense of the request path or query string.',
    'Percent-encode the key once (UTF-8) keeping "/" separators, and never double-encode. Check the endpoint: no trailing "/", and /v1/{bucket}/{key} only on path-style hosts.',
  ],
  [
    'MalformedJSON',
    400,
    'The JSON you provided was not well-formed.',
    'The request body is not syntactically valid JSON.',
    'Send JSON.stringify output with Content-Type application/json. Note the Go SDK also reports this code when it cannot parse an error body, so look at the raw response.',
  ],
  [
    'MalformedXML',
    400,
    'The XML you provided was not well-formed or did not validate against our published schema.',
    'The XML body is not well-formed or does not follow the expected schema.',
    'Native BOS calls use JSON; XML is expected only on the S3-compatible endpoint, so validate the body against the S3 schema of that operation.',
  ],
  [
    'MaxMessageLengthExceeded',
    400,
    'Your request was too big.',
    "The request is larger than allowed; PostObject also returns it when the file size is outside the policy's content-length-range.",
    'For PostObject, make the file size fit content-length-range [min, max] from the policy, or widen the range when signing. For other calls keep bodies within documented limits (e.g. CompleteMultipartUpload body up to 1 MB).',
  ],
  [
    'MetadataTooLarge',
    400,
    'Your metadata headers exceed the maximum allowed metadata size.',
    'The user metadata headers (x-bce-meta-*) add up to more than the allowed size.',
    'Keep all x-bce-meta-* names and values under 2 KB in total; store larger data in a separate object or your own database.',
  ],
  [
    'MethodNotAllowed',
    405,
    'he specified method is not allowed against this resource.',
    'The HTTP method cannot be used on this resource.',
    'Check the method and sub-resource pair against the API (e.g. POST /{key}?uploads to initiate multipart, PUT /{key}?partNumber&uploadId for parts). PostObject must be POST / on the bucket host.',
  ],
  [
    'MissingContentLength',
    411,
    'You must provide the Content-Length HTTP header.',
    'A request with a body arrived without a Content-Length header.',
    'Browsers set Content-Length themselves for Blob, ArrayBuffer and string bodies, but not for streamed (ReadableStream, chunked) bodies; upload a Blob or slice instead.',
  ],
  [
    'MissingDateHeader',
    400,
    'Request must have a "date" or "x-bce-date" header.',
    'The request has neither x-bce-date nor Date, so BOS cannot check the signature time.',
    'Pages cannot set Date, so send x-bce-date (UTC, yyyy-mm-ddThh:mm:ssZ, no milliseconds) and sign it. If a server signs for the page, return the x-bce-date it used and send exactly that value.',
  ],
  [
    'NoReplicationConfiguration',
    404,
    'The Replication configuration does not exist.',
    'The bucket has no cross-region replication configuration to read or delete.',
    'Expected when querying replication on a bucket that never had it: treat it as "not configured". Otherwise check the bucket name and region.',
  ],
  [
    'NoSuchBucket',
    404,
    'The specified bucket does not exist.',
    'No bucket with this name exists at the region endpoint the request was sent to.',
    'Check the spelling and the region in the host (bj, gz, su, bd, fwh, hkg, ...): a bucket is only reachable via its own region. Watch for endpoints that put the bucket both in the host and in the path.',
  ],
  [
    'NoSuchBucketEncryption',
    404,
    'The bucket is not encrypted.',
    'The bucket has no default server-side encryption configured.',
    'Normal when reading the encryption settings of an unencrypted bucket; treat it as "none", or configure bucket encryption first.',
  ],
  [
    'NoSuchKey',
    404,
    'The specified key does not exist.',
    'No object with this key exists in the bucket.',
    'Compare the key byte for byte: case, a leading "/", encoding of spaces, "+" and non-ASCII, and whether the bucket name leaked into the key (path-style vs virtual host). After an upload, check that it succeeded with the same key.',
  ],
  [
    'NoSuchUpload',
    404,
    'The specified multipart upload does not exist. The upload ID might be invalid, or the multipart upload might have been aborted or completed.',
    'The uploadId does not refer to an open multipart upload: it is wrong, or the upload was already completed or aborted.',
    'Typical when resuming with an uploadId saved (e.g. in localStorage) after the upload was completed or aborted, or when Complete is retried after it already succeeded. Start a new upload; ListMultipartUploads shows the open ones.',
  ],
  [
    'NotImplemented',
    501,
    'A header you provided implies functionality that is not implemented.',
    'The request asks, usually through a header, for a feature BOS does not support.',
    'Remove headers the operation does not document (S3-specific options are a common source) and check that the feature is available for this region and endpoint.',
  ],
  [
    'ObjectUnappendable',
    403,
    'The object can not be append',
    'AppendObject was called on an object that was not created as appendable (e.g. it came from PutObject or multipart).',
    'Only objects created by AppendObject (x-bce-object-type: Appendable) accept appends. Append to a new key starting at offset 0, or re-upload the whole object with PutObject.',
  ],
  [
    'OffsetIncorrect',
    409,
    'Offset not equal to current object length',
    "The AppendObject offset is not the object's current length, or is non-zero for an object that does not exist yet.",
    'Use x-bce-next-append-offset from the previous append (or the size from HEAD) as the next offset, and 0 for a new object. Concurrent appenders or a retried append that had already succeeded usually cause this.',
  ],
  [
    'PreconditionFailed',
    412,
    "The specified If-Match header doesn't match the eTag header.",
    'A conditional header (If-Match, or x-bce-copy-source-if-* on a copy) did not hold for the object as it is now.',
    'The object changed since its ETag was read, or the ETag was altered on the way. HEAD the object for its current ETag and retry, or drop the condition if it is not needed.',
  ],
  [
    'ReplicationNotEnabled',
    404,
    'The Bucket Replication is not enabled.',
    'The operation needs cross-region replication on the bucket, but none is enabled.',
    'Enable a replication rule on the source bucket first, then retry; check that the right bucket and region are addressed.',
  ],
  [
    'ReplicationStatusError',
    409,
    'The Bucket Replication Status is not correct. Please make sure both the source and dest bucket have no enabled replication conf and both are not the dest replication bucket of other bucket.',
    'Replication cannot be set up because the source or destination bucket already takes part in another replication rule.',
    "Remove the existing rule or pick other buckets, so that neither bucket already replicates elsewhere nor is the target of another bucket's replication.",
  ],
  [
    'ReplicationStatusNotEmpty',
    409,
    'The bucket you tried to delete has an enabled replication conf or is a dest replication bucket of other bucket.',
    'The bucket cannot be deleted while it replicates or is the replication target of another bucket.',
    'Delete the replication configuration on this bucket and on any bucket replicating into it, then delete the bucket.',
  ],
  [
    'RequestExpired',
    403,
    'Request has expired. Timestamp date is XXX.',
    'The signature timestamp plus its validity (default 1800 s) had passed when BOS received the request; for PostObject, the policy expiration had passed.',
    "Usually the client clock is behind, a presigned URL or cached signature was reused, or the signing server's clock is off. Sync clocks and sign right before sending; the JS SDK corrects from the server Date after an error if CORS exposes Date. PostObject needs a fresh policy.",
  ],
  [
    'RequestTimeout',
    408,
    'Your socket connection to the server was not read from or written to within the timeout period.',
    'The connection sat idle too long while BOS waited for the request body.',
    'Common with slow uplinks, large single PUTs or many parallel parts: lower the concurrency, use smaller multipart parts and retry the failed part; make sure Content-Length matches the bytes really sent.',
  ],
  [
    'ServiceUnavailable',
    503,
    'Please reduce your request rate.',
    'BOS is temporarily unable to serve the request, typically because of load or request rate.',
    'Retry with exponential backoff and jitter, and cap the number of parallel requests (e.g. multipart concurrency) the page makes.',
  ],
  [
    'SignatureDoesNotMatch',
    403,
    'The request signature we calculated does not match the signature you provided. Check your Secret Access Key and signing method. Consult the service documentation for details.',
    'The bce-auth-v1 signature BOS computed for the request it received differs from the one supplied.',
    'Check the AK/SK pair. Else the request changed after signing: Firefox adds "; charset=UTF-8" to Content-Type (set it explicitly), Host/port/endpoint differ (trailing "/", /v1), a signed header was not sent (Content-Length: 0 on GET), or key characters such as ( ) ! * were not encoded.',
  ],
  [
    'SlowDown',
    503,
    'Please reduce your request rate.',
    'BOS is throttling because requests arrive too fast.',
    'Back off exponentially and reduce concurrency (fewer parallel uploads or parts); retries without delay make it worse.',
  ],
  [
    'TooManyBuckets',
    400,
    'You have attempted to create more buckets than allowed.',
    'The account has reached its maximum number of buckets.',
    'Delete unused buckets, or use key prefixes in one bucket instead of a bucket per user or tenant; ask support for a higher quota if really needed.',
  ],
  [
    'InvalidStaticWebSiteFormat',
    400,
    'The format of index file or 404 file are not allowed.',
    'The static website settings name an index or 404 document that BOS rejects, e.g. an unsupported file type or the same file for both.',
    'Use two different objects for the index and the 404 page (e.g. index.html and 404.html) with a supported file type.',
  ],
  [
    'NoSuchBucketStaticWebSiteConfig',
    404,
    'The static web site configuration does not exist.',
    'The bucket has no static website configuration.',
    'Normal when reading the website settings of a bucket that never had them: treat it as "not configured", or set up static website hosting first.',
  ],
  [
    'StaticWebSiteIsDisable',
    501,
    'Static web site is disabled or not implemented.',
    "Static website hosting is switched off or not offered, for example in this bucket's region.",
    "Not fixable from the page: check whether static website hosting is available in the bucket's region, or serve the site from a bucket in a region that offers it.",
  ],
  [
    'InvalidObjectState',
    403,
    'The object is freezed or restoring.',
    'The object is in archive storage (frozen) or a restore is still running, so its data cannot be read yet.',
    'Call RestoreObject and wait until x-bce-restore shows ongoing-request="false" before reading; keep objects that pages read directly out of the ARCHIVE class.',
  ],
  [
    'NotArchiveObject',
    400,
    'Object is not archive storage class.',
    'RestoreObject was called on an object that is not in the ARCHIVE storage class.',
    'Only ARCHIVE objects need a restore; read other storage classes directly. HEAD the object and check x-bce-storage-class first.',
  ],
  [
    'RestoreAlreadyInProgress',
    409,
    "The object is restoring.Don't restore the object again.",
    'A restore of this archive object has already been requested and is still running.',
    'Do not call RestoreObject again; poll with HEAD until x-bce-restore reports ongoing-request="false", then read the object.',
  ],
  [
    'RestoreAlready',
    409,
    'The object is restored.',
    'The archive object has already been restored and can be read.',
    'No restore needed: read the object now, before the expiry-date given in its x-bce-restore header.',
  ],

  // ---- Codes met outside the seed table ----
  [
    'RequestTimeTooSkewed',
    403,
    '',
    'The request time is too far from the server clock; probably sent for timestamps in the future, as a stale one gives RequestExpired.',
    'The client (or signing server) clock is ahead: sync it. The JS SDK records the offset from the response Date and retries once, which in a browser only works if the bucket CORS rule exposes the Date header.',
    '@baiducloud/sdk src/bce_base_client.js and src/bos_client.js sendHTTPRequest retry once on 403 RequestTimeTooSkewed; no BOS response body found, message unknown',
  ],
  [
    'InvalidAccessKeyId',
    403,
    'The Access Key ID you provided does not exist in our records.',
    'The access key ID in the authorization string is unknown to Baidu AI Cloud.',
    'Check the AK is complete and current (not deleted in the console). With STS, sign with the temporary AK and its own SK and send x-bce-security-token; an expired token needs a new GetSessionToken.',
    'BCE common error codes (API spec 公共错误码, 403); constant in bce-sdk-go bce/error.go and bce-sdk-java ErrorCode.java',
  ],
  [
    'InvalidVersion',
    404,
    'The API version specified was invalid.',
    'The API version prefix in the URI path (such as /v1) is not one the service knows.',
    'Use /v1/{bucket}/{key} on path-style hosts, or no prefix on virtual-host URLs; a wrong or doubled prefix, e.g. from a custom endpoint, is a likely cause.',
    'BCE common error codes (API spec 公共错误码, 404); constant in bce-sdk-go bce/error.go',
  ],
  [
    'OptInRequired',
    403,
    'A subscription for the service is required.',
    'The account behind the access key has not activated the service being called.',
    'Activate the service for this account in the Baidu AI Cloud console, and check that the AK belongs to the intended account.',
    'BCE common error codes (API spec 公共错误码, 403); constant in bce-sdk-go bce/error.go',
  ],
  [
    'NotAllowCopy',
    400,
    '',
    'CopyObject refused the source object; observed when copying an appendable object to another key.',
    'Appendable objects cannot be copied to a new key this way: download and re-upload with PutObject, or create the data as a normal object.',
    'bce-sdk-js test/sdk/bos_client.spec.js (live sandbox): copyObject of an appendable object -> 400 NotAllowCopy; message not recorded',
  ],
  [
    'SymlinkTargetNotExist',
    404,
    '',
    'The key is a symlink whose target object does not exist.',
    'PutSymlink does not check the target, so links can dangle. Read x-bce-symlink-target with GET ?symlink, then upload the target (same bucket) or repoint the link.',
    'BOS GetObjectMeta doc (404 when the symlink target is missing); message not recorded',
  ],
  [
    'InvalidEncryptionCustomerKey',
    400,
    'The specified encryption customer-key is invalid, encrypt object by customer key md5 not match',
    'The customer-provided encryption key (SSE-C) is not valid, or its MD5 header does not match the key.',
    'Send x-bce-server-side-encryption-customer-key and -customer-key-md5 computed from the same raw key bytes (usually both base64), and read the object with the key used to upload it.',
    'BOS error-code page DOC-ERR (cloud.baidu.com/doc/BOS/s/Ajwvysfpl), 400',
  ],
  [
    'InvalidEncryptionKmsMkid',
    400,
    'The specified encryption kms mkid is invalid, please check its status',
    'The KMS master key id given for server-side encryption is unknown, disabled or otherwise unusable.',
    "Check that x-bce-server-side-encryption-bos-kms-key-id names an existing, enabled KMS key of this account, usually in the bucket's region.",
    'BOS error-code page DOC-ERR (cloud.baidu.com/doc/BOS/s/Ajwvysfpl), 400',
  ],
  [
    'InvalidTargetType',
    400,
    'The specified object key is symlink, target object of symlink also is symlink.',
    'The symlink points to another symlink; BOS does not follow chains of links.',
    'Point the symlink straight at the real object by calling PutSymlink again with the final target key.',
    'BOS error-code page DOC-ERR (cloud.baidu.com/doc/BOS/s/Ajwvysfpl), 400',
  ],
  [
    'InvalidRequest',
    403,
    'authenticate failed: Fail to authn user: Fail to check timestamp: time expired',
    'Generic authentication failure seen from STS; the recorded message says the signing timestamp had expired.',
    "Usually a long-lived client reusing a stale signing time, or a skewed clock, on the server that calls STS GetSessionToken. Sign each STS request afresh and sync that server's clock; it is fixed in the token service, not the page.",
    'baidubce/bce-sdk-go#84 (STS GetSessionToken from a reused client); status 403 from the issue title "会导致请求收到403错误", not from a captured response',
  ],
  [
    'Http400',
    400,
    '',
    'Undocumented code that the SDKs treat as a transient 400 worth retrying.',
    'Retry with a short backoff, as the SDKs do. If it keeps failing, check that Content-Length matches the body and report x-bce-request-id and x-bce-debug-id to support.',
    '@baiducloud/sdk src/bos_client.js putObjectFromFile (retries 400 Http400 up to 3 times); bce-sdk-go services/bos/api/retry.go; not in BOS docs, message unknown',
  ],
]

function toEntry([code, status, message, description, advice, source]: Row): ErrorCodeEntry {
  const entry: ErrorCodeEntry = { code, status, message, description, advice }
  if (source !== undefined) entry.source = source
  return Object.freeze(entry)
}

export const ERROR_CODES: ReadonlyMap<string, ErrorCodeEntry> = new Map(ROWS.map((row): [string, ErrorCodeEntry] => [row[0], toEntry(row)]))

let lowerIndex: Map<string, ErrorCodeEntry> | undefined

/** Looks a code up: exact match first, then case-insensitive. */
export function lookupErrorCode(code: string): ErrorCodeEntry | undefined {
  const exact = ERROR_CODES.get(code)
  if (exact) return exact
  if (!lowerIndex) {
    lowerIndex = new Map()
    for (const [k, v] of ERROR_CODES) lowerIndex.set(k.toLowerCase(), v)
  }
  return lowerIndex.get(code.toLowerCase())
}
