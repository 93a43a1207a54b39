import { describe, expect, it } from 'vitest'
import { extractFacts } from '../../src/analysis/facts/extract'

// Counts whose people and event are kept apart by a phrase (issue 17, round 6), from sentences written for the test.
const counts = (text: string) => extractFacts(text, { date: '2021-02-01' }).quantities.map((quantity) => [quantity.value, quantity.who, quantity.event])

describe('counts with words between the people and the event', () => {
  it('reads "the death of all N" as N killed, and no rate "deaths per 100,000 people" as a count', () => {
    expect(counts('The fire resulted in the death of all 12 passengers.')).toEqual([[12, 'passengers', 'killed']])
    expect(counts('The region had 4.5 deaths per 100,000 people per year.')).toEqual([])
  })

  it('reads past a relative clause in commas and "or more"', () => {
    expect(counts('Four people, who were all guards, were rescued.')).toEqual([[4, 'people', 'rescued']])
    expect(counts('Forty people or more were injured on Sunday.')).toEqual([[40, 'people', 'injured']])
  })

  it('reads past where the people were ("in 19 countries", "of the small plane")', () => {
    expect(counts('Police said 210 suspected users in 19 countries were arrested.')).toEqual([[210, 'suspected users', 'arrested']])
    expect(counts('Two occupants of the small plane died.')).toEqual([[2, 'occupants', 'killed']])
    // A part of them is no setting: the 30 did not die.
    expect(counts('Of the 30 passengers, two of them died.').filter(([value]) => value === 30)).toEqual([])
  })
})

describe('people taken to hospital', () => {
  it('counts people taken or admitted to hospital as hurt', () => {
    expect(counts('Three children were taken to hospital after the crash.')).toEqual([[3, 'children', 'injured']])
    expect(counts('One man was dead at the scene, with the other three being taken to a nearby hospital.')).toEqual([
      [1, 'man', 'killed'],
      [3, 'people', 'injured'],
    ])
  })
})

// Round 7: injuries and deaths written as nouns.
describe('injuries and deaths as nouns', () => {
  it('reads people who suffered, sustained, have or were treated for injuries as injured', () => {
    expect(counts('Nine students suffered minor injuries.')).toEqual([[9, 'students', 'injured']])
    expect(counts('Four cyclists sustained serious injuries in the pile-up.')).toEqual([[4, 'cyclists', 'injured']])
    expect(counts('Eleven passengers with minor injuries were seen at the scene.')).toEqual([[11, 'passengers', 'injured']])
    expect(counts('Six workers were treated for burn injuries.')).toEqual([[6, 'workers', 'injured']])
  })

  it('reads words of kind before "deaths" as no people, and a people noun among them as who died', () => {
    expect(counts('Coroners counted 48 suspected overdose deaths in April.')).toEqual([[48, 'people', 'killed']])
    expect(counts('The union listed nine other worker deaths at the plant.')).toEqual([[9, 'worker', 'killed']])
  })

  it('keeps rates and counts of other things with such words out', () => {
    expect(counts('The town logged 48 suspected thefts and 2.5 road deaths per 10,000 cars.')).toEqual([])
    expect(counts('Older drivers had six avoidable deaths per 10,000 people.')).toEqual([])
  })
})

describe('tolls kept as a register keeps them', () => {
  it('reads "the number of confirmed deaths … surpassed N" as N killed', () => {
    expect(counts('On Wednesday, the total number of confirmed deaths linked to SARS-CoV-2 infections surpassed 100,000 in Canada.')).toEqual([
      [100000, 'people', 'killed'],
    ])
    expect(counts('The number of reported deaths rose to 5,000.')).toEqual([[5000, 'people', 'killed']])
  })
})

describe("a country's people as who is counted", () => {
  it('counts "eight Mexicans", "three Filipinos" as people', () => {
    expect(counts('Eight Mexicans died in the attack.')).toEqual([[8, 'Mexicans', 'killed']])
    expect(counts('Three Filipinos were injured when the bus crashed.')).toEqual([[3, 'Filipinos', 'injured']])
  })

  it('counts no capitalised plural that is no people of a country', () => {
    expect(counts('Eight Freedonians died.')).toEqual([])
  })
})

describe('visitors and travellers are people counted', () => {
  it('counts "two male foreign visitors" killed', () => {
    expect(counts('The virus killed two male foreign visitors in the city.')).toEqual([[2, 'male foreign visitors', 'killed']])
  })
})

describe('the event word before the people it counts', () => {
  it('counts "21 injured individuals" and "three wounded soldiers" as those people', () => {
    expect(counts('The report figured 21 injured individuals in the province.')).toEqual([[21, 'individuals', 'injured']])
    expect(counts('The blast left three wounded soldiers.')).toEqual([[3, 'soldiers', 'injured']])
  })
})
