// The Vite plugin that prints what the panel loads before its first paint (panel-size.ts) after every
// build of the extension (vite.config.ts).
import { relative, resolve } from 'node:path'
import type { Plugin } from 'vite'
import { formatPanelSize, panelLoadSize } from './panel-size.ts'

/** Prints the panel's initial size after a build of the extension (not the CLI). */
export function panelSizePlugin(): Plugin {
  let outDir = ''
  let root = ''
  return {
    name: 'bos-panel-size',
    apply: 'build',
    configResolved(config) {
      root = config.root
      outDir = resolve(config.root, config.build.outDir)
    },
    closeBundle() {
      try {
        console.log(`\n${formatPanelSize(panelLoadSize(outDir), `${relative(root, outDir) || outDir}/ panel`)}`)
      } catch {
        // not an extension build (or crxjs wrote elsewhere): nothing to report
      }
    },
  }
}
