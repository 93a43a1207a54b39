import type MiniSearch from 'minisearch'
import type { CorpusTables } from '../search/corpus-tables'
import { loadIndex } from '../search/search'
import type { SearchDocument } from '../search/options'
import { parseBundle } from './format'
import { LazyArticles } from './lazy-articles'
import type { StoredArticle } from './types'

export type LoadedBundle = {
  readonly version: string
  readonly builtAt: string
  readonly articles: ReadonlyMap<string, StoredArticle>
  /** Opened on first use, so requests that do not search (health, one article) never pay for it. */
  readonly index: MiniSearch<SearchDocument>
  /** Article ids in index order (short id i = ids[i]). */
  readonly ids: readonly string[]
  /** Build-time per-article tables (src/search/corpus-tables.ts): revived on first use. */
  readonly tables: CorpusTables
  has(id: string): boolean
  /** One article's body; undefined for an unknown id. */
  article(id: string): Promise<StoredArticle | undefined>
  /** Several bodies at once (one fetch per pack): only the ids asked for. */
  articlesById(ids: readonly string[]): Promise<Map<string, StoredArticle>>
}

/**
 * A bundle made searchable from its two generated files, the text and the
 * index's bytes: the header is parsed now; the index and each article are
 * opened when first needed.
 */
export function openBundle(text: string, indexBytes: Uint8Array): LoadedBundle {
  const parsed = parseBundle(text)
  const { version, builtAt, index: header } = parsed.header
  const articles = new LazyArticles(parsed, header.ids)
  let index: MiniSearch<SearchDocument> | undefined
  return {
    version,
    builtAt,
    articles,
    ids: header.ids,
    get tables() {
      return articles.tables
    },
    get index() {
      return (index ??= loadIndex({ header, binary: indexBytes }))
    },
    has: (id) => articles.has(id),
    article: async (id) => articles.get(id),
    articlesById: async (ids) => {
      const found = new Map<string, StoredArticle>()
      for (const id of ids) {
        const article = articles.get(id)
        if (article) found.set(id, article)
      }
      return found
    },
  }
}
