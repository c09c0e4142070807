// The test pages, served on every host that is not BOS.

import type { IncomingMessage, ServerResponse } from 'node:http'

/** Answers from `pages` (path → body): 404 for a path not there, the Content-Type from the path's file extension. */
export function handlePage(pages: Record<string, string | (() => string)>, req: IncomingMessage, res: ServerResponse) {
  const path = (req.url ?? '/').split('?')[0] ?? '/'
  const page = Object.hasOwn(pages, path) ? pages[path] : undefined
  if (page === undefined) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' })
    res.end('not found')
    return
  }
  const text = typeof page === 'function' ? page() : page
  const type = path.endsWith('.html')
    ? 'text/html; charset=utf-8'
    : path.endsWith('.js')
      ? 'application/javascript; charset=utf-8'
      : path.endsWith('.json')
        ? 'application/json; charset=utf-8'
        : 'text/plain; charset=utf-8'
  res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' })
  res.end(req.method === 'HEAD' ? undefined : text)
}
