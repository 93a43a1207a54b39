import { DETAIL_ARTICLES, seenOver, type EntityDetail } from '../corpus-services/entity-detail'
import {
  entitySummary,
  FACT_ROLES,
  intersect,
  liesInside,
  localFullNames,
  lookupKeys,
  matchEntities,
  nameKey,
  searchKeysOf,
  union,
  type EntityQuery,
  type EntitySummary,
  type FactRole,
  type StoredEntity,
  type RegistryArticle,
  type StoredRegistry,
} from '../corpus-services/entity-registry'
import type { Entity } from '../analysis/facts/types'
import { catalogOrder, factCount } from '../corpus-services/fact-catalog'
import { figuresOf, isNear, type DateRange, type MapEntity, type PlaceFigures } from '../corpus-services/place-figures'

/**
 * The entity registry of a sharded build: built once for the whole corpus
 * (`storeRegistry`: merging a surname's meaning needs every article), then cut
 * in two ways, so that no Worker holds anything that grows with the whole corpus:
 *
 * - **by entity**: the entity of rank r in the registry's order (most articles
 *   first) lives in shard r mod N, with the names that point to it, so each
 *   shard holds a fair share of the big entities and a rank names its shard; an
 *   id or a name is asked of every shard (one holds it);
 * - **by document**: the registry's fact lists (who said, did, is the target of,
 *   is the place of which fact) are given to the shard that holds the facts'
 *   articles, in its own catalogue's numbers (`EntityFactIndex`), so an entity
 *   filter is a condition each shard applies to its own facts.
 */

/** The shard that holds the entity of rank `rank` of a registry cut into `shards` parts; the build and the front both place it so. */
export function rankShard(rank: number, shards: number): number {
  return rank % shards
}

/** An entity in its part: the stored entity without its fact lists (those are the document shards'), with what its detail and map read of other shards' articles and entities. */
export type PartEntity = Omit<StoredEntity, 'facts'> & {
  /** Its position in the whole registry's order: ties of a search, the map's order, and what `seenWith` names entities by. */
  rank: number
  /** The dates of `articles` ('' when unknown), then those of its casualty figures' articles (one per figure). */
  dates: string[]
}

/**
 * One document shard's facts by entity: a registry id → role → the shard's
 * catalogue numbers, ascending. A place fact is also filed under `country:CC`
 * and `area:CC.R` of the place it names, which is what "a place includes the
 * places inside it" asks for (`liesInside`).
 */
export type EntityFactIndex = Record<string, Partial<Record<FactRole, number[]>>>

/** What the build writes into a shard's entities asset. */
export type StoredRegistryPart = {
  entities: PartEntity[]
  /** `nameKey` → position in `entities`: the registry's keys that point to this part's entities. */
  keys: Record<string, number>
  facts: EntityFactIndex
}

/** One condition of an entity filter: the facts filed under any of `keys` in any of `roles`. */
export type FactCondition = { keys: string[]; roles: FactRole[] }

/** An entity filter of `GET /api/facts` as the front asks the shards to resolve it: a name in a role, or a registry id. */
export type EntityRequest = { role: 'speaker' | 'actor' | 'target' | 'place'; name: string } | { role: 'entity'; id: string }

/** What a place's map and figures need to know of it, asked of every part. */
export type EntityFocus = Pick<StoredEntity, 'id' | 'type' | 'countryCode' | 'area' | 'lat' | 'lon'>

/** A part's share of an entity's detail: all but the facts, the articles' titles and the count of places inside it. */
export type PartDetail = {
  summary: EntitySummary
  countryCode?: string
  seen: Pick<EntityDetail, 'firstSeen' | 'lastSeen' | 'months'>
  /** Corpus positions of its newest DETAIL_ARTICLES articles, newest first. */
  articles: number[]
  /** `[rank, shared articles]` pairs flattened, most shared first: the front names them (`names`). */
  seenWith: number[]
  /** The facts its detail lists. */
  lists: Record<'quotesBy' | 'statementsBy' | 'statementsAbout' | 'figuresAt', FactCondition>
  focus: EntityFocus
}

export type RankedSummary = { rank: number; score: number; summary: EntitySummary }
export type RankedPlace = PlaceFigures<MapEntity> & { rank: number }
export type RankedPoint = { rank: number; id: string; name: string; lat: number; lon: number; figure: number }

