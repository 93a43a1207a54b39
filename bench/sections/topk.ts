import { runInNewContext } from 'node:vm'
import { GCProfiler, getHeapStatistics, setFlagsFromString } from 'node:v8'
import type { StoredArticle } from '../../src/article'
import type { SearchCorpus } from '../../src/search/context'
import { loadCompactIndex, serializeCompactIndex } from '../../src/search/index/compact-index'
import { bm25Part, SCORE_BLOCK, storesTermWindows, WINDOW_SHIFT } from '../../src/search/index/compact-postings'
import { reviveTables, storeTables } from '../../src/search/tables/corpus-tables'
import { BASE_SEARCH_OPTIONS, INDEX_OPTIONS, RANKING, type SearchDocument } from '../../src/search/options'
import { buildIndex, searchArticles, type SearchParams } from '../../src/search/search'
import { processTerm } from '../../src/search/terms'
import { ONE_CORPUS, type SearchCoordinator } from '../../src/search/coordinator'
import { ENGINE_TOTALS, SEARCH_STAGES, type SearchStage } from '../../src/search/topk/evaluate'
import { querySet } from '../lib/queries'
import { summarize, type Figure } from '../lib/stats'

export type TopKKind = {
  kind: string
  pruned: Figure
  exhaustive: Figure
  miniSearch: Figure
  /** Per query its fastest round, then median / p99 over the queries: what the search costs on a machine busy with other work. */
  best: { pruned: Figure; exhaustive: Figure; miniSearch: Figure }
  /** The facet counts' part of the pruned search (`FacetTable.count`), each query's fastest round. */
  facets: Figure
  scoredPerMatch: number
  /** Share of the matched documents whose window was visited (bound checked or scored): what the window bounds did not rule out. */
  visitedPerMatch: number
  fellBack: number
  searches: number
  /** With `--stages`: where the pruned search's time goes, over every query and over its slowest 5%. */
  stages?: KindStages
}
/** Per stage (SEARCH_STAGES), ms of each query's fastest round: median over the queries, and mean over the slowest 5% with those queries. */
export type KindStages = {
  median: Record<SearchStage, number>
  slowest: Record<SearchStage, number>
  slowQueries: string[]
  slowMs: number[]
  /** Per slow query, the evaluator's work (ENGINE_TOTALS' differences over one search) pruned and exhaustive. */
  slowCounts: { pruned: EngineCounts; exhaustive: EngineCounts }[]
  /**
   * The rank stage alone (the scoring: the pruned top k against every match scored), each query's fastest round of
   * each, timed in the same rounds, query by query in turn: the comparison issue 15 asks for, where the whole search's
   * also holds the stages both share (match sets, facets, hits).
   */
  rank: { pruned: Figure; exhaustive: Figure }
}
export type EngineCounts = typeof ENGINE_TOTALS
export type TopKPoint = {
  articles: number
  indexBytes: number
  /** Of `indexBytes`, the bounds: the score blocks' and the terms' windows' (both in `boundBytes`). */
  boundBytes: number
  windowBytes: number
  /** The facet columns' per-value document lists, frequent values' bitsets and per-document rows (FacetRows), as made by the searches run. */
  facetBytes: number
  kinds: TopKKind[]
  bytesPerOneWordSearch: { pruned: number; exhaustive: number; samples: number }
}

/** A corpus as the Worker opens it (compact index, tables), bodies answered from memory. */
function compactCorpus(articles: readonly StoredArticle[]): { corpus: SearchCorpus; indexBytes: number; boundBytes: number; windowBytes: number } {
  const built = buildIndex(articles)
  const compact = serializeCompactIndex(built)
  const byId = new Map(articles.map((article) => [article.id, article]))
  const corpus: SearchCorpus = {
    index: loadCompactIndex<SearchDocument>(compact, INDEX_OPTIONS),
    tables: reviveTables(
      storeTables(articles),
      articles.map((article) => article.id),
    ),
    articlesById: async (ids) => new Map(ids.flatMap((id) => (byId.has(id) ? [[id, byId.get(id)!] as const] : []))),
  }
  const windowBytes = windowBytesOf(built)
  return { corpus, indexBytes: compact.binary.length + JSON.stringify(compact.header).length, boundBytes: boundBytesOf(built) + windowBytes, windowBytes }
}

