import type { EntityReader } from '../bundle/corpus-reader'
import { DETAIL_FACTS, type EntityDetail, type FactList } from '../corpus-services/entity-detail'
import type { EntityFactFilter } from '../corpus-services/entity-registry'
import type { ArticleRef, FactQuery } from '../corpus-services/fact-catalog'
import { rankShard, type EntityRequest, type FactCondition, type PartDetail } from './entity-parts'
import { allOrNothing, pagedFacts, SHARD_TIMEOUT_MS, type ShardApi } from './gather'

/** A condition no fact meets: a name no entity has. */
const NOTHING: FactCondition = { keys: [], roles: [] }

/**
 * The entity registry of a sharded build, read by its front Worker: each
 * entity lives in the shard its rank names (`rankShard`), its facts in the
 * shards that hold their articles (src/shards/entity-parts.ts). A detail asks
 * every shard for the entity (one holds it), then every shard at once for its
 * facts, its articles' titles, its companions' names and the places inside it;
 * a search, a name and the map ask every shard and merge as one registry orders
 * (score, then the registry's order). The front holds nothing of the registry
 * between requests.
 */
export function shardedEntityReader(shards: readonly ShardApi[], timeoutMs = SHARD_TIMEOUT_MS): EntityReader {
  const everyShard = <T>(call: (shard: ShardApi, index: number) => Promise<T>): Promise<T[]> => allOrNothing(shards.map(call), timeoutMs)
  const factsMeeting = (conditions: readonly FactCondition[], query: FactQuery) =>
    pagedFacts(shards, query, (shard) => shard.entityFactKeys(conditions, query), timeoutMs)
  // An id is asked of every shard, as an article is: one holds it.
  const partDetail = async (id: string): Promise<PartDetail | undefined> => (await everyShard((shard) => shard.entityDetail(id))).find(Boolean)

  const detailOf = async (part: PartDetail): Promise<EntityDetail> => {
    const list = async (condition: FactCondition): Promise<FactList> => {
      const { total, facts } = await factsMeeting([condition], { limit: DETAIL_FACTS, offset: 0 })
      return { total, facts }
    }
    const { lists } = part
    const companions = part.seenWith.filter((_, i) => i % 2 === 0)
    const [quotesBy, statementsBy, statementsAbout, figuresAt, inside, refs, names] = await Promise.all([
      list(lists.quotesBy),
      list(lists.statementsBy),
      list(lists.statementsAbout),
      list(lists.figuresAt),
      everyShard((shard) => shard.placesInside(part.focus)),
      everyShard((shard) => shard.articleRefs(part.articles)),
      // A rank names its shard: only those that hold a companion are asked.
      everyShard((shard, s) => {
        const mine = companions.filter((rank) => rankShard(rank, shards.length) === s)
        return mine.length > 0 ? shard.entityNames(mine) : Promise.resolve([])
      }),
    ])
    const byPosition = new Map<number, ArticleRef>(refs.flat())
    const byRank = new Map(names.flat())
    const seenWith: EntityDetail['seenWith'] = []
    for (let i = 0; i < part.seenWith.length; i += 2) seenWith.push({ ...byRank.get(part.seenWith[i]!)!, articles: part.seenWith[i + 1]! })
    return {
      ...part.summary,
      ...(part.countryCode ? { countryCode: part.countryCode } : {}),
      ...part.seen,
      articleList: part.articles.map((position) => byPosition.get(position)!),
      seenWith,
      quotesBy,
      statementsBy,
      statementsAbout,
      figuresAt,
      placesInside: inside.reduce((sum, count) => sum + count, 0),
    }
  }

  return {
    async search(query) {
      const parts = await everyShard((shard) => shard.entitySearch(query))
      const hits = parts
        .flatMap((part) => part.hits)
        .sort((a, b) => b.score - a.score || a.rank - b.rank)
        .slice(query.offset, query.offset + query.limit)
      return { total: parts.reduce((sum, part) => sum + part.total, 0), offset: query.offset, limit: query.limit, entities: hits.map((hit) => hit.summary) }
    },

    async detail(id) {
      const part = await partDetail(id)
      return part && detailOf(part)
    },

    async page(id) {
      const part = await partDetail(id)
      if (!part) return undefined
      const [detail, points] = await Promise.all([detailOf(part), everyShard((shard) => shard.mapAround(part.focus))])
      const map = points
        .flat()
        .sort((a, b) => a.rank - b.rank)
        .map(({ rank: _rank, ...point }) => ({ ...point, focus: point.id === id }))
      return { detail, map }
    },

    async facts(filter, query) {
      const requests = filterRequests(filter)
      const answers = await everyShard((shard) => shard.entityConditions(requests))
      // Each entity lives in one shard: the one that knows the name or id answers, the others say null.
      const conditions = requests.map((_, i) => answers.find((answer) => answer[i])?.[i])
      // The id request is the last (`filterRequests`): no shard holding it means the registry has no such entity.
      if (filter.entity !== undefined && !conditions.at(-1)) return undefined
      return factsMeeting(
        conditions.map((condition) => condition ?? NOTHING),
        query,
      )
    },

    async idsIn(entities) {
      const answers = await everyShard((shard) => shard.entityIdsIn(entities))
      const ids = new Map<string, string>()
      entities.forEach(({ name }, i) => {
        // A name's first look-up key wins over its second wherever they live (`lookupKeys`).
        const id = answers.find((answer) => answer[i]![0])?.[i]![0] ?? answers.find((answer) => answer[i]![1])?.[i]![1]
        if (id) ids.set(name, id)
      })
      return ids
    },

    async places(range) {
      return (await everyShard((shard) => shard.mapPlaces(range)))
        .flat()
        .sort((a, b) => b.total - a.total || b.articles - a.articles || a.rank - b.rank)
        .map(({ rank: _rank, ...place }) => place)
    },
  }
}

/** The filters of `GET /api/facts` as the shards resolve them, in `EntityRegistry.factNumbers`' order. */
function filterRequests({ speaker, actor, target, place, entity }: EntityFactFilter): EntityRequest[] {
  return [
    ...(speaker !== undefined ? [{ role: 'speaker' as const, name: speaker }] : []),
    ...(actor !== undefined ? [{ role: 'actor' as const, name: actor }] : []),
    ...(target !== undefined ? [{ role: 'target' as const, name: target }] : []),
    ...(place !== undefined ? [{ role: 'place' as const, name: place }] : []),
    ...(entity !== undefined ? [{ role: 'entity' as const, id: entity }] : []),
  ]
}
