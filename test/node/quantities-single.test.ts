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

describe('counts of one in press-release and police phrasings', () => {
  it('counts a named person after a body and a role, or after "named"', () => {
    expect(quantities('The strike killed al-Qaida leader Abu Ahmad al-Masri.', [['Abu Ahmad al-Masri', 'person']])).toEqual([
      { value: 1, who: 'Abu Ahmad al-Masri', event: 'killed' },
    ])
    expect(quantities('The driver killed a woman named Ilse Brandt.', [['Ilse Brandt', 'person']])).toEqual([{ value: 1, who: 'Ilse Brandt', event: 'killed' }])
  })

  it('counts a death as the outcome of an act, not a death alone', () => {
    expect(quantities('The airstrike resulted in the death of a senior commander.')).toEqual([{ value: 1, who: 'commander', event: 'killed' }])
    expect(quantities('Friends mourned the death of a beloved teacher.')).toEqual([])
  })

  it('counts one person beside another count, and one after a possessive', () => {
    expect(quantities('The blaze killed a firefighter and injured three residents.')).toEqual([
      { value: 1, who: 'firefighter', event: 'killed' },
      { value: 3, who: 'residents', event: 'injured' },
    ])
    expect(quantities('The raid killed an al-Shabaab commander and two of his bodyguards.')).toEqual([
      { value: 2, who: 'bodyguards', event: 'killed' },
      { value: 1, who: 'commander', event: 'killed' },
    ])
    expect(quantities('Detectives arrested two men and a woman.')).toEqual([
      { value: 2, who: 'men', event: 'arrested' },
      { value: 1, who: 'woman', event: 'arrested' },
    ])
    expect(quantities('The gunman killed his wife.')).toEqual([{ value: 1, who: 'wife', event: 'killed' }])
    // One figure for a man and two women: the reader writes three people, not one more man.
    expect(quantities('He injured a man and two women.')).toEqual([{ value: 2, who: 'women', event: 'injured' }])
  })

  it('sums a list that shares its verb into one figure of people', () => {
    expect(quantities('Two women and a man were injured.')).toEqual([{ value: 3, who: 'people', event: 'injured' }])
  })

  it('gives a count without its people the people of the count before it in the clause', () => {
    expect(quantities('Two soldiers were killed and four were wounded.')).toEqual([
      { value: 2, who: 'soldiers', event: 'killed' },
      { value: 4, who: 'soldiers', event: 'injured' },
    ])
    expect(quantities('The truck hit the group, killing seven riders and injuring three more.')).toEqual([
      { value: 7, who: 'riders', event: 'killed' },
      { value: 3, who: 'riders', event: 'injured' },
    ])
    // After a semicolon anyone may be meant; one person before is no people noun for a plural.
    expect(quantities('Five civilians died; around twenty more were injured.')).toEqual([
      { value: 5, who: 'civilians', event: 'killed' },
      { value: 20, who: 'people', event: 'injured' },
    ])
    expect(quantities('One man was dead, and three were injured.')).toEqual([
      { value: 1, who: 'man', event: 'killed' },
      { value: 3, who: 'people', event: 'injured' },
    ])
  })

  it('reads the people of an abbreviation and of a possessive', () => {
    expect(quantities('Two U.S. service members were killed.')).toEqual([{ value: 2, who: 'U.S. service members', event: 'killed' }])
    expect(quantities("Two of Khan's victims died.")).toEqual([{ value: 2, who: 'victims', event: 'killed' }])
  })

  it('puts a count in the town the sentence names rather than its country', () => {
    expect(
      quantities('Seven people were killed in Eastland when a bus overturned in Tamsin.', [
        ['Eastland', 'country'],
        ['Tamsin', 'place'],
      ]),
    ).toEqual([{ value: 7, who: 'people', event: 'killed', place: 'Tamsin' }])
  })

  it('counts a death from violence of one person, not a death alone', () => {
    expect(quantities('A boy died after being stabbed on Saturday.')).toEqual([{ value: 1, who: 'boy', event: 'killed' }])
    expect(quantities('Ilse Brandt, 45, died of her injuries in hospital.', [['Ilse Brandt', 'person']])).toEqual([
      { value: 1, who: 'Ilse Brandt', event: 'killed' },
    ])
    expect(quantities('The teacher died of cancer at home.')).toEqual([])
  })
})

