import { WorkerEntrypoint } from 'cloudflare:workers'
import type { RelatedArticle, StoredArticle } from '../article'
import { readAsset } from '../bundle/assets'
import { openBundle } from '../bundle/open'
import { SHARD_PACK_BUDGET } from '../bundle/packs'
import type { BundleModule } from '../bundle/format'
import type { ArticleRef, CatalogFact, FactQuery } from '../corpus-services/fact-catalog'
import type { ListedArticle, ListingKey, ListingParams } from '../search/listing'
import type { SearchParams, SearchResponse } from '../search/search'
import type { GatherApi } from '../search/gather'
import type { FactKey, ShardApi, ShardHealth, ShardLive } from './gather'
import type { StatisticsData } from '../search/corpus-statistics'
import type { AssociationCounts, SuggestionCandidates } from './suggest-candidates'
import { Shard, type ShardPlace } from './shard'
import type { Entity } from '../analysis/facts/types'
import type { EntityQuery, StoredEntity } from '../corpus-services/entity-registry'
import type { DateRange } from '../corpus-services/place-figures'
import type { EntityFocus, EntityRequest, FactCondition, PartDetail, RankedPlace, RankedPoint, RankedSummary } from './entity-parts'

/**
 * What the build writes into a shard's entry module besides its data: its place, the build it belongs to, and
 * how many assets its part of the entity registry is cut into (they are under the build's folder, `assets/<build>/`:
 * the part changes with the whole corpus, while the bundle and its own folder change only with the shard's articles).
 */
export type ShardSettings = ShardPlace & { build: string; entityParts: number }

/**
 * A shard Worker (generated/sharded/shard-N/index.ts): an RPC entrypoint over
 * its own bundle, opened once per isolate on first use. Every call names the
 * build the front belongs to; a shard of another build (a deploy halfway
 * through) refuses, so a front never mixes builds.
 */
export function shardWorker(bundle: ArrayBuffer | string, indexBytes: ArrayBuffer, figures: ArrayBuffer, suggestions: ArrayBuffer, settings: ShardSettings) {
  // A Data module (ArrayBuffer) since the build's rules say so; a build written before them hands over its Text module.
  const module: BundleModule = typeof bundle === 'string' ? bundle : new Uint8Array(bundle)
  let shard: Shard | undefined
  const open = (build: string): Shard => {
    if (build !== settings.build)
      throw new Error(`this shard belongs to build ${settings.build}, the front to ${build}: deploy the shards and the front of one build`)
    return (shard ??= new Shard(
      openBundle(module, new Uint8Array(indexBytes), readAsset, {
        packBudget: SHARD_PACK_BUDGET,
        figures: new Uint8Array(figures),
        suggestions: new Uint8Array(suggestions),
        entities: { version: settings.build, parts: settings.entityParts },
      }),
      { firstPosition: settings.firstPosition },
    ))
  }
  return class ShardEntrypoint extends WorkerEntrypoint implements ShardRpc {
    /** A shard has no public URL (workers_dev = false); anything that reaches it by HTTP is not served. */
    override fetch(): Response {
      return new Response('A shard answers its front Worker only.', { status: 404 })
    }

    search(build: string, params: SearchParams, index: number, gather: GatherApi, live?: ShardLive): Promise<SearchResponse> {
      return open(build).search(params, index, gather, live)
    }

    article(build: string, id: string, live?: ShardLive): Promise<StoredArticle | undefined> {
      return open(build).article(id, live)
    }

    articles(build: string, ids: readonly string[], live?: ShardLive): Promise<Map<string, StoredArticle>> {
      return open(build).articles(ids, live)
    }

    listingKeys(build: string, params: ListingParams, live?: ShardLive): Promise<{ total: number; keys: ListingKey[] }> {
      return open(build).listingKeys(params, live)
    }

    listed(build: string, ids: readonly string[], sort: ListingParams['sort']): Promise<ListedArticle[]> {
      return open(build).listed(ids, sort)
    }

    related(build: string, article: StoredArticle, limit: number, live?: ShardLive): Promise<RelatedArticle[]> {
      return open(build).related(article, limit, live)
    }

    suggest(build: string, q: string): Promise<SuggestionCandidates> {
      return open(build).suggest(q)
    }

    associations(build: string, q: string, words: readonly string[]): Promise<AssociationCounts> {
      return open(build).associations(q, words)
    }

    factKeys(build: string, query: FactQuery, live?: ShardLive): Promise<{ total: number; facts: FactKey[] }> {
      return open(build).factKeys(query, live)
    }

    factsAt(build: string, facts: readonly number[]): Promise<CatalogFact[]> {
      return open(build).factsAt(facts)
    }

    health(build: string): Promise<ShardHealth> {
      return open(build).health()
    }

    holds(build: string, ids: readonly string[]): Promise<string[]> {
      return open(build).holds(ids)
    }

    statistics(build: string, terms: readonly string[]): Promise<StatisticsData> {
      return open(build).statistics(terms)
    }

    entitySearch(build: string, query: EntityQuery): Promise<{ total: number; hits: RankedSummary[] }> {
      return open(build).entitySearch(query)
    }

    entityConditions(build: string, requests: readonly EntityRequest[]): Promise<Array<FactCondition | null>> {
      return open(build).entityConditions(requests)
    }

    entityIdsIn(build: string, entities: readonly Pick<Entity, 'name' | 'type'>[]): Promise<Array<[string | null, string | null]>> {
      return open(build).entityIdsIn(entities)
    }

    entityDetail(build: string, id: string): Promise<PartDetail | undefined> {
      return open(build).entityDetail(id)
    }

    entityNames(build: string, ranks: readonly number[]): Promise<Array<[number, Pick<StoredEntity, 'id' | 'name' | 'type'>]>> {
      return open(build).entityNames(ranks)
    }

    placesInside(build: string, focus: EntityFocus): Promise<number> {
      return open(build).placesInside(focus)
    }

    mapPlaces(build: string, range: DateRange): Promise<RankedPlace[]> {
      return open(build).mapPlaces(range)
    }

    mapAround(build: string, focus: EntityFocus): Promise<RankedPoint[]> {
      return open(build).mapAround(focus)
    }

    entityFactKeys(build: string, conditions: readonly FactCondition[], query: FactQuery): Promise<{ total: number; facts: FactKey[] }> {
      return open(build).entityFactKeys(conditions, query)
    }

    articleRefs(build: string, positions: readonly number[]): Promise<Array<[number, ArticleRef]>> {
      return open(build).articleRefs(positions)
    }
  }
}

/** The RPC methods the front calls on a shard's service binding: `ShardApi`'s, each naming the front's build first. */
export type ShardRpc = {
  [Method in keyof ShardApi]: ShardApi[Method] extends (...args: infer Args) => infer Answer ? (build: string, ...args: Args) => Answer : never
}
