import type { RelatedArticle, StoredArticle } from '../article'
import type { CatalogFact, FactQuery } from '../corpus-services/fact-catalog'
import { rankOrder, type RankKey } from '../search/coordinator'
import { mergeFacetTallies, type FacetTallies } from '../search/facet-table'
import { normalizeFilters, type FacetCounts } from '../search/facets'
import type { ListedArticle, ListingParams } from '../search/listing'
import type { SearchHit, SearchParams, SearchResponse } from '../search/search'
import type { SuggestionCandidates } from './suggest-candidates'

/**
 * What the front offers the shards during one search: each shard hands in its
 * own figures and gets back the whole corpus's once every shard has handed in
 * (a barrier per step), so every shard takes the same decisions.
 */
export type GatherApi = {
  sum(shard: number, step: string, local: number): Promise<number>
  max(shard: number, step: string, local: number): Promise<number>
  unknownWords(shard: number, local: number[]): Promise<number[]>
  /** The shard's best `offset + limit` rank keys in; which of them are on the page out (indices, page order). */
  page(shard: number, ranked: RankKey[]): Promise<number[]>
  facets(shard: number, tallies: FacetTallies, limit: number): Promise<FacetCounts>
}

export type ShardHealth = { documents: number; version: string; builtAt: string }

/** What the listing's order reads of an article (see `listingOrder`). */
export type ListingKey = { id: string; title: string; date?: string }

/** A fact as the catalogue's order reads it: its number in its shard's catalogue, its article's id and date ('' when unknown). */
export type FactKey = { fact: number; id: string; date: string }

/** A shard as the front calls it: an RPC stub of a shard Worker, or a shard in process (tests, bench). See `Shard` for each. */
export type ShardApi = {
  search(params: SearchParams, shard: number, gather: GatherApi): Promise<SearchResponse>
  article(id: string): Promise<StoredArticle | undefined>
  articles(ids: readonly string[]): Promise<Map<string, StoredArticle>>
  listingKeys(params: ListingParams): Promise<{ total: number; keys: ListingKey[] }>
  listed(ids: readonly string[], sort: ListingParams['sort']): Promise<ListedArticle[]>
  related(article: StoredArticle, limit: number): Promise<RelatedArticle[]>
  suggest(q: string): Promise<SuggestionCandidates>
  factKeys(query: FactQuery): Promise<{ total: number; facts: FactKey[] }>
  factsAt(facts: readonly number[]): Promise<CatalogFact[]>
  health(): Promise<ShardHealth>
}

/** A shard failed, answered for another build, or did not answer in time: the front answers 503, never a partial total. */
export class ShardsUnavailable extends Error {}

/** How long the front waits for every shard to finish one request. */
export const SHARD_TIMEOUT_MS = 10_000

/** One step's barrier: resolves every shard's call with the combined value once all have called. */
class Barrier<T, R> {
  private readonly values: T[] = []
  private arrived = 0
  private readonly done: Promise<R>
  private resolve!: (value: R) => void
  reject!: (error: Error) => void

  constructor(
    private readonly shards: number,
    private readonly combine: (values: T[]) => R,
  ) {
    this.done = new Promise<R>((resolve, reject) => {
      this.resolve = resolve
      this.reject = reject
    })
    // The front may abort a step no shard is waiting on: that is no unhandled rejection.
    this.done.catch(() => {})
  }

  arrive(shard: number, value: T): Promise<R> {
    if (shard in this.values) return Promise.reject(new ShardsUnavailable(`shard ${shard} handed in the same step twice`))
    this.values[shard] = value
    if (++this.arrived === this.shards) this.resolve(this.combine(this.values))
    return this.done
  }
}

/** The front's side of one search over `shards` shards. */
class Gather {
  private readonly barriers = new Map<string, Barrier<unknown, unknown>>()
  private failure: Error | undefined
  /** Per shard, the page positions of the hits it will return, in its order. */
  readonly slots: number[][]
  readonly api: GatherApi

