import MiniSearch, { type Query } from 'minisearch'
import type { StoredArticle } from '../article'
import { loadCompactIndex, type CompactIndex } from './compact-index'
import { positionIndex, type SearchCorpus } from './context'
import type { CorpusTables } from './corpus-tables'
import { didYouMean } from './did-you-mean'
import { normalizeFilters, type FacetFilters } from './facets'
import { BASE_SEARCH_OPTIONS, INDEX_OPTIONS, RANKING, type SearchDocument } from './options'
import { parseQuery, phrasePattern, type ParsedQuery, type QueryWord } from './query'
import { candidateWords, findMatches, makeSnippet } from './snippet'
import { ONE_CORPUS, type RankKey, type SearchCoordinator } from './coordinator'
import type { SearchHit, SearchResponse } from './response-schema'
import { synonymsOf } from './synonyms'
import { MatchSet } from './topk/match-set'
import { prepareSearch, type PreparedSearch, type RankedResult, type TopKResult } from './topk/evaluate'
import { withTermCache } from './topk/term-cache'
import { normalizeWord, processTerm } from './terms'

export type SearchParams = {
  q: string
  limit: number
  offset: number
  from?: string
  to?: string
  sort: 'relevance' | 'date'
  /** Half-life in days of a recency decay on relevance scores (relative to the newest article). */
  recency?: number
  filters?: FacetFilters
  /** How many values each facet lists (the most frequent). */
  facetLimit?: number
}

// The answer's types are inferred from its schema (response-schema.ts); exported here beside the function that answers.
export type { SearchHit, SearchResponse }

const DEFAULT_FACET_LIMIT = 10
const DAY_MS = 86_400_000

export function toSearchDocument(article: StoredArticle): SearchDocument {
  return {
    id: article.id,
    title: article.title,
    entities: article.facts.entities.map((entity) => entity.name).join(' · '),
    text: article.text,
  }
}

export function buildIndex(articles: readonly StoredArticle[]): MiniSearch<SearchDocument> {
  const index = new MiniSearch<SearchDocument>(INDEX_OPTIONS)
  index.addAll(articles.map(toSearchDocument))
  return index
}

/** The index as the bundle stores it (compact-index.ts), searchable again with the same options. */
export function loadIndex(data: CompactIndex): MiniSearch<SearchDocument> {
  return loadCompactIndex(data, INDEX_OPTIONS)
}

/** A MiniSearch result whose `id` is the article's position (short id): see `positionIndex`. */
type Result = TopKResult & { id: number }

/** One evaluation of the query: its match set (dates, exclusions and phrases applied) and the part facet filters keep. */
type Attempt = { search: PreparedSearch; filtered: MatchSet }

/**
 * `exhaustive` scores every match instead of only the page's candidates (the
 * bench's and the differential test's baseline); `coordinator` takes the
 * decisions that depend on counts over the whole corpus (a shard's, see
 * coordinator.ts; one index is its own).
 */
export type SearchEngineOptions = { exhaustive?: boolean; coordinator?: SearchCoordinator }

/**
 * Runs a query: every word required, exact and prefix matching first; typo
 * tolerance only when that finds too little; any-word matching when nothing
 * has every word. Phrases, exclusions, dates and facet filters always apply.
 * `total` counts every match and facets count the whole result set, from the
 * match set without scoring it; only the page's candidates are scored
 * (src/search/topk). Reads the index and the corpus tables; fetches the
 * bodies of the page's hits (and, for a quoted phrase, of the articles that
 * have all its words).
 */
export async function searchArticles(corpus: SearchCorpus, params: SearchParams, options: SearchEngineOptions = {}): Promise<SearchResponse> {
  const { matches, ...answer } = await rankArticles(corpus, params, options)
  const onPage = await (options.coordinator ?? ONE_CORPUS).page(
    matches.map((match) => match.key),
    params,
  )
  const hits = await hitsOf(corpus, params.q, onPage.map((at) => matches[at]!))
  return { ...answer, offset: params.offset, limit: params.limit, hits }
}

/**
 * One match of a query, ranked but not yet shown: what a merge of several
 * corpora (the shards of one index, or the bundle and the live segment)
 * orders and pages before any article body is read.
 */
