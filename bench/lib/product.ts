import type { LoadedBundle } from '../../src/bundle/open'
import { suggestIndexOf } from '../../src/search/context'
import { searchArticles, type SearchParams, type SearchResponse } from '../../src/search/search'
import { suggest } from '../../src/search/suggest'
import type { BenchQuery } from './queries'

/** The search parameters GET /api/search gets for a bench query (first page of 10, by relevance). */
export function productParams(query: BenchQuery): SearchParams {
  return {
    q: query.q,
    limit: 10,
    offset: 0,
    sort: 'relevance',
    ...(query.from ? { from: query.from, to: query.to } : {}),
    ...(query.year ? { filters: { year: [query.year] } } : {}),
  }
}

/** What GET /api/search runs for a query, called in process. */
export function productSearch(bundle: LoadedBundle, query: BenchQuery): Promise<SearchResponse> {
  return searchArticles(bundle, productParams(query))
}

/** `/api/suggest`'s work for a query. */
export function productSuggest(bundle: LoadedBundle, q: string) {
  return suggest(suggestIndexOf(bundle), q, 8)
}
