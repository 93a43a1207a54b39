import { processTerm } from './terms'

/**
 * Words a news reader uses for the same thing. Each group is symmetric: a
 * query for any member also finds the others (at a lower weight than the
 * word itself). Edit this list to tune; `npm run eval:search` measures it.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['killed', 'dead', 'died', 'deaths'],
  ['attack', 'assault', 'raid'],
  ['bomb', 'explosive', 'blast'],
  ['injured', 'wounded', 'hurt'],
  ['militant', 'insurgent', 'terrorist'],
  ['election', 'vote', 'poll'],
  ['police', 'officers'],
  ['president', 'leader'],
  ['government', 'administration'],
  ['fire', 'blaze'],
]

/** Index term -> the index terms of its group's other members (computed once, at module load). */
const SYNONYMS: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, Set<string>>()
  for (const group of SYNONYM_GROUPS) {
    const terms = [...new Set(group.map(processTerm).filter((term): term is string => term !== null))]
    for (const term of terms) {
      const others = map.get(term) ?? new Set<string>()
      for (const other of terms) if (other !== term) others.add(other)
      map.set(term, others)
    }
  }
  return new Map([...map].map(([term, others]) => [term, [...others]]))
})()

/** The other index terms that mean what `term` (an index term) means. */
export function synonymsOf(term: string): readonly string[] {
  return SYNONYMS.get(term) ?? []
}
