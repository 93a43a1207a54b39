/**
 * npx tsx bench/worker-heap.ts [PROJECT] [--queries=200]: the one Worker of a
 * project folder (default: this one, with the bundle `npm run build` wrote into
 * its generated/) under `wrangler dev`, the scale bench's searches made from
 * its own bundled articles, then its heap as the scale bench reads it
 * (bench/sections/scale-shards.ts: used, after a forced GC, and the
 * ArrayBuffers outside the heap). What `npm run dev` on the shipped corpus
 * holds; PROJECT another checkout (a copy of the code before a change) to
 * compare in the same run.
 */
import { loadavg } from 'node:os'
import { join, resolve } from 'node:path'
import { readBundledArticles } from '../scripts/lib/bundle-files'
import { scaleQueries, searchPath } from './lib/queries'
import { benchConfigIn, served } from './sections/scale-shards'

const project = resolve(process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? '.')
const count = Number(process.argv.find((arg) => arg.startsWith('--queries='))?.split('=')[1] ?? 200)
const articles = readBundledArticles(join(project, 'generated', 'search.bundle'))
const paths = scaleQueries(articles, count).map(searchPath)
const { figure, heaps, afterGc, backing } = await served([benchConfigIn(project)], paths)
const mib = (bytes: number | undefined) => (bytes === undefined ? '—' : (bytes / 1024 / 1024).toFixed(1))
const id = 'core:user:news-edge'
console.log(
  `${project}: ${articles.length} articles, ${paths.length} searches p50 ${figure.median.toFixed(1)} / p99 ${figure.p99.toFixed(1)} ms; heap ${mib(heaps.get(id))} MiB used, ${mib(afterGc.get(id))} after a GC, ArrayBuffers outside the heap ${mib(backing.get(id))} MiB (load ${loadavg()
    .map((load) => load.toFixed(1))
    .join(' ')})`,
)