  constructor(
    private readonly shards: number,
    private readonly params: SearchParams,
  ) {
    this.slots = Array.from({ length: shards }, () => [])
    this.api = {
      sum: (shard, step, local) => this.step(`sum:${step}`, shard, local, (values: number[]) => values.reduce((a, b) => a + b, 0)),
      max: (shard, step, local) => this.step(`max:${step}`, shard, local, (values: number[]) => Math.max(...values)),
      unknownWords: (shard, local) => this.step('unknown', shard, local, (values: number[][]) => values.reduce((all, mine) => all.filter((at) => mine.includes(at)))),
      page: (shard, ranked) => this.step('page', shard, ranked, (lists: RankKey[][]) => this.cutPage(lists)).then((pages) => pages[shard]!),
      facets: (shard, tallies, limit) => this.step('facets', shard, tallies, (all: FacetTallies[]) => mergeFacetTallies(all, normalizeFilters(this.params.filters ?? {}), limit)),
    }
  }

  private step<T, R>(name: string, shard: number, local: T, combine: (values: T[]) => R): Promise<R> {
    if (this.failure) return Promise.reject(this.failure)
    if (!Number.isInteger(shard) || shard < 0 || shard >= this.shards) return Promise.reject(new ShardsUnavailable(`no shard ${shard}`))
    let barrier = this.barriers.get(name) as Barrier<T, R> | undefined
    if (!barrier) this.barriers.set(name, (barrier = new Barrier<T, R>(this.shards, combine) as Barrier<T, R>) as Barrier<unknown, unknown>)
    return barrier.arrive(shard, local)
  }

  /** Every pending and later step fails: the shards still waiting stop instead of hanging. */
  abort(error: Error) {
    this.failure ??= error
    for (const barrier of this.barriers.values()) barrier.reject(this.failure)
  }

  /** k-way merge of the shards' ranked lists by the one index's order, cut to the page: each shard's indices on it. */
  private cutPage(lists: RankKey[][]): number[][] {
    const order = rankOrder(this.params.sort)
    const heads = lists.map(() => 0)
    const pages: number[][] = lists.map(() => [])
    const end = this.params.offset + this.params.limit
    for (let at = 0; at < end; at++) {
      let best = -1
      lists.forEach((list, shard) => {
        const head = list[heads[shard]!]
        if (head && (best === -1 || order(head, lists[best]![heads[best]!]!) < 0)) best = shard
      })
      if (best === -1) break
      if (at >= this.params.offset) {
        pages[best]!.push(heads[best]!)
        this.slots[best]!.push(at - this.params.offset)
      }
      heads[best]!++
    }
    return pages
  }
}

/**
 * One search over every shard, concurrently: each shard runs the one-index
 * search on its own documents, taking the corpus-wide decisions through the
 * gather steps; the answer is the shards' common one (totals, facets, flags)
 * with the page's hits each shard rendered put in their merged order. Any
 * shard failing, or all not done within `timeoutMs`, is `ShardsUnavailable`.
 */
export async function searchShards(shards: readonly ShardApi[], params: SearchParams, timeoutMs = SHARD_TIMEOUT_MS): Promise<SearchResponse> {
  const gather = new Gather(shards.length, params)
  const answers = await allOrNothing(
    shards.map((shard, i) => shard.search(params, i, gather.api)),
    timeoutMs,
    (error) => gather.abort(error),
  )
  const hits: SearchHit[] = []
  answers.forEach((answer, shard) => answer.hits.forEach((hit, j) => (hits[gather.slots[shard]![j]!] = hit)))
  return { ...answers[0]!, hits }
}

/**
 * Every shard's answer, or `ShardsUnavailable` as soon as one fails or the
 * time is up (`onFailure` is told first, so the others stop waiting).
 */
export async function allOrNothing<T>(calls: readonly Promise<T>[], timeoutMs: number, onFailure: (error: Error) => void = () => {}): Promise<T[]> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const fail = (error: Error): never => {
    onFailure(error)
    throw error
  }
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ShardsUnavailable(`a shard did not answer within ${timeoutMs} ms`)), timeoutMs)
  })
  try {
    return await Promise.race([
      Promise.all(calls.map((call, shard) => call.catch((error: unknown) => fail(new ShardsUnavailable(`shard ${shard} failed: ${(error as Error).message}`))))),
      timeout.catch((error: unknown) => fail(error as Error)),
    ])
  } finally {
    clearTimeout(timer)
  }
}
