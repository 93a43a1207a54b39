import type MiniSearch from 'minisearch'
import type { SearchResult } from 'minisearch'
import type { StoredArticle } from '../../src/article'
import { loadCompactIndex, serializeCompactIndex } from '../../src/search/compact-index'
import type { TermData } from '../../src/search/compact-postings'
import { INDEX_OPTIONS, type SearchDocument } from '../../src/search/options'
import { buildIndex } from '../../src/search/search'
import { MINISEARCH_OPTIONS, type QueryKind } from '../lib/engines'
import type { QuerySet } from '../lib/queries'
import { summarize, type Figure } from '../lib/stats'

const TOP = 10

type Internals = { _index: TermMapLike; _documentCount: number; _avgFieldLength: number[] }
type TermMapLike = {
  get(term: string): TermData | undefined
  atPrefix(prefix: string): Map<string, TermData>
  fuzzyGet(term: string, distance: number): Map<string, [TermData, number]>
  size: number
}

/**
 * Gives a shard the corpus-wide BM25 statistics: document count, average
 * field lengths, and per term and field the number of documents that have it
 * (MiniSearch reads that as the postings' `size`). A real deployment bakes
 * these into each shard at build time; here they are read from the whole index.
 */
function withGlobalStatistics(shard: MiniSearch<SearchDocument>, whole: MiniSearch<SearchDocument>): void {
  const local = shard as unknown as Internals
  const global = whole as unknown as Internals
  local._documentCount = global._documentCount
  local._avgFieldLength = global._avgFieldLength
  const terms = local._index
  const globalize = (term: string, data: TermData): TermData => {
    const everywhere = global._index.get(term)!
    return new Map([...data].map(([field, postings]) => [field, Object.create(postings, { size: { value: everywhere.get(field)!.size } })]))
  }
  local._index = {
    size: terms.size,
    get: (term) => {
      const data = terms.get(term)
      return data && globalize(term, data)
    },
    atPrefix: (prefix) => new Map([...terms.atPrefix(prefix)].map(([term, data]) => [term, globalize(term, data)])),
    fuzzyGet: (term, distance) => new Map([...terms.fuzzyGet(term, distance)].map(([found, [data, d]]) => [found, [globalize(found, data), d]])),
  }
}

export type ShardResult = { shards: number; queries: number; sameTop10: number; scatter: Figure; merge: Figure; single: Figure }

/** N in-process shards (round-robin split) searched one after another, merged by score, compared with one index over all. */
export function shardSimulation(articles: readonly StoredArticle[], shardCount: number, queries: QuerySet): ShardResult {
  const whole = loadCompactIndex<SearchDocument>(serializeCompactIndex(buildIndex(articles)), INDEX_OPTIONS)
  const shards = Array.from({ length: shardCount }, (_, shard) => {
    const index = loadCompactIndex<SearchDocument>(serializeCompactIndex(buildIndex(articles.filter((_, i) => i % shardCount === shard))), INDEX_OPTIONS)
    withGlobalStatistics(index, whole)
    return index
  })
  const scatter: number[] = []
  const merge: number[] = []
  const single: number[] = []
  let asked = 0
  let same = 0
  for (const kind of ['exact', 'typo', 'prefix'] as QueryKind[]) {
    for (const { q } of queries[kind]) {
      const options = MINISEARCH_OPTIONS[kind]
      let start = performance.now()
      const parts = shards.map((shard) => shard.search(q, options).slice(0, TOP))
      scatter.push(performance.now() - start)
      start = performance.now()
      const merged = mergeTop(parts)
      merge.push(performance.now() - start)
      start = performance.now()
      const expected = whole.search(q, options).slice(0, TOP)
      single.push(performance.now() - start)
      asked++
      if (sameRanking(merged, expected)) same++
    }
  }
  return { shards: shardCount, queries: asked, sameTop10: same, scatter: summarize(scatter), merge: summarize(merge), single: summarize(single) }
}

/** The gather step: each shard's top results into one top list (ties by id, so the merge is deterministic). */
function mergeTop(parts: readonly SearchResult[][]): SearchResult[] {
  return parts
    .flat()
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
    .slice(0, TOP)
}

/** Same documents with the same scores (to 1e-9); documents with equal scores may come in either order. */
function sameRanking(merged: readonly SearchResult[], expected: readonly SearchResult[]): boolean {
  if (merged.length !== expected.length) return false
  const key = (results: readonly SearchResult[]) => results.map((result) => `${result.score.toPrecision(10)} ${result.id}`).sort().join('\n')
  return key(merged) === key(expected)
}
