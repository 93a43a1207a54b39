import { describe, expect, it } from 'vitest'
import type { StoredArticle } from '../../src/article'
import { Lexicon, storeLexicon } from '../../src/search/tables/lexicon'
import { parseQuery } from '../../src/search/query'
import { findMatches, makeSnippet } from '../../src/search/snippet'
import { JoinedWords } from '../../src/search/tables/joined-words'
import { fuzzyMatches, joinWords, sortedWithPositions, treeRanks } from '../../src/search/tables/sorted-words'
import { synonymsOf, synonymWeight } from '../../src/search/synonyms'
import { storedArticle } from '../../src/article'
import { corpusOfArticles } from '../../src/search/memory-corpus'
import { searchArticles } from '../../src/search/search'
import { processTerm } from '../../src/search/terms'
import { correctQuery, mergeWordKnowledge, typoCandidates, wordKnowledge } from '../../src/search/typos'

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

/** Each word's close spellings in the lexicon of `articles`, as a search of `q` gets them. */
const candidatesOf = (q: string, lexicons: readonly Lexicon[] = [lexicon]) => {
  const query = parseQuery(q)
  const knowledge = mergeWordKnowledge(lexicons.map((each) => wordKnowledge(each, query)))
  return { query, knowledge, candidates: query.words.map((word, at) => typoCandidates(knowledge[at]!, word, query.words.length)) }
}

const distances = (words: string[], query: string, max: number, transpositions: boolean) => {
  const { sorted } = sortedWithPositions(words)
  const matches = fuzzyMatches(new JoinedWords(joinWords(sorted)), treeRanks(sorted), query, max, transpositions)
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
    expect(candidatesOf('vacine ').candidates[0]!.map((candidate) => candidate.display)).toEqual(['vaccine'])
  })

  it('in a long query, looks for close spellings only of the words the corpus lacks', () => {
    const { candidates } = candidatesOf('storm islands dorian moved domain weakend ')
    expect(candidates.map((each) => each.map((candidate) => candidate.display))).toEqual([[], [], [], [], [], ['weakened']])
  })

  it('takes a word still being typed as the beginning of a corpus word, not as a slip', () => {
    expect(candidatesOf('impeach').candidates[0]).toEqual([])
    expect(candidatesOf('impeachmnet').candidates[0]!.map((candidate) => candidate.term)).toEqual([processTerm('impeachment')])
  })

  it('corrects to the candidate found with the other words, then the closest, then the most frequent', async () => {
    const articlesWith = (terms: readonly string[]) =>
      Promise.resolve(articles.filter((article) => terms.every((term) => article.text.split(/\W+/).some((word) => processTerm(word) === term))).length)
    const correct = (q: string) => {
      const { query, knowledge, candidates } = candidatesOf(q)
      return correctQuery(q, query, knowledge, candidates, articlesWith)
    }
    // "domain" is in more articles, but only "dorian" goes with "storm".
    expect(await correct('storm dorain ')).toBe('storm dorian ')
    expect(await correct('dorain ')).toBe('domain ')
    expect(await correct('Dorain storm')).toBe('Dorian storm')
    expect(await correct('storm dorian')).toBeUndefined()
  })

  it('knows the same of every word from the parts of a corpus as from the whole (shards, live segment)', () => {
    const parts = [articles.slice(0, 3), articles.slice(3, 5), articles.slice(5)].map((part) => new Lexicon(storeLexicon(part)))
    for (const q of ['vacine ', 'storm dorain ', 'impeach', 'domian registry', 'storm islands dorian moved domain weakend ']) {
      const whole = candidatesOf(q)
      const split = candidatesOf(q, parts)
      expect(split.knowledge.map(({ documents, startsAWord }) => ({ documents, startsAWord }))).toEqual(
        whole.knowledge.map(({ documents, startsAWord }) => ({ documents, startsAWord })),
      )
      expect(split.candidates).toEqual(whole.candidates)
    }
  })
})

describe('accent folding in highlights', () => {
  it('highlights the accented spelling for a query without accents, and for one with them', () => {
    const text = 'Crowds gathered in Gdańsk; Vučić spoke in Ciudad Juárez and at Kīlauea.'
    for (const [query, word] of [
      ['Gdansk', 'Gdańsk'],
      ['gdańsk', 'Gdańsk'],
      ['vucic', 'Vučić'],
      ['JUAREZ', 'Juárez'],
      ['kilauea', 'Kīlauea'],
    ]) {
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

  it('never stand for a word that only stems like a member ("officers" and "office" are both "offic")', async () => {
    const corpus = corpusOfArticles([
      storedArticle({ id: 'office', title: 'Desks move', text: 'The office worker moved the desks to the new offices on Monday.' }),
      storedArticle({ id: 'police', title: 'Arrest in the city', text: 'Police arrested a man on Monday after a chase.' }),
    ])
    const answer = await searchArticles(corpus, { q: 'police ', limit: 10, offset: 0, sort: 'relevance' })
    expect(answer.hits.map((hit) => hit.id)).toEqual(['police'])
  })
})
