import type MiniSearch from 'minisearch'
import type { RelatedArticle, StoredArticle } from '../article'
import { withPositionIds } from './compact-index'
import type { CorpusTables } from './corpus-tables'
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
}

/** What is derived from a corpus on demand and then kept for the isolate's life. */
type Derived = { suggestIndex?: SuggestIndex; related: Map<string, RelatedArticle[]>; byPosition?: MiniSearch<SearchDocument> }

const derived = new WeakMap<CorpusTables, Derived>()

function derivedOf(corpus: SearchCorpus): Derived {
  let found = derived.get(corpus.tables)
  if (!found) derived.set(corpus.tables, (found = { related: new Map() }))
  return found
}

/** The suggestion index, unpacked on the first suggestion. */
export function suggestIndexOf(corpus: SearchCorpus): SuggestIndex {
  const state = derivedOf(corpus)
  const { tables, index } = corpus
  return (state.suggestIndex ??= new SuggestIndex(tables.suggestions, tables.titles, tables.ids, tables.lexicon, index))
}

/** The index answering with positions (short ids, as the tables use) for ids: see `withPositionIds`. */
export function positionIndex(corpus: SearchCorpus): MiniSearch<SearchDocument> {
  const state = derivedOf(corpus)
  return (state.byPosition ??= withPositionIds(corpus.index))
}

/** Related articles by id, filled as they are asked for. */
export function relatedCache(corpus: SearchCorpus): Map<string, RelatedArticle[]> {
  return derivedOf(corpus).related
}
