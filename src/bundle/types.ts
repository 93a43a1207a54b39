import type { CompactIndexHeader } from '../search/index/compact-index'
import type { StoredTables } from '../search/tables/corpus-tables'

/**
 * What `npm run build` writes into the Worker's modules (generated/search.bundle,
 * next to the index's bytes in generated/search.bin): one JSON document whose
 * keys come in this order (see format.ts), so the Worker parses everything
 * before `tables` at start-up and the tables on the first search. The
 * articles themselves are in packs among the static assets.
 */
export type Bundle = {
  /** Changes whenever the bundle's content changes: used in ETags, health and the assets' names. */
  version: string
  builtAt: string
  /** The search index built with `INDEX_OPTIONS`, in the compact form of compact-index.ts: its header (the bytes are in the .bin file next to the bundle). */
  index: CompactIndexHeader
  /** How many articles each pack holds: article i is in pack ⌊i / packSize⌋. */
  packSize: number
  /** How many assets the facts table of `GET /api/facts` is cut into (see format.ts). */
  factParts: number
  /** How many assets the entity registry (or a shard's part of it) is cut into. */
  entityParts: number
  /** `articleOffsets[i]`: where article i's record (format.ts, `packRecord`) starts in its pack's text. */
  articleOffsets: number[]
  /** Each article's facet values and date, computed at build time: what a first search needs of every article without reading any. */
  tables: StoredTables
}
