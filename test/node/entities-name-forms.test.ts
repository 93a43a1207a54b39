import { describe, expect, it } from 'vitest'
import { extractFacts } from '../../src/analysis/facts/extract'
import { readEntities } from './read-entities'

// Classes of entity error found on the development gold sets (issue 17, round 6): name forms (hyphenated given names,
// a surname read before its full name, courtesy titles), bodies named by an office or a last word, regions in lists.
// Each with sentences written for the test.
describe('hyphenated given names after a surname', () => {
  it('keeps the lower-case half of a Korean or Cantonese given name in the name', () => {
    const { find } = readEntities('Chief Inspector Carol Lam Wai-ling met President Moon Jae-in on Monday.')
    expect(find('person', 'Carol Lam Wai-ling')).toBeDefined()
    expect(find('person', 'Moon Jae-in')).toBeDefined()
    expect(readEntities('Prime Minister Prayuth Chan-o-cha took office.').find('person', 'Prayuth Chan-o-cha')).toBeDefined()
  })

  it('gives the whole name the quote it says', () => {
    const text = 'Police Superintendent Carol Lam Wai-ling said at a press conference: "The officers were seriously threatened by the crowd."'
    expect(extractFacts(text).quotes.map((quote) => quote.speaker)).toEqual(['Carol Lam Wai-ling'])
  })

  it('leaves hyphenated English words after a name out of it', () => {
    const { entities } = readEntities('Critics of the Sinn Fein-led council said the Anna Ruiz-era rules failed.')
    const names = entities.map((entity) => entity.name)
    expect(names.filter((name) => /-(?:led|era)\b/.test(name))).toEqual([])
  })
})

describe('organisations named by an office or a last word', () => {
  it("reads an office holder's possessive before an organisation word as part of the body's name", () => {
    const { find } = readEntities("A statement came from the Marlow Sheriff's Office on Monday, and later from the Attorney General's Office.")
    expect(find('organization', "Marlow Sheriff's Office")).toBeDefined()
    expect(find('organization', "Attorney General's Office")).toBeDefined()
  })

  it('reads names ending in International, Patrol or Rescue as organisations', () => {
    const { find } = readEntities('Activists said Veritas International had asked the Kell County Highway Patrol and Norden Mountain Rescue for help.')
    expect(find('organization', 'Veritas International')).toBeDefined()
    expect(find('organization', 'Kell County Highway Patrol')).toBeDefined()
    expect(find('organization', 'Norden Mountain Rescue')).toBeDefined()
  })

  it('knows the Islamic State by that name', () => {
    expect(readEntities('A commander of the Islamic State was killed on Sunday.').find('organization', 'Islamic State')).toBeDefined()
  })
})

describe('a surname read before its full name', () => {
  it('joins the one person named in full with that surname, wherever the full name comes', () => {
    const text = 'Dorota Wiśniak was stabbed on stage last night. Her deputy wrote: "Pray for Mayor Wiśniak and her family."'
    const { entities, said } = readEntities(text)
    const people = entities.filter((entity) => entity.type === 'person')
    expect(people.map((person) => person.name)).toEqual(['Dorota Wiśniak'])
    expect(said(people[0])).toEqual(['Dorota Wiśniak', 'Wiśniak'])
  })

  it('leaves a surname two people share on its own', () => {
    const { find } = readEntities('Judge Alan Pruitt sentenced Mark Pruitt and Jane Pruitt on Friday. Later, Mayor Pruitt said the town was relieved.')
    expect(find('person', 'Pruitt')).toBeDefined()
  })

  it('joins a surname spelt without its diacritic to the full name', () => {
    const text = 'President Tomáš Dvořák spoke in Brno. Later, President Dvorak said: "We will rebuild the plant."'
    const { entities, said } = readEntities(text)
    const people = entities.filter((entity) => entity.type === 'person')
    expect(people.map((person) => person.name)).toEqual(['Tomáš Dvořák'])
    expect(said(people[0])).toEqual(['Tomáš Dvořák', 'Dvorak'])
    expect(extractFacts(text).quotes.map((quote) => quote.speaker)).toEqual(['Tomáš Dvořák'])
  })

  it('joins the full name without its initial, then the surname, to the name with the initial', () => {
    const text = 'Former envoy Martin Q. Ferrante resigned. Martin Ferrante had served two years. Ambassador Ferrante said "I leave with pride."'
    const { entities } = readEntities(text)
    expect(entities.filter((entity) => entity.type === 'person').map((person) => person.name)).toEqual(['Martin Q. Ferrante'])
    expect(extractFacts(text).quotes.map((quote) => quote.speaker)).toEqual(['Martin Q. Ferrante'])
  })

  it('joins the first of two surnames, or both, to the one full name that has them', () => {
    const text = 'Governor Lucía Ortega Villanueva met Senator Tomás Ibarra Cruz. Ortega said the island needed calm; Ibarra Cruz agreed.'
    const { entities } = readEntities(text)
    expect(entities.filter((entity) => entity.type === 'person').map((person) => person.name)).toEqual(['Lucía Ortega Villanueva', 'Tomás Ibarra Cruz'])
  })
})

describe('places in a list of regions', () => {
  it('reads each region of a list of states as its own, not as a town of the next one', () => {
    const { find } = readEntities('Members were found in these US states: Alabama, Connecticut, Florida, Georgia, Kansas, Louisiana, Maryland and Ohio.')
    for (const state of ['Connecticut', 'Florida', 'Louisiana']) expect(find('place', state)?.country, state).toBe('United States')
  })

  it('still places a town by the region after its comma', () => {
    expect(readEntities('A truck crashed near Fairfield, California, on Tuesday.').find('place', 'Fairfield')?.country).toBe('United States')
  })
})

describe('church honorifics', () => {
  it('leaves Monsignor out of the name and takes the lower-case title before it as the role', () => {
    const text = 'The bill was criticised by archbishop Monseñor Ramiro Tello Arce. Calling it "a dark day" the archbishop said "We will pray."'
    const { entities } = readEntities(text)
    expect(entities.find((entity) => entity.type === 'person')).toMatchObject({ name: 'Ramiro Tello Arce', role: 'archbishop' })
    expect(extractFacts(text).quotes.map((quote) => quote.speaker)).toEqual(['Ramiro Tello Arce', 'Ramiro Tello Arce'])
  })
})

describe('French courtesy titles', () => {
  it('reads "Mme" as a courtesy title, so the surname is the person named before', () => {
    const { entities } = readEntities('Emily Spanton told the court what happened. Her lawyer said: "The court has found that Mme Spanton did not lie."')
    expect(entities.filter((entity) => entity.type === 'person').map((entity) => entity.name)).toEqual(['Emily Spanton'])
  })
})
