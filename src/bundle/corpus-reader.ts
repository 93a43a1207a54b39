import type { RelatedArticle, StoredArticle } from '../article'
import type { ListingParams, ListingResponse } from '../search/listing'
import type { SearchParams, SearchResponse } from '../search/search'
import type { Suggestion } from '../search/suggest'
import type { FactPage, FactQuery } from '../corpus-services/fact-catalog'
import type { Entity } from '../analysis/facts/types'
import type { EntityFactFilter, EntityPage, EntityQuery } from '../corpus-services/entity-registry'
import type { EntityDetail } from '../corpus-services/entity-detail'
import type { DateRange, MapEntity, PlaceFigures } from '../corpus-services/place-figures'

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
  /** `GET /api/facts` without the entity filters (those go through `entities`). */
  facts(query: FactQuery): Promise<FactPage>
  /** Whether the base (the bundle, or the shards) holds this id, hidden by the live segment or not: a delete must tombstone it. */
  holds(id: string): Promise<boolean>
  /** The corpus's entity registry: built once for the whole corpus, whatever holds it. */
  readonly entities: EntityReader
  /** What the answers are made of, for ETags: the build's version and the live segment's (0: none). */
  version(): { bundle: string; live: number }
}

/** A place on an entity's map (the entity itself is the `focus`). */
export type EntityMapPoint = { id: string; name: string; lat: number; lon: number; figure: number; focus: boolean }

/**
 * What the API and the pages read of the entity registry: one bundle's
 * (src/bundle/entity-reader.ts) or a sharded build's, partitioned by entity
 * across the shards (src/shards/entity-reader.ts). Both answer alike.
 */
export type EntityReader = {
  /** `GET /api/entities`: best match first. */
  search(query: EntityQuery): Promise<EntityPage>
  /** `GET /api/entities/:id`; undefined for an unknown id. */
  detail(id: string): Promise<EntityDetail | undefined>
  /** The entity page: its detail and its map (itself, the places inside it and near it). */
  page(id: string): Promise<{ detail: EntityDetail; map: EntityMapPoint[] } | undefined>
  /**
   * `GET /api/facts` with entity filters (the build's facts only: live articles join the registry at the next build);
   * undefined when `filter.entity` is an id the registry does not have (a name that matches nothing is an empty page).
   */
  facts(filter: EntityFactFilter, query: FactQuery): Promise<FactPage | undefined>
  /** In one article's terms: the id each of its entities' names stands for (an article's "Biden" may be Hunter). */
  idsIn(entities: readonly Pick<Entity, 'name' | 'type'>[]): Promise<Map<string, string>>
  /** `/map`: every located place named in the range, most casualties first, then most articles. */
  places(range: DateRange): Promise<PlaceFigures<MapEntity>[]>
}
