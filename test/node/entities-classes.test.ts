import { describe, expect, it } from 'vitest'
import { findDateline } from '../../src/analysis/facts/dateline'
import { readEntities } from './read-entities'

// One test per class of name the rules read. Sentences are written for the test
// or taken from the bundled corpus (the Wikinews articles named in the test).

describe('organisations', () => {
  it('reads an organisation word before "of", "for" or "to" as the body it names', () => {
    const { find, typeOf } = readEntities(
      'The Central Bank of Kenya raised its rate on Monday. A Directorate General of Civil Aviation team flew to the site. The Committee to Protect Journalists counted the deaths.',
    )
    expect(find('organization', 'Central Bank of Kenya')).toBeDefined()
    expect(find('organization', 'Directorate General of Civil Aviation')).toBeDefined()
    expect(find('organization', 'Committee to Protect Journalists')).toBeDefined()
    expect(typeOf('Protect Journalists')).toBeUndefined()
  })

  it('knows news agencies and legislatures of several words, and organisation words like newsroom, radio and command', () => {
    const { find, entities } = readEntities(
      'Agence France-Presse reported the toll. Both the Lok Sabha and the Rajya Sabha paid tribute. The Western Mindanao Command sent troops, Kabul Radio said. -- Lagos Newsroom +234 1 555 0100',
    )
    for (const name of ['Agence France-Presse', 'Lok Sabha', 'Rajya Sabha', 'Western Mindanao Command', 'Kabul Radio', 'Lagos Newsroom'])
      expect(find('organization', name), name).toBeDefined()
    expect(entities.filter((entity) => entity.type === 'person')).toEqual([])
  })

  it('reads a later mention without the first word as the same organisation (Paris stabbing article)', () => {
    const { find, said } = readEntities(
      'It happened at the headquarters of the Paris Police Prefecture. The mayor spoke of an attack on the [Police Prefecture].',
    )
    expect(said(find('organization', 'Paris Police Prefecture'))).toEqual(['Paris Police Prefecture', 'Police Prefecture'])
    const congress = readEntities('He joined the Indian National Congress in 1969. For the Congress, he was the helmsman.')
    expect(congress.said(congress.find('organization', 'Indian National Congress'))).toEqual(['Indian National Congress', 'Congress'])
  })

  it('ends a company name at its legal form: the town after "of" is a place', () => {
    const { find } = readEntities('Acme Widgets Inc of Springfield said on Monday it had agreed to buy a rival.')
    expect(find('organization', 'Acme Widgets Inc')).toBeDefined()
    expect(find('place', 'Springfield')).toBeDefined()
  })

  it('reads an organisation before a media job and keeps a person after "producer"', () => {
    const { find } = readEntities('Condolences came from Sky News Arabia producer Jamal al-Harbi and from Gulf Times editor Omar Khalil.')
    expect(find('organization', 'Sky News Arabia')).toBeDefined()
    expect(find('person', 'Jamal al-Harbi')).toBeDefined()
    expect(find('organization', 'Gulf Times')).toBeDefined()
  })
})

