import type { RelatedArticle, StoredArticle } from '../article'
import type { LoadedBundle } from '../bundle/open'
import type { ArticleRef, CatalogFact, FactQuery } from '../corpus-services/fact-catalog'
import type { SearchCorpus } from '../search/context'
import { suggestIndexOf } from '../search/context'
import { coordinatorOver, type GatherApi } from '../search/gather'
import { listArticles, listingKeys, type ListedArticle, type ListingKey, type ListingParams } from '../search/listing'
import { relatedArticles } from '../search/related'
import { searchArticles, type SearchParams, type SearchResponse } from '../search/search'
import type { FactKey, ShardApi, ShardHealth, ShardLive } from './gather'
import { combinedStatistics, indexStatistics, statisticsFromData, type StatisticsData } from '../search/corpus-statistics'
import { partIndex } from '../live/part-index'
import type { Entity } from '../analysis/facts/types'
import type { EntityQuery, StoredEntity } from '../corpus-services/entity-registry'
import type { DateRange } from '../corpus-services/place-figures'
import {
  RegistryPart,
  type EntityFocus,
  type EntityRequest,
  type FactCondition,
  type PartDetail,
  type RankedPlace,
  type RankedPoint,
  type RankedSummary,
} from './entity-parts'
import { associationCounts, suggestionCandidates, type AssociationCounts, type SuggestionCandidates } from './suggest-candidates'

/** What a shard knows of its place in the corpus (written by the build into its Worker). */
export type ShardPlace = {
  /** The whole corpus's position of this shard's first document (shards hold consecutive runs of the corpus). */
  firstPosition: number
}

/** What a shard reads: a shard Worker's bundle, or a sharded front's live articles as one more part (src/shards/live.ts). */
export type ShardCorpus = SearchCorpus & Pick<LoadedBundle, 'article' | 'factCatalog' | 'entitiesText' | 'ids' | 'version' | 'builtAt'>

const NONE_HIDDEN: ReadonlySet<string> = new Set()

/** A shard's corpus with the live segment's changes: scored with the whole corpus's statistics, the hidden base articles skipped. */
type WithLive = { corpus: ShardCorpus; hiddenIds: ReadonlySet<string> }

/** A shard's side of every reader: its bundle read as one corpus, with the corpus-wide decisions taken through the front. */
export class Shard implements ShardApi {
  /** What the last version of the live segment made of this shard's corpus (`ShardLive.key`). */
  private withLive: { key: string; made: WithLive } | undefined

  constructor(
    private readonly bundle: ShardCorpus,
    private readonly place: ShardPlace,
  ) {}

  search(params: SearchParams, shard: number, gather: GatherApi, live?: ShardLive): Promise<SearchResponse> {
    return searchArticles(this.over(live).corpus, params, { coordinator: coordinatorOver(gather, shard, this.place.firstPosition) })
  }

  async article(id: string, live?: ShardLive): Promise<StoredArticle | undefined> {
    return this.over(live).hiddenIds.has(id) ? undefined : this.bundle.article(id)
  }

  articles(ids: readonly string[], live?: ShardLive): Promise<Map<string, StoredArticle>> {
    const { hiddenIds } = this.over(live)
    return this.bundle.articlesById(ids.filter((id) => !hiddenIds.has(id)))
  }

  holds(ids: readonly string[]): Promise<string[]> {
    return Promise.resolve(ids.filter((id) => this.bundle.tables.shortId(id) !== undefined))
  }

  statistics(terms: readonly string[]): Promise<StatisticsData> {
    const { documentCount, fieldLengthSums, documentFrequency } = indexStatistics(this.bundle.index)
    const fields = fieldLengthSums.map((_, fieldId) => fieldId)
    return Promise.resolve({
      documentCount,
      fieldLengthSums,
      frequencies: terms.flatMap((term) => {
        const byField = fields.map((fieldId) => documentFrequency(term, fieldId))
        return byField.some((count) => count > 0) ? [[term, byField] as [string, number[]]] : []
      }),
    })
  }

