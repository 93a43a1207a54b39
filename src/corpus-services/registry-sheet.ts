import type { EntityType } from '../analysis/facts/types'
import { CASUALTY_EVENTS } from './brief'
import { catalogOrder, factCount } from './fact-catalog'
import { ALIAS_KEYS, computeNameKey, localFullNames, lookupKeys, wholeName, type FactRole, type RegistryArticle } from './entity-registry'

/**
 * What the entity registry reads of one run of articles (a shard's), worked out from those articles alone: its
 * entities gathered by the key they are grouped under, with what the merge counts of them, and each fact's names as
 * the keys they are looked up by. The merge (`mergeRegistrySheets`, registry-build.ts) does the rest, which needs the
 * whole corpus (a surname's meaning, entity ranks, fact numbers in the whole catalogue's order); since a group's
 * counts add up across runs, it goes over groups, not over every entity of every article. A sharded build keeps each
 * shard's sheet under the shard's key, so a shard whose articles did not change is not read again for it.
 */
export type RegistrySheet = { articles: SheetArticle[]; groups: SheetGroup[] }

/** One article of a sheet: what orders and counts its facts, and its facts that name entities. */
export type SheetArticle = {
  id: string
  date?: string
  /** How many facts the catalogue lists for it (`factCount`): what numbers the facts of the articles after it. */
  facts: number
  /**
   * Its entities' facts (a mention each, the last of the article's facts, in its entities' order): the keys each
   * entity's name is looked up by (`lookupKeys`; one key when both are the same), null for an empty name.
   */
  mentions: Array<LookupKeys | null>
  filed: SheetFiling[]
}

/** A pair of keys a name is looked up by, the first found wins (`lookupKeys`). */
export type LookupPair = [string, string]
/** A pair, or its one key when both are the same (most names: the sheets are kept on disk and held by the build). */
export type LookupKeys = LookupPair | string

/** The pair `keys` stands for. */
export const lookupPair = (keys: LookupKeys): LookupPair => (typeof keys === 'string' ? [keys, keys] : keys)

/**
 * The run's entities grouped under one key: each name in its article's own terms (a surname the article spells
 * out in full is that full name, an alias its canonical name's key). What the merge reads of a group, counted over
 * its sightings in corpus order (a value's first sighting first, which decides a majority's ties).
 */
export type SheetGroup = {
  key: string
  /** Its names as written, each with its sightings and, where it is not the group's, its own key (`nameKey`). */
  forms: Array<[name: string, sightings: number] | [name: string, sightings: number, key: string]>
  /** Its articles (positions in the run), in the catalogue's order. */
  articles: number[]
  /** Its sightings' types, roles and countries, with how many of them give each. */
  types: Array<[EntityType, number]>
  roles?: Array<[string, number]>
  countries?: Array<[string, number]>
  /** The coordinates of its first sighting that has them. */
  located?: [lat: number, lon: number]
}

/**
 * A quote, figure or statement of the article that names an entity in a role (entity facts are the mentions): its
 * position among the article's facts (`factsOf`'s order), the name's look-up keys; for a loose target (a
 * statement's), the look-up keys of each of its article's names it contains as whole words, for when the whole
 * target names none; for a casualty figure of a reported event at a place, its value and event (an index into
 * CASUALTY_EVENTS).
 */
export type SheetFiling = { at: number; role: Exclude<FactRole, 'mention'>; name: LookupPair; within?: LookupPair[]; casualty?: [number, number] }

/**
 * Adds one to `value`'s count in `counts`: a list searched in order rather than a map, since most groups are
 * sighted once (a map per group and field made the sheets twice as slow to make: 128,000 groups a shard of 10,000).
 */
function count<T>(counts: [T, number][], value: T) {
  const found = counts.find(([each]) => each === value)
  if (found) found[1]++
  else counts.push([value, 1])
}

/** The sheet of `articles` (in corpus order). */
export function registrySheet(articles: readonly RegistryArticle[]): RegistrySheet {
  // Every name's key is asked for three or four times (its sighting, its article's full names, its facts' look-ups):
  // remembered for the whole run, since the corpus's distinct names outgrow `nameKey`'s bounded memo (68,000 names,
  // 1.5 million characters at 5,000 synthetic articles), which then computed most of them again (docs/scaling.md).
  const known = new Map<string, string>()
  const keyOf = (name: string) => {
    let key = known.get(name)
    if (key === undefined) known.set(name, (key = computeNameKey(name)))
    return key
  }
  const groups = new Map<string, SheetGroup>()
  // Each article's entities' groups, in its entities' order: its articles are listed after, in the catalogue's order.
  const groupsOf: SheetGroup[][] = []
  const sheetArticles = articles.map(({ id, date, facts }, position): SheetArticle => {
    const local = localFullNames(facts.entities, keyOf)
    const mine: SheetGroup[] = []
    const mentions = facts.entities.map((entity): LookupKeys | null => {
      const key = keyOf(entity.name)
      const full = local.get(key)
      const groupKey = full ?? ALIAS_KEYS.get(key) ?? key
      let group = groups.get(groupKey)
      if (!group) groups.set(groupKey, (group = { key: groupKey, forms: [], articles: [], types: [] }))
      const form = group.forms.find(([name]) => name === entity.name)
      if (form) form[1]++
      else group.forms.push(key === groupKey ? [entity.name, 1] : [entity.name, 1, key])
      count(group.types, entity.type)
      if (entity.role) count((group.roles ??= []), entity.role)
      if (entity.country) count((group.countries ??= []), entity.country)
      if (!group.located && entity.lat !== undefined && entity.lon !== undefined) group.located = [entity.lat, entity.lon]
      mine.push(group)
      if (!entity.name) return null
      return full === undefined || full === key ? key : [full, key]
    })
    groupsOf[position] = mine
    const filed: SheetFiling[] = []
    let at = 0
    const file = (role: SheetFiling['role'], name: string | undefined, more: Pick<SheetFiling, 'within' | 'casualty'> = {}) => {
      if (name) filed.push({ at, role, name: lookupKeys(name, local, keyOf), ...more })
    }
    // factsOf's order: quotes, quantities, statements, then dates and entities (which name none in a role).
    for (const quote of facts.quotes) {
      file('speaker', quote.speaker)
      at++
    }
    for (const quantity of facts.quantities) {
      const event = CASUALTY_EVENTS.indexOf(quantity.event ?? '')
      file('place', quantity.place, event !== -1 && !quantity.kind ? { casualty: [quantity.value, event] } : {})
      at++
    }
    for (const statement of facts.statements) {
      file('actor', statement.actor)
      const target = statement.target
      // The pattern is the name as written between non-letters: a name the text does not contain needs no pattern
      // made (most of an article's names, and most of the registry's time in patterns at 5,000 articles).
      if (target) {
        const within = facts.entities.flatMap(({ name }) => (target.includes(name) && wholeName(name).test(target) ? [lookupKeys(name, local, keyOf)] : []))
        file('target', target, within.length > 0 ? { within } : {})
      }
      at++
    }
    return { id, ...(date === undefined ? {} : { date }), facts: factCount({ facts }), mentions, filed }
  })
  // Each group's articles in the catalogue's order, which is the corpus's restricted to the run: no sort per group.
  for (const position of catalogOrder(articles)) {
    for (const group of groupsOf[position]!) if (group.articles.at(-1) !== position) group.articles.push(position)
  }
  return { articles: sheetArticles, groups: [...groups.values()] }
}
