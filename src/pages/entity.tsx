import type { EntityDetail, FactList } from '../corpus-services/entity-detail'
import type { CatalogFact } from '../corpus-services/fact-catalog'
import { ArticleLinkItem } from './article-link'
import { Layout } from './layout'
import { MentionsChart } from './mentions-chart'
import { articlePath } from './paths'
import { PlaceMap, type MapPoint } from './place-map'

const TYPE_NAMES: Record<EntityDetail['type'], string> = { person: 'Person', organization: 'Organisation', place: 'Place', country: 'Country' }

export function entityPath(id: string): string {
  return `/entities/${id}`
}

/** The article a fact comes from, as a trailing link. */
function Source(props: { fact: CatalogFact }) {
  const { article } = props.fact
  return (
    <span class="meta">
      {' '}
      · <a href={articlePath(article.id)}>{article.title}</a>
      {article.date ? `, ${article.date}` : ''}
    </span>
  )
}

function FactItem(props: { fact: CatalogFact }) {
  const { fact } = props
  if (fact.type === 'quote') {
    return (
      <li>
        <blockquote>“{fact.text}”</blockquote>
        <Source fact={fact} />
      </li>
    )
  }
  if (fact.type === 'statement') {
    return (
      <li>
        {fact.actor} <strong>{fact.verb}</strong> {fact.target ?? ''}
        <Source fact={fact} />
      </li>
    )
  }
  if (fact.type === 'quantity') {
    return (
      <li>
        <strong>{fact.value}</strong> {fact.who} {fact.event ?? ''}
        {fact.place ? ` in ${fact.place}` : ''}
        {fact.kind ? <span class="meta"> ({fact.kind})</span> : null}
        <Source fact={fact} />
      </li>
    )
  }
  return null
}

/** One list of facts with its total; the rest is one API call away. */
function FactSection(props: { id: string; heading: string; list: FactList; query: string }) {
  if (props.list.total === 0) return null
  const { total, facts } = props.list
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>
        {props.heading} <span class="stats">({total})</span>
      </h2>
      <ul class="fact-list">
        {facts.map((fact) => (
          <FactItem fact={fact} />
        ))}
      </ul>
      {total > facts.length ? (
        <p class="meta">
          The first {facts.length} of {total}; all of them: <a href={`/api/facts?${props.query}&limit=100`}>/api/facts?{props.query}</a>
        </p>
      ) : null}
    </section>
  )
}

/** `/entities/:id`: who or what it is, when the corpus names it, a map for places, its articles, facts and companions. */
export function EntityPage(props: { entity: EntityDetail; map?: Array<MapPoint & { id: string }> }) {
  const { entity } = props
  const name = encodeURIComponent(entity.name)
  const described = [TYPE_NAMES[entity.type], entity.role, entity.type === 'place' ? entity.country : undefined].filter(Boolean).join(' · ')
  const span = entity.firstSeen === entity.lastSeen ? `on ${entity.firstSeen}` : `from ${entity.firstSeen} to ${entity.lastSeen}`
  return (
    <Layout title={entity.name} description={`${entity.name}: ${entity.articles} article(s), quotes, statements and figures in News Edge.`}>
      <h1>{entity.name}</h1>
      <p class="meta">{described}</p>
      {entity.aliases.length > 0 ? <p>Also named: {entity.aliases.join(', ')}</p> : null}
      <div class="columns">
        <div>
          <section aria-labelledby="mentions-heading">
            <h2 id="mentions-heading">In the news</h2>
            <p>
              Named in {entity.articles} article{entity.articles === 1 ? '' : 's'}
              {entity.firstSeen ? ` ${span}` : ''}.
            </p>
            <MentionsChart months={entity.months} label={`Articles naming ${entity.name} per month`} />
          </section>
          {props.map && props.map.length > 0 ? (
            <section aria-labelledby="map-heading">
              <h2 id="map-heading">Map</h2>
              <PlaceMap points={props.map} label={`Map of ${entity.name} and the places near it in the news; circles sized by casualty figures`} />
              <p class="meta">
                Circles: places the articles name, sized by their casualty figures. <a href="/map">All places</a>.
              </p>
              <p>
                On this map:{' '}
                {[...props.map]
                  .sort((a, b) => b.figure - a.figure || a.name.localeCompare(b.name))
                  .map((place, i) => (
                    <>
                      {i > 0 ? ', ' : ''}
                      <a href={entityPath(place.id)}>{place.name}</a>
                      {place.figure > 0 ? ` (${place.figure})` : ''}
                    </>
                  ))}
                .
              </p>
            </section>
          ) : null}
          <FactSection
            id="figures-heading"
            heading={entity.placesInside > 0 ? 'Figures here and in places inside' : 'Figures here'}
            list={entity.figuresAt}
            query={`place=${name}`}
          />
          <FactSection id="quotes-heading" heading="Quotes" list={entity.quotesBy} query={`speaker=${name}`} />
          <FactSection id="statements-by-heading" heading="Statements" list={entity.statementsBy} query={`actor=${name}`} />
          <FactSection id="statements-about-heading" heading="Statements about" list={entity.statementsAbout} query={`target=${name}`} />
        </div>
        <aside>
          <section aria-labelledby="articles-heading">
            <h2 id="articles-heading">Articles</h2>
            <ul>
              {entity.articleList.map((article) => (
                <ArticleLinkItem article={article} />
              ))}
            </ul>
          </section>
          {entity.seenWith.length > 0 ? (
            <section aria-labelledby="seen-with-heading">
              <h2 id="seen-with-heading">Seen with</h2>
              <ul>
                {entity.seenWith.map((other) => (
                  <li>
                    <a href={entityPath(other.id)}>{other.name}</a>
                    <span class="meta">
                      {' '}
                      · {TYPE_NAMES[other.type].toLowerCase()}, {other.articles} article{other.articles === 1 ? '' : 's'}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </aside>
      </div>
    </Layout>
  )
}
