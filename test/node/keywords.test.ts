import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseCorpusFile } from '../../src/corpus/parse'
import { extractKeywords } from '../../src/analysis/summary/keywords'

const seed = parseCorpusFile('seed/000_7b2b9cd25cf26eb6.txt', readFileSync('corpus/seed/000_7b2b9cd25cf26eb6.txt', 'utf8')).articles[0]!

describe('extractKeywords', () => {
  it('finds the seed’s topics: Balochistan, the attacks, terrorism', () => {
    const texts = extractKeywords(seed.text).map((keyword) => keyword.text)
    expect(texts).toContain('Balochistan')
    expect(texts).toContain('attacks')
    expect(texts.some((text) => /terroris/i.test(text))).toBe(true)
    expect(texts).not.toContain('Tuesday')
  })

  it('ranks one- to three-word phrases best first, scores in (0, 1], no phrase twice', () => {
    const keywords = extractKeywords(seed.text)
    expect(keywords.length).toBe(10)
    expect(keywords[0]!.score).toBe(1)
    for (const [i, keyword] of keywords.entries()) {
      expect(keyword.text.split(' ').length).toBeLessThanOrEqual(3)
      expect(keyword.score).toBeGreaterThan(0)
      if (i > 0) expect(keyword.score).toBeLessThanOrEqual(keywords[i - 1]!.score)
    }
    expect(new Set(keywords.map((keyword) => keyword.text.toLowerCase())).size).toBe(keywords.length)
  })

  it('keeps a whole name rather than its parts', () => {
    const texts = extractKeywords(seed.text).map((keyword) => keyword.text)
    expect(texts).toContain('Lin Jian')
    expect(texts).not.toContain('Lin')
  })

  it('gives whole names: no title glued to a name in the seed, not even among its first twenty phrases', () => {
    const texts = extractKeywords(seed.text, 20).map((keyword) => keyword.text)
    expect(texts).toContain('Lin Jian')
    expect(texts).not.toContain('Spokesperson Lin Jian')
    for (const text of texts) expect(text).not.toMatch(/^(?:Spokesperson|Minister|Interior Minister)\s+\p{Lu}/u)
  })

  it('drops a place or a verb glued to a name and a part cut out of a longer name', () => {
    const text =
      'Senator from Vermont Bernie Sanders spoke. Sanders ended his bid. Vermont voted. Sanders thanked Vermont. ' +
      'The Doris Mary Ann Kappelhoff Foundation opened. Kappelhoff Foundation staff said the Doris Mary Ann Kappelhoff Foundation grew. Libya agreed. Libya agreed again.'
    const texts = extractKeywords(text, 20).map((keyword) => keyword.text)
    expect(texts).toContain('Sanders')
    expect(texts).not.toContain('Vermont Bernie Sanders')
    expect(texts).not.toContain('Doris Mary Ann')
    expect(texts).not.toContain('Libya agreed')
  })

  it('finds multi-word phrases that recur', () => {
    const text =
      'The climate summit opened in Paris. Delegates at the climate summit argued about coal. The climate summit ends on Friday without a deal on coal.'
    expect(extractKeywords(text).map((keyword) => keyword.text)).toContain('climate summit')
  })

  it('treats words that are names of object properties as ordinary words', () => {
    const keywords = extractKeywords('The constructor toString valueOf hasOwnProperty met the constructor again.')
    expect(keywords.map((keyword) => keyword.text)).toContain('constructor')
    for (const keyword of keywords) expect(Number.isFinite(keyword.score)).toBe(true)
  })

  it('returns nothing for a text without content words', () => {
    expect(extractKeywords('It is what it is.')).toEqual([])
  })

  it('on any text gives at most ten phrases of one to three words, best first', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        const keywords = extractKeywords(text)
        expect(keywords.length).toBeLessThanOrEqual(10)
        for (const [i, keyword] of keywords.entries()) {
          expect(keyword.text.split(' ').length).toBeLessThanOrEqual(3)
          if (i > 0) expect(keyword.score).toBeLessThanOrEqual(keywords[i - 1]!.score)
        }
      }),
      { numRuns: 300 },
    )
  })
})
