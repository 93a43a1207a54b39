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

describe('tokensOf as matchAll cuts', () => {
  it('gives the matches of any global pattern, steps over empty matches by a code point, and leaves the pattern as it was', () => {
    const text = 'Ten 😀 killed, 2,500 hurt.'
    for (const pattern of [INDEX_WORD, PROSE_WORD, /\b/g, /x*/gu, /[^a]*/g]) {
      const expected = [...text.matchAll(pattern)].map((match) => ({ text: match[0], start: match.index, end: match.index + match[0].length }))
      expect(tokensOf(text, pattern)).toEqual(expected)
      expect(pattern.lastIndex).toBe(0)
    }
    expect(() => tokensOf(text, /\w+/)).toThrow(TypeError)
  })
})
