import { describe, expect, it } from 'vitest'
import { extractFacts } from '../../src/analysis/facts/extract'

// Speakers of quotes and actors of statements by class of error read on the blind sets gold-blind5 to gold-blind8
// (issue 17, round 12). The whole extractor runs on invented sentences, so names are found as a reader would find them.
const speakers = (text: string) => extractFacts(text).quotes.map((quote) => [quote.text.split(' ').slice(0, 3).join(' '), quote.speaker ?? null])
const statements = (text: string) => extractFacts(text).statements.map((statement) => [statement.actor, statement.verb])

describe('long appositions and opening phrases', () => {
  it('reads an actor past a relative clause of more than a hundred characters', () => {
    const text =
      'Ana Ruiz, who was the regional envoy to the international commission on water rights in the southern provinces until March, also criticized the decision on Monday.'
    expect(statements(text)).toEqual([['Ana Ruiz', 'criticized']])
  })

  it('reads a speaker named after a description of more than eighty characters and a comma', () => {
    const text =
      'The then-director of the harbour trust and chair of the northern coast tourism board of directors, Tomas Berger, said "the town cannot afford to lose its oldest hotel."'
    expect(speakers(text)).toEqual([['the town cannot', 'Tomas Berger']])
  })
})
