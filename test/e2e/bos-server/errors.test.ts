// Unit tests of the test server's error table and error bodies.

import { describe, expect, it } from 'vitest'
import { json } from './context.ts'
import { BosError, errorBody, toBosError } from './errors.ts'

describe('BosError', () => {
  it('takes status and message from the code table; a message of its own replaces the table one', () => {
    const e = new BosError('NoSuchKey')
    expect(e).toBeInstanceOf(Error)
    expect([e.code, e.status, e.message]).toEqual(['NoSuchKey', 404, 'The specified key does not exist.'])
    expect(new BosError('OffsetIncorrect').status).toBe(409)
    expect(new BosError('MissingContentLength').status).toBe(411)
    expect(new BosError('InvalidRange').status).toBe(416)
    expect(new BosError('NotImplemented').status).toBe(501)
    const own = new BosError('RequestExpired', 'Request has expired. Timestamp date is 2026-01-02T03:04:05Z')
    expect([own.status, own.message]).toEqual([403, 'Request has expired. Timestamp date is 2026-01-02T03:04:05Z'])
  })
})

describe('toBosError', () => {
  it('keeps a BosError, makes anything else an InternalError (500) that names the Error', () => {
    const e = new BosError('BadDigest')
    expect(toBosError(e)).toBe(e)
    const internal = toBosError(new Error('body too large'))
    expect([internal.code, internal.status, internal.message]).toEqual(['InternalError', 500, 'Internal error: body too large'])
    expect(toBosError('a string').message).toBe('We encountered an internal error. Please try again.')
  })
})

describe('errorBody', () => {
  it('is the BOS JSON error body: code, message, requestId, in that order', () => {
    const reply = json(403, errorBody(new BosError('AccessDenied'), 'req-1'))
    expect(reply).toEqual({
      status: 403,
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: '{"code":"AccessDenied","message":"Access denied.","requestId":"req-1"}',
    })
  })
})
