import type { Entity } from '../analysis/facts/types'
import { CASUALTY_EVENTS } from './brief'
import { factCount } from './fact-catalog'
import { computeNameKey, localFullNames, lookupKeys, wholeName, type FactRole, type RegistryArticle } from './entity-registry'

/**
 * What the entity registry reads of one run of articles (a shard's), worked out from those articles alone: each
 * name's key and the key it is grouped under in its article's terms, and each fact's names as the keys they are
 * looked up by. The merge (`mergeRegistrySheets`, registry-build.ts) does the rest, which needs the whole corpus
 * (a surname's meaning, entity ranks, fact numbers in the whole catalogue's order). A sharded build keeps each
 * shard's sheet under the shard's key, so a shard whose articles did not change is not read again for it.
 */
export type RegistrySheet = SheetArticle[]

/** One article of a sheet: what orders and counts its facts, its entities, and its facts that name entities. */
export type SheetArticle = {
  id: string
  date?: string
  /** How many facts the catalogue lists for it (`factCount`): what numbers the facts of the articles after it. */
  facts: number
  entities: SheetEntity[]
  filed: SheetFiling[]
}

/**
 * An entity of the article (without its mentions), its name's key (`nameKey`), and for a surname the article gives
 * one full name of, that full name's key (`localFullNames`): what its sightings are grouped under and its name is
 * looked up by first. Its entity fact (a mention, the last of the article's facts) is filed from it.
 */
export type SheetEntity = Omit<Entity, 'mentions'> & { key: string; local?: string }

/** A pair of keys a name is looked up by, the first found wins (`lookupKeys`). */
export type LookupPair = [string, string]

/**
 * A quote, figure or statement of the article that names an entity in a role (entity facts are the entities'): its position among the article's facts (`factsOf`'s order),
 * the name's look-up keys; for a loose target (a statement's), the look-up keys of each of its article's names it
 * contains as whole words, for when the whole target names none; for a casualty figure of a reported event at a
 * place, its value and event (an index into CASUALTY_EVENTS).
 */
export type SheetFiling = { at: number; role: Exclude<FactRole, 'mention'>; name: LookupPair; within?: LookupPair[]; casualty?: [number, number] }

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
  return articles.map(({ id, date, facts }) => {
    const local = localFullNames(facts.entities, keyOf)
    const entities = facts.entities.map(({ mentions: _mentions, ...entity }): SheetEntity => {
      const key = keyOf(entity.name)
      const full = local.get(key)
      return { ...entity, key, ...(full === undefined ? {} : { local: full }) }
    })
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
    return { id, ...(date === undefined ? {} : { date }), facts: factCount({ facts }), entities, filed }
  })
}
