import MiniSearch, { type SearchOptions } from 'minisearch'
import { describe, expect, it } from 'vitest'
import { openBundleFiles, readBundledArticles } from '../../scripts/lib/bundle-files'
import { loadCompactIndex, serializeCompactIndex, serializeCompactShards } from '../../src/search/index/compact-index'
import { bm25Part, SCORE_BLOCK, storesTermWindows, termIdf, termWindowScale, WINDOW_SHIFT, type FieldPostings } from '../../src/search/index/compact-postings'
import { TERM_BLOCK, termBlocks, TermList } from '../../src/search/index/compact-terms'
import { INDEX_OPTIONS, RANKING, type SearchDocument } from '../../src/search/options'
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

  it("stores, for each common term, a bound per window it is in at or above (and within a level of) its best document's score there", () => {
    type Internals = {
      _index: { entries(): Iterable<[string, Map<number, FieldPostings>]> }
      _fieldLength: { get(doc: number): ArrayLike<number> }
      _avgFieldLength: number[]
      _fieldIds: Record<string, number>
      documentCount: number
    }
    const index = compact as unknown as Internals
    const { k, b, d } = RANKING.bm25
    const boost = (fieldId: number) => RANKING.boost[Object.keys(index._fieldIds).find((field) => index._fieldIds[field] === fieldId) as 'title']
    let terms = 0
    let windowsChecked = 0
    for (const [term, fields] of index._index.entries()) {
      const postings = [...fields.values()]
      const count = postings.reduce((sum, each) => sum + each.docs.length, 0)
      const stored = postings[0]!.termWindows
      expect(stored !== undefined, term).toBe(storesTermWindows(count, compact.documentCount))
      if (!stored) continue
      terms++
      // The same bounds in each field's postings, over the windows the term has a posting in (any field), ascending.
      for (const each of postings) expect(each.termWindows).toBe(stored)
      const windows = [...new Set(postings.flatMap((each) => [...each.docs].map((doc) => doc >>> WINDOW_SHIFT)))].sort((x, y) => x - y)
      expect([...stored.windows], term).toEqual(windows)
      // Each document's score for the term, summed field by field as a search with the ranking's boosts scores it.
      const leaves = [...fields].map(([fieldId, each]) => ({
        fieldId,
        weight: boost(fieldId),
        idf: termIdf(each.docs.length, compact.documentCount),
        averageLength: index._avgFieldLength[fieldId]!,
      }))
      const scale = termWindowScale(stored, leaves, 0, leaves.length, k, b, d)!
      const scores = new Map<number, number>()
      for (const [fieldId, each] of fields) {
        const leaf = leaves.find((one) => one.fieldId === fieldId)!
        each.docs.forEach((doc, i) => {
          const part = bm25Part(each.freqs[i]!, index._fieldLength.get(doc)[fieldId]!, leaf.averageLength, k, b)
          scores.set(doc, (scores.get(doc) ?? 0) + leaf.weight * leaf.idf * (d + part))
        })
      }
      stored.windows.forEach((window, at) => {
        const best = Math.max(...[...scores].filter(([doc]) => doc >>> WINDOW_SHIFT === window).map(([, score]) => score))
        expect(stored.levels[at]! * scale, `${term} window ${window}`).toBeGreaterThanOrEqual(best)
        expect(stored.levels[at]! * scale, `${term} window ${window}`).toBeLessThanOrEqual(best + scale)
        windowsChecked++
      })
    }
    expect(terms).toBeGreaterThan(20)
    expect(windowsChecked).toBeGreaterThan(100)
    // Another BM25 basis: no stored bound holds, and the search falls back to the block bounds.
    const [term, fields] = [...index._index.entries()].find(([, each]) => [...each.values()][0]!.termWindows)!
    const leaves = [...fields.keys()].map((fieldId) => ({ fieldId, weight: 1, idf: 1, averageLength: index._avgFieldLength[fieldId]! }))
    expect(termWindowScale([...fields.values()][0]!.termWindows!, leaves, 0, leaves.length, k + 0.1, b, d), term).toBeUndefined()
    // A shard's scores depend on the other shards' figures: it stores none.
    const [shard] = serializeCompactShards(built, [articles.map((_, i) => i)])
    const shardIndex = loadCompactIndex<SearchDocument>(shard!, INDEX_OPTIONS) as unknown as Internals
    for (const [, each] of shardIndex._index.entries()) for (const postings of each.values()) expect(postings.termWindows).toBeUndefined()
  })

  it("stores, for each field's postings of one block or fewer, their largest BM25 part (a shard: none)", () => {
    type Internals = {
      _index: { entries(): Iterable<[string, Map<number, FieldPostings>]> }
      _fieldLength: { get(doc: number): ArrayLike<number> }
      _avgFieldLength: number[]
    }
    const index = compact as unknown as Internals
    const { k, b } = RANKING.bm25
    let lists = 0
    for (const [term, fields] of index._index.entries()) {
      for (const [fieldId, postings] of fields) {
        expect(postings.listPart !== undefined, term).toBe(postings.docs.length <= SCORE_BLOCK)
        if (!postings.listPart) continue
        const parts = [...postings.docs].map(
          (doc, i) => bm25Part(postings.freqs[i]!, index._fieldLength.get(doc)[fieldId]!, index._avgFieldLength[fieldId]!, k, b) / (k + 1),
        )
        expect(postings.listPart.part, term).toBe(Math.min(255, Math.ceil(Math.max(...parts) * 255 * (1 + 1e-9))))
        lists++
      }
    }
    expect(lists).toBeGreaterThan(1_000)
    const [shard] = serializeCompactShards(built, [articles.map((_, i) => i)])
    const shardIndex = loadCompactIndex<SearchDocument>(shard!, INDEX_OPTIONS) as unknown as Internals
    for (const [, each] of shardIndex._index.entries()) for (const postings of each.values()) expect(postings.listPart).toBeUndefined()
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
