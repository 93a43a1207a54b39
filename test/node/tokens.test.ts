import { describe, expect, it } from 'vitest'
import { INDEX_WORD, PROSE_WORD, tokensOf } from '../../src/text/tokens'

const sentence = "The Balochistan-based team's coach left Quetta."

describe('the one token shape', () => {
  it('cuts index words at apostrophes and hyphens, prose words not, both with offsets into the text', () => {
    expect(tokensOf(sentence, INDEX_WORD).map((token) => token.text)).toEqual(['The', 'Balochistan', 'based', 'team', 's', 'coach', 'left', 'Quetta'])
    expect(tokensOf(sentence, PROSE_WORD).map((token) => token.text)).toEqual(['The', 'Balochistan-based', "team's", 'coach', 'left', 'Quetta'])
    for (const token of tokensOf(sentence, PROSE_WORD)) expect(sentence.slice(token.start, token.end)).toBe(token.text)
  })

  it('reads only the span it is given, offsets still counted from the start of the text', () => {
    const [first] = tokensOf(sentence, INDEX_WORD, { start: 40, end: sentence.length })
    expect(first).toEqual({ text: 'Quetta', start: 40, end: 46 })
  })
})
