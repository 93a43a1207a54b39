import { processTerm } from './terms'

/**
 * Words a news reader uses for the same thing, each group with the weight a
 * match of another member gets relative to the word typed (which counts 1).
 * Groups are symmetric: a query for any member also finds the others. Edit
 * this table to tune; `npm run eval:search` measures it (docs/search-quality.md).
 */
export const SYNONYM_GROUPS: readonly { words: readonly string[]; weight: number }[] = [
  { words: ['killed', 'dead', 'died', 'deaths'], weight: 0.5 },
  { words: ['aircraft', 'plane', 'jet', 'airliner'], weight: 0.5 },
  { words: ['attack', 'assault', 'raid'], weight: 0.5 },
  { words: ['bomb', 'explosive', 'blast'], weight: 0.5 },
  { words: ['injured', 'wounded', 'hurt'], weight: 0.5 },
  { words: ['militant', 'insurgent', 'terrorist'], weight: 0.5 },
  { words: ['election', 'vote', 'poll'], weight: 0.5 },
  // Not "officers": it stems like "office" ("offic"), so a search for police would find every office.
  { words: ['police', 'policeman', 'policemen'], weight: 0.5 },
  { words: ['president', 'leader'], weight: 0.3 },
  { words: ['government', 'administration'], weight: 0.5 },
  { words: ['fire', 'blaze'], weight: 0.5 },
  { words: ['flood', 'deluge', 'inundation'], weight: 0.5 },
  { words: ['earthquake', 'quake', 'tremor'], weight: 0.5 },
  { words: ['protest', 'demonstration', 'rally'], weight: 0.5 },
  { words: ['vaccine', 'immunization', 'inoculation'], weight: 0.5 },
]

/** Index term -> each other member's index term with its group's weight (computed once, at module load). */
const SYNONYMS: ReadonlyMap<string, ReadonlyMap<string, number>> = (() => {
  const map = new Map<string, Map<string, number>>()
  for (const group of SYNONYM_GROUPS) {
    const terms = [...new Set(group.words.map(processTerm).filter((term): term is string => term !== null))]
    for (const term of terms) {
      const others = map.get(term) ?? new Map<string, number>()
      for (const other of terms) if (other !== term) others.set(other, Math.max(others.get(other) ?? 0, group.weight))
      map.set(term, others)
    }
  }
  return map
})()

/** The other index terms that mean what `term` (an index term) means. */
export function synonymsOf(term: string): readonly string[] {
  return [...(SYNONYMS.get(term)?.keys() ?? [])]
}

/** The weight of a match of `synonym` for a query of `term` (both index terms); 0 when they are not synonyms. */
export function synonymWeight(term: string, synonym: string): number {
  return SYNONYMS.get(term)?.get(synonym) ?? 0
}
