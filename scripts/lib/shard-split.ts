/**
 * How a corpus is cut into shards by document: how many (from what one
 * isolate holds) and which articles go where (consecutive runs, in corpus
 * order, so a shard's short id i is corpus position `first + i`).
 */

/**
 * Articles one shard Worker holds. docs/scaling.md measured an isolate's heap
 * after a request mix at 56.5 MiB with 10,000 articles and 88 MiB with 20,000
 * (about 3 MiB more per 1,000): 10,000 keeps a shard under the 64 MiB target,
 * half of the 128 MB an isolate may use.
 */
export const ARTICLES_PER_SHARD = 10_000

/** Service bindings a front Worker gets, one per shard; far below any platform limit, and a typo guard for SHARDS. */
export const MAX_SHARDS = 64

/**
 * The number of shards for `articles` articles: `SHARDS` when given (1 = one
 * Worker), else as many as keep each shard within `perShard` (`ARTICLES_PER_SHARD`). A
 * message says what is wrong with a bad `SHARDS`.
 */
export function shardCount(articles: number, forced: string | undefined, perShard = ARTICLES_PER_SHARD): number | { error: string } {
  if (forced === undefined || forced === '') return Math.max(1, Math.ceil(articles / perShard))
  if (!/^\d+$/.test(forced) || Number(forced) < 1 || Number(forced) > MAX_SHARDS)
    return { error: `SHARDS must be a whole number from 1 to ${MAX_SHARDS} (got "${forced}").` }
  const count = Number(forced)
  if (count > articles) return { error: `SHARDS=${count} is more shards than the corpus has articles (${articles}).` }
  return count
}

/**
 * How the corpus is cut: `shards` of sizes that differ by at most one (a forced `SHARDS`), or shards of `perShard`
 * articles filled in turn, the last taking the rest (the default: `ARTICLES_PER_SHARD`). Filled in turn, articles
 * appended to a corpus land in its last shard or a new one, and every full shard keeps its articles, so its index
 * stays the same bytes (docs/scaling.md, the build at scale); balanced, every boundary moves.
 */
export type ShardLayout = { shards: number } | { perShard: number }

/** The ranges of `layout` over `articles` articles (see `ShardLayout`). */
export function layoutRanges(articles: number, layout: ShardLayout): { first: number; size: number }[] {
  if ('shards' in layout) return shardRanges(articles, layout.shards)
  const { perShard } = layout
  return Array.from({ length: Math.max(1, Math.ceil(articles / perShard)) }, (_, shard) => ({
    first: shard * perShard,
    size: Math.min(perShard, articles - shard * perShard),
  }))
}

/** Shard s's articles: positions `first` to `first + size - 1` of the corpus; sizes differ by at most one. */
export function shardRanges(articles: number, shards: number): { first: number; size: number }[] {
  const base = Math.floor(articles / shards)
  const larger = articles % shards
  let first = 0
  return Array.from({ length: shards }, (_, shard) => {
    const size = base + (shard < larger ? 1 : 0)
    const range = { first, size }
    first += size
    return range
  })
}