describe('clubs and national sides', () => {
  it('reads club words, a town with a mascot and the mascot alone as the club', () => {
    const { find, said } = readEntities(
      'Pasni United beat Gwadar County 2-1 on Saturday. The Denver Broncos lost at home. The Broncos have lost three in a row.',
    )
    expect(find('organization', 'Pasni United')).toBeDefined()
    expect(said(find('organization', 'Denver Broncos'))).toEqual(['Denver Broncos', 'Broncos'])
  })

  it('reads the names opening the rows of a league table as clubs, and the side named with "v"', () => {
    const { typeOf } = readEntities('Standings:\n\nGimcheon 3 2 1 0 7 2 7\n\nSangju 3 1 1 1 4 4 4\n\nFixtures:\n\nMay 18 v Tewkesbridge')
    expect(typeOf('Gimcheon')).toBe('organization')
    expect(typeOf('Sangju')).toBe('organization')
    expect(typeOf('Tewkesbridge')).toBe('organization')
  })

  it('reads the first word of a result line as a club though it opens the sentence', () => {
    const { typeOf } = readEntities('Results on Saturday:\n\nArdley 2 Bexford 1\n\nCranmoor 0 Dunholt 3')
    for (const name of ['Ardley', 'Bexford', 'Cranmoor', 'Dunholt']) expect(typeOf(name), name).toBe('organization')
  })

  it('reads a town as its club in a report of results, but as the venue after "in"', () => {
    const { typeOf } = readEntities('Quetta 2 Gwadar 1\n\nTurbat 0 Sukkur 3\n\nMultan won again on Tuesday in Lahore.')
    expect(typeOf('Multan')).toBe('organization')
    expect(typeOf('Lahore')).toBe('place')
  })

  it("reads a club's town as the town where it is named as the venue", () => {
    const text =
      'Quetta 2 Gwadar 1\n\nTurbat 0 Sukkur 3\n\nQuetta won again. The next game is in Gwadar.\n\nSukkur: Turbat 141 and 87, Quetta 254\n\nTURBAT AT QUETTA'
    const { entities } = readEntities(text)
    const typesOf = (words: string) =>
      entities.filter((entity) => entity.mentions.some((mention) => text.slice(mention.start, mention.end) === words)).map((entity) => entity.type)
    expect(typesOf('Gwadar').sort()).toEqual(['organization', 'place'])
    expect(typesOf('Sukkur').sort()).toEqual(['organization', 'place'])
    expect(typesOf('QUETTA')).toEqual(['place'])
    expect(typesOf('TURBAT')).toEqual(['organization'])
  })

  it('reads "AT" in a fixture list as the venue: the first side is a club, the second a place', () => {
    const { typeOf } = readEntities('Fixtures on Sunday (home team in capitals):\nPortland 3 Denver 1\nPORTLAND AT LEEDS')
    expect(typeOf('PORTLAND')).toBe('organization')
    expect(typeOf('LEEDS')).toBe('place')
  })

  it('keeps a nation whose captain or coach is named a place, not an organisation', () => {
    const { typeOf } = readEntities('The Wales captain, Alun Wyn Jones, said the side was ready. The Scotland coach named his squad.')
    expect(typeOf('Wales')).toBe('place')
    expect(typeOf('Scotland')).toBe('place')
  })
})

describe('datelines', () => {
  it('reads a wire dateline on its own line under the headline, with its country', () => {
    const text = 'ATHLETICS - NEW RECORD IN LYON .\n\nLYON, France 2024-03-02\n\nA new record was set on Saturday.'
    expect(findDateline(text)).toMatchObject({ place: 'Lyon', country: 'France' })
    const { typeOf } = readEntities(text)
    expect(typeOf('LYON')).toBe('place')
    expect(typeOf('France')).toBe('country')
  })

  it('still reads a leading dateline and finds none in a plain first line', () => {
    expect(findDateline('ISLAMABAD: China condemned the attacks.')).toMatchObject({ place: 'Islamabad', country: 'Pakistan' })
    expect(findDateline('The council met on 2024-03-02 to vote.')).toBeUndefined()
  })
})

