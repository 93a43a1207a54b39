import type { StoredArticle } from '../article'
import type { LoadedBundle } from '../bundle/open'
import type { SearchCoordinator } from '../search/coordinator'
import { tallyFacets } from '../search/facet-table'
import { searchArticles, type SearchParams, type SearchResponse } from '../search/search'
import type { GatherApi, ShardApi, ShardHealth } from './gather'

/** What a shard knows of its place in the corpus (written by the build into its Worker). */
export type ShardPlace = {
  /** The whole corpus's position of this shard's first document (shards hold consecutive runs of the corpus). */
  firstPosition: number
  /** The whole corpus's newest publication date (the recency decay's reference). */
  newestDate: string | undefined
}

/** A shard's side of the searches: its bundle searched as one index, with the corpus-wide decisions taken through the front. */
export class Shard implements ShardApi {
  constructor(
    private readonly bundle: LoadedBundle,
    private readonly place: ShardPlace,
  ) {}

  search(params: SearchParams, shard: number, gather: GatherApi): Promise<SearchResponse> {
    const { firstPosition, newestDate } = this.place
    const coordinator: SearchCoordinator = {
      firstPosition,
      sum: (step, local) => gather.sum(shard, step, local),
      max: (step, local) => gather.max(shard, step, local),
      unknownWords: (local) => gather.unknownWords(shard, [...local]),
      newestDate: () => newestDate,
      page: (ranked) => gather.page(shard, [...ranked]),
      facets: (table, docs, filters, limit) => gather.facets(shard, tallyFacets(table, docs, filters), limit),
    }
    return searchArticles(this.bundle, params, { coordinator })
  }

  article(id: string): Promise<StoredArticle | undefined> {
    return this.bundle.article(id)
  }

  health(): Promise<ShardHealth> {
    const { ids, version, builtAt } = this.bundle
    return Promise.resolve({ documents: ids.length, version, builtAt })
  }
}
