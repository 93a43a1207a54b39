import type { LoadedBundle } from '../../src/bundle/open'
import { searchArticles, type SearchParams } from '../../src/search/search'
import type { BenchQuery } from './queries'

/** What GET /api/search runs for a query, called in process. */
export function productSearch(bundle: LoadedBundle, query: BenchQuery) {
  const params: SearchParams = {
    q: query.q,
    limit: 10,
    offset: 0,
    sort: 'relevance',
    ...(query.from ? { from: query.from, to: query.to } : {}),
    ...(query.year ? { filters: { year: [query.year] } } : {}),
  }
  return searchArticles(bundle.index, bundle.articles, params)
}

/** `/api/suggest`'s work, when the search helper's suggest module is there (feature-detected). */
export async function suggestFunction(bundle: LoadedBundle): Promise<((q: string) => unknown) | undefined> {
  try {
    const { suggest } = await import('../../src/search/suggest')
    const { getSearchContext } = await import('../../src/search/context')
    return (q) => suggest(getSearchContext(bundle.index, bundle.articles).suggestIndex, q, 8)
  } catch {
    return undefined
  }
}
