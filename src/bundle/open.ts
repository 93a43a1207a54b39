import type MiniSearch from 'minisearch'
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
}

/**
 * A bundle made searchable from its two generated files, the text and the
 * index's bytes: the header is parsed now; the index and each article are
 * opened when first needed.
 */
export function openBundle(text: string, indexBytes: Uint8Array): LoadedBundle {
  const parsed = parseBundle(text)
  const { version, builtAt, index: header } = parsed.header
  let index: MiniSearch<SearchDocument> | undefined
  return {
    version,
    builtAt,
    articles: new LazyArticles(parsed, header.ids),
    get index() {
      return (index ??= loadIndex({ header, binary: indexBytes }))
    },
  }
}
