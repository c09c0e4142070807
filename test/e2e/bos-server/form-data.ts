// multipart/form-data bodies, as PostObject receives them.

import { BosError } from './errors.ts'

export interface FormPart {
  name: string
  filename: string | null
  contentType: string | null
  data: Buffer
}

/** multipart/form-data parser; stops after the `file` field (BOS ignores fields after it). */
export function parseMultipart(body: Buffer, boundary: string): FormPart[] {
  const parts: FormPart[] = []
  const delim = Buffer.from('--' + boundary)
  let pos = body.indexOf(delim)
  if (pos < 0) throw new BosError('InvalidArgument', 'Malformed multipart/form-data body.')
  for (;;) {
    pos += delim.length
    if (body.subarray(pos, pos + 2).toString() === '--') break
    if (body.subarray(pos, pos + 2).toString() === '\r\n') pos += 2
    const headEnd = body.indexOf('\r\n\r\n', pos)
    if (headEnd < 0) throw new BosError('InvalidArgument', 'Malformed multipart/form-data body.')
    const head = body.subarray(pos, headEnd).toString('utf8')
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delim]), headEnd + 4)
    if (next < 0) throw new BosError('InvalidArgument', 'Malformed multipart/form-data body.')
    const data = body.subarray(headEnd + 4, next)
    const disp = /content-disposition:\s*form-data;([^\r\n]*)/i.exec(head)?.[1] ?? ''
    const name = /(?:^|;)\s*name="([^"]*)"/i.exec(disp)?.[1]
    const filename = /(?:^|;)\s*filename="([^"]*)"/i.exec(disp)?.[1] ?? null
    const contentType = /content-type:\s*([^\r\n]*)/i.exec(head)?.[1]?.trim() ?? null
    if (name !== undefined) {
      parts.push({ name, filename, contentType, data: Buffer.from(data) })
      if (name.toLowerCase() === 'file') break
    }
    pos = next + 2
  }
  return parts
}
