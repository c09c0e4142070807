// A label/value list in the style of the Network panel's "General" section.
import type { ComponentChildren } from 'preact'

export type Fact = [label: string, value: ComponentChildren, opts?: { mono?: boolean; testId?: string }]

export function Facts({ rows, testId }: { rows: readonly (Fact | null | false)[]; testId?: string }) {
  return (
    <dl class="facts" data-testid={testId}>
      {rows.map(
        (row) =>
          row && (
            <div class="fact" key={row[0]} data-testid={row[2]?.testId}>
              <dt>{row[0]}</dt>
              <dd class={row[2]?.mono ? 'mono' : undefined}>{row[1] === null || row[1] === undefined || row[1] === '' ? '—' : row[1]}</dd>
            </div>
          ),
      )}
    </dl>
  )
}