type IndexJson = {
  index: [string, Record<string, Record<string, number>>][]
  fieldLength: Record<string, number[]>
  averageFieldLength: number[]
  documentCount: number
}

/** Bytes the terms' window bounds take: one varint under 128 per window of each term that stores them. */
function windowBytesOf(built: ReturnType<typeof buildIndex>): number {
  const json = built.toJSON() as unknown as IndexJson
  let bytes = 0
  for (const [, fields] of json.index) {
    const windows = new Set<number>()
    let postings = 0
    for (const docs of Object.values(fields)) {
      for (const doc of Object.keys(docs)) windows.add(Number(doc) >>> WINDOW_SHIFT)
      postings += Object.keys(docs).length
    }
    if (storesTermWindows(postings, json.documentCount)) bytes += windows.size
  }
  return bytes
}

/**
 * Bytes the score block bounds take: three varints per block of the postings lists longer than one block (the part
 * counted at its largest, 2 bytes), and one varint per shorter list, its largest part.
 */
function boundBytesOf(built: ReturnType<typeof buildIndex>): number {
  const varint = (value: number) => (value < 128 ? 1 : value < 16384 ? 2 : value < 2097152 ? 3 : 4)
  let bytes = 0
  const json = built.toJSON() as unknown as IndexJson
  const { k, b } = RANKING.bm25
  for (const [, fields] of json.index) {
    for (const [field, postings] of Object.entries(fields)) {
      const docs = Object.keys(postings).map(Number)
      if (docs.length <= SCORE_BLOCK) {
        const average = json.averageFieldLength[Number(field)]!
        const part = Math.max(...docs.map((doc) => bm25Part(postings[doc]!, json.fieldLength[doc]![Number(field)]!, average, k, b) / (k + 1)))
        bytes += varint(Math.min(255, Math.ceil(part * 255 * (1 + 1e-9))))
        continue
      }
      for (let start = 0; start < docs.length; start += 64) {
        const block = docs.slice(start, start + 64)
        const maxFrequency = Math.max(...block.map((doc) => postings[doc]!))
        const minRatio = Math.min(...block.map((doc) => Math.floor((16 * json.fieldLength[doc]![Number(field)]!) / postings[doc]!)))
        bytes += varint(maxFrequency) + varint(minRatio) + varint(255)
      }
    }
  }
  return bytes
}

/** A query's index terms, as the product looks them up first. */
const terms = (q: string) => q.split(' ').flatMap((word) => processTerm(word) ?? [])

const collectGarbage = (() => {
  setFlagsFromString('--expose-gc')
  return runInNewContext('gc') as () => void
})()

/**
 * Median bytes allocated (JS heap + array buffers) by one call, each call
 * measured right after the same call (its caches warm), in code already
 * optimised, and kept only if no garbage collection ran during it (which
 * would hide what it freed; GCProfiler says). No collection is forced just
 * before: V8 drops a function's optimised code on a forced full collection,
 * and the call then runs in the interpreter, which boxes every double it
 * computes (a heap number per document scored), which a Worker serving
 * requests does not do. Returns the median and how many calls were measured.
 */
async function bytesPerCall<T>(items: readonly T[], fn: (item: T) => Promise<unknown>): Promise<{ median: number; samples: number }> {
  for (const item of items) await fn(item)
  const samples: number[] = []
  for (const item of items) {
    for (let attempt = 0; attempt < 3; attempt++) {
      await fn(item)
      const profiler = new GCProfiler()
      profiler.start()
      const before = getHeapStatistics()
      await fn(item)
      const after = getHeapStatistics()
      if ((profiler.stop()?.statistics.length ?? 0) > 0) continue
      samples.push(after.used_heap_size - before.used_heap_size + after.external_memory - before.external_memory)
      break
    }
  }
  return { median: summarize(samples).median, samples: samples.length }
}

/**
 * The product's search (`searchArticles`) on a synthetic corpus of `size`
 * articles: pruned (top-k) beside exhaustive (every match scored by the same
 * evaluator) and beside MiniSearch's own `search` of the same first query
 * (what the product ran before the evaluator), in the same run.
 */
