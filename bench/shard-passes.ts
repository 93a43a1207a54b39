/**
 * The sharded build's indexing passes alone (`planShards`: the corpus-wide
 * figures and phrases, the shards' compact indexes, the registry and the
 * suggestions), on an analysis cache already warm, with the wall clock and the
 * CPU seconds of every thread at the end of each pass (on a shared machine the
 * wall clock says more about the load than the build):
 *
 *   CORPUS=/tmp/synth20k.jsonl SHARDS=2 npm run build                        # warms generated/.analysis-cache once
 *   npx tsx bench/shard-passes.ts /tmp/synth20k.jsonl generated/.analysis-cache 2
 *
 * Prints the build's progress lines, each pass's CPU seconds, and the build id
 * (the same id means the same shards).
 */
import { loadavg } from 'node:os'
import { analyseCorpus } from '../scripts/lib/analyse-corpus'
import { readCorpus } from '../scripts/lib/read-corpus'
import { planShards, removePlanFiles } from '../scripts/lib/sharded-build'

const [corpusPath, cacheDir, shards = '2'] = process.argv.slice(2)
if (!corpusPath || !cacheDir) {
  console.error('usage: npx tsx bench/shard-passes.ts CORPUS.jsonl ANALYSIS_CACHE [SHARDS]')
  process.exit(2)
}

const cpu = () => {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1e6
}
const { articles: inputs } = readCorpus(corpusPath)
const { corpus, stats } = await analyseCorpus(inputs, { cacheDir })
if (stats.analysed > 0) console.log(`  (${stats.analysed} articles were not in the cache: the first pass's figures include none of that)`)
let mark = cpu()
// The progress says when a pass is done: the CPU seconds since the previous one are printed beside it.
const log = (line: string) => {
  if (!/done in/.test(line)) return console.log(line)
  console.log(`${line} (CPU ${(cpu() - mark).toFixed(1)} s)`)
  mark = cpu()
}
const start = { wall: performance.now(), cpu: cpu(), load: loadavg()[0]! }
const plan = await planShards(corpus, Number(shards), new Date().toISOString(), { phraseThread: true, progress: true, log })
console.log(
  `planShards: ${((performance.now() - start.wall) / 1000).toFixed(1)} s, CPU ${(cpu() - start.cpu).toFixed(1)} s, build ${plan.manifest.build}, ` +
    `load average ${start.load.toFixed(1)} -> ${loadavg()[0]!.toFixed(1)}, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`,
)
// Nothing is written: the shards' phrase files the plan keeps for the build go.
removePlanFiles(plan)
