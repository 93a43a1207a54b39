import { describe, expect, it } from 'vitest'
import type { StoredArticle } from '../../src/article'
import { Lexicon, storeLexicon } from '../../src/search/lexicon'
import { parseQuery } from '../../src/search/query'
import { findMatches, makeSnippet } from '../../src/search/snippet'
import { fuzzyMatches, sortedWithPositions, treeRanks } from '../../src/search/sorted-words'
import { synonymsOf, synonymWeight } from '../../src/search/synonyms'
import { processTerm } from '../../src/search/terms'
import { correctQuery, typoCandidates } from '../../src/search/typos'

/** Invented articles: only `title` and `text` matter to the lexicon. */
const articles = [
  'The storm Dorian crossed the islands on Monday.',
  'Dorian weakened as the storm moved north.',
  'A domain name dispute went to court. The domain was sold.',
  'A domain registry opened. Its domain list grew.',
  'The domain of the kingdom was large.',
  'Parliament voted on the impeachment of the governor.',
  'A vaccine trial began in the vicinity of the capital.',
].map((text, i) => ({ id: `a${i}`, title: `Article ${i}`, text }) as StoredArticle)
const lexicon = new Lexicon(storeLexicon(articles))

const distances = (words: string[], query: string, max: number, transpositions: boolean) => {
  const { sorted } = sortedWithPositions(words)
  const matches = fuzzyMatches(sorted, treeRanks(sorted), query, max, transpositions)
  return new Map([...matches].map(([at, distance]) => [sorted[at]!, distance]))
}

describe('Damerau distance (a swap of two letters is one edit)', () => {
  it('counts a swap as one edit only when asked, and every other edit as before', () => {
    const words = ['impeachment', 'impeachments', 'impediment', 'peach']
    expect(distances(words, 'impeachmnet', 1, true)).toEqual(new Map([['impeachment', 1]]))
    expect(distances(words, 'impeachmnet', 1, false)).toEqual(new Map())
    expect(distances(words, 'impeachmnet', 2, false).get('impeachment')).toBe(2)
    expect(distances(words, 'impeachmnets', 2, true).get('impeachments')).toBe(1)
    // Substitution, insertion and deletion keep their Levenshtein distances.
    expect(distances(words, 'impeachmant', 2, true).get('impeachment')).toBe(1)
    expect(distances(words, 'impeachent', 2, true).get('impeachment')).toBe(1)
  })
})

describe('typo candidates and corrections', () => {
  it('compares words, not stems, so a slip finds its word and not one that only stems alike', () => {
    const [word] = parseQuery('vacine ').words
    expect(typoCandidates(lexicon, word!, 1).map((candidate) => candidate.display)).toEqual(['vaccine'])
  })

  it('in a long query, looks for close spellings only of the words the corpus lacks', () => {
    const query = parseQuery('storm islands dorian moved domain weakend ')
    const candidates = query.words.map((word) => typoCandidates(lexicon, word, query.words.length).map((candidate) => candidate.display))
    expect(candidates).toEqual([[], [], [], [], [], ['weakened']])
  })

  it('takes a word still being typed as the beginning of a corpus word, not as a slip', () => {
    expect(typoCandidates(lexicon, parseQuery('impeach').words[0]!, 1)).toEqual([])
    expect(typoCandidates(lexicon, parseQuery('impeachmnet').words[0]!, 1).map((candidate) => candidate.term)).toEqual([processTerm('impeachment')])
  })

  it('corrects to the candidate found with the other words, then the closest, then the most frequent', () => {
    const articlesWith = (terms: readonly string[]) => articles.filter((article) => terms.every((term) => article.text.split(/\W+/).some((word) => processTerm(word) === term))).length
    const correct = (q: string) => {
      const query = parseQuery(q)
      return correctQuery(q, query, (word) => typoCandidates(lexicon, word, query.words.length), lexicon, articlesWith)
    }
    // "domain" is in more articles, but only "dorian" goes with "storm".
    expect(correct('storm dorain ')).toBe('storm dorian ')
    expect(correct('dorain ')).toBe('domain ')
    expect(correct('Dorain storm')).toBe('Dorian storm')
    expect(correct('storm dorian')).toBeUndefined()
  })
})

describe('accent folding in highlights', () => {
  it('highlights the accented spelling for a query without accents, and for one with them', () => {
    const text = 'Crowds gathered in Gdańsk; Vučić spoke in Ciudad Juárez and at Kīlauea.'
    for (const [query, word] of [['Gdansk', 'Gdańsk'], ['gdańsk', 'Gdańsk'], ['vucic', 'Vučić'], ['JUAREZ', 'Juárez'], ['kilauea', 'Kīlauea']]) {
      const ranges = findMatches(text, new Set([processTerm(query!)!]))
      expect(ranges.map((range) => text.slice(range.start, range.end))).toEqual([word])
    }
  })

  it('makes a snippet even when one match is longer than the snippet window', () => {
    const long = 'x'.repeat(300)
    const text = `${long} and more`
    const { snippet } = makeSnippet(text, [{ start: 0, end: 300 }])
    expect(snippet.startsWith(long)).toBe(true)
  })
})

describe('synonyms', () => {
  it('are symmetric and weighted by their group', () => {
    const plane = processTerm('plane')!
    const jet = processTerm('jet')!
    expect(synonymsOf(plane)).toContain(jet)
    expect(synonymsOf(jet)).toContain(plane)
    expect(synonymWeight(plane, jet)).toBeGreaterThan(0)
    expect(synonymWeight(plane, jet)).toBeLessThan(1)
    expect(synonymWeight(plane, processTerm('killed')!)).toBe(0)
  })
})
