import { describe, expect, it } from 'vitest'
import { readEntities } from './read-entities'

// A small town the gazetteer knows only abroad, named in a text about another country (sentences written for the test).

describe('small namesakes abroad', () => {
  it('places a small town known only in another country in the country the text is about', () => {
    const { find } = readEntities('Floods hit Tennessee in the United States on Monday. A bridge collapsed in Banbury, and the governor visited.')
    expect(find('place', 'Banbury')?.country).toBe('United States')
    expect(find('place', 'Banbury')?.lat).toBeUndefined()
  })

  it('keeps the gazetteer town where the text is about its country, or about no country', () => {
    expect(readEntities('Floods hit the United Kingdom on Monday. A bridge collapsed in Banbury.').find('place', 'Banbury')?.country).toBe('United Kingdom')
    expect(readEntities('A bridge collapsed in Banbury on Monday.').find('place', 'Banbury')?.country).toBe('United Kingdom')
  })

  it('keeps a big city abroad as the city', () => {
    expect(readEntities('Floods hit Tennessee in the United States on Monday. The governor later flew to Madrid.').find('place', 'Madrid')?.country).toBe(
      'Spain',
    )
  })
})

// A world city against a small namesake in the country the text is about (sentences written for the test).
describe('world cities', () => {
  it('reads a city of a million people as that city even where a namesake lies in a country the text is about', () => {
    const text = 'The United States left the agency in 2018. The agency is based in Paris, and the United States pays no dues.'
    expect(readEntities(text).find('place', 'Paris')?.country).toBe('France')
  })

  it('keeps a smaller town of the country the text is about before a bigger one abroad', () => {
    const text = 'Storms hit the United States on Monday. Power failed across Birmingham, and the United States sent crews.'
    expect(readEntities(text).find('place', 'Birmingham')?.country).toBe('United States')
  })
})

// Names ending in a feature word (sentences written for the test).
describe('names ending in a feature word', () => {
  it('reads a city, a junction and an airfield as places', () => {
    const { find } = readEntities('The quake was felt in Tandor City and at Norvik Junction. A small plane left Gillespie Field on Monday.')
    expect(find('place', 'Tandor City')).toBeDefined()
    expect(find('place', 'Norvik Junction')).toBeDefined()
    expect(find('place', 'Gillespie Field')).toBeDefined()
    expect(find('person', 'Gillespie Field')).toBeUndefined()
  })

  it('keeps a first name and a surname that is also a feature word a person where the words after it speak of one', () => {
    const { find } = readEntities('Ellen Field, a teacher, said the school shook. Tomas Lane, 52, agreed.')
    expect(find('person', 'Ellen Field')).toBeDefined()
    expect(find('person', 'Tomas Lane')).toBeDefined()
    expect(find('place', 'Tomas Lane')).toBeUndefined()
  })
})

describe('lists of places with a namesake abroad', () => {
  it('leaves the open items of a list in the text’s main country when the list’s country is not one the text is about', () => {
    const text =
      'Strong winds hit the Philippines on Monday and damaged towns including Talvera, Lanuza, Madrid and Carmen. It was the third storm to hit the Philippines this year, and the Philippines expects more.'
    const { find } = readEntities(text)
    expect(find('place', 'Talvera')?.country).toBe('Philippines')
    expect(find('place', 'Carmen')?.country).toBe('Philippines')
  })

  it('gives the open items the list’s country where the text is about it', () => {
    const text = 'Heavy rain hit Spain on Monday and flooded towns including Talvera, Orduna, Madrid and Getafe.'
    expect(readEntities(text).find('place', 'Talvera')?.country).toBe('Spain')
  })

  it('reads a list introduced by its kind of place, and takes its namesakes abroad home where most of it is unknown', () => {
    const text =
      'A strong quake shook the southern Philippines on Monday. The villages hit were mostly Talvera, Orduna, Madrid, Belisca, and Cortes, the governor said.'
    const { find } = readEntities(text)
    for (const name of ['Talvera', 'Orduna', 'Belisca', 'Madrid', 'Cortes']) expect(find('place', name)?.country, name).toBe('Philippines')
    expect(find('place', 'Madrid')?.lat).toBeUndefined()
  })

  it('keeps a list of known cities abroad where they are, and a list after no kind of place unread', () => {
    const known = readEntities('Floods hit the Philippines on Monday. Flights to London, Paris and Madrid were cancelled.')
    expect(known.find('place', 'Madrid')?.country).toBe('Spain')
    const trade = readEntities('Talks with African countries comparable to the European and North American trade blocs went on in Manila.')
    expect(trade.find('place', 'North American')).toBeUndefined()
  })
})

