/**
 * A cache that keeps the most recently used values whose summed weight fits
 * a budget, dropping the least recently used first: what bounds the memory
 * an isolate spends on fetched article packs (src/bundle/packs.ts) or on the
 * close spellings of query words (src/search/typos.ts), however many requests come.
 * A value heavier than the whole budget is handed back but not kept.
 */
export class WeightedLru<K, V> {
  private readonly entries = new Map<K, { value: V; weight: number }>()
  private total = 0
  /**
   * The entries from the oldest, kept between evictions: every entry before it was evicted or moved to the end, so
   * its next is the least recently used. A new iterator for each eviction walked past every deleted slot V8's Map
   * keeps until it rehashes: a cache evicting at every miss spent most of its time there (the entity registry's
   * name keys at 5,000 articles: 6 of its 10 s, docs/scaling.md).
   */
  private oldest: Iterator<[K, { value: V; weight: number }]> = this.entries.entries()

  constructor(
    private readonly budget: number,
    private readonly weigh: (value: V) => number,
  ) {}

  /** The summed weight of what is kept (never above the budget). */
  get weight(): number {
    return this.total
  }

  get size(): number {
    return this.entries.size
  }

  get(key: K): V | undefined {
    const entry = this.entries.get(key)
    if (!entry) return undefined
    // Map keeps insertion order: re-inserting makes this the most recently used.
    this.entries.delete(key)
    this.entries.set(key, entry)
    return entry.value
  }

  set(key: K, value: V): void {
    this.delete(key)
    const weight = this.weigh(value)
    if (weight > this.budget) return
    this.entries.set(key, { value, weight })
    this.total += weight
    while (this.total > this.budget) {
      let next = this.oldest.next()
      // A finished iterator stays finished, whatever is added after: start again from the oldest.
      if (next.done) next = (this.oldest = this.entries.entries()).next()
      const [oldest, entry] = next.value as [K, { value: V; weight: number }]
      this.entries.delete(oldest)
      this.total -= entry.weight
    }
  }

  private delete(key: K): void {
    const entry = this.entries.get(key)
    if (!entry) return
    this.entries.delete(key)
    this.total -= entry.weight
  }
}
