import type { SearchCorpus } from '../search/context'
import { listArticles, type ListedArticle, type ListingParams, type ListingResponse } from '../search/listing'
import { searchArticles, type SearchParams, type SearchResponse } from '../search/search'
import { hidesBase, type LiveView } from './front'

/**
 * One result list from the base and the live segment, like a Lucene segment
 * merge at query time: both are searched with the same options, base hits
 * the live segment replaces or deleted are dropped, and the two lists are
 * merged by score (or date). Each side pages from 0 to offset + limit, the base
 * over-fetching by the number of ids the live segment hides, so a page is exact.
 * `total` is exact for the live side; for the base it subtracts the hidden ids
 * among the hits fetched (exact unless hidden ids match beyond that window).
 * Facets and suggestion stay the base's (docs/live.md).
 */
/** How many base articles the live segment hides (replaced or deleted): what the base must over-fetch by. */
function hiddenInBase(base: SearchCorpus, live: LiveView): number {
  let hidden = live.tombstones.size
  for (const id of live.byId.keys()) if (!live.tombstones.has(id) && base.tables.shortId(id) !== undefined) hidden++
  return hidden
}

export async function searchWithLive(base: SearchCorpus, live: LiveView, params: SearchParams): Promise<SearchResponse> {
  if (!live.corpus && live.tombstones.size === 0) return searchArticles(base, params)
  const window = params.offset + params.limit
  const hidden = hiddenInBase(base, live)
  const [baseAnswer, liveAnswer] = await Promise.all([
    searchArticles(base, { ...params, offset: 0, limit: window + hidden }),
    live.corpus ? searchArticles(live.corpus, { ...params, offset: 0, limit: window }) : undefined,
  ])
  const baseHits = baseAnswer.hits.filter((hit) => !hidesBase(live, hit.id))
  const hiddenMatches = baseAnswer.hits.length - baseHits.length
  const byDate = params.sort === 'date'
  const hits = [...baseHits, ...(liveAnswer?.hits ?? [])].sort((a, b) => (byDate ? (b.date ?? '').localeCompare(a.date ?? '') : 0) || b.score - a.score)
  return {
    ...baseAnswer,
    offset: params.offset,
    limit: params.limit,
    total: baseAnswer.total - hiddenMatches + (liveAnswer?.total ?? 0),
    hits: hits.slice(params.offset, window),
  }
}

/** Undated articles come last in both date orders, as in `listArticles`. */
const undatedLast = (a: ListedArticle, b: ListedArticle) => Number(a.date === undefined) - Number(b.date === undefined)

const LISTING_ORDER: Record<ListingParams['sort'], (a: ListedArticle, b: ListedArticle) => number> = {
  date: (a, b) => undatedLast(a, b) || (b.date ?? '').localeCompare(a.date ?? ''),
  oldest: (a, b) => undatedLast(a, b) || (a.date ?? '').localeCompare(b.date ?? ''),
  title: (a, b) => a.title.localeCompare(b.title),
}

/** `GET /api/articles` over base and live, merged in the listing's order the way `searchWithLive` merges hits. */
export async function listWithLive(base: SearchCorpus, live: LiveView, params: ListingParams): Promise<ListingResponse> {
  if (!live.corpus && live.tombstones.size === 0) return listArticles(base, params)
  const window = params.offset + params.limit
  const hidden = hiddenInBase(base, live)
  const [baseAnswer, liveAnswer] = await Promise.all([
    listArticles(base, { ...params, offset: 0, limit: window + hidden }),
    live.corpus ? listArticles(live.corpus, { ...params, offset: 0, limit: window }) : undefined,
  ])
  const baseArticles = baseAnswer.articles.filter((article) => !hidesBase(live, article.id))
  const articles = [...baseArticles, ...(liveAnswer?.articles ?? [])].sort(LISTING_ORDER[params.sort])
  return {
    total: baseAnswer.total - (baseAnswer.articles.length - baseArticles.length) + (liveAnswer?.total ?? 0),
    offset: params.offset,
    limit: params.limit,
    articles: articles.slice(params.offset, window),
  }
}
