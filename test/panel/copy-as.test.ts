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

/**
 * What cmd.exe (interactive, as when a command is pasted) and then curl.exe's MS C runtime make of a command
 * line: %VAR% expansion of the variables in `env`, carets (one at a line's end escapes the newline and the
 * first character of the next line), a "&|<>" outside a quoted run ends the command (an error here), and
 * the runtime's argv split with its backslash rules.
 */
function cmdArgs(line: string, env: Record<string, string>): string[] {
  const expanded = line.replace(/%([^%\n]+)%/g, (m, name: string) => env[name] ?? m)
  let s = ''
  let quoted = false
  for (let i = 0; i < expanded.length; i++) {
    const c = expanded[i]!
    if (c === '^' && !quoted) {
      if (expanded[i + 1] === '\n') {
        i += 2
        if (i < expanded.length) s += expanded[i]
      } else s += expanded[++i] ?? ''
      continue
    }
    if (c === '"') quoted = !quoted
    else if (!quoted && /[&|<>]/.test(c)) throw new Error(`cmd would run a second command at ${i}: ${expanded.slice(i, i + 20)}`)
    s += c
  }
  const args: string[] = []
  let cur = ''
  let inQ = false
  let has = false
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!
    if (c === '\\') {
      let n = 0
      while (s[i] === '\\') n++, i++
      if (s[i] === '"') {
        cur += '\\'.repeat(Math.floor(n / 2))
        if (n % 2) cur += '"'
        else inQ = !inQ
      } else {
        cur += '\\'.repeat(n)
        i--
      }
      has = true
    } else if (c === '"') {
      inQ = !inQ
      has = true
    } else if (/\s/.test(c) && !inQ) {
      if (has) args.push(cur)
      cur = ''
      has = false
    } else {
      cur += c
      has = true
    }
  }
  if (has) args.push(cur)
  return args
}

describe('copy as cURL (cmd): tricky values come through cmd.exe and the C runtime unchanged', () => {
  const TRICKY = [
    'say "hi" & del *.* | more > out < in',
    '100% %PATH% %^PATH% %%',
    'caret ^ and ^^ and ^"',
    'C:\\dir\\file.txt',
    'ends with a backslash\\',
    'backslash before a quote \\" and two \\\\"',
    'first line\nsecond line\r\nthird',
    'unicode: 中文 ü € 😀',
    "single 'quotes' and `ticks` and !bang!",
  ]
  const env = { PATH: 'C:\\Windows' }
  for (const value of TRICKY) {
    it(JSON.stringify(value), () => {
      const [r] = captureRecords([{ ...wrongKeySpec(), postData: { mimeType: 'text/plain', text: value } }])
      const args = cmdArgs(curl(r!, 'cmd', { secrets: false }), env)
      expect(args[0]).toBe('curl')
      // A pasted cmd line cannot carry a carriage return: CRLF arrives as LF (as in Chrome's copy).
      expect(args[args.indexOf('--data-raw') + 1]).toBe(value.replace(/\r\n/g, '\n'))
      expect(args[1]).toBe('https://mybucket.bj.bcebos.com/docs/hello%20world.txt')
    })
  }

  it('the simulator itself catches an unescaped & and expands %PATH% (it can fail)', () => {
    expect(() => cmdArgs('curl "a" & calc', env)).toThrow(/second command/)
    expect(cmdArgs('curl %PATH% C:\\a\\"b', env)).toEqual(['curl', 'C:\\Windows', 'C:\\a"b'])
  })

  it('bash keeps the same values too', () => {
    for (const value of TRICKY) {
      const [r] = captureRecords([{ ...wrongKeySpec(), postData: { mimeType: 'text/plain', text: value } }])
      const c = curl(r!, 'bash', { secrets: false })
      const args = execFileSync('bash', ['-c', `printargs() { printf '%s\\0' "$@"; }; ${c.replace(/^curl /, 'printargs ')}`])
        .toString()
        .split('\0')
      expect(args[args.indexOf('--data-raw') + 1]).toBe(value)
    }
  })
})
