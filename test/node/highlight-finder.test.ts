import { describe, expect, it } from 'vitest'
import { readBundledArticles } from '../../scripts/lib/bundle-files'
import { pick, random } from '../../scripts/lib/random'
import { candidateWords, matchesOf, type CandidateWords, type Range } from '../../src/search/snippet'
import { processTerm } from '../../src/search/terms'

/** The highlights of `text` found by the pattern of term starts (`finder`) and by the unit-by-unit loop it stands in for. */
function bothWays(text: string, terms: readonly string[]): { found: Range[]; looped: Range[]; candidates: CandidateWords } {
  const set = new Set(terms)
  const candidates = candidateWords(set)!
  return { found: matchesOf(text, set, [], candidates), looped: matchesOf(text, set, [], candidateWords(set, false)), candidates }
}

const words = (text: string) => text.match(/[\p{L}\p{M}\p{N}]+/gu) ?? []
const shown = (text: string, ranges: readonly Range[]) => ranges.map((range) => text.slice(range.start, range.end))

describe("a page's term starts found by patterns", () => {
  it('finds what the loop finds in invented sentences: case, accents, the Kelvin sign and long s, words inside words, astral letters', () => {
    const text =
      'Police polices the POLICY; apolitical Pólice and PÓLIÇE met \u212Aelvin, kelvin, \u017Ftation and stations. ' +
      '𝐀police (astral before it), ́police (a mark before it), 2024police, police2024, Gdańsk, gdansk, GDAŃSK.'
    const terms = ['polic', processTerm('\u212Aelvin')!, 'station', processTerm('Gdańsk')!, '2024polic']
    const { found, looped, candidates } = bothWays(text, terms)
    expect(candidates.finder).toBeDefined()
    expect(found).toEqual(looped)
    // A word is found only where it begins: not "apolitical", not the word after an astral letter or a mark. The long
    // s begins like "station" (a candidate), but its term keeps the letter.
    expect(shown(text, found)).toEqual([
      'Police',
      'polices',
      'Pólice',
      'PÓLIÇE',
      '\u212Aelvin',
      'kelvin',
      'stations',
      '2024police',
      'Gdańsk',
      'gdansk',
      'GDAŃSK',
    ])
  })

  it('finds a word whose head has a letter beyond ASCII at any of its first units, once', () => {
    // The pattern of ASCII starts passes by "Élection" … "elEctión"'s heads and by "Coñac"'s longer start; the search
    // for letters beyond ASCII finds them, and "Coñac" both ways ("co" is a start too). "selectión" begins no
    // start; "×elect" is "elect" after a sign; "electé"'s accent is past its head, which the ASCII pattern finds.
    const text = 'Élection, eléction, ELÉCTION, eleĉtion, elEctión, selectión, ×elect, electé, Coñac, co, COÑAC and coda.'
    const terms = [...new Set(['election', 'Coñac', 'co', 'electé'].map((word) => processTerm(word)!))]
    const { found, looped, candidates } = bothWays(text, terms)
    expect(candidates.finder).toBeDefined()
    expect(found).toEqual(looped)
    expect(shown(text, found)).toEqual(['Élection', 'eléction', 'ELÉCTION', 'eleĉtion', 'elEctión', 'elect', 'electé', 'Coñac', 'co', 'COÑAC'])
  })

  it('keeps the loop for a start of another script', () => {
    const text = 'Москва and Moscow'
    const { found, looped, candidates } = bothWays(text, [processTerm('Москва')!, 'moscow'])
    expect(candidates.finder).toBeUndefined()
    expect(shown(text, found)).toEqual(['Москва', 'Moscow'])
    expect(found).toEqual(looped)
  })

  it('finds what the loop finds on every bundled article and title, with term sets drawn from them', () => {
    const articles = readBundledArticles()
    const next = random(20261207)
    const vocabulary = articles.flatMap((article) => words(article.title))
    let highlights = 0
    for (const article of articles) {
      const own = words(article.text)
      for (let round = 0; round < 3; round++) {
        // One word, a few words, and a prefix's many expansions (terms of one start), with some other words' terms.
        const size = [1, 3, 60][round]!
        const picked = Array.from({ length: size }, () => pick(next, round === 1 ? vocabulary : own))
        const terms = picked.flatMap((word) => processTerm(word) ?? [])
        if (round === 2)
          terms.push(...own.filter((word) => word.toLowerCase().startsWith(terms[0]?.slice(0, 2) ?? '')).flatMap((word) => processTerm(word) ?? []))
        if (terms.length === 0) continue
        for (const text of [article.text, article.title]) {
          const { found, looped } = bothWays(text, terms)
          expect(found).toEqual(looped)
          highlights += found.length
        }
      }
    }
    // Not vacuous: the terms come from the texts, so most are found.
    expect(highlights).toBeGreaterThan(5000)
  })
})
