// Process entry: wires main() to the real stdout/stderr and exit code.
import { once } from 'node:events'
import { main } from './main.ts'

// A closed pipe (`| head`) is not an error for a report writer.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0)
  throw e
})

main(process.argv.slice(2), {
  out: (s) => void process.stdout.write(s),
  outBytes: (b) => {
    process.stdout.write(b)
    // Nothing left queued: the write was synchronous (a file; a pipe or terminal on Linux).
    return process.stdout.writableLength === 0
  },
  err: (s) => void process.stderr.write(s),
  drained: () => (process.stdout.writableNeedDrain ? once(process.stdout, 'drain').then(() => {}) : null),
  isTTY: !!process.stdout.isTTY,
  env: process.env,
}).then(
  (code) => {
    process.exitCode = code
  },
  (e: unknown) => {
    process.stderr.write(`bos-devtools: internal error: ${(e as Error)?.stack ?? String(e)}\n`)
    process.exitCode = 3
  },
)
