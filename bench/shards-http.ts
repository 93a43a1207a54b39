/**
 * npm run bench:shards [-- --shards=3 --queries=200 --per-route=40]: one Worker
 * against a sharded build of the same corpus, each under `wrangler dev` on
 * loopback, the same requests sent one after another to both: `queries`
 * searches, then `per-route` requests to each other route the front serves
 * (listing, article with its related articles, suggest, facts, brief, the
 * entity registry's search, details, filtered facts, pages and map); prints
 * p50/p99 of each side by side per route, and how many answers were identical
 * (they all should be).
 * Builds `SHARDS=N` of corpus/ into bench/results/sharded/ (npm run build makes
 * the one Worker first).
 */
import { spawnSync } from 'node:child_process'
import { join, resolve } from 'node:path'
import { readBundledArticles } from '../scripts/lib/bundle-files'
import { storeRegistry } from '../src/corpus-services/registry-build'
import { shardedConfigs } from '../scripts/lib/sharded-build'
import { startWranglerDev } from '../scripts/lib/wrangler-dev'
import { querySet } from './lib/queries'
import { summarize } from './lib/stats'
import { benchConfig } from './sections/http'

const option = (name: string, fallback: number) => Number(process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1] ?? fallback)
const shards = option('shards', 3)
const count = option('queries', 200)
const perRoute = option('per-route', 40)
const out = resolve('bench/results/sharded')

async function measure(base: string, paths: readonly string[]): Promise<{ samples: number[]; bodies: string[] }> {
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
  return { samples, bodies }
}

const built = spawnSync('npx', ['tsx', 'scripts/build-index.ts'], {
  env: { ...process.env, SHARDS: String(shards), BUNDLE_PATH: join(out, 'search.bundle') },
  stdio: 'inherit',
})
if (built.status !== 0) process.exit(built.status ?? 1)
const articles = readBundledArticles()
const queries = querySet(articles, Math.ceil(count / 5), 20261206)
const searches = Object.values(queries)
  .flat()
  .slice(0, count)
  .map(
    (query) =>
      `/api/search?${new URLSearchParams({ q: query.q, ...(query.from ? { from: query.from, to: query.to! } : {}), ...(query.year ? { year: query.year } : {}) })}`,
  )
const words = Object.values(queries)
  .flat()
  .map((query) => query.q.trim().split(/\s+/)[0]!)
  .filter((word) => /^\p{L}{3,}$/u.test(word))
const registry = storeRegistry(articles)
const places = registry.entities.filter((entity) => entity.type === 'place' || entity.type === 'country')
const nth = <T>(items: readonly T[], i: number): T => items[(i * 7919) % items.length]!
const sorts = ['date', 'oldest', 'title']
const routes: Record<string, string[]> = {
  search: searches,
  listing: Array.from({ length: perRoute }, (_, i) => `/api/articles?sort=${sorts[i % 3]}&offset=${(i * 37) % 250}&limit=20`),
  article: Array.from({ length: perRoute }, (_, i) => `/api/articles/${encodeURIComponent(nth(articles, i).id)}`),
  suggest: Array.from({ length: perRoute }, (_, i) => `/api/suggest?q=${encodeURIComponent(nth(words, i).slice(0, 2 + (i % 3)))}`),
  facts: Array.from({ length: perRoute }, (_, i) => `/api/facts?q=${encodeURIComponent(nth(words, i).toLowerCase())}`),
  brief: Array.from({ length: perRoute }, (_, i) => `/api/brief?q=${encodeURIComponent(nth(words, i))}`),
  // The entity registry's routes, which the shards serve from its parts (docs/scaling.md).
  entities: Array.from({ length: perRoute }, (_, i) => `/api/entities?q=${encodeURIComponent(nth(registry.entities, i).name.slice(0, 3 + (i % 4)))}`),
  entity: Array.from({ length: perRoute }, (_, i) => `/api/entities/${nth(registry.entities, i).id}`),
  'entity facts': Array.from({ length: perRoute }, (_, i) =>
    i % 2 ? `/api/facts?entity=${nth(registry.entities, i).id}` : `/api/facts?place=${encodeURIComponent(nth(places, i).name)}`,
  ),
  'entity page': Array.from({ length: perRoute }, (_, i) => `/entities/${nth(registry.entities, i).id}`),
  map: Array.from({ length: perRoute }, (_, i) => `/map${i % 2 ? '' : `?from=${2005 + (i % 15)}-01-01`}`),
}
const paths = Object.values(routes).flat()

const results: Record<string, { samples: number[]; bodies: string[] }> = {}
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
console.log(`\nthrough wrangler dev, requests one after another, ${articles.length} articles (${new Date().toISOString()})`)
console.log(
  `| route | requests | one Worker p50 ms | p99 ms | front + ${shards} shards p50 ms | p99 ms | identical answers |\n| --- | --- | --- | --- | --- | --- | --- |`,
)
let at = 0
for (const [route, list] of Object.entries(routes)) {
  const window = (side: { samples: number[]; bodies: string[] }) => ({
    figure: summarize(side.samples.slice(at, at + list.length)),
    bodies: side.bodies.slice(at, at + list.length),
  })
  const [mine, theirs] = [window(one!), window(sharded!)]
  const same = mine.bodies.filter((body, i) => body === theirs.bodies[i]).length
  list.forEach((path, i) => {
    if (mine.bodies[i] === theirs.bodies[i]) return
    // Where they part: the answers' first differing character on, for whoever looks into it.
    let at = 0
    while (mine.bodies[i]![at] === theirs.bodies[i]![at]) at++
    console.error(
      `different answers to ${path}, from character ${at}:\n  one Worker: …${mine.bodies[i]!.slice(Math.max(0, at - 100), at + 300)}\n  front:      …${theirs.bodies[i]!.slice(Math.max(0, at - 100), at + 300)}`,
    )
  })
  console.log(
    `| ${route} | ${list.length} | ${mine.figure.median.toFixed(1)} | ${mine.figure.p99.toFixed(1)} | ${theirs.figure.median.toFixed(1)} | ${theirs.figure.p99.toFixed(1)} | ${same} of ${list.length} |`,
  )
  at += list.length
}