  /**
   * The shard's corpus under a sharded front's live segment: its index read
   * with the statistics of the whole corpus (its own corpus-wide ones, plus
   * the live articles', less the hidden base articles', summed in the order
   * the one Worker sums them: `LiveCopy.view`), and the hidden articles
   * skipped. Made once per version of the segment.
   */
  private over(live: ShardLive | undefined): WithLive {
    if (!live) return { corpus: this.bundle, hiddenIds: NONE_HIDDEN }
    if (this.withLive?.key === live.key) return this.withLive.made
    const { bundle } = this
    const statistics = combinedStatistics(
      [indexStatistics(bundle.index), ...(live.live ? [statisticsFromData(live.live)] : [])],
      live.hidden ? [statisticsFromData(live.hidden)] : [],
    )
    const hiddenIds = new Set(live.hiddenIds.filter((id) => bundle.tables.shortId(id) !== undefined))
    const hiddenDocs = new Set([...hiddenIds].map((id) => bundle.tables.shortId(id)!))
    const corpus: ShardCorpus = {
      ...pick(bundle),
      index: partIndex(bundle.index, { statistics }),
      hidden: (doc) => hiddenDocs.has(doc),
    }
    this.withLive = { key: live.key, made: { corpus, hiddenIds } }
    return this.withLive.made
  }

  /**
   * The shard's first `offset + limit` keys of a listing, in the listing's order (from the corpus tables, no body read),
   * and how many it has in all. The front merges these, then asks `listed` for the page.
   */
  listingKeys(params: ListingParams, live?: ShardLive): Promise<{ total: number; keys: ListingKey[] }> {
    const keys = listingKeys(this.over(live).corpus, params)
    return Promise.resolve({ total: keys.length, keys: keys.slice(0, params.offset + params.limit) })
  }

  /** The listing entries of these articles (bodies read), in the listing's order. */
  async listed(ids: readonly string[], sort: ListingParams['sort']): Promise<ListedArticle[]> {
    const { tables } = this.bundle
    const wanted = new Set(ids.map((id) => tables.shortId(id)))
    const only = { ...this.corpus((some) => this.bundle.articlesById(some)), hidden: (doc: number) => !wanted.has(doc) }
    return (await listArticles(only, { sort, offset: 0, limit: ids.length })).articles
  }

  /** The shard's best `limit` related articles (the corpus-wide best `limit` are among the shards' together). */
  related(article: StoredArticle, limit: number, live?: ShardLive): Promise<RelatedArticle[]> {
    return Promise.resolve(relatedArticles(this.over(live).corpus, article, limit))
  }

  /** Every completion the shard has for `q`, uncut (see `suggestionCandidates`). */
  suggest(q: string): Promise<SuggestionCandidates> {
    const { tables } = this.bundle
    const index = suggestIndexOf(this.bundle)
    // The corpus-wide rank of each of the shard's suggestion words, looked up in its sorted words (a Map of them was 40,000 more strings).
    return Promise.resolve(
      suggestionCandidates(
        index,
        tables.lexicon,
        q,
        this.place.firstPosition,
        (id) => tables.shortId(id),
        (word) => index.rankOf(word)!,
      ),
    )
  }

  /** What `suggest`'s association rule counts over the shard's articles for these completions of `q`'s last word. */
  associations(q: string, words: readonly string[]): Promise<AssociationCounts> {
    return Promise.resolve(associationCounts(suggestIndexOf(this.bundle), q, words, this.bundle.ids.length))
  }

  /**
   * The shard's first `offset + limit` facts of a query, as catalogue numbers
   * with their article's id and date (no article read), and its total. The
   * front merges these in catalogue order, then asks `factsAt` for the page.
   */
  async factKeys(query: FactQuery, live?: ShardLive): Promise<{ total: number; facts: FactKey[] }> {
    const { hiddenIds } = this.over(live)
    const hidden = hiddenIds.size > 0 ? { hidden: (id: string) => hiddenIds.has(id) } : {}
    return (await this.bundle.factCatalog()).window({ ...query, ...hidden, offset: 0, limit: query.offset + query.limit })
  }

