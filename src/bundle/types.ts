import type { ArticleInput } from '../corpus/article'
import type { Analysis } from '../analyze'
import type { CompactIndexHeader } from '../search/compact-index'
import type { StoredTables } from '../search/corpus-tables'

/** One article as the Worker serves it: the input fields plus everything derived from its text at build time. */
export type StoredArticle = Omit<ArticleInput, 'title'> & Analysis

/**
 * What `npm run build` writes (generated/search.bundle, next to the index's
 * bytes in generated/search.bin) and the Worker loads: one JSON document whose
 * keys come in this order (see format.ts), so the Worker can parse everything
 * before `articles` at start-up and each article only when it is asked for.
 */
export type Bundle = {
  /** Changes whenever the bundle's content changes: used in ETags and health. */
  version: string
  builtAt: string
  /** The search index built with `INDEX_OPTIONS`, in the compact form of compact-index.ts: its header (the bytes are in the .bin file next to the bundle). */
  index: CompactIndexHeader
  /** `articleOffsets[i]`: where article i's JSON starts in the text of the `articles` array; one more entry marks the array's end. */
  articleOffsets: number[]
  articles: StoredArticle[]
  /** Each article's facet values and date, computed at build time: what a first search needs of every article without parsing any. */
  tables: StoredTables
}
