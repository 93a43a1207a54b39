import type MiniSearch from 'minisearch'
import type { RelatedArticle, StoredArticle } from '../article'
import { withPositionIds } from './index/compact-index'
import type { CorpusTables } from './tables/corpus-tables'
import type { SearchDocument } from './options'
import { SuggestIndex } from './suggest'

/**
 * What searching reads: the index and the corpus tables, synchronously, and
 * article bodies only for what a response shows (`articlesById`, which may
 * fetch). The bundle (`LoadedBundle`) is one; `corpusOfArticles` makes one
 * from articles in memory.
 */
export type SearchCorpus = {
  readonly index: MiniSearch<SearchDocument>
  readonly tables: CorpusTables
  articlesById(ids: readonly string[]): Promise<Map<string, StoredArticle>>
  /**
   * Only what a search hit shows of each article (`ShownArticle`), where the holder can read that without the rest
   * (a bundle's packs: `shownInPack`, src/bundle/format.ts); otherwise the hits take `articlesById`'s whole articles.
   */
  shownById?(ids: readonly string[]): Promise<Map<string, ShownArticle>>
  /**
   * Documents (by short id) that are not part of the corpus any more: base
   * articles a live article replaces or deletes. Search, listing, facets and
   * related articles skip them; the index still holds them.
   */
  readonly hidden?: (doc: number) => boolean
}

/** What a search hit shows of an article: its title, date and link, and the text its snippet is cut from. */
export type ShownArticle = Pick<StoredArticle, 'id' | 'title' | 'date' | 'url' | 'text'>

/** What is derived from a corpus on demand and then kept for the isolate's life. */
const suggestIndexes = new WeakMap<CorpusTables, SuggestIndex>()

/** The suggestion index, unpacked on the first suggestion. */
export function suggestIndexOf(corpus: SearchCorpus): SuggestIndex {
  const { tables, index } = corpus
  let found = suggestIndexes.get(tables)
  if (!found) suggestIndexes.set(tables, (found = new SuggestIndex(tables.suggestions, tables.titles, tables.ids, tables.lexicon, index)))
  return found
}

const byPosition = new WeakMap<MiniSearch<SearchDocument>, MiniSearch<SearchDocument>>()

/**
 * The index answering with positions (short ids, as the tables use) for ids: see `withPositionIds`.
 * Kept per index, not per tables: the same tables are searched through a new statistics view of
 * the index whenever the live segment changes (src/live/one-corpus.ts).
 */
export function positionIndex(corpus: SearchCorpus): MiniSearch<SearchDocument> {
  let found = byPosition.get(corpus.index)
  if (!found) byPosition.set(corpus.index, (found = withPositionIds(corpus.index)))
  return found
}

const related = new WeakMap<MiniSearch<SearchDocument>, Map<string, RelatedArticle[]>>()

/** Related articles by id, filled as they are asked for; per index, as scores change with the live segment (see `positionIndex`). */
export function relatedCache(corpus: SearchCorpus): Map<string, RelatedArticle[]> {
  let found = related.get(corpus.index)
  if (!found) related.set(corpus.index, (found = new Map()))
  return found
}
