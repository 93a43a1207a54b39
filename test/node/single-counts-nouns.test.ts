import { describe, expect, it } from 'vitest'
import { extractQuantities } from '../../src/analysis/facts/quantities'
import { entitiesIn, sentencesOf } from './quotes-entities'

// The person noun of a count of one is a whole word of single-counts.ts's list, found by a lookahead and taken by a
// back-reference (a mechanical form that compiles faster): these pin what the plain alternation `(list)\b` matched.
// Invented sentences.
function counts(text: string) {
  return extractQuantities(text, sentencesOf(text), entitiesIn(text, [])).map(({ value, who, event }) => ({ value, who, event }))
}

describe('the person noun of a count of one', () => {
  it('is the whole word when one word of the list starts another', () => {
    expect(counts('A policewoman was killed on Monday.')).toEqual([{ value: 1, who: 'policewoman', event: 'killed' }])
    expect(counts('A policeman was killed on Monday.')).toEqual([{ value: 1, who: 'policeman', event: 'killed' }])
    expect(counts('Gunmen killed a son and his father.')).toEqual([
      { value: 1, who: 'son', event: 'killed' },
      { value: 1, who: 'father', event: 'killed' },
    ])
  })

  it('is no word that only starts with one of the list', () => {
    expect(counts('A manager was killed on Monday.')).toEqual([])
    expect(counts('Gunmen killed a sonar operator.')).toEqual([])
    expect(counts('Police arrested a gunmanager.')).toEqual([])
  })

  it('is found in any case, after "sub-", and before a hyphen', () => {
    expect(counts('A SOLDIER WAS KILLED ON MONDAY.')).toEqual([{ value: 1, who: 'soldier', event: 'killed' }])
    expect(counts('Troops killed a Taliban sub-commander near the border.')).toEqual([{ value: 1, who: 'commander', event: 'killed' }])
    expect(counts('Police arrested a man-of-war.')).toEqual([{ value: 1, who: 'man', event: 'arrested' }])
  })

  it('holds in every pattern that reads one person', () => {
    expect(counts('The strike resulted in the death of a senior commander.')).toEqual([{ value: 1, who: 'commander', event: 'killed' }])
    expect(counts('A resident died of her wounds.')).toEqual([{ value: 1, who: 'resident', event: 'killed' }])
    expect(counts('Police arrested two men and a woman.')).toEqual([
      { value: 2, who: 'men', event: 'arrested' },
      { value: 1, who: 'woman', event: 'arrested' },
    ])
  })
})

describe('a word of a list found by a lookahead and a back-reference', () => {
  // The form single-counts.ts gives ONE, against the alternation it replaced, on a list of its own where words start
  // others ("man", "manager", "policeman"), in sentences with the head's repetitions before the noun, letters of any
  // case (the long s and the Kelvin sign fold to "s" and "k" under /iu), and a letter, a non-ASCII letter, a hyphen or a
  // space after it.
  const words = ['man', 'manager', 'policeman', 'policewoman', 'son', 'sonar', 'kid', 'kidnapper', 'sister']
  const head = `\\b(?:a|an|the|one|his)\\s+(?:(?:[\\p{L}\\p{N}'’.-]+\\s+){0,3}?|(?:\\p{Lu}[\\p{L}\\p{N}.'’-]*\\s+){2,5}(?:[\\p{L}\\p{N}'’.-]+\\s+)?)(?:sub-)?`
  const tail = `\\s+(?:was|has\\s+been)\\s+(killed|arrested)\\b`
  const alternation = new RegExp(`${head}(${words.join('|')})\\b${tail}`, 'giu')
  const lookahead = new RegExp(`${head}(?=(?<person>${words.join('|')})\\b)\\k<person>${tail}`, 'giu')
  const matches = (pattern: RegExp, text: string) => [...text.matchAll(pattern)].map((match) => [match.index, ...match])

  it('matches what the alternation matches, groups and all', () => {
    const nouns = [...words, 'MAN', 'Policewoman', 'ſon', 'Kid', 'manag', 'sub-son', 'mané', 'man-', 'sonars', 'kidnappers']
    const befores = ['a', 'the big', 'his elder Royal Navy', 'One Very Big Red', 'an old', 'a a']
    const afters = [' was killed.', ' has been arrested', ' killed', ' was killedx', ', who was killed', ' was  killed and the son was arrested']
    let compared = 0
    for (const before of befores)
      for (const noun of nouns)
        for (const after of afters) {
          const text = `Then ${before} ${noun}${after}`
          expect(matches(lookahead, text), text).toEqual(matches(alternation, text))
          compared++
        }
    expect(compared).toBe(befores.length * nouns.length * afters.length)
    // The sentences do reach both outcomes: some match, some do not.
    expect(matches(lookahead, 'Then a policewoman was killed.')).toEqual([[5, 'a policewoman was killed', 'policewoman', 'killed']])
    expect(matches(lookahead, 'Then a manag was killed.')).toEqual([])
  })
})