/** The build's half: the corpus-wide registry cut into one part per shard, shards holding the consecutive `ranges` of `articles`. */
export function partitionRegistry(
  registry: StoredRegistry,
  articles: readonly RegistryArticle[],
  ranges: readonly { first: number; size: number }[],
): StoredRegistryPart[] {
  const count = ranges.length
  const parts: StoredRegistryPart[] = ranges.map(() => ({ entities: [], keys: {}, facts: {} }))
  const dateOf = (article: number) => articles[article]!.date ?? ''
  registry.entities.forEach((entity, rank) => {
    const { facts: _facts, ...kept } = entity
    const casualtyDates: string[] = []
    for (let i = 0; i < (entity.casualties ?? []).length; i += 3) casualtyDates.push(dateOf(entity.casualties![i]!))
    parts[rankShard(rank, count)]!.entities.push({ ...kept, rank, dates: [...entity.articles.map(dateOf), ...casualtyDates] })
  })
  // Ranks are dealt out in order, so rank r is entity floor(r / N) of its part.
  for (const [key, rank] of Object.entries(registry.keys)) parts[rankShard(rank, count)]!.keys[key] = Math.floor(rank / count)

  // The registry numbers facts in the whole catalogue's order; each shard's catalogue numbers its own in the same order.
  const shardOf = new Int32Array(articles.length)
  ranges.forEach(({ first, size }, shard) => shardOf.fill(shard, first, first + size))
  const factShard: number[] = []
  const factNumber: number[] = []
  const next = ranges.map(() => 0)
  for (const article of catalogOrder(articles)) {
    const shard = shardOf[article]!
    for (let fact = factCount(articles[article]!); fact > 0; fact--) {
      factShard.push(shard)
      factNumber.push(next[shard]!++)
    }
  }
  for (const entity of registry.entities) {
    const places = entity.type === 'place' ? [entity.countryCode && `country:${entity.countryCode}`, entity.within && `area:${entity.within}`] : []
    for (const role of FACT_ROLES) {
      const facts = entity.facts[role]
      if (!facts) continue
      // Key by key, each part's list found once rather than once per fact (a part creates its keys in the same
      // order: all of a fact's keys where its first fact there is filed).
      for (const key of [entity.id, ...(role === 'place' ? places : [])]) {
        if (!key) continue
        const lists: (number[] | undefined)[] = new Array(count)
        for (const fact of facts) {
          const shard = factShard[fact]!
          const list = (lists[shard] ??= (parts[shard]!.facts[key] ??= {})[role] ??= [])
          list.push(factNumber[fact]!)
        }
      }
    }
  }
  // Places of one country or region come from different entities: their facts in catalogue order, once each.
  for (const part of parts) for (const filed of Object.values(part.facts)) if (filed.place) filed.place = union([filed.place])
  return parts
}

/**
 * A part's JSON, as `JSON.stringify(part)` writes it (the same bytes), made of its three fields' JSON: V8 took about
 * half again as long on the whole part at once (20,000 articles, 2 parts: 1.8 s against 1.0 s; docs/scaling.md).
 */
export function registryPartJson({ entities, keys, facts }: StoredRegistryPart): string {
  return `{"entities":${JSON.stringify(entities)},"keys":${JSON.stringify(keys)},"facts":${JSON.stringify(facts)}}`
}

/** A shard's part of the registry, as the shard reads it for the front. */
export class RegistryPart {
  private readonly byId: Map<string, PartEntity>
  private searchKeys: string[][] | undefined
  private byRank: Map<number, PartEntity> | undefined

  private constructor(private readonly stored: StoredRegistryPart) {
    this.byId = new Map(stored.entities.map((entity) => [entity.id, entity]))
  }

  static open(text: string): RegistryPart {
    return new RegistryPart(JSON.parse(text) as StoredRegistryPart)
  }

  /** The part's best `offset + limit` matches of a search (as `EntityRegistry.search` ranks them), and how many match. */
  search(query: EntityQuery): { total: number; hits: RankedSummary[] } {
    const { entities } = this.stored
    const scored = matchEntities(entities, (this.searchKeys ??= searchKeysOf(entities)), query)
    return {
      total: scored.length,
      hits: scored
        .slice(0, query.offset + query.limit)
        .map(({ index, score }) => ({ rank: entities[index]!.rank, score, summary: entitySummary(entities[index]!) })),
    }
  }

  /** The conditions of the requests whose entity this part holds (null for the others). */
  conditions(requests: readonly EntityRequest[]): Array<FactCondition | null> {
    return requests.map((request) => {
      const entity = request.role === 'entity' ? this.byId.get(request.id) : this.named(request.name)
      if (!entity) return null
      if (request.role === 'entity') return { keys: [entity.id], roles: [...FACT_ROLES] }
      if (request.role === 'place') return placeCondition(entity)
      return { keys: [entity.id], roles: [request.role] }
    })
  }

