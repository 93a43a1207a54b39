/**
 * One scale point, measured in a fresh Node process so the heap figures are its
 * own: `node --expose-gc --import tsx bench/scale-probe.ts BUNDLE MINISEARCH_JSON QUERIES_JSON`.
 * Prints one JSON line.
 */
import { readFileSync } from 'node:fs'
import { openBundle } from '../src/bundle/open'
import { loadMiniSearch, MINISEARCH_OPTIONS } from './lib/engines'
import { productSearch } from './lib/product'
import type { BenchQuery } from './lib/queries'
import { timeEach, timeEachAsync } from './lib/stats'

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
const indexBytes: Uint8Array = readFileSync(bundlePath.replace(/\.bundle$/, '.bin'))
// What the Worker's two modules hold before any code runs: the bundle text and the index bytes.
const modules = await memory()

let start = performance.now()
const bundle = openBundle(text, indexBytes)
bundle.index.search(queries[0]!.q, MINISEARCH_OPTIONS.faceted)
const indexStartMs = performance.now() - start
const afterIndex = await memory()
start = performance.now()
await productSearch(bundle, queries[0]!)
const firstProductSearchMs = performance.now() - start
const afterProduct = await memory()
const indexP99 = timeEach(queries, 3, ({ q }) => bundle.index.search(q, MINISEARCH_OPTIONS.faceted))
const productP99 = await timeEachAsync(queries, 3, (query) => productSearch(bundle, query))

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
    productQuery: productP99,
    miniSearch,
  }),
)
