import type { StoredArticle } from '../article'
import { serializeCompactIndex } from '../search/index/compact-index'
import { buildIndex } from '../search/search'
import { serializeBundle } from './format'
import { openBundle, type LoadedBundle } from './open'

/**
 * A bundle of articles held in memory, written and opened exactly as the build's
 * (the same index, tables, packs and facts table), its assets read from a map:
 * the app mounted on a few articles (tests) instead of the bundled corpus.
 */
export function bundleOfArticles(articles: readonly StoredArticle[], version = 'in-memory'): LoadedBundle {
  const index = serializeCompactIndex(buildIndex(articles))
  const { text, assets } = serializeBundle({ version, builtAt: new Date(0).toISOString(), index: index.header }, articles)
  return openBundle(text, index.binary, async (name) => {
    const asset = assets.get(name)
    if (asset === undefined) throw new Error(`No asset ${name} in this in-memory bundle.`)
    return asset
  })
}
