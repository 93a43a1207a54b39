import MiniSearch, { type Query } from 'minisearch'
import type { StoredArticle } from '../article'
import { loadCompactIndex, type CompactModules } from './index/compact-index'
import { positionIndex, type SearchCorpus, type ShownArticle } from './context'
import { ONE_CORPUS, type RankKey, type SearchCoordinator } from './coordinator'
import type { CorpusTables } from './tables/corpus-tables'
import { normalizeFilters, type FacetFilters, type NormalizedFilters } from './facets'
import { BASE_SEARCH_OPTIONS, INDEX_OPTIONS, RANKING, type SearchDocument } from './options'
import { parseQuery, phrasePattern, type ParsedQuery, type QueryWord } from './query'
import type { SearchHit, SearchResponse } from './response-schema'
import { candidateWords, matchesOf, snippetOf, type CandidateWords, type TermTest } from './snippet'
import { synonymsOf, synonymWeight } from './synonyms'
import { normalizeWord, processTerm } from './terms'
import { MatchSet } from './topk/match-set'
import {
  prepareSearch,
  stageEnd,
  stageStart,
  type PreparedSearch,
  type QueryWords,
  type RankedResult,
  type TopKOptions,
  type TopKResult,
} from './topk/evaluate'
import { withTermCache } from './topk/term-cache'
import { correctableWords, correctQuery, typoCandidates, wordKnowledge, type TypoCandidate } from './typos'

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
export function loadIndex(data: CompactModules): MiniSearch<SearchDocument> {
  return loadCompactIndex(data, INDEX_OPTIONS)
}

/** A MiniSearch result whose `id` is the article's position (short id): see `positionIndex`. */
type Result = TopKResult & { id: number }

/**
 * `exhaustive` scores every match instead of only the page's candidates (the
 * bench's and the differential test's baseline); `coordinator` takes the
 * decisions that depend on the whole corpus (a shard's or a part's, see
 * coordinator.ts; one index is its own).
 */
export type SearchEngineOptions = { exhaustive?: boolean; coordinator?: SearchCoordinator }

/** How an index term of the query tree stands for a query word: the word itself (or its prefix), a synonym, a typo's correction. */
type Source = { word: number; how: 'exact' | 'synonym' | 'typo' }

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
export async function searchArticles(corpus: SearchCorpus, params: SearchParams, options: SearchEngineOptions = {}): Promise<SearchResponse> {
  const { matches, phrases, ...answer } = await rankArticles(corpus, params, options)
  const clock = stageStart()
  const onPage = (
    await (options.coordinator ?? ONE_CORPUS).page(
      matches.map((match) => match.key),
      params,
    )
  ).map((at) => matches[at]!)
  const hits = await hitsOf(corpus, phrases, onPage)
  stageEnd('hits', clock)
  let byTypo = false
  for (let i = 0; i < onPage.length && !byTypo; i++) byTypo = onPage[i]!.byTypo
  const response: SearchResponse = { ...answer, offset: params.offset, limit: params.limit, hits }
  if (byTypo) response.typoTolerance = true
  return response
}

/**
 * One match of a query, ranked but not yet shown: what a merge of several
 * corpora (the shards of one index, or the bundle and the live segment)
 * orders and pages before any article body is read.
 */
type RankedMatch = {
  id: string
  date: string | undefined
  /** Relevance, raised for recent articles when `recency` is asked for: the score it was ranked by. */
  score: number
  /** Index terms matched (for highlighting). */
  terms: string[]
  /** The query words it matches (a synonym's or a close spelling's match counts for the word it stands in for). */
  words: string[]
  /** Whether it matches some query word only by a close spelling of it. */
  byTypo: boolean
  /** What orders it among the whole corpus's matches (coordinator.ts). */
  key: RankKey
}

/** A search answer before its page of hits is built: the first `offset + limit` matches in rank order, and the total. */
// Pick, not Omit: the schema's inferred type may carry an index signature, which Omit would reduce the type to.
type RankedSearch = Pick<SearchResponse, 'query' | 'total' | 'facets' | 'correctedQuery' | 'suggestion' | 'hint'> & {
  matches: RankedMatch[]
  /** The quoted phrases of the query answered (the correction's, when it is answered), which the hits highlight. */
  phrases: ParsedQuery['phrases']
}

