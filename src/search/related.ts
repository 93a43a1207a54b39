import type { Query } from 'minisearch'
import type { RelatedArticle, StoredArticle } from '../article'
import { relatedCache, type SearchCorpus } from './context'
import { BASE_SEARCH_OPTIONS } from './options'
import { articleFacets } from './facets'
import { processTerm, tokenize } from './terms'

/** How many related articles are kept per article (the most a request can ask for). */
export const MAX_RELATED = 20
/** Each entity two articles share multiplies the content score by (1 + this). */
const SHARED_ENTITY_WEIGHT = 0.25

/**
 * Articles about the same thing: a query made of the article's keywords
 * (weighted by their score) and entity names, any word matching, the
 * score raised for every entity both articles name. Needs only this
 * article's body: the others come from the corpus tables. Cached per article.
 */
export function relatedArticles(corpus: SearchCorpus, article: StoredArticle, limit: number): RelatedArticle[] {
  const cache = relatedCache(corpus)
  let related = cache.get(article.id)
  if (!related) {
    related = computeRelated(corpus, article)
    cache.set(article.id, related)
  }
  return related.slice(0, limit)
}

const ENTITY_FACETS = ['person', 'organization', 'place', 'country'] as const

function computeRelated({ index, tables, hidden }: SearchCorpus, article: StoredArticle): RelatedArticle[] {
  const weights = new Map<string, number>()
  const weigh = (word: string, weight: number) => {
    const term = processTerm(word)
    if (term !== null) weights.set(term, Math.max(weights.get(term) ?? 0, weight))
  }
  for (const keyword of article.keywords) for (const word of tokenize(keyword.text)) weigh(word, keyword.score)
  for (const entity of article.facts.entities) for (const word of tokenize(entity.name)) weigh(word, 1)
  if (weights.size === 0) return []

  // The article's own facet values, not its row of the tables: it may be in another part of the corpus (the live segment).
  const own = articleFacets(article)
  const query: Query = { combineWith: 'OR', queries: [...weights.keys()], boostTerm: (term: string) => weights.get(term) ?? 1 }
  const shown = (id: string) => id !== article.id && !hidden?.(tables.shortId(id)!)
  const results = index.search(query, { ...BASE_SEARCH_OPTIONS, filter: (result) => shown(result.id as string) })
  return results
    .map((result) => {
      const other = tables.shortId(result.id as string)!
      const shared = ENTITY_FACETS.flatMap((facet) => tables.facets.sharedWith(own[facet], other, facet))
      return { other, shared, score: result.score * (1 + SHARED_ENTITY_WEIGHT * shared.length) }
    })
    .sort((a, b) => b.score - a.score)
    .slice(0, MAX_RELATED)
    .map(({ other, shared, score }) => {
      const date = tables.dates[other]
      const url = tables.urls[other]
      return {
        id: tables.ids[other]!,
        title: tables.titles[other]!,
        ...(date ? { date } : {}),
        ...(url ? { url } : {}),
        score,
        sharedEntities: shared,
      }
    })
}

/**
 * The list as readers see it: scores to three decimals. Only after the parts
 * of a corpus have been merged by their exact scores, or two that round alike
 * could come out in either order.
 */
export function roundedScores(related: readonly RelatedArticle[]): RelatedArticle[] {
  return related.map((entry) => ({ ...entry, score: Math.round(entry.score * 1000) / 1000 }))
}
