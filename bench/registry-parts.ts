/**
 * npx tsx bench/registry-parts.ts SHARDED_DIR [--rounds=5]: the entity registry of a sharded build made again from
 * the facts its shards keep (`facts-<key>.json`, shard by shard), then cut into its parts and written as the build does
 * (`storeRegistry`, then `partitionRegistry` and each part's JSON, `registryPartJson`); prints each step's CPU time per round (the main thread's user + system:
 * the machine is shared, so wall clock says little), the fastest round, and the sha256 of the parts' JSON, which
 * must not move when only the code that writes them does.
 */
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { loadavg } from 'node:os'
import { storeRegistry, type RegistryArticle } from '../src/corpus-services/entity-registry'
import { partitionRegistry, registryPartJson } from '../src/shards/entity-parts'

const dir = process.argv[2]
if (!dir) {
  console.error('usage: npx tsx bench/registry-parts.ts SHARDED_DIR [--rounds=5]')
  process.exit(1)
}
const rounds = Number(process.argv.find((arg) => arg.startsWith('--rounds='))?.split('=')[1] ?? 5)

const shardDirs = readdirSync(resolve(dir))
  .filter((name) => /^shard-\d+$/.test(name))
  .sort((a, b) => Number(a.slice(6)) - Number(b.slice(6)))
const articles: RegistryArticle[] = []
const ranges: { first: number; size: number }[] = []
for (const shard of shardDirs) {
  const file = readdirSync(join(dir, shard)).find((name) => /^facts-[0-9a-f]{16}\.json$/.test(name))
  if (!file) throw new Error(`${shard} keeps no facts file`)
  const facts = JSON.parse(readFileSync(join(dir, shard, file), 'utf8')) as RegistryArticle[]
  ranges.push({ first: articles.length, size: facts.length })
  articles.push(...facts)
}

/** CPU milliseconds of this thread spent in `run`. */
function cpu<T>(run: () => T): [T, number] {
  const start = process.cpuUsage()
  const result = run()
  const { user, system } = process.cpuUsage(start)
  return [result, (user + system) / 1000]
}

console.log(
  `${articles.length} articles in ${ranges.length} shards; load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
)
const timings: { registry: number; parts: number }[] = []
let digest = ''
for (let round = 0; round < rounds; round++) {
  const [registry, registryMs] = cpu(() => storeRegistry(articles))
  const [parts, partsMs] = cpu(() => partitionRegistry(registry, articles, ranges).map(registryPartJson))
  const hash = createHash('sha256')
  for (const part of parts) hash.update(part)
  digest = hash.digest('hex').slice(0, 16)
  timings.push({ registry: registryMs, parts: partsMs })
  console.log(`round ${round + 1}: storeRegistry ${registryMs.toFixed(0)} ms, partitionRegistry ${partsMs.toFixed(0)} ms (CPU); parts sha256 ${digest}`)
}
const fastest = (key: 'registry' | 'parts') => Math.min(...timings.map((timing) => timing[key])).toFixed(0)
console.log(
  `fastest: storeRegistry ${fastest('registry')} ms, partitionRegistry ${fastest('parts')} ms; load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
)
