import { WeightedLru } from '../lru'

/** Reads one static asset's text by name (`<version>/0003.json`): `env.ASSETS` in the Worker, the file system in Node. */
export type AssetReader = (name: string) => Promise<string>

/**
 * About 8 M characters of pack text (8–16 MiB: V8 stores a string with any
 * non-Latin-1 character at two bytes a character) kept per isolate: a few
 * pages' worth of packs, so repeated and nearby requests fetch nothing.
 */
export const DEFAULT_PACK_BUDGET = 8 * 1024 * 1024

/**
 * What a shard Worker keeps (src/shards/shard-worker.ts): a search page's ten
 * hits take at most ten packs (under 1 M characters on the synthetic corpus: 75 KB a pack of 8),
 * so two pages' worth. The one Worker's budget filled up was a fifth of a
 * shard's heap after the scale bench's searches (bench/shard-heap.ts); a
 * shard's isolate holds a tenth of a large corpus, not its packs, and an
 * evicted pack is fetched again from the shard's own assets.
 */
export const SHARD_PACK_BUDGET = 2 * 1024 * 1024

/**
 * The packs' texts, fetched when first needed and kept in a bounded LRU.
 * Requests that want the same pack at the same time share one fetch.
 */
export class PackCache {
  private readonly kept: WeightedLru<string, string>
  private readonly pending = new Map<string, Promise<string>>()

  constructor(
    private readonly read: AssetReader,
    budget = DEFAULT_PACK_BUDGET,
  ) {
    this.kept = new WeightedLru(budget, (text) => text.length)
  }

  /** Characters of pack text held now (never above the budget). */
  get heldCharacters(): number {
    return this.kept.weight
  }

  /** The pack's text if the cache holds it now (no read, no promise), else undefined. */
  held(name: string): string | undefined {
    return this.kept.get(name)
  }

  async text(name: string): Promise<string> {
    const kept = this.kept.get(name)
    if (kept !== undefined) return kept
    let fetching = this.pending.get(name)
    if (!fetching) {
      fetching = this.read(name).then(
        (text) => {
          this.pending.delete(name)
          this.kept.set(name, text)
          return text
        },
        (error: unknown) => {
          this.pending.delete(name)
          throw error
        },
      )
      this.pending.set(name, fetching)
    }
    return fetching
  }
}
