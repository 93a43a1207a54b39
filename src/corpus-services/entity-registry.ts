import type { StoredArticle } from '../article'
import type { Entity, EntityType } from '../analysis/facts/types'
import { findCountry } from '../gazetteer'
import { placeKey } from '../gazetteer/key'
import { WeightedLru } from '../lru'
import { ENTITY_ALIASES } from './entity-aliases'

/** How a fact names an entity: who said it, who did it, whom it is about, where it happened, or the entity fact itself. */
export const FACT_ROLES = ['speaker', 'actor', 'target', 'place', 'mention'] as const
export type FactRole = (typeof FACT_ROLES)[number]

/** One entity of the corpus as the build stores it. Articles and facts are numbers: bundle order and `GET /api/facts` catalogue order. */
export type StoredEntity = {
  id: string
  name: string
  type: EntityType
  /** The other names the corpus uses for it. */
  aliases: string[]
  role?: string
  /** A place's country (or a country's own name), as the facts name it, and its ISO code. */
  country?: string
  countryCode?: string
  lat?: number
  lon?: number
  /** `CC.admin` of the first-level region a town lies in, or that a region is (see the gazetteer): what "a place includes the places inside it" compares. */
  within?: string
  area?: string
  /** Articles naming it, newest first. */
  articles: number[]
  /** Entities named in the same articles: `[entity, shared articles]` pairs flattened, most shared first. */
  seenWith: number[]
  /** Its facts in catalogue order, by role. */
  facts: Partial<Record<FactRole, number[]>>
  /** A place's casualty figures of the reported events (no `kind`, as in briefs): `[article, value, event]` triples flattened, `event` indexing CASUALTY_EVENTS. */
  casualties?: number[]
}

export type StoredRegistry = {
  entities: StoredEntity[]
  /** `nameKey` of every name and alias → entity (surnames only where the corpus names one person by that surname). */
  keys: Record<string, number>
}

export const US_FORMS = /^(us|usa|united states of america) /

/**
 * How names are compared: accents, dots, apostrophes and a leading "the" dropped,
 * hyphens as spaces, lower case; "U.S. Embassy" and "US Embassy" read as
 * "united states embassy"; a country's alias ("Britain") reads as its name.
 */
export function nameKey(name: string): string {
  const known = NAME_KEYS.get(name)
  if (known !== undefined) return known
  const key = computeNameKey(name)
  // A name is often a slice of its article (or of a request), which V8 keeps as a view of the whole text: the memo
  // keeps a flat copy (' ' + name, sliced), so it holds names, not the texts they came from; longer than a name, none.
  if (name.length <= NAME_KEY_LONGEST) NAME_KEYS.set((' ' + name).slice(1), key)
  return key
}

/**
 * Name -> its key, remembered: the registry's build asks for the key of every name of every article two or three
 * times (its sightings, each article's full names, each fact's names), a few thousand distinct names a corpus. A Worker
 * keeps it for its isolate's life (the names of posted articles and of fact queries), so it is bounded: the most
 * recently used names up to a million characters of keys (tens of thousands of names, a few MB at most).
 */
const NAME_KEYS = new WeightedLru<string, string>(1_000_000, (key) => key.length + 8)
const NAME_KEY_LONGEST = 120

export function computeNameKey(name: string): string {
  const key = placeKey(name).replace(/[-‐–]/g, ' ').replace(/\s+/g, ' ').trim().replace(/^the /, '')
  const country = findCountry(name.replace(/^the /i, ''))
  if (country) return placeKey(country.name)
  return key.replace(US_FORMS, 'united states ')
}

/** `nameKey` of every name in the alias table → the key of its canonical name; and those keys → the canonical names. */
export const ALIAS_KEYS = new Map(
  Object.entries(ENTITY_ALIASES).flatMap(([canonical, aliases]) => [canonical, ...aliases].map((alias) => [nameKey(alias), nameKey(canonical)])),
)
export const CANONICAL_NAMES = new Map(Object.keys(ENTITY_ALIASES).map((canonical) => [nameKey(canonical), canonical]))

/**
 * Merges a single-word person name into the one full name the article itself
 * gives with that surname: "Biden" in an article that names "Hunter Biden" is Hunter.
 */
export function localFullNames(entities: readonly Pick<Entity, 'name' | 'type'>[], keyOf: (name: string) => string = nameKey): Map<string, string> {
  const bySurname = new Map<string, string[]>()
  for (const { name, type } of entities) {
    const key = keyOf(name)
    if (type !== 'person' || !key.includes(' ')) continue
    const surname = key.slice(key.lastIndexOf(' ') + 1)
    if (!findCountry(surname)) appendTo(bySurname, surname, key)
  }
  return new Map([...bySurname].filter(([, keys]) => new Set(keys).size === 1).map(([surname, keys]) => [surname, keys[0]!]))
}

/** What the registry reads of an article: its facts, and what orders and names them. */
export type RegistryArticle = Pick<StoredArticle, 'id' | 'title' | 'date' | 'facts'>

