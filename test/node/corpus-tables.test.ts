import SearchableMap from 'minisearch/SearchableMap'
import { describe, expect, it } from 'vitest'
import { openBundleFiles } from '../../scripts/lib/bundle-files'
import type { StoredArticle } from '../../src/article'
import { suggestIndexOf } from '../../src/search/context'
import { articleFacets, FACETS, facetKey, type FacetCount, type FacetName } from '../../src/search/facets'
import { listArticles } from '../../src/search/listing'
import { relatedArticles } from '../../src/search/related'
import { searchArticles, type SearchParams } from '../../src/search/search'
import { JoinedWords } from '../../src/search/tables/joined-words'
import { fuzzyMatches, indexOf, joinWords, lowerBound, packNumbers, prefixRange, treeRanks, unpackNumbers } from '../../src/search/tables/sorted-words'
import { suggest } from '../../src/search/suggest'
import { normalizeWord, tokenize } from '../../src/search/terms'

// The bundle `npm run build` wrote for the shipped corpus (npm test builds it first).
const bundle = openBundleFiles()
const { tables } = bundle
/** Every article's body: the ground truth the tables are checked against, by brute force. */
const articles: StoredArticle[] = await (async () => {
  const bodies = await bundle.articlesById(bundle.ids)
  return bundle.ids.map((id) => bodies.get(id)!)
})()

/** The order of facet names (the tables store them in it). */
const byName = (a: string, b: string) => a.localeCompare(b) || (a < b ? -1 : a > b ? 1 : 0)

/** Facet counts the slow way: every result's `articleFacets`, a Map per facet, a full sort (what the tables must reproduce). */
function bruteFacets(results: readonly StoredArticle[], filters: Partial<Record<FacetName, string[]>>, limit: number) {
  const facets = results.map(articleFacets)
  const passes = (i: number, except: FacetName) =>
    FACETS.every((facet) => facet === except || !filters[facet]?.length || filters[facet]!.some((value) => facets[i]![facet].has(facetKey(value))))
  return Object.fromEntries(
    FACETS.map((facet) => {
      const tally = new Map<string, FacetCount>()
      facets.forEach((values, i) => {
        if (!passes(i, facet)) return
        for (const [key, value] of values[facet]) {
          const entry = tally.get(key)
          // A value written several ways shows the first of its names in name order.
          if (entry) [entry.count, entry.value] = [entry.count + 1, byName(value, entry.value) < 0 ? value : entry.value]
          else tally.set(key, { value, count: 1 })
        }
      })
      const top = [...tally.values()].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)).slice(0, limit)
      for (const key of new Set((filters[facet] ?? []).map(facetKey))) {
        const known = facets.some((values) => values[facet].has(key))
        if (known && !top.some((entry) => facetKey(entry.value) === key)) top.push(tally.get(key) ?? { value: key, count: 0 })
      }
      return [facet, top]
    }),
  )
}

