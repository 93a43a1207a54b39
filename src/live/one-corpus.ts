import type { StoredArticle } from '../article'
import type { SearchCorpus } from '../search/context'
import { combinedStatistics, indexStatistics, type CorpusStatistics, type StatisticsData } from '../search/corpus-statistics'
import { LiveFacets } from './live-facets'
import { LiveWords } from './live-words'
import { liveTables, MutableIndex } from './mutable-index'
import { partIndex } from './part-index'
import type { LiveChanges, LiveSnapshot } from './segment'

/** The live segment at one version: its articles by id, and the ids it deletes. */
export type LiveArticles = {
  version: number
  byId: ReadonlyMap<string, StoredArticle>
  tombstones: ReadonlySet<string>
}

/**
 * The bundle and the live segment as the two parts of one corpus. Each part
 * scores with the statistics of the whole (N = base + live − hidden base
 * articles; average field lengths and per-term document frequencies summed
 * the same way), so any article scores as it would after a rebuild that
 * folded the live segment in. Base articles the segment replaces or deletes
 * are `hidden`: still in the bundle's index, skipped by every reader.
 */
export type LiveView = LiveArticles & {
  /** The bundle as a part of the one corpus. */
  base: SearchCorpus
  /** The live articles as the other part; absent when there are none. */
  live?: SearchCorpus
}

/** The view of a base with no live segment: the base alone. */
export function baseOnly(base: SearchCorpus): LiveView {
  return { version: 0, byId: new Map(), tombstones: new Set(), base }
}

/** The one corpus of the base and a snapshot of the live segment (reads the hidden base articles' bodies once). */
export async function oneCorpus(base: SearchCorpus, snapshot: LiveSnapshot): Promise<LiveView> {
  return (await LiveCopy.of(base, snapshot)).view()
}

/**
 * What a copy of the live segment reads of the base it is merged with: which
 * ids the base holds (hidden by the segment or not) and their articles, so
 * that the base articles it hides are indexed apart. The one Worker's bundle
 * (`baseOf`), or a sharded build's shards asked by the front.
 */
export type LiveBase = {
  holds(ids: readonly string[]): Promise<Set<string>>
  articlesById(ids: readonly string[]): Promise<Map<string, StoredArticle>>
}

/** A base corpus as a live copy reads it. */
export function baseOf(corpus: SearchCorpus): LiveBase {
  return {
    holds: (ids) => Promise.resolve(new Set(ids.filter((id) => corpus.tables.shortId(id) !== undefined))),
    articlesById: (ids) => corpus.articlesById(ids),
  }
}

/**
 * The live segment's side of the one corpus where the base is read elsewhere
 * (a sharded build: the base is in the shards, the segment in the front): the
 * live and hidden articles' statistics as data, for each shard to score with,
 * the hidden base ids, for each shard to skip, and the live articles as a part
 * scored with `statistics` (the whole corpus's, which the caller makes from
 * the base's and these).
 */
export type SegmentSide = LiveArticles & {
  hiddenIds: string[]
  live?: StatisticsData
  hidden?: StatisticsData
  liveTerms: string[]
  livePart(statistics: CorpusStatistics): SearchCorpus | undefined
}

/**
 * A reader's copy of the live segment over one base, updated in place: the
 * changes since its version (put, replace, delete, tombstones) are applied to
 * a MiniSearch index of the live articles and to one of the base articles the
 * segment hides, so a new version costs what changed, not the whole segment.
 * `view()` is the one corpus at the current version; a view stays usable by a
 * request that began before a later change (its tables, field lengths and
 * statistics are its own; it may miss postings a later change removed).
 */
export class LiveCopy {
  private current = 0
  private readonly live = new MutableIndex()
  /** The base articles the segment replaces or deletes, indexed apart so that their terms are subtracted from the statistics. */
  private readonly hidden = new MutableIndex()
  private readonly tombstones = new Set<string>()
  private readonly words = new LiveWords()
  private readonly facets = new LiveFacets()

  private constructor(
    private readonly base: LiveBase,
    /** The base as a search corpus, where this copy is merged with one in process (the one Worker). */
    private readonly corpus: SearchCorpus | undefined,
  ) {}

  /** A copy over a base corpus in process (the one Worker's bundle): `view()` merges them. */
  static async of(base: SearchCorpus, snapshot: LiveSnapshot): Promise<LiveCopy> {
    return LiveCopy.over(baseOf(base), snapshot, base)
  }

