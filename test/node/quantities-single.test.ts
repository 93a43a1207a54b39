import { describe, expect, it } from 'vitest'
import { extractQuantities } from '../../src/analysis/facts/quantities'
import type { EntityType } from '../../src/analysis/facts/types'
import { entitiesIn, sentencesOf } from './quotes-entities'

// Counts a number never says (one named or singular person), bare counts with their source after them, more nouns
// of people, the place from the paragraph, and one fact told twice. Invented sentences.
function quantities(text: string, specs: Array<[string, EntityType, ...string[]]> = []) {
  return extractQuantities(text, sentencesOf(text), entitiesIn(text, specs)).map(({ value, who, event, place }) => ({
    value,
    who,
    event,
    ...(place ? { place } : {}),
  }))
}

describe('a killing, an arrest or an injury of one person', () => {
  it('counts one singular person as one', () => {
    expect(quantities("Troops killed the militia's commander near the border.")).toEqual([{ value: 1, who: 'commander', event: 'killed' }])
    expect(quantities('Police arrested a man on Sunday.')).toEqual([{ value: 1, who: 'man', event: 'arrested' }])
    expect(quantities('An engineer was killed while working at the station.')).toEqual([{ value: 1, who: 'engineer', event: 'killed' }])
  })

  it('counts one named person as one, by name', () => {
    const amir: [string, EntityType] = ['Amir Kazemi', 'person']
    expect(quantities('The strike on Friday killed Amir Kazemi, officials said.', [amir])).toEqual([{ value: 1, who: 'Amir Kazemi', event: 'killed' }])
    expect(quantities('Lawmakers condemned the killing of Amir Kazemi.', [amir])).toEqual([{ value: 1, who: 'Amir Kazemi', event: 'killed' }])
    expect(quantities('Amir Kazemi was arrested at the airport.', [amir])).toEqual([{ value: 1, who: 'Amir Kazemi', event: 'arrested' }])
  })

  it('counts one named person killed after an apposition, in a relative clause, or after what the person is', () => {
    const ilse: [string, EntityType] = ['Ilse Brandt', 'person']
    expect(quantities('Ilse Brandt, owner of a riding school near Tamsin, Eastland, was killed by her horse on Monday.', [ilse])).toEqual([
      { value: 1, who: 'Ilse Brandt', event: 'killed' },
    ])
    expect(quantities('The convoy was met by Ilse Brandt, who was also killed in the blast.', [ilse])).toEqual([
      { value: 1, who: 'Ilse Brandt', event: 'killed' },
    ])
    expect(quantities('It was a collision which killed cyclist Ilse Brandt on the ring road.', [ilse])).toEqual([
      { value: 1, who: 'Ilse Brandt', event: 'killed' },
    ])
    // The one after "killed by" did the killing.
    expect(quantities('The guard was killed by Ilse Brandt.', [ilse])).toEqual([{ value: 1, who: 'guard', event: 'killed' }])
  })

  it('counts one accused, individual or protester as one', () => {
    expect(quantities('Police arrested the accused two streets from the mosque.')).toEqual([{ value: 1, who: 'accused', event: 'arrested' }])
    expect(quantities('An individual has been arrested after the stabbing.')).toEqual([{ value: 1, who: 'individual', event: 'arrested' }])
  })

  it('counts one person named in two spellings once', () => {
    expect(
      quantities('Officials said Omar al-Rashidi had been killed. Omar al-Rashidy was killed in a raid on Sunday.', [
        ['Omar al-Rashidi', 'person'],
        ['Omar al-Rashidy', 'person'],
      ]),
    ).toEqual([{ value: 1, who: 'Omar al-Rashidi', event: 'killed' }])
  })

  it('does not count again "the" person a number already counted', () => {
    expect(quantities('The attack killed four people. The woman was killed in a stairwell.')).toEqual([{ value: 4, who: 'people', event: 'killed' }])
  })
})

describe('counts the rules missed', () => {
  it('reads a bare count followed by its source or setting', () => {
    expect(quantities('The typhoon made landfall on Tuesday, killing at least 20 according to officials.')).toEqual([
      { value: 20, who: 'people', event: 'killed' },
    ])
  })

  it('reads motorcyclists and other road users as people, and jailing as an event', () => {
    expect(quantities('The collision left seven motorcyclists dead.')).toEqual([{ value: 7, who: 'motorcyclists', event: 'killed' }])
    expect(quantities('On Wednesday, nine men were jailed for the abuse.')).toEqual([{ value: 9, who: 'men', event: 'jailed' }])
  })
})

describe('place and repeats', () => {
  it('takes the place from the paragraph when the sentence names none', () => {
    expect(quantities('The blast hit a market in Mastung. Eight people were killed.', [['Mastung', 'place']])).toEqual([
      { value: 8, who: 'people', event: 'killed', place: 'Mastung' },
    ])
  })

  it('merges one fact told twice, keeping the place one of them gives', () => {
    expect(quantities('The bomb killed 12 people. Police said 12 people were killed in Quetta.', [['Quetta', 'place']])).toEqual([
      { value: 12, who: 'people', event: 'killed', place: 'Quetta' },
    ])
  })
})
