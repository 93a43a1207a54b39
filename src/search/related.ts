import type { Query } from 'minisearch'
import type { StoredArticle } from '../bundle/types'
import type { SearchContext } from './context'
import { BASE_SEARCH_OPTIONS } from './options'
import { processTerm, tokenize } from './terms'

export type RelatedArticle = { id: string; title: string; date?: string; url?: string; score: number; sharedEntities: string[] }

/** How many related articles are kept per article (the most a request can ask for). */
export const MAX_RELATED = 20
/** Each entity two articles share multiplies the content score by (1 + this). */
const SHARED_ENTITY_WEIGHT = 0.25

/**
 * Articles about the same thing: a query made of the article's keywords
 * (weighted by their score) and entity names, any word matching, the
 * score raised for every entity both articles name. Cached per article.
 */
export function relatedArticles(context: SearchContext, article: StoredArticle, limit: number): RelatedArticle[] {
  let related = context.related.get(article.id)
  if (!related) {
    related = computeRelated(context, article)
    context.related.set(article.id, related)
  }
  return related.slice(0, limit)
}

function computeRelated(context: SearchContext, article: StoredArticle): RelatedArticle[] {
  const weights = new Map<string, number>()
  const weigh = (word: string, weight: number) => {
    const term = processTerm(word)
    if (term !== null) weights.set(term, Math.max(weights.get(term) ?? 0, weight))
  }
  for (const keyword of article.keywords) for (const word of tokenize(keyword.text)) weigh(word, keyword.score)
  for (const entity of article.facts.entities) for (const word of tokenize(entity.name)) weigh(word, 1)
  if (weights.size === 0) return []

  const own = context.facets.get(article.id)!
  const query: Query = { combineWith: 'OR', queries: [...weights.keys()], boostTerm: (term: string) => weights.get(term) ?? 1 }
  const results = context.index.search(query, { ...BASE_SEARCH_OPTIONS, filter: (result) => result.id !== article.id })
  return results
    .map((result) => {
      const other = context.facets.get(result.id as string)!
      const shared: string[] = []
      for (const facet of ['person', 'organization', 'place', 'country'] as const) {
        for (const [key, name] of own[facet]) if (other[facet].has(key)) shared.push(name)
      }
      return { result, shared, score: result.score * (1 + SHARED_ENTITY_WEIGHT * shared.length) }
    })
    .sort((a, b) => b.score - a.score)
    .slice(0, MAX_RELATED)
    .map(({ result, shared, score }) => {
      const related = context.articles.get(result.id as string)!
      return {
        id: related.id,
        title: related.title,
        ...(related.date ? { date: related.date } : {}),
        ...(related.url ? { url: related.url } : {}),
        score: Math.round(score * 1000) / 1000,
        sharedEntities: shared,
      }
    })
}
