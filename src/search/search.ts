import MiniSearch, { type Query } from 'minisearch'
import type { StoredArticle } from '../article'
import { loadCompactIndex, type CompactIndex } from './compact-index'
import { positionIndex, type SearchCorpus } from './context'
import type { CorpusTables } from './corpus-tables'
import { normalizeFilters, type FacetFilters } from './facets'
import { BASE_SEARCH_OPTIONS, INDEX_OPTIONS, RANKING, type SearchDocument } from './options'
import { parseQuery, phrasePattern, type ParsedQuery, type QueryWord } from './query'
import { candidateWords, findMatches, makeSnippet, type CandidateWords } from './snippet'
import type { SearchHit, SearchResponse } from './response-schema'
import { synonymsOf, synonymWeight } from './synonyms'
import type { MatchSet } from './topk/match-set'
import { prepareSearch, type PreparedSearch, type TopKOptions, type TopKResult } from './topk/evaluate'
import { withTermCache } from './topk/term-cache'
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

/** `exhaustive` scores every match instead of only the page's candidates (the bench's and the differential test's baseline). */
export type SearchEngineOptions = { exhaustive?: boolean }

/** How an index term of the query tree stands for a query word: the word itself (or its prefix), a synonym, a typo's correction. */
type Source = { word: number; how: 'exact' | 'synonym' | 'typo' }

/**
 * One evaluation of a query: its match set (dates, exclusions and phrases
 * applied), the part facet filters keep, and how many of those have every
 * word as typed.
 */
type Attempt = { query: ParsedQuery; sources: Map<string, Source>; search: PreparedSearch; filtered: MatchSet; everyWord: MatchSet | undefined; withEveryWord: number }

export const STOP_WORDS_HINT = 'Only common words (such as "the" or "of"), which are not searched: add a more specific word, or quote a phrase.'

/**
 * Runs a query: any word may match (a disjunction, as BM25 ranks), an article
 * matching more of the query's words raised by the coordination factor (for
 * a query of more than `RANKING.shortQueryWords` words, the articles with
 * every word as typed rank first, the others by plain BM25); each
 * word by its stem, its prefix while typed, its synonyms and its close
 * spellings, those at lower weights. When the query as typed has too few
 * articles with every word and a correction of the words the corpus lacks has
 * more, the correction's results are answered (`correctedQuery`). Phrases,
 * exclusions, dates and facet filters always apply. `total` counts every
 * match and facets count the whole result set, from the match set without
 * scoring it; only the page's candidates are scored (src/search/topk). Reads
 * the index and the corpus tables; fetches the bodies of the page's hits
 * (and, for a quoted phrase, of the articles that have all its words).
 */
