import { count, create, insertMultiple, search as oramaSearch, type AnyOrama } from '@orama/orama'
import { persist, restore } from '@orama/plugin-data-persistence'
import lunr from 'lunr'
import MiniSearch, { type SearchOptions } from 'minisearch'
import { serializeBundle } from '../../src/bundle/format'
import { openBundle, type LoadedBundle } from '../../src/bundle/open'
import type { StoredArticle } from '../../src/article'
import { serializeCompactIndex } from '../../src/search/index/compact-index'
import { INDEX_OPTIONS, type SearchDocument } from '../../src/search/options'
import { buildIndex, toSearchDocument } from '../../src/search/search'

/** Every engine's serialised form of the same documents: what each would ship to the edge and load there. */
export type Serialised = {
  documents: SearchDocument[]
  /** Publication day per document id, for the date-filtered queries of the engines without this product's filters. */
  days: Map<string, number>
  /** The Worker's module text (generated/search.bundle). */
  bundle: string
  /** The static assets (article packs, facts table) by name, read from memory by `openSerialised`. */
  assets: ReadonlyMap<string, string>
  /** The compact index's bytes (generated/search.bin). */
  indexBytes: Uint8Array
  miniSearchJson: string
  oramaJson: string
  lunrJson: string
  buildMs: { index: number; compact: number }
}

const ORAMA_SCHEMA = { id: 'string', title: 'string', summary: 'string', entities: 'string', text: 'string', day: 'number' } as const

export function dayNumber(date: string | undefined): number {
  return date ? Math.floor(Date.parse(date) / 86_400_000) : 0
}

export async function serialiseAll(articles: readonly StoredArticle[], engines: { orama: boolean; lunr: boolean }): Promise<Serialised> {
  const documents = articles.map(toSearchDocument)
  let start = performance.now()
  const index = buildIndex(articles)
  const indexMs = performance.now() - start
  start = performance.now()
  const compact = serializeCompactIndex(index)
  const { text: bundle, assets } = serializeBundle({ version: 'bench', builtAt: new Date(0).toISOString(), index: compact.header }, articles)
  const compactMs = performance.now() - start
  const miniSearchJson = JSON.stringify(index)
  let oramaJson = ''
  if (engines.orama) {
    const db = create({ schema: ORAMA_SCHEMA })
    await insertMultiple(
      db,
      articles.map((article, i) => ({ ...documents[i]!, day: dayNumber(article.date) })),
    )
    oramaJson = (await persist(db, 'json')) as string
  }
  let lunrJson = ''
  if (engines.lunr) {
    lunrJson = JSON.stringify(
      lunr(function () {
        this.ref('id')
        for (const field of ['title', 'summary', 'entities', 'text']) this.field(field)
        for (const document of documents) this.add(document)
      }),
    )
  }
  const days = new Map(articles.map((article) => [article.id, dayNumber(article.date)]))
  return { documents, days, bundle, assets, indexBytes: compact.binary, miniSearchJson, oramaJson, lunrJson, buildMs: { index: indexMs, compact: compactMs } }
}

/** The product's bundle as an isolate opens it, its assets answered from memory (no I/O in the timings). */
export function openSerialised(serialised: Serialised): LoadedBundle {
  return openBundle(serialised.bundle, serialised.indexBytes, async (name) => {
    const asset = serialised.assets.get(name)
    if (asset === undefined) throw new Error(`no asset ${name}`)
    return asset
  })
}

export function loadMiniSearch(json: string): MiniSearch<SearchDocument> {
  return MiniSearch.loadJSON<SearchDocument>(json, INDEX_OPTIONS)
}

export async function loadOrama(json: string): Promise<AnyOrama> {
  const db = await restore<AnyOrama>('json', json)
  if (count(db) === 0) throw new Error('Orama restored an empty database')
  return db
}

export function loadLunr(json: string): lunr.Index {
  return lunr.Index.load(JSON.parse(json))
}

/** The query kinds of the latency table, expressed for each engine. */
export type QueryKind = 'exact' | 'typo' | 'prefix' | 'faceted' | 'filtered'

export const MINISEARCH_OPTIONS: Record<QueryKind, SearchOptions> = {
  exact: { combineWith: 'AND' },
  typo: { combineWith: 'AND', fuzzy: 0.2 },
  prefix: { combineWith: 'AND', prefix: true },
  faceted: { combineWith: 'AND', prefix: true, fuzzy: 0.2 },
  filtered: { combineWith: 'AND', prefix: true, fuzzy: 0.2 },
}

export async function searchOrama(db: AnyOrama, kind: QueryKind, term: string, range?: [number, number]) {
  return oramaSearch(db, {
    term,
    limit: 10,
    properties: ['title', 'summary', 'entities', 'text'],
    ...(kind === 'typo' || kind === 'faceted' || kind === 'filtered' ? { tolerance: 1 } : {}),
    ...(kind === 'exact' || kind === 'typo' ? { exact: true } : {}),
    ...(kind === 'filtered' && range ? { where: { day: { between: range } } } : {}),
    ...(kind === 'faceted'
      ? {
          facets: {
            day: {
              ranges: [
                { from: 0, to: 15000 },
                { from: 15000, to: 30000 },
              ],
            },
          },
        }
      : {}),
  })
}
