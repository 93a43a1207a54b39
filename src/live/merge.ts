import type { RelatedArticle, StoredArticle } from '../article'
import { FactCatalog, type FactPage, type FactQuery } from '../corpus-services/fact-catalog'
import { listArticles, listingOrder, type ListingParams, type ListingResponse } from '../search/listing'
import { rankOrder, type SearchCoordinator } from '../search/coordinator'
import { MAX_RELATED, relatedArticles } from '../search/related'
import { hitsOf, rankArticles, type RankedMatch, type RankedSearch, type SearchHit, type SearchParams, type SearchResponse } from '../search/search'
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

export async function searchOneCorpus(view: LiveView, params: SearchParams): Promise<SearchResponse> {
  const parts = partsOf(view)
  if (parts.length === 1) {
    const { matches, ...answer } = await rankArticles(view.base, params)
    return { ...answer, offset: params.offset, limit: params.limit, hits: await hitsOf(view.base, params.q, matches.slice(params.offset, params.offset + params.limit)) }
  }
  // Each part ranks its own articles, taking every count-dependent decision (typo tolerance, the any-word
  // fallback, totals, facets, the recency decay's oldest match) over the whole corpus, as the shards do.
  const together = new Together(parts.length)
  const facets = joinedFacetsOf(view)
  const firstPositions = [0, view.base.tables.ids.length]
  const answers = await Promise.all(parts.map((part, p) => rankArticles(part, params, { coordinator: partCoordinator(together, p, firstPositions[p]!, facets) })))
  const order = rankOrder(params.sort)
  const merged = answers.flatMap((answer, part) => answer.matches.map((match) => ({ match, part }))).sort((a, b) => order(a.match.key, b.match.key))
  const hits = await hitsByPart(parts, params.q, merged.slice(params.offset, params.offset + params.limit))
  const [first] = answers as [RankedSearch, ...RankedSearch[]]
  // A correction is offered when every part offers one (each corrects from its own words).
  const suggestion = answers.every((answer) => answer.suggestion !== undefined) ? first.suggestion : undefined
  return {
    query: params.q,
    total: first.total,
    offset: params.offset,
    limit: params.limit,
    hits,
    facets: first.facets,
    ...(first.fallback ? { fallback: first.fallback } : {}),
    ...(first.typoTolerance ? { typoTolerance: true } : {}),
    ...(suggestion ? { suggestion } : {}),
  }
}

/** The base's and the live part's facet values as one, per version of the one corpus. */
const joinedFacets = new WeakMap<LiveView, JoinedFacets>()

function joinedFacetsOf(view: LiveView): JoinedFacets {
  let found = joinedFacets.get(view)
  if (!found) joinedFacets.set(view, (found = new JoinedFacets([view.base.tables.facets, view.live!.tables.facets])))
  return found
}

/**
 * One search's steps over the parts: each part hands in its figure and gets
 * the combined one once every part has (the parts run concurrently in this
 * isolate, and ask for the same steps in the same order: see `SearchCoordinator`).
 */
class Together {
  private readonly steps = new Map<string, { values: unknown[]; arrived: number; done: Promise<unknown>; resolve: (value: unknown) => void }>()

  constructor(private readonly parts: number) {}

  step<T, R>(name: string, part: number, value: T, combine: (values: T[]) => R): Promise<R> {
    let step = this.steps.get(name)
    if (!step) {
      let resolve!: (value: unknown) => void
      const done = new Promise<unknown>((settle) => (resolve = settle))
      this.steps.set(name, (step = { values: [], arrived: 0, done, resolve }))
    }
    step.values[part] = value
    if (++step.arrived === this.parts) step.resolve(combine(step.values as T[]))
    return step.done as Promise<R>
  }
}

/** Part `part`'s coordinator: its figures combined with the other parts' (the base is part 0, its documents first in the corpus order). */
function partCoordinator(together: Together, part: number, firstPosition: number, facets: JoinedFacets): SearchCoordinator {
  return {
    firstPosition,
    sum: (step, local) => together.step(`sum:${step}`, part, local, (values) => values.reduce((a, b) => a + b, 0)),
    max: (step, local) => together.step(`max:${step}`, part, local, (values) => Math.max(...values)),
    unknownWords: (local) => together.step('unknown', part, [...local], (lists) => lists.reduce((all, mine) => all.filter((at) => mine.includes(at)))),
    // Each part already carries the whole corpus's newest date (one-corpus.ts).
    newestDate: (local) => local,
    page: () => Promise.reject(new Error('the parts of the one corpus are paged by searchOneCorpus')),
    facets: (_table, docs, filters, limit) => together.step('facets', part, docs, (all) => facets.count([all[0]!, all[1]!], filters, limit)),
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
  const [base, live] = await Promise.all([baseCatalog.query({ ...window, hidden }), liveCatalog.query(window)])
  const articleOrder = (a: FactPage['facts'][number], b: FactPage['facts'][number]) =>
    (b.article.date ?? '').localeCompare(a.article.date ?? '') || a.article.id.localeCompare(b.article.id)
  // A stable sort keeps each article's facts in their catalogue order.
  const facts = [...base.facts, ...live.facts].sort(articleOrder).slice(query.offset, query.offset + query.limit)
  return { total: base.total + live.total, offset: query.offset, limit: query.limit, facts }
}
