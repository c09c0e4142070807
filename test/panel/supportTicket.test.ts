// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { supportTicket } from '../../src/panel/supportTicket.ts'
import { s3Records, scenario, SECURITY_TOKEN, SIGNATURE } from '../helpers/fake-store.ts'
import { captureRecords, multipartSpecs, UPLOAD_ID } from '../helpers/upload-records.ts'

describe('supportTicket', () => {
  it('has the ids and facts support asks for, and no query string or secret', () => {
    const r = scenario('presignedDenied')
    const t = supportTicket(r)
    expect(r.analysis.url).toContain('?authorization=')
    expect(t).toContain('Request: GET https://mybucket.bj.bcebos.com/private/contract.pdf\n')
    expect(t).toContain('x-bce-request-id: 2f6a9d41-7c3e-4b0a-a5d8-13e9c7f0b6a2')
    expect(t).toContain('x-bce-debug-id: Mk4Rt7yQx1a0pLs9VbN2cg==')
    expect(t).toContain('Error code: AccessDenied')
    expect(t).toContain('Time (UTC): 2026-11-26T04:00:06.900Z')
    expect(t).toContain('Region: bj')
    expect(t).toContain('Bucket: mybucket')
    expect(t).toContain('Key: private/contract.pdf')
    expect(t).not.toContain('?')
    expect(t).not.toContain(SIGNATURE)
    expect(t).not.toContain(SECURITY_TOKEN)
    expect(t).not.toMatch(/authorization/i)
  })

  it('gives the measured skew in seconds and in words', () => {
    const t = supportTicket(scenario('requestExpired'))
    expect(t).toContain('Clock skew: -1020 s (this computer is 17 minutes behind the server')
    expect(t).toContain('Operation: PutObject')
    expect(t).toContain('Server message: Request has expired.')
    expect(t).toMatch(/Diagnosis:\n- \[error\] Request expired: your clock is 17 minutes behind the server/)
    expect(t).not.toContain(SIGNATURE)
  })

  it('a multipart request names its upload id and part number, the query still left out', () => {
    const records = captureRecords(multipartSpecs())
    const part = records.find((r) => r.analysis.operation === 'UploadPart')!
    const t = supportTicket(part)
    expect(t).toContain(`uploadId: ${UPLOAD_ID}\n`)
    expect(t).toMatch(/partNumber: \d+\n/)
    expect(t).not.toContain('?')
    expect(supportTicket(scenario('noSuchKey'))).not.toContain('uploadId')
  })

  it('on the S3-compatible endpoint the ids go by their S3 names', () => {
    const t = supportTicket(s3Records()[0]!)
    expect(t).toContain('x-amz-request-id: 6e0c2a4f-5b1d-4c8e-9f37-a2d41b7c9e05')
    expect(t).toContain('x-amz-id-2: Qm9zRGVidWdJZA==')
    expect(t).not.toContain('x-bce-')
    expect(t).not.toContain(SIGNATURE)
  })
})
