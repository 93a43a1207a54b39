/**
 * `npm run deploy`: `wrangler deploy` of what `npm run build` made. A sharded
 * build deploys every shard, then the front (a front must never call shards
 * of an older build; until the front is deployed, the old front's calls to the
 * new shards are refused with a 503 rather than mixed: docs/scaling.md).
 * Extra arguments go to every `wrangler deploy` (`npm run deploy -- --dry-run --outdir DIR`).
 */
import { spawnSync } from 'node:child_process'
import { shardedConfigs } from './lib/sharded-build'

const extra = process.argv.slice(2)
const [front, ...shards] = shardedConfigs('generated')
const runs = front ? [...shards, front].map((config) => ['-c', config]) : [[]]
for (const config of runs) {
  const outdir = extra.indexOf('--outdir')
  // One output folder per Worker, so dry runs of several Workers do not overwrite each other.
  const args = outdir === -1 || config.length === 0 ? extra : extra.map((arg, i) => (i === outdir + 1 ? `${arg}/${config[1]!.split('/').at(-2)}` : arg))
  console.log(`wrangler deploy ${[...config, ...args].join(' ')}`)
  const { status } = spawnSync('wrangler', ['deploy', ...config, ...args], { stdio: 'inherit' })
  if (status !== 0) process.exit(status ?? 1)
}