/**
 * The first `offset + limit` matches of a query, in rank order, with the
 * total, facets and flags; reads no article body but for quoted phrases.
 * Every decision that depends on the corpus (which words it knows, their
 * close spellings, whether a correction finds more) is taken through the
 * coordinator on the whole corpus's figures, so each part of a corpus (a
 * shard, the bundle beside the live segment) takes the same branch and ranks
 * its articles as one index would.
 */
async function rankArticles(
  corpus: SearchCorpus,
  params: SearchParams,
  { exhaustive = false, coordinator = ONE_CORPUS }: SearchEngineOptions = {},
): Promise<RankedSearch> {
  const { tables } = corpus
  const typed = parseQuery(params.q)
  const filters = normalizeFilters(params.filters ?? {})
  const accepts = await candidateFilter(corpus, typed, typed.phrases.map(phrasePattern), params)
  const request = new RankRequest(corpus, filters, coordinator, exhaustive, accepts, params)
  const { index, limits } = request

  let clock = stageStart()
  const knowledge = await request.knowledgeOf('typed', typed)
  const candidates = request.candidatesFor(typed, knowledge)
  clock = stageEnd('words', clock)
  let attempt = request.run(typed, candidates)
  let correctedQuery: string | undefined
  let suggestion: string | undefined
  // No word to correct: no correction whatever the count, which is then not taken (every part of a corpus knows the
  // same words, so all skip the step alike).
  const found = correctableWords(typed, knowledge, candidates).length === 0 ? undefined : await request.withEveryWord('every-word', attempt)
  if (found !== undefined && found < RANKING.fewResults) {
    const articlesWith = (terms: readonly string[]) =>
      coordinator.sum(
        `together:${terms.join(' ')}`,
        request.own(prepareSearch(index, { combineWith: 'AND', queries: [...terms] }, { ...EXACT_TERMS, ...limits })).matches.count,
      )
    const corrected = await correctQuery(params.q, typed, knowledge, candidates, articlesWith)
    if (corrected !== undefined) {
      const query = parseQuery(corrected)
      const retry = request.run(query, request.candidatesFor(query, await request.knowledgeOf('corrected', query)))
      if ((await request.withEveryWord('every-word:corrected', retry)) > found) {
        if (params.autocorrect === false) suggestion = corrected
        else [attempt, correctedQuery] = [retry, corrected]
      }
    }
  }

  clock = stageStart()
  const ranked = rankPage(tables, attempt, params, coordinator.firstPosition)
  clock = stageEnd('rank', clock)
  const [total, facets] = await Promise.all([
    coordinator.sum('total', attempt.filtered.count),
    coordinator.facets(tables.facets, attempt.search.matches, filters, params.facetLimit ?? DEFAULT_FACET_LIMIT),
  ])
  clock = stageEnd('facets', clock)
  // Each query word lower-cased once, not once per result (`matchedWords`).
  const lowered = attempt.query.words.map((word) => word.text.toLowerCase())
  // A loop, not `map` with a closure: a bundle built with `keepNames` names each closure as it is made.
  const matches = new Array<RankedMatch>(ranked.length)
  for (let i = 0; i < ranked.length; i++) {
    const { result, key } = ranked[i]!
    matches[i] = {
      id: tables.ids[result.id]!,
      date: tables.dates[result.id],
      score: key.score,
      terms: result.terms,
      words: matchedWords(attempt, lowered, result.queryTerms),
      byTypo: onlyByTypo(result, attempt),
      key,
    }
  }
  stageEnd('results', clock)
  request.release()
  const onlyStopWords = typed.words.length === 0 && typed.phrases.length === 0 && !hasExclusions(typed)
  return {
    query: params.q,
    total,
    matches,
    phrases: attempt.query.phrases,
    facets,
    ...(correctedQuery ? { correctedQuery } : {}),
    ...(suggestion ? { suggestion } : {}),
    ...(onlyStopWords ? { hint: STOP_WORDS_HINT } : {}),
  }
}

