// Process entry: wires main() to the real stdout/stderr and exit code. The same file is the analysis
// helper thread's script (analysis-helper.ts): the bundle is one file, so the thread runs it again.
import { once } from 'node:events'
import { isMainThread, type MessagePort, Worker, workerData } from 'node:worker_threads'
import { workerPort } from './analysis-helper.ts'
import { type HelperInit, helperHandler, isHelperInit } from './analysis-worker.ts'
import { main } from './main.ts'

if (!isMainThread && isHelperInit(workerData)) {
  const port = (workerData as HelperInit & { port: MessagePort }).port
  port.on(
    'message',
    helperHandler(workerData, (m, transfer) => port.postMessage(m, transfer)),
  )
} else runMain()

function runMain(): void {
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
    helper: (init) => workerPort((port) => new Worker(new URL(import.meta.url), { workerData: { ...init, port }, transferList: [port] })),
  }).then(
    (code) => {
      process.exitCode = code
    },
    (e: unknown) => {
      process.stderr.write(`bos-devtools: internal error: ${(e as Error)?.stack ?? String(e)}\n`)
      process.exitCode = 3
    },
  )
}
