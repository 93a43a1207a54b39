/**
 * npx tsx bench/shards-calls.ts WORK CORPUS.jsonl [--queries=200] [--plain]: what a
 * search through the front asks of each shard, measured in process on a
 * sharded build the scale bench (or `npm run build`) wrote into WORK (its
 * `sharded/` folder): the shards opened from their files as their Workers open
 * them, the front's gathering as the front runs it, the scale bench's searches
 * (from the titles of CORPUS's first 10,000 articles). Prints the search's
 * p50/p99 in process (no RPC, no isolates: every shard's work one after
 * another on one thread) and, per search, each call a shard makes (the search
 * itself and each gathering step it calls back) with the bytes its arguments
 * and its answer take structured-cloned (`v8.serialize`, the format RPC
 * clones with). `--plain` times without counting (the counting clones).
 * `node --cpu-prof --import tsx bench/shards-calls.ts …` profiles it.
 */
import { readFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import { serialize } from 'node:v8'
import type { GatherApi } from '../src/search/gather'
import type { SearchParams } from '../src/search/search'
import type { FrontManifest } from '../src/shards/front-worker'
import { searchShards, type ShardApi } from '../src/shards/gather'
import { Shard } from '../src/shards/shard'
import { openBundleFiles } from '../scripts/lib/bundle-files'
import { shardedDir } from '../scripts/lib/sharded-build'
import { firstArticles, scaleQueries, searchParams } from './lib/queries'
import { summarize } from './lib/stats'

const [work, corpus] = process.argv.slice(2).filter((arg) => !arg.startsWith('--'))
if (!work || !corpus) {
  console.error('usage: npx tsx bench/shards-calls.ts WORK CORPUS.jsonl [--queries=200] [--plain]')
  process.exit(2)
}
const count = Number(process.argv.find((arg) => arg.startsWith('--queries='))?.split('=')[1] ?? 200)
const counting = !process.argv.includes('--plain')

const dir = shardedDir(work)
const manifest = JSON.parse(readFileSync(join(dir, 'front', 'manifest.json'), 'utf8')) as FrontManifest
const firstPositions = manifest.shards.map((_, shard) => manifest.shards.slice(0, shard).reduce((sum, { documents }) => sum + documents, 0))
const shards = manifest.shards.map(
  (_, shard) => new Shard(openBundleFiles(join(dir, `shard-${shard}`, 'search.bundle')), { firstPosition: firstPositions[shard]! }),
)

// The scale bench's searches (bench/sections/scale-shards.ts), as the front's route passes them on.
const searches: SearchParams[] = scaleQueries(firstArticles(corpus), count).map(searchParams)

type Calls = { calls: number; argumentBytes: number; answerBytes: number }
const calls = new Map<string, Calls>()
const note = (name: string, args: unknown, answer: unknown) => {
  const seen = calls.get(name) ?? { calls: 0, argumentBytes: 0, answerBytes: 0 }
  seen.calls++
  seen.argumentBytes += serialize(args).length
  seen.answerBytes += answer === undefined ? 0 : serialize(answer).length
  calls.set(name, seen)
}
/** A gathering step's name as the table shows it: the sums and word steps by what they count. */
const stepName = (method: string, args: unknown[]) =>
  method === 'sum' ? `sum:${String(args[1]).split(':')[0]}` : method === 'words' ? `words:${String(args[1])}` : method

const counted: ShardApi[] = shards.map(
  (shard) =>
    ({
      search: async (params, index, gather, live) => {
        const watched = new Proxy(gather, {
          get:
            (target, method: keyof GatherApi) =>
            async (...args: unknown[]) => {
              const answer: unknown = await (target[method] as (...args: unknown[]) => Promise<unknown>)(...args)
              note(stepName(method, args), args, answer)
              return answer
            },
        })
        const answer = await shard.search(params, index, watched, live)
        note('search', [params, index], answer)
        return answer
      },
    }) as ShardApi,
)
const api = counting ? counted : shards

for (const params of searches.slice(0, 20)) await searchShards(api, params)
calls.clear()
const samples: number[] = []
for (const params of searches) {
  const start = performance.now()
  await searchShards(api, params)
  samples.push(performance.now() - start)
}
const { median, p99 } = summarize(samples)
console.log(
  `${searches.length} searches over ${shards.length} shards in process${counting ? ' (counting)' : ''}: p50 ${median.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms (load ${loadavg()
    .map((load) => load.toFixed(1))
    .join(' ')})`,
)
if (counting) {
  console.log('\n| call | per search per shard | argument bytes per call | answer bytes per call |\n| --- | --- | --- | --- |')
  for (const [name, seen] of [...calls].sort(([a], [b]) => a.localeCompare(b)))
    console.log(
      `| ${name} | ${(seen.calls / searches.length / shards.length).toFixed(2)} | ${Math.round(seen.argumentBytes / seen.calls).toLocaleString('en')} | ${Math.round(seen.answerBytes / seen.calls).toLocaleString('en')} |`,
    )
}
