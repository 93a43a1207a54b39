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

type Page = { offset: number; limit: number }

/** Runs one query on both sides and merges its items in `order`: the one merge that search and listing share. */
async function mergeWithLive<Answer extends { total: number }, Item extends { id: string }>(
  base: SearchCorpus,
  live: LiveView,
  page: Page,
  run: (corpus: SearchCorpus, page: Page) => Answer | Promise<Answer>,
  itemsOf: (answer: Answer) => Item[],
  order: (a: Item, b: Item) => number,
): Promise<{ baseAnswer: Answer; total: number; items: Item[] }> {
  const window = page.offset + page.limit
  const [baseAnswer, liveAnswer] = await Promise.all([
    run(base, { offset: 0, limit: window + hiddenInBase(base, live) }),
    live.corpus ? run(live.corpus, { offset: 0, limit: window }) : undefined,
  ])
  const baseItems = itemsOf(baseAnswer).filter((item) => !hidesBase(live, item.id))
  const hiddenMatches = itemsOf(baseAnswer).length - baseItems.length
  const items = [...baseItems, ...(liveAnswer ? itemsOf(liveAnswer) : [])].sort(order).slice(page.offset, window)
  return { baseAnswer, total: baseAnswer.total - hiddenMatches + (liveAnswer?.total ?? 0), items }
}

const isEmpty = (live: LiveView) => !live.corpus && live.tombstones.size === 0

export async function searchWithLive(base: SearchCorpus, live: LiveView, params: SearchParams): Promise<SearchResponse> {
  if (isEmpty(live)) return searchArticles(base, params)
  const byDate = params.sort === 'date'
  const { baseAnswer, total, items } = await mergeWithLive(
    base,
    live,
    params,
    (corpus, page) => searchArticles(corpus, { ...params, ...page }),
    (answer) => answer.hits,
    (a, b) => (byDate ? (b.date ?? '').localeCompare(a.date ?? '') : 0) || b.score - a.score,
  )
  return { ...baseAnswer, offset: params.offset, limit: params.limit, total, hits: items }
}

/** Undated articles come last in both date orders, as in `listArticles`. */
const undatedLast = (a: ListedArticle, b: ListedArticle) => Number(a.date === undefined) - Number(b.date === undefined)

const LISTING_ORDER: Record<ListingParams['sort'], (a: ListedArticle, b: ListedArticle) => number> = {
  date: (a, b) => undatedLast(a, b) || (b.date ?? '').localeCompare(a.date ?? ''),
  oldest: (a, b) => undatedLast(a, b) || (a.date ?? '').localeCompare(b.date ?? ''),
  title: (a, b) => a.title.localeCompare(b.title),
}

/** `GET /api/articles` over base and live, merged in the listing's order. */
export async function listWithLive(base: SearchCorpus, live: LiveView, params: ListingParams): Promise<ListingResponse> {
  if (isEmpty(live)) return listArticles(base, params)
  const { total, items } = await mergeWithLive(
    base,
    live,
    params,
    (corpus, page) => listArticles(corpus, { ...params, ...page }),
    (answer) => answer.articles,
    LISTING_ORDER[params.sort],
  )
  return { total, offset: params.offset, limit: params.limit, articles: items }
}
