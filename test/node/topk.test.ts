import MiniSearch, { type Query, type SearchOptions, type SearchResult } from 'minisearch'
import { describe, expect, it } from 'vitest'
import { openBundleFiles, readBundledArticles } from '../../scripts/lib/bundle-files'
import { loadCompactIndex, serializeCompactIndex } from '../../src/search/index/compact-index'
import { SCORE_BLOCK } from '../../src/search/index/compact-postings'
import { INDEX_OPTIONS, RANKING, type SearchDocument } from '../../src/search/options'
import { buildIndex, searchArticles, type SearchParams } from '../../src/search/search'
import { tokenize } from '../../src/search/terms'
import { ENGINE_TOTALS, prepareSearch, type TopKOptions } from '../../src/search/topk/evaluate'
import type { Bm25 } from '../../src/search/topk/plan'
import { MatchSet } from '../../src/search/topk/match-set'
import { withTermCache } from '../../src/search/topk/term-cache'
import { random } from '../../scripts/lib/random'

/**
 * The top-k evaluator against MiniSearch's own search: generated queries of
 * every shape, on the bundled corpus and on a larger synthetic one (many
 * score blocks per term), pruned and exhaustive, compared on ids, order
 * (MiniSearch's results sorted by score, then position), scores, matched
 * terms and totals. Scores are added up in MiniSearch's order,
 * so they are expected bit for bit; the stated tolerance is 1e-12 relative.
 */
const TOLERANCE = 1e-12

const articles = readBundledArticles()
const bundle = openBundleFiles()

/** The corpus's own words, as often as they occur (so common words stay common). */
const vocabulary = articles.flatMap((article) => tokenize(`${article.title} ${article.text}`).filter((word) => /^\p{L}{2,}$/u.test(word)))

/** Each bundled article's words, for documents on a topic. */
const topics = articles.map((article) => tokenize(`${article.title} ${article.text}`).filter((word) => /^\p{L}{2,}$/u.test(word)))

/**
 * A corpus made of the bundled one's words: `count` documents of 20–300 words,
 * each on the topic of a bundled article (most words drawn from it, the rest
 * from the whole vocabulary by frequency), titles of 4–10 words.
 */
function syntheticDocuments(count: number, seed: number): SearchDocument[] {
  const next = random(seed)
  return Array.from({ length: count }, (_, i) => {
    const topic = topics[Math.floor(next() * topics.length)]!
    const word = () => {
      const source = next() < 0.7 ? topic : vocabulary
      return source[Math.floor(next() * source.length)]!
    }
    const draw = (n: number) => Array.from({ length: n }, word).join(' ')
    return { id: `s${i}`, title: draw(4 + Math.floor(next() * 7)), entities: draw(Math.floor(next() * 4)), text: draw(20 + Math.floor(next() * 280)) }
  })
}

type Case = { query: Query; options: SearchOptions; k: number; accept?: (doc: number) => boolean; label: string }

