import { defineManifest } from '@crxjs/vite-plugin'
import pkg from './package.json' with { type: 'json' }

/** The Firefox add-on id: stable, because AMO and users' storage are keyed by it. */
export const GECKO_ID = 'bos-devtools@bos-devtools.dev'

// Least privilege: a devtools_page needs no permission to read devtools.network; `storage` keeps the
// user's host patterns and preferences. No host permissions, no webRequest, no debugger.
// One source, two browsers: `vite build` (Chrome, dist/) and `vite build --mode firefox` (dist-firefox/).
// Every difference between the two manifests is in the `firefox ? … : …` below, and
// test/release/manifest.test.ts checks both emitted manifests.
export default defineManifest(({ mode }) => {
  const firefox = mode === 'firefox'
  return {
    manifest_version: 3,
    // Localised: _locales/{en,zh_CN}/messages.json are generated from src/i18n at build (vite-plugin-locales.ts).
    default_locale: 'en',
    name: '__MSG_extName__',
    short_name: '__MSG_extShortName__',
    version: pkg.version,
    description: '__MSG_extDescription__',
    ...(firefox
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              // 140 ESR: MV3 devtools panels work from 109, and the built-in data consent below from 140.
              strict_min_version: '140.0',
              // Nothing is collected or transmitted: captured requests never leave the browser.
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android has no DevTools; declared only because data consent needs 142 there.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : { minimum_chrome_version: '116' }),
    devtools_page: 'src/devtools/devtools.html',
    permissions: ['storage'],
    icons: { 16: 'icons/icon-16.png', 32: 'icons/icon-32.png', 48: 'icons/icon-48.png', 128: 'icons/icon-128.png' },
  }
})
