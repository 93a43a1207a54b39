import type { EntityType } from '../analysis/facts/types'
import { findCountry, findPlaces } from '../gazetteer'
import { placeKey } from '../gazetteer/key'
import { catalogOrder } from './fact-catalog'
import { ALIAS_KEYS, appendTo, CANONICAL_NAMES, US_FORMS, type RegistryArticle, type StoredEntity, type StoredRegistry } from './entity-registry'
import { registrySheet, type LookupPair, type RegistrySheet, type SheetArticle, type SheetEntity, type SheetFiling } from './registry-sheet'

/**
 * The build's half of the entity registry: every entity of every article merged into one registry. The work each
 * article gives on its own is its sheet's (registry-sheet.ts); what is here needs the whole corpus.
 */

const SEEN_WITH_KEPT = 12
/** A surname stands for the full name that appears in this many times more articles than any other full name with that surname. */
const SURNAME_DOMINANCE = 3
const ACRONYM_SKIP = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'to', 'a', 'an', '&'])

/** `person-joe-biden`: type and name, ASCII only. */
function slug(type: EntityType, name: string): string {
  const words = placeKey(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
  return `${type}-${words || 'unnamed'}`
}

/**
 * The initials of a name of three or more words, skipping small words and
 * keeping hyphenated words whole: "Federal Bureau of Investigation" → "fbi".
 * Two letters name too many things to be trusted.
 */
function acronymOf(name: string): string | undefined {
  // "France-Presse" gives F and P; "ABS-CBN", already letters, gives A.
  const spaced = name.replace(/\b(\p{Lu}\p{Ll}+)-(?=\p{Lu}\p{Ll})/gu, '$1 ')
  const words = placeKey(spaced)
    .replace(US_FORMS, 'united states ')
    .split(/\s+/)
    .filter((word) => word && !ACRONYM_SKIP.has(word))
  return words.length >= 3 ? words.map((word) => word[0]).join('') : undefined
}

/** A name written as an acronym: capitals only (dots dropped), three or more. */
const isAcronym = (name: string) => /^[A-Z&]{3,}$/.test(name.replace(/\./g, ''))

type Sighting = { entity: SheetEntity; article: number }
type Group = { key: string; sightings: Sighting[]; forms: Map<string, number>; canonical?: string }

/** Every entity of every article merged into one registry (articles in bundle order). */
export function storeRegistry(articles: readonly RegistryArticle[]): StoredRegistry {
  return mergeRegistrySheets([registrySheet(articles)])
}

/**
 * The registry of the articles of `sheets`, one after the other in corpus order (a sharded build's shards, each
 * sheet made from its own articles, or kept from an earlier build): the same registry as `storeRegistry` of all
 * of them, since a sheet holds only what each article gives on its own.
 */
export function mergeRegistrySheets(sheets: readonly RegistrySheet[]): StoredRegistry {
  const articles = sheets.flat()
  const order = catalogOrder(articles)
  const rank = new Map(order.map((article, position) => [article, position]))
  // Every name's key, as the sheets give it (the merge asks again for the keys of a group's forms).
  const known = new Map<string, string>()
  const keyOf = (name: string) => known.get(name)!
  // 1. Every name in its article's own terms (a surname the article spells out in full becomes that full name): the sheets'.
  const sightings: Array<Sighting & { key: string }> = []
  articles.forEach((article, i) => {
    for (const entity of article.entities) {
      known.set(entity.name, entity.key)
      sightings.push({ entity, article: i, key: entity.local ?? ALIAS_KEYS.get(entity.key) ?? entity.key })
    }
  })
  // 2. Groups by key; then acronyms and lone surnames join the one group they stand for.
  const groups = new Map<string, Group>()
  for (const sighting of sightings) {
    const canonical = CANONICAL_NAMES.get(sighting.key)
    const group: Group = groups.get(sighting.key) ?? { key: sighting.key, sightings: [], forms: new Map(), ...(canonical ? { canonical } : {}) }
    group.sightings.push(sighting)
    group.forms.set(sighting.entity.name, (group.forms.get(sighting.entity.name) ?? 0) + 1)
    groups.set(sighting.key, group)
  }
  // A group's articles and type are asked for again and again (by every sort comparison of the groups and of a
  // surname's full names, most of the registry's time at 20,000 articles): each is counted once, and again only
  // for a group that took in another's sightings.
  const articleCounts = new Map<Group, number>()
  const types = new Map<Group, EntityType>()
  const articlesOf = (group: Group) => {
    let count = articleCounts.get(group)
    if (count === undefined) articleCounts.set(group, (count = new Set(group.sightings.map((sighting) => sighting.article)).size))
    return count
  }
  const majorityType = (group: Group) => {
    let type = types.get(group)
    if (type === undefined) types.set(group, (type = majority(group.sightings.map((sighting) => sighting.entity.type))!))
    return type
  }
  const redirect = new Map<string, string>()
  const byAcronym = new Map<string, string[]>()
  const bySurname = new Map<string, string[]>()
  for (const group of groups.values()) {
    if (!group.key.includes(' ')) continue
    const type = majorityType(group)
    const acronym = type === 'organization' ? acronymOf(group.sightings[0]!.entity.name) : undefined
    if (acronym) appendTo(byAcronym, acronym, group.key)
    if (type === 'person') appendTo(bySurname, group.key.slice(group.key.lastIndexOf(' ') + 1), group.key)
  }
  for (const group of groups.values()) {
    // A country's name is never someone's surname or an acronym, nor a name the articles also give a place.
    if (group.key.includes(' ') || findCountry(group.key) || group.sightings.some(({ entity }) => entity.type === 'place' || entity.type === 'country'))
      continue
    const type = majorityType(group)
    const acronym = type === 'organization' && [...group.forms.keys()].some(isAcronym)
    const candidates = type === 'person' ? bySurname.get(group.key) : acronym ? byAcronym.get(group.key) : undefined
    const full = dominant(candidates ?? [], (key) => articlesOf(groups.get(key)!))
    if (full) redirect.set(group.key, full)
  }
  for (const [from, to] of redirect) {
    const source = groups.get(from)!
    const target = groups.get(to)!
    target.sightings.push(...source.sightings)
    for (const [form, count] of source.forms) target.forms.set(form, (target.forms.get(form) ?? 0) + count)
    groups.delete(from)
    articleCounts.delete(target)
    types.delete(target)
  }

  // 3. Entities, most articles first; the keys of every form point to them.
  const ordered = [...groups.values()].sort((a, b) => articlesOf(b) - articlesOf(a) || a.key.localeCompare(b.key))
  const keys: Record<string, number> = {}
  const used = new Set<string>()
  const entities = ordered.map((group): StoredEntity => {
    const type = majorityType(group)
    const name = group.canonical ?? canonicalForm(group, redirect, keyOf)
    let id = slug(type, name)
    for (let n = 2; used.has(id); n++) id = `${slug(type, name)}-${n}`
    used.add(id)
    const entities = group.sightings.map((sighting) => sighting.entity)
    const role = majority(entities.flatMap((entity) => (entity.role ? [entity.role] : [])))
    const country = type === 'country' ? name : majority(entities.flatMap((entity) => (entity.country ? [entity.country] : [])))
    const located = entities.find((entity) => entity.lat !== undefined && entity.lon !== undefined)
    const countryCode = country ? findCountry(country)?.code : undefined
    const articleNumbers = [...new Set(group.sightings.map((sighting) => sighting.article))].sort((a, b) => rank.get(a)! - rank.get(b)!)
    return {
      id,
      name,
      type,
      aliases: [...group.forms.keys()].filter((form) => form !== name).sort(),
      ...(role ? { role } : {}),
      ...(country ? { country } : {}),
      ...(countryCode ? { countryCode } : {}),
      ...(located ? { lat: located.lat!, lon: located.lon! } : {}),
      ...(type === 'place' && countryCode ? regionOf(name, countryCode, located) : {}),
      articles: articleNumbers,
      seenWith: [],
      facts: {},
    }
  })
  // Keys in order of authority: each group's own, the surnames and acronyms folded into one, the dominant full
  // names' surnames, then the other forms (a surname an article resolved to its own full name), then the alias table's.
  ordered.forEach((group, index) => (keys[group.key] = index))
  for (const [from, to] of redirect) keys[from] = keys[to]!
  // A surname no article uses alone still names the full name that dominates it.
  for (const [surname, fullNames] of bySurname) {
    const full = dominant(fullNames, (key) => articlesOf(groups.get(key)!))
    if (full && !findCountry(surname)) keys[surname] ??= keys[full]!
  }
  ordered.forEach((group, index) => {
    for (const form of group.forms.keys()) keys[keyOf(form)] ??= index
  })
  for (const [alias, canonical] of ALIAS_KEYS) if (keys[canonical] !== undefined) keys[alias] ??= keys[canonical]
  const registry: StoredRegistry = { entities, keys }
  addSeenWith(registry)
  addFacts(registry, articles, order)
  return registry
}

/** The name a reader knows it by: the form most used, among full names (not a surname or acronym folded in), longer first on ties. */
function canonicalForm(group: Group, redirect: ReadonlyMap<string, string>, keyOf: (name: string) => string): string {
  const forms = [...group.forms].filter(([form]) => !redirect.has(keyOf(form)))
  const pool = forms.length > 0 ? forms : [...group.forms]
  pool.sort(([a, countA], [b, countB]) => countB - countA || b.length - a.length || a.localeCompare(b))
  return pool[0]![0]
}

/** The town or region of that name in that country (nearest to the facts' coordinates): its region code. */
function regionOf(name: string, countryCode: string, located: Pick<SheetEntity, 'lat' | 'lon'> | undefined): Pick<StoredEntity, 'within' | 'area'> {
  const distance = (place: { lat?: number; lon?: number }) =>
    located?.lat === undefined || place.lat === undefined ? 0 : Math.abs(place.lat - located.lat) + Math.abs(place.lon! - located.lon!)
  const place = findPlaces(name)
    .filter((each) => each.country === countryCode && each.region)
    .sort((a, b) => distance(a) - distance(b))[0]
  if (!place) return {}
  const code = `${countryCode}.${place.region}`
  return place.kind === 'region' ? { area: code } : { within: code }
}

function addSeenWith(registry: StoredRegistry) {
  // An entity's articles are distinct, so each article lists an entity once, in the entities' order.
  const inArticle = new Map<number, number[]>()
  registry.entities.forEach((entity, index) => {
    for (const article of entity.articles) appendTo(inArticle, article, index)
  })
  // Articles shared with each other entity, counted in one array and the entities met listed (a Map per entity, and
  // sorting every entity met to keep 12, were most of the registry's time at 20,000 articles).
  const shared = new Int32Array(registry.entities.length)
  const before = (a: number, b: number) => shared[a]! > shared[b]! || (shared[a] === shared[b] && a < b)
  registry.entities.forEach((entity, index) => {
    const met: number[] = []
    for (const article of entity.articles) for (const other of inArticle.get(article)!) if (other !== index && shared[other]!++ === 0) met.push(other)
    // The most shared first, then the first in the registry's order: the SEEN_WITH_KEPT best, in order.
    const best: number[] = []
    for (const other of met) {
      if (best.length === SEEN_WITH_KEPT) {
        if (!before(other, best.at(-1)!)) continue
        best.pop()
      }
      let at = best.length
      while (at > 0 && before(other, best[at - 1]!)) at--
      best.splice(at, 0, other)
    }
    entity.seenWith = best.flatMap((other) => [other, shared[other]!])
    for (const other of met) shared[other] = 0
  })
}

/**
 * Numbers every fact as the catalogue does and files it under the entities it names: each name is looked up by the
 * keys its sheet gives it, in its article's terms.
 */
function addFacts(registry: StoredRegistry, articles: readonly SheetArticle[], order: readonly number[]) {
  const { keys, entities } = registry
  const one = ([first, then]: LookupPair) => keys[first] ?? keys[then]
  // A loose target stands for the entity it names whole, or else for every entity of its article's names it contains.
  const resolve = ({ name, within }: SheetFiling): number[] => {
    const whole = one(name)
    if (whole !== undefined || within === undefined) return whole === undefined ? [] : [whole]
    const found = new Set<number>()
    for (const pair of within) {
      const index = one(pair)
      if (index !== undefined) found.add(index)
    }
    return [...found]
  }
  let first = 0
  for (const i of order) {
    const article = articles[i]!
    for (const filing of article.filed) {
      const indexes = resolve(filing)
      for (const index of indexes) (entities[index]!.facts[filing.role] ??= []).push(first + filing.at)
      if (filing.casualty) for (const index of indexes) (entities[index]!.casualties ??= []).push(i, ...filing.casualty)
    }
    // The article's entity facts are its last, one per entity, each naming its entity.
    const mentions = first + article.facts - article.entities.length
    article.entities.forEach((entity, position) => {
      const index = entity.name ? one([entity.local ?? entity.key, entity.key]) : undefined
      if (index !== undefined) (entities[index]!.facts.mention ??= []).push(mentions + position)
    })
    first += article.facts
  }
}

function majority<T>(values: readonly T[]): T | undefined {
  const counts = new Map<T, number>()
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
  let best: T | undefined
  for (const [value, count] of counts) if (best === undefined || count > counts.get(best)!) best = value
  return best
}

/** The one candidate, or the one with SURNAME_DOMINANCE times the weight of the next. */
function dominant(candidates: readonly string[], weight: (candidate: string) => number): string | undefined {
  const ranked = [...new Set(candidates)].sort((a, b) => weight(b) - weight(a))
  if (ranked.length === 0) return undefined
  if (ranked.length === 1 || weight(ranked[0]!) >= SURNAME_DOMINANCE * weight(ranked[1]!)) return ranked[0]
  return undefined
}
