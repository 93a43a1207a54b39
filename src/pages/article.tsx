import type { RelatedArticle, StoredArticle } from '../article'
import type { Entity, Facts } from '../analysis/facts/types'
import { ArticleLinkItem } from './article-link'
import { entityPath } from './entity'
import { Layout } from './layout'
import { licenseUrl } from './licenses'
import { MarkedText, nestSpans, type MarkSpan } from './marked-text'

const ENTITY_GROUPS: Array<{ type: Entity['type']; heading: string }> = [
  { type: 'person', heading: 'People' },
  { type: 'organization', heading: 'Organizations' },
  { type: 'place', heading: 'Places' },
  { type: 'country', heading: 'Countries' },
]

/**
 * Every fact span of the article, each with the anchor id its link in the facts list points to. A statement's span
 * (actor to target) is the widest: where it partly overlaps another fact it is left unmarked, so that it never costs
 * a quote, a name or a figure its highlight.
 */
function factSpans(facts: Facts): MarkSpan[] {
  const spans: MarkSpan[] = [
    ...facts.quotes.map((quote, index) => ({ id: `quote-${index}`, kind: 'quote', start: quote.start, end: quote.end })),
    ...facts.entities.flatMap((entity, index) =>
      entity.mentions.map((mention, mentionIndex) => ({ id: `entity-${index}-${mentionIndex}`, kind: entity.type, ...mention })),
    ),
    ...facts.quantities.map((quantity, index) => ({ id: `figure-${index}`, kind: 'figure', start: quantity.start, end: quantity.end })),
    ...facts.dates.map((date, index) => ({ id: `date-${index}`, kind: 'date', start: date.start, end: date.end })),
  ]
  const statements = facts.statements
    .map((statement, index) => ({ id: `statement-${index}`, kind: 'statement', start: statement.start, end: statement.end }))
    .filter((statement) => !spans.some((span) => crosses(statement, span)))
  return [...spans, ...statements]
}

/** Whether two spans overlap without one containing the other. */
function crosses(a: MarkSpan, b: MarkSpan): boolean {
  return (a.start < b.start && b.start < a.end && a.end < b.end) || (b.start < a.start && a.start < b.end && b.end < a.end)
}

