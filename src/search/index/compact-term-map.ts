import { READ_ONLY } from './compact-read-only'
import { readTermPostings, type CorpusWidePostings, type ScoreBasis, type TermData } from './compact-postings'
import type { TermList } from './compact-terms'
import { fuzzyMatches, inTreeOrder } from '../tables/sorted-words'
import { WeightedLru } from '../../lru'

/** Decoded postings kept per index: 8 MiB (a word in half of 50,000 articles decodes to about 0.2 MiB per field). */
const DECODED_POSTINGS_BYTES = 8 * 2 ** 20

/** The bytes a term's decoded postings take (their typed arrays, plus a little per field). */
function postingsBytes(data: TermData): number {
  let bytes = 64
  for (const postings of data.values()) {
    bytes += 64 + postings.docs.byteLength + postings.freqs.byteLength
    if (postings.bounds) bytes += postings.bounds.maxFrequency.byteLength + postings.bounds.minRatio.byteLength + postings.bounds.maxPart.byteLength
  }
  return bytes
}

export type CompactTerms = {
  /** Every indexed term, sorted by UTF-16 code units (JavaScript's default string order), read in place. */
  terms: TermList
  /**
   * `ranks[k]`: position of `terms[k]` when MiniSearch's radix tree is iterated
   * (as `toJSON` and `atPrefix` do), kept so that scores add up in the same
   * order and come out bit for bit the same.
   */
  ranks: Uint32Array
  /** `offsets[k]`: where the postings of `terms[k]` start in `postings`. */
  offsets: Uint32Array
  postings: Uint8Array
  fieldCount: number
  /** What the score block bounds were computed for (a shard's: what they are computed for when its postings are decoded). */
  basis: ScoreBasis
  /**
   * A shard's, from its figures (shard-figures.ts): each term's corpus-wide document frequency per field (at
   * `k * fieldCount + field`), and the field lengths of its documents (at `doc * fieldCount + field`), with which
   * its blocks' BM25 part is computed under the corpus-wide `basis` (see `writeTermPostings`).
   */
  corpusWide?: { documentFrequencies: Uint32Array; fieldLengths: Uint32Array }
}

/**
 * A read-only stand-in for MiniSearch's `SearchableMap` (its radix tree of
 * terms) over a sorted term list and varint postings: `get`, `has`,
 * `atPrefix`, `fuzzyGet`, iteration and `size`, which is all MiniSearch's
 * search uses. Nothing is built at load time; a term's postings are decoded
 * when a query touches it, and the most recently used are kept. Fuzzy matching walks the sorted list as the
 * implicit trie it is, with the same banded Levenshtein matrix as
 * SearchableMap, so it finds the same terms at the same distances.
 */
export class CompactTermMap {
  /**
   * Postings decoded lately, by term: the same common words come back query
   * after query, and decoding a common word's postings (and dropping them) was
   * most of a search's garbage on a large index. Read only once decoded.
   */
  private readonly decoded = new WeightedLru<number, TermData>(DECODED_POSTINGS_BYTES, postingsBytes)

  constructor(private readonly data: CompactTerms) {}

  get size(): number {
    return this.data.terms.length
  }

  get(term: string): TermData | undefined {
    const at = this.indexOf(term)
    return at === -1 ? undefined : this.postingsAt(at)
  }

  has(term: string): boolean {
    return this.indexOf(term) !== -1
  }

  /** Terms starting with `prefix` and their postings, in MiniSearch's order. */
  atPrefix(prefix: string): Map<string, TermData> {
    const { terms } = this.data
    const [start, end] = terms.prefixRange(prefix)
    const matches: number[] = []
    for (let k = start; k < end; k++) matches.push(k)
    return new Map(inTreeOrder(matches, this.data.ranks).map((k) => [terms.at(k), this.postingsAt(k)]))
  }

  /** Terms within `maxDistance` edits of `query`, as SearchableMap#fuzzyGet returns them: term -> [postings, distance]. */
  fuzzyGet(query: string, maxDistance: number): Map<string, [TermData, number]> {
    const terms = this.data.terms.all()
    const results = new Map<string, [TermData, number]>()
    for (const [k, distance] of fuzzyMatches(terms, this.data.ranks, query, maxDistance)) results.set(terms.at(k)!, [this.postingsAt(k), distance])
    return results
  }

  *entries(): IterableIterator<[string, TermData]> {
    const terms = this.data.terms.all()
    for (const k of inTreeOrder(
      Array.from({ length: terms.length }, (_, index) => index),
      this.data.ranks,
    ))
      yield [terms.at(k)!, this.postingsAt(k)]
  }

  *keys(): IterableIterator<string> {
    for (const [term] of this.entries()) yield term
  }

  [Symbol.iterator](): IterableIterator<[string, TermData]> {
    return this.entries()
  }

  set(): never {
    throw new Error(READ_ONLY)
  }

  fetch(): never {
    return this.set()
  }

  delete(): never {
    return this.set()
  }

  update(): never {
    return this.set()
  }

  private postingsAt(k: number): TermData {
    let data = this.decoded.get(k)
    if (!data) {
      const { postings, offsets, fieldCount, basis, corpusWide } = this.data
      const shard: CorpusWidePostings | undefined = corpusWide && {
        documentFrequencies: corpusWide.documentFrequencies.subarray(k * fieldCount, (k + 1) * fieldCount),
        fieldLengths: { lengths: corpusWide.fieldLengths, fieldCount },
      }
      data = readTermPostings(postings, offsets[k]!, fieldCount, basis, shard)
      this.decoded.set(k, data)
    }
    return data
  }

  private indexOf(term: string): number {
    return this.data.terms.indexOf(term)
  }
}