// A list whose first name is a place after a preposition (sentences written for the test).
describe('a list that opens with a place after a preposition', () => {
  it('reads the names after it as places', () => {
    const { find } = readEntities('A fire broke out in Wales on Monday. Crews were sent from Chester, Talvera, Orduna, and Belisca.')
    for (const name of ['Talvera', 'Orduna', 'Belisca']) expect(find('place', name), name).toBeDefined()
  })

  it('leaves people after a place and a clause after "and" alone', () => {
    const couple = readEntities('A couple from Florida, Richard and Lisa Parry, drove to the rally.')
    expect(couple.find('place', 'Richard')).toBeUndefined()
    const clause = readEntities('Mummies were found in Saqqara and Luxor, and Egyptologists said they were offerings.')
    expect(clause.find('place', 'Egyptologists')).toBeUndefined()
  })
})

// A town, a comma, then its region (sentences written for the test).
describe('a town and its region', () => {
  it('takes the region of the country where the town lies, or of a country the text is about', () => {
    const { find } = readEntities('A man of Bethesda, Maryland, was detained in Washington in the United States on Monday.')
    expect(find('place', 'Bethesda')?.country).toBe('United States')
    const unknown = readEntities('Protests went on in the United States on Monday. A march began in Elmvale, Maryland, at noon.')
    expect(unknown.find('place', 'Elmvale')?.country).toBe('United States')
  })

  it('reads names in a flat list as items, not a town and the region after it', () => {
    const { find } = readEntities('A quake hit the Philippines. The towns damaged were Talvera, Orduna, Madrid, and Belisca.')
    expect(find('place', 'Orduna')?.country).toBe('Philippines')
  })
})

describe('a demonym before the kind of place', () => {
  it('places "the Greek island of X" in Greece and "the Turkish city of Y" in Turkey', () => {
    const { find } = readEntities('Two people died on the Greek island of Samos, and buildings fell in the Turkish city of Izmir.')
    expect(find('place', 'Samos')?.country).toBe('Greece')
    expect(find('place', 'Izmir')?.country).toBe('Turkey')
  })
})

describe('roads by number', () => {
  it('reads no name in "Interstate 80" or "Route 9", and keeps a result line’s clubs', () => {
    const { typeOf, find } = readEntities('The truck came down near Interstate 80 around noon, close to Route 9. Quetta 212-6 beat Pasni 180.')
    expect(typeOf('Interstate')).toBeUndefined()
    expect(typeOf('Route')).toBeUndefined()
    expect(find('organization', 'Quetta')).toBeDefined()
  })
})

// A place the gazetteer lacks, then "in" and its region (sentences written for the test).
describe('a place in its region', () => {
  it('takes the country of the region after "in", not the text\'s main country', () => {
    const text =
      'A storm hit the Bahamas on Monday and the Bahamas braced for more. The United States watched. Tallow Creek County in Florida ordered evacuations.'
    expect(readEntities(text).find('place', 'Tallow Creek County')?.country).toBe('United States')
    const alone = readEntities('A storm hit the Bahamas on Monday and the Bahamas braced for more. Tallow Creek County ordered evacuations.')
    expect(alone.find('place', 'Tallow Creek County')?.country).toBe('Bahamas')
  })
})