export async function searchArticles(corpus: SearchCorpus, params: SearchParams, { exhaustive = false }: SearchEngineOptions = {}): Promise<SearchResponse> {
  const { tables } = corpus
  const index = withTermCache(positionIndex(corpus))
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
  const retainFilters = (matches: MatchSet) => (filters.length === 0 ? matches : matches.copy().retain((doc) => failsFilters(doc) === 0))
  const run = (query: ParsedQuery): Attempt => {
    const { tree, sources } = toMiniSearchQuery(query, candidatesOf)
    // The coordination factor, soft: a score times (matched words / query words)^RANKING.coordination, so an article with
    // more of the query's words ranks higher without every partial match falling below every full one. MiniSearch's own
    // factor (the number of matched terms, which counts a word's synonyms and typos as more words) is off.
    const long = query.words.length > RANKING.shortQueryWords
    const exponent = long ? RANKING.longCoordination : RANKING.coordination
    const words: TopKOptions['words'] = { wordOf: (term) => sources.get(term)?.word, count: query.words.length, exponent }
    const search = prepareSearch(index, tree, { ...BASE_SEARCH_OPTIONS, accept: accepts, coordination: false, words, exhaustive })
    const filtered = retainFilters(search.matches)
    // Every word as typed (its stem or prefix; no synonym, no close spelling): an exact AND, counted without scoring.
    const everyWord =
      query.words.length === 0 ? undefined : retainFilters(prepareSearch(index, { combineWith: 'AND', queries: query.words.map(wordQuery) }, { ...BASE_SEARCH_OPTIONS, accept: accepts }).matches)
    // A long query's articles with every word as typed rank first (then the others, by coordination).
    return { query, sources, search, filtered, everyWord: long ? everyWord : undefined, withEveryWord: everyWord?.count ?? filtered.count }
  }

  let attempt = run(typed)
  let correctedQuery: string | undefined
  let suggestion: string | undefined
  if (attempt.withEveryWord < RANKING.fewResults) {
    const articlesWith = (terms: readonly string[]) => prepareSearch(index, { combineWith: 'AND', queries: [...terms] }, EXACT_TERMS).matches.count
    const corrected = correctQuery(params.q, typed, candidatesOf, tables.lexicon, articlesWith)
    const retry = corrected === undefined ? undefined : run(parseQuery(corrected))
    if (retry && retry.withEveryWord > attempt.withEveryWord) {
      if (params.autocorrect === false) suggestion = corrected
      else [attempt, correctedQuery] = [retry, corrected]
    }
  }

  const page = rankPage(tables, attempt, params)
  const facets = tables.facets.count(attempt.search.matches.toArray(), filters, params.facetLimit ?? DEFAULT_FACET_LIMIT)
  const bodies = await corpus.articlesById(page.map((result) => tables.ids[result.id]!))
  const highlightable = candidateWords(new Set(page.flatMap((result) => result.terms)))
  const hits = page.map((result) => toHit(bodies.get(tables.ids[result.id]!)!, attempt, phrases, highlightable, result))
  const typoTolerance = page.some((result) => onlyByTypo(result, attempt))
  const onlyStopWords = typed.words.length === 0 && typed.phrases.length === 0 && !hasExclusions(typed)
  return {
    query: params.q,
    total: attempt.filtered.count,
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
    prepareSearch(positionIndex(corpus), term, EXACT_TERMS).matches.forEach((doc) => excluded.add(doc))
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
 * The page: relevance order (optionally raised for recent articles), or
 * newest first. Only the candidates for the page are scored.
 */
function rankPage(tables: CorpusTables, { search, filtered, everyWord }: Attempt, params: SearchParams): Result[] {
  const end = params.offset + params.limit
  if (params.sort === 'date') return byDate(tables, search, filtered, params.offset, end)
  const first = everyWord ? { first: everyWord } : {}
  if (params.recency === undefined) return (search.top(end, { within: filtered, ...first }) as Result[]).slice(params.offset)
  const boost = recencyBoost(tables, params.now, params.recency)
  const page = (search.top(end, { within: filtered, ...first, factor: boost, maxFactor: 2 }) as Result[]).slice(params.offset)
  return page.map((result) => ({ ...result, score: result.score * boost(result.id) }))
}

/**
 * The recency boost: a score times 1 + 0.5^(age / half-life), age in days
 * before the query's time (`now`, today by default; no negative ages): a new
 * article counts up to twice, an old one keeps its relevance (a plain decay
 * would bring every article of an old corpus to 0 and leave date order).
 * Undated articles keep their relevance.
 */
function recencyBoost(tables: CorpusTables, now: string | undefined, halfLife: number): (doc: number) => number {
  const times = dateTimes(tables)
  const at = now === undefined ? Date.now() : Date.parse(now)
  return (doc) => (tables.dates[doc] === undefined ? 1 : 1 + 0.5 ** (Math.max(0, at - times[doc]!) / DAY_MS / halfLife))
}
/**
 * Newest first, undated last; articles of the same date in relevance order.
 * Walks the articles by date and scores only the dates the page reaches.
 */
function byDate(tables: CorpusTables, search: PreparedSearch, matches: MatchSet, offset: number, end: number): Result[] {
  const order = dateOrder(tables)
  const page: Result[] = []
  let seen = 0
  for (let at = 0; at < order.length && seen < end; ) {
    const date = tables.dates[order[at]!]
    const group: number[] = []
    for (; at < order.length && tables.dates[order[at]!] === date; at++) if (matches.has(order[at]!)) group.push(order[at]!)
    if (seen + group.length > offset) {
      const ranked = search.rank(group) as Result[]
      page.push(...ranked.slice(Math.max(0, offset - seen), end - seen))
    }
    seen += group.length
  }
  return page
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
