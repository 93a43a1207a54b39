import { loadMiniSearch, loadOrama, MINISEARCH_OPTIONS, openSerialised, searchOrama, type QueryKind, type Serialised } from '../lib/engines'
import { productSearch, productSuggest } from '../lib/product'
import type { QuerySet } from '../lib/queries'
import { summarize, timeEach, timeEachAsync, type Figure } from '../lib/stats'

export type LatencyRow = { kind: string; product: Figure; compact: Figure; miniSearch: Figure; orama?: Figure }

/** Warm, in-process latency of each query kind: one sample per query, `rounds` passes over the set. */
export async function queryLatency(serialised: Serialised, queries: QuerySet, rounds: number): Promise<{ rows: LatencyRow[]; suggest: Figure }> {
  const bundle = openSerialised(serialised)
  const miniSearch = loadMiniSearch(serialised.miniSearchJson)
  const orama = serialised.oramaJson ? await loadOrama(serialised.oramaJson) : undefined
  const rows: LatencyRow[] = []
  for (const kind of Object.keys(queries) as QueryKind[]) {
    const list = queries[kind]
    const inRange = (id: string, [from, to]: [number, number]) => {
      const day = serialised.days.get(id) ?? 0
      return day >= from && day <= to
    }
    const filterFor = (day?: [number, number]) => (day ? { filter: (result: { id: string }) => inRange(result.id, day) } : {})
    const row: LatencyRow = {
      kind,
      product: await timeEachAsync(list, rounds, (query) => productSearch(bundle, query)),
      compact: timeEach(list, rounds, ({ q, day }) => bundle.index.search(q, { ...MINISEARCH_OPTIONS[kind], ...filterFor(day) })),
      miniSearch: timeEach(list, rounds, ({ q, day }) => miniSearch.search(q, { ...MINISEARCH_OPTIONS[kind], ...filterFor(day) })),
    }
    if (orama) {
      const samples: number[] = []
      for (let round = 0; round <= rounds; round++) {
        for (const { q, day } of list) {
          const start = performance.now()
          await searchOrama(orama, kind, q, day)
          if (round > 0) samples.push(performance.now() - start)
        }
      }
      row.orama = summarize(samples)
    }
    rows.push(row)
  }
  const prefixes = queries.prefix.map(({ q }) => q)
  return { rows, suggest: timeEach(prefixes, rounds, (q) => productSuggest(bundle, q)) }
}
