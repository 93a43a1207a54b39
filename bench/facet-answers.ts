/**
 * node --import tsx bench/facet-answers.ts CODE_ROOT SHARDED_DIR CORPUS.jsonl OUT.jsonl: the answers (totals, hit
 * ids, facet lists) of the scale bench's 200 searches (bench/sections/scale-shards.ts; from the titles of CORPUS's
 * first 10,000 articles), each plain and with three sets of filters made of its own facet values (as listed, upper
 * case and space-padded, lower case, with a value no article has), through the front's gathering over the build's
 * shards 0 and 1 and over shard 0 alone, written one answer a line; and the time the searches took. CODE_ROOT is the
 * checkout whose code answers: run it from two checkouts over the same build and compare the files (`cmp`) to see
 * that a change leaves every answer as it was.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join, resolve } from 'node:path'
import type { FacetFilters } from '../src/search/facets'
import type { SearchParams, SearchResponse } from '../src/search/search'
import { firstArticles, scaleQueries, searchParams } from './lib/queries'

const [root, dir, corpus, out] = process.argv.slice(2)
if (!root || !dir || !corpus || !out) {
  console.error('usage: node --import tsx bench/facet-answers.ts CODE_ROOT SHARDED_DIR CORPUS.jsonl OUT.jsonl')
  process.exit(2)
}
// The code under test is the checkout's, loaded by path: the same script compares any two.
const code = (path: string) => import(join(resolve(root), path))
const { openBundle } = (await code('src/bundle/open.ts')) as typeof import('../src/bundle/open')
const { searchShards } = (await code('src/shards/gather.ts')) as typeof import('../src/shards/gather')
const { Shard } = (await code('src/shards/shard.ts')) as typeof import('../src/shards/shard')
const { assetsDirOf, fileAssetReader, indexPathOf } = (await code('scripts/lib/bundle-files.ts')) as typeof import('../scripts/lib/bundle-files')

const searches: SearchParams[] = scaleQueries(firstArticles(corpus), 200).map(searchParams)
const shards = [0, 1].map((i) => {
  const path = join(dir, `shard-${i}`, 'search.bundle')
  const bundle = openBundle(new Uint8Array(readFileSync(path)), new Uint8Array(readFileSync(indexPathOf(path))), fileAssetReader(assetsDirOf(path)))
  return new Shard(bundle, { firstPosition: i * 10_000 })
})

const lines: string[] = []
let milliseconds = 0
for (const params of searches) {
  for (const parts of [shards, shards.slice(0, 1)]) {
    const started = performance.now()
    const plain = await searchShards(parts, params)
    const listed = (facet: keyof SearchResponse['facets'], count: number) => plain.facets[facet].slice(0, count).map(({ value }) => value)
    const filterSets: FacetFilters[] = [
      { person: listed('person', 2), year: listed('year', 1) },
      { organization: listed('organization', 1).map((value) => ` ${value.toUpperCase()} `), place: [...listed('place', 1), 'No Such Place 123'] },
      { country: listed('country', 3).map((value) => value.toLowerCase()), person: ['nobody at all'] },
    ]
    const answers = [plain]
    for (const filters of filterSets) answers.push(await searchShards(parts, { ...params, filters }))
    milliseconds += performance.now() - started
    for (const answer of answers) {
      lines.push(JSON.stringify({ q: params.q, shards: parts.length, total: answer.total, ids: answer.hits.map((hit) => hit.id), facets: answer.facets }))
    }
  }
}
writeFileSync(out, `${lines.join('\n')}\n`)
console.log(
  `${lines.length} answers, ${milliseconds.toFixed(0)} ms searching, load ${loadavg()
    .map((load) => load.toFixed(1))
    .join(' ')}`,
)
