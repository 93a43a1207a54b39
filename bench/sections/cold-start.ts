import { loadLunr, loadMiniSearch, loadOrama, MINISEARCH_OPTIONS, openSerialised, searchOrama, type Serialised } from '../lib/engines'
import { productSearch } from '../lib/product'
import type { QuerySet } from '../lib/queries'
import { timeAsync, timeSync, type Figure } from '../lib/stats'

export type ColdStart = {
  product: Figure
  indexOnly: Figure
  miniSearch: Figure
  orama: Figure | undefined
  lunr: Figure | undefined
  ratio: number
  productRatio: number
}

/**
 * From the serialised bytes (already in memory as a string, as a Worker's
 * module is) to the first query answered, each run from scratch. The product
 * row is what an isolate does on its first /api/search; "index only" stops at
 * MiniSearch's answer, the same work the other engines do.
 */
export async function coldStart(serialised: Serialised, queries: QuerySet, runs: number): Promise<ColdStart> {
  const first = queries.faceted[0]!
  const q = first.q
  const product = await timeAsync(runs, () => productSearch(openSerialised(serialised), first))
  const indexOnly = timeSync(runs, () => openSerialised(serialised).index.search(q, MINISEARCH_OPTIONS.faceted))
  const miniSearch = timeSync(runs, () => loadMiniSearch(serialised.miniSearchJson).search(q, MINISEARCH_OPTIONS.faceted))
  const orama = serialised.oramaJson ? await timeAsync(runs, async () => searchOrama(await loadOrama(serialised.oramaJson), 'faceted', q)) : undefined
  const lunr = serialised.lunrJson ? timeSync(runs, () => loadLunr(serialised.lunrJson).search(q)) : undefined
  return { product, indexOnly, miniSearch, orama, lunr, ratio: indexOnly.median / miniSearch.median, productRatio: product.median / miniSearch.median }
}

export type Equality = { queries: number; identical: number; sameIds: number; maxRelativeScoreDifference: number }

/** The compact index against MiniSearch.loadJSON of the same documents, over every query of every kind. */
export function compareResults(serialised: Serialised, queries: QuerySet): Equality {
  const compact = openSerialised(serialised).index
  const reference = loadMiniSearch(serialised.miniSearchJson)
  const result: Equality = { queries: 0, identical: 0, sameIds: 0, maxRelativeScoreDifference: 0 }
  for (const [kind, list] of Object.entries(queries) as [keyof QuerySet, QuerySet[keyof QuerySet]][]) {
    for (const { q } of list) {
      const ours = compact.search(q, MINISEARCH_OPTIONS[kind])
      const theirs = reference.search(q, MINISEARCH_OPTIONS[kind])
      result.queries++
      if (JSON.stringify(ours) === JSON.stringify(theirs)) result.identical++
      if (ours.map((hit) => hit.id).join('\n') === theirs.map((hit) => hit.id).join('\n')) result.sameIds++
      ours.forEach((hit, i) => {
        const other = theirs[i]?.score ?? 0
        const difference = Math.abs(hit.score - other) / Math.max(Math.abs(other), 1e-12)
        result.maxRelativeScoreDifference = Math.max(result.maxRelativeScoreDifference, difference)
      })
    }
  }
  return result
}
