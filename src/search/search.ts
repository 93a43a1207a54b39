import MiniSearch, { type Query, type SearchResult } from 'minisearch'
import type { StoredArticle } from '../article'
import { loadCompactIndex, type CompactIndex } from './compact-index'
import { positionIndex, type SearchCorpus } from './context'
import type { CorpusTables } from './corpus-tables'
import { didYouMean } from './did-you-mean'
import { normalizeFilters, type FacetCounts, type FacetFilters } from './facets'
import { BASE_SEARCH_OPTIONS, INDEX_OPTIONS, RANKING, type SearchDocument } from './options'
import { parseQuery, phrasePattern, type ParsedQuery, type QueryWord } from './query'
import { candidateWords, findMatches, makeSnippet, type Range } from './snippet'
import { ONE_CORPUS, rankOrder, type RankKey, type SearchCoordinator } from './coordinator'
import { synonymsOf } from './synonyms'
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

export type SearchHit = {
  id: string
  title: string
  date?: string
  url?: string
  score: number
  snippet: string
  /** Ranges to wrap in `<mark>`: offsets into `title` and into `snippet`. */
  highlights: { title: Range[]; snippet: Range[] }
  /** The query words this article matched (directly, by stem, prefix, typo or synonym). */
  terms: string[]
}

export type SearchResponse = {
  query: string
  total: number
  offset: number
  limit: number
  hits: SearchHit[]
  facets: FacetCounts
  /** `any-term`: too few articles have every word, so articles with some of them follow (most matched words first). */
  fallback?: 'any-term'
  /** True when exact words found too little and typos were forgiven. */
  typoTolerance?: boolean
  /** A corrected query, when this one found nothing or almost nothing and some words are not in the corpus. */
  suggestion?: string
}

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
type Result = SearchResult & { id: number }

/**
 * Runs a query: every word required, exact and prefix matching first; typo
 * tolerance only when that finds too little; any-word matching when nothing
 * has every word. Phrases, exclusions, dates and facet filters always apply.
 * `total` counts every match; facets count the whole result set. Reads the
 * index and the corpus tables; fetches the bodies of the page's hits (and,
 * for a quoted phrase, of the articles that have all its words).
 */
export async function searchArticles(corpus: SearchCorpus, params: SearchParams, coordinator: SearchCoordinator = ONE_CORPUS): Promise<SearchResponse> {
  const { tables } = corpus
  const index = positionIndex(corpus)
  const query = parseQuery(params.q)
  const filters = normalizeFilters(params.filters ?? {})
  const phrases = query.phrases.map(phrasePattern)
  const accepts = await candidateFilter(corpus, query, phrases, params)
  const failsFilters = tables.facets.check(filters)
  const run = (combineWith: 'AND' | 'OR', fuzzy: (word: QueryWord) => boolean) => {
    const results = index.search(toMiniSearchQuery(query, combineWith, fuzzy), {
      ...BASE_SEARCH_OPTIONS,
      filter: (result) => accepts(result.id as number),
    }) as Result[]
    if (!RANKING.coordination) {
      for (const result of results) result.score /= Math.max(1, result.queryTerms.length)
      results.sort((a, b) => b.score - a.score)
    }
    return { results, filtered: filters.length === 0 ? results : results.filter((result) => failsFilters(result.id) === 0) }
  }

  const exact = () => false
  // Every decision below is taken on counts over the whole corpus (the coordinator adds up the shards'), so
  // every shard of a sharded corpus takes the same branch and its documents are ranked as in one index.
  let attempt = run('AND', exact)
  let attemptCount = await coordinator.sum('exact', attempt.filtered.length)
  const exactCount = attemptCount
  let typoTolerance = false
  let fallback: SearchResponse['fallback']
  // Only words the corpus does not have get typo tolerance: a known word is taken as meant.
  const unknownWords =
    exactCount < Math.max(RANKING.typoBelow, RANKING.fewResults) ? await globallyUnknown(coordinator, query, wordsNotIndexed(index, query)) : new Set<QueryWord>()
  const unknown = (word: QueryWord) => unknownWords.has(word)
  if (exactCount < RANKING.typoBelow && query.words.some((word) => isFuzzyCandidate(word) && unknown(word))) {
    const fuzzy = run('AND', unknown)
    const fuzzyCount = await coordinator.sum('typo', fuzzy.filtered.length)
    if (fuzzyCount > exactCount) [attempt, attemptCount, typoTolerance] = [fuzzy, fuzzyCount, true]
  }
  const typos = typoTolerance ? unknown : exact
  // Articles with every word rank first; when they are too few, articles with some of the words follow.
  const allWords = new Set(attempt.filtered.map((result) => result.id))
  if (attemptCount < RANKING.anyTermBelow && query.words.length > 1) {
    const any = run('OR', typos)
    const anyCount = await coordinator.sum('any-term', any.filtered.length)
    if (anyCount > attemptCount) [attempt, fallback] = [any, 'any-term']
  }
  const suggestion = exactCount < RANKING.fewResults && unknownWords.size > 0 ? didYouMean(params.q, query, tables.lexicon) : undefined

  const ranked = await rank(tables, attempt.filtered, allWords, params, coordinator)
  const [total, onPage, facets] = await Promise.all([
    coordinator.sum('total', ranked.length),
    coordinator.page(ranked.slice(0, params.offset + params.limit).map(({ key }) => key), params),
    coordinator.facets(
      tables.facets,
      attempt.results,
      filters,
      params.facetLimit ?? DEFAULT_FACET_LIMIT,
    ),
  ])
  const page = onPage.map((at) => ranked[at]!.result)
  const bodies = await corpus.articlesById(page.map((result) => tables.ids[result.id]!))
  const candidates = candidateWords(new Set(page.flatMap((result) => result.terms)))
  const hits = page.map((result) => toHit(bodies.get(tables.ids[result.id]!)!, query, phrases, candidates, result))
  return {
    query: params.q,
    total,
    offset: params.offset,
    limit: params.limit,
    hits,
    facets,
    ...(fallback ? { fallback } : {}),
    ...(typoTolerance ? { typoTolerance } : {}),
    ...(suggestion && suggestion !== params.q ? { suggestion } : {}),
  }
}