/**
 * One request's state while it is ranked: the index, its filters and date
 * limits, and the match sets it makes (handed back to the isolate's pool by
 * `release` once the answer no longer reads them). Methods, not closures made
 * per request: a bundle built with esbuild's `keepNames` (wrangler's default,
 * and tsx's) names every closure as it is made, a property defined on each.
 */
class RankRequest {
  readonly index: MiniSearch<SearchDocument>
  readonly tables: CorpusTables
  /** The accept test and the date range (a match set), for every evaluation of the request. */
  readonly limits: Pick<TopKOptions, 'accept' | 'within'>
  private readonly owned: { release(): void }[] = []
  /** The documents every facet filter keeps, once per request: a match set ANDed with it, not checked match by match. */
  private passing: MatchSet | undefined

  constructor(
    corpus: SearchCorpus,
    readonly filters: NormalizedFilters,
    readonly coordinator: SearchCoordinator,
    readonly exhaustive: boolean,
    accepts: ((doc: number) => boolean) | undefined,
    params: SearchParams,
  ) {
    // The request's view of the index: its terms' postings, plans and match sets made once for all its evaluations.
    const view = withTermCache(positionIndex(corpus))
    this.index = view.index
    this.own(view.memo)
    this.tables = corpus.tables
    // A date range as the articles it holds, ANDed with each match set instead of two date comparisons per match.
    const within = params.from === undefined && params.to === undefined ? undefined : this.own(datedWithin(this.tables, params.from, params.to))
    this.limits = { ...(accepts ? { accept: accepts } : {}), ...(within ? { within } : {}) }
  }

  own<T extends { release(): void }>(made: T): T {
    this.owned.push(made)
    return made
  }

  release(): void {
    for (const made of this.owned) made.release()
  }

  /** `matches` with every facet filter applied (a pooled copy), or `matches` itself without filters. */
  retainFilters(matches: MatchSet): MatchSet {
    if (this.filters.length === 0) return matches
    this.passing ??= this.own(this.tables.facets.passing(this.filters, matches.size))
    return this.own(matches.pooledCopy()).intersect(this.passing)
  }

  knowledgeOf(step: string, query: ParsedQuery) {
    return this.coordinator.words(step, wordKnowledge(this.tables.lexicon, query))
  }

  candidatesFor(query: ParsedQuery, knowledge: Awaited<ReturnType<RankRequest['knowledgeOf']>>) {
    return query.words.map((word, at) => typoCandidates(knowledge[at]!, word, query.words.length))
  }

  run(query: ParsedQuery, candidates: readonly (readonly TypoCandidate[])[]): Attempt {
    return new Attempt(this, query, candidates)
  }

  async withEveryWord(step: string, attempt: Attempt): Promise<number> {
    const clock = stageStart()
    const count = (attempt.everyWord() ?? attempt.filtered).count
    stageEnd('everyWord', clock)
    return this.coordinator.sum(step, count)
  }
}

/**
 * One evaluation of a query: its match set (dates, exclusions and phrases
 * applied), the part facet filters keep, and the part of those with every
 * word as typed (`everyWord`). It is also the query's words for the
 * coordination factor (`QueryWords`).
 */
class Attempt implements QueryWords {
  readonly sources: Map<string, Source>
  readonly search: PreparedSearch
  readonly filtered: MatchSet
  readonly count: number
  readonly exponent: number
  private everyWordSet: MatchSet | undefined

