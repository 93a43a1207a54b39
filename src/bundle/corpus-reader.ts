import type { RelatedArticle, StoredArticle } from '../article'
import type { LoadedBundle } from './open'
import type { ListingParams, ListingResponse } from '../search/listing'
import type { SearchParams, SearchResponse } from '../search/search'
import type { Suggestion } from '../search/suggest'
import type { FactPage, FactQuery } from '../corpus-services/fact-catalog'

/**
 * Everything the API and the pages read of the corpus, whatever holds it: one
 * Worker's bundle with its live segment (src/live/reader.ts), or the shards of
 * a sharded build asked by their front Worker (src/shards/reader.ts). The
 * routes take it from `c.var.reader`, so both serve the same routes and the
 * same answers.
 */
export type CorpusReader = {
  search(params: SearchParams): Promise<SearchResponse>
  /** `GET /api/articles`: browsing. */
  list(params: ListingParams): Promise<ListingResponse>
  /** Articles by id (unknown ids are left out). */
  articles(ids: readonly string[]): Promise<Map<string, StoredArticle>>
  /** The articles related to `article`, best first. */
  related(article: StoredArticle, limit: number): Promise<RelatedArticle[]>
  /** Completions of what has been typed so far. */
  suggest(q: string, limit: number): Promise<Suggestion[]>
  /** `GET /api/facts` without the entity filters (those go through `bundle`'s registry). */
  facts(query: FactQuery): Promise<FactPage>
  /** Whether the base (the bundle, or the shards) holds this id, hidden by the live segment or not: a delete must tombstone it. */
  holds(id: string): Promise<boolean>
  /** What the answers are made of, for ETags: the build's version and the live segment's (0: none). */
  version(): { bundle: string; live: number }
  /**
   * The one bundle, where the corpus is one: its entity registry and the fact
   * numbers the registry's filters name. A sharded front has none (each shard's
   * registry covers its own articles only), so what needs it is not served there.
   */
  readonly bundle: LoadedBundle | undefined
}