export type RankedMatch = {
  id: string
  date: string | undefined
  /** Relevance, decayed by age when `recency` is asked for: the score it was ranked by. */
  score: number
  /** 0: the article has every query word; 1: only some (the any-term fallback). */
  tier: 0 | 1
  /** Index terms matched (for highlighting) and the query terms behind them. */
  terms: string[]
  queryTerms: string[]
  /** What orders it among the whole corpus's matches (coordinator.ts). */
  key: RankKey
}

/** A search answer before its page of hits is built: the first `offset + limit` matches in rank order, and the total. */
// Pick, not Omit: the schema's inferred type may carry an index signature, which Omit would reduce the type to.
export type RankedSearch = Pick<SearchResponse, 'query' | 'total' | 'facets' | 'fallback' | 'typoTolerance' | 'suggestion'> & { matches: RankedMatch[] }

/**
 * The first `offset + limit` matches of a query, in rank order, with the total, facets and flags; reads no
 * article body but for quoted phrases. `anyTerm: false` forbids the any-word fallback: a part of a larger
 * corpus whose other parts have enough articles with every word (src/live/merge.ts).
 */
export async function rankArticles(
  corpus: SearchCorpus,
  params: SearchParams,
  { exhaustive = false, coordinator = ONE_CORPUS, anyTerm = true }: SearchEngineOptions & { anyTerm?: boolean } = {},
): Promise<RankedSearch> {
  const { tables } = corpus
  const index = withTermCache(positionIndex(corpus))
  const query = parseQuery(params.q)
  const filters = normalizeFilters(params.filters ?? {})
  const phrases = query.phrases.map(phrasePattern)
  const accepts = await candidateFilter(corpus, query, phrases, params)
  const failsFilters = tables.facets.check(filters)
  const run = (combineWith: 'AND' | 'OR', fuzzy: (word: QueryWord) => boolean): Attempt => {
    const search = prepareSearch(index, toMiniSearchQuery(query, combineWith, fuzzy), {
      ...BASE_SEARCH_OPTIONS,
      accept: accepts,
      coordination: RANKING.coordination,
      exhaustive,
    })
    return { search, filtered: filters.length === 0 ? search.matches : search.matches.copy().retain((doc) => failsFilters(doc) === 0) }
  }

  const exact = () => false
  // Every decision below is taken on counts over the whole corpus (the coordinator adds up the shards'), so
  // every shard of a sharded corpus takes the same branch and its documents are ranked as in one index.
  let attempt = run('AND', exact)
  let attemptCount = await coordinator.sum('exact', attempt.filtered.count)
  const exactCount = attemptCount
  let typoTolerance = false
  let fallback: SearchResponse['fallback']
  // Only words the corpus does not have get typo tolerance: a known word is taken as meant.
  const unknownWords =
    exactCount < Math.max(RANKING.typoBelow, RANKING.fewResults) ? await globallyUnknown(coordinator, query, wordsNotIndexed(index, query)) : new Set<QueryWord>()
  const unknown = (word: QueryWord) => unknownWords.has(word)
  if (exactCount < RANKING.typoBelow && query.words.some((word) => isFuzzyCandidate(word) && unknown(word))) {
    const fuzzy = run('AND', unknown)
    const fuzzyCount = await coordinator.sum('typo', fuzzy.filtered.count)
    if (fuzzyCount > exactCount) [attempt, attemptCount, typoTolerance] = [fuzzy, fuzzyCount, true]
  }
  const typos = typoTolerance ? unknown : exact
  // Articles with every word rank first; when they are too few, articles with some of the words follow.
  let allWords: MatchSet | undefined
  if (anyTerm && attemptCount < RANKING.anyTermBelow && query.words.length > 1) {
    const any = run('OR', typos)
    const anyCount = await coordinator.sum('any-term', any.filtered.count)
    if (anyCount > attemptCount) [allWords, attempt, fallback] = [attempt.filtered, any, 'any-term']
  }
  const suggestion = exactCount < RANKING.fewResults && unknownWords.size > 0 ? didYouMean(params.q, query, tables.lexicon) : undefined

  const ranked = await rankPage(corpus, attempt, allWords, params, coordinator)
  const [total, facets] = await Promise.all([
    coordinator.sum('total', attempt.filtered.count),
    coordinator.facets(tables.facets, attempt.search.matches.toArray(), filters, params.facetLimit ?? DEFAULT_FACET_LIMIT),
  ])
  const matches = ranked.map(
    ({ result, key }): RankedMatch => ({
      id: tables.ids[result.id]!,
      date: tables.dates[result.id],
      score: key.score,
      tier: key.tier === 0 ? 0 : 1,
      terms: result.terms,
      queryTerms: result.queryTerms,
      key,
    }),
  )
  return {
    query: params.q,
    total,
    matches,
    facets,
    ...(fallback ? { fallback } : {}),
    ...(typoTolerance ? { typoTolerance } : {}),
    ...(suggestion && suggestion !== params.q ? { suggestion } : {}),
  }
}

