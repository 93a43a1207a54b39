/**
 * npm run bench:shards [-- --shards=3 --queries=200]: one Worker against a
 * sharded build of the same corpus, each under `wrangler dev` on loopback, the
 * same search mix sent one request after another to both; prints p50/p99 of
 * each side by side, and how many answers were identical (they all should be).
 * Builds `SHARDS=N` of corpus/ into bench/results/sharded/ (npm run build makes
 * the one Worker first).
 */
import { spawnSync } from 'node:child_process'
import { join, resolve } from 'node:path'
import { readBundledArticles } from '../scripts/lib/bundle-files'
import { shardedConfigs } from '../scripts/lib/sharded-build'
import { startWranglerDev } from '../scripts/lib/wrangler-dev'
import { querySet } from './lib/queries'
import { summarize, type Figure } from './lib/stats'
import { benchConfig } from './sections/http'

const option = (name: string, fallback: number) => Number(process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1] ?? fallback)
const shards = option('shards', 3)
const count = option('queries', 200)
const out = resolve('bench/results/sharded')

async function measure(base: string, paths: readonly string[]): Promise<{ figure: Figure; bodies: string[] }> {
  for (const path of paths.slice(0, 20)) await (await fetch(base + path)).arrayBuffer()
  const samples: number[] = []
  const bodies: string[] = []
  for (const path of paths) {
    const start = performance.now()
    const response = await fetch(base + path)
    const body = await response.text()
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${body}`)
    samples.push(performance.now() - start)
    bodies.push(body)
  }
  return { figure: summarize(samples), bodies }
}

const built = spawnSync('npx', ['tsx', 'scripts/build-index.ts'], { env: { ...process.env, SHARDS: String(shards), BUNDLE_PATH: join(out, 'search.bundle') }, stdio: 'inherit' })
if (built.status !== 0) process.exit(built.status ?? 1)
const articles = readBundledArticles()
const queries = querySet(articles, Math.ceil(count / 5), 20261206)
const paths = Object.values(queries)
  .flat()
  .slice(0, count)
  .map((query) => `/api/search?${new URLSearchParams({ q: query.q, ...(query.from ? { from: query.from, to: query.to! } : {}), ...(query.year ? { year: query.year } : {}) })}`)

const results: Record<string, { figure: Figure; bodies: string[] }> = {}
for (const [name, configs] of [
  ['one Worker', [benchConfig()]],
  [`front + ${shards} shards`, shardedConfigs(out)],
] as const) {
  const worker = await startWranglerDev({ configs })
  try {
    results[name] = await measure(worker.origin, paths)
  } finally {
    await worker.stop()
  }
}
const [one, sharded] = Object.values(results)
const same = one!.bodies.filter((body, i) => body === sharded!.bodies[i]).length
console.log(`\n/api/search through wrangler dev, ${paths.length} queries one after another, ${articles.length} articles (${new Date().toISOString()})`)
console.log('| served by | p50 ms | p99 ms |\n| --- | --- | --- |')
for (const [name, { figure }] of Object.entries(results)) console.log(`| ${name} | ${figure.median.toFixed(1)} | ${figure.p99.toFixed(1)} |`)
console.log(`identical answers: ${same} of ${paths.length}`)
