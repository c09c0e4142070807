import { defineManifest } from '@crxjs/vite-plugin'
import pkg from './package.json' with { type: 'json' }

// Least privilege: a devtools_page needs no permission to read devtools.network; `storage` keeps the
// user's host patterns and preferences. No host permissions, no webRequest, no debugger.
export default defineManifest({
  manifest_version: 3,
  name: 'BOS DevTools',
  short_name: 'BOS DevTools',
  version: pkg.version,
  description: 'Explains requests to Baidu AI Cloud Object Storage (BOS) in a DevTools panel: errors, clock skew, MD5, debug ids.',
  minimum_chrome_version: '116',
  devtools_page: 'src/devtools/devtools.html',
  permissions: ['storage'],
  icons: { 16: 'icons/icon-16.png', 32: 'icons/icon-32.png', 48: 'icons/icon-48.png', 128: 'icons/icon-128.png' },
})
