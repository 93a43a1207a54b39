import { describe, expect, it } from 'vitest'
import { extractFacts } from '../../src/analysis/facts/extract'
import { readEntities } from './read-entities'

// Two classes of names, each with sentences written for the test: titles that say where their holder is
// posted ("Ambassador to Portugal"), and organisations whose name holds "and".

describe('titles posted to or for a country', () => {
  it('reads the person after "Ambassador to <country>" and "Envoy for <country>", with the title as role and the country', () => {
    const text = 'US Ambassador to Portugal Marcus Ellery met the minister. UN Special Envoy for Yemen Tomas Varga arrived later.'
    const { find } = readEntities(text)
    expect(find('person', 'Marcus Ellery')?.role).toBe('US Ambassador to Portugal')
    expect(find('person', 'Tomas Varga')?.role).toBe('UN Special Envoy for Yemen')
    expect(find('country', 'Portugal')).toBeDefined()
    expect(find('country', 'Yemen')).toBeDefined()
  })

  it('gives the quote after such a title to the person', () => {
    const text = 'Talks opened in Lisbon. US Ambassador to Portugal Marcus Ellery said, "This is a fair deal for everyone here."'
    expect(extractFacts(text).quotes.map((quote) => quote.speaker)).toEqual(['Marcus Ellery'])
  })

  it('keeps "to" outside other names ("flew to Portugal", "talked to Marcus Ellery")', () => {
    const { find } = readEntities('Marcus Ellery flew to Portugal on Monday. Reporters talked to Tomas Varga.')
    expect(find('person', 'Marcus Ellery')?.role).toBeUndefined()
    expect(find('country', 'Portugal')).toBeDefined()
    expect(find('person', 'Tomas Varga')).toBeDefined()
  })
})

describe('organisations whose name holds "and"', () => {
  it('reads "Department of X and Y" and "X and Y Board" as one organisation', () => {
    const text = 'Officials of the Department of Mines and Energy said the dam held. The Korvia Securities and Exchange Board opened an inquiry.'
    const { find, typeOf } = readEntities(text)
    expect(find('organization', 'Department of Mines and Energy')).toBeDefined()
    expect(find('organization', 'Korvia Securities and Exchange Board')).toBeDefined()
    expect(typeOf('Exchange Board')).toBeUndefined()
  })

  it('joins over "of" after an organisation word even where the first word is also a first name', () => {
    const { find } = readEntities('Scientists at the Philippine Institute of Geology and Mining measured the quake.')
    expect(find('organization', 'Philippine Institute of Geology and Mining')).toBeDefined()
  })

  it('keeps two names apart where one side names something by itself', () => {
    const { find } = readEntities('Quetta and Kalat Police patrolled the road. The Ministry of Health and Red Cross sent doctors.')
    expect(find('place', 'Quetta')).toBeDefined()
    expect(find('organization', 'Kalat Police')).toBeDefined()
    expect(find('organization', 'Ministry of Health')).toBeDefined()
    expect(find('organization', 'Red Cross')).toBeDefined()
  })
})

describe('plural titles before a list of names', () => {
  it('reads "Presidents X and Y" as people, the first with the title', () => {
    const { find, typeOf } = readEntities('The deal was signed by Presidents Amara Okonjo and Patrice Talon on Sunday.')
    expect(find('person', 'Amara Okonjo')?.role).toBe('Presidents')
    expect(find('person', 'Patrice Talon')).toBeDefined()
    expect(typeOf('Presidents Amara Okonjo')).toBeUndefined()
  })
})

describe('a whip is a title (branch quotes3)', () => {
  it('reads "Senate Minority Whip" as the role of the name after it, and gives the person the quote said by surname', () => {
    const text = 'Senate Minority Whip Ana Corvell questioned the plan. Corvell said "I can just tell you, this will not pass."'
    const { find } = readEntities(text)
    expect(find('person', 'Ana Corvell')?.role).toBe('Senate Minority Whip')
    expect(extractFacts(text).quotes.map((quote) => quote.speaker)).toEqual(['Ana Corvell'])
  })
})
