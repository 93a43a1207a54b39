import type { StoredArticle } from '../article'
import type { SearchCorpus } from '../search/context'
import { combinedStatistics, indexStatistics, withStatistics } from '../search/corpus-statistics'
import { corpusOfArticles } from '../search/memory-corpus'
import { buildIndex } from '../search/search'
import type { LiveSnapshot } from './segment'

/**
 * The bundle and the live segment as the two parts of one corpus. Each part
 * scores with the statistics of the whole (N = base + live − hidden base
 * articles; average field lengths and per-term document frequencies summed
 * the same way), so any article scores as it would after a rebuild that
 * folded the live segment in. Base articles the segment replaces or deletes
 * are `hidden`: still in the bundle's index, skipped by every reader.
 */
export type LiveView = {
  version: number
  byId: ReadonlyMap<string, StoredArticle>
  tombstones: ReadonlySet<string>
  /** The bundle as a part of the one corpus. */
  base: SearchCorpus
  /** The live articles as the other part; absent when there are none. */
  live?: SearchCorpus
}

/** The view of a base with no live segment: the base alone. */
export function baseOnly(base: SearchCorpus): LiveView {
  return { version: 0, byId: new Map(), tombstones: new Set(), base }
}

/** Builds the one corpus from the base and a snapshot of the live segment (reads the hidden base articles' bodies once). */
export async function oneCorpus(base: SearchCorpus, snapshot: LiveSnapshot): Promise<LiveView> {
  const byId = new Map(snapshot.articles.map((article) => [article.id, article]))
  const tombstones = new Set(snapshot.tombstones)
  const hiddenIds = [...new Set([...tombstones, ...byId.keys()])].filter((id) => base.tables.shortId(id) !== undefined)
  if (byId.size === 0 && hiddenIds.length === 0) return { ...baseOnly(base), version: snapshot.version }

  const hiddenDocs = new Set(hiddenIds.map((id) => base.tables.shortId(id)!))
  const hiddenArticles = [...(await base.articlesById(hiddenIds)).values()]
  const live = byId.size > 0 ? corpusOfArticles(snapshot.articles) : undefined
  const statistics = combinedStatistics(
    [indexStatistics(base.index), ...(live ? [indexStatistics(live.index)] : [])],
    hiddenArticles.length > 0 ? [indexStatistics(buildIndex(hiddenArticles))] : [],
  )
  const part = (corpus: SearchCorpus, hidden?: (doc: number) => boolean): SearchCorpus => ({
    index: withStatistics(corpus.index, statistics),
    tables: corpus.tables,
    articlesById: (ids) => corpus.articlesById(ids),
    ...(hidden ? { hidden } : {}),
  })
  return {
    version: snapshot.version,
    byId,
    tombstones,
    base: part(base, (doc) => hiddenDocs.has(doc)),
    ...(live ? { live: part(live) } : {}),
  }
}

/** The parts of the one corpus that hold articles. */
export function partsOf(view: LiveView): SearchCorpus[] {
  return view.live ? [view.base, view.live] : [view.base]
}

/** A base id the live segment hides: replaced by a live article, or deleted. */
export function hidesBase(view: LiveView, id: string): boolean {
  return view.byId.has(id) || view.tombstones.has(id)
}
