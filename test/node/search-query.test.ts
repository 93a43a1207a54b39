import { describe, expect, it } from 'vitest'
import { parseQuery, phrasePattern } from '../../src/search/query'
import { findMatches, makeSnippet } from '../../src/search/snippet'
import { processTerm } from '../../src/search/terms'

describe('parseQuery', () => {
  it('reads words, quoted phrases and exclusions', () => {
    const query = parseQuery('"interior minister" Quetta -India -"foreign hand" attacks')
    expect(query.phrases).toEqual([['interior', 'minister']])
    expect(query.excluded).toEqual(['india'])
    expect(query.excludedPhrases).toEqual([['foreign', 'hand']])
    expect(query.words.map((word) => [word.text, word.term, word.quoted])).toEqual([
      ['interior', 'interior', true],
      ['minister', 'minist', true],
      ['Quetta', 'quetta', false],
      ['attacks', 'attack', false],
    ])
  })

  it('matches only the last word as a prefix, and only while it is still being typed', () => {
    expect(parseQuery('attack Quet').words.map((word) => word.prefix)).toEqual([false, true])
    expect(parseQuery('attack Quet ').words.map((word) => word.prefix)).toEqual([false, false])
    expect(parseQuery('attack "Quet"').words.map((word) => word.prefix)).toEqual([false, false])
    expect(parseQuery('Quet -attack').words.map((word) => word.prefix)).toEqual([false])
    expect(parseQuery('at').words).toEqual([])
  })

  it('keeps word offsets into the query, drops stop words, and takes a hyphen inside a word as a separator', () => {
    const q = 'the anti-government protests'
    const query = parseQuery(q)
    expect(query.words.map((word) => q.slice(word.start, word.end))).toEqual(['anti', 'government', 'protests'])
    expect(query.excluded).toEqual([])
  })

  it('tolerates unbalanced quotes and lone dashes', () => {
    expect(parseQuery('"open phrase').phrases).toEqual([['open', 'phrase']])
    expect(parseQuery('- " -').words).toEqual([])
  })

  it('handles long and adversarial input in one pass (a backtracking parser would time out here)', () => {
    const query = parseQuery('word -thing '.repeat(20_000))
    expect(query.words.length).toBe(20_000)
    expect(query.excluded.length).toBe(20_000)
    expect(phrasePattern(['x', 'y']).test(`x${' -'.repeat(50_000)}z`)).toBe(false)
  })
})

describe('phrases and highlights', () => {
  it('a phrase matches across punctuation and spacing, case-insensitively, as whole words', () => {
    const pattern = phrasePattern(['interior', 'minister'])
    expect('The Interior\n Minister said'.search(pattern)).toBe(4)
    expect('interior-minister'.search(pattern)).toBe(0)
    expect('superinterior minister'.search(pattern)).toBe(-1)
    expect('interior ministers'.search(pattern)).toBe(-1)
  })

  it('highlights every word whose stem matched, and merges a phrase into one range', () => {
    const text = 'Attackers attacked; the attack in Quetta. Interior Minister spoke.'
    const terms = new Set(['attack', processTerm('Quetta')!])
    const ranges = findMatches(text, terms, [phrasePattern(['interior', 'minister'])])
    // Porter stems "Attackers" to "attack" too.
    expect(ranges.map((range) => text.slice(range.start, range.end))).toEqual(['Attackers', 'attacked', 'attack', 'Quetta', 'Interior Minister'])
  })

  it("highlights a prefix's many expansions, accented and other-script words alike, and only words whose term matched", () => {
    const text = 'Søren, of GDAŃSK and Москва, kept continuing; the conflicts concerned Contractors, not contracts or the Consul.'
    const words = ['Søren', 'GDAŃSK', 'Москва', 'continuing', 'conflicts', 'concerned', 'Contractors']
    // Dozens of other terms, as a prefix expands to: more term starts than any pattern of alternatives held.
    const others = Array.from({ length: 40 }, (_, i) => `con${String.fromCharCode(97 + (i % 26))}${'xyz'[i % 3]}${i}`)
    const terms = new Set([...words.map((word) => processTerm(word)!), ...others])
    const ranges = findMatches(text, terms)
    expect(ranges.map((range) => text.slice(range.start, range.end))).toEqual(words)
    // Without a start of another script, another script's words are passed over, but a letter the pattern folds to ASCII still counts.
    const kelvin = '\u212Aelvin'
    const latin = `Москва honoured ${kelvin} in Gdańsk.`
    const found = findMatches(latin, new Set([processTerm(kelvin)!, processTerm('Gdańsk')!, ...others]))
    expect(found.map((range) => latin.slice(range.start, range.end))).toEqual([kelvin, 'Gdańsk'])
  })

  it('picks the passage with the most distinct matched words and re-bases ranges into the snippet', () => {
    const filler = 'Nothing to see in this sentence at all. '.repeat(12)
    const text = `Quetta is mentioned first. ${filler}Later Quetta, Mastung and Nushki were attacked. ${filler}`
    const matches = findMatches(text, new Set(['quetta', 'mastung', 'nushki']))
    const { snippet, highlights } = makeSnippet(text, matches)
    expect(highlights.map((range) => snippet.slice(range.start, range.end))).toEqual(['Quetta', 'Mastung', 'Nushki'])
    expect(snippet.startsWith('…')).toBe(true)
    expect(snippet.endsWith('…')).toBe(true)
    expect(snippet.length).toBeLessThanOrEqual(210)
  })

  it('counts words that differ only by case as one word when choosing the passage, as their lower case compares them', () => {
    const filler = 'Nothing to see in this sentence at all. '.repeat(8)
    // Three matches of one word (the Kelvin sign lower-cases to "k"), then two distinct words: the second passage wins.
    const text = `KELVIN and kelvin and \u212Aelvin. ${filler}Alpha met Beta. ${filler}`
    const at = (word: string) => ({ start: text.indexOf(word), end: text.indexOf(word) + word.length })
    const matches = [at('KELVIN'), at('kelvin'), at('\u212Aelvin'), at('Alpha'), at('Beta')]
    const { snippet, highlights } = makeSnippet(text, matches)
    expect(highlights.map((range) => snippet.slice(range.start, range.end))).toEqual(['Alpha', 'Beta'])
    // With a third word in the first passage, it has as many distinct words and more matches.
    const more = `KELVIN and kelvin and Gamma. ${filler}Alpha met Beta. ${filler}`
    const atMore = (word: string) => ({ start: more.indexOf(word), end: more.indexOf(word) + word.length })
    const chosen = makeSnippet(more, [atMore('KELVIN'), atMore('kelvin'), atMore('Gamma'), atMore('Alpha'), atMore('Beta')])
    expect(chosen.highlights.map((range) => chosen.snippet.slice(range.start, range.end))).toEqual(['KELVIN', 'kelvin', 'Gamma'])
  })

  it('starts at the text when nothing matched', () => {
    const { snippet, highlights } = makeSnippet('Short   text\nhere.', [])
    expect(snippet).toBe('Short text here.')
    expect(highlights).toEqual([])
  })
})