describe('people', () => {
  it('reads a person after a demonym, and the demonym as the country', () => {
    const { find } = readEntities('Kenyan Eliud Kipchoge won the race ahead of Ethiopian Kenenisa Bekele.')
    expect(find('person', 'Eliud Kipchoge')).toBeDefined()
    expect(find('person', 'Kenenisa Bekele')).toBeDefined()
    expect(find('country', 'Kenya')).toBeDefined()
    expect(find('country', 'Ethiopia')).toBeDefined()
  })

  it('finds the name at the end of a title with "of" (Mokha article), and the country inside the title', () => {
    const { find } = readEntities(
      'The bomb was placed on a motorcycle in a market, stated Minister of Information Moammar al-Eryani. Prime Minister of India Narendra Modi wrote a tribute. Later al-Eryani spoke again.',
    )
    expect(find('person', 'Moammar al-Eryani')?.role).toBe('Minister of Information')
    expect(find('person', 'Moammar al-Eryani')?.mentions).toHaveLength(2)
    expect(find('person', 'Narendra Modi')?.role).toBe('Prime Minister of India')
    expect(find('country', 'India')).toBeDefined()
  })

  it('starts the name after a titled place at its first name, even when the surname is used alone later', () => {
    const { find, entities } = readEntities('The Governor of Port Moresby Dora Velloso signed the bill. Velloso said it was overdue.')
    expect(find('person', 'Dora Velloso')?.mentions).toHaveLength(2)
    expect(entities.filter((entity) => entity.type === 'person').map((entity) => entity.name)).toEqual(['Dora Velloso'])
  })

  it('reads names with a particle ("al-Sharabi") and after "Dr" (Mokha article)', () => {
    const { find } = readEntities(
      'A bombing killed Abu Dhabi TV photojournalist Ziad al-Sharabi in the Red Sea port town of Mokha, Yemen. The general manager of Abu Dhabi Media, Dr Ali bin Tamim, blamed rebels.',
    )
    expect(find('person', 'Ziad al-Sharabi')).toBeDefined()
    expect(find('person', 'Ali bin Tamim')).toBeDefined()
    expect(find('organization', 'Abu Dhabi TV')).toBeDefined()
  })

  it('reads an initial and a surname as a person even where the surname is a town', () => {
    const { find, entities } = readEntities('Bowling: K. Preston took four wickets and R. Bolton two.')
    expect(find('person', 'K. Preston')).toBeDefined()
    expect(find('person', 'R. Bolton')).toBeDefined()
    expect(entities.filter((entity) => entity.type === 'place')).toEqual([])
  })

  it("reads a known person's surname as the person, not as a town of that name", () => {
    const text = 'WASHINGTON: Senator Marcus Washington won the vote on Friday. Washington said he was tired.'
    const { find, said } = readEntities(text)
    expect(said(find('person', 'Marcus Washington'))).toEqual(['Marcus Washington', 'Washington'])
    expect(said(find('place', 'Washington'))).toEqual(['WASHINGTON'])
  })

  it('reads the other names of a list of people as people', () => {
    const { typeOf } = readEntities('The squad: Kevin Smith, Thomas Brown, Okonkwo and Adebayo.')
    expect(typeOf('Okonkwo')).toBe('person')
    expect(typeOf('Adebayo')).toBe('person')
  })

  it('reads an athlete with the country in brackets as a person even where the surname is a town', () => {
    const { find } = readEntities('Results:\n1. Sifan Hassan (Netherlands) 29:55.32')
    expect(find('person', 'Sifan Hassan')).toBeDefined()
    expect(find('place', 'Sifan Hassan')).toBeUndefined()
  })
})