/** `/articles/:id`: the article with attribution, summary, keywords and its facts, each linked to where it is in the text. */
export function ArticlePage(props: {
  article: StoredArticle
  related: Array<Pick<RelatedArticle, 'id' | 'title' | 'date'>>
  /** The entity registry's id of each entity name of the article: the name links to its page. */
  entityIds?: ReadonlyMap<string, string>
}) {
  const { article } = props
  const { facts } = article
  const { roots, rendered } = nestSpans(article.text, factSpans(facts))
  const FactLink = (link: { id: string; children: unknown }) => (rendered.has(link.id) ? <a href={`#${link.id}`}>{link.children}</a> : <>{link.children}</>)
  return (
    <Layout title={article.title} description={article.summary.text}>
      <article class="columns">
        <div>
          <h1>{article.title}</h1>
          <p class="meta">
            {article.date ? <time datetime={article.date}>{formatDate(article.date)}</time> : 'Undated'}
            {article.source ? <> · {article.source}</> : null}
            {facts.dateline ? <> · {[facts.dateline.place, facts.dateline.country].filter(Boolean).join(', ')}</> : null}
            {article.titleGenerated ? <> · headline written from the text</> : null}
          </p>
          <section aria-labelledby="summary-heading">
            <h2 id="summary-heading">Summary</h2>
            <p>{article.summary.text}</p>
          </section>
          {article.keywords.length > 0 ? (
            <section aria-labelledby="keywords-heading">
              <h2 id="keywords-heading">Keywords</h2>
              <ul class="keywords">
                {article.keywords.map((keyword) => (
                  <li>{keyword.text}</li>
                ))}
              </ul>
            </section>
          ) : null}
          <section aria-labelledby="text-heading">
            <h2 id="text-heading">Full text</h2>
            <MarkedText text={article.text} roots={roots} />
          </section>
          <Attribution article={article} />
        </div>
        <aside class="facts" aria-labelledby="facts-heading">
          <h2 id="facts-heading">Facts</h2>
          <p class="meta">Choose a name for its page across the corpus, a number or another fact to see it highlighted in the text.</p>
          {ENTITY_GROUPS.map(({ type, heading }) => {
            const entities = facts.entities.map((entity, index) => ({ entity, index })).filter(({ entity }) => entity.type === type)
            if (entities.length === 0) return null
            return (
              <section class={`entities ${type}`}>
                <h3>{heading}</h3>
                <ul>
                  {entities.map(({ entity, index }) => {
                    const id = props.entityIds?.get(entity.name)
                    return (
                      <li>
                        {id ? <a href={entityPath(id)}>{entity.name}</a> : <FactLink id={`entity-${index}-0`}>{entity.name}</FactLink>}
                        {entity.role ? <span class="role">, {entity.role}</span> : null}
                        {entity.country && entity.type === 'place' ? <span class="role"> ({entity.country})</span> : null}
                        {id || entity.mentions.length > 1 ? (
                          <span class="more">
                            {id ? ' in text:' : null}
                            {entity.mentions.map((_, mention) =>
                              id || mention > 0 ? <FactLink id={`entity-${index}-${mention}`}>{String(mention + 1)}</FactLink> : null,
                            )}
                          </span>
                        ) : null}
                      </li>
                    )
                  })}
                </ul>
              </section>
            )
          })}
          {facts.quotes.length > 0 ? (
            <section class="quotes">
              <h3>Quotes</h3>
              <ul>
                {facts.quotes.map((quote, index) => (
                  <li>
                    <blockquote>
                      <FactLink id={`quote-${index}`}>“{quote.text}”</FactLink>
                    </blockquote>
                    <span class="speaker">{quote.speaker ? `— ${quote.speaker}` : '— speaker not identified'}</span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {facts.statements.length > 0 ? (
            <section class="statements">
              <h3>Statements</h3>
              <ul>
                {facts.statements.map((statement, index) => {
                  const actorId = props.entityIds?.get(statement.actor)
                  return (
                    <li>
                      {actorId ? <a href={entityPath(actorId)}>{statement.actor}</a> : statement.actor}{' '}
                      <FactLink id={`statement-${index}`}>
                        <strong>{statement.verb}</strong>
                        {statement.target ? ` ${statement.target}` : ''}
                      </FactLink>
                    </li>
                  )
                })}
              </ul>
            </section>
          ) : null}
          {facts.quantities.length > 0 ? (
            <section class="figures">
              <h3>Figures</h3>
              <ul>
                {facts.quantities.map((quantity, index) => (
                  <li>
                    <FactLink id={`figure-${index}`}>
                      {quantity.value} {quantity.who}
                    </FactLink>
                    {quantity.event ? ` ${quantity.event}` : ''}
                    {quantity.place ? ` in ${quantity.place}` : ''}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {facts.dates.length > 0 ? (
            <section class="dates">
              <h3>Dates</h3>
              <ul>
                {facts.dates.map((date, index) => (
                  <li>
                    <FactLink id={`date-${index}`}>{date.text}</FactLink>: <time datetime={date.iso}>{date.iso}</time>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {props.related.length > 0 ? (
            <section class="related">
              <h3>Related articles</h3>
              <ul>
                {props.related.map((related) => (
                  <ArticleLinkItem article={related} />
                ))}
              </ul>
            </section>
          ) : null}
        </aside>
      </article>
    </Layout>
  )
}

/** Where the text comes from and under which licence: CC BY requires the credit and a link to the licence. */
function Attribution(props: { article: StoredArticle }) {
  const { url, source, license } = props.article
  const deed = license ? licenseUrl(license) : undefined
  if (!url && !source && !license) return <p class="attribution">The source of this text is not recorded in the corpus.</p>
  return (
    <p class="attribution">
      {url ? (
        <>
          Original article:{' '}
          <a href={url} rel="noopener">
            {source ?? url}
          </a>
          .
        </>
      ) : source ? (
        <>Source: {source}.</>
      ) : null}{' '}
      {license ? (
        <>
          Licensed under{' '}
          {deed ? (
            <a href={deed} rel="license noopener">
              {license}
            </a>
          ) : (
            license
          )}
          ; shown here with its summary and extracted facts added.
        </>
      ) : null}
    </p>
  )
}

function formatDate(iso: string): string {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
}