  /** For each of an article's entities: the id its first look-up key names here, then its second's (`lookupKeys`); null where this part has neither. */
  idsIn(entities: readonly Pick<Entity, 'name' | 'type'>[]): Array<[string | null, string | null]> {
    const local = localFullNames(entities)
    const idOf = (key: string) => {
      const index = this.stored.keys[key]
      return index === undefined ? null : this.stored.entities[index]!.id
    }
    return entities.map(({ name }) => {
      const [first, then] = lookupKeys(name, local)
      return [idOf(first), idOf(then)]
    })
  }

  /** The ids, names and types of the entities of these ranks that this part holds. */
  names(ranks: readonly number[]): Array<[number, Pick<StoredEntity, 'id' | 'name' | 'type'>]> {
    const byRank = (this.byRank ??= new Map(this.stored.entities.map((entity) => [entity.rank, entity])))
    return ranks.flatMap((rank) => {
      const entity = byRank.get(rank)
      return entity ? [[rank, { id: entity.id, name: entity.name, type: entity.type }] as [number, Pick<StoredEntity, 'id' | 'name' | 'type'>]] : []
    })
  }

  detail(id: string): PartDetail | undefined {
    const entity = this.byId.get(id)
    if (!entity) return undefined
    const { type, countryCode, area, lat, lon } = entity
    return {
      summary: entitySummary(entity),
      ...(countryCode ? { countryCode } : {}),
      seen: seenOver(entity.dates.slice(0, entity.articles.length)),
      articles: entity.articles.slice(0, DETAIL_ARTICLES),
      seenWith: entity.seenWith,
      lists: {
        quotesBy: { keys: [id], roles: ['speaker'] },
        statementsBy: { keys: [id], roles: ['actor'] },
        statementsAbout: { keys: [id], roles: ['target'] },
        figuresAt: placeCondition(entity),
      },
      focus: { id, type, ...(countryCode ? { countryCode } : {}), ...(area ? { area } : {}), ...(lat !== undefined ? { lat, lon } : {}) },
    }
  }

  /** How many of this part's places lie inside `focus`. */
  placesInside(focus: EntityFocus): number {
    return this.stored.entities.filter((other) => other.id !== focus.id && liesInside(other, focus)).length
  }

  /** The map's places of this part named in the range, with their figures. */
  places(range: DateRange): RankedPlace[] {
    return this.located().flatMap((entity) => {
      const { articles, casualties, total } = figuresOf(entity, datesOf(entity), range)
      return articles > 0 ? [{ entity: mapEntity(entity), articles, casualties, total, rank: entity.rank }] : []
    })
  }

  /** The places of this part on `focus`'s map: itself, those inside it, those near it. */
  around(focus: EntityFocus): RankedPoint[] {
    return this.located()
      .filter((other) => other.id === focus.id || liesInside(other, focus) || isNear(focus, other))
      .map((other) => ({ rank: other.rank, id: other.id, name: other.name, lat: other.lat!, lon: other.lon!, figure: figuresOf(other, datesOf(other)).total }))
  }

  /** This shard's catalogue numbers of the facts that meet every condition, ascending. */
  factNumbers(conditions: readonly FactCondition[]): number[] {
    const { facts } = this.stored
    return conditions
      .map(({ keys, roles }) => union(keys.flatMap((key) => roles.map((role) => facts[key]?.[role] ?? []))))
      .reduce((found, next) => intersect(found, next))
  }

  private named(name: string): PartEntity | undefined {
    const index = this.stored.keys[nameKey(name)]
    return index === undefined ? undefined : this.stored.entities[index]
  }

  private located(): PartEntity[] {
    return this.stored.entities.filter((entity) => entity.type === 'place' && entity.lat !== undefined)
  }
}

/** The facts at a place or at any place inside it (`EntityRegistry.figuresAt`). */
function placeCondition({ id, type, countryCode, area }: Pick<StoredEntity, 'id' | 'type' | 'countryCode' | 'area'>): FactCondition {
  const keys = [id, ...(type === 'country' && countryCode ? [`country:${countryCode}`] : []), ...(area ? [`area:${area}`] : [])]
  return { keys, roles: ['place'] }
}

/** The dates of the entity's articles by corpus position (sparse), as `figuresOf` reads them. */
function datesOf(entity: PartEntity): Array<string | undefined> {
  const dates: Array<string | undefined> = []
  entity.articles.forEach((article, i) => (dates[article] = entity.dates[i] || undefined))
  const figures = entity.casualties ?? []
  for (let i = 0; i < figures.length; i += 3) dates[figures[i]!] = entity.dates[entity.articles.length + i / 3] || undefined
  return dates
}

function mapEntity({ id, name, country, lat, lon }: PartEntity): MapEntity {
  return { id, name, ...(country ? { country } : {}), lat, lon }
}