describe('press-release phrasings', () => {
  it('counts a death in an attack of one service member, and a headline of one person', () => {
    expect(quantities('An International Security Assistance Force service member died following an insurgent attack today.')).toEqual([
      { value: 1, who: 'member', event: 'killed' },
    ])
    expect(quantities('Senior militia leader killed in airstrike')).toEqual([{ value: 1, who: 'leader', event: 'killed' }])
    expect(quantities('Taliban commander detained')).toEqual([{ value: 1, who: 'commander', event: 'arrested' }])
    expect(quantities('The joint force killed a militia sub-commander.')).toEqual([{ value: 1, who: 'commander', event: 'killed' }])
  })

  it('counts the participle of a strike and a pronoun killed, once', () => {
    expect(quantities('The coalition conducted a strike, killing a senior financier.')).toEqual([{ value: 1, who: 'financier', event: 'killed' }])
    expect(quantities('The security force engaged the insurgent, killing him.')).toEqual([{ value: 1, who: 'person', event: 'killed' }])
    expect(quantities('The strike killed two fighters. Troops then shot and killed him.')).toEqual([{ value: 2, who: 'fighters', event: 'killed' }])
    // An arrest of "him" is no count a reader writes ("detained him for questioning").
    expect(quantities('Police detained him for questioning.')).toEqual([])
  })

  it('puts a count in the place after "in southern" or "in northern"', () => {
    expect(quantities('Two soldiers were killed in northern Eastland.', [['Eastland', 'country']])).toEqual([
      { value: 2, who: 'soldiers', event: 'killed', place: 'Eastland' },
    ])
  })

  it('reads commanders, combatants and the enemy as people', () => {
    expect(quantities('The strike killed two Taliban commanders.')).toEqual([{ value: 2, who: 'Taliban commanders', event: 'killed' }])
    expect(quantities('The raid left 12 enemy combatants dead.')).toEqual([{ value: 12, who: 'enemy combatants', event: 'killed' }])
  })

  it("counts someone's relative once where the text names the one killed", () => {
    expect(
      quantities('Ilse Brandt was killed in 2016. Her brother confessed to killing his sister.', [['Ilse Brandt', 'person']]).map(({ who }) => who),
    ).toEqual(['Ilse Brandt'])
  })
})

describe('ranges and what would happen', () => {
  const withKind = (text: string) => extractQuantities(text, sentencesOf(text), []).map(({ value, who, event, kind }) => ({ value, who, event, kind }))

  it('counts a range by its lower figure, not a change from one figure to another', () => {
    expect(quantities('Between 30 and 40 people were killed when the ferry capsized.')).toEqual([{ value: 30, who: 'people', event: 'killed' }])
    expect(quantities('Police killed two or three militants.')).toEqual([{ value: 2, who: 'militants', event: 'killed' }])
    expect(quantities('The death toll rose from 14 to 31.')).toEqual([{ value: 31, who: 'people', event: 'killed' }])
  })

  it('reads no count in an event word that describes things', () => {
    expect(quantities('They have been the two missing pieces all season.')).toEqual([])
    expect(quantities('The blast left 40 injured yesterday.')).toEqual([{ value: 40, who: 'people', event: 'injured' }])
  })

  it('reads no count in a yearly rate, and marks a toll of a month of another year historical', () => {
    expect(quantities('Pollution is blamed for upwards of 100,000 deaths annually.')).toEqual([])
    expect(quantities('Malaria kills 400,000 people a year.')).toEqual([])
    expect(
      extractQuantities('There were 88 deaths in May 2019.', sentencesOf('There were 88 deaths in May 2019.'), [], '2020-06-01').map(({ kind }) => kind),
    ).toEqual(['historical'])
  })

  it('marks a count after a modal as hypothetical, not one that is not yet sure', () => {
    expect(withKind('As many as 500 people could die if the dam fails.')).toEqual([{ value: 500, who: 'people', event: 'killed', kind: 'hypothetical' }])
    expect(withKind('A strike could kill 20 people.')).toEqual([{ value: 20, who: 'people', event: 'killed', kind: 'hypothetical' }])
    expect(withKind('Up to 300 people may have been killed in the fire.')).toEqual([{ value: 300, who: 'people', event: 'killed', kind: undefined }])
  })
})
