import type { RelatedArticle, StoredArticle } from '../article'
import type { LoadedBundle } from '../bundle/open'
import type { CatalogFact, FactQuery } from '../corpus-services/fact-catalog'
import type { SearchCorpus } from '../search/context'
import { suggestIndexOf } from '../search/context'
import { coordinatorOver, type GatherApi } from '../search/gather'
import { listArticles, listingKeys, type ListedArticle, type ListingKey, type ListingParams } from '../search/listing'
import { relatedArticles } from '../search/related'
import { searchArticles, type SearchParams, type SearchResponse } from '../search/search'
import { splitWords, unpackNumbers } from '../search/tables/sorted-words'
import type { FactKey, ShardApi, ShardHealth } from './gather'
import { associationCounts, suggestionCandidates, type AssociationCounts, type SuggestionCandidates } from './suggest-candidates'

/** What a shard knows of its place in the corpus (written by the build into its Worker). */
export type ShardPlace = {
  /** The whole corpus's position of this shard's first document (shards hold consecutive runs of the corpus). */
  firstPosition: number
}

/** A shard's side of every reader: its bundle read as one corpus, with the corpus-wide decisions taken through the front. */
export class Shard implements ShardApi {
  constructor(
    private readonly bundle: LoadedBundle,
    private readonly place: ShardPlace,
  ) {}

  search(params: SearchParams, shard: number, gather: GatherApi): Promise<SearchResponse> {
    return searchArticles(this.bundle, params, { coordinator: coordinatorOver(gather, shard, this.place.firstPosition) })
  }

  article(id: string): Promise<StoredArticle | undefined> {
    return this.bundle.article(id)
  }

  articles(ids: readonly string[]): Promise<Map<string, StoredArticle>> {
    return this.bundle.articlesById(ids)
  }

  /**
   * The shard's first `offset + limit` keys of a listing, in the listing's order (from the corpus tables, no body read),
   * and how many it has in all. The front merges these, then asks `listed` for the page.
   */
  listingKeys(params: ListingParams): Promise<{ total: number; keys: ListingKey[] }> {
    const keys = listingKeys(this.bundle, params)
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
  related(article: StoredArticle, limit: number): Promise<RelatedArticle[]> {
    return Promise.resolve(relatedArticles(this.bundle, article, limit))
  }

  /** Every completion the shard has for `q`, uncut (see `suggestionCandidates`). */
  suggest(q: string): Promise<SuggestionCandidates> {
    const { tables } = this.bundle
    return Promise.resolve(
      suggestionCandidates(
        suggestIndexOf(this.bundle),
        tables.lexicon,
        q,
        this.place.firstPosition,
        (id) => tables.shortId(id),
        (word) => this.wordRanks().get(word)!,
      ),
    )
  }

  /** What `suggest`'s association rule counts over the shard's articles for these completions of `q`'s last word. */
  associations(q: string, words: readonly string[]): Promise<AssociationCounts> {
    return Promise.resolve(associationCounts(suggestIndexOf(this.bundle), q, words, this.bundle.ids.length))
  }

  private ranks: Map<string, number> | undefined

  /** The corpus-wide rank of each of the shard's suggestion words. */
  private wordRanks(): Map<string, number> {
    if (!this.ranks) {
      const { words, ranks } = this.bundle.tables.suggestions
      const unpacked = unpackNumbers(ranks)
      this.ranks = new Map(splitWords(words).map((word, at) => [word, unpacked[at]!]))
    }
    return this.ranks
  }

  /**
   * The shard's first `offset + limit` facts of a query, as catalogue numbers
   * with their article's id and date (no article read), and its total. The
   * front merges these in catalogue order, then asks `factsAt` for the page.
   */
  async factKeys(query: FactQuery): Promise<{ total: number; facts: FactKey[] }> {
    return (await this.bundle.factCatalog()).window({ ...query, offset: 0, limit: query.offset + query.limit })
  }

  /** These facts (catalogue numbers), in this order, read from their articles. */
  async factsAt(facts: readonly number[]): Promise<CatalogFact[]> {
    return (await this.bundle.factCatalog()).factsAt(facts)
  }

  health(): Promise<ShardHealth> {
    const { ids, version, builtAt } = this.bundle
    return Promise.resolve({ documents: ids.length, version, builtAt })
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