describe('people: titles, particles, surnames', () => {
  it('reads compound titles and job words before a name as its role', () => {
    const { find } = readEntities('Major-General Tomasz Wrona led the parade. "Prices will rise," said economist Priya Raman.')
    expect(find('person', 'Tomasz Wrona')?.role).toBe('Major-General')
    expect(find('person', 'Priya Raman')?.role).toBe('economist')
  })

  it('ends a person\'s name before "of" and the body or country after it', () => {
    const { find } = readEntities(
      '"It was close," said Martin Kowalski of Northgate Shipping Company. Fourth seed Ellen Ashdown of Scotland lost. Eighth seed Nils Lindqvist of Sweden won.',
    )
    expect(find('person', 'Martin Kowalski')).toBeDefined()
    expect(find('organization', 'Northgate Shipping Company')).toBeDefined()
    expect(find('person', 'Ellen Ashdown')).toBeDefined()
    expect(find('place', 'Scotland')).toBeDefined()
    expect(find('person', 'Nils Lindqvist')).toBeDefined()
    expect(find('country', 'Sweden')).toBeDefined()
  })

  it('reads the place after a title\'s "from" apart from the person named after it', () => {
    const { find } = readEntities('On Monday, Senator from Delaware Marta Kowalczyk ended her campaign. Kowalczyk thanked her staff.')
    expect(find('person', 'Marta Kowalczyk')).toBeDefined()
    expect(find('place', 'Delaware')).toBeDefined()
    expect(find('person', 'Delaware Marta Kowalczyk')).toBeUndefined()
  })

  it('ends a titled person\'s name before "of" and the university or state after it', () => {
    const { find } = readEntities(
      'Professor Marta Kowalczyk of Lakeshore University led the study. Representative Tobenna Okwuosa of Delaware announced his resignation.',
    )
    expect(find('person', 'Marta Kowalczyk')).toBeDefined()
    expect(find('organization', 'Lakeshore University')).toBeDefined()
    expect(find('person', 'Tobenna Okwuosa')).toBeDefined()
    expect(find('place', 'Delaware')).toBeDefined()
    // A title alone before "of" stays the title of a body's office, and a body's name keeps its "of".
    expect(readEntities('The Secretary of State met the Minister of Defence.').entities.filter((entity) => entity.type === 'person')).toEqual([])
  })

  it("reads the first of two surnames, before its owner's role, as the person named in full before", () => {
    const { find, entities } = readEntities("Marta Ortega Lindqvist resigned on Monday. Tomas Berger, Ortega's chief of staff, resigned too.")
    expect(find('person', 'Marta Ortega Lindqvist')?.mentions).toHaveLength(2)
    expect(entities.filter((entity) => entity.type === 'organization')).toEqual([])
  })

  it('reads role words and countries as surnames after a first name', () => {
    const { find, said } = readEntities('The singer Sarah King and former premier David Major met. King said it went well.')
    expect(said(find('person', 'Sarah King'))).toEqual(['Sarah King', 'King'])
    expect(find('person', 'David Major')).toBeDefined()
  })

  it('keeps the assimilated forms of the Arabic article inside a name ("ez-Zor", "as-Sadr"), not only "al-"', () => {
    const { find } = readEntities('Shelling hit Tell ez-Zahra and Qasr ad-Dawla on Monday, said Sheikh Karim as-Salih.')
    expect(find('place', 'Tell ez-Zahra')).toBeDefined()
    expect(find('place', 'Qasr ad-Dawla')).toBeDefined()
    expect(find('person', 'Karim as-Salih')).toBeDefined()
  })

  it('keeps a name with a particle that opens a paragraph (Jolo article)', () => {
    const { find } = readEntities("The army said so.\n\nArnel dela Vega of the army's Western Mindanao Command said the group is suspected.")
    expect(find('person', 'Arnel dela Vega')).toBeDefined()
  })

  it('drops "Former" before a name, and ends a titled name before "of" and a country', () => {
    const { find, typeOf } = readEntities('Former Wales captain Gethin Rhys retired. Council President Anna Kowalczyk of Poland opened the session.')
    expect(typeOf('Wales')).toBe('place')
    expect(find('person', 'Anna Kowalczyk')?.role).toBe('Council President')
    expect(find('country', 'Poland')).toBeDefined()
  })

  it('reads capitalised words that fill a quotation as a title, not a person', () => {
    const { entities, find } = readEntities('The director Mira Nair is best known for "Monsoon Wedding" and "Salaam Bombay".')
    expect(find('person', 'Mira Nair')).toBeDefined()
    expect(entities.map((entity) => entity.name)).toEqual(['Mira Nair'])
  })

  it('joins two particles inside a name ("van der")', () => {
    const { find } = readEntities('Scrum-half Pieter van der Berg scored twice.')
    expect(find('person', 'Pieter van der Berg')).toBeDefined()
  })

  it('reads the surname of a person already named as the person, not as the country it also names', () => {
    const { find, said } = readEntities('The film is by director Mark Jordan. Jordan said he wrote it himself.')
    expect(said(find('person', 'Mark Jordan'))).toEqual(['Mark Jordan', 'Jordan'])
    expect(find('country', 'Jordan')).toBeUndefined()
  })

  it('reads athletes in a result line as people even beside "beat", and a name with an age as a person', () => {
    const { typeOf } = readEntities(
      'Results:\n\nTomas Berdych (Czech Republic) beat Lukas Rosol (Czech Republic) 6-3 6-4\n\nThe club signed Okafor, 27, in May.',
    )
    expect(typeOf('Tomas Berdych')).toBe('person')
    expect(typeOf('Lukas Rosol')).toBe('person')
    expect(typeOf('Okafor')).toBe('person')
  })
})

