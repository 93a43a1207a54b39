import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { openBundle } from '../../src/bundle/open'
import type { Bundle } from '../../src/bundle/types'
import { getSearchContext } from '../../src/search/context'
import { tablesOf } from '../../src/search/corpus-tables'
import { articleFacets } from '../../src/search/facets'
import { listArticles, type ListingParams } from '../../src/search/listing'
import { searchArticles, type SearchParams } from '../../src/search/search'

// The bundle `npm run build` wrote for the shipped corpus (npm test builds it first).
const text = readFileSync('generated/search.bundle', 'utf8')
const bytes = readFileSync('generated/search.bin')
const whole = JSON.parse(text) as Bundle
/** The same articles in a plain map: no header tables, so everything is derived from the articles themselves. */
const plain = new Map(whole.articles.map((article) => [article.id, article]))

describe("the bundle header's corpus tables", () => {
  it('hold, for every article, the facet values articleFacets derives from it (same keys, names and order) and its date', () => {
    const tables = tablesOf(openBundle(text, bytes).articles)
    expect(tables.facets.size).toBe(whole.articles.length)
    for (const article of whole.articles) {
      const expected = articleFacets(article)
      const actual = tables.facets.get(article.id)!
      for (const facet of Object.keys(expected) as (keyof typeof expected)[]) expect([...actual[facet]]).toEqual([...expected[facet]])
      expect(tables.dates.get(article.id)).toBe(article.date)
    }
    expect(tables.newestDate).toBe(tablesOf(plain).newestDate)
    expect(tables.newestDate).toBe(whole.articles.map((article) => article.date ?? '').sort().at(-1))
  })

  it('are what the first search uses: it parses only the articles it shows', () => {
    const bundle = openBundle(text, bytes)
    const parse = JSON.parse
    let parsed = 0
    JSON.parse = (...args: Parameters<typeof JSON.parse>) => (parsed++, parse(...args))
    try {
      const found = searchArticles(bundle.index, bundle.articles, { q: 'police', limit: 3, offset: 0, sort: 'relevance', from: '2000-01-01' })
      expect(found.total).toBeGreaterThan(10)
      // One parse of the tables, one per article shown: not one per candidate.
      expect(parsed).toBeLessThanOrEqual(1 + 3)
    } finally {
      JSON.parse = parse
    }
  })

  it('give the same search and listing answers as deriving everything from the articles', () => {
    const bundle = openBundle(text, bytes)
    const dated = whole.articles.filter((article) => article.date).map((article) => article.date!).sort()
    const middle = dated[Math.floor(dated.length / 2)]!
    const country = [...articleFacets(whole.articles.find((article) => articleFacets(article).country.size > 0)!).country.values()][0]!
    const searches: SearchParams[] = [
      { q: 'government minister', limit: 10, offset: 0, sort: 'relevance' },
      { q: 'police', limit: 10, offset: 0, sort: 'date', from: middle },
      { q: 'election', limit: 10, offset: 0, sort: 'relevance', recency: 30, to: middle },
      { q: 'people', limit: 10, offset: 0, sort: 'relevance', filters: { country: [country] } },
    ]
    for (const params of searches) expect(searchArticles(bundle.index, bundle.articles, params)).toEqual(searchArticles(bundle.index, plain, params))
    const listings: ListingParams[] = [
      { limit: 20, offset: 5, sort: 'date' },
      { limit: 20, offset: 0, sort: 'oldest', from: middle },
      { limit: 20, offset: 0, sort: 'title', to: middle, filters: { country: [country] } },
    ]
    for (const params of listings) {
      expect(listArticles(getSearchContext(bundle.index, bundle.articles), params)).toEqual(listArticles(getSearchContext(bundle.index, plain), params))
    }
  })
})