export async function topKPoint(articles: readonly StoredArticle[], perKind: number, rounds: number, seed: number, stages = false): Promise<TopKPoint> {
  const { corpus, indexBytes, boundBytes, windowBytes } = compactCorpus(articles)
  const set = querySet(articles, perKind, seed)
  const base = { limit: 10, offset: 0, sort: 'relevance' } as const
  const kinds: [string, SearchParams[]][] = [
    ['one word', set.faceted.map(({ q }) => ({ ...base, q }))],
    ['two words', set.faceted.map(({ q }, i) => ({ ...base, q: `${q} ${set.exact[i]!.q.split(' ')[0]}` }))],
    ['prefix + typo + facets', set.typo.map(({ q }, i) => ({ ...base, q: `${q} ${set.prefix[i]!.q}`, filters: { year: [set.faceted[i]!.year!] } }))],
    ['filtered (dates)', set.filtered.map(({ q, from, to }) => ({ ...base, q, from: from!, to: to! }))],
  ]
  const rows: TopKKind[] = []
  for (const [kind, list] of kinds) {
    const totals = { ...ENGINE_TOTALS }
    for (const params of list) await searchArticles(corpus, params)
    const searches = ENGINE_TOTALS.searches - totals.searches
    const fellBack = ENGINE_TOTALS.exhaustive - totals.exhaustive
    const scoredPerMatch = (ENGINE_TOTALS.scored - totals.scored) / Math.max(1, ENGINE_TOTALS.matched - totals.matched)
    const visitedPerMatch = (ENGINE_TOTALS.visited - totals.visited) / Math.max(1, ENGINE_TOTALS.matched - totals.matched)
    // The three alternate query by query, so that load and collections fall on each alike.
    const samples = { pruned: [] as number[], exhaustive: [] as number[], miniSearch: [] as number[] }
    const time = async (into: number[], run: () => Promise<unknown> | unknown) => {
      const start = performance.now()
      await run()
      into.push(performance.now() - start)
    }
    // The pruned search's facet counts timed on their own, through the coordinator that one index answers them with.
    const facetMs: number[] = []
    const timedFacets: SearchCoordinator = {
      ...ONE_CORPUS,
      facets: (table, matches, filters, limit) => {
        const start = performance.now()
        const counts = table.count(matches, filters, limit)
        facetMs.push(performance.now() - start)
        return Promise.resolve(counts)
      },
    }
    const runs = {
      pruned: () => searchArticles(corpus, params, { coordinator: timedFacets }),
      exhaustive: () => searchArticles(corpus, params, { exhaustive: true }),
      miniSearch: () => corpus.index.search({ combineWith: 'AND', queries: terms(params.q) }, BASE_SEARCH_OPTIONS),
    }
    let params = list[0]!
    // A forced collection drops optimised code (see bytesPerCall): one untimed pass after it optimises the code again.
    collectGarbage()
    for (params of list) for (const run of Object.values(runs)) await run()
    for (let round = 0; round < rounds; round++) {
      for (params of list) {
        await time(samples.pruned, runs.pruned)
        await time(samples.exhaustive, runs.exhaustive)
        await time(samples.miniSearch, runs.miniSearch)
      }
    }
    // Sample i of a round is query i % list.length: each query's fastest round.
    const best = (all: number[]) => summarize(list.map((_, i) => Math.min(...all.filter((_, at) => at % list.length === i))))
    rows.push({
      kind,
      pruned: summarize(samples.pruned),
      exhaustive: summarize(samples.exhaustive),
      miniSearch: summarize(samples.miniSearch),
      best: { pruned: best(samples.pruned), exhaustive: best(samples.exhaustive), miniSearch: best(samples.miniSearch) },
      // The untimed pass counted facets too: its samples are the first list.length.
      facets: best(facetMs.slice(list.length)),
      scoredPerMatch,
      visitedPerMatch,
      fellBack,
      searches,
      ...(stages
        ? {
            stages: await stagesOf(
              list,
              rounds,
              (params) => searchArticles(corpus, params),
              (params) => searchArticles(corpus, params, { exhaustive: true }),
            ),
          }
        : {}),
    })
  }
  const oneWord = kinds[0]![1].slice(0, 30)
  const pruned = await bytesPerCall(oneWord, (params) => searchArticles(corpus, params))
  const exhaustive = await bytesPerCall(oneWord, (params) => searchArticles(corpus, params, { exhaustive: true }))
  const bytesPerOneWordSearch = { pruned: pruned.median, exhaustive: exhaustive.median, samples: Math.min(pruned.samples, exhaustive.samples) }
  return { articles: articles.length, indexBytes, boundBytes, windowBytes, facetBytes: corpus.tables.facets.invertedBytes, kinds: rows, bytesPerOneWordSearch }
}

