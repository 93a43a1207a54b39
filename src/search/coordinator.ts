import type { FacetTable } from './tables/facet-table'
import type { FacetCounts, NormalizedFilters } from './facets'
import type { MatchSet } from './topk/match-set'
import { mergeWordKnowledge, type WordKnowledge } from './typos'

/** What orders a ranked result: the same fields whichever shard holds the article. */
export type RankKey = {
  /** 0: the article has every query word as typed, or the query is short (one tier); 1: a long query's article with only some. */
  tier: number
  score: number
  /** Publication date, '' when undated. */
  date: string
  /** The article's position in the whole corpus: the last tie-break, so equal scores come in one order everywhere. */
  position: number
}

/**
 * The order of ranked results: by relevance (every word first, then score), or
 * newest first (undated last, then score); equal keys by corpus position. One
 * index sorts by it, and a sharded corpus merges its shards' lists by it.
 */
export function rankOrder(sort: 'relevance' | 'date'): (a: RankKey, b: RankKey) => number {
  if (sort === 'date') return (a, b) => (a.date === b.date ? b.score - a.score || a.position - b.position : a.date < b.date ? 1 : -1)
  return (a, b) => a.tier - b.tier || b.score - a.score || a.position - b.position
}

/**
 * The decisions a search takes over the whole corpus. One index takes them
 * alone (`ONE_CORPUS`); a shard takes them together with the other shards
 * through the front Worker (src/shards/), so that every shard follows the
 * same branch and the merged answer is the one index's answer.
 */
export type SearchCoordinator = {
  /** Where this corpus's documents start in the whole corpus (0 for one index). */
  readonly firstPosition: number
  /** The corpus-wide sum of a count; `step` names it (every shard asks for the same steps in the same order). */
  sum(step: string, local: number): Promise<number>
  /** The whole corpus's knowledge of a query's words (typos.ts) from this corpus's. */
  words(step: string, local: readonly WordKnowledge[]): Promise<WordKnowledge[]>
  /** Which of this corpus's best `offset + limit` results (in rank order) are on the page, in page order. */
  page(ranked: readonly RankKey[], window: { offset: number; limit: number }): Promise<number[]>
  /** The facet counts of the whole result set (see `FacetTable.count`); `matches`: this corpus's. */
  facets(table: FacetTable, matches: MatchSet, filters: NormalizedFilters, limit: number): Promise<FacetCounts>
}

/** One index: its own counts are the corpus's. */
export const ONE_CORPUS: SearchCoordinator = {
  firstPosition: 0,
  sum: (_step, local) => Promise.resolve(local),
  words: (_step, local) => Promise.resolve(mergeWordKnowledge([local])),
  page: (ranked, { offset, limit }) =>
    Promise.resolve(Array.from({ length: Math.max(0, Math.min(ranked.length, offset + limit) - offset) }, (_, i) => offset + i)),
  facets: (table, matches, filters, limit) => Promise.resolve(table.count(matches, filters, limit)),
}
