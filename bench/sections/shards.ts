import type { SearchResult } from 'minisearch'
import type { StoredArticle } from '../../src/article'
import { loadCompactIndex, serializeCompactIndex, serializeCompactShards } from '../../src/search/index/compact-index'
import { INDEX_OPTIONS, type SearchDocument } from '../../src/search/options'
import { buildIndex } from '../../src/search/search'
import { MINISEARCH_OPTIONS, type QueryKind } from '../lib/engines'
import type { QuerySet } from '../lib/queries'
import { summarize, type Figure } from '../lib/stats'

const TOP = 10

export type ShardResult = { shards: number; queries: number; sameTop10: number; scatter: Figure; merge: Figure; single: Figure }

/**
 * N in-process shards (round-robin split) as the build cuts them (each keeps the corpus-wide statistics:
 * `serializeCompactShards`), searched one after another, merged by score, compared with one index over all.
 */
export function shardSimulation(articles: readonly StoredArticle[], shardCount: number, queries: QuerySet): ShardResult {
  const built = buildIndex(articles)
  const whole = loadCompactIndex<SearchDocument>(serializeCompactIndex(built), INDEX_OPTIONS)
  const split = Array.from({ length: shardCount }, (_, shard) => articles.flatMap((_, i) => (i % shardCount === shard ? [i] : [])))
  const shards = serializeCompactShards(built, split).map((compact) => loadCompactIndex<SearchDocument>(compact, INDEX_OPTIONS))
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
  const key = (results: readonly SearchResult[]) =>
    results
      .map((result) => `${result.score.toPrecision(10)} ${result.id}`)
      .sort()
      .join('\n')
  return key(merged) === key(expected)
}
