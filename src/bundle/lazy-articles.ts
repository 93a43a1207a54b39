import { reviveTables, type CorpusTables } from '../search/corpus-tables'
import type { ParsedBundle } from './format'
import type { StoredArticle } from './types'

/**
 * The bundle's articles by id, parsed from the bundle's text when first asked
 * for and then kept: a start-up parses no article, a request for one article
 * parses that one, and the first walk over all of them parses the whole list
 * in one `JSON.parse`.
 */
export class LazyArticles implements ReadonlyMap<string, StoredArticle> {
  private readonly positions: Map<string, number>
  private readonly parsed: (StoredArticle | undefined)[]
  private complete = false
  private revived: CorpusTables | undefined

  constructor(
    private readonly bundle: ParsedBundle,
    private readonly ids: readonly string[],
  ) {
    this.positions = new Map(ids.map((id, i) => [id, i]))
    this.parsed = new Array<StoredArticle | undefined>(ids.length)
  }

  /** The header's per-article tables (facets, dates), so searching walks no article (see corpus-tables.ts). */
  get tables(): CorpusTables {
    return (this.revived ??= reviveTables(this.bundle.tables(), this.ids))
  }

  get size(): number {
    return this.parsed.length
  }

  has(id: string): boolean {
    return this.positions.has(id)
  }

  get(id: string): StoredArticle | undefined {
    const i = this.positions.get(id)
    if (i === undefined) return undefined
    return (this.parsed[i] ??= this.bundle.article(i))
  }

  *values(): MapIterator<StoredArticle> {
    yield* this.all()
  }

  *keys(): MapIterator<string> {
    yield* this.positions.keys()
  }

  *entries(): MapIterator<[string, StoredArticle]> {
    for (const article of this.all()) yield [article.id, article]
  }

  [Symbol.iterator](): MapIterator<[string, StoredArticle]> {
    return this.entries()
  }

  forEach(callback: (value: StoredArticle, key: string, map: ReadonlyMap<string, StoredArticle>) => void, thisArg?: unknown): void {
    for (const article of this.all()) callback.call(thisArg, article, article.id, this)
  }

  private all(): readonly StoredArticle[] {
    if (!this.complete) {
      // Articles already handed out keep their identity; the rest come from one parse of the whole list.
      const everything = this.bundle.allArticles()
      everything.forEach((article, i) => (this.parsed[i] ??= article))
      this.complete = true
    }
    return this.parsed as StoredArticle[]
  }
}
