/**
 * node --expose-gc --import tsx bench/shard-heap.ts SHARD_DIR CORPUS.jsonl [--queries=200] [--pack-budget=N] [--text]:
 * what holds one shard's heap, measured in process (Node's V8, the engine
 * workerd runs): the shard opened from its files as its Worker opens it, then
 * the scale bench's searches (bench/sections/scale-shards.ts; from the titles
 * of CORPUS's first 10,000 articles) through the front's gathering over this
 * shard alone. After each step a forced GC, then the JS heap used and the
 * memory outside it (ArrayBuffer backing stores): each step's growth is what
 * it keeps; last, the lookup tables the searches did not read, as other
 * requests would read them. The bundle's module is held as the shard's Worker holds it: its
 * bytes (a Data module), or with `--text` as a Text module was held before (a
 * string, two bytes a character when any character is not Latin-1); the pack
 * budget is the shard's (`SHARD_PACK_BUDGET`) unless `--pack-budget` says otherwise.
 */
import { existsSync, readFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import { openBundle } from '../src/bundle/open'
import type { SearchParams } from '../src/search/search'
import { searchShards } from '../src/shards/gather'
import { Shard } from '../src/shards/shard'
import { SHARD_PACK_BUDGET } from '../src/bundle/packs'
import { assetsDirOf, fileAssetReader, figuresPathOf, indexPathOf } from '../scripts/lib/bundle-files'
import { firstArticles, scaleQueries, searchParams } from './lib/queries'

const [dir, corpus] = process.argv.slice(2).filter((arg) => !arg.startsWith('--'))
const gc = (globalThis as { gc?: () => void }).gc
if (!dir || !corpus || !gc) {
  console.error('usage: node --expose-gc --import tsx bench/shard-heap.ts SHARD_DIR CORPUS.jsonl [--queries=200] [--pack-budget=N]')
  process.exit(2)
}
const option = (name: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1]
const count = Number(option('queries') ?? 200)
const packBudget = Number(option('pack-budget') ?? SHARD_PACK_BUDGET)
const asText = process.argv.includes('--text')

const searches: SearchParams[] = scaleQueries(firstArticles(corpus), count).map(searchParams)

const rows: string[] = []
let last = { heap: 0, external: 0 }
const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(1)
function step(name: string) {
  for (let i = 0; i < 3; i++) gc!()
  const { heapUsed, external } = process.memoryUsage()
  rows.push(`| ${name} | ${mib(heapUsed - last.heap)} | ${mib(external - last.external)} | ${mib(heapUsed)} | ${mib(external)} |`)
  last = { heap: heapUsed, external }
}

step('the process, the code and the queries')
const bundlePath = join(dir, 'search.bundle')
const module = asText ? readFileSync(bundlePath, 'utf8') : new Uint8Array(readFileSync(bundlePath))
const indexBytes = new Uint8Array(readFileSync(indexPathOf(bundlePath)))
step(
  `the modules: search.bundle as ${asText ? `text (${module.length.toLocaleString('en')} characters)` : `bytes (${module.length.toLocaleString('en')})`}, search.bin (${indexBytes.length.toLocaleString('en')} bytes)`,
)
// Asset reads counted: what a smaller pack budget costs is packs read again.
const readFile = fileAssetReader(assetsDirOf(bundlePath))
let assetReads = 0
const bundle = openBundle(
  module,
  indexBytes,
  (name) => {
    assetReads++
    return readFile(name)
  },
  { packBudget, ...(existsSync(figuresPathOf(bundlePath)) && { figures: new Uint8Array(readFileSync(figuresPathOf(bundlePath))) }) },
)
step('opened: the header (ids, article offsets, index header)')
void bundle.index.documentCount
step('the index opened')
const { facets, dates } = bundle.tables
void facets
void dates
step('the search tables: dates, facet columns')
void bundle.tables.lexicon
step('the lexicon (every search reads it; the other lookup tables are parsed apart, when a request needs them)')
void bundle.tables.shortId(bundle.ids[0]!)
step('the short-id map')
const shard = new Shard(bundle, { firstPosition: 0 })
await searchShards([shard], searches[0]!)
step('after the first search (what any search opens)')
for (const params of searches.slice(1)) await searchShards([shard], params)
step(`after ${searches.length} searches (packs kept up to ${packBudget.toLocaleString('en')} characters, scratch, caches)`)
// What the searches did not read, as other requests would: related articles, sorting by title, suggestions.
void bundle.tables.titles
void bundle.tables.urls
step('then the titles and urls (related articles, sorting by title), if the searches had not read them')
for (const params of searches) await shard.suggest(params.q)
step(`then ${searches.length} suggestions (the shard's part of /api/suggest for each search's words: the suggestion index parsed and unpacked)`)

console.log(`${assetReads} asset reads over ${searches.length} searches (pack budget ${packBudget.toLocaleString('en')} characters)`)
console.log(
  `load ${loadavg()
    .map((load) => load.toFixed(1))
    .join(' ')}`,
)
console.log('| step | JS heap MiB added | outside the heap MiB added | JS heap MiB | outside MiB |\n| --- | --- | --- | --- | --- |')
console.log(rows.join('\n'))
