import { describe, expect, it } from 'vitest'
import { extractFacts } from '../../src/analysis/facts/extract'

// Attributions whose form hid the speaker (issue 17, branch quotes3): a title's stop after "said", a speech verb's word
// used as a noun in an aside, an office followed by an adverb or an auxiliary, and an opening phrase without a comma. Invented sentences.
const speakers = (text: string) => extractFacts(text).quotes.map((quote) => [quote.text.split(' ').slice(0, 3).join(' '), quote.speaker ?? null])

describe('attributions whose form hid the speaker', () => {
  it('reads the name after "said" past the stop of a title', () => {
    const text = 'Dr. Ana Ruiz led the survey. "The strains were almost entirely different from those found in food", said Dr. Ruiz.'
    expect(speakers(text)).toEqual([['The strains were', 'Ana Ruiz']])
  })

  it('takes a speech verb after a preposition or a determiner for a noun, not for the attribution', () => {
    const text = 'Tomas Berger led the agency for years. He said, in remarks published by a newspaper in May, "no other virus has been tracked so far."'
    expect(speakers(text)).toEqual([['no other virus', 'Tomas Berger']])
  })

  it('reads an office as the subject past an adverb or an auxiliary', () => {
    const before = 'On Monday, President Ana Ruiz signed the decree.'
    expect(speakers(`${before} The president had previously called it "a matter of public health".`)).toEqual([['a matter of', 'Ana Ruiz']])
    expect(speakers(`${before} The president later said "we will rebuild the town".`)).toEqual([['we will rebuild', 'Ana Ruiz']])
  })

  it('reads the subject after an opening phrase of an event without a comma', () => {
    expect(speakers('During the speech Ana Ruiz claimed, "The plan is no answer to the flood at all."')).toEqual([['The plan is', 'Ana Ruiz']])
    expect(speakers('At the rally Ana Ruiz said "we will win this seat back in May."')).toEqual([['we will win', 'Ana Ruiz']])
  })

  it("gives the words of an owner's document to the owner, not to a name inside the document's name", () => {
    const text =
      'The Lumen Publishers Association sent a notice. Lumen Publishers Association\'s DMCA notice alleged the tool was made to "circumvent the protection measures of streaming services".'
    expect(speakers(text)).toEqual([['circumvent the protection', 'Lumen Publishers Association']])
  })

  it('gives a quote to the name right before "who" of a relative clause with a speech verb', () => {
    const text = 'Tomas Berger backed the bill, which was drafted by Ana Ruiz who said on the floor, "It follows decades of work from campaigners."'
    expect(speakers(text)).toEqual([['It follows decades', 'Ana Ruiz']])
  })
})
