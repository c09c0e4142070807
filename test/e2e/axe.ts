// axe-core in the BOS panel frame: the serious and critical violations of the page as it is, as lines
// that say where (and, for contrast, the colours axe measured).
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Frame } from 'playwright-core'

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: { target: unknown[]; any: { data?: { fgColor?: string; bgColor?: string; contrastRatio?: number } | null }[] }[]
}

/** A node of a violation: its selector and, for contrast, the colours axe measured. */
const where = (n: AxeViolation['nodes'][number]) => {
  const d = n.any.find((c) => c.data?.contrastRatio)?.data
  return `${JSON.stringify(n.target)}${d ? ` ${d.fgColor} on ${d.bgColor} ${d.contrastRatio}:1` : ''}`
}

/** axe-core's violations of serious or critical impact in the panel, as `id: selectors` lines. */
export async function seriousViolations(panel: Frame): Promise<string[]> {
  // Evaluated over CDP, so the extension page's CSP (no inline script) does not stop it.
  if (!(await panel.evaluate(() => 'axe' in window))) await panel.evaluate(AXE)
  const violations = (await panel.evaluate(() =>
    (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: unknown[] }> } }).axe
      .run(document, { resultTypes: ['violations'] })
      .then((r) => r.violations),
  )) as AxeViolation[]
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help}: ${v.nodes.map(where).join(', ')}`)
}