/**
 * The entities one name stands for in one article: the name itself (through
 * the article's own full names, then the registry's keys), or, when `loose`,
 * every name of the article's entities the text contains ("the Chinese Embassy
 * in Quetta" is about both).
 */
export function resolverFor(
  keys: Readonly<Record<string, number>>,
  entities: readonly Pick<Entity, 'name' | 'type'>[],
  keyOf: (name: string) => string = nameKey,
) {
  const local = localFullNames(entities, keyOf)
  const one = (name: string): number | undefined => {
    const [first, then] = lookupKeys(name, local, keyOf)
    return keys[first] ?? keys[then]
  }
  return (name: string | undefined, loose = false): number[] => {
    if (!name) return []
    const whole = one(name)
    if (whole !== undefined || !loose) return whole === undefined ? [] : [whole]
    const found = new Set<number>()
    for (const entity of entities) {
      // The pattern is the name as written between non-letters: a name the text does not contain needs no pattern
      // made (most of an article's names, and most of the registry's time in patterns at 5,000 articles).
      if (name.includes(entity.name) && wholeName(entity.name).test(name)) {
        const index = one(entity.name)
        if (index !== undefined) found.add(index)
      }
    }
    return [...found]
  }
}

/** The keys a name of an article is looked up by, in order: the article's full name for it (or its own key), then its own key. */
export function lookupKeys(name: string, local: ReadonlyMap<string, string>, keyOf: (name: string) => string = nameKey): [string, string] {
  const key = keyOf(name)
  return [local.get(key) ?? key, key]
}

/** A pattern finding `name` as whole words, made once per name (the build asks it of every unresolved target and every name of its article). */
export function wholeName(name: string): RegExp {
  let pattern = WHOLE_NAMES.get(name)
  if (!pattern) {
    pattern = new RegExp(`(^|[^\\p{L}])${escape(name)}($|[^\\p{L}])`, 'u')
    if (name.length <= NAME_KEY_LONGEST) WHOLE_NAMES.set((' ' + name).slice(1), pattern)
  }
  return pattern
}

