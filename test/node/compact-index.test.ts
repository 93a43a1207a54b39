import MiniSearch, { type SearchOptions } from 'minisearch'
import { describe, expect, it } from 'vitest'
import { openBundleFiles, readBundledArticles } from '../../scripts/lib/bundle-files'
import { loadCompactIndex, serializeCompactIndex } from '../../src/search/index/compact-index'
import { TERM_BLOCK, termBlocks, TermList } from '../../src/search/index/compact-terms'
import { INDEX_OPTIONS, type SearchDocument } from '../../src/search/options'
import { buildIndex, toSearchDocument } from '../../src/search/search'
import { random } from '../../scripts/lib/random'

// The bundle `npm run build` wrote for the shipped corpus (npm test builds it first).
const bundle = openBundleFiles()
const articles = readBundledArticles()
const built = buildIndex(articles)
const reloaded = MiniSearch.loadJSON<SearchDocument>(JSON.stringify(built), INDEX_OPTIONS)
const compact = bundle.index

/** Words of real articles, some cut short (typing), some with a typo, some in pairs. */
function queries(count: number, seed: number): string[] {
  const next = random(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!
  const words = articles.flatMap((article) => article.text.match(/\p{L}{3,}/gu) ?? [])
  const typo = (word: string) => {
    const at = Math.floor(next() * word.length)
    return word.slice(0, at) + pick(['e', 'a', '', 'xx']) + word.slice(at + 1)
  }
  return Array.from({ length: count }, (_, i) => {
    const word = pick(words)
    switch (i % 4) {
      case 0:
        return word
      case 1:
        return word.slice(0, 3 + Math.floor(next() * 3))
      case 2:
        return typo(word)
      default:
        return `${word} ${typo(pick(words))}`
    }
  })
}

const OPTION_SETS: SearchOptions[] = [
  {},
  { prefix: true },
  { fuzzy: 0.2 },
  { fuzzy: 0.34, prefix: true, combineWith: 'AND' },
  { fuzzy: 2, boost: { title: 3 }, combineWith: 'OR' },
]

describe('the compact index', () => {
  it('holds every document and term of a normally built index', () => {
    expect(compact.documentCount).toBe(built.documentCount)
    expect(compact.termCount).toBe(built.termCount)
    expect(compact.documentCount).toBe(articles.length)
  })

  it('answers every query exactly as MiniSearch.loadJSON of the same index: same ids, scores, order, matched terms', () => {
    let compared = 0
    for (const options of OPTION_SETS) {
      for (const query of queries(150, 7)) {
        const expected = reloaded.search(query, options)
        // Compared as JSON: exact (numbers print round-trip) and much faster than a deep equality on thousands of results.
        expect(JSON.stringify(compact.search(query, options)), `${query} ${JSON.stringify(options)}`).toBe(JSON.stringify(expected))
        // The index it was built from ranks the same documents the same way (its tree may add scores in another order).
        expect(built.search(query, options).map(({ id }) => id)).toEqual(expected.map(({ id }) => id))
        compared += expected.length
      }
    }
    expect(compared).toBeGreaterThan(5_000)
  })

  it('finds the same fuzzy terms at the same distances, in the same order, as the radix tree', () => {
    const tree = (reloaded as unknown as { _index: { fuzzyGet(term: string, distance: number): Map<string, [unknown, number]> } })._index
    const terms = (compact as unknown as { _index: typeof tree })._index
    for (const query of queries(200, 11)) {
      for (const distance of [1, 2]) {
        const term = query.toLowerCase().split(' ')[0]!
        const expected = [...tree.fuzzyGet(term, distance)].map(([found, [, d]]) => [found, d])
        const found = [...terms.fuzzyGet(term, distance)].map(([found, [, d]]) => [found, d])
        expect(JSON.stringify(found), `${term} ~${distance}`).toBe(JSON.stringify(expected))
      }
    }
  })

  it('serialises any options MiniSearch takes: other fields, stored fields, the default tokenizer', () => {
    const options = { fields: ['title', 'text'], storeFields: ['title'] }
    const plain = new MiniSearch<Pick<SearchDocument, 'id' | 'title' | 'text'>>(options)
    plain.addAll(articles.slice(0, 60).map(({ id, title, text }) => ({ id, title, text })))
    const loaded = loadCompactIndex<Pick<SearchDocument, 'id' | 'title' | 'text'>>(serializeCompactIndex(plain), options)
    const reference = MiniSearch.loadJSON<Pick<SearchDocument, 'id' | 'title' | 'text'>>(JSON.stringify(plain), options)
    for (const query of queries(80, 3)) {
      expect(loaded.search(query, { fuzzy: 0.2, prefix: true })).toEqual(reference.search(query, { fuzzy: 0.2, prefix: true }))
    }
    expect(loaded.search(MiniSearch.wildcard).length).toBe(60)
    expect(loaded.has(articles[0]!.id)).toBe(true)
    expect(loaded.getStoredFields(articles[0]!.id)).toEqual({ title: articles[0]!.title })
  })

  it('refuses to change: the bundle is rebuilt, never edited in place', () => {
    expect(() => compact.add({ ...toSearchDocument(articles[0]!), id: 'new' })).toThrow(/read-only/)
  })
})

describe('the term list read in place', () => {
  it('finds every term, every prefix range and every insertion point as a plain sorted array does, across block boundaries', () => {
    const sorted = [...new Set(articles.flatMap((article) => article.title.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []))].sort()
    expect(sorted.length).toBeGreaterThan(3 * TERM_BLOCK)
    expect(sorted.some((term) => /[^\x00-\x7f]/.test(term))).toBe(true)
    const list = new TermList(new TextEncoder().encode(sorted.join('\n')), termBlocks(sorted), sorted.length)
    const firstAtLeast = (value: string) => sorted.findIndex((term) => term >= value)
    for (const [k, term] of sorted.entries()) expect(list.at(k)).toBe(term)
    for (const term of sorted) expect(list.indexOf(term)).toBe(sorted.indexOf(term))
    for (const probe of ['', 'a', 'zzzz', 'ma', 'é', sorted[TERM_BLOCK]!, `${sorted[TERM_BLOCK]!}a`, sorted.at(-1)!, 'qqqx']) {
      const at = firstAtLeast(probe)
      expect(list.lowerBound(probe), probe).toBe(at === -1 ? sorted.length : at)
      const matching = sorted.flatMap((term, k) => (term.startsWith(probe) ? [k] : []))
      const [start, end] = list.prefixRange(probe)
      expect([start, end], probe).toEqual(matching.length > 0 ? [matching[0]!, matching.at(-1)! + 1] : [start, start])
    }
    for (const prefix of new Set(sorted.map((term) => term.slice(0, 2)))) {
      const [start, end] = list.prefixRange(prefix)
      expect(sorted.slice(start, end)).toEqual(sorted.filter((term) => term.startsWith(prefix)))
    }
    const all = list.all()
    expect(Array.from({ length: all.length }, (_, k) => all.at(k))).toEqual(sorted)
    expect(list.indexOf('no such term at all')).toBe(-1)
  })
})
