import type { EntityType } from '../analysis/facts/types'
import { findCountry, findPlaces } from '../gazetteer'
import { placeKey } from '../gazetteer/key'
import { catalogOrder } from './fact-catalog'
import { ALIAS_KEYS, appendTo, CANONICAL_NAMES, US_FORMS, type RegistryArticle, type StoredEntity, type StoredRegistry } from './entity-registry'
import { lookupPair, registrySheet, type LookupPair, type RegistrySheet, type SheetArticle, type SheetFiling, type SheetGroup } from './registry-sheet'

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

/** A group's share from one sheet: the sheet's group, and the position of the sheet's first article in the corpus. */
type Share = { group: SheetGroup; first: number }
/** A share's articles as corpus positions. */
const positions = (share: Share) => share.group.articles.map((article) => article + share.first)
/** A group of the corpus: its shares from the sheets that name its key (and, once redirected, the shares of the groups folded into it). */
type Group = { key: string; shares: Share[]; canonical?: string }

/** Every entity of every article merged into one registry (articles in bundle order). */
export function storeRegistry(articles: readonly RegistryArticle[]): StoredRegistry {
  return mergeRegistrySheets([registrySheet(articles)])
}

/**
 * The registry of the articles of `sheets`, one after the other in corpus order (a sharded build's shards, each
 * sheet made from its own articles, or kept from an earlier build): the same registry as `storeRegistry` of all
 * of them, since a sheet holds only what each article gives on its own, and a group's counts add up across sheets.
 */
