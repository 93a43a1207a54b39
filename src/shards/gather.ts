import type { RelatedArticle, StoredArticle } from '../article'
import type { Entity } from '../analysis/facts/types'
import type { EntityQuery, StoredEntity } from '../corpus-services/entity-registry'
import { catalogArticleOrder, type ArticleRef, type CatalogFact, type FactPage, type FactQuery } from '../corpus-services/fact-catalog'
import type { DateRange } from '../corpus-services/place-figures'
import { Gather, type GatherApi } from '../search/gather'
import type { ListedArticle, ListingKey, ListingParams } from '../search/listing'
import type { SearchParams, SearchResponse } from '../search/search'
import type { StatisticsData } from '../search/corpus-statistics'
import type { AssociationCounts, SuggestionCandidates } from './suggest-candidates'
import type { EntityFocus, EntityRequest, FactCondition, PartDetail, RankedPlace, RankedPoint, RankedSummary } from './entity-parts'

export type ShardHealth = { documents: number; version: string; builtAt: string }

/** A fact as the catalogue's order reads it: its number in its shard's catalogue, its article's id and date ('' when unknown). */
export type FactKey = { fact: number; id: string; date: string }

/**
 * What a sharded front's live segment changes in a shard's part of the corpus
 * (src/shards/live.ts): the live and hidden articles' statistics, which the
 * shard adds to and takes from its corpus-wide ones, and the base ids the
 * segment replaces or deletes, which the shard skips. `key` names this
 * version of the segment as the front read it (a shard keeps what it made of the last).
 */
export type ShardLive = { key: string; live?: StatisticsData; hidden?: StatisticsData; hiddenIds: string[] }

/** A shard as the front calls it: an RPC stub of a shard Worker, or a shard in process (tests, bench). See `Shard` for each. */
export type ShardApi = {
  search(params: SearchParams, shard: number, gather: GatherApi, live?: ShardLive): Promise<SearchResponse>
  article(id: string, live?: ShardLive): Promise<StoredArticle | undefined>
  articles(ids: readonly string[], live?: ShardLive): Promise<Map<string, StoredArticle>>
  listingKeys(params: ListingParams, live?: ShardLive): Promise<{ total: number; keys: ListingKey[] }>
  listed(ids: readonly string[], sort: ListingParams['sort']): Promise<ListedArticle[]>
  related(article: StoredArticle, limit: number, live?: ShardLive): Promise<RelatedArticle[]>
  suggest(q: string): Promise<SuggestionCandidates>
  associations(q: string, words: readonly string[]): Promise<AssociationCounts>
  factKeys(query: FactQuery, live?: ShardLive): Promise<{ total: number; facts: FactKey[] }>
  factsAt(facts: readonly number[]): Promise<CatalogFact[]>
  health(): Promise<ShardHealth>
  /** Which of these ids the shard's bundle holds, hidden by the live segment or not. */
  holds(ids: readonly string[]): Promise<string[]>
  /** The corpus-wide statistics the shard holds, with the document frequencies of those of `terms` it has. */
  statistics(terms: readonly string[]): Promise<StatisticsData>
  // The registry's part this shard holds (src/shards/entity-parts.ts), and its own articles' facts by entity.
  entitySearch(query: EntityQuery): Promise<{ total: number; hits: RankedSummary[] }>
  entityConditions(requests: readonly EntityRequest[]): Promise<Array<FactCondition | null>>
  entityIdsIn(entities: readonly Pick<Entity, 'name' | 'type'>[]): Promise<Array<[string | null, string | null]>>
  entityDetail(id: string): Promise<PartDetail | undefined>
  entityNames(ranks: readonly number[]): Promise<Array<[number, Pick<StoredEntity, 'id' | 'name' | 'type'>]>>
  placesInside(focus: EntityFocus): Promise<number>
  mapPlaces(range: DateRange): Promise<RankedPlace[]>
  mapAround(focus: EntityFocus): Promise<RankedPoint[]>
  entityFactKeys(conditions: readonly FactCondition[], query: FactQuery): Promise<{ total: number; facts: FactKey[] }>
  articleRefs(positions: readonly number[]): Promise<Array<[number, ArticleRef]>>
}

/** A shard failed, answered for another build, or did not answer in time: the front answers 503, never a partial total. */
export class ShardsUnavailable extends Error {}

/** How long the front waits for every shard to finish one request. */
export const SHARD_TIMEOUT_MS = 10_000

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
  return gather.answer(answers)
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
      Promise.all(
        calls.map((call, shard) => call.catch((error: unknown) => fail(new ShardsUnavailable(`shard ${shard} failed: ${(error as Error).message}`)))),
      ),
      timeout.catch((error: unknown) => fail(error as Error)),
    ])
  } finally {
    clearTimeout(timer)
  }
}

/**
 * A page of `GET /api/facts` over every shard, as the listing pages: each
 * shard's window of facts by the catalogue's order (`window`: numbers, article
 * ids and dates, no article read), merged (a stable sort keeps each article's
 * facts in their order) and cut to the page; then each shard reads its facts
 * on it (`factsAt`); `total` is the sum.
 */
export async function pagedFacts(
  shards: readonly ShardApi[],
  query: Pick<FactQuery, 'offset' | 'limit'>,
  window: (shard: ShardApi) => Promise<{ total: number; facts: FactKey[] }>,
  timeoutMs = SHARD_TIMEOUT_MS,
): Promise<FactPage> {
  const windows = await allOrNothing(shards.map(window), timeoutMs)
  const page = windows
    .flatMap((each, shard) => each.facts.map((key) => ({ ...key, shard })))
    .sort(catalogArticleOrder)
    .slice(query.offset, query.offset + query.limit)
  const read = await allOrNothing(
    shards.map((shard, s) => {
      const mine = page.filter((key) => key.shard === s).map((key) => key.fact)
      return mine.length > 0 ? shard.factsAt(mine) : Promise.resolve([])
    }),
    timeoutMs,
  )
  const next = shards.map(() => 0)
  return {
    total: windows.reduce((sum, each) => sum + each.total, 0),
    offset: query.offset,
    limit: query.limit,
    facts: page.map((key) => read[key.shard]![next[key.shard]!++]!),
  }
}
