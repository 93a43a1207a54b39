import { describe, expect, it } from 'vitest'
import { random } from '../../scripts/lib/random'
import { compareFacetNames, FACETS, facetKey, normalizeFilters, type ArticleFacets, type FacetFilters, type FacetName } from '../../src/search/facets'
import { FacetRounds, type FacetTallies } from '../../src/search/tables/facet-rounds'
import { FacetTable, packFacetTable } from '../../src/search/tables/facet-table'
import { MatchSet } from '../../src/search/topk/match-set'

/**
 * Invented articles whose facet values follow a skewed law (a few values in
 * many articles, most in one or two), some written two ways ("Name", "name"),
 * so that a part's top values are not the corpus's and ties at the list's
 * last count are common: what the rounds' pruning must get right.
 */
function inventedArticles(count: number, seed: number, spread: 'skewed' | 'flat' = 'skewed'): ArticleFacets[] {
  const next = random(seed)
  const value = (facet: FacetName) => {
    // Flat: 300 values, the most frequent a few percent of the draws each (as a year or a country over a big corpus).
    const rank = spread === 'flat' ? Math.floor(next() ** 2 * 300) : Math.floor(1 / (0.002 + next() * 0.998)) + Math.floor(next() * 3)
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

/**
 * Facet counts as the UI defines them, by brute force from the articles'
 * values: each facet over the matches that pass every OTHER filter, most
 * matches first, ties by the first name (in name order) the matches give a
 * value, then the selected values not listed.
 */
function countsByHand(articles: readonly ArticleFacets[], matched: (doc: number) => boolean, filters: FacetFilters, limit: number) {
  const normalized = normalizeFilters(filters)
  const passes = (doc: number, facet: FacetName) =>
    normalized.every(([other, selected]) => other === facet || [...selected].some((key) => articles[doc]![other].has(key)))
  const counts = {} as Record<FacetName, { value: string; count: number }[]>
  for (const facet of FACETS) {
    const values = new Map<string, { name: string; count: number }>()
    articles.forEach((facets, doc) => {
      if (!matched(doc) || !passes(doc, facet)) return
      for (const [key, name] of facets[facet]) {
        const value = values.get(key)
        if (!value) values.set(key, { name, count: 1 })
        else values.set(key, { name: compareFacetNames(name, value.name) < 0 ? name : value.name, count: value.count + 1 })
      }
    })
    const top = [...values].sort(([, a], [, b]) => b.count - a.count || compareFacetNames(a.name, b.name)).slice(0, Math.max(0, limit))
    const listed = top.map(([, { name, count }]) => ({ value: name, count }))
    const known = new Set(articles.flatMap((facets2) => [...facets2[facet].keys()]))
    for (const key of normalized.find(([name]) => name === facet)?.[1] ?? []) {
      if (!known.has(key) || top.some(([listedKey]) => listedKey === key)) continue
      const value = values.get(key)
      listed.push(value ? { value: value.name, count: value.count } : { value: key, count: 0 })
    }
    counts[facet] = listed
  }
  return counts
}

describe('facet counts of one table', () => {
  const articles = inventedArticles(4000, 20261208)
  const table = tableOf(articles)

  it('are the counts by hand for broad and narrow match sets, with and without filters (values counted one by one, or tallied per match)', () => {
    const next = random(11)
    for (const [articles, table] of [
      [inventedArticles(4000, 20261208, 'flat'), tableOf(inventedArticles(4000, 20261208, 'flat'))],
      [inventedArticles(4000, 20261208), tableOf(inventedArticles(4000, 20261208))],
    ] as const) {
      for (const share of [1, 0.9, 0.5, 0.2, 0.05, 0.005, 0]) {
        for (const limit of [0, 1, 10, 40]) {
          for (const filters of [{}, { year: ['year 1'] }, { person: ['PERSON 2', 'person 7', 'nobody'], place: ['place 1'] }] as FacetFilters[]) {
            const drawn = articles.map(() => next() < share)
            const matches = MatchSet.all(articles.length)
            matches.retain((doc) => drawn[doc]!)
            expect(table.count(matches, normalizeFilters(filters), limit), `share ${share}, limit ${limit}, ${JSON.stringify(filters)}`).toEqual(
              countsByHand(articles, (doc) => drawn[doc]!, filters, limit),
            )
          }
        }
      }
    }
  })

  it('keeps the documents every filter keeps as a bitset, as a check per document does', () => {
    const filters = normalizeFilters({ person: ['person 1', 'PERSON 3'], year: ['year 2', 'year 5'] })
    const check = table.check(filters)
    const passing = table.passing(filters, articles.length)
    const expected = MatchSet.all(articles.length).retain((doc) => check(doc) === 0)
    expect(passing.count).toBeGreaterThan(0)
    expect([...passing.toArray()]).toEqual([...expected.toArray()])
  })
})

describe('a facet value found by its key', () => {
  it('is the value of every name written that way, and none for a key no article has', () => {
    // Many values (so that the hash table's probes run into each other), some written two ways, and names whose lower
    // case is longer than they are ("İ"), not Latin-1, or space-padded.
    const articles = inventedArticles(6000, 20261209)
    const odd = ['İstanbul', 'istanbul', 'Straße', 'STRASSE', ' Zürich ', 'zürich', '東京', '🦊 Fox', 'ǅ']
    articles.forEach((facets, doc) => {
      const name = odd[doc % odd.length]!
      const place = facets.place as Map<string, string>
      if (!place.has(facetKey(name))) place.set(facetKey(name), name)
    })
    const table = tableOf(articles)
    for (const facet of FACETS) {
      const column = table.column(facet)
      const valueOf = new Map<string, number>()
      column.names.forEach((name, i) => valueOf.set(facetKey(name), column.keyOf[i]!))
      expect(valueOf.size).toBe(column.keyCount)
      for (const [key, value] of valueOf) expect(column.keyIndex(key), `${facet} ${key}`).toBe(value)
      for (const key of [...valueOf.keys()].slice(0, 500).flatMap((key) => [`${key} `, key.toUpperCase(), `${key}x`, key.slice(1), ''])) {
        expect(column.keyIndex(key), `${facet} ${JSON.stringify(key)}`).toBe(valueOf.get(key) ?? -1)
      }
    }
    expect(table.column('place').keyIndex('i̇stanbul')).toBe(table.column('place').keyIndex(facetKey('İstanbul')))
    expect(table.column('place').keyIndex('i̇stanbul')).not.toBe(table.column('place').keyIndex('istanbul'))
  })

  it('is none for a key whose hash shares its slot and its stored bits with a value (the name is compared)', () => {
    // 2^17 values leave a slot 14 bits of hash beside the name's index, and a miss in a table three quarters full
    // probes about eight slots: of 100,000 keys no article has, dozens agree with a value on those bits, and only
    // comparing the name's key tells them apart.
    const values = 2 ** 17
    const articles = Array.from({ length: values }, (_, doc) => {
      const facets = Object.fromEntries(FACETS.map((facet) => [facet, new Map<string, string>()])) as Record<FacetName, Map<string, string>>
      facets.place.set(`town ${doc}`, `Town ${doc}`)
      return facets as ArticleFacets
    })
    const column = tableOf(articles).column('place')
    expect(column.keyCount).toBe(values)
    const found = Array.from({ length: 100_000 }, (_, i) => `village ${i}`).filter((key) => column.keyIndex(key) !== -1)
    expect(found).toEqual([])
    expect(column.keyIndex('town 4242')).toBe(column.keyOf[column.names.indexOf('Town 4242')])
  })
})
