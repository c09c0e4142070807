// Headers: every request and response header, with what the BOS-relevant ones mean and their decoded
// value. Signatures, tokens and keys are masked; nothing secret is rendered.
import { explainHeaders, type HeaderExplanation } from '../core/headers.ts'
import { HeaderMap, type HarHeader } from '../core/har.ts'
import type { CapturedRecord } from '../devtools/store-types.ts'
import { Facts } from './Facts.tsx'
import { displayHeaderValue, maskUrl, matchedByText, statusLabel } from './format.ts'

const keyOf = (direction: string, name: string, value: string) => `${direction}\u0000${name.toLowerCase()}\u0000${value}`

export function HeadersTab({ record: r }: { record: CapturedRecord }) {
  const req = new HeaderMap(r.request.headers)
  const res = new HeaderMap(r.response.headers)
  const explained = new Map<string, HeaderExplanation>()
  for (const x of explainHeaders(req, res)) explained.set(keyOf(x.direction, x.name, x.value), x)
  const a = r.analysis
  return (
    <div class="headers" data-testid="headers">
      <section class="section">
        <h3 class="section-title">General</h3>
        <Facts
          rows={[
            ['Request URL', maskUrl(r.request.url), { mono: true }],
            ['Request method', r.request.method],
            ['Status code', `${statusLabel(r.response.status)} ${r.response.statusText}`.trim()],
            ['Protocol', r.response.httpVersion || r.request.httpVersion],
            ['Recognised by', matchedByText(a.matchedBy)],
          ]}
        />
      </section>
      <HeaderSection title="Response headers" direction="response" list={res.list} explained={explained} />
      <HeaderSection title="Request headers" direction="request" list={req.list} explained={explained} />
    </div>
  )
}

interface SectionProps {
  title: string
  direction: 'request' | 'response'
  list: HarHeader[]
  explained: Map<string, HeaderExplanation>
}

function HeaderSection({ title, direction, list, explained }: SectionProps) {
  return (
    <section class="section" data-testid={`${direction}-headers`}>
      <h3 class="section-title">
        {title} <span class="count">({list.length})</span>
      </h3>
      {list.length === 0 ? (
        <p class="muted">None captured.</p>
      ) : (
        <dl class="header-list">
          {list.map((h, i) => {
            const x = explained.get(keyOf(direction, h.name, h.value))
            return (
              <div class={`header ${x ? 'known' : 'plain'}`} key={i} data-testid="header" data-name={h.name.toLowerCase()}>
                <dt>{h.name}</dt>
                <dd>
                  <span class="mono header-value">{displayHeaderValue(h.name, h.value)}</span>
                  {x && (
                    <span class="header-meaning">
                      {x.meaning}
                      {x.decoded !== null && (
                        <>
                          {' '}
                          <span class="decoded">Decoded: {x.decoded}</span>
                        </>
                      )}
                    </span>
                  )}
                </dd>
              </div>
            )
          })}
        </dl>
      )}
    </section>
  )
}
