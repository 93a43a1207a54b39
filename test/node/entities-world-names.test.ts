import { describe, expect, it } from 'vitest'
import { countryOfDemonym, isDemonym, isFirstName } from '../../src/gazetteer'
import { readEntities } from './read-entities'

// Issue 17: first names of many languages (Faker's Latin-script locales, built into the gazetteer) and what they made
// the reader get wrong before its rules learned more. Sentences written for the test.
describe('first names of many languages', () => {
  it('knows first names beyond the English lists, but never a place or country as one', () => {
    for (const name of ['Tomasz', 'Joost', 'Bhekizizwe', 'Abdoulaye', 'Ravshan']) expect(isFirstName(name)).toBe(true)
    // Another locale's first name that the gazetteer gives a place stays a place.
    for (const name of ['Sanaa', 'Montana', 'Quetta']) expect(isFirstName(name)).toBe(false)
  })

  it('reads a person whose surname is also a town, with no title or verb to tell', () => {
    const { find, typeOf } = readEntities('Police said Tomasz Lublin, a lorry driver, was unhurt.')
    expect(find('person', 'Tomasz Lublin')).toBeDefined()
    expect(typeOf('Lublin')).toBeUndefined()
  })

  it('reads a name with particles from its first name', () => {
    const { find } = readEntities('The award went to Joost van der Berg on Sunday.')
    expect(find('person', 'Joost van der Berg')).toBeDefined()
  })

  it('reads a scorer in a match report by the first name alone', () => {
    const { find } = readEntities('Kenya beat Zimbabwe 2-1, with Bhekizizwe Moyo scoring twice.')
    expect(find('person', 'Bhekizizwe Moyo')).toBeDefined()
  })
})

describe('what a first name no longer decides', () => {
  it('leaves a kind of organisation its name where a first name opens it and the rest is no surname', () => {
    const { find } = readEntities('Officials banned the Iranian airline Kamran Air on Monday. The victims belonged to the motorcycle club Marine Riders MC.')
    expect(find('organization', 'Kamran Air')).toBeDefined()
    expect(find('organization', 'Marine Riders MC')).toBeDefined()
    expect(find('person', 'Kamran Air')).toBeUndefined()
  })

  it('still reads a person after a kind of organisation where first name and surname follow', () => {
    const { find } = readEntities('The club Thomas Berger founded in 1990 is now bankrupt.')
    expect(find('organization', 'Thomas Berger')).toBeUndefined()
  })

  it('reads an honour written before a full name the text gives alone as no part of the name', () => {
    const { find } = readEntities('Anjali Deshmukh, a former minister, died on Monday. The premier mourned "the passing of Padma Vibhushan Anjali Deshmukh".')
    expect(find('person', 'Anjali Deshmukh')).toBeDefined()
    expect(find('person', 'Padma Vibhushan Anjali Deshmukh')).toBeUndefined()
  })

  it('keeps a first name or an honorific with the name that follows it ("Filip De Wilde", "Sir Anthony Quayle")', () => {
    const { find } = readEntities('Filip De Wilde saved twice. De Wilde was later injured. Sir Anthony Quayle spoke. Anthony Quayle left.')
    expect(find('person', 'Filip De Wilde')).toBeDefined()
  })
})

describe('demonyms from the country data', () => {
  it('reads the demonyms the hand-written list lacked as their countries', () => {
    const { find } = readEntities('Samoan officials said on Monday that Togolese officials would come.')
    expect(find('country', 'Samoa')).toBeDefined()
    expect(find('country', 'Togo')).toBeDefined()
    expect(countryOfDemonym('Montenegrin')?.name).toBe('Montenegro')
  })

  it("keeps news's spellings where the list has them, and leaves out a word of two countries", () => {
    expect(countryOfDemonym('Dutch')?.name).toBe('Netherlands')
    expect(countryOfDemonym('Argentinian')?.code).toBe('AR')
    expect(isDemonym('Dominican')).toBe(false)
    const { find } = readEntities('Dominican officials said the Dutch navy helped.')
    expect(find('country', 'Netherlands')).toBeDefined()
    expect(find('country', 'Dominica')).toBeUndefined()
  })
})

describe('company forms of other languages', () => {
  it('reads a name ending in SA, SpA, AB, Bhd or Tbk as a firm', () => {
    const { find } = readEntities(
      'Bank Rozwoju Eksportu SA said profits rose. Shares in Kestrel Logistics SpA fell, and Volvo AB, Petronas Dagangan Bhd and Astra Graha Tbk agreed.',
    )
    for (const name of ['Bank Rozwoju Eksportu SA', 'Kestrel Logistics SpA', 'Volvo AB', 'Petronas Dagangan Bhd', 'Astra Graha Tbk'])
      expect(find('organization', name), name).toBeDefined()
  })

  it('leaves a first name that is also a company form in a person\'s name ("Asa Carlsson")', () => {
    const { find } = readEntities('Asa Carlsson won her first match on Tuesday.')
    expect(find('person', 'Asa Carlsson')).toBeDefined()
  })
})