/** The hits (snippets, highlights) of some matches of the query `q` in this corpus: only their bodies are fetched. */
export async function hitsOf(corpus: SearchCorpus, q: string, matches: readonly RankedMatch[]): Promise<SearchHit[]> {
  const query = parseQuery(q)
  const phrases = query.phrases.map(phrasePattern)
  const bodies = await corpus.articlesById(matches.map((match) => match.id))
  const candidates = candidateWords(new Set(matches.flatMap((match) => match.terms)))
  return matches.map((match) => toHit(bodies.get(match.id)!, query, phrases, candidates, match))
}

/**
 * The order of matches across the parts of one corpus (each part's own is the engine's): by relevance,
 * articles with every word first; or newest first (undated last), ties in relevance order.
 */
export function matchOrder(sort: SearchParams['sort']): (a: RankedMatch, b: RankedMatch) => number {
  if (sort === 'date') return (a, b) => (a.date === b.date ? b.score - a.score : (a.date ?? '') < (b.date ?? '') ? 1 : -1)
  return (a, b) => a.tier - b.tier || b.score - a.score
}

/** The query's words no article has (as a prefix, for the word being typed): one index lookup each. */
function wordsNotIndexed(index: MiniSearch<SearchDocument>, query: ParsedQuery): Set<QueryWord> {
  return new Set(query.words.filter((word) => prepareSearch(index, wordQuery(word, false), BASE_SEARCH_OPTIONS).matches.count === 0))
}

/** The words no article of the whole corpus has: those no shard has. */
async function globallyUnknown(coordinator: SearchCoordinator, query: ParsedQuery, local: ReadonlySet<QueryWord>): Promise<Set<QueryWord>> {
  const positions = await coordinator.unknownWords(query.words.flatMap((word, at) => (local.has(word) ? [at] : [])))
  return new Set(positions.map((at) => query.words[at]!))
}

/**
 * The index terms a word matches. A word still being typed matches the terms
 * that begin with what was typed, not with its stem ("res" stems to "re",
 * which begins nearly every article's words), or, if it is already whole,
 * its stem ("running" is indexed as "run").
 */
function wordQuery(word: QueryWord, fuzzy: number | false): Query {
  const typed = normalizeWord(word.text)
  if (!word.prefix || typed === word.term) return { queries: [word.term], prefix: word.prefix, fuzzy }
  return { combineWith: 'OR', queries: [{ queries: [typed], prefix: true, fuzzy }, { queries: [word.term], prefix: false, fuzzy }] }
}

/** Whether typo tolerance applies to a word: long enough, and not quoted. */
const isFuzzyCandidate = (word: QueryWord) =>
  RANKING.fuzzy > 0 && !word.quoted && word.term.length >= RANKING.fuzzyMinLength

/**
 * Each word is its term (prefix-matched if still being typed, typo-tolerant
 * if `fuzzy` says so) or, at a lower weight, one of its synonyms. Without words (only
 * phrases of stop words, or only exclusions) every article is a candidate.
 */
function toMiniSearchQuery(query: ParsedQuery, combineWith: 'AND' | 'OR', fuzzy: (word: QueryWord) => boolean): Query {
  if (query.words.length === 0) return query.phrases.length > 0 || hasExclusions(query) ? MiniSearch.wildcard : { queries: [] }
  return {
    combineWith,
    queries: query.words.map((word) => {
      const synonyms = synonymsOf(word.term)
      const exact = wordQuery(word, fuzzy(word) && isFuzzyCandidate(word) ? RANKING.fuzzy : false)
      if (synonyms.length === 0 || word.quoted) return exact
      return {
        combineWith: 'OR',
        queries: [exact, { queries: [...synonyms], prefix: false, fuzzy: false, boostTerm: () => RANKING.synonymWeight }],
      }
    }),
  }
}

