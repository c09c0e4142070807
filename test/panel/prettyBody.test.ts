// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import type { Content } from 'har-format'
import { indentXml, readableBody } from '../../src/panel/prettyBody.ts'

const body = (text: string | null, mimeType = 'application/json', encoding: string | null = null): Content => ({
  ...(text === null ? {} : { text }),
  mimeType,
  size: text?.length ?? -1,
  ...(encoding ? { encoding } : {}),
})

describe('readableBody', () => {
  it('pretty-prints JSON with two spaces', () => {
    expect(readableBody(body('{"code":"NoSuchKey","message":"gone"}')).pretty).toBe('{\n  "code": "NoSuchKey",\n  "message": "gone"\n}')
  })

  it('keeps cut-off JSON raw', () => {
    const r = readableBody(body('{"code":"AccessDenied","mess'))
    expect(r).toMatchObject({ kind: 'json', pretty: null, text: '{"code":"AccessDenied","mess' })
  })

  it('decodes base64 text and refuses binary', () => {
    expect(readableBody(body(btoa('{"a":1}'), 'application/json', 'base64')).text).toBe('{"a":1}')
    expect(readableBody(body(btoa('GIF89a\u0000\u0001'), 'image/gif', 'base64')).text).toBeNull()
    expect(readableBody(body('%%%not base64', 'application/octet-stream', 'base64')).text).toBeNull()
  })

  it('leaves HTML as it is', () => {
    expect(readableBody(body('<!DOCTYPE html><html></html>', 'text/html'))).toMatchObject({ kind: 'html', pretty: null })
  })
})

describe('indentXml', () => {
  it('indents nested elements and keeps leaf elements on one line', () => {
    const xml = '<?xml version="1.0"?><Error><Code>NoSuchKey</Code><Message>gone</Message><Empty/></Error>'
    expect(indentXml(xml)).toBe('<?xml version="1.0"?>\n<Error>\n  <Code>NoSuchKey</Code>\n  <Message>gone</Message>\n  <Empty/>\n</Error>')
  })

  it('survives broken XML', () => {
    for (const bad of ['<a><b>x</a>', '</x></y><', '<<>>', 'plain text', '<a attr="1>', '']) expect(() => indentXml(bad)).not.toThrow()
  })
})
