import { READ_ONLY } from './compact-index'
import { readTermPostings, type TermData } from './compact-postings'

export type CompactTerms = {
  /** Every indexed term, sorted by UTF-16 code units (JavaScript's default string order). */
  terms: readonly string[]
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
}

/**
 * A read-only stand-in for MiniSearch's `SearchableMap` (its radix tree of
 * terms) over a sorted term list and varint postings: `get`, `has`,
 * `atPrefix`, `fuzzyGet`, iteration and `size`, which is all MiniSearch's
 * search uses. Nothing is built at load time; a term's postings are decoded
 * when a query touches it. Fuzzy matching walks the sorted list as the
 * implicit trie it is, with the same banded Levenshtein matrix as
 * SearchableMap, so it finds the same terms at the same distances.
 */
export class CompactTermMap {
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
    const start = this.lowerBound(prefix)
    const end = this.prefixEnd(prefix, start)
    const matches: number[] = []
    for (let k = start; k < end; k++) matches.push(k)
    return new Map(this.inTreeOrder(matches).map((k) => [terms[k]!, this.postingsAt(k)]))
  }

  /** Terms within `maxDistance` edits of `query`, as SearchableMap#fuzzyGet returns them: term -> [postings, distance]. */
  fuzzyGet(query: string, maxDistance: number): Map<string, [TermData, number]> {
    const { terms } = this.data
    const n = query.length + 1
    const m = n + maxDistance
    const matrix = new Uint8Array(m * n).fill(maxDistance + 1)
    for (let j = 0; j < n; ++j) matrix[j] = j
    for (let i = 1; i < m; ++i) matrix[i * n] = i
    const distances = new Map<number, number>()
    // Rows 1..validRows of the matrix hold the distances for the first validRows characters of `path`.
    let path = ''
    let validRows = 0
    let k = 0
    while (k < terms.length) {
      const term = terms[k]!
      let row = commonPrefixLength(path, term, validRows)
      let prunedAt = -1
      const lastRow = Math.min(term.length, m - 1)
      for (; row < lastRow; row++) {
        if (fillRow(matrix, query, n, maxDistance, row + 1, term.charCodeAt(row)) > maxDistance) {
          prunedAt = row
          break
        }
      }
      path = term
      if (prunedAt !== -1) {
        // No term that starts with these characters can come within maxDistance: skip them all.
        validRows = prunedAt
        k = skipSharedPrefix(terms, k, term, prunedAt + 1)
        continue
      }
      validRows = lastRow
      if (term.length < m) {
        const distance = matrix[term.length * n + n - 1]!
        if (distance <= maxDistance) distances.set(k, distance)
      }
      k++
    }
    const results = new Map<string, [TermData, number]>()
    // SearchableMap's fuzzy walk visits children first to last; its iterator, last to first: the reverse order.
    for (const match of this.inTreeOrder([...distances.keys()]).reverse()) results.set(terms[match]!, [this.postingsAt(match), distances.get(match)!])
    return results
  }

  *entries(): IterableIterator<[string, TermData]> {
    const { terms } = this.data
    for (const k of this.inTreeOrder(terms.map((_, index) => index))) yield [terms[k]!, this.postingsAt(k)]
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
    return readTermPostings(this.data.postings, this.data.offsets[k]!, this.data.fieldCount)
  }

  private inTreeOrder(indices: number[]): number[] {
    const { ranks } = this.data
    return indices.sort((a, b) => ranks[a]! - ranks[b]!)
  }

  private indexOf(term: string): number {
    const at = this.lowerBound(term)
    return this.data.terms[at] === term ? at : -1
  }

  /** First index whose term is >= `value`. */
  private lowerBound(value: string): number {
    const { terms } = this.data
    let low = 0
    let high = terms.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if (terms[middle]! < value) low = middle + 1
      else high = middle
    }
    return low
  }

  /** First index from `from` on whose term neither starts with `prefix` nor sorts before it. */
  private prefixEnd(prefix: string, from: number): number {
    const { terms } = this.data
    let low = from
    let high = terms.length
    while (low < high) {
      const middle = (low + high) >>> 1
      const term = terms[middle]!
      if (term < prefix || term.startsWith(prefix)) low = middle + 1
      else high = middle
    }
    return low
  }
}

/** Whether `term` starts with the first `length` characters of `model`. */
function sharesPrefix(term: string, model: string, length: number): boolean {
  if (term.length < length) return false
  for (let i = length - 1; i >= 0; i--) if (term.charCodeAt(i) !== model.charCodeAt(i)) return false
  return true
}

/**
 * The first index after `from` whose term does not start with the first
 * `length` characters of `terms[from]`: galloping, since the skipped run is
 * usually short, then binary search inside the last step.
 */
function skipSharedPrefix(terms: readonly string[], from: number, model: string, length: number): number {
  let inside = from
  let step = 1
  while (inside + step < terms.length && sharesPrefix(terms[inside + step]!, model, length)) {
    inside += step
    step *= 2
  }
  let outside = Math.min(inside + step, terms.length)
  while (outside - inside > 1) {
    const middle = (inside + outside) >>> 1
    if (sharesPrefix(terms[middle]!, model, length)) inside = middle
    else outside = middle
  }
  return outside
}

function commonPrefixLength(a: string, b: string, limit: number): number {
  const max = Math.min(limit, b.length)
  let length = 0
  while (length < max && a.charCodeAt(length) === b.charCodeAt(length)) length++
  return length
}

/**
 * Row `i` of the Levenshtein matrix for the term character `char`, inside the
 * band SearchableMap uses (the same reads and writes, so the same values);
 * returns the row's minimum distance.
 */
function fillRow(matrix: Uint8Array, query: string, n: number, maxDistance: number, i: number, char: number): number {
  const thisRowOffset = n * i
  const prevRowOffset = thisRowOffset - n
  let minDistance = matrix[thisRowOffset]!
  const jmin = Math.max(0, i - maxDistance - 1)
  const jmax = Math.min(n - 1, i + maxDistance)
  for (let j = jmin; j < jmax; ++j) {
    const different = char !== query.charCodeAt(j) ? 1 : 0
    const rpl = matrix[prevRowOffset + j]! + different
    const del = matrix[prevRowOffset + j + 1]! + 1
    const ins = matrix[thisRowOffset + j]! + 1
    const dist = (matrix[thisRowOffset + j + 1] = Math.min(rpl, del, ins))
    if (dist < minDistance) minDistance = dist
  }
  return minDistance
}
