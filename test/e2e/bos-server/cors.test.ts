// Unit tests of the test server's CORS rule matching and `*` patterns.

import { describe, expect, it } from 'vitest'
import { corsRuleFor, DEFAULT_EXPOSE_HEADERS, defaultCorsRules } from './cors.ts'
import type { CorsRule } from './types.ts'
import { wildcard } from './wildcard.ts'

describe('wildcard', () => {
  it('* matches any run of characters, none included; everything else literally', () => {
    expect(wildcard('*', '')).toBe(true)
    expect(wildcard('https://*.example.com', 'https://app.example.com')).toBe(true)
    expect(wildcard('https://*.example.com', 'https://a.b.example.com')).toBe(true)
    expect(wildcard('https://*.example.com', 'https://example.com')).toBe(false)
    expect(wildcard('up/*', 'up/')).toBe(true)
    expect(wildcard('up/*', 'up/a\nb')).toBe(true)
    expect(wildcard('a.c', 'abc')).toBe(false)
    expect(wildcard('(a)+[b]$', '(a)+[b]$')).toBe(true)
  })
  it('is case-sensitive unless asked', () => {
    expect(wildcard('x-bce-*', 'X-BCE-DATE')).toBe(false)
    expect(wildcard('x-bce-*', 'X-BCE-DATE', true)).toBe(true)
  })
})

describe('corsRuleFor', () => {
  const strict: CorsRule = { allowedOrigins: ['https://*.example.com'], allowedMethods: ['get', 'PUT'], allowedHeaders: ['authorization', 'x-bce-*'] }
  const open: CorsRule = { allowedOrigins: ['*'], allowedMethods: ['GET'], allowedHeaders: ['*'] }

  it('finds the first rule that allows the origin, the method (any case) and every request header', () => {
    const bucket = { cors: [strict, open] }
    expect(corsRuleFor(bucket, 'https://app.example.com', 'GET', ['authorization', 'X-Bce-Date'])).toBe(strict)
    expect(corsRuleFor(bucket, 'https://app.example.com', 'put', [])).toBe(strict)
    expect(corsRuleFor(bucket, 'https://app.example.com', 'GET', ['content-md5'])).toBe(open)
    expect(corsRuleFor(bucket, 'https://evil.test', 'GET', [])).toBe(open)
    expect(corsRuleFor(bucket, 'https://evil.test', 'PUT', [])).toBeUndefined()
  })

  it('finds nothing without rules or without a bucket', () => {
    expect(corsRuleFor({ cors: null }, 'https://a.test', 'GET', [])).toBeUndefined()
    expect(corsRuleFor({ cors: [] }, 'https://a.test', 'GET', [])).toBeUndefined()
    expect(corsRuleFor(undefined, 'https://a.test', 'GET', [])).toBeUndefined()
  })
})

describe('defaultCorsRules', () => {
  it('allows every origin, the five methods and any header, exposes the BOS headers, max-age 0; a fresh copy each time', () => {
    const [rule, ...rest] = defaultCorsRules()
    expect(rest).toEqual([])
    expect(rule).toEqual({
      allowedOrigins: ['*'],
      allowedMethods: ['GET', 'PUT', 'POST', 'DELETE', 'HEAD'],
      allowedHeaders: ['*'],
      allowedExposeHeaders: DEFAULT_EXPOSE_HEADERS,
      maxAgeSeconds: 0,
    })
    expect(rule!.allowedExposeHeaders).not.toBe(DEFAULT_EXPOSE_HEADERS)
    expect(defaultCorsRules()[0]).not.toBe(rule)
    expect(corsRuleFor({ cors: defaultCorsRules() }, 'http://localhost:1234', 'DELETE', ['authorization', 'content-md5'])).toBeDefined()
  })
})
