import type MiniSearch from 'minisearch'
import { FieldPostings, type TermData } from '../search/index/compact-postings'
import type { CorpusStatistics } from '../search/corpus-statistics'
import type { SearchDocument } from '../search/options'
import type { FieldMap } from '../search/topk/plan'

/**
 * One part of the one corpus as the search engine reads it: its index with
 * the statistics of the whole corpus, and every term's postings as the
 * compact index's `FieldPostings` (ascending typed arrays, with the score
 * block bounds when the part has them). `corpus-statistics.ts` makes the same
 * statistics view, but over wrappers the top-k evaluator cannot see through:
 * it copied every posting list into arrays and lost the block bounds on every
 * search (the largest single cost of a search with a live segment). Here a
 * term's postings are made once per version of the one corpus and reused.
 *
 * `dense` renumbers a part whose documents are not 0 … n − 1 (the live
 * segment's MiniSearch, which leaves holes where articles were removed):
 * `dense[shortId]` is the document's position in the part's tables, −1 when
 * the document is not in this version of the part.
 */
export type PartIndexOptions = {
  statistics: CorpusStatistics
  dense?: { positions: Int32Array; shortIds: readonly number[]; ids: readonly string[] }
}

/** What this file reads of a MiniSearch instance's private state. */
type Internals = {
  _index: SourceTerms
  _fieldLength: { get(doc: number): ArrayLike<number> | undefined }
  _storedFields: { get(doc: number): unknown }
}

type SourcePostings = FieldMap
type SourceData = { get(fieldId: number): SourcePostings | undefined; keys?(): Iterable<number> } & Iterable<[number, SourcePostings]>
type SourceTerms = {
  readonly size: number
  get(term: string): SourceData | undefined
  has(term: string): boolean
  atPrefix(prefix: string): Iterable<[string, SourceData]>
  fuzzyGet(term: string, maxDistance: number): Map<string, [SourceData, number]>
  [Symbol.iterator](): Iterator<[string, SourceData]>
}

/** Enough for the terms of many queries; cleared when full so that an isolate's memory stays flat. */
const MAX_CACHED_TERMS = 20_000

export function partIndex(index: MiniSearch<SearchDocument>, { statistics, dense }: PartIndexOptions): MiniSearch<SearchDocument> {
  const internals = index as unknown as Internals
  const view = Object.create(index) as Record<string, unknown>
  view._index = new PartTerms(internals._index, statistics, dense?.positions)
  view._documentCount = statistics.documentCount
  view._avgFieldLength = [...statistics.averageFieldLength]
  if (dense) {
    const { shortIds, ids } = dense
    // This version's field lengths, copied: a later version may remove a document from the MiniSearch underneath.
    const lengths = shortIds.map((shortId) => Array.from(internals._fieldLength.get(shortId) ?? []))
    view._nextId = ids.length
    view._dirtCount = 0
    view._documentIds = new Map(ids.map((id, doc) => [doc, id]))
    view._idToShortId = new Map(ids.map((id, doc) => [id, doc]))
    view._fieldLength = new Map(lengths.map((each, doc) => [doc, each]))
    view._storedFields = new Map(shortIds.map((shortId, doc) => [doc, internals._storedFields.get(shortId)]))
  }
  return view as unknown as MiniSearch<SearchDocument>
}

/** A term map answering with `FieldPostings` sized by the whole corpus's document frequencies, made once per term. */
class PartTerms {
  private readonly cache = new Map<string, TermData | undefined>()

  constructor(
    private readonly terms: SourceTerms,
    private readonly statistics: CorpusStatistics,
    private readonly positions: Int32Array | undefined,
  ) {}

  get size(): number {
    return this.terms.size
  }

  has(term: string): boolean {
    return this.get(term) !== undefined
  }

  get(term: string): TermData | undefined {
    if (this.cache.has(term)) return this.cache.get(term)
    return this.remember(term, this.terms.get(term))
  }

  *atPrefix(prefix: string): Iterable<[string, TermData]> {
    for (const [term, data] of this.terms.atPrefix(prefix)) {
      const found = this.cache.has(term) ? this.cache.get(term) : this.remember(term, data)
      if (found) yield [term, found]
    }
  }

  fuzzyGet(term: string, maxDistance: number): Map<string, [TermData, number]> {
    const found = new Map<string, [TermData, number]>()
    for (const [match, [data, distance]] of this.terms.fuzzyGet(term, maxDistance)) {
      const postings = this.cache.has(match) ? this.cache.get(match) : this.remember(match, data)
      if (postings) found.set(match, [postings, distance])
    }
    return found
  }

  *[Symbol.iterator](): Iterator<[string, TermData]> {
    for (const [term, data] of this.terms) {
      const found = this.cache.has(term) ? this.cache.get(term) : this.remember(term, data)
      if (found) yield [term, found]
    }
  }

  private remember(term: string, data: SourceData | undefined): TermData | undefined {
    const made = data && this.postingsOf(term, data)
    if (this.cache.size >= MAX_CACHED_TERMS) this.cache.clear()
    this.cache.set(term, made)
    return made
  }

  private postingsOf(term: string, data: SourceData): TermData | undefined {
    const made: TermData = new Map()
    for (const [fieldId, postings] of data) {
      const documentFrequency = this.statistics.documentFrequency(term, fieldId)
      if (postings.docs && postings.freqs && !this.positions) {
        made.set(fieldId, new FieldPostings(postings.docs, postings.freqs, postings.bounds, documentFrequency))
        continue
      }
      const pairs: [number, number][] = []
      for (const doc of postings.keys()) {
        const position = this.positions ? (this.positions[doc] ?? -1) : doc
        if (position !== -1) pairs.push([position, postings.get(doc)!])
      }
      if (pairs.length === 0) continue
      pairs.sort((a, b) => a[0] - b[0])
      const sorted = Uint32Array.from(pairs, ([doc]) => doc)
      const freqs = Uint32Array.from(pairs, ([, freq]) => freq)
      made.set(fieldId, new FieldPostings(sorted, freqs, undefined, documentFrequency))
    }
    return made.size > 0 ? made : undefined
  }
}
