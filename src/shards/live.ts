import { FactCatalog } from '../corpus-services/fact-catalog'
import type { SearchCorpus } from '../search/context'
import { combinedStatistics, statisticsFromData, type IndexStatistics } from '../search/corpus-statistics'
import { LiveReplica, type StampedBase } from '../live/front'
import type { LiveArticles, LiveCopy } from '../live/one-corpus'
import { allOrNothing, SHARD_TIMEOUT_MS, type ShardApi, type ShardLive } from './gather'
import { Shard } from './shard'

/**
 * A sharded build's live segment at one version, as its front merges it: the
 * live articles are one more part of the gathering (a `Shard` over them, after
 * the base shards), and every base shard is told what the segment changes in
 * its part (`shardLive`: statistics to add and take away, hidden ids to skip).
 */
export type ShardedLive = LiveArticles & {
  /** Base articles the segment replaces or deletes. */
  hiddenCount: number
  shardLive?: ShardLive
  /** The live articles as a part: searched, listed and asked like a shard, and read for suggestions. */
  part?: { shard: Shard; corpus: SearchCorpus }
}

const NO_LIVE: ShardedLive = { version: 0, byId: new Map(), tombstones: new Set(), hiddenCount: 0 }

/** A shard whose every reader is told the live segment's changes to its part. */
export function underLive(shard: ShardApi, live: ShardLive): ShardApi {
  // Every method named (a `Shard` instance's are on its prototype, which a spread would not copy).
  return {
    search: (params, index, gather) => shard.search(params, index, gather, live),
    article: (id) => shard.article(id, live),
    articles: (ids) => shard.articles(ids, live),
    listingKeys: (params) => shard.listingKeys(params, live),
    listed: (ids, sort) => shard.listed(ids, sort),
    related: (article, limit) => shard.related(article, limit, live),
    suggest: (q) => shard.suggest(q),
    associations: (q, words) => shard.associations(q, words),
    factKeys: (query) => shard.factKeys(query, live),
    factsAt: (facts) => shard.factsAt(facts),
    health: () => shard.health(),
    holds: (ids) => shard.holds(ids),
    statistics: (terms) => shard.statistics(terms),
    // The registry is the build's (live articles join it at the next build): its parts are asked as they are.
    entitySearch: (query) => shard.entitySearch(query),
    entityConditions: (requests) => shard.entityConditions(requests),
    entityIdsIn: (entities) => shard.entityIdsIn(entities),
    entityDetail: (id) => shard.entityDetail(id),
    entityNames: (ranks) => shard.entityNames(ranks),
    placesInside: (focus) => shard.placesInside(focus),
    mapPlaces: (range) => shard.mapPlaces(range),
    mapAround: (focus) => shard.mapAround(focus),
    entityFactKeys: (conditions, query) => shard.entityFactKeys(conditions, query),
    articleRefs: (positions) => shard.articleRefs(positions),
  }
}

/** The parts a read of a sharded build gathers: the shards under the live segment's changes, then the live articles. */
export function partsUnder(shards: readonly ShardApi[], live: ShardedLive | undefined): ShardApi[] {
  const bound = live?.shardLive ? shards.map((shard) => underLive(shard, live.shardLive!)) : [...shards]
  return live?.part ? [...bound, live.part.shard] : bound
}

/**
 * A sharded front's replica of the live segment, one per build in an isolate.
 * Its base is the shards, asked through the request's bindings (`use`): which
 * ids they hold, their articles, and the corpus-wide statistics the live part
 * scores with (document frequencies asked once per term: a build's never change).
 */
export class ShardedLiveReplica {
  private shards: readonly ShardApi[] = []
  private readonly baseFrequencies = new Map<string, number[]>()
  private baseHead: Omit<IndexStatistics, 'documentFrequency'> | undefined
  readonly replica: LiveReplica<ShardedLive>

  constructor(
    build: { build: string; builtAt: string; documents: number },
    private readonly timeoutMs = SHARD_TIMEOUT_MS,
  ) {
    const everyShard = <T>(call: (shard: ShardApi) => Promise<T>) => allOrNothing(this.shards.map(call), this.timeoutMs)
    const base: StampedBase = {
      version: build.build,
      builtAt: build.builtAt,
      holds: async (ids) => new Set((await everyShard((shard) => shard.holds(ids))).flat()),
      articlesById: async (ids) => new Map((await everyShard((shard) => shard.articles(ids))).flatMap((found) => [...found])),
    }
    this.replica = new LiveReplica(base, (copy) => this.viewOf(copy, build.documents), NO_LIVE)
  }

  /** The shards of this request, which the replica's refreshes ask. */
  use(shards: readonly ShardApi[]): this {
    this.shards = shards
    return this
  }

  private async viewOf(copy: LiveCopy | undefined, baseDocuments: number): Promise<ShardedLive> {
    if (!copy) return NO_LIVE
    const side = copy.side()
    const common = { version: side.version, byId: side.byId, tombstones: side.tombstones, hiddenCount: side.hiddenIds.length }
    if (!side.live && !side.hidden) return common
    const shardLive: ShardLive = {
      key: `${side.version}:${crypto.randomUUID()}`,
      hiddenIds: side.hiddenIds,
      ...(side.live ? { live: side.live } : {}),
      ...(side.hidden ? { hidden: side.hidden } : {}),
    }
    if (!side.live) return { ...common, shardLive }
    // The live part scores with the whole corpus's statistics, as every shard does: the base's (any shard has N and
    // the field lengths; a term's frequency is in every shard that has the term), plus the live articles', less the hidden.
    const missing = side.liveTerms.filter((term) => !this.baseFrequencies.has(term))
    if (missing.length > 0 || !this.baseHead) {
      const answers = await allOrNothing(
        this.shards.map((shard) => shard.statistics(missing)),
        this.timeoutMs,
      )
      this.baseHead = { documentCount: answers[0]!.documentCount, fieldLengthSums: answers[0]!.fieldLengthSums }
      for (const term of missing) this.baseFrequencies.set(term, [])
      for (const answer of answers)
        for (const [term, byField] of answer.frequencies) {
          const known = this.baseFrequencies.get(term)!
          byField.forEach((count, field) => (known[field] = Math.max(known[field] ?? 0, count)))
        }
    }
    const baseStatistics: IndexStatistics = { ...this.baseHead, documentFrequency: (term, field) => this.baseFrequencies.get(term)?.[field] ?? 0 }
    const statistics = combinedStatistics([baseStatistics, statisticsFromData(side.live)], side.hidden ? [statisticsFromData(side.hidden)] : [])
    const corpus = side.livePart(statistics)!
    let catalog: FactCatalog | undefined
    const shard = new Shard(
      {
        ...corpus,
        ids: corpus.tables.ids,
        article: (id) => Promise.resolve(side.byId.get(id)),
        factCatalog: () => Promise.resolve((catalog ??= FactCatalog.ofArticles([...side.byId.values()]))),
        version: `live-${side.version}`,
        builtAt: '',
        // The registry is the build's: live articles join it at the next build, so the live part holds no part of it.
        entitiesText: () => Promise.reject(new Error('the live segment holds no part of the entity registry')),
      },
      { firstPosition: baseDocuments },
    )
    return { ...common, shardLive, part: { shard, corpus } }
  }
}
