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

  has(doc: number): boolean {
    return (this.words[doc >>> 5]! & (1 << (doc & 31))) !== 0
  }

  get count(): number {
    let count = 0
    for (let w = 0; w < this.words.length; w++) {
      let word = this.words[w]! - ((this.words[w]! >>> 1) & 0x55555555)
      word = (word & 0x33333333) + ((word >>> 2) & 0x33333333)
      count += Math.imul((word + (word >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24
    }
    return count
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

  /** The documents of words [fromWord, toWord), ascending. */
  forEachIn(fromWord: number, toWord: number, visit: (doc: number) => void): void {
    for (let w = fromWord; w < toWord; w++) {
      let word = this.words[w]!
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