describe('countries', () => {
  it('reads "US" in capitals as the country, not the pronoun (Maidan Wardak article)', () => {
    const { find, said } = readEntities("The attackers breached the compound's defences with a US-built armoured vehicle. Let us hope, they said.")
    expect(said(find('country', 'United States'))).toEqual(['US'])
  })
})

describe('places from the words around them', () => {
  it('reads "the village of X", "X province", "X, Country" and "in X" as places the gazetteer may lack', () => {
    const { find } = readEntities(
      'They were from the village of Poolangudi. The base is in Maidan Wardak province. It stands on the river Seine. The blast hit Mokha, Yemen, on Sunday. Another block of flats burned in La Llagosta, firefighters said. The men were seen in Trichy before the arrests.',
    )
    for (const name of ['Poolangudi', 'Maidan Wardak', 'Seine', 'Mokha', 'La Llagosta', 'Trichy']) expect(find('place', name), name).toBeDefined()
    expect(find('place', 'Mokha')?.country).toBe('Yemen')
  })

  it('reads names ending in a feature of land or town ("Square", "Bridge") as places', () => {
    const { find } = readEntities('Crowds gathered in Tahrir Square and on Attock Bridge.')
    expect(find('place', 'Tahrir Square')).toBeDefined()
    expect(find('place', 'Attock Bridge')).toBeDefined()
  })

  it('does not read an adjective or a compound after "in" as a place', () => {
    const { entities } = readEntities('It happened in Catalonian towns, near a Kurdish village and in Muslim-majority areas.')
    expect(entities.filter((entity) => entity.type === 'place')).toEqual([])
  })
})

describe('things named like people', () => {
  it('reads storms, operations, facilities, publications and time zones as no people', () => {
    const { typeOf } = readEntities(
      'Hurricane Dorian struck the coast, said Lisa Brown. The raid was part of Operation Inherent Resolve. Shoppers fled the Cielo Vista Mall. The Daily Telegraph said the talks ended at noon Greenwich Mean Time.',
    )
    for (const name of ['Hurricane Dorian', 'Operation Inherent Resolve', 'Cielo Vista Mall', 'Daily Telegraph', 'Greenwich Mean Time'])
      expect(typeOf(name)).not.toBe('person')
    expect(typeOf('Lisa Brown')).toBe('person')
  })
})

describe('capitals that name no body', () => {
  it('reads caption directions and diseases in capitals as no organisations', () => {
    const { typeOf } = readEntities('The photo shows the mayor (LEFT) and the governor (RIGHT) at a COVID briefing with NATO.')
    for (const name of ['LEFT', 'RIGHT', 'COVID']) expect(typeOf(name)).not.toBe('organization')
    expect(typeOf('NATO')).toBe('organization')
  })
})

describe('sentence adverbs', () => {
  it('keeps a sentence-opening adverb out of the name after it', () => {
    const { entities, typeOf } = readEntities('The crowd cheered. Afterwards Marta Quell spoke to reporters. Separately Quell said she would run.')
    expect(entities.some((entity) => /^(?:Afterwards|Separately)\b/.test(entity.name))).toBe(false)
    expect(typeOf('Marta Quell')).toBe('person')
  })
})

describe('a demonym before an acronym (round 13)', () => {
  it('names the body by its acronym and counts the demonym as its country', () => {
    const { find, typeOf } = readEntities('The Moldovan KGB detained four men on Tuesday. Later the Moldovan KGB released two of them.')
    expect(find('organization', 'KGB')).toBeDefined()
    expect(typeOf('Moldovan KGB')).toBeUndefined()
    expect(find('country', 'Moldova')).toBeDefined()
  })
})

describe('a country whose name holds "of the" (round 13)', () => {
  it('reads "Democratic Republic of the Congo" whole, not as the Republic of the Congo', () => {
    const { find, typeOf } = readEntities('Fighting in the Democratic Republic of the Congo went on, and the Republic of the Congo closed its border.')
    expect(find('country', 'Democratic Republic of the Congo')).toBeDefined()
    expect(find('country', 'Republic of the Congo')).toBeDefined()
    expect(typeOf('Democratic Republic')).toBeUndefined()
  })
})
