// Compiles WebAssembly text (`import bytes from './x.wat'`) at build time, with the SIMD proposal on, into
// a module whose default export is the binary's bytes: no .wasm file is kept or shipped beside the code.
import { readFile } from 'node:fs/promises'
import type { Plugin } from 'vite'
import wabtInit from 'wabt'

export function watPlugin(): Plugin {
  let wabt: Awaited<ReturnType<typeof wabtInit>> | undefined
  return {
    name: 'bos-wat',
    async load(id) {
      if (!id.endsWith('.wat')) return null
      wabt ??= await wabtInit()
      const text = await readFile(id, 'utf8')
      const mod = wabt.parseWat(id, text, { simd: true })
      try {
        mod.validate()
        const { buffer } = mod.toBinary({})
        const base64 = Buffer.from(buffer).toString('base64')
        return `export default Uint8Array.from(atob(${JSON.stringify(base64)}), (c) => c.charCodeAt(0))\n`
      } finally {
        mod.destroy()
      }
    },
  }
}
