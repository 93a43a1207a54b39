import { describe, expect, it } from 'vitest'
import { extractFacts } from '../../src/analysis/facts/extract'

// Two classes of quote attribution, each with sentences written for the test.
const speakers = (text: string) => extractFacts(text).quotes.map((quote) => [quote.text.split(' ').slice(0, 3).join(' '), quote.speaker])

describe('quotes read from a document', () => {
  it('reads past a day or "in part" between the document and its words', () => {
    expect(speakers('Interpol\'s official statement yesterday read "Dear members, we are very sorry to report that the meeting is cancelled."')).toEqual([
      ['Dear members, we', 'Interpol'],
    ])
    expect(speakers('Acme Corp released a statement which read, in part, "This ruling raises critical questions around freedom of expression."')).toEqual([
      ['This ruling raises', 'Acme Corp'],
    ])
  })

  it('gives a quote the owner of the statement it is read from ("X\'s statement read:")', () => {
    const text = 'Mayor Ana Ruiz spoke late on Monday. Ruiz\'s statement read: "The city stands with the families of the victims."'
    expect(speakers(text)).toEqual([['The city stands', 'Ana Ruiz']])
  })

  it('gives "It read," and "read the statement" to whoever issued the statement named before', () => {
    const text =
      'On Friday, the Harbour Board released a statement about the strike. "No workers were hurt. We thank the police for their help," read the statement.\n\n' +
      'The Tennis Federation of Norvia issued a statement on Monday. It read, "We condemn any form of violence by our players."'
    expect(speakers(text)).toEqual([
      ['No workers were', 'Harbour Board'],
      ['We condemn any', 'Tennis Federation of Norvia'],
    ])
  })

  it('gives a quote read from a document to the author named after it or to the owner named after the quote', () => {
    const text =
      'The Harbour Board met on Monday. The decree signed by Tomas Varga read "Every ship must report its cargo before it docks."\n\n' +
      '"No vessel may enter the port at night," reads Judge Ana Ruiz\'s ruling.'
    expect(speakers(text)).toEqual([
      ['Every ship must', 'Tomas Varga'],
      ['No vessel may', 'Ana Ruiz'],
    ])
  })

  it('gives "read the warning" to the one named after a document issued in the passive', () => {
    const text = 'The red warning issued by the Norvia Weather Service covers the whole coast. "Gusts will reach 120 km/h along the shore," read the warning.'
    expect(speakers(text)).toEqual([['Gusts will reach', 'Norvia Weather Service']])
  })

  it('leaves a quote read from a statement nobody is said to have issued without a speaker', () => {
    expect(speakers('It read, "We condemn any form of violence by our players."')).toEqual([['We condemn any', undefined]])
  })
})

describe('speakers in a clause of their own', () => {
  it('finds the subject of a speech verb after "because" or "that"', () => {
    const text =
      'The rally drew national attention partly because President Ana Ruiz claimed there were "good people in both camps," as critics noted. Reuters reported that Tomas Varga said "the vote was fair and open to all".'
    expect(speakers(text)).toEqual([
      ['good people in', 'Ana Ruiz'],
      ['the vote was', 'Tomas Varga'],
    ])
  })
})

describe('"he" after a sentence of two speakers', () => {
  it('takes the speaker of the last clause of the sentence before, not its opener', () => {
    const text =
      'President Ana Ruiz met the families on Monday, while Interior Minister Tomas Varga wrote that he had ordered checks. He tweeted, "I want to express my sympathy to the families."'
    expect(speakers(text)).toEqual([['I want to', 'Tomas Varga']])
  })

  it('keeps the opener where the sentence has one speaker', () => {
    const text = 'President Ana Ruiz met the families on Monday and spoke to Tomas Varga. She said, "We will rebuild every house in this town."'
    expect(speakers(text)).toEqual([['We will rebuild', 'Ana Ruiz']])
  })
})

describe('a speech verb after the quote that names no one', () => {
  it('leaves the speaker before the quote in place', () => {
    const text = 'President Ana Ruiz said the victims were "young people starting out in life", while the minister wrote that checks began.'
    expect(speakers(text)).toEqual([['young people starting', 'Ana Ruiz']])
  })
})