const hasExclusions = (query: ParsedQuery) => query.excluded.length > 0 || query.excludedPhrases.length > 0

/** The conditions on a candidate that do not depend on ranking: dates, exclusions, phrases. */
async function candidateFilter(
  corpus: SearchCorpus,
  query: ParsedQuery,
  phrases: readonly RegExp[],
  params: SearchParams,
): Promise<(doc: number) => boolean> {
  const { tables } = corpus
  const excluded = new Set<number>()
  for (const term of query.excluded) {
    prepareSearch(positionIndex(corpus), term, EXACT_TERMS).matches.forEach((doc) => excluded.add(doc))
  }
  const hidden = corpus.hidden ?? (() => false)
  const dated = (doc: number) => {
    if (excluded.has(doc) || hidden(doc)) return false
    const date = tables.dates[doc]
    if (params.from !== undefined && (date === undefined || date < params.from)) return false
    return !(params.to !== undefined && (date === undefined || date > params.to))
  }
  if (phrases.length === 0 && query.excludedPhrases.length === 0) return dated
  const failing = await phraseFailures(corpus, query, phrases, dated)
  return (doc) => dated(doc) && !failing.has(doc)
}

const EXACT_TERMS = { ...BASE_SEARCH_OPTIONS, prefix: false, fuzzy: false } as const

/**
 * The articles a quoted phrase rules out: those without a required phrase,
 * those with an excluded one. Only an article that has every word of a phrase
 * can contain it, so only those articles' bodies are fetched and read (all
 * of them for a phrase of stop words only, which the index does not hold).
 */
async function phraseFailures(corpus: SearchCorpus, query: ParsedQuery, phrases: readonly RegExp[], dated: (doc: number) => boolean): Promise<Set<number>> {
  const { tables } = corpus
  const withWords = (words: readonly string[]): number[] => {
    const terms = words.map(processTerm).filter((term): term is string => term !== null)
    if (terms.length === 0) return tables.ids.map((_, doc) => doc)
    return [...prepareSearch(positionIndex(corpus), { combineWith: 'AND', queries: terms }, EXACT_TERMS).matches.toArray()]
  }
  // An article without every word of every required phrase fails; the others are read.
  let mayPass: number[] | undefined
  for (const words of query.phrases) {
    const found = new Set(withWords(words))
    mayPass = (mayPass ?? [...found]).filter((doc) => found.has(doc) && dated(doc))
  }
  const excludedPhrases = query.excludedPhrases.map(phrasePattern)
  const mayBeExcluded = [...new Set(query.excludedPhrases.flatMap(withWords))].filter(dated)
  const read = [...new Set([...(mayPass ?? []), ...mayBeExcluded])]
  const bodies = await corpus.articlesById(read.map((doc) => tables.ids[doc]!))
  const contains = (doc: number, pattern: RegExp) => {
    const article = bodies.get(tables.ids[doc]!)!
    return article.title.search(pattern) !== -1 || article.text.search(pattern) !== -1
  }
  const passing = new Set(mayPass?.filter((doc) => phrases.every((pattern) => contains(doc, pattern))))
  const failing = new Set<number>()
  if (mayPass) for (let doc = 0; doc < tables.ids.length; doc++) if (!passing.has(doc)) failing.add(doc)
  for (const doc of mayBeExcluded) if (excludedPhrases.some((pattern) => contains(doc, pattern))) failing.add(doc)
  return failing
}

/**
 * This corpus's best `offset + limit` results, each with its rank key (the
 * coordinator cuts the page from them; `rankOrder` in coordinator.ts):
 * relevance order (optionally decayed by age), articles with every word
 * (`allWords`) before those with only some; or newest first. Only the
 * candidates for the page are scored.
 */
async function rankPage(
  { tables, newestDate: corpusNewest = tables.newestDate }: SearchCorpus,
  { search, filtered }: Attempt,
  allWords: MatchSet | undefined,
  params: SearchParams,
  coordinator: SearchCoordinator,
): Promise<{ result: Result; key: RankKey }[]> {
  const end = params.offset + params.limit
  const keyOf = ({ result, final }: RankedResult, tier: number) => ({
    result: result as Result,
    key: { tier, score: final, date: tables.dates[result.id as number] ?? '', position: coordinator.firstPosition + (result.id as number) },
  })
  if (params.sort === 'date') return byDate(tables, search, filtered, end).map((ranked) => keyOf(ranked, 0))
  const newestDate = coordinator.newestDate(corpusNewest)
  const factor = params.recency !== undefined && newestDate ? await recencyFactor(tables, filtered, params.recency, newestDate, coordinator) : undefined
  return search
    .topRanked(end, { within: filtered, ...(allWords ? { first: allWords } : {}), ...(factor ? { factor } : {}) })
    .map((ranked) => keyOf(ranked, !allWords || allWords.has(ranked.result.id as number) ? 0 : 1))
}