  constructor(
    private readonly request: RankRequest,
    readonly query: ParsedQuery,
    candidates: readonly (readonly TypoCandidate[])[],
  ) {
    const { tree, sources } = toMiniSearchQuery(query, candidates)
    this.sources = sources
    // The coordination factor, soft: a score times (matched words / query words)^RANKING.coordination, so an article with
    // more of the query's words ranks higher without every partial match falling below every full one. MiniSearch's own
    // factor (the number of matched terms, which counts a word's synonyms and typos as more words) is off.
    this.count = query.words.length
    this.exponent = query.words.length > RANKING.shortQueryWords ? RANKING.longCoordination : RANKING.coordination
    const options = { ...BASE_SEARCH_OPTIONS, ...request.limits, coordination: false, words: this, exhaustive: request.exhaustive }
    this.search = request.own(prepareSearch(request.index, tree, options))
    this.filtered = request.retainFilters(this.search.matches)
  }

  wordOf(term: string): number | undefined {
    return this.sources.get(term)?.word
  }

  /**
   * Every word as typed (its stem or prefix; no synonym, no close spelling):
   * an exact AND, counted without scoring; made only when asked for (a
   * correction to decide on, a long query's first tier).
   */
  everyWord(): MatchSet | undefined {
    if (this.query.words.length === 0) return undefined
    const { request } = this
    this.everyWordSet ??= request.retainFilters(
      request.own(prepareSearch(request.index, { combineWith: 'AND', queries: this.query.words.map(wordQuery) }, { ...BASE_SEARCH_OPTIONS, ...request.limits }))
        .matches,
    )
    return this.everyWordSet
  }
}

/** The hits (snippets, highlights) of some matches of the query answered, whose quoted phrases are `quoted`, in this corpus: only their bodies are fetched. */
async function hitsOf(corpus: SearchCorpus, quoted: ParsedQuery['phrases'], matches: readonly RankedMatch[]): Promise<SearchHit[]> {
  const phrases = quoted.length === 0 ? NO_PHRASES : quoted.map(phrasePattern)
  const ids = new Array<string>(matches.length)
  for (let i = 0; i < matches.length; i++) ids[i] = matches[i]!.id
  const bodies: Map<string, ShownArticle> = await (corpus.shownById ? corpus.shownById(ids) : corpus.articlesById(ids))
  const terms = new PageTerms(matches)
  // One set of term starts for the whole page, from the union of its hits' terms (its pattern for other scripts compiled once).
  const highlightable = candidateWords(terms.numbers.keys())
  const hits = new Array<SearchHit>(matches.length)
  for (let i = 0; i < matches.length; i++) hits[i] = toHit(bodies.get(matches[i]!.id)!, phrases, highlightable, terms.of(matches[i]!), matches[i]!)
  return hits
}

const NO_PHRASES: readonly RegExp[] = []

/**
 * The terms of a page's hits, numbered once for the page; `of(match)` is the
 * test of one hit's terms (a mark per page term, in an array the hits share),
 * where a Set per hit was made. Read each hit's test before the next is made.
 */
class PageTerms implements TermTest {
  readonly numbers = new Map<string, number>()
  private readonly marked: Uint8Array

  constructor(matches: readonly RankedMatch[]) {
    // Indexed loops: in code not yet optimised, `for…of` makes an iterator result per element.
    for (let m = 0; m < matches.length; m++) {
      const { terms } = matches[m]!
      for (let t = 0; t < terms.length; t++) if (!this.numbers.has(terms[t]!)) this.numbers.set(terms[t]!, this.numbers.size)
    }
    this.marked = new Uint8Array(this.numbers.size)
  }

  of(match: RankedMatch): TermTest {
    this.marked.fill(0)
    const { terms } = match
    for (let t = 0; t < terms.length; t++) this.marked[this.numbers.get(terms[t]!)!] = 1
    return this
  }

  has(term: string): boolean {
    const number = this.numbers.get(term)
    return number !== undefined && this.marked[number] === 1
  }
}

/** Whether an article matches some query word only by a close spelling of it. */
function onlyByTypo(result: Result, attempt: Attempt): boolean {
  // Per word, its best source among the article's terms (exact, then synonym, then typo): a loop per word, no map per result.
  for (let word = 0; word < attempt.query.words.length; word++) {
    let best: Source['how'] | undefined
    const { queryTerms } = result
    for (let t = 0; t < queryTerms.length; t++) {
      const source = attempt.sources.get(queryTerms[t]!)
      if (source?.word !== word || best === 'exact') continue
      if (source.how !== 'typo' || best === undefined) best = source.how
    }
    if (best === 'typo') return true
  }
  return false
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
  return {
    combineWith: 'OR',
    queries: [
      { queries: [typed], prefix: true },
      { queries: [word.term], prefix: false },
    ],
  }
}

