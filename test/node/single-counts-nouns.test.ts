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
