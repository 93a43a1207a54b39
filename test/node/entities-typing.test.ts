import { describe, expect, it } from 'vitest'
import { extractFacts } from '../../src/analysis/facts/extract'
import { readEntities } from './read-entities'

// Round 15's classes of entity errors, each on sentences written for the test (docs/facts-eval.md, branch `typing`).

describe('territories', () => {
  it('reads a territory as a place of its state, not a country, and its towns as in that state', () => {
    const { find, entities } = readEntities('Aftershocks shook Guayanilla, Puerto Rico, on Tuesday, and ferries to Hong Kong were cancelled.')
    expect(find('place', 'Puerto Rico')?.country).toBe('United States')
    expect(find('place', 'Hong Kong')?.country).toBe('China')
    expect(entities.filter((entity) => entity.type === 'country').map((entity) => entity.name)).not.toContain('Puerto Rico')
  })

  it("gives a territory's government its words, as a country's", () => {
    const text = 'The government of Guam issued a statement on Monday: "We will ask the court to hear the case again."'
    expect(extractFacts(text).quotes).toMatchObject([{ speaker: 'Guam' }])
  })
})

describe('counties and parishes', () => {
  it('reads "County X" as a place in Ireland or the United Kingdom, and "X Parish" as a place, not people', () => {
    const { find } = readEntities('Rain warnings were issued for County Roscommon and County Leitrim on Friday, and ferries to Ireland stopped.')
    expect(find('place', 'County Roscommon')?.country).toBe('Ireland')
    expect(find('place', 'County Leitrim')?.country).toBe('Ireland')
    expect(readEntities('Flooding closed roads across County Durham in England on Sunday.').find('place', 'County Durham')?.country).toBe('United Kingdom')
    const parish = readEntities('Plaquemines Parish officials ordered an evacuation as the storm neared Louisiana.')
    expect(parish.find('place', 'Plaquemines Parish')?.country).toBe('United States')
    expect(parish.find('organization', 'Plaquemines Parish')).toBeUndefined()
  })
})

describe('things and firms named like people', () => {
  it('reads a storm named with a first name after "Storm" as no person', () => {
    const { entities } = readEntities('Storm Ciara brought gales to Wales on Sunday, and Storm Dennis followed a week later.')
    expect(entities.filter((entity) => entity.type === 'person')).toEqual([])
  })

  it('reads amendments, clauses and laws as no people', () => {
    const text = 'The judge said the Nineteenth Amendment did not apply. Lawyers cited the Equal Protection Clause and the Federal Tax Laws.'
    expect(readEntities(text).entities.filter((entity) => entity.type === 'person')).toEqual([])
  })

  it('reads a name ending in a firm\'s word as an organisation ("Construction", "Studios", "Lodge")', () => {
    const { typeOf } = readEntities('Harlan Construction built the bridge. Bluebird Studios made the film. Guests left Kestrel Ridge Lodge on Monday.')
    expect(typeOf('Harlan Construction')).toBe('organization')
    expect(typeOf('Bluebird Studios')).toBe('organization')
    expect(typeOf('Kestrel Ridge Lodge')).toBe('organization')
  })
})

describe('places the compass and titles name', () => {
  it('keeps a compass name the gazetteer knows whole in its own country ("Northern Ireland", "South America")', () => {
    const { find } = readEntities('Northern Ireland has asked travellers to wear masks. Flights to South America were cut.')
    expect(find('place', 'Northern Ireland')?.country).toBe('United Kingdom')
    expect(find('place', 'South America')?.country).toBeUndefined()
    expect(readEntities('Shelling hit Northern Syria on Monday.').find('place', 'Northern Syria')?.country).toBe('Syria')
  })

  it('reads a region after the "of" of a title before a name as a place', () => {
    const { find } = readEntities('The march heard Premier of Ontario Anna Kowalski and the crowd cheered.')
    expect(find('place', 'Ontario')?.country).toBe('Canada')
    expect(find('person', 'Anna Kowalski')).toBeDefined()
  })
})

describe('journeys and sources', () => {
  it('reads the end of a journey from a known place as a place, not a person', () => {
    const { find } = readEntities('The ferry was sailing from Hamburg to Tarsk Vollen when its engine failed.')
    expect(find('place', 'Tarsk Vollen')?.country).toBe('Germany')
    expect(find('person', 'Tarsk Vollen')).toBeUndefined()
    expect(readEntities('The letter went from Berlin to Angela Merkel, who said no.').find('person', 'Angela Merkel')).toBeDefined()
  })

  it('reads a place\'s name after "a report by The" as a publication', () => {
    const { find } = readEntities('According to a report by The Pacific, the fund lost money.')
    expect(find('organization', 'Pacific')).toBeDefined()
    expect(find('place', 'Pacific')).toBeUndefined()
  })
})

