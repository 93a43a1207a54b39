import MiniSearch, { type Query, type SearchResult } from 'minisearch'
import type { StoredArticle } from '../article'
import { loadCompactIndex, type CompactIndex } from './compact-index'
import { positionIndex, type SearchCorpus } from './context'
import type { CorpusTables } from './corpus-tables'
import { normalizeFilters, type FacetCounts, type FacetFilters } from './facets'
import { BASE_SEARCH_OPTIONS, INDEX_OPTIONS, RANKING, type SearchDocument } from './options'
import { parseQuery, phrasePattern, type ParsedQuery, type QueryWord } from './query'
import { candidateWords, findMatches, makeSnippet, type CandidateWords, type Range } from './snippet'
import { synonymsOf, synonymWeight } from './synonyms'
import { normalizeWord, processTerm } from './terms'
import { correctQuery, typoCandidates, type TypoCandidate } from './typos'

export type SearchParams = {
  q: string
  limit: number
  offset: number
  from?: string
  to?: string
  sort: 'relevance' | 'date'
  /** Half-life in days of a recency boost on relevance scores, age counted back from `now`. */
  recency?: number
  /** The query's time (YYYY-MM-DD) that recency counts age from: today unless given (tests, replays). */
  now?: string
  /** False: search the query as typed even when a correction would find more (the "search instead for" link). */
  autocorrect?: boolean
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
  /** True when some hits match a query word only by a close spelling of it. */
  typoTolerance?: boolean
  /** The query as corrected, when the query as typed found too little and these are its results ("showing results for …"). */
  correctedQuery?: string
  /** Did you mean: a correction that would find more, when it was not applied (`autocorrect=false`). */
  suggestion?: string
  /** Why nothing was searched, when the query has only stop words ("the"). */
  hint?: string
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

/** How an index term of the query tree stands for a query word: the word itself (or its prefix), a synonym, a typo's correction. */
type Source = { word: number; how: 'exact' | 'synonym' | 'typo' }

/** One run of a query: its results (and those passing the facet filters), and how many of those have every word as typed. */
type Attempt = { query: ParsedQuery; sources: Map<string, Source>; results: Result[]; filtered: Result[]; withEveryWord: number }

export const STOP_WORDS_HINT = 'Only common words (such as "the" or "of"), which are not searched: add a more specific word, or quote a phrase.'

/**
 * Runs a query: any word may match (a disjunction, as BM25 ranks), an article
 * matching more of the query's words raised by the coordination factor; each
 * word by its stem, its prefix while typed, its synonyms and its close
 * spellings, those at lower weights. When the query as typed has too few
 * articles with every word and a correction of the words the corpus lacks has
 * more, the correction's results are answered (`correctedQuery`). Phrases,
 * exclusions, dates and facet filters always apply. `total` counts every
 * match; facets count the whole result set. Reads the index and the corpus
 * tables; fetches the bodies of the page's hits (and, for a quoted phrase, of
 * the articles that have all its words).
 */
export async function searchArticles(corpus: SearchCorpus, params: SearchParams): Promise<SearchResponse> {
  const { tables } = corpus
  const index = positionIndex(corpus)
  const typed = parseQuery(params.q)
  const filters = normalizeFilters(params.filters ?? {})
  const phrases = typed.phrases.map(phrasePattern)
  const accepts = await candidateFilter(corpus, typed, phrases, params)
  const failsFilters = tables.facets.check(filters)
  const candidates = new Map<QueryWord, TypoCandidate[]>()
  const candidatesOf = (word: QueryWord) => {
    let found = candidates.get(word)
    if (!found) candidates.set(word, (found = typoCandidates(tables.lexicon, word, typed.words.length)))
    return found
  }
  const run = (query: ParsedQuery): Attempt => {
    const { tree, sources } = toMiniSearchQuery(query, candidatesOf)
    const results = index.search(tree, { ...BASE_SEARCH_OPTIONS, filter: (result) => accepts(result.id as number) }) as Result[]
    coordinate(results, sources, query.words.length)
    const filtered = filters.length === 0 ? results : results.filter((result) => failsFilters(result.id) === 0)
    const everyWord = (result: Result) => new Set(result.queryTerms.filter((term) => sources.get(term)?.how === 'exact').map((term) => sources.get(term)!.word)).size === query.words.length
    return { query, sources, results, filtered, withEveryWord: filtered.filter(everyWord).length }
  }

  let attempt = run(typed)
  let correctedQuery: string | undefined
  let suggestion: string | undefined
  if (attempt.withEveryWord < RANKING.fewResults) {
    const articlesWith = (terms: readonly string[]) => index.search({ combineWith: 'AND', queries: [...terms] }, EXACT_TERMS).length
    const corrected = correctQuery(params.q, typed, candidatesOf, tables.lexicon, articlesWith)
    const retry = corrected === undefined ? undefined : run(parseQuery(corrected))
    if (retry && retry.withEveryWord > attempt.withEveryWord) {
      if (params.autocorrect === false) suggestion = corrected
      else [attempt, correctedQuery] = [retry, corrected]
    }
  }

  const ranked = rank(tables, attempt.filtered, params)
  const page = ranked.slice(params.offset, params.offset + params.limit)
  const facets = tables.facets.count(
    attempt.results.map((result) => result.id),
    filters,
    params.facetLimit ?? DEFAULT_FACET_LIMIT,
  )
  const bodies = await corpus.articlesById(page.map((result) => tables.ids[result.id]!))
  const highlightable = candidateWords(new Set(page.flatMap((result) => result.terms)))
  const hits = page.map((result) => toHit(bodies.get(tables.ids[result.id]!)!, attempt, phrases, highlightable, result))
  const typoTolerance = page.some((result) => onlyByTypo(result, attempt))
  const onlyStopWords = typed.words.length === 0 && typed.phrases.length === 0 && !hasExclusions(typed)
  return {
    query: params.q,
    total: ranked.length,
    offset: params.offset,
    limit: params.limit,
    hits,
    facets,
    ...(typoTolerance ? { typoTolerance } : {}),
    ...(correctedQuery ? { correctedQuery } : {}),
    ...(suggestion ? { suggestion } : {}),
    ...(onlyStopWords ? { hint: STOP_WORDS_HINT } : {}),
  }
}

/**
 * The coordination factor, soft: a score times (matched words / query
 * words)^RANKING.coordination, so an article with more of the query's words
 * ranks higher without every partial match falling below every full one.
 * (MiniSearch's own factor multiplies by the number of matched terms, which
 * counts a word's synonyms and typos as more words: undone here.)
 */
function coordinate(results: Result[], sources: ReadonlyMap<string, Source>, words: number): void {
  for (const result of results) {
    const matched = new Set(result.queryTerms.map((term) => sources.get(term)?.word)).size
    result.score = (result.score / Math.max(1, result.queryTerms.length)) * (matched / Math.max(1, words)) ** RANKING.coordination
  }
}

/** Whether an article matches some query word only by a close spelling of it. */
function onlyByTypo(result: Result, attempt: Attempt): boolean {
  const how = new Map<number, Source['how']>()
  for (const term of result.queryTerms) {
    const source = attempt.sources.get(term)
    if (source && how.get(source.word) !== 'exact') how.set(source.word, source.how === 'typo' && how.has(source.word) ? how.get(source.word)! : source.how)
  }
  return [...how.values()].includes('typo')
}

/**
 * The index terms a word matches. A word still being typed matches the terms
 * that begin with what was typed, not with its stem ("res" stems to "re",
 * which begins nearly every article's words), or, if it is already whole,
 * its stem ("running" is indexed as "run").
 */
function wordQuery(word: QueryWord): Query {
  const typed = normalizeWord(word.text)
  if (!word.prefix || typed === word.term) return { queries: [word.term], prefix: word.prefix }
  return { combineWith: 'OR', queries: [{ queries: [typed], prefix: true }, { queries: [word.term], prefix: false }] }
}

/**
 * Any word may match (OR). Each word is its term (prefix-matched if still
 * being typed) or, at lower weights, one of its synonyms or of its close
 * spellings in the corpus (`typoCandidates`: Damerau distance, which
 * MiniSearch's own `fuzzy` does not count, so they are explicit terms).
 * Without words (only phrases of stop words, or only exclusions) every
 * article is a candidate. `sources` maps each term back to its word.
 */
function toMiniSearchQuery(query: ParsedQuery, candidatesOf: (word: QueryWord) => readonly TypoCandidate[]): { tree: Query; sources: Map<string, Source> } {
  const sources = new Map<string, Source>()
  const source = (term: string, word: number, how: Source['how']) => {
    const known = sources.get(term)
    if (!known || (how === 'exact' && known.how !== 'exact')) sources.set(term, { word, how })
  }
  if (query.words.length === 0) {
    return { tree: query.phrases.length > 0 || hasExclusions(query) ? MiniSearch.wildcard : { queries: [] }, sources }
  }
  const queries = query.words.map((word, i): Query => {
    source(word.term, i, 'exact')
    if (word.prefix) source(normalizeWord(word.text), i, 'exact')
    if (word.quoted) return wordQuery(word)
    const alternatives: Query[] = [wordQuery(word)]
    const synonyms = synonymsOf(word.term)
    if (synonyms.length > 0) alternatives.push({ queries: [...synonyms], boostTerm: (term) => synonymWeight(word.term, term) })
    for (const synonym of synonyms) source(synonym, i, 'synonym')
    const typos = candidatesOf(word)
    const weights = new Map(typos.map((typo) => [typo.term, RANKING.typoWeight / typo.distance]))
    if (typos.length > 0) alternatives.push({ queries: typos.map((typo) => typo.term), boostTerm: (term) => weights.get(term) ?? 0 })
    for (const typo of typos) source(typo.term, i, 'typo')
    return alternatives.length === 1 ? alternatives[0]! : { combineWith: 'OR', queries: alternatives }
  })
  return { tree: { combineWith: 'OR', queries }, sources }
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
 * Relevance order, optionally raised for recent articles; or newest first.
 * The recency boost is a score times 1 + 0.5^(age / half-life), age in days
 * before the query's time (`now`, today by default; no negative ages): a new
 * article counts up to twice, an old one keeps its relevance (a plain decay
 * would bring every article of an old corpus to 0 and leave date order).
 */
function rank(tables: CorpusTables, results: Result[], params: SearchParams): Result[] {
  if (params.sort === 'date') return [...results].sort((a, b) => compareByDate(tables.dates, a, b))
  let scored = results
  if (params.recency !== undefined) {
    const now = params.now === undefined ? Date.now() : Date.parse(params.now)
    const halfLife = params.recency
    const boost = (date: string | undefined) => (date === undefined ? 1 : 1 + 0.5 ** (Math.max(0, now - Date.parse(date)) / DAY_MS / halfLife))
    scored = results.map((result) => ({ ...result, score: result.score * boost(tables.dates[result.id]) }))
  }
  return [...scored].sort((a, b) => b.score - a.score)
}

function toHit(article: StoredArticle, attempt: Attempt, phrases: readonly RegExp[], highlightable: CandidateWords | undefined, result: Result): SearchHit {
  const terms = new Set(result.terms)
  const anchors = phrases.length > 0 ? findMatches(article.text, new Set(), phrases, undefined) : []
  const { snippet, highlights } = makeSnippet(article.text, findMatches(article.text, terms, phrases, highlightable), anchors)
  return {
    id: article.id,
    title: article.title,
    ...(article.date ? { date: article.date } : {}),
    ...(article.url ? { url: article.url } : {}),
    score: Math.round(result.score * 1000) / 1000,
    snippet,
    highlights: { title: findMatches(article.title, terms, phrases, highlightable), snippet: highlights },
    terms: matchedWords(attempt, result.queryTerms),
  }
}

/** The query words behind the matched query terms (a synonym's or a typo's match counts for the word it stands in for). */
function matchedWords(attempt: Attempt, queryTerms: readonly string[]): string[] {
  const words = new Set(queryTerms.map((term) => attempt.sources.get(term)?.word))
  return [...new Set(attempt.query.words.filter((_, i) => words.has(i)).map((word) => word.text.toLowerCase()))]
}

/** Newest first; undated articles last; ties keep relevance order. */
function compareByDate(dates: readonly (string | undefined)[], a: Result, b: Result): number {
  const dateA = dates[a.id] ?? ''
  const dateB = dates[b.id] ?? ''
  return dateA === dateB ? b.score - a.score : dateA < dateB ? 1 : -1
}