/**
 * A relevance score's decay with the article's age (relative to the whole
 * corpus's newest article); undated articles decay as much as the oldest dated
 * match of the whole corpus.
 */
async function recencyFactor(tables: CorpusTables, matches: MatchSet, halfLife: number, newestDate: string, coordinator: SearchCoordinator): Promise<(doc: number) => number> {
  const times = dateTimes(tables)
  const newest = Date.parse(newestDate)
  let localOldest = 0
  matches.forEach((doc) => {
    if (tables.dates[doc] !== undefined) localOldest = Math.max(localOldest, (newest - times[doc]!) / DAY_MS)
  })
  const oldest = await coordinator.max('oldest', localOldest)
  return (doc) => 0.5 ** ((tables.dates[doc] === undefined ? oldest : (newest - times[doc]!) / DAY_MS) / halfLife)
}

/**
 * Newest first, undated last; articles of the same date in relevance order.
 * Walks the articles by date and scores only the dates the page reaches.
 */
function byDate(tables: CorpusTables, search: PreparedSearch, matches: MatchSet, end: number): RankedResult[] {
  const order = dateOrder(tables)
  const best: RankedResult[] = []
  for (let at = 0; at < order.length && best.length < end; ) {
    const date = tables.dates[order[at]!]
    const group: number[] = []
    for (; at < order.length && tables.dates[order[at]!] === date; at++) if (matches.has(order[at]!)) group.push(order[at]!)
    best.push(...search.rankScored(group).slice(0, end - best.length))
  }
  return best
}

const dateOrders = new WeakMap<CorpusTables, Uint32Array>()
const parsedDates = new WeakMap<CorpusTables, Float64Array>()

/** Article positions newest first, undated last (computed once per corpus). */
function dateOrder(tables: CorpusTables): Uint32Array {
  let order = dateOrders.get(tables)
  if (!order) {
    const dates = tables.dates
    order = Uint32Array.from(dates.keys()).sort((a, b) => {
      const dateA = dates[a] ?? ''
      const dateB = dates[b] ?? ''
      return dateA === dateB ? a - b : dateA < dateB ? 1 : -1
    })
    dateOrders.set(tables, order)
  }
  return order
}

/** `Date.parse` of each article's date (computed once per corpus). */
function dateTimes(tables: CorpusTables): Float64Array {
  let times = parsedDates.get(tables)
  if (!times) parsedDates.set(tables, (times = Float64Array.from(tables.dates, (date) => (date === undefined ? NaN : Date.parse(date)))))
  return times
}

function toHit(article: StoredArticle, query: ParsedQuery, phrases: readonly RegExp[], candidates: RegExp | undefined, result: RankedMatch): SearchHit {
  const terms = new Set(result.terms)
  const anchors = phrases.length > 0 ? findMatches(article.text, new Set(), phrases, undefined) : []
  const { snippet, highlights } = makeSnippet(article.text, findMatches(article.text, terms, phrases, candidates), anchors)
  return {
    id: article.id,
    title: article.title,
    ...(article.date ? { date: article.date } : {}),
    ...(article.url ? { url: article.url } : {}),
    score: Math.round(result.score * 1000) / 1000,
    snippet,
    highlights: { title: findMatches(article.title, terms, phrases, candidates), snippet: highlights },
    terms: matchedWords(query, result.queryTerms),
  }
}

/** The query words behind the matched query terms (a synonym's match counts for the word it stands in for). */
function matchedWords(query: ParsedQuery, queryTerms: readonly string[]): string[] {
  const matched = new Set(queryTerms)
  const words = query.words.filter((word) => matched.has(word.term) || synonymsOf(word.term).some((synonym) => matched.has(synonym)))
  return [...new Set(words.map((word) => word.text.toLowerCase()))]
}