/**
 * Each query's stages (SEARCH_STAGES) in its fastest round of `rounds` (the
 * round with the least total), the median over the queries per stage, and
 * the mean over the slowest 5% (at least one) by that total: which stages make
 * the p99.
 */
async function stagesOf(
  list: readonly SearchParams[],
  rounds: number,
  search: (params: SearchParams) => Promise<unknown>,
  exhaustive: (params: SearchParams) => Promise<unknown>,
): Promise<KindStages> {
  const names = Object.keys(SEARCH_STAGES.ms) as SearchStage[]
  const fastest = list.map(() => ({ total: Infinity, ms: { ...SEARCH_STAGES.ms } }))
  const fastestRank = { pruned: list.map(() => Infinity), exhaustive: list.map(() => Infinity) }
  SEARCH_STAGES.on = true
  try {
    for (let round = 0; round < rounds; round++) {
      for (let i = 0; i < list.length; i++) {
        for (const name of names) SEARCH_STAGES.ms[name] = 0
        const start = performance.now()
        await search(list[i]!)
        const total = performance.now() - start
        if (total < fastest[i]!.total) fastest[i] = { total, ms: { ...SEARCH_STAGES.ms } }
        fastestRank.pruned[i] = Math.min(fastestRank.pruned[i]!, SEARCH_STAGES.ms.rank)
        SEARCH_STAGES.ms.rank = 0
        await exhaustive(list[i]!)
        fastestRank.exhaustive[i] = Math.min(fastestRank.exhaustive[i]!, SEARCH_STAGES.ms.rank)
      }
    }
  } finally {
    SEARCH_STAGES.on = false
  }
  const perStage = (pick: (stage: SearchStage) => number) => Object.fromEntries(names.map((name) => [name, pick(name)])) as Record<SearchStage, number>
  const slow = list
    .map((_, i) => i)
    .sort((a, b) => fastest[b]!.total - fastest[a]!.total)
    .slice(0, Math.max(1, Math.ceil(list.length / 20)))
  return {
    median: perStage((name) => summarize(fastest.map(({ ms }) => ms[name])).median),
    slowest: perStage((name) => slow.reduce((sum, i) => sum + fastest[i]!.ms[name], 0) / slow.length),
    slowQueries: slow.map((i) =>
      JSON.stringify({
        q: list[i]!.q,
        ...(list[i]!.filters ? { filters: list[i]!.filters } : {}),
        ...(list[i]!.from ? { from: list[i]!.from, to: list[i]!.to } : {}),
      }),
    ),
    slowMs: slow.map((i) => fastest[i]!.total),
    slowCounts: await slowCountsOf(
      slow.map((i) => list[i]!),
      search,
      exhaustive,
    ),
    rank: { pruned: summarize(fastestRank.pruned), exhaustive: summarize(fastestRank.exhaustive) },
  }
}

/** Each query's counts, one search after the other (searches run side by side would add to each other's). */
async function slowCountsOf(
  queries: readonly SearchParams[],
  search: (params: SearchParams) => Promise<unknown>,
  exhaustive: (params: SearchParams) => Promise<unknown>,
): Promise<KindStages['slowCounts']> {
  const counts: KindStages['slowCounts'] = []
  for (const params of queries) counts.push({ pruned: await countsOf(() => search(params)), exhaustive: await countsOf(() => exhaustive(params)) })
  return counts
}

/** The evaluator's work over one call (ENGINE_TOTALS' differences). */
async function countsOf(run: () => Promise<unknown>): Promise<EngineCounts> {
  const before = { ...ENGINE_TOTALS }
  await run()
  return Object.fromEntries(Object.entries(ENGINE_TOTALS).map(([name, total]) => [name, total - before[name as keyof EngineCounts]])) as EngineCounts
}
