// Unit tests of the test server's multipart/form-data parser (PostObject bodies).

import { describe, expect, it } from 'vitest'
import { BosError } from './errors.ts'
import { parseMultipart } from './form-data.ts'

const B = 'XyZ'
const part = (disposition: string, value: string, type?: string) =>
  `--${B}\r\nContent-Disposition: form-data; ${disposition}\r\n${type ? `Content-Type: ${type}\r\n` : ''}\r\n${value}\r\n`

describe('parseMultipart', () => {
  it('reads names, file names, content types and bytes; stops after the file field', () => {
    const body = Buffer.from(
      part('name="key"', 'up/${filename}') +
        part('name="policy"', 'eyJ9') +
        part('name="file"; filename="a.txt"', 'line1\r\nline2', 'text/plain') +
        part('name="after"', 'ignored') +
        `--${B}--\r\n`,
    )
    const parts = parseMultipart(body, B)
    expect(parts.map((p) => [p.name, p.filename, p.contentType, p.data.toString()])).toEqual([
      ['key', null, null, 'up/${filename}'],
      ['policy', null, null, 'eyJ9'],
      ['file', 'a.txt', 'text/plain', 'line1\r\nline2'],
    ])
  })

  it('reads to the closing delimiter when there is no file; skips parts without a name', () => {
    const body = Buffer.from(part('filename="x"', 'no name') + part('name="a"', '1') + part('name="b"', '') + `--${B}--`)
    expect(parseMultipart(body, B).map((p) => [p.name, p.data.toString()])).toEqual([
      ['a', '1'],
      ['b', ''],
    ])
  })

  it.each([
    ['no delimiter', 'just text'],
    ['a part without the blank line after its headers', `--${B}\r\nContent-Disposition: form-data; name="a"\r\n`],
    ['a part that never ends', `--${B}\r\nContent-Disposition: form-data; name="a"\r\n\r\nvalue`],
  ])('InvalidArgument for %s', (_what, text) => {
    expect(() => parseMultipart(Buffer.from(text), B)).toThrow(BosError)
    expect(() => parseMultipart(Buffer.from(text), B)).toThrow('Malformed multipart/form-data body.')
  })
})
