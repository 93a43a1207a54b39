import type { RelatedArticle, StoredArticle } from '../article'
import { FactCatalog, mergeFactPages, type FactPage, type FactQuery } from '../corpus-services/fact-catalog'
import { sumFacetCounts } from '../search/facets'
import { listArticles, listingOrder, type ListingParams, type ListingResponse } from '../search/listing'
import { RANKING } from '../search/options'
import { MAX_RELATED, relatedArticles } from '../search/related'
import { hitsOf, matchOrder, rankArticles, type RankedMatch, type SearchHit, type SearchParams, type SearchResponse } from '../search/search'
import { suggest, type Suggestion } from '../search/suggest'
import { suggestIndexOf } from '../search/context'
import { hidesBase, partsOf, type LiveView } from './one-corpus'

/**
 * Every reader over the one corpus of the bundle and the live segment, like a
 * Lucene segment merge at query time: each part answers with the statistics of
 * the whole (one-corpus.ts) and without the base articles the segment hides,
 * the answers are merged in the reader's order, and only then is the page cut
 * and its bodies read. Totals and facet counts are sums over disjoint parts.
 */

/** Facet values each part lists before the sum is cut to the asked limit: all of them. */
const ALL_VALUES = Number.MAX_SAFE_INTEGER

export async function searchOneCorpus(view: LiveView, params: SearchParams): Promise<SearchResponse> {
  const parts = partsOf(view)
  const limit = params.facetLimit ?? 10
  if (parts.length === 1) {
    const { matches, ...answer } = await rankArticles(view.base, params)
    return { ...answer, offset: params.offset, limit: params.limit, hits: await hitsOf(view.base, params.q, matches.slice(params.offset, params.offset + params.limit)) }
  }
  const wide = { ...params, facetLimit: ALL_VALUES }
  let answers = await Promise.all(parts.map((part) => rankArticles(part, wide)))
  // One index would not have fallen back to any-word matches had enough articles, over all parts, every word:
  // a part that fell back answers again without (its facets count its results, so they must be the right ones).
  // (Each part's total counts its matches: all of them have every word unless the part fell back.)
  const withEveryWord = answers.reduce((sum, answer) => sum + (answer.fallback ? answer.matches.filter((match) => match.tier === 0).length : answer.total), 0)
  const fallback = withEveryWord < RANKING.anyTermBelow && answers.some((answer) => answer.fallback)
  if (!fallback) answers = await Promise.all(answers.map((answer, part) => (answer.fallback ? rankArticles(parts[part]!, wide, { anyTerm: false }) : answer)))
  const merged = answers.flatMap((answer, part) => answer.matches.map((match) => ({ match, part }))).sort((a, b) => matchOrder(params.sort)(a.match, b.match))
  const page = merged.slice(params.offset, params.offset + params.limit)
  const hits = await hitsByPart(parts, params.q, page)
  // A correction is offered when no part knows the words: each part offers one only for words it lacks.
  const suggestion = answers.every((answer) => answer.suggestion !== undefined) ? answers[0]!.suggestion : undefined
  return {
    query: params.q,
    total: answers.reduce((sum, answer) => sum + answer.total, 0),
    offset: params.offset,
    limit: params.limit,
    hits,
    facets: sumFacetCounts(
      answers.map((answer) => answer.facets),
      params.filters ?? {},
      limit,
    ),
    ...(fallback ? { fallback: 'any-term' as const } : {}),
    ...(answers.some((answer) => answer.typoTolerance) ? { typoTolerance: true } : {}),
    ...(suggestion ? { suggestion } : {}),
  }
}

/** The page's hits, each built by the part that holds it, in page order. */
async function hitsByPart(parts: readonly LiveView['base'][], q: string, page: readonly { match: RankedMatch; part: number }[]): Promise<SearchHit[]> {
  const built = await Promise.all(parts.map((corpus, part) => hitsOf(corpus, q, page.filter((entry) => entry.part === part).map((entry) => entry.match))))
  const next = parts.map(() => 0)
  return page.map((entry) => built[entry.part]![next[entry.part]!++]!)
}

