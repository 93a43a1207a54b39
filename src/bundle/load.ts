import type MiniSearch from 'minisearch'
import bundleText from '../../generated/search.bundle'
import { loadIndex } from '../search/search'
import type { SearchDocument } from '../search/options'
import type { Bundle, StoredArticle } from './types'

export type LoadedBundle = {
  version: string
  builtAt: string
  articles: ReadonlyMap<string, StoredArticle>
  index: MiniSearch<SearchDocument>
}

let loaded: LoadedBundle | undefined

/** The bundle, parsed and its index rebuilt once per isolate, on first use. */
export function getBundle(): LoadedBundle {
  if (loaded) return loaded
  const bundle = JSON.parse(bundleText) as Bundle
  loaded = {
    version: bundle.version,
    builtAt: bundle.builtAt,
    articles: new Map(bundle.articles.map((article) => [article.id, article])),
    index: loadIndex(bundle.index),
  }
  return loaded
}