/** The query's words no article has (as a prefix, for the word being typed): one index lookup each. */
function wordsNotIndexed(index: MiniSearch<SearchDocument>, query: ParsedQuery): Set<QueryWord> {
  return new Set(query.words.filter((word) => index.search(wordQuery(word, false), BASE_SEARCH_OPTIONS).length === 0))
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
    for (const result of positionIndex(corpus).search(term, EXACT_TERMS)) excluded.add(result.id as number)
  }
  const dated = (doc: number) => {
    if (excluded.has(doc)) return false
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
    return positionIndex(corpus).search({ combineWith: 'AND', queries: terms }, EXACT_TERMS).map((result) => result.id as number)
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
 * Relevance order (optionally decayed by age), articles with every word
 * before those with only some; or newest first. Each result with its rank key
 * (`rankOrder`: the one order a sharded corpus merges its shards' results by).
 */
async function rank(tables: CorpusTables, results: Result[], allWords: ReadonlySet<number>, params: SearchParams, coordinator: SearchCoordinator): Promise<{ result: Result; key: RankKey }[]> {
  let scores = results.map((result) => result.score)
  const newestDate = coordinator.newestDate(tables.newestDate)
  if (params.sort !== 'date' && params.recency !== undefined && newestDate) {
    const newest = Date.parse(newestDate)
    const ages = results.map((result) => {
      const date = tables.dates[result.id]
      return date ? (newest - Date.parse(date)) / DAY_MS : undefined
    })
    // Undated articles decay as much as the oldest dated one in the results.
    const oldest = await coordinator.max('oldest', Math.max(0, ...ages.filter((age): age is number => age !== undefined)))
    const halfLife = params.recency
    scores = results.map((result, i) => result.score * 0.5 ** ((ages[i] ?? oldest) / halfLife))
  }
  const ranked = results.map((result, i) => ({
    result: { ...result, score: scores[i]! },
    key: { tier: allWords.has(result.id) ? 0 : 1, score: scores[i]!, date: tables.dates[result.id] ?? '', position: coordinator.firstPosition + result.id },
  }))
  const order = rankOrder(params.sort)
  return ranked.sort((a, b) => order(a.key, b.key))
}

function toHit(article: StoredArticle, query: ParsedQuery, phrases: readonly RegExp[], candidates: RegExp | undefined, result: Result): SearchHit {
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