  /** A copy over a base read elsewhere (a sharded build's shards): `side()` is what the merge needs of it. */
  static async over(base: LiveBase, snapshot: LiveSnapshot, corpus?: SearchCorpus): Promise<LiveCopy> {
    const copy = new LiveCopy(base, corpus)
    await copy.apply({
      kind: 'changes',
      since: 0,
      version: snapshot.version,
      articles: snapshot.articles,
      removed: [],
      tombstoned: snapshot.tombstones,
      untombstoned: [],
    })
    return copy
  }

  get version(): number {
    return this.current
  }

  /** Brings the copy to `changes.version`; the changes must start at this copy's version. */
  async apply(changes: LiveChanges): Promise<void> {
    if (changes.since !== this.current) throw new Error(`changes since version ${changes.since} applied to a copy at version ${this.current}`)
    const articles = new Map(changes.articles.map((article) => [article.id, article]))
    const tombstoned = new Set(changes.tombstoned)
    const touched = new Set([...articles.keys(), ...changes.removed, ...tombstoned, ...changes.untombstoned])
    const inBase = await this.base.holds([...touched])
    const hiddenAfter = (id: string) => inBase.has(id) && (articles.has(id) || tombstoned.has(id))
    // The one wait: the bodies of base articles hidden from now on. Every change after it is applied at once.
    const bodies = await this.base.articlesById([...touched].filter((id) => hiddenAfter(id) && !this.hidden.get(id)))
    for (const id of touched) {
      const article = articles.get(id)
      const before = this.live.get(id)
      if (before) {
        this.words.remove(before)
        this.facets.remove(id)
      }
      if (article) {
        this.live.put(article)
        this.words.add(article)
        this.facets.add(article)
      } else this.live.remove(id)
      if (tombstoned.has(id)) this.tombstones.add(id)
      else this.tombstones.delete(id)
      if (!hiddenAfter(id)) this.hidden.remove(id)
      else if (!this.hidden.get(id)) this.hidden.put(bodies.get(id)!)
    }
    this.current = changes.version
  }

  /** The one corpus at this copy's version. */
  view(): LiveView {
    const { corpus: base, current: version } = this
    if (!base) throw new Error('a live copy over a base read elsewhere has no view in process: use side()')
    if (this.live.size === 0 && this.hidden.size === 0) return { ...baseOnly(base), version, tombstones: new Set(this.tombstones) }
    const hiddenDocs = new Set(this.hidden.inIndexOrder().articles.map((article) => base.tables.shortId(article.id)!))
    const statistics = combinedStatistics(
      [indexStatistics(base.index), ...(this.live.size > 0 ? [this.live.statistics()] : [])],
      this.hidden.size > 0 ? [this.hidden.statistics()] : [],
    )
    const { articles, shortIds, positions } = this.live.inIndexOrder()
    const byId = new Map(articles.map((article) => [article.id, article]))
    const live: SearchCorpus | undefined =
      articles.length > 0
        ? {
            index: partIndex(this.live.index, { statistics, dense: { positions, shortIds, ids: articles.map((article) => article.id) } }),
            tables: liveTables(articles, this.facets.stored(articles), () => this.words.stored()),
            articlesById: async (ids) => new Map(ids.flatMap((id) => (byId.has(id) ? [[id, byId.get(id)!] as const] : []))),
          }
        : undefined
    return {
      version,
      byId,
      tombstones: new Set(this.tombstones),
      base: {
        index: partIndex(base.index, { statistics }),
        tables: base.tables,
        articlesById: (ids) => base.articlesById(ids),
        ...(base.shownById && { shownById: (ids: readonly string[]) => base.shownById!(ids) }),
        hidden: (doc) => hiddenDocs.has(doc),
      },
      ...(live ? { live } : {}),
    }
  }

  /** The segment's side of the one corpus at this copy's version, for a base read elsewhere. */
  side(): SegmentSide {
    const { articles, shortIds, positions } = this.live.inIndexOrder()
    const byId = new Map(articles.map((article) => [article.id, article]))
    const hiddenIds = this.hidden.inIndexOrder().articles.map((article) => article.id)
    return {
      version: this.current,
      byId,
      tombstones: new Set(this.tombstones),
      hiddenIds,
      ...(this.live.size > 0 ? { live: this.live.statisticsData() } : {}),
      ...(this.hidden.size > 0 ? { hidden: this.hidden.statisticsData() } : {}),
      liveTerms: this.live.size > 0 ? this.live.terms() : [],
      livePart: (statistics) =>
        articles.length > 0
          ? {
              index: partIndex(this.live.index, { statistics, dense: { positions, shortIds, ids: articles.map((article) => article.id) } }),
              tables: liveTables(articles, this.facets.stored(articles), () => this.words.stored()),
              articlesById: async (ids) => new Map(ids.flatMap((id) => (byId.has(id) ? [[id, byId.get(id)!] as const] : []))),
            }
          : undefined,
    }
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
