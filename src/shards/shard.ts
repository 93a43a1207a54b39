import type { StoredArticle } from '../article'
import type { LoadedBundle } from '../bundle/open'
import { coordinatorOver, type GatherApi } from '../search/gather'
import { searchArticles, type SearchParams, type SearchResponse } from '../search/search'
import type { ShardApi, ShardHealth } from './gather'

/** What a shard knows of its place in the corpus (written by the build into its Worker). */
export type ShardPlace = {
  /** The whole corpus's position of this shard's first document (shards hold consecutive runs of the corpus). */
  firstPosition: number
}

/** A shard's side of the searches: its bundle searched as one index, with the corpus-wide decisions taken through the front. */
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

  health(): Promise<ShardHealth> {
    const { ids, version, builtAt } = this.bundle
    return Promise.resolve({ documents: ids.length, version, builtAt })
  }
}
