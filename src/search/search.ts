import MiniSearch, { type Query, type SearchResult } from 'minisearch'
import type { StoredArticle } from '../bundle/types'
import { loadCompactIndex, type CompactIndex } from './compact-index'
import { getSearchContext, type SearchContext } from './context'
import { didYouMean } from './did-you-mean'
import { countFacets, normalizeFilters, passesFilters, type FacetCounts, type FacetFilters } from './facets'
import { BASE_SEARCH_OPTIONS, INDEX_OPTIONS, RANKING, type SearchDocument } from './options'
import { parseQuery, phrasePattern, type ParsedQuery, type QueryWord } from './query'
import { candidateWords, findMatches, makeSnippet, type Range } from './snippet'
import { synonymsOf } from './synonyms'

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

/**
 * Runs a query: every word required, exact and prefix matching first; typo
 * tolerance only when that finds too little; any-word matching when nothing
 * has every word. Phrases, exclusions, dates and facet filters always apply.
 * `total` counts every match; facets count the whole result set.
 */
export function searchArticles(
  index: MiniSearch<SearchDocument>,
  articles: ReadonlyMap<string, StoredArticle>,
  params: SearchParams,
): SearchResponse {
  const context = getSearchContext(index, articles)
  const query = parseQuery(params.q)
  const filters = normalizeFilters(params.filters ?? {})
  const phrases = query.phrases.map(phrasePattern)
  const accepts = candidateFilter(context, query, phrases, params)
  const run = (combineWith: 'AND' | 'OR', fuzzy: (word: QueryWord) => boolean) => {
    const results = index.search(toMiniSearchQuery(query, combineWith, fuzzy), {
      ...BASE_SEARCH_OPTIONS,
      filter: (result) => accepts(result.id as string),
    })
    if (!RANKING.coordination) {
      for (const result of results) result.score /= Math.max(1, result.queryTerms.length)
      results.sort((a, b) => b.score - a.score)
    }
    return { results, filtered: results.filter((result) => passesFilters(context.facets.get(result.id as string)!, filters)) }
  }

  const exact = () => false
  let attempt = run('AND', exact)
  const exactCount = attempt.filtered.length
  let typoTolerance = false
  let fallback: SearchResponse['fallback']
  // Only words the corpus does not have get typo tolerance: a known word is taken as meant.
  const unknownWords = exactCount < Math.max(RANKING.typoBelow, RANKING.fewResults) ? wordsNotIndexed(index, query) : new Set<QueryWord>()
  const unknown = (word: QueryWord) => unknownWords.has(word)
  if (exactCount < RANKING.typoBelow && query.words.some((word) => isFuzzyCandidate(word) && unknown(word))) {
    const fuzzy = run('AND', unknown)
    if (fuzzy.filtered.length > exactCount) [attempt, typoTolerance] = [fuzzy, true]
  }
  const typos = typoTolerance ? unknown : exact
  // Articles with every word rank first; when they are too few, articles with some of the words follow.
  const allWords = new Set(attempt.filtered.map((result) => result.id as string))
  if (attempt.filtered.length < RANKING.anyTermBelow && query.words.length > 1) {
    const any = run('OR', typos)
    if (any.filtered.length > attempt.filtered.length) [attempt, fallback] = [any, 'any-term']
  }
  const suggestion = exactCount < RANKING.fewResults && unknownWords.size > 0 ? didYouMean(params.q, query, context.lexicon) : undefined

  const ranked = rank(context, attempt.filtered, allWords, params)
  const page = ranked.slice(params.offset, params.offset + params.limit)
  const candidates = candidateWords(new Set(page.flatMap((result) => result.terms)))
  const hits = page.map((result) => toHit(context, query, phrases, candidates, result))
  const facets = countFacets(
    attempt.results.map((result) => context.facets.get(result.id as string)!),
    filters,
    params.facetLimit ?? DEFAULT_FACET_LIMIT,
  )
  return {
    query: params.q,
    total: ranked.length,
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
  return new Set(query.words.filter((word) => index.search(word.term, { ...BASE_SEARCH_OPTIONS, prefix: word.prefix, fuzzy: false }).length === 0))
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
      const exact: Query = { queries: [word.term], prefix: word.prefix, fuzzy: fuzzy(word) && isFuzzyCandidate(word) ? RANKING.fuzzy : false }
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
function candidateFilter(
  context: SearchContext,
  query: ParsedQuery,
  phrases: readonly RegExp[],
  params: SearchParams,
): (id: string) => boolean {
  const excludedIds = new Set<string>()
  for (const term of query.excluded) {
    for (const result of context.index.search(term, { ...BASE_SEARCH_OPTIONS, prefix: false, fuzzy: false })) excludedIds.add(result.id as string)
  }
  const excludedPhrases = query.excludedPhrases.map(phrasePattern)
  const contains = (article: StoredArticle, pattern: RegExp) => article.title.search(pattern) !== -1 || article.text.search(pattern) !== -1
  const needsText = phrases.length > 0 || excludedPhrases.length > 0
  // Dates come from the corpus tables: a candidate's text is parsed only when a phrase must be checked in it.
  return (id) => {
    if (!context.dates.has(id) || excludedIds.has(id)) return false
    const date = context.dates.get(id)
    if (params.from !== undefined && (date === undefined || date < params.from)) return false
    if (params.to !== undefined && (date === undefined || date > params.to)) return false
    if (!needsText) return true
    const article = context.articles.get(id)!
    return phrases.every((pattern) => contains(article, pattern)) && !excludedPhrases.some((pattern) => contains(article, pattern))
  }
}

/**
 * Relevance order (optionally decayed by age), articles with every word
 * before those with only some; or newest first.
 */
function rank(context: SearchContext, results: SearchResult[], allWords: ReadonlySet<string>, params: SearchParams): SearchResult[] {
  if (params.sort === 'date') return [...results].sort((a, b) => compareByDate(context.dates, a, b))
  let scored = results
  if (params.recency !== undefined && context.newestDate) {
    const newest = Date.parse(context.newestDate)
    const ages = results.map((result) => {
      const date = context.dates.get(result.id as string)
      return date ? (newest - Date.parse(date)) / DAY_MS : undefined
    })
    // Undated articles decay as much as the oldest dated one in the results.
    const oldest = Math.max(0, ...ages.filter((age): age is number => age !== undefined))
    const halfLife = params.recency
    scored = results.map((result, i) => ({ ...result, score: result.score * 0.5 ** ((ages[i] ?? oldest) / halfLife) }))
  }
  const tier = (result: SearchResult) => (allWords.has(result.id as string) ? 0 : 1)
  return [...scored].sort((a, b) => tier(a) - tier(b) || b.score - a.score)
}

function toHit(
  context: SearchContext,
  query: ParsedQuery,
  phrases: readonly RegExp[],
  candidates: RegExp | undefined,
  result: SearchResult,
): SearchHit {
  const article = context.articles.get(result.id as string)!
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

/** Newest first; undated articles last; ties keep relevance order. */
function compareByDate(dates: ReadonlyMap<string, string | undefined>, a: SearchResult, b: SearchResult): number {
  const dateA = dates.get(a.id as string) ?? ''
  const dateB = dates.get(b.id as string) ?? ''
  return dateA === dateB ? b.score - a.score : dateA < dateB ? 1 : -1
}
