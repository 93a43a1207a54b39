import type { StoredArticle } from '../bundle/types'
import type { SearchContext } from './context'
import { normalizeFilters, passesFilters, type FacetFilters } from './facets'

export type ListingParams = {
  limit: number
  offset: number
  from?: string
  to?: string
  /** `date`: newest first (undated last); `oldest`: oldest first (undated last); `title`: A to Z. */
  sort: 'date' | 'oldest' | 'title'
  filters?: FacetFilters
}

export type ListedArticle = { id: string; title: string; date?: string; url?: string; source?: string; summary: string }

export type ListingResponse = { total: number; offset: number; limit: number; articles: ListedArticle[] }

/** Browsing: the articles in a date range and matching the facet filters, sorted and paged. */
export function listArticles(context: SearchContext, params: ListingParams): ListingResponse {
  const filters = normalizeFilters(params.filters ?? {})
  const selected = [...context.articles.values()].filter(
    (article) =>
      (params.from === undefined || (article.date !== undefined && article.date >= params.from)) &&
      (params.to === undefined || (article.date !== undefined && article.date <= params.to)) &&
      passesFilters(context.facets.get(article.id)!, filters),
  )
  selected.sort(COMPARATORS[params.sort])
  return {
    total: selected.length,
    offset: params.offset,
    limit: params.limit,
    articles: selected.slice(params.offset, params.offset + params.limit).map((article) => ({
      id: article.id,
      title: article.title,
      ...(article.date ? { date: article.date } : {}),
      ...(article.url ? { url: article.url } : {}),
      ...(article.source ? { source: article.source } : {}),
      summary: article.summary.text,
    })),
  }
}

const byId = (a: StoredArticle, b: StoredArticle) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/** Dated before undated, in the given direction; ties by id so pages never overlap. */
const byDate = (direction: 1 | -1) => (a: StoredArticle, b: StoredArticle) => {
  if (a.date === b.date) return byId(a, b)
  if (a.date === undefined) return 1
  if (b.date === undefined) return -1
  return a.date < b.date ? -direction : direction
}

const COMPARATORS: Record<ListingParams['sort'], (a: StoredArticle, b: StoredArticle) => number> = {
  date: byDate(-1),
  oldest: byDate(1),
  title: (a, b) => a.title.localeCompare(b.title) || byId(a, b),
}
