import { describe, expect, it } from 'vitest'
import { INDEX_WORD, PROSE_WORD, tokensOf } from '../../src/text/tokens'
import { hasLetter, hasLowerCase, tokenize } from '../../src/analysis/facts/ner/tokens'
import { matchesOf } from '../../src/text/matches'

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

describe('matchesOf as matchAll finds', () => {
  const text = 'Ten 😀 killed, 2,500 hurt. A man was killed.'

  it('gives the same matches, groups and offsets for any global pattern, empty matches stepped over by a code point', () => {
    for (const pattern of [PROSE_WORD, /\b(k)(ill)ed\b/giu, /\b/g, /x*/gu, /[^a]*/g, /(?<word>\p{Lu}\p{Ll}*)/gu]) {
      const expected = [...text.matchAll(pattern)]
      expect(matchesOf(text, pattern)).toEqual(expected)
      expect(pattern.lastIndex).toBe(0)
    }
    expect(() => matchesOf(text, /\w+/)).toThrow(TypeError)
  })

  it('starts where the pattern stands and leaves it there, so a search inside the loop of another is not disturbed', () => {
    const pattern = /\p{L}+/gu
    pattern.lastIndex = 14
    const expected = [...text.matchAll(pattern)]
    expect(matchesOf(text, pattern)).toEqual(expected)
    expect(pattern.lastIndex).toBe(14)
    pattern.lastIndex = 0
    const pairs = matchesOf(text, pattern).flatMap((outer) => matchesOf(outer[0], pattern).map((inner) => inner[0]))
    expect(pairs).toEqual(['Ten', 'killed', 'hurt', 'A', 'man', 'was', 'killed'])
  })
})

describe("the entity reader's letter tests", () => {
  it('answer as the Unicode patterns do, on ASCII words and on words with other letters, digits and marks', () => {
    const words = ['Quetta', 'QUETTA', '2019', '—', 'U.S.', 'AT&T', 'ÉCOLE', 'école', 'Straße', 'ΑΘΗΝΑ', 'Αθήνα', '中国', '١٢', 'al-Sharabi', '', "'"]
    for (const word of words) {
      expect(hasLetter(word), word).toBe(/\p{L}/u.test(word))
      expect(hasLowerCase(word), word).toBe(/\p{Ll}/u.test(word))
    }
  })

  it('keep a lower-case name particle joined to a capitalised name as a capital, and other hyphenated words not', () => {
    const sentence = 'Officials named al-Sharabi and a well-known ex-Minister.'
    const capitals = tokenize(sentence, [{ start: 0, end: sentence.length }])[0]!
      .filter((token) => token.capital)
      .map((token) => token.text)
    expect(capitals).toEqual(['Officials', 'al-Sharabi'])
  })
})
