/**
 * One scale point, measured in a fresh Node process so the heap figures are its
 * own: `node --expose-gc --import tsx bench/scale-probe.ts BUNDLE MINISEARCH_JSON QUERIES_JSON`.
 * The bundle is opened as the Worker opens it: its two modules in memory, the
 * article packs and the facts table read from the assets folder when a request
 * needs them (through the same `openBundle`, with a file reader for `env.ASSETS`).
 * Prints one JSON line.
 */
import { readFileSync } from 'node:fs'
import { FACT_TYPES } from '../src/corpus-services/fact-catalog'
import { openBundle } from '../src/bundle/open'
import { assetsDirOf, fileAssetReader, indexPathOf } from '../scripts/lib/bundle-files'
import { loadMiniSearch, MINISEARCH_OPTIONS } from './lib/engines'
import { productSearch } from './lib/product'
import type { BenchQuery } from './lib/queries'
import { summarize, timeEach } from './lib/stats'

const gc = (globalThis as { gc?: () => void }).gc
if (!gc) throw new Error('run with --expose-gc')
/** After a GC and a pause: Node releases the memory of dead Buffers a moment after the collection that finds them. */
const memory = async () => {
  for (let i = 0; i < 3; i++) {
    gc()
    await new Promise((done) => setTimeout(done, 20))
  }
  const usage = process.memoryUsage()
  return usage.heapUsed + usage.arrayBuffers
}

const [bundlePath, miniSearchPath, queriesPath] = process.argv.slice(2) as [string, string, string]
const queries = JSON.parse(readFileSync(queriesPath, 'utf8')) as BenchQuery[]
const baseline = await memory()
const text = readFileSync(bundlePath, 'utf8')
const indexBytes: Uint8Array = readFileSync(indexPathOf(bundlePath))
// What the Worker's two modules hold before any code runs: the bundle text and the index bytes.
const modules = await memory()

let start = performance.now()
const bundle = openBundle(text, indexBytes, fileAssetReader(assetsDirOf(bundlePath)))
bundle.index.search(queries[0]!.q, MINISEARCH_OPTIONS.faceted)
const indexStartMs = performance.now() - start
const afterIndex = await memory()
start = performance.now()
await productSearch(bundle, queries[0]!)
const firstProductSearchMs = performance.now() - start
const afterProduct = await memory()
const indexP99 = timeEach(queries, 3, ({ q }) => bundle.index.search(q, MINISEARCH_OPTIONS.faceted))

/**
 * A realistic mix, request after request as one isolate would serve them: a
 * search (its page's bodies read), the article of one of its hits, and a facts
 * query on the same word. The pack cache is what must stay bounded.
 */
const searchMs: number[] = []
const articleMs: number[] = []
const factsMs: number[] = []
const mixRounds = 3
let requests = 0
for (let round = 0; round < mixRounds; round++) {
  for (const [n, query] of queries.entries()) {
    start = performance.now()
    const page = (await productSearch(bundle, query)) as { hits?: Array<{ id: string }> }
    searchMs.push(performance.now() - start)
    const hitIds = page.hits?.map((hit) => hit.id) ?? []
    const articleId = hitIds[n % Math.max(1, hitIds.length)] ?? bundle.ids[(n * 7919 + round) % bundle.ids.length]!
    start = performance.now()
    await bundle.article(articleId)
    articleMs.push(performance.now() - start)
    start = performance.now()
    const catalog = await bundle.factCatalog()
    await catalog.query({ q: query.q.split(' ')[0]!, ...(n % 2 ? { type: FACT_TYPES[n % FACT_TYPES.length]! } : {}), limit: 20, offset: 0 })
    factsMs.push(performance.now() - start)
    requests += 3
  }
}
const afterMix = await memory()

let miniSearch: Record<string, number> | undefined
if (miniSearchPath !== '-') {
  const json = readFileSync(miniSearchPath, 'utf8')
  const before = await memory()
  start = performance.now()
  const index = loadMiniSearch(json)
  index.search(queries[0]!.q, MINISEARCH_OPTIONS.faceted)
  const loadMs = performance.now() - start
  miniSearch = { loadMs, heapBytes: (await memory()) - before, queryP99: timeEach(queries, 3, ({ q }) => index.search(q, MINISEARCH_OPTIONS.faceted)).p99 }
}

console.log(
  JSON.stringify({
    modulesBytes: modules - baseline,
    indexStartMs,
    indexOpenBytes: afterIndex - modules,
    firstProductSearchMs,
    productSearchBytes: afterProduct - modules,
    indexQuery: indexP99,
    productQuery: summarize(searchMs),
    mix: { requests, article: summarize(articleMs), facts: summarize(factsMs), heapBytes: afterMix - baseline },
    miniSearch,
  }),
)