// Bounded like the keys' memo, and smaller: a compiled pattern weighs far more than a key.
const WHOLE_NAMES = new WeightedLru<string, RegExp>(5_000, () => 1)

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Adds `value` to the list under `key` (a list made per value was quadratic in a common surname's full names). */
export function appendTo<K, V>(lists: Map<K, V[]>, key: K, value: V) {
  const list = lists.get(key)
  if (list) list.push(value)
  else lists.set(key, [value])
}

/** What `GET /api/entities` lists of an entity. */
export type EntitySummary = Pick<StoredEntity, 'id' | 'name' | 'type' | 'aliases' | 'role' | 'country' | 'lat' | 'lon'> & { articles: number }
export type EntityQuery = { q?: string; type?: EntityType; limit: number; offset: number }
export type EntityPage = { total: number; offset: number; limit: number; entities: EntitySummary[] }
/** The fact filters of `GET /api/facts` that name entities: names for the first four, a registry id for `entity`. */
export type EntityFactFilter = Partial<Record<'speaker' | 'actor' | 'target' | 'place' | 'entity', string>>

/** The registry as the Worker reads it: look-ups by id and by name, a ranked name search, and the fact numbers of an entity. */
export class EntityRegistry {
  private readonly byId: Map<string, number>
  /** Each entity's name and aliases as `nameKey`s, made on the first search. */
  private searchKeys: string[][] | undefined

  private constructor(private readonly stored: StoredRegistry) {
    this.byId = new Map(stored.entities.map((entity, index) => [entity.id, index]))
  }

  /** Opens the registry's JSON text (the entities asset the build writes next to the article packs). */
  static open(text: string): EntityRegistry {
    return new EntityRegistry(JSON.parse(text) as StoredRegistry)
  }

  get size(): number {
    return this.stored.entities.length
  }

  entity(id: string): StoredEntity | undefined {
    const index = this.byId.get(id)
    return index === undefined ? undefined : this.stored.entities[index]
  }

  /** The entity a name stands for across the corpus (any of its names; a surname only where the corpus gives one full name). */
  named(name: string): StoredEntity | undefined {
    const index = this.stored.keys[nameKey(name)]
    return index === undefined ? undefined : this.stored.entities[index]
  }

  /** In one article's terms: the id each of its entities' names stands for (an article's "Biden" may be Hunter). */
  idsIn(entities: readonly Pick<Entity, 'name' | 'type'>[]): Map<string, string> {
    const resolve = resolverFor(this.stored.keys, entities)
    const ids = new Map<string, string>()
    for (const { name } of entities) {
      const [index] = resolve(name)
      if (index !== undefined) ids.set(name, this.stored.entities[index]!.id)
    }
    return ids
  }

  summary(entity: StoredEntity): EntitySummary {
    return entitySummary(entity)
  }

  /** `seenWith` as entities with the number of articles shared. */
  seenWith(entity: StoredEntity): Array<{ entity: StoredEntity; articles: number }> {
    const pairs: Array<{ entity: StoredEntity; articles: number }> = []
    for (let i = 0; i < entity.seenWith.length; i += 2) pairs.push({ entity: this.stored.entities[entity.seenWith[i]!]!, articles: entity.seenWith[i + 1]! })
    return pairs
  }

  /**
   * Best match first: a name or alias equal to the query, then one starting
   * with it (or with a word starting with it), then one containing it; ties by
   * articles. Without `q`, every entity by articles.
   */
  search({ q, type, limit, offset }: EntityQuery): EntityPage {
    const scored = matchEntities(this.stored.entities, (this.searchKeys ??= searchKeysOf(this.stored.entities)), { q, type })
    const entities = scored.slice(offset, offset + limit).map(({ index }) => this.summary(this.stored.entities[index]!))
    return { total: scored.length, offset, limit, entities }
  }

  /** The places an entity takes in: a country's places, a region's towns, and itself. */
  within(entity: StoredEntity): StoredEntity[] {
    return [entity, ...this.stored.entities.filter((other) => other !== entity && liesInside(other, entity))]
  }

  /** Every place with coordinates. */
  located(): StoredEntity[] {
    return this.stored.entities.filter((entity) => entity.type === 'place' && entity.lat !== undefined)
  }

  /** Quantities at a place or any place inside it, in catalogue order. */
  figuresAt(entity: StoredEntity): number[] {
    return union(this.within(entity).map((place) => place.facts.place ?? []))
  }

  /**
   * The catalogue numbers of the facts that match every given filter (undefined
   * when none is given). A name no entity has matches nothing.
   */
  factNumbers(filter: EntityFactFilter): number[] | undefined {
    const sets: number[][] = []
    const { speaker, actor, target, place, entity } = filter
    const byRole = (name: string | undefined, role: FactRole) => {
      if (name !== undefined) sets.push(this.named(name)?.facts[role] ?? [])
    }
    byRole(speaker, 'speaker')
    byRole(actor, 'actor')
    byRole(target, 'target')
    if (place !== undefined) {
      const found = this.named(place)
      sets.push(found ? this.figuresAt(found) : [])
    }
    if (entity !== undefined) {
      const found = this.entity(entity)
      sets.push(found ? union(FACT_ROLES.map((role) => found.facts[role] ?? [])) : [])
    }
    return sets.length === 0 ? undefined : sets.reduce(intersect)
  }
}

/** What `GET /api/entities` lists of an entity. */
export function entitySummary(entity: Pick<StoredEntity, 'id' | 'name' | 'type' | 'aliases' | 'role' | 'country' | 'lat' | 'lon' | 'articles'>): EntitySummary {
  const { id, name, type, aliases, role, country, lat, lon } = entity
  return {
    id,
    name,
    type,
    aliases,
    ...(role ? { role } : {}),
    ...(country ? { country } : {}),
    ...(lat !== undefined ? { lat, lon } : {}),
    articles: entity.articles.length,
  }
}

/** "A place includes the places inside it": `other` is a place of the country `entity` is, or a town of the region it is. */
export function liesInside(other: Pick<StoredEntity, 'type' | 'countryCode' | 'within'>, entity: Pick<StoredEntity, 'type' | 'countryCode' | 'area'>): boolean {
  return (
    other.type === 'place' &&
    ((entity.type === 'country' && entity.countryCode !== undefined && other.countryCode === entity.countryCode) ||
      (entity.area !== undefined && other.within === entity.area))
  )
}

type Searchable = Pick<StoredEntity, 'name' | 'aliases' | 'type'>

/** Each entity's name and aliases as `nameKey`s: what a search compares. */
export function searchKeysOf(entities: readonly Searchable[]): string[][] {
  return entities.map((entity) => [entity.name, ...entity.aliases].map(nameKey))
}

/**
 * The entities a search matches (positions in `entities`) with their scores,
 * best first: a name or alias equal to the query, then one starting with it (or
 * with a word starting with it), then one containing it; ties in `entities`' order.
 */
export function matchEntities(
  entities: readonly Searchable[],
  keys: readonly string[][],
  { q, type }: Pick<EntityQuery, 'q' | 'type'>,
): Array<{ index: number; score: number }> {
  const needle = q === undefined ? undefined : nameKey(q)
  const scored: Array<{ index: number; score: number }> = []
  entities.forEach((entity, index) => {
    if (type !== undefined && entity.type !== type) return
    const score = needle === undefined ? 1 : Math.max(...keys[index]!.map((key) => matchScore(key, needle)))
    if (score > 0) scored.push({ index, score })
  })
  return scored.sort((a, b) => b.score - a.score || a.index - b.index)
}

function matchScore(key: string, needle: string): number {
  if (key === needle) return 3
  if (key.startsWith(needle) || key.includes(` ${needle}`)) return 2
  return key.includes(needle) ? 1 : 0
}

/** Sorted, without repeats. */
export function union(lists: readonly (readonly number[])[]): number[] {
  return [...new Set(lists.flat())].sort((a, b) => a - b)
}

/** The numbers of `a` (in its order) that `b` has too. */
export function intersect(a: readonly number[], b: readonly number[]): number[] {
  const other = new Set(b)
  return a.filter((number) => other.has(number))
}
