// The English report catalog: what the core says about a request (finding titles and details, the
// sentences they are built from, body notes, problems with an authorization string or a policy) and how
// the CLI prints it. Used by the core (src/core/localize.ts) and the CLI; the panel's initial bundle does
// not carry it (a Chinese panel loads localize.ts after its first paint). Keys:
// `finding.<id>.title|detail[.variant]`, placeholders `{name}`, plurals `.one|.other`.
//
// The English texts are those of src/core today, byte for byte (grammar included), split where a sentence
// depends on a condition; `{…}` parameters that are themselves sentences (`{note}`, `{advice}`, `{why}`) are
// built from other keys. localize.ts re-renders a finding in English from these before it says it in
// another language, and keeps the English wherever the two differ: test/core/localize.test.ts shows where.

export const reportEn = {
  // ---- error codes outside the table (core/analyze.ts errorInfo) ----
  'error.unknown.description': 'Not a documented BOS error code.',
  'error.unknown.advice': 'Read the message the server sent; quote the request id and x-bce-debug-id in a support ticket.',

  // ---- unknown-code, status-mismatch ----
  'finding.unknown-code.title': 'Error code {code} is not in the BOS code table',
  'finding.unknown-code.detail':
    'BOS (or something in front of it) answered {status} with code "{code}", which the BOS error-code reference does not list. Read its message, and quote the request id and debug id if you ask support.',
  'finding.status-mismatch.title': '{code} came with HTTP {status}, documented as {documented}',
  'finding.status-mismatch.detail':
    'The BOS reference gives {code} the status {documented}, but this response was {status}. A proxy or gateway may have rewritten the status, or the endpoint is not BOS itself; trust the code over the status.',

  // ---- error bodies (core/analyze.ts bodyFindings, core/error-body.ts notes) ----
  'finding.no-error-body.title': 'No error body to decode',
  'finding.no-error-body.detail': 'The diagnosis rests on the status {status} alone.',
  'finding.no-error-body.guess404': 'A 404 here usually means NoSuchKey (or NoSuchBucket for a bucket request).',
  'finding.no-error-body.guess403': 'A 403 usually means AccessDenied, SignatureDoesNotMatch or RequestExpired; replay it as GET to see the code.',
  'finding.error-body-not-bos.title.html': 'Error page from something in front of BOS',
  'finding.error-body-not-bos.title': 'Error body is not a BOS error document',
  'finding.error-body-not-bos.detail': 'The body could not be read as a BOS error.',
  'finding.error-body-truncated.title': 'Error body is cut off',
  'finding.error-body-truncated.detail': 'The error body is incomplete.',
  'finding.error-in-success-body.title': 'HTTP {status}, but {operation} failed: {code}',
  'finding.error-in-success-body.detail':
    '{operation} can answer {status} and report a failure in the body, as here. The official SDKs treat it as an error (the BOS SDKs raise it; AWS SDK v3 turns it into a 5xx and retries), so the object was not written as asked. Code that only checks the status takes it for a success: read the body too.',
  'body.note.head': 'HEAD responses carry no body; the status and headers are all there is.',
  'body.note.notKept': 'The response had {size} bytes, but the HAR did not keep them (DevTools drops bodies it evicted, or the export left content out).',
  'body.note.noResponse': 'No response was received (blocked by CORS, cancelled, or a network error).',
  'body.note.empty': 'The response body was empty.',
  'body.note.badBase64': 'The HAR marks the body as base64, but it is not valid base64.',
  'body.note.binarySize': 'The body is binary ({size} bytes), not an error document.',
  'body.note.binary': 'The body is binary, not an error document.',
  'body.note.jsonNoCode': 'JSON without a "code" field: not a BOS error document.',
  'body.note.jsonNotObject': 'JSON, but not an object: not a BOS error document.',
  'body.note.jsonCutWithCode': 'The JSON body is cut off or malformed; the code and message were read from what is there.',
  'body.note.jsonCutNoCode': 'The body starts like JSON but does not parse (cut off or malformed), and no error code could be read from it.',
  'body.note.xmlNoCode': 'XML without an <Error><Code>: not an error document.',
  'body.note.htmlTitled': 'An HTML page ("{title}"), not a BOS error: it came from a proxy, gateway, CDN or captive portal between the browser and BOS.',
  'body.note.html': 'An HTML page, not a BOS error: it came from a proxy, gateway, CDN or captive portal between the browser and BOS.',
  'body.note.text': 'Plain text, not a BOS error document.',

  // ---- durations and clock skew inside findings (core/clock.ts humanDuration, describeSkew) ----
  'duration.seconds.one': '{count} second',
  'duration.seconds.other': '{count} seconds',
  'duration.minutes': '{count} minutes',
  'duration.hours': '{count} hours',
  'duration.hoursMinutes': '{hours} hours {minutes} minutes',
  'duration.days': '{count} days',
  'skew.inStep': 'in step with the server',
  'skew.behind': '{duration} behind the server',
  'skew.ahead': '{duration} ahead of the server',

  // ---- request-expired / request-time-too-skewed (core/analyze.ts clockFindings, core/clock.ts diagnoseExpiry) ----
  'finding.request-expired.title.client-clock': 'Request expired: your clock is {skew}',
  'finding.request-expired.title.stale-signature': 'Request expired: the signature was made too long ago',
  'finding.request-expired.title.signer-clock': "Request expired: the signer's clock is off or the signature is old",
  'finding.request-expired.title.sts-token': 'Request expired: the STS temporary credentials ran out',
  'finding.request-expired.title.unknown': 'Request expired',
  'finding.request-time-too-skewed.title.client-clock': 'Request time too skewed: your clock is {skew}',
  'finding.request-time-too-skewed.title.signer-clock': "Request time too skewed: the signer's clock is off or the signature is old",
  'finding.request-time-too-skewed.title': "Request time too skewed: the signing time is too far from the server's clock",
  'finding.request-time-too-skewed.detail.client-clock':
    "The request was signed just before it was sent, but this computer's clock is {skew}, so its signing time is outside the window the server allows around its own clock. Fix the system clock (enable network time), or let the signer use the server's Date.",
  'finding.request-expired.measuredSkew': 'Measured skew: {skew}.',
  'expiry.validity.unknown': 'its validity',
  'expiry.validity.none': 'no expiry',
  'expiry.validity.seconds': 'its {seconds} s validity',
  'expiry.when.before': "{duration} before the request was sent (by this computer's clock)",
  'expiry.when.after': "{duration} after the request was sent (by this computer's clock)",
  'expiry.client-clock.signedJustNow':
    "The request was signed just before it was sent, but this computer's clock is {skew}, so the server saw a signature already past {validity}. Fix the system clock (enable network time), or let the signer use the server's Date.",
  'expiry.stale-signature':
    'The URL was signed {when} and used after {validity} ran out: a presigned URL reused from a page, cache or database. Generate a fresh URL right before use, or sign with a longer expiration.',
  'expiry.stale-signature.clockAlso': 'The clock is also {skew}.',
  'expiry.signer-clock.onTime':
    "The signature's timestamp is {when}, while the request itself was sent on time. The signature came from elsewhere: a signing server whose clock is off, or a signature cached and reused. Check the clock of the server that signs for the browser, and sign each request just before it is sent.",
  'expiry.signer-clock.skewed':
    "The signature's timestamp is {when}, while this computer's clock is {skew}. The signature came from elsewhere: a signing server whose clock is off, or a signature cached and reused. Check the clock of the server that signs for the browser, and sign each request just before it is sent.",
  'expiry.sts-token':
    'The server rejected the STS temporary credentials as expired. Request a new session token (with a durationSeconds long enough for the upload) before it runs out, and do not cache tokens past their expiration.',
  'expiry.client-clock': "This computer's clock is {skew}; a signature made with it looks expired to BOS. Fix the system clock.",
  'expiry.unknown.noFacts':
    'Neither the signing time nor the server Date could be read, so the cause cannot be narrowed down; check the client clock and how old the signature is.',
  'expiry.unknown.clocksAgree': 'The clocks agree and the signature was made just before sending; check the expiration the signer used ({validity}).',
  'expiry.unknown.noServerDate':
    'The clocks agree as far as can be seen (no server Date) and the signature was made just before sending; check the expiration the signer used ({validity}).',

  // ---- presigned-expired, clock-skew ----
  'finding.presigned-expired.title': 'Presigned URL used after it expired',
  'finding.presigned-expired.detail.server':
    "The URL was signed at {signedAt} for {seconds} s, so it expired at {expiredAt}; it was used {duration} later (by the server's clock). Generate a new URL right before use.",
  'finding.presigned-expired.detail.browser':
    "The URL was signed at {signedAt} for {seconds} s, so it expired at {expiredAt}; it was used {duration} later (by the browser's clock). Generate a new URL right before use.",
  'finding.clock-skew.title': 'Clock skew: this computer is {skew}',
  'finding.clock-skew.detail':
    "The server's Date was {serverDate}, outside the time this request was in flight by this computer's clock. Signatures made with a skewed clock expire early or look like they come from the future; BOS rejects them with RequestExpired once the skew passes the signature's validity (1800 s by default).",

  // ---- authorization-malformed (core/analyze.ts authFindings, core/auth.ts problems) ----
  'finding.authorization-malformed.title.header': 'Malformed authorization header',
  'finding.authorization-malformed.title.query': 'Malformed authorization query parameter',
  'finding.authorization-malformed.title.s3header': 'Authorization header unusable on the S3-compatible endpoint',
  'finding.authorization-malformed.title.s3query': 'Presigned URL signature unusable on the S3-compatible endpoint',
  'finding.authorization-malformed.detail.s3header': 'The Authorization header cannot be read as AWS Signature V4, the scheme this endpoint takes: {problem}.',
  'finding.authorization-malformed.detail.s3query':
    "The presigned URL's signature parameters cannot be read as AWS Signature V4, the scheme this endpoint takes: {problem}.",
  'finding.authorization-malformed.detail.header':
    'The Authorization header cannot be read as bce-auth-v1: {problem}. BOS answers such requests with 400 InvalidHTTPAuthHeader or 403 AccessDenied.',
  'finding.authorization-malformed.detail.query':
    'The authorization query parameter cannot be read as bce-auth-v1: {problem}. BOS answers such requests with 400 InvalidHTTPAuthHeader or 403 AccessDenied.',
  'auth.problem.v2': 'this is a bce-auth-v2 string; BOS requests are signed with bce-auth-v1',
  /** {endpoint} is s3.{region}.bcebos.com, passed as a parameter (braces are not allowed in templates). */
  'auth.problem.s3': 'this is an S3 (AWS) signature, not bce-auth-v1; only the {endpoint} endpoint accepts it',
  'auth.problem.prefix': 'it does not start with "bce-auth-v1/"',
  /** {format} is bce-auth-v1/{accessKeyId}/{timestamp}/{expirationSeconds}/{signedHeaders}/{signature}. */
  'auth.problem.fieldCount': 'it has {count} "/"-separated fields; {format} has 6',
  'auth.problem.emptyAk': 'the access key id field is empty',
  'auth.problem.timestamp': 'the timestamp "{timestamp}" is not UTC ISO 8601 without milliseconds (like 2026-11-26T08:23:49Z)',
  'auth.problem.expirationNotNumber': 'the expiration "{expiration}" is not a whole number of seconds',
  'auth.problem.expirationTooLarge': 'the expiration "{expiration}" is too large to be a number of seconds',
  'auth.problem.expirationNotAllowed': 'the expiration {expiration} is not allowed: use a positive number of seconds, or -1 for never',
  'auth.problem.signedHeaders': 'the signed headers "{signedHeaders}" must be lower-case names joined by ";"',
  'auth.problem.signatureCase': 'the signature must be lower-case hex',
  'auth.problem.signatureLength': 'the signature is {length} characters; it must be 64 hex digits (HMAC-SHA256)',
  'sigv4.problem.v2':
    'this is an AWS Signature V2 string ("AWS AccessKeyId:Signature"); BOS documents only Signature V4 on its S3-compatible endpoint (set signatureVersion: \'v4\' in aws-sdk v2)',
  'sigv4.problem.v2Query':
    "this presigned URL is signed with AWS Signature V2 (AWSAccessKeyId, Expires, Signature); BOS documents only Signature V4: aws-sdk v2 signs presigned URLs for a custom endpoint with V2 unless signatureVersion: 'v4' is set",
  'sigv4.problem.prefix': 'it does not start with "{algorithm} "',
  'sigv4.problem.structure': 'it is not of the form {format}',
  'sigv4.problem.missing': 'it has no {fields}',
  'sigv4.problem.credential': 'the credential "{credential}" is not {format}',
  'sigv4.problem.scopeDate': 'the credential scope date "{date}" is not YYYYMMDD',
  'sigv4.problem.emptyRegion': 'the credential scope has no region',
  'sigv4.problem.service': 'the credential scope names the service "{service}"; S3 requests are signed for "s3"',
  'sigv4.problem.signedHeaders': 'the signed headers "{signedHeaders}" must be lower-case names joined by ";"',
  'sigv4.problem.signedHeadersOrder': 'the signed headers "{signedHeaders}" are not sorted, as SigV4 requires',
  'sigv4.problem.noDateHeader': 'the request has no x-amz-date header, which SigV4 signs (a browser cannot send Date)',
  'sigv4.problem.noDateQuery': 'it has no X-Amz-Date parameter',
  'sigv4.problem.date': 'the signing time "{date}" is not ISO 8601 basic UTC (like 20261204T225328Z)',
  'sigv4.problem.scopeDateDiffers': 'the credential scope date {scopeDate} is not the date of the signing time {date}; they must be the same day',
  'sigv4.problem.noExpires': 'it has no X-Amz-Expires parameter',
  'sigv4.problem.expires': 'X-Amz-Expires "{expires}" is not a whole number of seconds from 1 to {max} (7 days)',
  'sigv4.problem.algorithm': 'X-Amz-Algorithm is "{algorithm}"; SigV4 presigned URLs use AWS4-HMAC-SHA256',

  // ---- signature-mismatch (core/analyze.ts signatureFindings) and its traps (core/signing.ts) ----
  'finding.signature-mismatch.title.noAuth': 'Signature rejected, and no Authorization was captured',
  'finding.signature-mismatch.detail.noAuth':
    'BOS rejected the signature, but the HAR has no Authorization header or authorization query parameter (Chrome removes it from exported HARs unless "Allow to generate HAR with sensitive data" is on). Capture again with the BOS panel open to see the canonical request.',
  'finding.signature-mismatch.title.traps.one': 'Signature mismatch: {count} likely cause found',
  'finding.signature-mismatch.title.traps.other': 'Signature mismatch: {count} likely causes found',
  'finding.clock-skew.detail.s3':
    "The server's Date was {serverDate}, outside the time this request was in flight by this computer's clock. Signatures made with a skewed clock look too old or from the future; an S3 server rejects a SigV4 request with RequestTimeTooSkewed once the skew passes its window (15 minutes on AWS S3; BOS does not document its own). The AWS SDK v3 corrects its offset from the server's time when it can read it (expose Date with CORS).",
  'finding.signature-mismatch.title': 'Signature mismatch: check the secret key and the canonical request',
  'finding.signature-mismatch.detail':
    "Below is the canonical request BOS rebuilt from what the browser sent (signed headers: {signedHeaders}); diff it against your signer's log. If they are identical, the secret access key is wrong (or belongs to another access key id than {ak}).",
  'finding.signature-mismatch.detail.sigv4':
    "Below are the SigV4 canonical request and string to sign rebuilt from what the browser sent (signed headers: {signedHeaders}; credential scope {scope}); diff them against your SDK's signing log (the string to sign's last line is the SHA-256 of the canonical request). If they are identical, the secret access key is wrong (or belongs to another access key id than {ak}).",
  'finding.credential-region-mismatch.title': 'Signed for region "{region}", but the endpoint is "{expected}"',
  'finding.credential-region-mismatch.detail':
    'The SigV4 credential scope names the region "{region}", and {endpoint} is the "{expected}" endpoint. The server derives the signing key for its own region, so this signature cannot match whatever else is right. Set the client\'s region to "{expected}" (for example {example}); SDKs left at us-east-1, or PicList\'s "auto", sign for the wrong one.',
  'finding.sdk-default-checksums.title': 'AWS SDK v3 default checksums on a failed request',
  'finding.sdk-default-checksums.detail':
    'The request carries the integrity checksums @aws-sdk/client-s3 adds by default since v3.729.0 ({names}). BOS does not document these headers on its S3-compatible endpoint, so they may be why it failed. To rule them out, send only what is required: {setting}.',
  'finding.sdk-default-checksums.detail.trailer':
    'The request carries the integrity checksums @aws-sdk/client-s3 adds by default since v3.729.0 ({names}), with the body sent aws-chunked and the checksum in a trailer. BOS lists only single-chunk and signed multiple-chunk payloads for SigV4 on its S3-compatible endpoint, not the trailer mode, and does not document these headers. Send the body whole and only the required checksums: {setting}.',
  'finding.network-error.title.dns': 'No answer: the host name did not resolve ({error})',
  'finding.network-error.title.tls': 'No answer: the TLS connection failed ({error})',
  'finding.network-error.title.connection': 'No answer: the connection failed ({error})',
  'finding.network-error.title.blocked-by-client': 'Blocked in the browser before it was sent ({error})',
  'finding.network-error.title.aborted': 'Cancelled before the answer came ({error})',
  'finding.network-error.title.mixed-content': "Blocked by the page's security rules ({error})",
  'finding.network-error.title.unrecognized': 'No answer: a network error ({error})',
  'finding.network-error.detail.dns':
    'The browser recorded {error}: {host} could not be resolved, so the request never reached BOS. Check the endpoint for typos (the region, such as bj or gz, and s3. for the S3-compatible endpoint), and that DNS works on this network (a VPN or a corporate resolver may not know it).',
  'finding.network-error.detail.tls':
    'The browser recorded {error}: the TLS handshake with {host} failed, so the request never reached BOS. A proxy or antivirus that intercepts HTTPS, a clock far off (certificates are checked against it) or a custom domain without a matching certificate are the usual causes; a bucket name with dots breaks the *.bcebos.com certificate of a virtual-host URL (use the path style or a custom domain with its own certificate).',
  'finding.network-error.detail.connection':
    "The browser recorded {error}: the connection to {host} was refused, reset or timed out, so no answer came. A proxy, firewall or unstable network is the usual cause; a long upload may be cut off by a proxy's time limit (upload in parts). This is not a CORS refusal.",
  'finding.network-error.detail.blocked-by-client':
    'The browser recorded {error}: an extension (an ad or privacy blocker) stopped the request to {host} before it was sent. Allow the domain in the blocker, or try in a profile without extensions.',
  'finding.network-error.detail.aborted':
    'The browser recorded {error}: the page (or the browser, on navigation) cancelled the request to {host} before the answer came. Check the code for an abort(), a timeout option or a reload while uploading; BOS did not refuse it.',
  'finding.network-error.detail.mixed-content':
    "The browser recorded {error}: the page's own rules blocked the request to {host} (an http: URL from an https: page, or a Content-Security-Policy connect-src that leaves the host out). Use https:, or add the host to connect-src. The S3-compatible endpoints of some regions (fwh, hkg) are documented as HTTP only.",
  'finding.network-error.detail.unrecognized':
    'The browser recorded {error} for the request to {host}, and no answer. That error string names the cause; it is not one this tool knows to be CORS.',
  'note.capture-without-authorization.one':
    'One BOS request carries a signing date or security token but no Authorization header: this HAR was exported without sensitive data (Chrome leaves out Authorization and Cookie unless "Allow to generate HAR with sensitive data" is on in DevTools Settings > Preferences > Network). Signature, expiry and key-check diagnoses need it: export again with that setting, then share a copy made with {command}, which removes the secrets.',
  'note.capture-without-authorization.other':
    '{count} BOS requests carry a signing date or security token but no Authorization header: this HAR was exported without sensitive data (Chrome leaves out Authorization and Cookie unless "Allow to generate HAR with sensitive data" is on in DevTools Settings > Preferences > Network). Signature, expiry and key-check diagnoses need it: export again with that setting, then share a copy made with {command}, which removes the secrets.',
  'finding.signature-mismatch.defaultSet': 'the server default set',
  'trap.content-type-charset.detail':
    'Content-Type was sent as "{contentType}". Browsers (Firefox especially) add "; charset=UTF-8" to text bodies after your code signed the plain type; set the full Content-Type explicitly before signing, or leave content-type out of the signed headers.',
  'trap.signed-not-sent.detail':
    '"{name}" is in the signed headers but the request did not carry it; BOS signs only what arrives, so the signer\'s canonical request had a line BOS\'s does not.',
  'trap.signed-not-sent.detail.contentLength':
    '"{name}" is in the signed headers but the request did not carry it (browsers send no Content-Length on bodiless GET/HEAD requests); BOS signs only what arrives, so the signer\'s canonical request had a line BOS\'s does not.',
  'trap.browser-controlled.detail':
    '"{name}" is signed, but page code cannot set it: the browser writes its own value, which need not be the one the signer used.',
  'trap.host-port.detail':
    'The Host header sent ("{host}") has another port than the URL ("{urlHost}"): something between the page and BOS rewrote it, and BOS signs the Host it received. Sign exactly that host:port.',
  'trap.uri-encoding.detail.reserved':
    'The object key contains {chars}: BOS percent-encodes these in the canonical URI, but encodeURIComponent does not; a signer built on it signs a different path.',
  'trap.uri-encoding.detail':
    "The path has characters that must be percent-encoded (or lower-case escapes): the canonical URI uses upper-case %XX for every byte outside A-Z a-z 0-9 - . _ ~; compare it with the signer's.",
  'trap.query-encoding.detail':
    'The query string contains "+": BOS reads it as a literal plus (%2B), not a space; a signer that encodes spaces as "+" signs a different query.',
  'trap.query-encoding.detail.reserved':
    'The query string was sent with {chars} unencoded: BOS percent-encodes these in the canonical query string, so a signer that signs them as they stand in the URL signs a different query.',
  'trap.query-encoding.space': 'a space',
  'trap.v1-prefix.detail':
    'The path starts with the legacy /v1 prefix, which is part of the signed URI: the signer must use the same prefix (SDK option removeVersionPrefix) as the request.',
  'trap.security-token-unsigned.detail': '{name} is sent but not signed; with STS credentials BOS expects it among the signed headers.',

  // ---- anonymous-request, bad-digest ----
  'finding.anonymous-request.title': 'The request was not signed',
  'finding.anonymous-request.detail':
    'No Authorization header and no authorization query parameter: BOS treated it as anonymous, which only a public-read (or public-read-write) bucket allows. Sign it (SDK, presigned URL) or change the bucket ACL. (Chrome drops Authorization from exported HARs unless "Allow to generate HAR with sensitive data" is on.)',
  'finding.bad-digest.title': 'BOS computed a different digest of the body it received',
  'finding.bad-digest.detail':
    'The request declared {digests}, and the bytes BOS received hash to something else. The digest was computed over other bytes than were sent (a string vs its UTF-8 bytes, a whole file vs one part, a body changed after hashing).',
  'finding.bad-digest.detail.none': 'No digest header was captured for this request; the HAR may have dropped it.',

  // ---- digests (core/digests.ts) ----
  'finding.content-md5-malformed.title.request': 'Malformed Content-MD5 in the request',
  'finding.content-md5-malformed.title.response': 'Malformed Content-MD5 in the response',
  'finding.content-md5-malformed.detail.request':
    'The request Content-MD5 "{value}" {why}. Content-MD5 is base64 of the binary MD5 digest (RFC 1864); BOS rejects a wrong one with 400 BadDigest or InvalidArgument.',
  'finding.content-md5-malformed.detail.response':
    'The response Content-MD5 "{value}" {why}. Content-MD5 is base64 of the binary MD5 digest (RFC 1864); BOS rejects a wrong one with 400 BadDigest or InvalidArgument.',
  'finding.content-md5-malformed.why.hex-not-base64': 'is 32 hex digits, not base64',
  'finding.content-md5-malformed.why.wrong-length': 'decodes to {bytes} bytes, not the 16 of an MD5 digest',
  'finding.content-md5-malformed.why.not-base64': 'is not valid base64',
  'finding.content-md5-malformed.hexHint': 'It looks like hex; send base64 of the 16 raw digest bytes instead, which here is "{base64}".',
  'finding.md5-mismatch.title.request': 'Content-MD5 sent does not match the ETag returned',
  'finding.md5-mismatch.detail.request':
    'The request said the body\'s MD5 is {md5} (Content-MD5 "{contentMd5}"), but BOS stored an object whose ETag is {etag}. The bytes that arrived are not the bytes that were hashed: a proxy or extension rewrote the body, or the hash was computed over different data (for example a string before encoding, or a whole file instead of one part).',
  'finding.md5-mismatch.title.response': 'Response Content-MD5 does not match its ETag',
  'finding.md5-mismatch.detail.response':
    'The response carries Content-MD5 {md5} but ETag {etag}. For an object uploaded in one piece both name the same digest; a mismatch means a proxy, CDN or image-processing step changed the object on the way, or the stored metadata is inconsistent.',
  'finding.content-sha256-malformed.title': 'Malformed x-bce-content-sha256',
  'finding.content-sha256-malformed.detail':
    'x-bce-content-sha256 "{value}" is not 64 hex digits. BOS expects the hex SHA-256 of the body and answers a wrong one with 400 BadDigest.',
  'finding.content-sha256-malformed.base64Hint': 'It looks like base64; send the hex form, which here is "{hex}".',
  'finding.content-crc32-malformed.title.request': 'Malformed x-bce-content-crc32 in the request',
  'finding.content-crc32-malformed.title.response': 'Malformed x-bce-content-crc32 in the response',
  'finding.content-crc32-malformed.detail':
    'x-bce-content-crc32 "{value}" is not an unsigned 32-bit decimal number. BOS writes CRC32 (IEEE) as a decimal string such as "3238666094", not hex and not signed.',

  // ---- CORS (core/cors.ts) ----
  'cors.ruleAdvice':
    'The bucket\'s CORS rule must allow origin {origin} (no trailing "/"), method {method}; set it in the BOS console (Bucket → CORS) or with PutBucketCors.',
  'cors.ruleAdvice.headers':
    'The bucket\'s CORS rule must allow origin {origin} (no trailing "/"), method {method}, and the headers {headers} (or "*"); set it in the BOS console (Bucket → CORS) or with PutBucketCors.',
  'cors.pageOrigin': '(the page origin)',
  'cors.requestMethod': '(the request method)',
  'finding.cors-preflight-failed.title.noResponse': 'No response: most likely blocked by CORS',
  'finding.cors-preflight-failed.detail.noResponse':
    'The request never got a response the page could read. A signed request to BOS needs a CORS preflight first; if the OPTIONS row before it failed, the bucket has no matching CORS rule. {advice} (A network failure, a cancelled request or an ad blocker looks the same: check the console.)',
  'finding.cors-preflight-failed.detail.noResponseFrom':
    'The request from {origin} never got a response the page could read. A signed request to BOS needs a CORS preflight first; if the OPTIONS row before it failed, the bucket has no matching CORS rule. {advice} (A network failure, a cancelled request or an ad blocker looks the same: check the console.)',
  'finding.cors-preflight-failed.title': 'CORS preflight refused: the browser will not send the request',
  'finding.cors-preflight-failed.detail': '{why} The page sees only "CORS error" / status 0. {advice}',
  'finding.cors-preflight-failed.why.noResponse': 'The preflight got no response: no CORS rule of the bucket matched, and BOS does not say which part failed.',
  'finding.cors-preflight-failed.why.noHeaders':
    'The preflight got {status} without any Access-Control-* header: no CORS rule of the bucket matched, and BOS does not say which part failed.',
  'finding.cors-preflight-failed.why.origin': 'The rule allows origin {allowed}, not {origin}.',
  'finding.cors-preflight-failed.why.method': 'The rule allows {allowed}, not {method}.',
  'finding.cors-preflight-failed.why.headers': 'The rule does not allow the request headers {headers}.',
  'finding.cors-not-allowed.title': 'The page could not read this response (no Access-Control-Allow-Origin)',
  'finding.cors-not-allowed.detail':
    'BOS answered, but without CORS headers for {origin}, so page JavaScript saw a CORS error instead of status {status}. {advice}',
  'finding.cors-etag-not-exposed.title': 'ETag is not exposed to page JavaScript',
  'finding.cors-etag-not-exposed.detail':
    'The response has an ETag, but Access-Control-Expose-Headers ({exposed}) does not list it, so the page reads it as null. Multipart uploads then send "eTag": undefined in CompleteMultipartUpload and fail with InvalidPart. Add ETag (and x-bce-request-id, x-bce-debug-id) to the CORS rule\'s exposed headers.',
  'finding.cors-etag-not-exposed.detail.s3':
    'The response has an ETag, but Access-Control-Expose-Headers ({exposed}) does not list it, so the SDK reads it as undefined. lib-storage\'s Upload then stops with "Part N is missing ETag in UploadPart response", and code that builds the part list itself sends <ETag>undefined</ETag> in CompleteMultipartUpload, which fails with InvalidPart. Add ETag (and x-amz-request-id, x-amz-id-2) to the CORS rule\'s ExposeHeader list.',
  'finding.cors-etag-not-exposed.absent': 'absent',
  'finding.cors-ids-not-exposed.title': '{headers} hidden from page JavaScript',
  'finding.cors-ids-not-exposed.detail.one':
    "DevTools sees {headers}, but the page's error handling cannot read it unless the CORS rule exposes it; expose both so your own error reports carry them.",
  'finding.cors-ids-not-exposed.detail.other':
    "DevTools sees {headers}, but the page's error handling cannot read them unless the CORS rule exposes them; expose both so your own error reports carry them.",
  'finding.cors-ids-not-exposed.and': '{first} and {second}',

  // ---- PostObject (core/post-policy.ts) ----
  'finding.post-form-incomplete.title.notKept': 'The form fields were not kept in the HAR',
  'finding.post-form-incomplete.detail.notKept':
    'DevTools did not keep the multipart body of this form upload, so the policy cannot be checked. Re-run with the Network panel open, or save the HAR with content.',
  'finding.post-form-incomplete.title': 'The PostObject form is incomplete',
  'finding.post-form-incomplete.detail': 'A PostObject form needs key, accessKey, policy and signature text fields and the file as the last field: {problems}.',
  'finding.post-form-incomplete.missing': 'missing {fields}',
  'finding.post-form-incomplete.afterFile': 'fields after the file are ignored by BOS: {fields}',
  'finding.post-form-incomplete.noFile': 'no file field',
  'finding.policy-invalid.title': 'The policy cannot be read',
  /** {shape} is the JSON example {"expiration": "…Z", "conditions": [...]}. */
  'finding.policy-invalid.detail': '{problem}. BOS answers with InvalidPolicyDocument; the policy field must be base64 of a JSON object {shape}.',
  'policy.problem.notBase64': 'the policy field is not base64',
  'policy.problem.binary': 'the policy field decodes to binary, not JSON text',
  'policy.problem.notJson': 'the decoded policy is not valid JSON ({error})',
  'policy.problem.notObject': 'the decoded policy is not a JSON object',
  'policy.problem.expirationType': '"expiration" must be an ISO 8601 string',
  'policy.problem.expirationFormat': '"expiration" "{expiration}" is not UTC ISO 8601 (like 2026-11-26T08:00:00Z)',
  'policy.problem.conditions': '"conditions" is missing or is not an array',
  'policy.problem.nested': 'the conditions are nested too deeply to be a BOS policy',
  'finding.policy-expired.title': 'The upload policy had expired',
  'finding.policy-expired.detail.server':
    "The policy's expiration is {expiration}, and the form was sent {seconds} s later by the server's clock. A PostObject RequestExpired means this, not a skewed header signature: fetch a fresh policy from your signing server right before each upload.",
  'finding.policy-expired.detail.browser':
    "The policy's expiration is {expiration}, and the form was sent {seconds} s later by the browser's clock. A PostObject RequestExpired means this, not a skewed header signature: fetch a fresh policy from your signing server right before each upload.",
  'finding.policy-violation.title.one': 'The form breaks a policy condition',
  'finding.policy-violation.title.other': 'The form breaks {count} policy conditions',
  'finding.policy-violation.detail':
    '{violations}. BOS refuses such uploads ({code}); change the form or have the signing server issue a policy that allows it.',
  'finding.policy-violation.item': '{condition}: expected {expected}, sent {actual}',
  // The `expected` and `actual` of a violation (core/post-policy.ts checkConditions); quoted values stay as sent.
  'policy.expected.range': '{min} to {max} bytes',
  'policy.expected.startsWith': 'starts with "{value}"',
  'policy.expected.matches': 'matches {pattern}',
  'policy.expected.anySize': 'a size within the policy range',
  'policy.actual.about': 'about {size} bytes',
  'policy.actual.atMost': 'at most {size} bytes',
  'policy.actual.requestBody': 'request body {size} bytes (file part not kept by the HAR)',
  'policy.actual.measured': 'more than {max} bytes (measured by BOS; the HAR did not keep the file part)',
  'policy.actual.notSent': 'not sent',
  'policy.actual.refused': 'a size BOS refused (the policy has no readable content-length-range)',

  // ---- x-bce-process upload callbacks (core/callback.ts) ----
  'finding.callback-failed.title': 'The object was stored, but the upload callback failed',
  'finding.callback-failed.detail.code': 'BOS stored the object, then called {target}, and the callback failed: {code} {message}.',
  'finding.callback-failed.detail.203':
    'BOS answered 203 Non-Authoritative Information: the object was stored, but its call to {target} did not succeed (the HAR kept no body that says why).',
  'finding.callback-failed.configured': 'the callback address configured under key "{key}"',
  'finding.callback-failed.unknownTarget': 'the callback address',
  'finding.callback-failed.advice':
    'The upload is not the problem: check that the callback server is reachable from the internet (not localhost or a private address), answers quickly with a 2xx, and accepts what BOS posts.',
  'finding.callback-invalid.title': 'The upload callback parameter cannot be decoded',
  'finding.callback-invalid.detail':
    'In x-bce-process: {problems}. The SDKs write callback/callback,u_<URL-safe base64 of a JSON list of URLs>,m_sync,v_<URL-safe base64 of a JSON object>; BOS cannot call back from this one.',
  'process.problem.urls-not-base64': 'u_ (the URLs) is not URL-safe base64',
  'process.problem.urls-not-json-list': 'u_ does not decode to a JSON list of URLs',
  'process.problem.url-not-http': 'a callback URL is not http:// or https://',
  'process.problem.vars-not-base64': 'v_ (the variables) is not URL-safe base64',
  'process.problem.vars-not-json-object': 'v_ does not decode to a JSON object',
  'process.problem.no-urls': 'there is no u_ (URLs) and no k_ (configured key)',

  // ---- multipart uploads (core/sessions.ts) ----
  'finding.part-too-small.title.one': 'Part {parts} below the 100 KB minimum',
  'finding.part-too-small.title.other': 'Parts {parts} below the 100 KB minimum',
  'finding.part-too-small.detail':
    "{sizes}. Every part except the last must be at least 100 KB (102400 bytes); BOS refuses the Complete with EntityTooSmall. Use a larger part size (the SDK's default is 1 MB; 5 MB is common).",
  'finding.part-too-small.item': 'part {partNumber}: {size} bytes',
  'finding.part-too-small.title.unknown': 'A part below the 100 KB minimum; the capture does not say which',
  'finding.part-too-small.detail.unknown':
    "BOS refused the Complete with EntityTooSmall: a part other than the last is under 100 KB (102400 bytes). The HAR has no size for parts {parts} (no Content-Length, no body, no bodySize), so which one is unknown. Check the part size your uploader uses (the SDK's default is 1 MB; 5 MB is common) or capture again with the request headers.",
  // As the core writes it (sessions.ts adds only the plural "s" to "ETag").
  'finding.part-etag-mismatch.title.one': 'Part ETag in the Complete list differ from what UploadPart returned',
  'finding.part-etag-mismatch.title.other': 'Part ETags in the Complete list differ from what UploadPart returned',
  'finding.part-etag-mismatch.detail': '{items}. BOS answers InvalidPart.',
  'finding.part-etag-mismatch.item': 'part {partNumber}: listed "{listed}", uploaded {uploaded}',
  'finding.part-etag-mismatch.undefinedHint':
    'An "undefined" ETag means the page could not read the ETag header: add ETag to the bucket CORS rule\'s exposed headers.',
  'finding.part-etag-mismatch.exactHint': "The list must carry each part's ETag exactly as its UploadPart returned it (from the latest attempt of that part).",
  'finding.part-order-invalid.title': 'Complete list is not in ascending part order',
  'finding.part-order-invalid.detail':
    'The parts are listed as {numbers}: part {part} follows {previous}. BOS needs strictly ascending part numbers (InvalidPartOrder); sort the list, and list each part once.',
  'finding.parts-not-listed.title': 'Uploaded parts left out of the Complete list',
  'finding.parts-not-listed.detail.one': 'Part {parts} uploaded successfully but is not in the list, so it is discarded and the object misses that data.',
  'finding.parts-not-listed.detail.other':
    'Parts {parts} uploaded successfully but are not in the list, so they are discarded and the object misses that data.',
  'finding.parts-not-uploaded.title': 'Listed parts without a successful upload in this capture',
  'finding.parts-not-uploaded.detail.one':
    'Part {parts} is listed, but no successful UploadPart for it was captured (it may have happened before capture started). If it failed, BOS answers InvalidPart.',
  'finding.parts-not-uploaded.detail.other':
    'Parts {parts} are listed, but no successful UploadPart for them was captured (it may have happened before capture started). If they failed, BOS answers InvalidPart.',
  'finding.upload-already-finished.title.completed': 'The upload was already completed',
  'finding.upload-already-finished.title.aborted': 'The upload was already aborted',
  'finding.upload-already-finished.title.unknown': 'Unknown upload id',
  'finding.upload-already-finished.detail.completed':
    'This uploadId was completed by entry #{entry}; after that every request with it gets NoSuchUpload. Start a new upload with InitiateMultipartUpload instead of reusing the id (a retry after success, or a resumed upload with a stale id).',
  'finding.upload-already-finished.detail.aborted':
    'This uploadId was aborted by entry #{entry}; after that every request with it gets NoSuchUpload. Start a new upload with InitiateMultipartUpload instead of reusing the id (a retry after success, or a resumed upload with a stale id).',
  'finding.upload-already-finished.detail.unknown':
    'BOS does not know this uploadId: it was completed or aborted before this capture, belongs to another bucket or key, or was mistyped. Start a new upload.',

  // ---- appends and copies (core/sessions.ts) ----
  'finding.append-not-appendable.title': 'The object is not appendable',
  'finding.append-not-appendable.detail':
    'AppendObject works only on objects created by AppendObject (x-bce-object-type: Appendable). This key holds a normal object (PutObject, PostObject, multipart or copy); write to a new key, or delete it first.',
  'finding.append-offset-incorrect.title.prior': 'Append offset {sent} sent, {expected} expected',
  'finding.append-offset-incorrect.title': 'Append offset {sent} does not match the object length',
  'finding.append-offset-incorrect.detail.prior':
    'The previous append on this key (entry #{entry}) returned x-bce-next-append-offset {expected}, but this request sent offset={sent}. Send the offset BOS returned last time, or read it with GetObjectMeta (HEAD) first.',
  'finding.append-offset-incorrect.detail':
    "The offset must equal the object's current length (0 for a new object). No earlier append on this key was captured; read x-bce-next-append-offset or Content-Length with GetObjectMeta (HEAD) before appending.",
  'finding.append-offset-incorrect.none': '(none)',
  'finding.copy-precondition-failed.title': 'The copy source did not meet the condition sent',
  'finding.copy-precondition-failed.detail':
    "The request sent {conditions} for source {source}, and the source object does not satisfy it (it changed since you read its ETag). Read the source's current ETag with GetObjectMeta (HEAD) and retry.",
  'finding.copy-precondition-failed.detail.none': 'BOS reports a failed precondition, but no x-bce-copy-source-if-* header was captured.',
  'finding.copy-precondition-failed.unknownSource': '(unknown)',

  // ---- the CLI report (src/cli) ----
  'cli.usage': [
    'Usage: bos-devtools analyze <file.har | -> [options]',
    '       bos-devtools redact <file.har | -> > redacted.har',
    '',
    'analyze  explains every request to Baidu Object Storage (BOS) in a HAR',
    '         file: operation, bucket, key, error code with its meaning and',
    '         advice, request and debug ids, and the problems found (clock',
    '         skew, expired signatures, Content-MD5 mismatches, policies,',
    '         multipart uploads, CORS, ...).',
    'redact   writes the HAR with signatures, security tokens, form',
    '         signatures, cookies and credentials removed, keeping what is',
    '         needed to diagnose it (access key id, signing time, expiry).',
    '',
    'Options:',
    '  --json            machine-readable output (stable contract, see README)',
    '  --host <pattern>  also treat this host as BOS (custom domain or CDN);',
    '                    "files.example.com" or "*.example.com"; repeatable',
    '  --lang <en|zh_CN> language of the report (default: from LC_ALL, LC_MESSAGES',
    '                    or LANG); --json stays English unless --lang is given',
    '  -h, --help        show this help',
    '  -v, --version     show the version',
    '',
    'Exit status: 0 when the file was analysed, whatever it found;',
    '2 when the input is not a readable HAR file or the arguments are wrong.',
  ].join('\n'),
  'cli.label.message': 'message:',
  'cli.label.meaning': 'meaning:',
  'cli.label.advice': 'advice:',
  'cli.label.requestId': 'request id:',
  'cli.label.debugId': 'debug id:',
  'cli.noResponse': 'no response',
  'cli.unknownOperation': 'unknown operation',
  'cli.preflight': '(CORS preflight)',
  'cli.note': 'Note: {note}',
  'cli.summary.none': 'No BOS requests among {entries} HAR entries. Requests to custom domains need --host <pattern>.',
  'cli.summary': '{bos} among {entries} HAR entries, {errors}, {findings}.',
  'cli.summary.bos.one': '{count} BOS request',
  'cli.summary.bos.other': '{count} BOS requests',
  'cli.summary.failed': '{count} failed',
  'cli.summary.noneFailed': 'none failed',
  'cli.summary.findings.one': '{count} finding',
  'cli.summary.findings.other': '{count} findings',
  'cli.stdin': 'standard input',
  'cli.error.unknownCommand': 'unknown command "{command}"; try "bos-devtools analyze session.har"',
  'cli.error.oneFile': '{command} takes exactly one HAR file (or - for standard input)',
  'cli.error.unknownLang': 'unknown language "{lang}" for --lang; use en or zh_CN',
  'cli.error.cannotRead': 'cannot read {file}: {why}',
  'cli.error.noSuchFile': 'no such file',
  'cli.error.isDirectory': 'it is a directory',
  'cli.error.permission': 'permission denied',
  'cli.error.tooLarge': 'it is larger than the biggest string Node.js can hold (about 512 MB)',
  'cli.error.emptyInput': '{file} is empty, not a HAR file',
  'cli.error.notJson': '{file} is not valid JSON ({error}), so it is not a HAR file',
  'cli.error.notJsonEntry': '{file} is not valid JSON (entry {index}: {error}), so it is not a HAR file',
  'cli.error.tooDeep': '{file} is nested too deeply ({error}) to be written back as JSON',
  'cli.error.noLog': '{file} is not a HAR file: there is no "log" object at the top level',
  'cli.error.noEntries': '{file} is not a HAR file: "log.entries" is missing or is not an array',
} as const

export type ReportKey = keyof typeof reportEn
