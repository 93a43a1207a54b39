import { describe, expect, it } from 'vitest'
import { extractQuotes } from '../../src/analysis/facts/quotes'
import type { EntityType } from '../../src/analysis/facts/types'
import { entitiesIn, sentencesOf } from './quotes-entities'

function quotes(text: string, specs: Array<[string, EntityType, ...string[]]>) {
  const found = extractQuotes(text, sentencesOf(text), entitiesIn(text, specs))
  for (const quote of found) expect(text.slice(quote.start, quote.end)).toBe(quote.text)
  return found.map(({ text, speaker }) => ({ text, speaker }))
}

const MARIA: [string, EntityType, ...string[]] = ['Maria Lopez', 'person', 'Lopez']
const JOHN: [string, EntityType, ...string[]] = ['John Smith', 'person', 'Smith']

describe('extractQuotes', () => {
  it('spans the quoted words without marks, straight or curly, and drops the comma before the closing mark', () => {
    expect(quotes('“We will rebuild the town,” Maria Lopez said.', [MARIA])).toEqual([{ text: 'We will rebuild the town', speaker: 'Maria Lopez' }])
    expect(quotes('"We will rebuild the town," Maria Lopez said.', [MARIA])).toEqual([{ text: 'We will rebuild the town', speaker: 'Maria Lopez' }])
  })

  it('finds the speaker in "said X", "X, the mayor, said", "according to X" and "quoted X as saying"', () => {
    expect(quotes('"The water is rising fast," said Maria Lopez, the mayor.', [MARIA])[0]?.speaker).toBe('Maria Lopez')
    expect(quotes('"The water is rising fast," said Mayor Maria Lopez on Friday.', [MARIA])[0]?.speaker).toBe('Maria Lopez')
    expect(quotes('Maria Lopez, the mayor of the town, said: "The water is rising fast."', [MARIA])[0]?.speaker).toBe('Maria Lopez')
    expect(quotes('According to Maria Lopez, "the water is rising fast" in the valley.', [MARIA])[0]?.speaker).toBe('Maria Lopez')
    expect(quotes('"The water is rising fast," the City Council quoted Maria Lopez as saying.', [MARIA, ['City Council', 'organization']])[0]?.speaker).toBe(
      'Maria Lopez',
    )
  })

  it('takes one quoted word for a word the writer marks, not a quote, even beside a verb of speaking; two words are a quote', () => {
    expect(quotes('Maria Lopez called the decision "reckless" on Friday.', [MARIA])).toEqual([])
    expect(quotes('"Unacceptable," Maria Lopez said of the ruling.', [MARIA])).toEqual([])
    expect(quotes('"Simply unacceptable," Maria Lopez said of the ruling.', [MARIA])).toEqual([{ text: 'Simply unacceptable', speaker: 'Maria Lopez' }])
  })

  it('gives the canonical name for a short mention and for a pronoun with one person in sight', () => {
    const text =
      'Maria Lopez toured the flooded streets. Lopez said: "We need more pumps here today." Later she spoke again. "Nobody will be left behind," she said.'
    expect(quotes(text, [MARIA])).toEqual([
      { text: 'We need more pumps here today.', speaker: 'Maria Lopez' },
      { text: 'Nobody will be left behind', speaker: 'Maria Lopez' },
    ])
  })

  it('gives "he" to the person the sentence before opens with when several are in sight', () => {
    const text = 'John Smith, who met Maria Lopez on Monday, described the talks. "The talks went very well," he said.'
    expect(quotes(text, [MARIA, JOHN])[0]?.speaker).toBe('John Smith')
  })

  it('leaves the speaker out rather than guess: two people in sight of "he", an unnamed source', () => {
    const text =
      'Talks between John Smith and Maria Lopez ended on Monday. "The talks went very well," he said. A source reportedly said "nothing has been agreed yet at all".'
    expect(quotes(text, [MARIA, JOHN])).toEqual([
      { text: 'The talks went very well', speaker: undefined },
      { text: 'nothing has been agreed yet at all', speaker: undefined },
    ])
  })

  it('carries the speaker into a quote that goes on in the next paragraph, and not past someone new', () => {
    const text =
      '“The roads are closed for now,” Maria Lopez said.\n\n“We expect to open them again by the weekend.”\n\nJohn Smith disagreed.\n\n“Nobody knows when they will open.”'
    expect(quotes(text, [MARIA, JOHN]).map((quote) => quote.speaker)).toEqual(['Maria Lopez', 'Maria Lopez', undefined])
    const runOn = '"The first part of what I said goes here,\n\n"and the second part of it goes on here," Maria Lopez said.'
    expect(quotes(runOn, [MARIA]).map((quote) => quote.speaker)).toEqual(['Maria Lopez', 'Maria Lopez'])
  })

  it('keeps a short quotation inside a quotation, and a quote left open before a new opening mark runs on into it', () => {
    expect(quotes('"The "United States" is not holding any detainees at all," Maria Lopez said.', [MARIA])).toEqual([
      { text: 'The "United States" is not holding any detainees at all', speaker: 'Maria Lopez' },
    ])
    expect(
      quotes('"Sexism limits what women can do. "It is simply wrong to assume otherwise," Maria Lopez said.', [MARIA]).map((quote) => quote.speaker),
    ).toEqual(['Maria Lopez', 'Maria Lopez'])
  })

  it('gives "he" to the one person the paragraph names before it, past a speaker in the paragraph before', () => {
    const text =
      '"Our conflict is theirs. Not ours," said Maria Lopez. "We stay neutral in this."\n\nJohn Smith concurred: "We need to stop policing the world", he argued.'
    expect(quotes(text, [MARIA, JOHN]).map((quote) => quote.speaker)).toEqual(['Maria Lopez', 'Maria Lopez', 'John Smith'])
  })

  it('reads an affiliation with inner small words, an apposition before "as saying", "reported", and skips an aside "as reported by"', () => {
    const center: [string, EntityType, ...string[]] = ['Center for Food Safety', 'organization']
    expect(quotes('Maria Lopez of the Center for Food Safety said "This count is only a temporary reprieve."', [MARIA, center])[0]?.speaker).toBe('Maria Lopez')
    expect(
      quotes('Politico quoted Maria Lopez, formerly a deputy at FEMA, as saying "FEMA has an important role here".', [
        MARIA,
        ['Politico', 'organization'],
        ['FEMA', 'organization'],
      ])[0]?.speaker,
    ).toBe('Maria Lopez')
    expect(quotes('John Smith, speaking for the ministry, reported yesterday, "The latest numbers are 523 new infections."', [JOHN])[0]?.speaker).toBe(
      'John Smith',
    )
    expect(
      quotes('John Smith said — as reported by the Daily News — "The museum will be a mosque again."', [JOHN, ['Daily News', 'organization']])[0]?.speaker,
    ).toBe('John Smith')
  })

  it('reads agent nouns, acronyms and dashes in a title, a gerund phrase before the verb, and a name after "of The" as an affiliation', () => {
    expect(quotes('Company meteorologist Maria Lopez said, "This is forecast to be the strongest wind event."', [MARIA])[0]?.speaker).toBe('Maria Lopez')
    expect(quotes('Member of Parliament (MP) Maria Lopez added, "The minister is trying to use the Queen."', [MARIA])[0]?.speaker).toBe('Maria Lopez')
    expect(quotes('African Export–Import Bank president Maria Lopez said it "costs Africa between $5 and $7 billion".', [MARIA])[0]?.speaker).toBe(
      'Maria Lopez',
    )
    expect(quotes('Assembly president Maria Lopez in relaying the news to parliament said, "He is part of the history of France."', [MARIA])[0]?.speaker).toBe(
      'Maria Lopez',
    )
    const band: [string, EntityType, ...string[]] = ['Rolling Stones', 'person']
    expect(quotes('Maria Lopez of The Rolling Stones also reacted on Twitter, "Sad news hearing that he has died."', [MARIA, band])[0]?.speaker).toBe(
      'Maria Lopez',
    )
  })

  it('gives a partial quote to the organisation whose sentence it is', () => {
    const text = 'The Chinese embassy in Pakistan had also condemned the attacks, extending “sincere sympathies to the bereaved families” on X.'
    expect(
      quotes(text, [
        ['Chinese Embassy', 'organization', 'Chinese embassy'],
        ['Pakistan', 'country'],
      ])[0]?.speaker,
    ).toBe('Chinese Embassy')
  })

  it('skips scare quotes of fewer than four words', () => {
    expect(quotes('He called it a "dastardly act" and left.', [])).toEqual([])
  })

  it('keeps a short quote someone is named as saying, or that the text sources with "according to"; a nickname is no quote', () => {
    expect(quotes('Maria Lopez told reporters the bridge had been "badly neglected".', [MARIA])).toEqual([{ text: 'badly neglected', speaker: 'Maria Lopez' }])
    expect(quotes('The ferry sailed in "rough seas" according to the Coast Guard.', [['Coast Guard', 'organization']])).toEqual([
      { text: 'rough seas', speaker: 'Coast Guard' },
    ])
    expect(quotes('The driver had "minor injuries" according to a nurse.', [])).toEqual([{ text: 'minor injuries', speaker: undefined }])
    expect(quotes('Airbus referred to the aircraft as a "test frame".', [['Airbus', 'organization']])).toEqual([{ text: 'test frame', speaker: 'Airbus' }])
    expect(quotes('Maria Lopez, nicknamed the "Iron Lady of Lima," won again.', [MARIA])).toEqual([])
  })

  it('finds the speaker of "according to him", of a verb joined by "and" to the clause\'s first, and of a participle after a verb that is not speech', () => {
    const him = 'Maria Lopez spoke on radio. According to him, it was done with the help of "friends inside the ministry".'
    expect(quotes(him.replace('Maria Lopez', 'John Smith'), [JOHN])).toEqual([{ text: 'friends inside the ministry', speaker: 'John Smith' }])
    const and = 'John Smith cited the second clause of the treaty and said, "They must stand with us".'
    expect(quotes(and, [JOHN])).toEqual([{ text: 'They must stand with us', speaker: 'John Smith' }])
    const telling = 'Airbus did not release the figures, telling reporters the company "regrets the delay to its customers."'
    expect(quotes(telling, [['Airbus', 'organization']])).toEqual([{ text: 'regrets the delay to its customers.', speaker: 'Airbus' }])
  })

  it('gives "the government" as speaker the country whose government the text named', () => {
    const text =
      'The government of Peru on Monday confirmed the deaths. The government statement, which was read on radio, described the loss "as a wound for every family in the nation."'
    expect(quotes(text, [['Peru', 'country']])).toEqual([{ text: 'as a wound for every family in the nation.', speaker: 'Peru' }])
    expect(quotes('The government described the loss "as a wound for every family in the nation."', [['Peru', 'country']])).toEqual([
      { text: 'as a wound for every family in the nation.', speaker: undefined },
    ])
  })

  it('stays linear on 200 KB of unbalanced marks and long sentences', () => {
    const text = `${'“one two three four five” said Maria Lopez. "'.repeat(3_000)}${'x'.repeat(60_000)}`
    const found = extractQuotes(text, sentencesOf(text), entitiesIn(text, [MARIA]))
    expect(found.length).toBeGreaterThan(0)
    for (const quote of found) expect(text.slice(quote.start, quote.end)).toBe(quote.text)
  })
})
