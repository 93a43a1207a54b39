import { describe, expect, it } from 'vitest'
import type { SearchResponse } from '../../src/search/response-schema'
import { allHits, countValues, get, loadCorpus, type CorpusArticle, type FacetName } from './search-corpus'

const FACETS: FacetName[] = ['person', 'organization', 'place', 'country', 'year']
type FacetCount = SearchResponse['facets']['person'][number]

/** Each listed facet value has its brute-force count; the list is the most frequent values, most frequent first. */
function expectFacetsMatch(facets: Record<FacetName, FacetCount[]>, articles: CorpusArticle[], limit = 10) {
  for (const facet of FACETS) {
    const expected = countValues(articles, facet)
    const listed = facets[facet]
    expect(listed.length).toBe(Math.min(limit, expected.size))
    for (const { value, count } of listed) expect(count, `${facet} ${value}`).toBe(expected.get(value.toLowerCase()))
    const counts = listed.map((entry) => entry.count)
    expect(counts).toEqual([...counts].sort((a, b) => b - a))
    const smallest = counts.at(-1) ?? 0
    const listedKeys = new Set(listed.map((entry) => entry.value.toLowerCase()))
    for (const [value, count] of expected) if (!listedKeys.has(value)) expect(count, `${facet} ${value} left out`).toBeLessThanOrEqual(smallest)
  }
}

describe('facets', () => {
  it('count people, organisations, places, countries and years over the whole result set', async () => {
    const corpus = await loadCorpus()
    const { hits, first } = await allHits('q=killed&facetLimit=10')
    expect(hits.length).toBeGreaterThan(10)
    expectFacetsMatch(
      first.facets,
      hits.map((hit) => corpus.get(hit.id)!),
    )
    expect(first.facets.year.length).toBeGreaterThan(0)
  })

  it('filter on one value, with counts that apply the other filters but not the facet’s own', async () => {
    const corpus = await loadCorpus()
    const base = await allHits('q=killed')
    const results = base.hits.map((hit) => corpus.get(hit.id)!)
    for (const facet of FACETS) {
      const top = base.first.facets[facet][0] as FacetCount | undefined
      if (!top) continue
      const filtered = await allHits(`q=killed&${facet}=${encodeURIComponent(top.value)}`)
      const expected = results.filter((article) => article.facets[facet].has(top.value.toLowerCase()))
      expect(filtered.total).toBe(expected.length)
      expect(filtered.hits.map((hit) => hit.id).sort()).toEqual(expected.map((article) => article.id).sort())
      // Disjunctive: the facet's own counts are those without its filter; the others count the filtered set.
      expect(filtered.first.facets[facet]).toEqual(base.first.facets[facet])
      for (const other of FACETS.filter((name) => name !== facet)) {
        const counts = countValues(expected, other)
        for (const { value, count } of filtered.first.facets[other]) expect(count).toBe(counts.get(value.toLowerCase()))
      }
    }
  })

  it('take several values of one facet as alternatives and several facets together, with from/to', async () => {
    const corpus = await loadCorpus()
    const base = await allHits('q=killed')
    const years = (base.first.facets.year as FacetCount[]).slice(0, 2).map((entry) => entry.value)
    expect(years.length).toBe(2)
    const both = await allHits(`q=killed&year=${years[0]}&year=${years[1]}`)
    const inYears = base.hits.filter((hit) => years.includes(hit.date?.slice(0, 4) ?? ''))
    expect(both.total).toBe(inYears.length)

    const [yearA] = years
    const ranged = await allHits(`q=killed&year=${yearA}&from=${yearA}-01-01&to=${yearA}-06-30`)
    const expected = base.hits.filter((hit) => hit.date !== undefined && hit.date >= `${yearA}-01-01` && hit.date <= `${yearA}-06-30`)
    expect(ranged.hits.map((hit) => hit.id).sort()).toEqual(expected.map((hit) => hit.id).sort())

    const place = (base.first.facets.place as FacetCount[])[0]
    if (place) {
      const combined = await allHits(`q=killed&year=${yearA}&place=${encodeURIComponent(place.value)}`)
      const want = base.hits
        .map((hit) => corpus.get(hit.id)!)
        .filter((article) => article.facets.year.has(yearA!) && article.facets.place.has(place.value.toLowerCase()))
      expect(combined.total).toBe(want.length)
    }
  })

  it('an unknown value matches nothing and is no facet value; a known one with no match stays listed to be unticked', async () => {
    const { status, body } = await get('/api/search?q=killed&place=Nowhereville')
    expect(status).toBe(200)
    expect(body.total).toBe(0)
    expect(body.facets.place.map((entry: FacetCount) => entry.value.toLowerCase())).not.toContain('nowhereville')
    const known = await get('/api/search?q=killed&place=Nowhereville&place=Balochistan&year=1999')
    expect(known.body.total).toBe(0)
    expect(known.body.facets.place).toContainEqual({ value: 'balochistan', count: 0 })
  })
})
