// BOS error codes (code → status, message), from the BOS "Return a Response" page unless marked, and the
// JSON body an error is answered with.

const ERRORS = {
  AccessDenied: [403, 'Access denied.'],
  BadDigest: [400, 'The Content-MD5 you specified did not match what we received.'],
  BucketAlreadyExists: [
    409,
    'The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.',
  ],
  BucketNotEmpty: [409, 'The bucket you tried to delete is not empty.'],
  EntityTooSmall: [400, 'Your proposed upload is smaller than the minimum allowed object size.'],
  InappropriateJSON: [400, 'The JSON you provided was well-formed and valid, but not appropriate for this operation.'],
  InternalError: [500, 'We encountered an internal error. Please try again.'],
  // GUESS: not on the BOS page; BCE common error code, AWS-style message.
  InvalidAccessKeyId: [403, 'The Access Key ID you provided does not exist in our records.'],
  InvalidArgument: [400, 'Invalid Argument.'],
  InvalidHTTPAuthHeader: [400, 'The HTTP authorization header is invalid. Consult the service documentation for details.'],
  InvalidPart: [
    400,
    "One or more of the specified parts could not be found. The part might not have been uploaded, or the specified entity tag might not have matched the part's entity tag.",
  ],
  InvalidPartOrder: [400, 'The list of parts was not in ascending order.Parts list must specified in order by part number.'],
  InvalidPolicyDocument: [400, 'The content of the form does not meet the conditions specified in the policy document.'],
  InvalidRange: [416, 'The requested range cannot be satisfied.'],
  InvalidURI: [400, 'Could not parse the specified URI.'],
  MalformedJSON: [400, 'The JSON you provided was not well-formed.'],
  MaxMessageLengthExceeded: [400, 'Your request was too big.'],
  MethodNotAllowed: [405, 'The specified method is not allowed against this resource.'],
  MissingContentLength: [411, 'You must provide the Content-Length HTTP header.'],
  MissingDateHeader: [400, 'Request must have a "date" or "x-bce-date" header.'],
  NoSuchBucket: [404, 'The specified bucket does not exist.'],
  NoSuchKey: [404, 'The specified key does not exist.'],
  NoSuchUpload: [
    404,
    'The specified multipart upload does not exist. The upload ID might be invalid, or the multipart upload might have been aborted or completed.',
  ],
  NotImplemented: [501, 'A header you provided implies functionality that is not implemented.'],
  ObjectUnappendable: [403, 'The object can not be append'],
  OffsetIncorrect: [409, 'Offset not equal to current object length'],
  RequestExpired: [403, 'Request has expired.'], // message completed with the timestamp
  SignatureDoesNotMatch: [
    403,
    'The request signature we calculated does not match the signature you provided. Check your Secret Access Key and signing method. Consult the service documentation for details.',
  ],
} as const satisfies Record<string, readonly [number, string]>

export type BosErrorCode = keyof typeof ERRORS

export class BosError extends Error {
  constructor(
    readonly code: BosErrorCode,
    message?: string,
  ) {
    super(message ?? ERRORS[code][1])
  }
  get status(): number {
    return ERRORS[this.code][0]
  }
}

/** Any thrown value as the BosError the client sees: a BosError as it is, anything else an InternalError. */
export function toBosError(e: unknown): BosError {
  return e instanceof BosError ? e : new BosError('InternalError', e instanceof Error ? `Internal error: ${e.message}` : undefined)
}

/** The JSON body of a BOS error answer. */
export function errorBody(err: BosError, requestId: string): { code: BosErrorCode; message: string; requestId: string } {
  return { code: err.code, message: err.message, requestId }
}