  /** These facts (catalogue numbers), in this order, read from their articles. */
  async factsAt(facts: readonly number[]): Promise<CatalogFact[]> {
    return (await this.bundle.factCatalog()).factsAt(facts)
  }

  health(): Promise<ShardHealth> {
    const { ids, version, builtAt } = this.bundle
    return Promise.resolve({ documents: ids.length, version, builtAt })
  }

  private part: Promise<RegistryPart> | undefined

  /**
   * The shard's part of the corpus's entity registry: its entities, and its articles' facts by entity (fetched on
   * first use). A shard's entities asset holds this part, not a registry: `bundle.entityRegistry()` is the one Worker's.
   */
  private registry(): Promise<RegistryPart> {
    this.part ??= this.bundle.entitiesText().then(RegistryPart.open, (error: unknown) => {
      // A failed fetch is not remembered: the next request tries again.
      this.part = undefined
      throw error
    })
    return this.part
  }

  async entitySearch(query: EntityQuery): Promise<{ total: number; hits: RankedSummary[] }> {
    return (await this.registry()).search(query)
  }

  async entityConditions(requests: readonly EntityRequest[]): Promise<Array<FactCondition | null>> {
    return (await this.registry()).conditions(requests)
  }

  async entityIdsIn(entities: readonly Pick<Entity, 'name' | 'type'>[]): Promise<Array<[string | null, string | null]>> {
    return (await this.registry()).idsIn(entities)
  }

  async entityDetail(id: string): Promise<PartDetail | undefined> {
    return (await this.registry()).detail(id)
  }

  async entityNames(ranks: readonly number[]): Promise<Array<[number, Pick<StoredEntity, 'id' | 'name' | 'type'>]>> {
    return (await this.registry()).names(ranks)
  }

  async placesInside(focus: EntityFocus): Promise<number> {
    return (await this.registry()).placesInside(focus)
  }

  async mapPlaces(range: DateRange): Promise<RankedPlace[]> {
    return (await this.registry()).places(range)
  }

  async mapAround(focus: EntityFocus): Promise<RankedPoint[]> {
    return (await this.registry()).around(focus)
  }

  /** As `factKeys`, over the facts that meet the conditions (this shard's facts filed by entity at build time). */
  async entityFactKeys(conditions: readonly FactCondition[], query: FactQuery): Promise<{ total: number; facts: FactKey[] }> {
    const only = (await this.registry()).factNumbers(conditions)
    return (await this.bundle.factCatalog()).window({ ...query, only, offset: 0, limit: query.offset + query.limit })
  }

  /** The titles and dates of the articles at these corpus positions that this shard holds. */
  articleRefs(positions: readonly number[]): Promise<Array<[number, ArticleRef]>> {
    const { ids, tables } = this.bundle
    const first = this.place.firstPosition
    return Promise.resolve(
      positions.flatMap((position) => {
        const doc = position - first
        if (doc < 0 || doc >= ids.length) return []
        const date = tables.dates[doc]
        return [[position, { id: ids[doc]!, title: tables.titles[doc]!, ...(date ? { date } : {}) }] as [number, ArticleRef]]
      }),
    )
  }

  /** The bundle as a corpus whose bodies come from `articlesById`; the index is opened only if a reader asks for it. */
  private corpus(articlesById: SearchCorpus['articlesById']): SearchCorpus {
    const { bundle } = this
    return {
      get index() {
        return bundle.index
      },
      tables: bundle.tables,
      articlesById,
    }
  }
}

/** A shard corpus's members, read once (the bundle's `index` is a getter that opens the index). */
function pick(corpus: ShardCorpus): Omit<ShardCorpus, 'index' | 'hidden'> {
  const { tables, articlesById, shownById, article, factCatalog, entitiesText, ids, version, builtAt } = corpus
  return { tables, articlesById, ...(shownById && { shownById }), article, factCatalog, entitiesText, ids, version, builtAt }
}
