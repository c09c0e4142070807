// Copy as cURL / fetch: the request as sent, headers the browser or curl sets left out, secrets masked
// unless asked for; quoting that survives the shell it is pasted into.
import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { curl, fetchCall } from '../../src/panel/extras/copy-as.ts'
import { captureRecords, wrongKeySpec } from '../helpers/upload-records.ts'

const SIG = /[0-9a-f]{64}/

describe('copy as', () => {
  const [r] = captureRecords([
    {
      ...wrongKeySpec(undefined, 'STS-TOKEN-123'),
      postData: { mimeType: 'text/plain', text: 'it\'s "quoted" 100%' },
      req: { ...wrongKeySpec(undefined, 'STS-TOKEN-123').req, 'Content-Length': '19' },
    },
  ])

  it('masks the signature and the token by default, and keeps them when asked', () => {
    const masked = curl(r!, 'bash', { secrets: false })
    expect(masked).not.toMatch(SIG)
    expect(masked).not.toContain('STS-TOKEN-123')
    expect(masked).toContain("-H 'Authorization: bce-auth-v1/AKIDEXAMPLE/")
    const full = curl(r!, 'bash', { secrets: true })
    expect(full).toMatch(SIG)
    expect(full).toContain('STS-TOKEN-123')
    expect(fetchCall(r!, { secrets: false })).not.toMatch(SIG)
  })

  it('leaves out Host and Content-Length (curl sets them) and sends the body with --data-raw', () => {
    const c = curl(r!, 'bash', { secrets: false })
    expect(c).not.toMatch(/-H 'Host:|-H 'Content-Length:/i)
    expect(c).toContain("-X 'PUT'")
    expect(c.startsWith("curl 'https://mybucket.bj.bcebos.com/docs/hello%20world.txt'")).toBe(true)
  })

  it('bash quoting: the shell gives back every argument exactly', () => {
    const c = curl(r!, 'bash', { secrets: false })
    // Let bash parse the command line and print the arguments curl would get.
    const args = execFileSync('bash', ['-c', `printargs() { printf '%s\\0' "$@"; }; ${c.replace(/^curl /, 'printargs ')}`])
      .toString()
      .split('\0')
    expect(args).toContain(`it's "quoted" 100%`)
    expect(args).toContain('--data-raw')
  })

  it("cmd quoting: carets escape what cmd.exe would expand (Chrome's escapeStringWin order)", () => {
    const c = curl(r!, 'cmd', { secrets: false })
    // \ then " as \", then a caret before anything unsure (the backslash too), %x as %^x.
    expect(c).toContain('--data-raw ^"it\'s ^\\^"quoted^\\^" 100^%^"')
    expect(c.split(' ^\n  ')[0]).toBe('curl ^"https://mybucket.bj.bcebos.com/docs/hello^%^20world.txt^"')
  })

  it('fetch: a call that parses, with the method, headers and body', () => {
    const f = fetchCall(r!, { secrets: false })
    const m = /^fetch\((".*?"), ([\s\S]*)\);$/.exec(f)!
    expect(JSON.parse(m[1]!)).toBe('https://mybucket.bj.bcebos.com/docs/hello%20world.txt')
    const init = JSON.parse(m[2]!) as { method: string; headers: Record<string, string>; body: string }
    expect(init.method).toBe('PUT')
    expect(init.body).toBe(`it's "quoted" 100%`)
    expect(Object.keys(init.headers).map((k) => k.toLowerCase())).not.toContain('content-length')
  })
})
