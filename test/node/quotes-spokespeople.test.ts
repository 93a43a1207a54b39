import { describe, expect, it } from 'vitest'
import { extractFacts } from '../../src/analysis/facts/extract'

// Classes of quote attribution found on the development gold sets (issue 17, round 6), with sentences written for the test.
const speakers = (text: string) => extractFacts(text).quotes.map((quote) => [quote.text.split(' ').slice(0, 3).join(' '), quote.speaker])

describe('quotes said by spokespeople and unnamed speakers', () => {
  it('gives the words of an unnamed spokesperson or official to the organisation named with the office', () => {
    const text =
      'The charter forbids "any intervention of a political or religious character," an Interpol spokesperson stated. ' +
      'An official from the Port Authority stated: "We are working with our colleagues in the city."'
    expect(speakers(text)).toEqual([
      ['any intervention of', 'Interpol'],
      ['We are working', 'Port Authority'],
    ])
  })

  it('does not hand a quote said by someone unnamed the speaker of the quote before it', () => {
    const text = 'Mayor Ana Ruiz said: "The bridge will open in spring." "Talks will resume next week," a council official said.'
    expect(speakers(text)).toEqual([
      ['The bridge will', 'Ana Ruiz'],
      ['Talks will resume', undefined],
    ])
  })

  it('keeps the speaker of the sentence when a participle after the quote adds a clause naming someone else', () => {
    const text =
      'The prosecutor of Lyon, Paul Mercier, said the men must face "murder and terrorism charges", adding France will pursue the case against Tom Hale.'
    expect(speakers(text)).toEqual([['murder and terrorism', 'Paul Mercier']])
  })
})

describe('speakers behind a document or a double title', () => {
  it('gives a quote "according to a tweet … by X" to X', () => {
    const text = '"The airline moves weapons across the region," according to a tweet on Monday by Foreign Minister Tom Hale.'
    expect(speakers(text)).toEqual([['The airline moves', 'Tom Hale']])
  })

  it('reads two titles joined by "and" before a name, and a chairperson', () => {
    const text =
      'In a letter to the paper, published on Monday, Norvia Power President and CEO Ana Ruiz said the firm would install "new poles along all our lines". ' +
      'At the summit, AU chairperson President Omar Bakri of Sudan said, "The treaty will be the real test for all of us."'
    expect(speakers(text)).toEqual([
      ['new poles along', 'Ana Ruiz'],
      ['The treaty will', 'Omar Bakri'],
    ])
  })
})

describe('speakers of passive and participle clauses', () => {
  it('gives a quote told "by" someone to that one, and a participle after "with" to its subject', () => {
    const text =
      'President Ivan Petrov flew to the city on Monday. In a meeting that day he was told by Emergencies Minister Oleg Marin of "presumably between 36 and 40 people under the rubble". ' +
      'Search was suspended on Tuesday, with Marin describing the "real threat of another collapse" as making it "impossible to continue working".'
    expect(speakers(text)).toEqual([
      ['presumably between 36', 'Oleg Marin'],
      ['real threat of', 'Oleg Marin'],
      ['impossible to continue', 'Oleg Marin'],
    ])
  })
})

describe('quotes said by a body named by a common noun', () => {
  it('gives "the commission said" to the one organisation whose name ends in "commission", after an opening phrase too', () => {
    const text =
      'The Freedonia Electoral Commission met on Friday. In an official statement, the commission said, "The vote will go ahead as planned on Sunday."'
    expect(speakers(text)).toEqual([['The vote will', 'Freedonia Electoral Commission']])
  })

  it('gives "the team wrote" to no organisation when none is named that way', () => {
    const text =
      'The study was published by Wikinews and Reuters. Wikinews covered it twice. The team wrote that guns "are far more lethal than any other means".'
    expect(speakers(text)).toEqual([['are far more', undefined]])
  })
})

describe('quotes sourced to an unnamed spokesperson after "according to"', () => {
  it('gives "according to a Woolworths spokesperson" to the organisation, a short quote too', () => {
    expect(speakers('Sales went up in a "sharp increase" last week, according to an Interpol spokesperson.')).toEqual([['sharp increase', 'Interpol']])
  })
})
