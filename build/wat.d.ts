// What `import bytes from './x.wat'` gives (build/wat-plugin.ts): the compiled module's bytes.
declare module '*.wat' {
  const bytes: Uint8Array<ArrayBuffer>
  export default bytes
}
