/**
 * `npm run bench:live-segment [-- --base 20000 --live 5000 --queries 40 --rounds 3]`: search latency
 * with a live segment beside the bundle against without one, in process and in the same run
 * (the target: p99 with a 5,000-article segment at most 1.5× the p99 without), and against
 * with `--rebuild` one index of the same articles (what a rebuild gives). Reads the built bundle: `npm run build` first.
 */
import { parseArgs } from 'node:util'
import type { StoredArticle } from '../src/article'
import { baseOnly, oneCorpus, type LiveView } from '../src/live/one-corpus'
import { searchOneCorpus } from '../src/live/merge'
import { serializeCompactIndex } from '../src/search/compact-index'
import type { SearchCorpus } from '../src/search/context'
import { corpusOfArticles } from '../src/search/memory-corpus'
import { buildIndex, loadIndex } from '../src/search/search'
import { bundledArticles, syntheticArticles } from './lib/corpus'
import { productParams } from './lib/product'
import { querySet, type BenchQuery } from './lib/queries'
import { fig, ms, summarize, type Figure } from './lib/stats'

const { values } = parseArgs({
  options: {
    base: { type: 'string', default: '5000' },
    live: { type: 'string', default: '5000' },
    queries: { type: 'string', default: '20' },
    rounds: { type: 'string', default: '2' },
    /** Also time one index of the same articles (indexing them all again takes minutes). */
    rebuild: { type: 'boolean', default: false },
  },
})

/** A corpus as the Worker holds the bundle: the compact index. */
function compactCorpus(articles: readonly StoredArticle[]): SearchCorpus {
  return { ...corpusOfArticles(articles), index: loadIndex(serializeCompactIndex(buildIndex(articles))) }
}

const shipped = bundledArticles()
const baseArticles = [...shipped, ...syntheticArticles(shipped, Math.max(0, Number(values.base) - shipped.length), { seed: 1, analyse: false })]
const liveArticles = syntheticArticles(shipped, Number(values.live), { seed: 2, analyse: false })
// The segment also replaces and deletes some bundle articles, as a newsroom's does.
const replaced = baseArticles.slice(0, 25).map((article, i) => ({ ...liveArticles[i]!, id: article.id }))
const deleted = baseArticles.slice(25, 50).map((article) => article.id)
const live = [...replaced, ...liveArticles.slice(25)]

let started = performance.now()
const base = compactCorpus(baseArticles)
console.log(`base: ${baseArticles.length} articles indexed in ${ms(performance.now() - started)} ms; live segment: ${live.length} articles (25 replacing base ones) and ${deleted.length} deletions`)
started = performance.now()
const withLive = await oneCorpus(base, { version: 1, articles: live, tombstones: deleted })
const adoptMs = performance.now() - started
const alone = baseOnly(base)

const set = querySet(shipped, Number(values.queries))
const queries: BenchQuery[] = [...set.exact, ...set.typo, ...set.prefix, ...set.faceted, ...set.filtered]

// Interleaved, query by query, so that the three see the same machine at the same moments.
const views: [string, LiveView][] = [
  [`bundle alone (${baseArticles.length} articles)`, alone],
  [`bundle + ${live.length}-article live segment`, withLive],
  ...(values.rebuild ? [['one index of the same articles (a rebuild)', baseOnly(compactCorpus([...baseArticles.slice(50), ...live]))] as [string, LiveView]] : []),
]
for (const [, view] of views) for (const query of queries) await searchOneCorpus(view, productParams(query))
const samples = views.map(() => [] as number[])
for (let round = 0; round < Number(values.rounds); round++) {
  for (const query of queries) {
    for (const [v, [, view]] of views.entries()) {
      const start = performance.now()
      await searchOneCorpus(view, productParams(query))
      samples[v]!.push(performance.now() - start)
    }
  }
}
const figures: Figure[] = samples.map(summarize)
console.log(`\n${queries.length} queries (exact, typo, prefix, faceted, date-filtered) × ${values.rounds} rounds, in process, median / p99 ms:`)
for (const [v, [name]] of views.entries()) console.log(`  ${name.padEnd(48)} ${fig(figures[v])}`)
console.log(`  p99 with the live segment / p99 without: ${(figures[1]!.p99 / figures[0]!.p99).toFixed(2)}× (target ≤ 1.5×)`)
console.log(`  building a reader's copy of the segment (snapshot → one corpus), once per version: ${ms(adoptMs)} ms`)