describe("the bundle's corpus tables", () => {
  it('hold, for every article, its facet values (same names, same order as articleFacets), date, title and url', () => {
    expect(tables.ids).toEqual(articles.map((article) => article.id))
    articles.forEach((article, doc) => {
      const expected = articleFacets(article)
      for (const facet of FACETS) expect(tables.facets.namesOf(doc, facet)).toEqual([...expected[facet].values()])
      expect(tables.dates[doc]).toBe(article.date)
      expect(tables.titles[doc]).toBe(article.title)
      expect(tables.urls[doc]).toBe(article.url)
      expect(tables.shortId(article.id)).toBe(doc)
    })
  })

  it('count facets as a brute force over the articles does, with and without filters and at any limit', async () => {
    const country = [...articleFacets(articles.find((article) => articleFacets(article).country.size > 1)!).country.values()]
    const person = [...articleFacets(articles.find((article) => articleFacets(article).person.size > 0)!).person.values()][0]!
    const cases: [string, Partial<Record<FacetName, string[]>>, number][] = [
      ['killed', {}, 10],
      ['government minister', {}, 3],
      ['said', { country: [country[0]!] }, 10],
      ['people', { country: [country[0]!, country[1]!, 'nowhere'], year: ['2020'] }, 100],
      ['police', { person: [person.toUpperCase()] }, 1],
    ]
    for (const [q, filters, limit] of cases) {
      const response = await searchArticles(bundle, { q, limit: 10, offset: 0, sort: 'relevance', filters, facetLimit: limit })
      const every = await searchArticles(bundle, { q, limit: articles.length, offset: 0, sort: 'relevance' })
      // With no filters the facets count exactly the hits; with filters, the unfiltered result set (each facet's own filter left out).
      const results = every.hits.map((hit) => articles[tables.shortId(hit.id)!]!)
      expect(response.facets, `${q} ${JSON.stringify(filters)}`).toEqual(bruteFacets(results, filters, limit))
    }
  })

  it('are what the first search uses: it parses the tables once and only the articles it shows', async () => {
    const fresh = openBundleFiles()
    const parse = JSON.parse
    let parsed = 0
    JSON.parse = (...args: Parameters<typeof JSON.parse>) => (parsed++, parse(...args))
    try {
      const found = await searchArticles(fresh, { q: 'police', limit: 3, offset: 0, sort: 'relevance', from: '2000-01-01' })
      expect(found.total).toBeGreaterThan(10)
      // One parse of the tables' search part, one of their lookup part (the word list: close spellings of every word); the
      // hits read what they show as slices of their packs (`shownInPack`, src/bundle/format.ts): no parse per hit or candidate.
      expect(parsed).toBe(2)
    } finally {
      JSON.parse = parse
    }
  })

  it('list articles by date, title and facet as sorting every article does', async () => {
    const country = [...articleFacets(articles.find((article) => articleFacets(article).country.size > 0)!).country.values()][0]!
    const dated = articles
      .filter((article) => article.date)
      .map((article) => article.date!)
      .sort()
    const middle = dated[Math.floor(dated.length / 2)]!
    const inCountry = (article: StoredArticle) => articleFacets(article).country.has(facetKey(country))
    const byTitle = articles.filter((article) => inCountry(article) && (article.date ?? '') >= middle)
    byTitle.sort((a, b) => a.title.localeCompare(b.title) || (a.id < b.id ? -1 : 1))
    const listed = await listArticles(bundle, { limit: 100, offset: 0, sort: 'title', from: middle, filters: { country: [country] } })
    expect(listed.articles.map((article) => article.id)).toEqual(byTitle.map((article) => article.id))
    expect(listed.articles.map((article) => article.summary)).toEqual(byTitle.map((article) => article.summary.text))
    const oldest = await listArticles(bundle, { limit: 5, offset: 2, sort: 'oldest' })
    expect(oldest.articles.map((article) => article.date)).toEqual(dated.slice(2, 7))
  })

  it('give related articles the entities they share with the article, as its own facts name them', () => {
    for (const article of articles.slice(0, 30)) {
      const own = articleFacets(article)
      for (const related of relatedArticles(bundle, article, 5)) {
        const other = articleFacets(articles[tables.shortId(related.id)!]!)
        const expected = (['person', 'organization', 'place', 'country'] as const).flatMap((facet) =>
          [...own[facet]].filter(([key]) => other[facet].has(key)).map(([, name]) => name),
        )
        expect(related.sharedEntities).toEqual(expected)
        expect(related.title).toBe(articles[tables.shortId(related.id)!]!.title)
      }
    }
  })

  it('hold every corpus word with the number of articles that have it and its first spelling (did-you-mean, completions)', () => {
    const words = new Map<string, { documents: number; display: string }>()
    for (const article of articles) {
      const keys = new Set<string>()
      for (const word of tokenize(`${article.title} ${article.text}`)) {
        const key = normalizeWord(word)
        if (!words.has(key)) words.set(key, { documents: 0, display: word })
        keys.add(key)
      }
      for (const key of keys) words.get(key)!.documents++
    }
    for (const [word] of words) expect(tables.lexicon.has(word), word).toBe(true)
    expect(tables.lexicon.has('qqqzzzx')).toBe(false)
    const completions = tables.lexicon.longer('balo')
    const expected = [...words].filter(([word]) => word.startsWith('balo') && word !== 'balo').map(([, { documents, display }]) => ({ documents, display }))
    expect(new Set(completions.map((entry) => JSON.stringify(entry)))).toEqual(new Set(expected.map((entry) => JSON.stringify(entry))))
    // The words near a typo: fewest edits (a swap of two letters is one), then most articles.
    expect(tables.lexicon.near('balochistn', 2)[0]).toMatchObject({ display: 'Balochistan', distance: 1 })
    expect(tables.lexicon.near('balochsitan', 1)[0]).toMatchObject({ display: 'Balochistan', distance: 1 })
    expect(tables.lexicon.near('balochistan', 1).map((entry) => entry.word)).not.toContain('balochistan')
  })

  it('count for each suggested entity the articles that name it', () => {
    const index = suggestIndexOf(bundle)
    const expected = new Map<string, number>()
    for (const article of articles) for (const name of articleFacets(article).person.keys()) expected.set(name, (expected.get(name) ?? 0) + 1)
    const person = [...expected].sort((a, b) => b[1] - a[1])[0]!
    const found = suggest(index, person[0], 20).find((suggestion) => suggestion.kind === 'person' && facetKey(suggestion.text) === person[0])
    expect(found?.count).toBe(person[1])
    const title = articles[7]!.title
    expect(suggest(index, title, 20).some((suggestion) => suggestion.kind === 'title' && suggestion.id === articles[7]!.id)).toBe(true)
  })

  it('make phrase queries read only the articles that have every word of the phrase, with the answers a full scan gives', async () => {
    const params: SearchParams = { q: '"prime minister" -"foreign hand"', limit: 50, offset: 0, sort: 'relevance' }
    const found = await searchArticles(bundle, params)
    const phrase = (words: string) => new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])${words.replace(' ', '[^\\p{L}\\p{M}\\p{N}]+')}(?![\\p{L}\\p{M}\\p{N}])`, 'iu')
    const has = (article: StoredArticle, words: string) => phrase(words).test(article.title) || phrase(words).test(article.text)
    const expected = articles.filter((article) => has(article, 'prime minister') && !has(article, 'foreign hand'))
    expect(expected.length).toBeGreaterThan(3)
    expect(expected.length).toBeLessThan(50)
    expect(found.total).toBe(expected.length)
    expect(new Set(found.hits.map((hit) => hit.id))).toEqual(new Set(expected.map((article) => article.id)))
  })

  it('look words up in their joined string as in an array of them: the same words, ranges, matches and distances', () => {
    const corpusWords = [...new Set(articles.flatMap((article) => tokenize(`${article.title} ${article.text}`).map(normalizeWord)))]
    // Characters of two, three and four UTF-16 units' worth, and empty words (a display equal to its word is stored empty).
    const sorted = [...corpusWords, 'zürich', '東京', '𝔘nicode', '𝔘nicodes', ''].sort()
    const joined = new JoinedWords(joinWords(sorted))
    expect(joined.length).toBe(sorted.length)
    expect(Array.from({ length: joined.length }, (_, k) => joined.at(k))).toEqual(sorted)
    expect([joined.at(-1), joined.at(sorted.length)]).toEqual([undefined, undefined])
    expect(new JoinedWords('').length).toBe(0)
    expect([...new Array(3)].map((_, k) => new JoinedWords('  ').at(k))).toEqual(['', '', ''])
    const ranks = treeRanks(sorted)
    const tree = new SearchableMap<number>()
    sorted.forEach((word, k) => tree.set(word, k))
    for (const word of ['', 'a', 'balo', 'balochistan', 'zz', '𝔘nicode', '東', 'pakistn', 'minster']) {
      expect(lowerBound(joined, word), word).toBe(lowerBound(sorted, word))
      expect(indexOf(joined, word), word).toBe(indexOf(sorted, word))
      expect(prefixRange(joined, word), word).toEqual(prefixRange(sorted, word))
      // The walk reads the words in place: the words and distances MiniSearch's radix tree finds, in its order.
      const expected = [...tree.fuzzyGet(word, 2)].map(([found, [, distance]]) => [found, distance])
      expect(
        [...fuzzyMatches(joined, ranks, word, 2)].map(([k, distance]) => [joined.at(k), distance]),
        word,
      ).toEqual(expected)
    }
    expect(fuzzyMatches(joined, ranks, 'pakistn', 2).size).toBeGreaterThan(0)
  })

  it('pack numbers into a string that unpacks to the same numbers, from 0 to 2^32 - 1', () => {
    const numbers = [0, 1, 31, 32, 1023, 1024, 65_535, 2 ** 31, 2 ** 32 - 1, ...tables.ids.map((_, i) => i * 7919)]
    const packed = packNumbers(numbers)
    expect([...unpackNumbers(packed)]).toEqual(numbers)
    expect(JSON.stringify(packed)).toBe(`"${packed}"`)
    expect(unpackNumbers('')).toHaveLength(0)
  })
})
