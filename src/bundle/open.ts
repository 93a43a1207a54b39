import type MiniSearch from 'minisearch'
import { EntityRegistry } from '../corpus-services/entity-registry'
import { FactCatalog } from '../corpus-services/fact-catalog'
import { reviveTables, type CorpusTables, type OpenedTables } from '../search/tables/corpus-tables'
import { loadIndex } from '../search/search'
import type { SearchDocument } from '../search/options'
import { articleInPack, entitiesAsset, factsAsset, packAsset, parseBundle, parseModule, shownInPack, type BundleHeader, type BundleModule } from './format'
import type { StoredSuggestions } from '../search/suggest'
import { PackCache, type AssetReader } from './packs'
import type { ShownArticle } from '../search/context'
import type { StoredArticle } from '../article'

export type LoadedBundle = {
  readonly version: string
  readonly builtAt: string
  /** Opened on first use, so requests that do not search (health, one article) never pay for it. */
  readonly index: MiniSearch<SearchDocument>
  /** Article ids in index order (short id i = ids[i]). */
  readonly ids: readonly string[]
  /** Build-time per-article tables (src/search/tables/corpus-tables.ts): revived on first use. */
  readonly tables: CorpusTables
  has(id: string): boolean
  /** One article's body; undefined for an unknown id. */
  article(id: string): Promise<StoredArticle | undefined>
  /** Several bodies at once (one fetch per pack): only the ids asked for. */
  articlesById(ids: readonly string[]): Promise<Map<string, StoredArticle>>
  /** `articlesById` of only what a search hit shows, read from the packs without parsing JSON (`shownInPack`). */
  shownById(ids: readonly string[]): Promise<Map<string, ShownArticle>>
  /** `GET /api/facts`'s catalogue: its build-time table is fetched on first use. */
  factCatalog(): Promise<FactCatalog>
  /** The corpus's entities, merged across articles: its asset is fetched on first use. */
  entityRegistry(): Promise<EntityRegistry>
  /** The registry's JSON text as the build wrote it (a shard's is its part of the corpus's registry), read anew on each call. */
  entitiesText(): Promise<string>
}

export type OpenOptions = {
  /** Characters of article packs kept per isolate (see packs.ts). */
  packBudget?: number
  /** A shard's corpus figures (its `figures.bin` module: src/search/index/shard-figures.ts), without which its index does not open. */
  figures?: Uint8Array
  /**
   * A shard's parts that depend on the whole corpus, which its build rewrites at every build while the bundle
   * holds only what its own articles give (scripts/lib/sharded-build.ts): its suggestion index (its
   * `suggestions.bin` module) and its part of the entity registry (`entityParts` assets under the build's folder).
   */
  suggestions?: BundleModule
  entities?: { version: string; parts: number }
}

/**
 * A bundle made searchable from the Worker's two modules (the header and
 * tables, as bytes or text: `BundleModule`, and the index's bytes; a shard's third, its figures, in `options`)
 * and a reader of its static assets: the header is parsed
 * now; the index, the tables and every article are opened when first needed.
 */
export function openBundle(module: BundleModule, indexBytes: Uint8Array, readAsset: AssetReader, options: OpenOptions = {}): LoadedBundle {
  const parsed = parseBundle(module)
  const { header } = parsed
  const { version, builtAt, index: indexHeader } = header
  const ids = indexHeader.ids
  const positions = new Map(ids.map((id, i) => [id, i]))
  const packs = new PackCache(readAsset, options.packBudget)
  let index: MiniSearch<SearchDocument> | undefined
  let tables: CorpusTables | undefined
  let catalog: Promise<FactCatalog> | undefined
  let registry: Promise<EntityRegistry> | undefined
  /** The packs' asset names, made once each. */
  const packNames: string[] = []

  /** The articles of `wanted` the bundle has, each read from its pack's text by `read`; one fetch per pack. */
  const readArticles = async <T>(
    wanted: readonly string[],
    read: (header: BundleHeader, packText: string, i: number, id: string) => T,
  ): Promise<Map<string, T>> => {
    // A pack's place in `texts`, by pack: a search page's ids need no array per pack.
    const fetchOf = new Map<number, number>()
    const texts: (string | Promise<string>)[] = []
    let fetching = false
    for (let w = 0; w < wanted.length; w++) {
      const i = positions.get(wanted[w]!)
      if (i === undefined) continue
      const pack = Math.floor(i / header.packSize)
      if (fetchOf.has(pack)) continue
      fetchOf.set(pack, texts.length)
      const name = (packNames[pack] ??= packAsset(version, pack))
      // A pack the cache holds is read at once: no promise per pack, nor Promise.all's function per element.
      const held = packs.held(name)
      fetching ||= held === undefined
      texts.push(held ?? packs.text(name))
    }
    // Promise.all, not an await of each in turn: a failed read is then never left without its handler while another is awaited.
    const packTexts = fetching ? await Promise.all(texts) : (texts as string[])
    const found = new Map<string, T>()
    for (let w = 0; w < wanted.length; w++) {
      const id = wanted[w]!
      const i = positions.get(id)
      if (i !== undefined) found.set(id, read(header, packTexts[fetchOf.get(Math.floor(i / header.packSize))!]!, i, id))
    }
    return found
  }
  const articlesById = (wanted: readonly string[]) => readArticles(wanted, articleInPack)

  const bundle: LoadedBundle = {
    version,
    builtAt,
    ids,
    get index() {
      return (index ??= loadIndex({ header: indexHeader, binary: indexBytes, ...(options.figures && { figures: options.figures }) }))
    },
    get tables() {
      return (tables ??= reviveTables(withSuggestions(parsed.tables(), options.suggestions), ids, (id) => positions.get(id)))
    },
    has: (id) => positions.has(id),
    article: async (id) => (await articlesById([id])).get(id),
    articlesById,
    shownById: (wanted) => readArticles(wanted, shownInPack),
    factCatalog() {
      catalog ??= Promise.all(Array.from({ length: header.factParts }, (_, part) => readAsset(factsAsset(version, part)))).then(
        (parts) => FactCatalog.open(parts.join(''), bundle),
        (error: unknown) => {
          // A failed fetch is not remembered: the next request tries again.
          catalog = undefined
          throw error
        },
      )
      return catalog
    },
    entitiesText: () => {
      const { version: folder, parts } = options.entities ?? { version, parts: header.entityParts }
      return Promise.all(Array.from({ length: parts }, (_, part) => readAsset(entitiesAsset(folder, part)))).then((texts) => texts.join(''))
    },
    entityRegistry() {
      registry ??= bundle.entitiesText().then(EntityRegistry.open, (error: unknown) => {
        registry = undefined
        throw error
      })
      return registry
    },
  }
  return bundle
}

/** The tables with the suggestion index read from its own module when the shard's build wrote it apart. */
function withSuggestions(tables: OpenedTables, module: BundleModule | undefined): OpenedTables {
  const { lookup } = tables
  const suggestions = (): StoredSuggestions => {
    if (module) return parseModule<StoredSuggestions>(module)
    const stored = lookup.suggestions() as StoredSuggestions | null
    if (stored === null) throw new Error("This shard's suggestion index is a module of its own: open its bundle with it (rebuild with npm run build).")
    return stored
  }
  return { search: tables.search, lookup: { titles: lookup.titles, urls: lookup.urls, lexicon: lookup.lexicon, suggestions } }
}
