/**
 * `npm run bench:live-segment [-- --base 5000 --live 5000 --queries 20 --rounds 5 --doc docs/live.md]`: search
 * latency with a live segment beside the bundle against without one, in process and in the same run
 * (the target: p99 with a 5,000-article segment at most 1.5× the p99 without), and against
 * with `--rebuild` one index of the same articles (what a rebuild gives); then what a reader pays per
 * version of the segment: applying one change (put, replace, delete) to its copy and the first search
 * after it, beside building the copy whole. Reads the built bundle: `npm run build` first. `--doc`
 * writes the figures into that document's `bench:live-segment` block.
 */
import { loadavg } from 'node:os'
import { parseArgs } from 'node:util'
import type { StoredArticle } from '../src/article'
import { baseOnly, LiveCopy, type LiveView } from '../src/live/one-corpus'
import { searchOneCorpus } from '../src/live/merge'
import { serializeCompactIndex } from '../src/search/index/compact-index'
import type { SearchCorpus } from '../src/search/context'
import { corpusOfArticles } from '../src/search/memory-corpus'
import { buildIndex, loadIndex } from '../src/search/search'
import { bundledArticles, syntheticArticles } from './lib/corpus'
import { writeDocBlock } from './lib/doc-block'
import { productParams } from './lib/product'
import { querySet, type BenchQuery } from './lib/queries'
import { fig, ms, summarize, type Figure } from './lib/stats'

const { values } = parseArgs({
  options: {
    base: { type: 'string', default: '5000' },
    live: { type: 'string', default: '5000' },
    queries: { type: 'string', default: '20' },
    rounds: { type: 'string', default: '5' },
    /** Changes applied one at a time to the reader's copy (put, replace, delete in turn). */
    changes: { type: 'string', default: '30' },
    /** Also time one index of the same articles (indexing them all again takes minutes). */
    rebuild: { type: 'boolean', default: false },
    doc: { type: 'string' },
  },
})

/** A corpus as the Worker holds the bundle: the compact index. */
function compactCorpus(articles: readonly StoredArticle[]): SearchCorpus {
  return { ...corpusOfArticles(articles), index: loadIndex(serializeCompactIndex(buildIndex(articles))) }
}

const loadAtStart = loadavg()
const shipped = bundledArticles()
const baseArticles = [...shipped, ...syntheticArticles(shipped, Math.max(0, Number(values.base) - shipped.length), { seed: 1, analyse: false })]
const liveArticles = syntheticArticles(shipped, Number(values.live) + Number(values.changes), { seed: 2, analyse: false })
// The segment also replaces and deletes some bundle articles, as a newsroom's does.
const replaced = baseArticles.slice(0, 25).map((article, i) => ({ ...liveArticles[i]!, id: article.id }))
const deleted = baseArticles.slice(25, 50).map((article) => article.id)
const live = [...replaced, ...liveArticles.slice(25, Number(values.live))]
/** Articles the change phase publishes (not in the segment yet). */
const incoming = liveArticles.slice(Number(values.live))

let started = performance.now()
const base = compactCorpus(baseArticles)
console.log(
  `base: ${baseArticles.length} articles indexed in ${ms(performance.now() - started)} ms; live segment: ${live.length} articles (25 replacing base ones) and ${deleted.length} deletions`,
)
started = performance.now()
const copy = await LiveCopy.of(base, { version: 1, articles: live, tombstones: deleted })
const withLive = copy.view()
const adoptMs = performance.now() - started
const alone = baseOnly(base)

const set = querySet(shipped, Number(values.queries))
const queries: BenchQuery[] = [...set.exact, ...set.typo, ...set.prefix, ...set.faceted, ...set.filtered]

// Interleaved, query by query, so that the views see the same machine at the same moments.
const views: [string, LiveView][] = [
  [`bundle alone (${baseArticles.length} articles)`, alone],
  [`bundle + ${live.length}-article live segment`, withLive],
  ...(values.rebuild
    ? [['one index of the same articles (a rebuild)', baseOnly(compactCorpus([...baseArticles.slice(50), ...live]))] as [string, LiveView]]
    : []),
]
for (const [, view] of views) for (const query of queries) await searchOneCorpus(view, productParams(query))
const samples = views.map(() => [] as number[])
for (let round = 0; round < Number(values.rounds); round++) {
  for (const [q, query] of queries.entries()) {
    // Each view goes first as often as the others: a search warms caches (highlights of the same hits) for the next view's.
    const order = views.map((_, v) => (v + round + q) % views.length)
    for (const v of order) {
      const view = views[v]![1]
      const start = performance.now()
      await searchOneCorpus(view, productParams(query))
      samples[v]!.push(performance.now() - start)
    }
  }
}
const figures: Figure[] = samples.map(summarize)
const ratio = figures[1]!.p99 / figures[0]!.p99

// A reader's cost per version: the change applied to its copy, the new view, and the first search over it (whose postings and facet numbering are made then).
const applied: number[] = []
const firstSearch: number[] = []
let version = 1
for (const [i, article] of incoming.entries()) {
  const kind = i % 3
  const target = kind === 0 ? article : kind === 1 ? { ...article, id: incoming[i - 1]!.id } : undefined
  const id = target?.id ?? incoming[i - 2]!.id
  const start = performance.now()
  await copy.apply({
    kind: 'changes',
    since: version,
    version: version + 1,
    articles: target ? [target] : [],
    removed: target ? [] : [id],
    tombstoned: [],
    untombstoned: [id],
  })
  const view = copy.view()
  applied.push(performance.now() - start)
  version++
  const query = queries[i % queries.length]!
  const searchStart = performance.now()
  await searchOneCorpus(view, productParams(query))
  firstSearch.push(performance.now() - searchStart)
}
const change = summarize(applied)
const first = summarize(firstSearch)
const load = (figures: number[]) => figures.map((figure) => figure.toFixed(2)).join(', ')
const loadAtEnd = loadavg()

const lines = [
  `\`npm run bench:live-segment\` (${baseArticles.length}-article bundle, the shipped corpus plus synthetic articles made of its sentences; a ${live.length}-article live segment that also replaces 25 and deletes 25 bundle articles; ${queries.length} queries of five kinds × ${values.rounds} rounds, interleaved, in process; load average ${load(loadAtStart)} at the start, ${load(loadAtEnd)} at the end), median / p99 ms:`,
  '',
  '| | median | p99 |',
  '| --- | --- | --- |',
  ...views.map(([name], v) => `| ${name} | ${ms(figures[v]!.median)} | ${ms(figures[v]!.p99)} |`),
  '',
  `p99 with the segment / without: **${ratio.toFixed(2)}×** (target ≤ 1.5×: ${ratio <= 1.5 ? 'met' : 'not met'}).`,
  '',
  `A reader's copy of the segment: built whole (the first read of an isolate, or a full copy) in **${ms(adoptMs)} ms**; one change (put, replace or delete, ${applied.length} in turn) applied to it with its new view in **${fig(change)} ms** (median / p99), and the first search over that view in ${fig(first)} ms.`,
]
console.log(`\n${lines.join('\n')}`)
if (values.doc) writeDocBlock(values.doc, 'bench:live-segment', lines.join('\n'))
