// Headers: every request and response header, with what the BOS-relevant ones mean and their decoded
// value. Signatures, tokens and keys are masked; nothing secret is rendered.
import { HeaderMap, type HarHeader } from '../core/har.ts'
import type { CapturedRecord } from '../devtools/store-types.ts'
import { Facts } from './Facts.tsx'
import { displayHeaderValue, maskUrl, matchedByText, statusLabel } from './format.ts'
import { explainHeader, LAZY_DECODED } from './headers.ts'
import { LazyText } from './Lazy.tsx'
import { t } from './i18n.ts'

export function HeadersTab({ record: r }: { record: CapturedRecord }) {
  const req = new HeaderMap(r.entry.request.headers)
  const res = new HeaderMap(r.entry.response.headers)
  const a = r.analysis
  return (
    <div class="headers" data-testid="headers">
      <section class="section">
        <h3 class="section-title">{t('headers.general')}</h3>
        <Facts
          rows={[
            [t('headers.requestUrl'), maskUrl(r.entry.request.url), { mono: true }],
            [t('headers.requestMethod'), r.entry.request.method],
            [t('headers.statusCode'), `${statusLabel(r.entry.response.status)} ${r.entry.response.statusText}`.trim()],
            [t('headers.protocol'), r.entry.response.httpVersion || r.entry.request.httpVersion],
            [t('headers.recognisedBy'), matchedByText(a.matchedBy)],
          ]}
        />
      </section>
      <HeaderSection title={t('headers.response')} direction="response" list={res.list} />
      <HeaderSection title={t('headers.request')} direction="request" list={req.list} />
    </div>
  )
}

interface SectionProps {
  title: string
  direction: 'request' | 'response'
  list: HarHeader[]
}

function HeaderSection({ title, direction, list }: SectionProps) {
  return (
    <section class="section" data-testid={`${direction}-headers`}>
      <h3 class="section-title">
        {title} <span class="count">({list.length})</span>
      </h3>
      {list.length === 0 ? (
        <p class="muted">{t('headers.none')}</p>
      ) : (
        <dl class="header-list">
          {list.map((h, i) => {
            const x = explainHeader(h.name, h.value)
            return (
              <div class={`header ${x ? 'known' : 'plain'}`} key={i} data-testid="header" data-name={h.name.toLowerCase()}>
                <dt>{h.name}</dt>
                <dd>
                  <span class="mono header-value">{displayHeaderValue(h.name, h.value)}</span>
                  {x && (
                    <span class="header-meaning">
                      {x.meaning}
                      {x.decoded === null && LAZY_DECODED.has(h.name.toLowerCase()) && (
                        <>
                          {' '}
                          <span class="decoded">
                            <LazyText text={(m) => t('headers.decoded', { value: m.decodeProcessHeader(h.value) })} />
                          </span>
                        </>
                      )}
                      {x.decoded !== null && (
                        <>
                          {' '}
                          <span class="decoded">{t('headers.decoded', { value: x.decoded })}</span>
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
