/**
 * npx tsx bench/registry-parts.ts SHARDED_DIR [--rounds=5]: the entity registry of a sharded build made again from
 * the facts its shards keep (`facts-<key>.json`, shard by shard) as a cold build makes it: each shard's sheet
 * (`registrySheet`), their merge (`mergeRegistrySheets`), then its parts and their JSON (`partitionRegistry`,
 * `registryPartJson`); and as a warm build whose every shard is reused makes it: the sheets the shards keep
 * (`registry-<key>.json`) read, then merged. Prints each step's CPU time per round (the main thread's user + system:
 * the machine is shared, so wall clock says little), the fastest round, and the sha256 of the registry's JSON and
 * of the parts' JSON, which must not move when only the code that makes them does.
 */
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { loadavg } from 'node:os'
import type { RegistryArticle } from '../src/corpus-services/entity-registry'
import { mergeRegistrySheets } from '../src/corpus-services/registry-build'
import { registrySheet, type RegistrySheet } from '../src/corpus-services/registry-sheet'
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
/** Each shard's kept sheet file, where every shard keeps one (builds before sheets kept none). */
const sheetFiles: string[] = []
for (const shard of shardDirs) {
  const names = readdirSync(join(dir, shard))
  const file = names.find((name) => /^facts-[0-9a-f]{16}\.json$/.test(name))
  if (!file) throw new Error(`${shard} keeps no facts file`)
  const facts = JSON.parse(readFileSync(join(dir, shard, file), 'utf8')) as RegistryArticle[]
  ranges.push({ first: articles.length, size: facts.length })
  articles.push(...facts)
  const sheet = names.find((name) => /^registry-[0-9a-f]{16}\.json$/.test(name))
  if (sheet) sheetFiles.push(join(dir, shard, sheet))
}
const kept = sheetFiles.length === shardDirs.length

/** CPU milliseconds of this thread spent in `run`. */
function cpu<T>(run: () => T): [T, number] {
  const start = process.cpuUsage()
  const result = run()
  const { user, system } = process.cpuUsage(start)
  return [result, (user + system) / 1000]
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')
console.log(`${articles.length} articles in ${ranges.length} shards${kept ? ', each keeping its sheet' : ''}; load average ${load()}`)
type Timing = { sheets: number; merge: number; parts: number; read?: number; keptMerge?: number }
const timings: Timing[] = []
const sha = (texts: Iterable<string>) => {
  const hash = createHash('sha256')
  for (const text of texts) hash.update(text)
  return hash.digest('hex').slice(0, 16)
}
for (let round = 0; round < rounds; round++) {
  const [sheets, sheetsMs] = cpu(() => ranges.map(({ first, size }) => registrySheet(articles.slice(first, first + size))))
  const [registry, mergeMs] = cpu(() => mergeRegistrySheets(sheets))
  const [parts, partsMs] = cpu(() => partitionRegistry(registry, articles, ranges).map(registryPartJson))
  const timing: Timing = { sheets: sheetsMs, merge: mergeMs, parts: partsMs }
  let line = `round ${round + 1}: sheets ${sheetsMs.toFixed(0)} ms, merge ${mergeMs.toFixed(0)} ms, partitionRegistry ${partsMs.toFixed(0)} ms`
  if (kept) {
    const [keptSheets, readMs] = cpu(() => sheetFiles.map((file) => JSON.parse(readFileSync(file, 'utf8')) as RegistrySheet))
    const [fromKept, keptMs] = cpu(() => mergeRegistrySheets(keptSheets))
    Object.assign(timing, { read: readMs, keptMerge: keptMs })
    line += `; kept sheets read ${readMs.toFixed(0)} ms, merged ${keptMs.toFixed(0)} ms (registry sha256 ${sha([JSON.stringify(fromKept)])})`
  }
  timings.push(timing)
  // What a build keeps on disk and holds of the sheets until the merge: their JSON's bytes, in the first round.
  const sheetBytes =
    round === 0 ? `, sheets ${(sheets.reduce((sum, sheet) => sum + Buffer.byteLength(JSON.stringify(sheet)), 0) / 2 ** 20).toFixed(1)} MiB of JSON` : ''
  console.log(`${line} (CPU); registry sha256 ${sha([JSON.stringify(registry)])}, parts sha256 ${sha(parts)}${sheetBytes}`)
}
const fastest = (key: keyof Timing) => Math.min(...timings.map((timing) => timing[key] ?? Infinity)).toFixed(0)
console.log(
  `fastest: sheets ${fastest('sheets')} ms, merge ${fastest('merge')} ms, partitionRegistry ${fastest('parts')} ms` +
    (kept ? `; kept sheets read ${fastest('read')} ms, merged ${fastest('keptMerge')} ms` : '') +
    `; load average ${load()}`,
)