describe("an organisation's branch in a country", () => {
  it('reads a known organisation or an acronym, then a country, as one organisation', () => {
    const { find } = readEntities(
      'Speaking to CNN Philippines, the mayor said the storm had passed. The series was released by Netflix Japan, and KTV Norway reported it.',
    )
    for (const name of ['CNN Philippines', 'Netflix Japan', 'KTV Norway']) expect(find('organization', name), name).toBeDefined()
    expect(find('country', 'Philippines')).toBeUndefined()
  })

  it('leaves an initial, a country or a currency after an amount out of it', () => {
    const { find } = readEntities('The firm won a 1.2 bln SKR China order. Officials in N. Korea said the US Navy would leave.')
    expect(find('organization', 'SKR China')).toBeUndefined()
    expect(find('organization', 'N. Korea')).toBeUndefined()
  })
})

describe('features of the land named first, and monuments', () => {
  it('reads "Mount X", "Lake X" and "X Monument" as places, not people', () => {
    const { find } = readEntities('Hikers climbed Mount Bukak last week. Protesters gathered near the Jefferson Monument, then at Lake Taupo.')
    for (const name of ['Mount Bukak', 'Jefferson Monument', 'Lake Taupo']) {
      expect(find('place', name), name).toBeDefined()
      expect(find('person', name), name).toBeUndefined()
    }
  })

  it('leaves a surname that is also a feature word to its person ("Darryn Hill")', () => {
    const { find } = readEntities('Darryn Hill won the sprint on Sunday.')
    expect(find('person', 'Darryn Hill')).toBeDefined()
  })
})

describe('clubs named by their town in a sports report', () => {
  const report =
    'The striker scored twice in the league on Saturday and the referee sent off a defender. Lentini joined Kestrelbury from Torino last season, ' +
    'and the former Auxerre playmaker headed home a corner. He played in Milan for four seasons, and Milan fans cheered the goal.'

  it('reads a town before a word of a squad or after a transfer as the club', () => {
    const { find, said } = readEntities(report)
    expect(find('organization', 'Auxerre')).toBeDefined()
    expect(said(find('organization', 'Milan'))).toEqual(['Milan'])
  })

  it('keeps the town where the match or the life is in it ("played in Milan")', () => {
    const { find } = readEntities(report)
    expect(find('place', 'Milan')).toBeDefined()
  })
})

describe('outlets named with the Arabic article', () => {
  it('reads "Al X" that reports, is cited or has reporters as an organisation, and "Al X said" as a person', () => {
    const { find } = readEntities(
      'Al Jazeera reported that talks failed. An Al Mayadeen reporter saw it, according to Al Arabiya. Al Gore said he was pleased.',
    )
    for (const name of ['Al Jazeera', 'Al Mayadeen', 'Al Arabiya']) {
      expect(find('organization', name), name).toBeDefined()
      expect(find('person', name), name).toBeUndefined()
    }
    expect(find('person', 'Al Gore')).toBeDefined()
  })
})

describe('a cricket scorecard', () => {
  it('reads batsmen, fielders and bowlers by how they were out and by their figures', () => {
    const { find } = readEntities(
      'Kestrelshire won by four wickets.\nA. Mendis c Perera b Wickrama 13\nR. Doyle lbw b Sangakal 21\nBowling: Fernando 7-0-29-0, Karunar 6.5-1-23-4.',
    )
    for (const name of ['Perera', 'Wickrama', 'Sangakal', 'Fernando', 'Karunar']) {
      expect(find('person', name), name).toBeDefined()
      expect(find('organization', name), name).toBeUndefined()
    }
  })
})

describe('a list of surnames', () => {
  it('reads the open names of a long list as people where three or more were people and none anything else', () => {
    const { find } = readEntities(
      'The coach named Kestrel Dunmore, Tomas Varga and Emil Rask in the squad. Squad: Halloran, Dunmore, Whitcombe, Varga, Penhale, Rask, Trevelyan.',
    )
    for (const name of ['Halloran', 'Whitcombe', 'Penhale', 'Trevelyan']) expect(find('person', name), name).toBeDefined()
  })

  it('leaves a list alone where one of its names is a place', () => {
    const { find } = readEntities(
      'Tomas Varga, Emil Rask and Kestrel Dunmore met. Visitors came from Varga, Rask, Dunmore, Quetta, Penhale, Halloran and Whitcombe.',
    )
    for (const name of ['Penhale', 'Halloran', 'Whitcombe']) expect(find('person', name), name).toBeUndefined()
  })
})

describe('a list of organisations', () => {
  it('reads the open names of a list of organisations, and nothing else, as organisations', () => {
    const { find } = readEntities(
      'Shares of Kestrel Logistics Group and Harwell Mining Corp. fell. Traders sold Kestrel Logistics Group, Harwell Mining Corp. and Dunmore.',
    )
    expect(find('organization', 'Dunmore')).toBeDefined()
    expect(find('person', 'Dunmore')).toBeUndefined()
  })
})
