// A PostObject (HTML form upload) body as browsers send it, with a policy that the tests bend.
export const BOUNDARY = '----WebKitFormBoundary7MA4YWxkTrZu0gW'

export const b64 = (o: unknown) => Buffer.from(typeof o === 'string' ? o : JSON.stringify(o)).toString('base64')

/** multipart/form-data text; the file is the last field unless `fileLast` is false (BOS ignores fields after it). */
export function form(fields: [string, string][], file: string | null = 'hello world', fileLast = true): string {
  const parts = fields.map(([n, v]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${n}"\r\n\r\n${v}\r\n`)
  const filePart =
    file === null ? [] : [`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\n${file}\r\n`]
  return (fileLast ? [...parts, ...filePart] : [...filePart, ...parts]).join('') + `--${BOUNDARY}--\r\n`
}

export const POLICY = { expiration: '2026-11-26T05:00:00Z', conditions: [{ bucket: 'mybucket' }, { key: 'uploads/*' }, ['content-length-range', 1, 1000]] }
/** The fields of a complete, valid form for POLICY. */
export const good: [string, string][] = [
  ['key', 'uploads/a.txt'],
  ['accessKey', 'AKIDEXAMPLE'],
  ['policy', b64(POLICY)],
  ['signature', 'f'.repeat(64)],
]