/**
 * Any word may match (OR). Each word is its term (prefix-matched if still
 * being typed) or, at lower weights, one of its synonyms or of its close
 * spellings in the corpus (`typoCandidates`: Damerau distance, which
 * MiniSearch's own `fuzzy` does not count, so they are explicit terms).
 * Without words (only phrases of stop words, or only exclusions) every
 * article is a candidate. `sources` maps each term back to its word.
 */
function toMiniSearchQuery(query: ParsedQuery, candidates: readonly (readonly TypoCandidate[])[]): { tree: Query; sources: Map<string, Source> } {
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
    const typos = candidates[i]!
    const weights = new Map(typos.map((typo) => [typo.term, RANKING.typoWeight / typo.distance]))
    if (typos.length > 0) alternatives.push({ queries: typos.map((typo) => typo.term), boostTerm: (term) => weights.get(term) ?? 0 })
    for (const typo of typos) source(typo.term, i, 'typo')
    return alternatives.length === 1 ? alternatives[0]! : { combineWith: 'OR', queries: alternatives }
  })
  return { tree: { combineWith: 'OR', queries }, sources }
}

const hasExclusions = (query: ParsedQuery) => query.excluded.length > 0 || query.excludedPhrases.length > 0

/**
 * The conditions on a candidate that do not depend on ranking and are checked
 * per match: exclusions, hidden articles, phrases (within the dates asked
 * for); `undefined` when there are none. The dates themselves are a match set
 * (`datedWithin`).
 */