describe('numerals', () => {
  it('reads a Roman numeral as no organisation ("stage IV", "the XXI century")', () => {
    const { entities } = readEntities('Doctors said the cancer was at stage IV. The report spoke of the XXI century.')
    expect(entities.filter((entity) => entity.type === 'organization')).toEqual([])
  })
})

describe('a body, then a person', () => {
  it('splits a body named by its word before "of" from the person after it, unless that cuts a place in two', () => {
    const { find } = readEntities('Chair of the House of Delegates Mara Quintel said the vote would wait.')
    expect(find('person', 'Mara Quintel')).toBeDefined()
    expect(find('organization', 'House of Delegates')).toBeDefined()
    const campus = readEntities('Researchers at the University of South Carolina Beaufort counted the fish.')
    expect(campus.entities.filter((entity) => entity.type === 'person')).toEqual([])
  })
})

// Round 16's classes (branch `orgs2`), each on sentences written for the test.
describe('bodies named for two places or a circuit', () => {
  it('reads a body "of" two places of one country as one organisation, but a body of one country and a second country as two names', () => {
    const { find, entities } = readEntities('Officials of the Harbour Commission of Oregon and Washington met on Monday.')
    expect(find('organization', 'Harbour Commission of Oregon and Washington')).toBeDefined()
    expect(entities.filter((entity) => entity.type === 'place')).toEqual([])
    const talks = readEntities('Talks between the Government of India and Pakistan broke down.')
    expect(talks.find('organization', 'Government of India')).toBeDefined()
    expect(talks.find('country', 'Pakistan')).toBeDefined()
  })

  it('reads "Court of Appeals for the Ninth Circuit" as one court, and no circuit as a person', () => {
    const { find, entities } = readEntities('The case went back to the Court of Appeals for the Ninth Circuit in March.')
    expect(find('organization', 'Court of Appeals for the Ninth Circuit')).toBeDefined()
    expect(entities.filter((entity) => entity.type === 'person')).toEqual([])
    const apart = readEntities('The Department of Justice for the Biden administration appealed.')
    expect(apart.find('organization', 'Department of Justice')).toBeDefined()
  })
})

describe('demonyms of several words', () => {
  it('reads "Puerto Rican", "Hong Kongers" and "Sri Lankans" as no people or organisations', () => {
    const { entities } = readEntities(
      'Puerto Rican voters and Hong Kongers marched on Sunday, and two Sri Lankans were hurt. Costa Rican officials said nothing.',
    )
    expect(entities.filter((entity) => entity.type === 'person' || entity.type === 'organization')).toEqual([])
  })
})

describe('organisations named like people, told by their apposition', () => {
  it('reads a name followed by ", an investment bank" or ", the national weather service for …" as an organisation', () => {
    const bank = readEntities('He had worked at Brackwell Tunstead Lyle, an investment bank in Chicago, until 1990.')
    expect(bank.find('organization', 'Brackwell Tunstead Lyle')).toBeDefined()
    expect(bank.find('person', 'Brackwell Tunstead Lyle')).toBeUndefined()
    const service = readEntities('Vedur Ronan, the national weather service for Iceland, issued a warning on Monday.')
    expect(service.find('organization', 'Vedur Ronan')).toBeDefined()
  })

  it('keeps a person whose apposition names a job, not a body', () => {
    const { find } = readEntities('Ann Kerr, a retired bank teller, said she saw the car.')
    expect(find('person', 'Ann Kerr')).toBeDefined()
  })
})

describe('publications told something', () => {
  it('reads a name after "telling the" as a publication, as after "told the"', () => {
    const { find } = readEntities('The senator backed the inquiry, telling the Ohio Examiner: "I am a big fan of oversight."')
    expect(find('organization', 'Ohio Examiner')).toBeDefined()
    expect(find('person', 'Ohio Examiner')).toBeUndefined()
  })
})

describe('buildings named like people (branch quotes3)', () => {
  it('sets aside a landmark the text calls a cathedral or, in an apposition, a museum', () => {
    const cathedral = readEntities('The roof of Notre Valence cathedral in Lyon caught fire. Crowds watched Notre Valence burn.')
    expect(cathedral.entities.filter((entity) => entity.name === 'Notre Valence')).toEqual([])
    const museum = readEntities('The president pledged converting Hagia Irene, formerly a Byzantine church and now a museum, to a mosque.')
    expect(museum.entities.filter((entity) => entity.name === 'Hagia Irene')).toEqual([])
  })

  it('reads an institution the text calls a restaurant or a hospital as an organisation', () => {
    const { find } = readEntities('The chef worked at the Bellandi Rosso restaurant in New York. Later, Bellandi Rosso closed for a week.')
    expect(find('organization', 'Bellandi Rosso')).toBeDefined()
    expect(find('person', 'Bellandi Rosso')).toBeUndefined()
  })

  it('keeps a person whose apposition names a building only inside a longer phrase', () => {
    const { find } = readEntities('Ilse Marrow, a museum curator from Bonn, said the painting was a fake.')
    expect(find('person', 'Ilse Marrow')).toBeDefined()
  })
})
