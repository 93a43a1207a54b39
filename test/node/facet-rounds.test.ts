import { describe, expect, it } from 'vitest'
import { random } from '../../scripts/lib/random'
import { FACETS, facetKey, normalizeFilters, type ArticleFacets, type FacetFilters, type FacetName } from '../../src/search/facets'
import { compareFacetNames, FacetRounds, FacetTable, packFacetTable, type FacetTallies } from '../../src/search/tables/facet-table'
import { MatchSet } from '../../src/search/topk/match-set'

/**
 * Invented articles whose facet values follow a skewed law (a few values in
 * many articles, most in one or two), some written two ways ("Name", "name"),
 * so that a part's top values are not the corpus's and ties at the list's
 * last count are common: what the rounds' pruning must get right.
 */
function inventedArticles(count: number, seed: number): ArticleFacets[] {
  const next = random(seed)
  const value = (facet: FacetName) => {
    const rank = Math.floor(1 / (0.002 + next() * 0.998)) + Math.floor(next() * 3)
    const name = `${facet} ${rank}`
    return next() < 0.05 ? name.toUpperCase() : name
  }
  return Array.from({ length: count }, () => {
    const facets = {} as Record<FacetName, Map<string, string>>
    for (const facet of FACETS) {
      facets[facet] = new Map()
      for (let i = Math.floor(next() * 4); i > 0; i--) {
        const name = value(facet)
        if (!facets[facet].has(facetKey(name))) facets[facet].set(facetKey(name), name)
      }
    }
    return facets
  })
}

function tableOf(articles: readonly ArticleFacets[]): FacetTable {
  return new FacetTable(packFacetTable(articles, (facet) => [...new Set(articles.flatMap((facets) => [...facets[facet].values()]))].sort(compareFacetNames)))
}

/** The three rounds as the front runs them over the parts' tables, each part counting the matches `keep` keeps. */
function roundsOver(parts: readonly ArticleFacets[][], keep: (doc: number) => boolean, filters: FacetFilters, limit: number) {
  const normalized = normalizeFilters(filters)
  let first = 0
  const tallies = parts.map((articles) => {
    const matches = MatchSet.all(articles.length)
    const offset = first
    matches.retain((doc) => keep(offset + doc))
    first += articles.length
    return tableOf(articles).tallies(matches, normalized)
  })
  const rounds = new FacetRounds(parts.length, normalized, limit)
  const thresholds = rounds.thresholds(tallies.map((part) => part.top(limit)))
  const above: FacetTallies[] = tallies.map((part) => part.atLeast(thresholds))
  const candidates = rounds.candidatesFrom(above)
  return {
    counts: rounds.counts(
      candidates,
      tallies.map((part) => part.exact(candidates)),
    ),
    handedIn: above.reduce((sum, tally) => sum + FACETS.reduce((values, facet) => values + tally[facet].names.length, 0), 0),
  }
}

describe('facet counts over parts in three rounds (exact top k)', () => {
  const articles = inventedArticles(3000, 20261207)
  const whole = tableOf(articles)
  const cut = (count: number) =>
    Array.from({ length: count }, (_, part) => articles.slice(Math.floor((part * articles.length) / count), Math.floor(((part + 1) * articles.length) / count)))

  it('gives the one table’s counts for every number of parts, list length, match set and filter', () => {
    const next = random(7)
    for (const parts of [1, 2, 3, 5, 8]) {
      for (const limit of [0, 1, 3, 10, 25]) {
        for (const share of [1, 0.5, 0.05]) {
          const drawn = articles.map(() => next() < share)
          const keep = (doc: number) => drawn[doc]!
          const filters: FacetFilters = share === 0.5 ? { person: ['person 1', 'no such person'], year: ['YEAR 2'] } : {}
          const matches = MatchSet.all(articles.length)
          matches.retain(keep)
          const expected = whole.count(matches, normalizeFilters(filters), limit)
          expect(roundsOver(cut(parts), keep, filters, limit).counts, `${parts} parts, limit ${limit}, share ${share}`).toEqual(expected)
        }
      }
    }
  })

  it('hands the front far fewer values than the parts counted on a broad match set', () => {
    const parts = cut(5)
    const counted = parts.reduce(
      (sum, part) => sum + FACETS.reduce((values, facet) => values + new Set([...part.flatMap((facets) => [...facets[facet].keys()])]).size, 0),
      0,
    )
    const { handedIn } = roundsOver(parts, () => true, {}, 10)
    expect(handedIn).toBeLessThan(counted / 4)
  })
})