export function mergeRegistrySheets(sheets: readonly RegistrySheet[]): StoredRegistry {
  const articles = sheets.flatMap((sheet) => sheet.articles)
  const order = catalogOrder(articles)
  const rank = new Int32Array(articles.length)
  order.forEach((article, position) => (rank[article] = position))
  // 1. Groups by key, their shares in corpus order (the first sighting of a key, or of a value in it, comes first).
  const groups = new Map<string, Group>()
  // Every name's key, as the sheets give it (the merge asks again for the keys of a group's forms).
  const known = new Map<string, string>()
  const keyOf = (name: string) => known.get(name)!
  let first = 0
  for (const sheet of sheets) {
    for (const group of sheet.groups) {
      const merged = groups.get(group.key)
      if (merged) merged.shares.push({ group, first })
      else {
        const canonical = CANONICAL_NAMES.get(group.key)
        groups.set(group.key, { key: group.key, shares: [{ group, first }], ...(canonical ? { canonical } : {}) })
      }
      for (const [name, , key] of group.forms) known.set(name, key ?? group.key)
    }
    first += sheet.articles.length
  }
  // A group's articles, type and forms are asked for again and again (by every sort comparison of the groups and of
  // a surname's full names, most of the registry's time at 20,000 articles): each is worked out once, and again
  // only for a group that took in another's shares.
  const articleCounts = new Map<Group, number>()
  const types = new Map<Group, EntityType>()
  const articlesOf = (group: Group) => {
    let count = articleCounts.get(group)
    if (count === undefined) {
      const { shares } = group
      count = shares.length === 1 ? shares[0]!.group.articles.length : new Set(shares.flatMap(positions)).size
      articleCounts.set(group, count)
    }
    return count
  }
  const majorityType = (group: Group) => {
    let type = types.get(group)
    if (type === undefined) types.set(group, (type = majority(group.shares.map(({ group }) => group.types))!))
    return type
  }
  // 2. Acronyms and lone surnames join the one group they stand for.
  const redirect = new Map<string, string>()
  const byAcronym = new Map<string, string[]>()
  const bySurname = new Map<string, string[]>()
  for (const group of groups.values()) {
    if (!group.key.includes(' ')) continue
    const type = majorityType(group)
    const acronym = type === 'organization' ? acronymOf(group.shares[0]!.group.forms[0]![0]) : undefined
    if (acronym) appendTo(byAcronym, acronym, group.key)
    if (type === 'person') appendTo(bySurname, group.key.slice(group.key.lastIndexOf(' ') + 1), group.key)
  }
  for (const group of groups.values()) {
    // A country's name is never someone's surname or an acronym, nor a name the articles also give a place.
    if (
      group.key.includes(' ') ||
      findCountry(group.key) ||
      group.shares.some(({ group }) => group.types.some(([type]) => type === 'place' || type === 'country'))
    )
      continue
    const type = majorityType(group)
    const acronym = type === 'organization' && group.shares.some(({ group }) => group.forms.some(([form]) => isAcronym(form)))
    const candidates = type === 'person' ? bySurname.get(group.key) : acronym ? byAcronym.get(group.key) : undefined
    const full = dominant(candidates ?? [], (key) => articlesOf(groups.get(key)!))
    if (full) redirect.set(group.key, full)
  }
  for (const [from, to] of redirect) {
    const target = groups.get(to)!
    target.shares.push(...groups.get(from)!.shares)
    groups.delete(from)
    articleCounts.delete(target)
    types.delete(target)
  }

  /**
   * A group's articles as corpus positions in the catalogue's order. A share's are in its sheet's catalogue order,
   * which is the corpus's restricted to the sheet: only a group of several shares is sorted (and made distinct: a
   * surname folded into a full name may share its articles).
   */
  function articleNumbers({ shares }: Group): number[] {
    if (shares.length === 1) return positions(shares[0]!)
    return [...new Set(shares.flatMap(positions))].sort((a, b) => rank[a]! - rank[b]!)
  }

  // 3. Entities, most articles first; the keys of every form point to them.
  const ordered = [...groups.values()].sort((a, b) => articlesOf(b) - articlesOf(a) || a.key.localeCompare(b.key))
  const keys: Record<string, number> = {}
  const used = new Set<string>()
  const groupForms = new Map<Group, Forms>()
  const entities = ordered.map((group): StoredEntity => {
    const type = majorityType(group)
    const forms = formsOf(group)
    groupForms.set(group, forms)
    const name = group.canonical ?? canonicalForm(forms, redirect, keyOf)
    let id = slug(type, name)
    for (let n = 2; used.has(id); n++) id = `${slug(type, name)}-${n}`
    used.add(id)
    const sheetGroups = group.shares.map(({ group }) => group)
    const role = majority(sheetGroups.flatMap((each) => (each.roles ? [each.roles] : [])))
    const country = type === 'country' ? name : majority(sheetGroups.flatMap((each) => (each.countries ? [each.countries] : [])))
    const located = sheetGroups.find((each) => each.located)?.located
    const countryCode = country ? findCountry(country)?.code : undefined
    return {
      id,
      name,
      type,
      aliases: formNames(forms)
        .filter((form) => form !== name)
        .sort(),
      ...(role ? { role } : {}),
      ...(country ? { country } : {}),
      ...(countryCode ? { countryCode } : {}),
      ...(located ? { lat: located[0], lon: located[1] } : {}),
      ...(type === 'place' && countryCode ? regionOf(name, countryCode, located) : {}),
      articles: articleNumbers(group),
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
    for (const form of formNames(groupForms.get(group)!)) keys[keyOf(form)] ??= index
  })
  for (const [alias, canonical] of ALIAS_KEYS) if (keys[canonical] !== undefined) keys[alias] ??= keys[canonical]
  const registry: StoredRegistry = { entities, keys }
  addSeenWith(registry)
  addFacts(registry, articles, order)
  return registry
}

/** A group's names with their sightings: its one share's own list (most groups), or the shares' counts added up. */
type Forms = ReadonlyMap<string, number> | SheetGroup['forms']
function formsOf({ shares }: Group): Forms {
  if (shares.length === 1) return shares[0]!.group.forms
  const forms = new Map<string, number>()
  for (const { group } of shares) for (const [form, sightings] of group.forms) forms.set(form, (forms.get(form) ?? 0) + sightings)
  return forms
}

const formNames = (forms: Forms): string[] => (Array.isArray(forms) ? forms.map(([name]) => name) : [...forms.keys()])

/** The name a reader knows it by: the form most used, among full names (not a surname or acronym folded in), longer first on ties. */
function canonicalForm(all: Forms, redirect: ReadonlyMap<string, string>, keyOf: (name: string) => string): string {
  const forms: [string, number][] = [...all].map(([form, sightings]) => [form, sightings])
  const kept = forms.filter(([form]) => !redirect.has(keyOf(form)))
  const pool = kept.length > 0 ? kept : forms
  pool.sort(([a, countA], [b, countB]) => countB - countA || b.length - a.length || a.localeCompare(b))
  return pool[0]![0]
}

/** The town or region of that name in that country (nearest to the facts' coordinates): its region code. */
function regionOf(name: string, countryCode: string, located: [lat: number, lon: number] | undefined): Pick<StoredEntity, 'within' | 'area'> {
  const distance = (place: { lat?: number; lon?: number }) =>
    located === undefined || place.lat === undefined ? 0 : Math.abs(place.lat - located[0]) + Math.abs(place.lon! - located[1])
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
    const mentions = first + article.facts - article.mentions.length
    article.mentions.forEach((keys, position) => {
      const index = keys === null ? undefined : one(lookupPair(keys))
      if (index !== undefined) (entities[index]!.facts.mention ??= []).push(mentions + position)
    })
    first += article.facts
  }
}

/** The value most counted over the shares' counts (each a value's first sighting first); on a tie, the first seen. */
function majority<T>(shares: readonly (readonly [T, number][])[]): T | undefined {
  // One share (most groups): its own counts, no map.
  if (shares.length === 1) {
    let best: readonly [T, number] | undefined
    for (const counted of shares[0]!) if (best === undefined || counted[1] > best[1]) best = counted
    return best?.[0]
  }
  const counts = new Map<T, number>()
  for (const share of shares) for (const [value, count] of share) counts.set(value, (counts.get(value) ?? 0) + count)
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