/** `GET /api/articles` over both parts: each part sorted, merged in the listing's order, then paged. */
export async function listOneCorpus(view: LiveView, params: ListingParams): Promise<ListingResponse> {
  const parts = partsOf(view)
  if (parts.length === 1) return listArticles(view.base, params)
  // Each part lists its first offset + limit: the page can hold no article beyond those of either.
  const window = { ...params, offset: 0, limit: params.offset + params.limit }
  const answers = await Promise.all(parts.map((part) => listArticles(part, window)))
  const articles = answers
    .flatMap((answer) => answer.articles)
    .sort(listingOrder(params.sort))
    .slice(params.offset, params.offset + params.limit)
  return { total: answers.reduce((sum, answer) => sum + answer.total, 0), offset: params.offset, limit: params.limit, articles }
}

/** Articles of the one corpus by id: live first, hidden base articles gone, the others read from the bundle at once. */
export async function articlesOfOneCorpus(view: LiveView, ids: readonly string[]): Promise<Map<string, StoredArticle>> {
  const base = await view.base.articlesById(ids.filter((id) => !hidesBase(view, id)))
  return new Map(ids.flatMap((id) => {
    const article = view.byId.get(id) ?? base.get(id)
    return article ? [[id, article] as const] : []
  }))
}

/** Related articles from every part, best first. */
export function relatedInOneCorpus(view: LiveView, article: StoredArticle, limit: number): RelatedArticle[] {
  return partsOf(view)
    .flatMap((part) => relatedArticles(part, article, MAX_RELATED))
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
}

/**
 * Completions from every part: the same text's counts summed, titles of
 * hidden base articles left out, in the order `suggest` gives (entities,
 * words, titles), most articles first within a kind.
 */
export function suggestInOneCorpus(view: LiveView, q: string, limit: number): Suggestion[] {
  const parts = partsOf(view)
  if (parts.length === 1) return suggest(suggestIndexOf(view.base), q, limit)
  const byText = new Map<string, Suggestion>()
  const kindRank = (suggestion: Suggestion) => (suggestion.kind === 'title' ? 2 : suggestion.kind === 'term' ? 1 : 0)
  for (const [part, corpus] of parts.entries()) {
    for (const suggestion of suggest(suggestIndexOf(corpus), q, limit)) {
      if (part === 0 && suggestion.id !== undefined && hidesBase(view, suggestion.id)) continue
      const key = `${suggestion.kind}:${suggestion.id ?? suggestion.text.toLowerCase()}`
      const found = byText.get(key)
      byText.set(key, found ? { ...found, count: found.count + suggestion.count } : suggestion)
    }
  }
  return [...byText.values()].sort((a, b) => kindRank(a) - kindRank(b) || b.count - a.count).slice(0, limit)
}

/** The live articles' fact catalogue, built once per view. */
const liveCatalogs = new WeakMap<LiveView, FactCatalog>()

/**
 * `GET /api/facts` over the bundle's catalogue (without hidden articles) and
 * the live articles' facts, newest article first as in the catalogue.
 */
export async function factsInOneCorpus(view: LiveView, baseCatalog: FactCatalog, query: FactQuery): Promise<FactPage> {
  const hidden = (id: string) => hidesBase(view, id)
  if (view.byId.size === 0) return baseCatalog.query({ ...query, hidden })
  let liveCatalog = liveCatalogs.get(view)
  if (!liveCatalog) liveCatalogs.set(view, (liveCatalog = FactCatalog.ofArticles([...view.byId.values()])))
  const window = { ...query, offset: 0, limit: query.offset + query.limit }
  return mergeFactPages(await Promise.all([baseCatalog.query({ ...window, hidden }), liveCatalog.query(window)]), query)
}