/** Queries of every shape the product sends, and some it does not. */
function cases(count: number, seed: number, documentCount: number): Case[] {
  const next = random(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!
  const word = () => pick(vocabulary).toLowerCase()
  const typo = (text: string) => {
    const at = Math.floor(next() * text.length)
    return text.slice(0, at) + pick(['e', 'a', '', 'xx']) + text.slice(at + 1)
  }
  const term = (): string => {
    const processed = INDEX_OPTIONS.processTerm!(word())
    return typeof processed === 'string' ? processed : term()
  }
  const base: SearchOptions = { boost: { title: 0.5, entities: 0.3, text: 1 }, bm25: { k: 1.2, b: 0.75, d: 0.5 } }
  const stride = 2 + Math.floor(next() * 5)
  const everyFew = (doc: number) => doc % stride !== 0
  return Array.from({ length: count }, (_, i): Case => {
    const k = pick([1, 10, 10, 20, 50, 200, documentCount])
    const shape = i % 11
    switch (shape) {
      case 0:
        return { label: 'one word', query: term(), options: base, k }
      case 1:
        return { label: 'two words AND', query: { combineWith: 'AND', queries: [term(), term()] }, options: base, k }
      case 2:
        return { label: 'three words OR', query: { combineWith: 'OR', queries: [term(), term(), term()] }, options: base, k }
      case 3:
        return { label: 'prefix', query: word().slice(0, 3 + Math.floor(next() * 3)), options: { ...base, prefix: true }, k }
      case 4:
        return { label: 'typo', query: typo(word()), options: { ...base, fuzzy: 0.2 }, k }
      case 5:
        return {
          label: 'synonyms tree',
          query: {
            combineWith: 'AND',
            queries: [
              {
                combineWith: 'OR',
                queries: [
                  { queries: [term()], prefix: false, fuzzy: false },
                  { queries: [term(), term()], boostTerm: () => 0.5 },
                ],
              },
              { queries: [word().slice(0, 4)], prefix: true, fuzzy: 0.2 },
            ],
          },
          options: base,
          k,
        }
      case 6:
        return { label: 'exclusion', query: { combineWith: 'AND_NOT', queries: [{ combineWith: 'OR', queries: [term(), term()] }, term()] }, options: base, k }
      case 7:
        return { label: 'filtered', query: { combineWith: 'OR', queries: [term(), term()] }, options: base, k, accept: everyFew }
      case 8:
        return { label: 'wildcard filtered', query: MiniSearch.wildcard, options: base, k, accept: everyFew }
      case 9:
        return {
          label: 'fields and weights',
          query: `${word()} ${word()}`,
          options: { fields: ['title', 'text'], weights: { fuzzy: 0.3, prefix: 0.6 }, prefix: true, fuzzy: 1 },
          k,
        }
      default:
        return {
          label: 'MiniSearch defaults',
          query: `${word()} ${typo(word())}`,
          options: { prefix: (_t, at, all) => at === all.length - 1, fuzzy: 0.3, combineWith: pick(['AND', 'OR']) },
          k,
        }
    }
  })
}

/** Compares the evaluator (pruned and exhaustive) with `reference.search` on each case; returns how many results were compared. */
function compare(index: MiniSearch<SearchDocument>, reference: MiniSearch<SearchDocument>, list: Case[], ids: readonly string[]): number {
  const position = new Map(ids.map((id, doc) => [id, doc]))
  let compared = 0
  for (const { query, options, k, accept, label } of list) {
    const what = `${label}: ${JSON.stringify(query === MiniSearch.wildcard ? '*' : query)} ${JSON.stringify(options)} k=${k}`
    const all = reference.search(query, { ...options, ...(accept ? { filter: (result: SearchResult) => accept(position.get(result.id as string)!) } : {}) })
    // MiniSearch keeps equal scores in its result map's order; the evaluator orders them by position (the corpus order, as shards do).
    const expected = all.sort((a, b) => b.score - a.score || position.get(a.id as string)! - position.get(b.id as string)!).slice(0, k)
    const topk: TopKOptions = { ...options, ...(accept ? { accept } : {}) }
    const pruned = prepareSearch(index, query, topk)
    const exhaustive = prepareSearch(index, query, { ...topk, exhaustive: true })
    expect(pruned.matches.count, what).toBe(all.length)
    for (const search of [pruned, exhaustive]) {
      const found = search.top(k)
      expect(
        found.map((result) => result.id),
        what,
      ).toEqual(expected.map((result) => result.id))
      found.forEach((result, i) => {
        const want = expected[i]!
        expect(Math.abs(result.score - want.score) / want.score, what).toBeLessThanOrEqual(TOLERANCE)
        expect(result.queryTerms, what).toEqual(want.queryTerms)
        expect(result.match, what).toEqual(want.match)
        expect(result.terms, what).toEqual(want.terms)
      })
    }
    expect(pruned.stats.scored, what).toBeLessThanOrEqual(exhaustive.stats.scored)
    // The scores ranked by, bit for bit: a prefix's many leaves are scored a window at a time when pruned, one document
    // at a time when not (the results' own scores are worked out again per document).
    expect(pruned.topRanked(k), what).toEqual(exhaustive.topRanked(k))
    compared += expected.length
  }
  return compared
}

describe('the top-k evaluator', () => {
  it('answers as MiniSearch.loadJSON of the same index on the bundled corpus: ids, order, scores, terms, totals', () => {
    const reference = MiniSearch.loadJSON<SearchDocument>(JSON.stringify(buildIndex(articles)), INDEX_OPTIONS)
    expect(compare(bundle.index, reference, cases(300, 3, articles.length), bundle.ids)).toBeGreaterThan(3_000)
  }, 180_000)

  it('answers the same on a synthetic corpus of 3,000 documents of the corpus vocabulary, where terms have many score blocks, and skips most of it', () => {
    const documents = syntheticDocuments(3_000, 5)
    const built = new MiniSearch<SearchDocument>(INDEX_OPTIONS)
    built.addAll(documents)
    const compact = loadCompactIndex(serializeCompactIndex(built), INDEX_OPTIONS)
    const reference = MiniSearch.loadJSON<SearchDocument>(JSON.stringify(built), INDEX_OPTIONS)
    const list = cases(200, 9, documents.length)
    const termWindows = ENGINE_TOTALS.termWindows
    expect(
      compare(
        compact,
        reference,
        list,
        documents.map((document) => document.id),
      ),
    ).toBeGreaterThan(10_000)
    // Prefixes of a few letters match hundreds of terms here: their windows were scored a term at a time.
    expect(ENGINE_TOTALS.termWindows).toBeGreaterThan(termWindows)
    // One-word queries for the first page: pruning leaves a good part of what matches unscored.
    let matched = 0
    let scored = 0
    const visitedBefore = ENGINE_TOTALS.visited
    for (const { query } of cases(200, 13, documents.length).filter((each) => each.label === 'one word')) {
      const search = prepareSearch(compact, query, { boost: { title: 0.5, entities: 0.3, text: 1 } })
      search.top(10)
      matched += search.stats.matched
      scored += search.stats.scored
    }
    expect(matched).toBeGreaterThan(10 * SCORE_BLOCK)
    // Within a window, only the documents in leaves whose bounds reach the k-th score are visited (MaxScore), the leaves
    // with the most postings there passed over first (the text leaf, when the best documents have the word in their
    // title too): 58% of the matches visited (68% when the lowest bounds were passed over first).
    expect(ENGINE_TOTALS.visited - visitedBefore).toBeLessThan(0.63 * matched)
    // Bounded per document by its own score in each field the term is in (MaxScore's exact partial scores): 17% scored
    // (57% when each field counted its window bound).
    expect(scored).toBeLessThan(0.25 * matched)
    // Under the BM25 basis the index stored its terms' window bounds for (the ranking's), a window is bounded by its
    // best document's score for each term, not by each field's best document's, and most windows are never visited
    // (28% visited); under another, only the score blocks bound them (70%). The same answers bit for bit either way.
    const visitedWindows = (bm25: Bm25) => {
      const [windows, candidates] = [ENGINE_TOTALS.windows, ENGINE_TOTALS.candidateWindows]
      for (const { query } of cases(200, 13, documents.length).filter((each) => each.label === 'one word')) {
        const options: TopKOptions = { boost: RANKING.boost, bm25 }
        const pruned = prepareSearch(compact, query, options).topRanked(10)
        const [visited, candidate] = [ENGINE_TOTALS.windows, ENGINE_TOTALS.candidateWindows]
        expect(pruned, JSON.stringify(query)).toEqual(prepareSearch(compact, query, { ...options, exhaustive: true }).topRanked(10))
        // The exhaustive search's windows are not counted.
        ENGINE_TOTALS.windows = visited
        ENGINE_TOTALS.candidateWindows = candidate
      }
      return (ENGINE_TOTALS.windows - windows) / (ENGINE_TOTALS.candidateWindows - candidates)
    }
    // A prefix's hundreds of expansions (more than 64 leaves), each document bounded by the postings it has rather than
    // each window by every expansion's best there: most windows are never visited, the answers the same bit for bit.
    const next = random(23)
    const prefixes = { trees: 0, visited: 0, candidates: 0 }
    for (let i = 0; i < 60; i++) {
      const query = vocabulary[Math.floor(next() * vocabulary.length)]!.toLowerCase().slice(0, 2 + (i % 2))
      const options: TopKOptions = { boost: RANKING.boost, prefix: true, coordination: i % 4 < 2 }
      const search = prepareSearch(compact, query, options)
      const [windows, candidates, termWindows] = [ENGINE_TOTALS.windows, ENGINE_TOTALS.candidateWindows, ENGINE_TOTALS.termWindows]
      const pruned = search.topRanked(10)
      // Scored a window at a time: a tree of more than 64 leaves.
      if (ENGINE_TOTALS.termWindows > termWindows) {
        prefixes.trees++
        prefixes.visited += ENGINE_TOTALS.windows - windows
        prefixes.candidates += ENGINE_TOTALS.candidateWindows - candidates
      }
      expect(pruned, query).toEqual(prepareSearch(compact, query, { ...options, exhaustive: true }).topRanked(10))
    }
    expect(prefixes.trees).toBeGreaterThan(10)
    // 42% visited (every window, 100%, when each window was bounded by its expansions' bounds summed).
    expect(prefixes.visited).toBeLessThan(0.6 * prefixes.candidates)
    const stored = visitedWindows(RANKING.bm25)
    expect(stored).toBeLessThan(0.4)
    expect(stored).toBeLessThan(0.5 * visitedWindows({ ...RANKING.bm25, b: 0.7 }))
    // Two words ORed with the product's coordination by word (a document with one of them counts half): a window holds
    // both words, but each document is bounded by the words it has before it is scored, so few one-word matches are.
    const oneWord = cases(400, 17, documents.length).filter((each) => each.label === 'one word')
    // Pairs of the one-word queries as two-word OR queries; the results (ids, scores, terms) and the scores ranked by
    // equal exhaustive scoring's bit for bit, and how many of the matches were scored.
    const pairs = (extra: Partial<TopKOptions>) => {
      let matched = 0
      let scored = 0
      let windows = 0
      let candidates = 0
      let visited = 0
      for (let i = 0; i + 1 < oneWord.length; i += 2) {
        const [a, b] = [oneWord[i]!.query as string, oneWord[i + 1]!.query as string]
        const words: TopKOptions['words'] = { wordOf: (term) => (term === a ? 0 : term === b ? 1 : undefined), count: 2, exponent: 1 }
        const options: TopKOptions = { boost: { title: 0.5, entities: 0.3, text: 1 }, coordination: false, words, ...extra }
        const pruned = prepareSearch(compact, { combineWith: 'OR', queries: [a, b] }, options)
        const exhaustive = prepareSearch(compact, { combineWith: 'OR', queries: [a, b] }, { ...options, exhaustive: true })
        const [windowsBefore, candidate, docsVisited] = [ENGINE_TOTALS.windows, ENGINE_TOTALS.candidateWindows, ENGINE_TOTALS.visited]
        const ranked = pruned.topRanked(10)
        visited += ENGINE_TOTALS.visited - docsVisited
        windows += ENGINE_TOTALS.windows - windowsBefore
        candidates += ENGINE_TOTALS.candidateWindows - candidate
        expect(ranked).toEqual(exhaustive.topRanked(10))
        matched += pruned.stats.matched
        scored += pruned.stats.scored
      }
      return { matched, scored, windows, candidates, visited }
    }
    const pair = pairs({})
    expect(pair.matched).toBeGreaterThan(10 * SCORE_BLOCK)
    // By its own scores in the leaves (term × field) it is in: 7% scored (15% by those leaves' window bounds, 26% by the
    // words alone, 91% by window).
    expect(pair.scored).toBeLessThan(0.12 * pair.matched)
    // Each document bounded by its own postings' block bounds times its own coordination, a window by the largest of
    // its documents' (and by its leaves' window bounds): 38% of the windows visited (93% by the leaves' bounds alone).
    expect(pair.windows).toBeLessThan(0.5 * pair.candidates)
    // Within a window, the leaves of one word are passed over when their bounds at half (a document with one of the two
    // words counts half) stay below the k-th score: 17% of the matches visited (23% by the leaves' bounds alone).
    expect(pair.visited).toBeLessThan(0.2 * pair.matched)
    // The same pairs with their close spellings, in more leaves than a document is bounded by one at a time: bounded by
    // the words it has, then by those words' own scores, one word at a time.
    const wide = pairs({ fuzzy: 0.34 })
    expect(wide.matched).toBeGreaterThan(10 * SCORE_BLOCK)
    // 53% scored (78% when the words a document has were bounded by their window bounds alone).
    expect(wide.scored).toBeLessThan(0.65 * wide.matched)
  }, 180_000)

  it("answers the same when a request's evaluations share each term's plan and match set (withTermCache's memo)", () => {
    const reference = MiniSearch.loadJSON<SearchDocument>(JSON.stringify(buildIndex(articles)), INDEX_OPTIONS)
    const list = cases(240, 41, articles.length)
    let compared = 0
    // Eight cases to a request: the same terms come back under other options (prefix, fuzzy, weights, fields), each
    // its own plan, and each case is evaluated pruned and exhaustive, the second reading the first's sets.
    for (let from = 0; from < list.length; from += 8) {
      const request = withTermCache(bundle.index)
      compared += compare(request.index, reference, list.slice(from, from + 8), bundle.ids)
      request.memo.release()
    }
    expect(compared).toBeGreaterThan(2_000)
  }, 180_000)

  it("unites a term's postings once per request, however many of its evaluations ask for it", () => {
    const words: Query[] = [
      { queries: ['con'], prefix: true },
      { queries: ['minister'], fuzzy: 0.2 },
    ]
    const query: Query = { combineWith: 'OR', queries: words }
    const everyWord: Query = { combineWith: 'AND', queries: words }
    const united = (index: MiniSearch<SearchDocument>) => {
      const before = ENGINE_TOTALS.matchPostings
      const search = prepareSearch(index, query)
      return { postings: ENGINE_TOTALS.matchPostings - before, count: search.matches.count, top: search.topRanked(10) }
    }
    const alone = united(bundle.index)
    const request = withTermCache(bundle.index)
    const first = united(request.index)
    const again = united(request.index)
    // Its words in another tree (an AND of them, as a search's every-word count) read no postings either.
    const before = ENGINE_TOTALS.matchPostings
    const every = prepareSearch(request.index, everyWord).matches.count
    expect(ENGINE_TOTALS.matchPostings).toBe(before)
    request.memo.release()
    expect(alone.postings).toBeGreaterThan(1_000)
    expect(first).toEqual(alone)
    expect(again).toEqual({ ...alone, postings: 0 })
    expect(every).toBe(prepareSearch(bundle.index, everyWord).matches.count)
    expect(every).toBeGreaterThan(0)
  })

  it('also runs over a MiniSearch index built in memory (bounds computed from its postings)', () => {
    const documents = syntheticDocuments(800, 21)
    const built = new MiniSearch<SearchDocument>(INDEX_OPTIONS)
    built.addAll(documents)
    // Compared with itself: a loadJSON copy may iterate prefix matches in another order.
    expect(
      compare(
        built,
        built,
        cases(150, 17, documents.length),
        documents.map((document) => document.id),
      ),
    ).toBeGreaterThan(2_000)
  })
})

describe('a match set', () => {
  it('taken from the pool after another was released, reuses its words emptied, and only for the same length', () => {
    const released = MatchSet.all(1000)
    const words = released.words
    released.release()
    expect(MatchSet.pooled(999).words).toBe(words)
    expect(MatchSet.pooled(999).words).not.toBe(words)
    const other = MatchSet.all(64)
    other.release()
    const taken = MatchSet.pooled(1000)
    expect(taken.words).not.toBe(other.words)
    expect(taken.count).toBe(0)
    const copy = MatchSet.all(70).pooledCopy()
    expect(copy.count).toBe(70)
  })

  it('counts, combines and lists documents as a Set of numbers does', () => {
    const next = random(1)
    for (const size of [1, 31, 32, 33, 100, 1000]) {
      const a = new MatchSet(size)
      const b = MatchSet.all(size)
      const expectedA = new Set<number>()
      for (let i = 0; i < size / 3; i++) {
        const doc = Math.floor(next() * size)
        a.add(doc)
        expectedA.add(doc)
      }
      expect(a.count).toBe(expectedA.size)
      expect([...a.toArray()]).toEqual([...expectedA].sort((x, y) => x - y))
      expect(b.count).toBe(size)
      expect(b.copy().subtract(a).count).toBe(size - expectedA.size)
      expect(a.copy().intersect(b).count).toBe(expectedA.size)
      expect(a.copy().retain((doc) => doc % 2 === 0).count).toBe([...expectedA].filter((doc) => doc % 2 === 0).length)
    }
  })
})

describe('searchArticles with pruning', () => {
  it('gives the same responses as scoring every match: hits, order, scores, totals, facets, for every kind of query and page', async () => {
    const next = random(29)
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!
    const words = articles.flatMap((article) => article.title.match(/\p{L}{4,}/gu) ?? [])
    const places = articles.flatMap((article) => article.facts.entities.filter((entity) => entity.type === 'place').map((entity) => entity.name))
    const typo = (text: string) => text.slice(0, 2) + text.slice(3)
    // Recency counted from a corpus day, so that the boost (up to twice the score) differs between articles.
    const days = articles.flatMap((article) => (article.date ? [article.date] : []))
    const queries = Array.from({ length: 300 }, (_, i) => {
      const q = [
        () => pick(words),
        () => `${pick(words)} ${pick(words)}`,
        () => `${pick(words)} ${pick(words).slice(0, 3)}`,
        () => typo(pick(words)),
        () => `"${pick(words)} ${pick(words)}"`,
        () => `${pick(words)} -${pick(words)}`,
        () => `${pick(words)} ${pick(words)} ${pick(words)}`,
        // Longer than RANKING.shortQueryWords: the articles with every word form a first tier.
        () => Array.from({ length: 6 }, () => pick(words)).join(' '),
      ][i % 8]!()
      const params: SearchParams = {
        q,
        limit: pick([1, 5, 10, 50]),
        offset: pick([0, 0, 0, 10, 40]),
        sort: i % 5 === 0 ? 'date' : 'relevance',
        ...(i % 4 === 1 ? { from: '2020-01-01', to: '2025-06-30' } : {}),
        ...(i % 6 === 2 ? { recency: pick([1, 30]), now: pick(days) } : {}),
        ...(i % 3 === 0 ? { filters: { place: [pick(places)] } } : {}),
        ...(i % 9 === 4 ? { filters: { year: ['2024', '2025'] } } : {}),
      }
      return params
    })
    let hits = 0
    const answers = []
    for (const params of queries) {
      const pruned = await searchArticles(bundle, params)
      const exhaustive = await searchArticles(bundle, params, { exhaustive: true })
      expect(pruned, JSON.stringify(params)).toEqual(exhaustive)
      hits += pruned.hits.length
      answers.push(pruned)
    }
    expect(hits).toBeGreaterThan(500)
    // All at once, each search's awaits interleaved with the others': match sets taken from the isolate's pool and
    // handed back at the end of each search never reach another search while it still reads them.
    expect(await Promise.all(queries.map((params) => searchArticles(bundle, params)))).toEqual(answers)
  })

  it('keeps, for a date range with either end open, exactly the matches dated within it (undated ones never)', async () => {
    const dateOf = new Map(articles.map((article) => [article.id, article.date]))
    const dates = [...new Set(articles.flatMap((article) => (article.date ? [article.date] : [])))].sort()
    // A date some article has (the range's ends are inclusive) and one no article has.
    const middle = dates[Math.floor(dates.length / 2)]!
    const ranges = [{ from: middle }, { to: middle }, { from: middle, to: middle }, { from: `${middle.slice(0, 4)}-00-00`, to: dates.at(-1)! }]
    for (const q of ['police', 'government', 'said']) {
      const everyMatch = await searchArticles(bundle, { q, limit: articles.length, offset: 0, sort: 'relevance' })
      expect(everyMatch.total).toBeGreaterThan(20)
      for (const range of ranges) {
        const inRange = (date: string | undefined) =>
          date !== undefined && (range.from === undefined || date >= range.from) && (range.to === undefined || date <= range.to)
        const expected = everyMatch.hits.filter((hit) => inRange(dateOf.get(hit.id)))
        const dated = await searchArticles(bundle, { q, limit: articles.length, offset: 0, sort: 'relevance', ...range })
        expect(dated.total, `${q} ${JSON.stringify(range)}`).toBe(expected.length)
        // The same order and scores as the whole result list cut to the range.
        expect(dated.hits.map((hit) => [hit.id, hit.score])).toEqual(expected.map((hit) => [hit.id, hit.score]))
      }
    }
  })
})
