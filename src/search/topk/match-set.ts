/** Free words of released sets, any length (an isolate serves one corpus size or a few). */
const free: Uint32Array[] = []
/** At most this many sets' words kept: more than one search's nodes, few enough not to matter beside the index. */
const POOL_LIMIT = 64

/**
 * A set of documents (short ids 0 … size-1) as a bitset: the match set of a
 * query, counted and faceted without scoring it.
 */
export class MatchSet {
  readonly words: Uint32Array

  constructor(
    readonly size: number,
    words?: Uint32Array,
  ) {
    this.words = words ?? new Uint32Array((size + 31) >>> 5)
  }

  /**
   * An empty set whose words come from the isolate's pool when one of the
   * right length is free (see `release`): a search's sets are a corpus size /
   * 8 bytes each, one per query node, and otherwise garbage per search.
   */
  static pooled(size: number): MatchSet {
    const length = (size + 31) >>> 5
    for (let i = free.length - 1; i >= 0; i--) {
      const words = free[i]!
      if (words.length !== length) continue
      free[i] = free[free.length - 1]!
      free.pop()
      words.fill(0)
      return new MatchSet(size, words)
    }
    return new MatchSet(size)
  }

  /** A pooled copy of this set (see `pooled`). */
  pooledCopy(): MatchSet {
    const copy = MatchSet.pooled(this.size)
    copy.words.set(this.words)
    return copy
  }

  /**
   * Hands this set's words back to the pool: only the owner of a set it took
   * with `pooled` does this, once nothing reads the set any more (the next
   * search's sets reuse them).
   */
  release(): void {
    if (free.length < POOL_LIMIT) free.push(this.words)
  }

  static all(size: number): MatchSet {
    const set = new MatchSet(size)
    set.words.fill(0xffffffff)
    const spare = set.words.length * 32 - size
    if (spare > 0) set.words[set.words.length - 1] = 0xffffffff >>> spare
    return set
  }

  add(doc: number): void {
    this.words[doc >>> 5]! |= 1 << (doc & 31)
  }

  /** Adds each of `docs`: one tight loop over a posting list (a prefix's hundreds of lists, each once per request). */
  addAll(docs: ArrayLike<number>): void {
    const words = this.words
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i]!
      words[doc >>> 5]! |= 1 << (doc & 31)
    }
  }

  has(doc: number): boolean {
    return (this.words[doc >>> 5]! & (1 << (doc & 31))) !== 0
  }

  get count(): number {
    return bitsSet(this.words)
  }

  /** In place: the documents of both. */
  intersect(other: MatchSet): this {
    for (let w = 0; w < this.words.length; w++) this.words[w]! &= other.words[w]!
    return this
  }

  /** In place: the documents of either. */
  unite(other: MatchSet): this {
    for (let w = 0; w < this.words.length; w++) this.words[w]! |= other.words[w]!
    return this
  }

  /** In place: the documents of this one that `other` lacks. */
  subtract(other: MatchSet): this {
    for (let w = 0; w < this.words.length; w++) this.words[w]! &= ~other.words[w]!
    return this
  }

  /** In place: keeps the documents `keep` accepts. */
  retain(keep: (doc: number) => boolean): this {
    this.forEach((doc) => {
      if (!keep(doc)) this.words[doc >>> 5]! &= ~(1 << (doc & 31))
    })
    return this
  }

  copy(): MatchSet {
    return new MatchSet(this.size, this.words.slice())
  }

  /** Each document in ascending order. */
  forEach(visit: (doc: number) => void): void {
    this.forEachIn(0, this.words.length, visit)
  }

  /** The documents of words [fromWord, toWord), ascending; with `mask`, only those also in it (`mask[j]` for word `fromWord + j`). */
  forEachIn(fromWord: number, toWord: number, visit: (doc: number) => void, mask?: Uint32Array): void {
    for (let w = fromWord; w < toWord; w++) {
      let word = mask ? this.words[w]! & mask[w - fromWord]! : this.words[w]!
      while (word !== 0) {
        const lowest = word & -word
        visit((w << 5) + 31 - Math.clz32(lowest))
        word ^= lowest
      }
    }
  }

  toArray(): Uint32Array {
    const docs = new Uint32Array(this.count)
    let at = 0
    this.forEach((doc) => (docs[at++] = doc))
    return docs
  }

  /** Whether any document lies in words [fromWord, toWord). */
  anyIn(fromWord: number, toWord: number): boolean {
    for (let w = fromWord; w < toWord; w++) if (this.words[w] !== 0) return true
    return false
  }
}

/** The bits set in a 32-bit word (SWAR popcount: no table, no loop). */
export function bitCount(word: number): number {
  word -= (word >>> 1) & 0x55555555
  word = (word & 0x33333333) + ((word >>> 2) & 0x33333333)
  return Math.imul((word + (word >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24
}

/** The documents in a bitset's words. */
export function bitsSet(words: Uint32Array): number {
  let count = 0
  for (let w = 0; w < words.length; w++) count += bitCount(words[w]!)
  return count
}
