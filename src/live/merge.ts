import type { RelatedArticle, StoredArticle } from '../article'
import { FactCatalog, mergeFactPages, type FactPage, type FactQuery } from '../corpus-services/fact-catalog'
import type { SearchCoordinator } from '../search/coordinator'
import type { FacetCounts } from '../search/facets'
import { Gather } from '../search/gather'
import { listArticles, listingOrder, type ListingParams, type ListingResponse } from '../search/listing'
import { MAX_RELATED, relatedArticles, roundedScores } from '../search/related'
import { searchArticles, type SearchParams, type SearchResponse } from '../search/search'
import { suggest, type Suggestion } from '../search/suggest'
import { suggestIndexOf } from '../search/context'
import { JoinedFacets } from './joined-facets'
import { hidesBase, partsOf, type LiveView } from './one-corpus'

/**
 * Every reader over the one corpus of the bundle and the live segment, like a
 * Lucene segment merge at query time: each part answers with the statistics of
 * the whole (one-corpus.ts) and without the base articles the segment hides,
 * the answers are merged in the reader's order, and only then is the page cut
 * and its bodies read. Totals and facet counts are sums over disjoint parts.
 */

/**
 * A search over the parts as over one index: each part searches its own
 * articles and takes the corpus-wide decisions (known words, corrections,
 * the page, facet counts) together with the other through an in-process
 * gathering, the same one a sharded build's front runs over its shards. The
 * facets are the one exception: rather than each part tallying every value
 * it has (by name) for the gathering to add up, both parts' matches are
 * counted at once over one numbering of their values (joined-facets.ts).
 */
export async function searchOneCorpus(view: LiveView, params: SearchParams): Promise<SearchResponse> {
  const parts = partsOf(view)
  if (parts.length === 1) return searchArticles(view.base, params)
  const gather = new Gather(parts.length, params)
  const facets = facetsTogether(joinedFacetsOf(view))
  const firstPositions = parts.map((_, part) => parts.slice(0, part).reduce((sum, corpus) => sum + corpus.tables.ids.length, 0))
  const answers = await Promise.all(
    parts.map((corpus, part) =>
      searchArticles(corpus, params, { coordinator: { ...gather.coordinator(part, firstPositions[part]!), facets: facets(part) } }).catch((error: unknown) => {
        // The other part would wait at the next step for this one: stop it too.
        gather.abort(error as Error)
        throw error
      }),
    ),
  )
  return gather.answer(answers)
}

/** The base's and the live part's facet values as one, per version of the one corpus. */
const joinedFacets = new WeakMap<LiveView, JoinedFacets>()

function joinedFacetsOf(view: LiveView): JoinedFacets {
  let found = joinedFacets.get(view)
  if (!found) joinedFacets.set(view, (found = new JoinedFacets([view.base.tables.facets, view.live!.tables.facets])))
  return found
}

/** One search's facet step: each part hands in its matches; once both have, both get the counts over the two. */
function facetsTogether(joined: JoinedFacets): (part: number) => SearchCoordinator['facets'] {
  const docs: ArrayLike<number>[] = []
  let arrived = 0
  let resolve!: (counts: FacetCounts) => void
  const done = new Promise<FacetCounts>((settle) => (resolve = settle))
  return (part) => (_table, matches, filters, limit) => {
    docs[part] = matches.toArray()
    if (++arrived === 2) resolve(joined.count([docs[0]!, docs[1]!], filters, limit))
    return done
  }
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
  return new Map(
    ids.flatMap((id) => {
      const article = view.byId.get(id) ?? base.get(id)
      return article ? [[id, article] as const] : []
    }),
  )
}

/** Related articles from every part, best first. */
export function relatedInOneCorpus(view: LiveView, article: StoredArticle, limit: number): RelatedArticle[] {
  return roundedScores(
    partsOf(view)
      .flatMap((part) => relatedArticles(part, article, MAX_RELATED))
      .sort((a, b) => b.score - a.score)
      .slice(0, limit),
  )
}

/**
 * Completions from every part: the same text's counts summed, titles of
 * hidden base articles left out, in the order `suggest` gives (entities,
 * words, titles), most articles first within a kind.
 */
export function suggestInOneCorpus(view: LiveView, q: string, limit: number): Suggestion[] {
  const parts = partsOf(view)
  if (parts.length === 1) return suggest(suggestIndexOf(view.base), q, limit)
  return mergePartSuggestions(
    parts.map((corpus) => suggest(suggestIndexOf(corpus), q, limit)),
    (id) => hidesBase(view, id),
    limit,
  )
}

/**
 * The base's completions and the live part's (each cut to `limit`) as one
 * list: the same text's counts summed, titles of hidden base articles left
 * out, entities, then words, then titles, most articles first within a kind.
 * A sharded front merges its shards' base list with its live part's here too.
 */
export function mergePartSuggestions(lists: readonly (readonly Suggestion[])[], hiddenInBase: (id: string) => boolean, limit: number): Suggestion[] {
  const byText = new Map<string, Suggestion>()
  const kindRank = (suggestion: Suggestion) => (suggestion.kind === 'title' ? 2 : suggestion.kind === 'term' ? 1 : 0)
  for (const [part, suggestions] of lists.entries()) {
    for (const suggestion of suggestions) {
      if (part === 0 && suggestion.id !== undefined && hiddenInBase(suggestion.id)) continue
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