async function candidateFilter(
  corpus: SearchCorpus,
  query: ParsedQuery,
  phrases: readonly RegExp[],
  params: SearchParams,
): Promise<((doc: number) => boolean) | undefined> {
  const { tables } = corpus
  if (!corpus.hidden && phrases.length === 0 && !hasExclusions(query)) return undefined
  const excluded = new Set<number>()
  for (const term of query.excluded) {
    prepareSearch(positionIndex(corpus), term, EXACT_TERMS).matches.forEach((doc) => excluded.add(doc))
  }
  const hidden = corpus.hidden ?? (() => false)
  const kept = (doc: number) => !excluded.has(doc) && !hidden(doc)
  // The phrases are read only in the articles the dates keep too.
  const dated = (doc: number) => {
    if (!kept(doc)) return false
    const date = tables.dates[doc]
    if (params.from !== undefined && (date === undefined || date < params.from)) return false
    return !(params.to !== undefined && (date === undefined || date > params.to))
  }
  if (phrases.length === 0 && query.excludedPhrases.length === 0) return kept
  const failing = await phraseFailures(corpus, query, phrases, dated)
  return (doc) => kept(doc) && !failing.has(doc)
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
 * relevance order (optionally raised for recent articles), a long query's
 * articles with every word as typed before the others; or newest first. Only
 * the candidates for the page are scored.
 */
function rankPage(tables: CorpusTables, attempt: Attempt, params: SearchParams, firstPosition: number): { result: Result; key: RankKey }[] {
  const end = params.offset + params.limit
  const keyOf = ({ result, final }: RankedResult, tier: number) => ({
    result: result as Result,
    key: { tier, score: final, date: tables.dates[result.id as number] ?? '', position: firstPosition + (result.id as number) },
  })
  const { search, filtered, query } = attempt
  if (params.sort === 'date') return byDate(tables, search, filtered, end).map((ranked) => keyOf(ranked, 0))
  // A long query's articles with every word as typed rank first (then the others, by coordination).
  const first = query.words.length > RANKING.shortQueryWords ? attempt.everyWord() : undefined
  const boost = params.recency === undefined ? undefined : recencyBoost(tables, params.now, params.recency)
  const ranked = search.topRanked(end, { within: filtered, ...(first ? { first } : {}), ...(boost ? { factor: boost, maxFactor: 2 } : {}) })
  const keyed = new Array<{ result: Result; key: RankKey }>(ranked.length)
  for (let i = 0; i < ranked.length; i++) keyed[i] = keyOf(ranked[i]!, !first || first.has(ranked[i]!.result.id as number) ? 0 : 1)
  return keyed
}

/**
 * The recency boost: a score times 1 + 0.5^(age / half-life), age in days
 * before the query's time (`now`, today by default; no negative ages): a new
 * article counts up to twice, an old one keeps its relevance (a plain decay
 * would bring every article of an old corpus to 0 and leave date order).
 * Undated articles keep their relevance. It depends on the article and the
 * query alone, so every part of a corpus applies it alike.
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
function byDate(tables: CorpusTables, search: PreparedSearch, matches: MatchSet, end: number): RankedResult[] {
  const order = dateOrder(tables)
  const best: RankedResult[] = []
  for (let at = 0; at < order.length && best.length < end;) {
    const date = tables.dates[order[at]!]
    const group: number[] = []
    for (; at < order.length && tables.dates[order[at]!] === date; at++) if (matches.has(order[at]!)) group.push(order[at]!)
    best.push(...search.rankScored(group).slice(0, end - best.length))
  }
  return best
}

const dateOrders = new WeakMap<CorpusTables, Uint32Array>()
const parsedDates = new WeakMap<CorpusTables, Float64Array>()

/**
 * The articles dated from `from` to `to` (either end open; undated articles
 * never), as a pooled match set: a slice of the date order, found by two
 * binary searches.
 */
function datedWithin(tables: CorpusTables, from: string | undefined, to: string | undefined): MatchSet {
  const order = dateOrder(tables)
  const { dates } = tables
  // The first position of the date order (newest first, undated last) where `past` holds of the date.
  const firstWhere = (past: (date: string | undefined) => boolean) => {
    let low = 0
    let high = order.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if (past(dates[order[middle]!])) high = middle
      else low = middle + 1
    }
    return low
  }
  const start = to === undefined ? 0 : firstWhere((date) => date === undefined || date <= to)
  const end = firstWhere((date) => date === undefined || (from !== undefined && date < from))
  const set = MatchSet.pooled(dates.length)
  for (let at = start; at < end; at++) set.add(order[at]!)
  return set
}

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

function toHit(article: ShownArticle, phrases: readonly RegExp[], highlightable: CandidateWords | undefined, terms: TermTest, match: RankedMatch): SearchHit {
  const { snippet, highlights: inSnippet } = snippetOf(article.text, terms, phrases, highlightable)
  const { id, title, date, url } = article
  const score = Math.round(match.score * 1000) / 1000
  const highlights = { title: matchesOf(title, terms, phrases, highlightable), snippet: inSnippet }
  const words = match.words
  // One literal per shape, members in the answer's order: spreading an optional member made an object to spread.
  if (date && url) return { id, title, date, url, score, snippet, highlights, terms: words }
  if (date) return { id, title, date, score, snippet, highlights, terms: words }
  if (url) return { id, title, url, score, snippet, highlights, terms: words }
  return { id, title, score, snippet, highlights, terms: words }
}

/** The query words (`lowered`, lower case) behind the matched query terms (a synonym's or a typo's match counts for the word it stands in for). */
function matchedWords(attempt: Attempt, lowered: readonly string[], queryTerms: readonly string[]): string[] {
  // Made at its first word (an array of one, where an empty array grown by `push` takes room for 17).
  let found: string[] | undefined
  const { words } = attempt.query
  for (let i = 0; i < words.length; i++) {
    let matched = false
    for (let t = 0; t < queryTerms.length && !matched; t++) matched = attempt.sources.get(queryTerms[t]!)?.word === i
    if (!matched) continue
    const text = lowered[i]!
    if (!found) found = [text]
    else if (!found.includes(text)) found.push(text)
  }
  return found ?? []
}
