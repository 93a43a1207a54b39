/**
 * npm run bench                 cold start, query latency, extraction, HTTP, shards on the bundled corpus and a 5k synthetic one
 * npm run bench -- --quick      the same, fewer runs, shorter HTTP, no 5k corpus (a smoke run)
 * npm run bench -- --scale      the scale curve only (1k, 5k, 20k, 50k synthetic articles); --sizes=1000,5000 to choose
 * npm run bench -- --scale --corpora=A.jsonl,B.jsonl [--work=DIR] [--one-index=10000] [--queries=200] [--serving-only] [--builds-only] [--doc]
 *                               the sharded build of each corpus (npm run corpus:synth): build time of its first 99%, again after
 *                               the last 1% appended and after 1% changed (each warm build's phases, files byte-identical to the
 *                               previous build's; --builds-only stops there),
 *                               shards and their sizes, search through the front Worker beside one index, heap per Worker
 *                               in workerd (bench/sections/scale-shards.ts); --doc writes the table into docs/scaling.md
 * npm run bench -- --no-http    skip the wrangler dev part
 * npm run bench -- --topk       the top-k evaluator only: pruned vs exhaustive at 5k and 50k synthetic articles; --sizes=5000 to choose
 *                               --stages: the pruned search's time by stage, and each kind's slowest 5% of queries; the rank stage
 *                               pruned against exhaustive (the scoring alone, issue 15's 5×)
 * npm run bench -- --extraction analyzeArticle per article only, whole and stage by stage, in Node and (unless --no-http) in workerd;
 *                               --baseline=DIR times another checkout's stages (e.g. a `git worktree add --detach DIR main`) interleaved in the same run;
 *                               --best-of takes each article's fastest round per stage (a machine shared with other work); --rounds=N (3) in Node and workerd;
 *                               --texts=DIR also times every .txt under DIR (e.g. an evaluation set, read by path) in Node and workerd;
 *                               in workerd the Worker times itself (1 ms clock steps), --repeat=N analyses a sample (5), --best-of
 *                               keeps each article's fastest round there too, --baseline times the baseline's in a second Worker
 *
 * Prints tables; writes bench/results/<time>.json (git-ignored) and, with --scale, docs/scale-curve.svg.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { analyzeArticle } from '../src/analysis/analyze'
import { analyzeInput, bundledArticles, syntheticArticles, textsUnder } from './lib/corpus'
import { serialiseAll, type Serialised } from './lib/engines'
import { querySet, type QuerySet } from './lib/queries'
import { lineCharts } from './lib/svg'
import { fig, mib, ms, timeEach } from './lib/stats'
import { printTable } from '../scripts/lib/table'
import { coldStart, compareResults } from './sections/cold-start'
import { extraction } from './sections/extraction'
import { extractionStages, loadEngines, stageColumns, stageRows } from './sections/extraction-stages'
import { extractionInWorkerd } from './sections/extraction-workerd'
import { httpBench } from './sections/http'
import { queryLatency } from './sections/query-latency'
import { scaleCurve, wranglerStartup, type ScalePoint } from './sections/scale'
import { shardedScalePoint, shardedScaleTable, type ShardedScalePoint } from './sections/scale-shards'
import { writeDocBlock } from './lib/doc-block'
import { shardSimulation } from './sections/shards'
import { topKPoint } from './sections/topk'

const args = process.argv.slice(2)
const flag = (name: string) => args.includes(`--${name}`)
const option = (name: string) => args.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1]
const quick = flag('quick')
const SEED = Number(option('seed') ?? 20261126)

const machine = {
  cpus: availableParallelism(),
  cpu: cpus()[0]?.model ?? 'unknown',
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  loadAverageAtStart: loadavg().map((value) => Number(value.toFixed(2))),
}

async function corpusSection(name: string, articles: Parameters<typeof serialiseAll>[0], results: Record<string, unknown>) {
  const runs = quick ? 5 : 15
  const serialised: Serialised = await serialiseAll(articles, { orama: true, lunr: true })
  const perKind = quick ? 50 : 100
  const rounds = quick ? 2 : 3
  const queries: QuerySet = querySet(articles, perKind, SEED)
  console.log(
    `\n# ${name}: ${articles.length} articles; bundle ${mib(serialised.bundle.length)} MiB, MiniSearch JSON ${mib(serialised.miniSearchJson.length)} MiB, Orama JSON ${mib(serialised.oramaJson.length)} MiB, Lunr JSON ${mib(serialised.lunrJson.length)} MiB`,
  )

  const cold = await coldStart(serialised, queries, runs)
  const equality = compareResults(serialised, queries)
  printTable(
    `Cold start, ${name}: bytes in memory -> first query answered (ms, median / p99 of ${runs} runs)`,
    ['engine', 'ms'],
    [
      ["this product, first /api/search (index + search tables + the page's bodies + facets + snippets)", fig(cold.product)],
      ['this product, compact index only (MiniSearch answer; prefix + fuzzy: decodes the whole term list)', fig(cold.indexOnly)],
      ['MiniSearch.loadJSON', fig(cold.miniSearch)],
      ['Orama restore (JSON persistence)', fig(cold.orama)],
      ['Lunr Index.load', fig(cold.lunr)],
      ['ratio compact index / MiniSearch.loadJSON (medians)', cold.ratio.toFixed(3)],
      ['ratio first /api/search / MiniSearch.loadJSON (medians)', cold.productRatio.toFixed(3)],
    ],
  )
  console.log(
    `results vs MiniSearch.loadJSON over ${equality.queries} queries: ${equality.identical} identical (ids, order, scores, terms), ${equality.sameIds} same ids in the same order, largest relative score difference ${equality.maxRelativeScoreDifference.toExponential(1)}`,
  )

  const latency = await queryLatency(serialised, queries, rounds)
  printTable(
    `Warm query latency, ${name} (ms, median / p99 of ${perKind * rounds} samples per kind: ${perKind} queries × ${rounds} rounds after a warm-up pass; in process)`,
    ['kind', 'this product (searchArticles)', 'compact index (MiniSearch)', 'MiniSearch.loadJSON', 'Orama'],
    [
      ...latency.rows.map((row) => [row.kind, fig(row.product), fig(row.compact), fig(row.miniSearch), fig(row.orama)]),
      ...(latency.suggest ? [['/api/suggest (suggest())', fig(latency.suggest), '', '', '']] : []),
    ],
  )
  results[name] = {
    articles: articles.length,
    bytes: {
      bundle: serialised.bundle.length,
      miniSearchJson: serialised.miniSearchJson.length,
      oramaJson: serialised.oramaJson.length,
      lunrJson: serialised.lunrJson.length,
    },
    buildMs: serialised.buildMs,
    coldStart: cold,
    equality,
    latency,
  }
  return { serialised, queries }
}

async function main() {
  console.log(
    `News Edge bench ${new Date().toISOString()} on ${machine.cpus} × ${machine.cpu}, ${machine.memoryGiB} GiB, Node ${machine.node}, load average ${machine.loadAverageAtStart.join(' ')}${quick ? ' (--quick)' : ''}`,
  )
  const results: Record<string, unknown> = { machine, args, seed: SEED }
  const shipped = bundledArticles()

  if (flag('topk')) {
    const sizes = (option('sizes') ?? '5000,50000').split(',').map(Number)
    const points = []
    for (const size of sizes) {
      const point = await topKPoint(syntheticArticles(shipped, size, { seed: SEED, analyse: false }), quick ? 30 : 100, quick ? 2 : 3, SEED, flag('stages'))
      printTopK(point)
      printTopKStages(point)
      // The machine is shared: its load beside each point's figures.
      console.log(
        `(load average after ${size}: ${loadavg()
          .map((value) => value.toFixed(2))
          .join(' ')}, ${new Date().toISOString()})\n`,
      )
      points.push(point)
    }
    results.topk = points
  } else if (flag('extraction')) {
    // Only the extraction sections: analyzeArticle per article in Node and, unless --no-http, in workerd.
    const work = extraction(shipped, quick ? 1 : 3)
    printTable('Extraction and summary (Node, in process)', ['figure', 'value'], [['analyzeArticle per article (ms, median / p99)', fig(work.perArticle)]])
    results.extraction = work
    const baseline = option('baseline')
    const sets = [{ name: 'this checkout', engines: await loadEngines() }, ...(baseline ? [{ name: 'baseline', engines: await loadEngines(baseline) }] : [])]
    const stageRounds = Number(option('rounds') ?? (quick ? 1 : 3))
    const stages = extractionStages(shipped, stageRounds, sets, flag('best-of'))
    printTable(
      `Extraction by stage (Node, in process; ${shipped.length} articles × ${stageRounds} rounds, ${flag('best-of') ? "each article's fastest round" : 'one sample per article and round'}${baseline ? `, interleaved with the baseline at ${baseline}` : ''}; ms)`,
      stageColumns(stages.runs),
      stageRows(stages.runs),
    )
    for (const run of stages.runs) {
      console.log(
        `slowest articles, ${run.name} (median ms): ${run.slowest.map((a) => `${a.id} ${ms(a.ms)} (${a.characters} characters, ${a.sentences} sentences)`).join('; ')}`,
      )
    }
    for (const run of stages.runs) {
      console.log(
        `µs per character by article length (characters), each article's fastest round, ${run.name}: ${run.byLength.map((band) => `${band.band} ${band.microsecondsPerCharacter.toFixed(2)} (${band.articles})`).join(', ')}`,
      )
    }
    if (baseline) console.log(`analyses identical to the baseline's: ${stages.identical} of ${shipped.length} articles`)
    results.extractionStages = stages
    // workerd's clock steps in whole milliseconds: a sample is `repeat` analyses, so its resolution is 1/repeat ms.
    const repeat = Number(option('repeat') ?? (quick ? 2 : 5))
    // With --baseline, the baseline's analysis is timed in its own Worker beside this checkout's.
    const workerdBaseline = baseline ? { root: baseline, analyzeArticle: sets[1]!.engines.analyzeArticle } : undefined
    if (!flag('no-http'))
      results.extractionWorkerd = await extractionInWorkerd(
        shipped.map(analyzeInput),
        'the bundled corpus',
        stageRounds,
        repeat,
        flag('best-of'),
        workerdBaseline,
      )
    const texts = option('texts')
    if (texts) {
      // News the rules were not written on, as POST /api/extract receives it (read by path, never copied).
      const inputs = textsUnder(texts)
      const lengths = inputs.map((input) => input.text.length).sort((a, b) => a - b)
      console.log(`\n${inputs.length} texts under ${texts}: characters median ${lengths[lengths.length >> 1]}, largest ${lengths.at(-1)}`)
      if (flag('no-http')) {
        const node = timeEach(inputs, quick ? 1 : 3, (input) => analyzeArticle(input))
        printTable(`Extraction per text, ${texts} (Node, in process)`, ['figure', 'value'], [['analyzeArticle per text (ms, median / p99)', fig(node)]])
        results.extractionTexts = { texts, node }
      } else results.extractionTexts = await extractionInWorkerd(inputs, texts, stageRounds, repeat, flag('best-of'), workerdBaseline)
    }
  } else if (flag('scale') && option('corpora')) {
    const work = option('work') ?? join(tmpdir(), 'news-edge-scale-shards')
    const points: ShardedScalePoint[] = []
    for (const corpus of option('corpora')!.split(',')) {
      points.push(
        await shardedScalePoint(corpus, {
          work,
          cache: option('cache') ?? join(work, '.analysis-cache'),
          oneIndex: Number(option('one-index') ?? 10_000),
          queries: Number(option('queries') ?? 200),
          changedShare: 0.01,
          ...(process.env.THREADS ? { threads: Number(process.env.THREADS) } : {}),
          ...(option('shards') ? { shards: option('shards')! } : {}),
          servingOnly: flag('serving-only'),
          buildsOnly: flag('builds-only'),
        }),
      )
    }
    const markdown = shardedScaleTable(points)
    console.log(`\n${markdown}`)
    if (flag('doc')) writeDocBlock('docs/scaling.md', 'scale-shards', markdown)
    results.scaleShards = points
  } else if (flag('scale')) {
    const sizes = (option('sizes') ?? '1000,5000,20000,50000').split(',').map(Number)
    const points: ScalePoint[] = []
    scaleCurve(
      shipped,
      {
        sizes,
        seed: SEED,
        analyseUpTo: Number(option('analyse-up-to') ?? 5000),
        miniSearchUpTo: Number(option('minisearch-up-to') ?? 20000),
        wranglerUpTo: Number(option('wrangler-up-to') ?? 20000),
      },
      (point) => {
        points.push(point)
        console.log(`  measured ${point.articles} articles`)
      },
    )
    printScale(points)
    results.scale = points
    writeFileSync('docs/scale-curve.svg', scaleSvg(points))
    console.log('\nwrote docs/scale-curve.svg')
  } else {
    const { serialised, queries } = await corpusSection('bundled corpus', shipped, results)
    const work = extraction(shipped, quick ? 1 : 3)
    printTable(
      'Extraction and summary (Node, in process)',
      ['figure', 'value'],
      [
        ['analyzeArticle per article (ms, median / p99)', fig(work.perArticle)],
        ['whole build: analysis + index + compact bundle (s)', work.buildSeconds.toFixed(2)],
        ['build throughput (articles/s)', work.articlesPerSecond.toFixed(0)],
        ['of which index + compact serialisation (s)', work.indexOnlySeconds.toFixed(2)],
      ],
    )
    results.extraction = work
    // The Worker's runtime: wrangler dev, like the HTTP part.
    if (!flag('no-http')) results.extractionWorkerd = await extractionInWorkerd(shipped.map(analyzeInput), 'the bundled corpus', quick ? 1 : 3, quick ? 2 : 5)

    const wrangler = wranglerOnBundled()
    console.log(
      `\nwrangler check startup (bundled corpus): ${'activeMs' in wrangler ? `Active ${wrangler.activeMs} ms, bundle ${wrangler.bundleKiB} KiB` : wrangler.skipped}`,
    )
    results.wranglerStartup = wrangler

    if (!quick) {
      const synthetic = syntheticArticles(shipped, 5000, { seed: SEED, analyse: false })
      await corpusSection('synthetic 5k', synthetic, results)
    }

    const shardRows = [2, 4, 8].map((count) => shardSimulation(shipped, count, querySet(shipped, quick ? 20 : 50, SEED)))
    printTable(
      'Shards (bundled corpus, global BM25 statistics): scatter, merge, single index (ms, median / p99)',
      ['shards', 'queries', 'same top 10 as one index', 'scatter (all shards, sequential)', 'merge', 'one index'],
      shardRows.map((row) => [String(row.shards), String(row.queries), `${row.sameTop10}/${row.queries}`, fig(row.scatter), fig(row.merge), fig(row.single)]),
    )
    results.shards = shardRows

    if (!flag('no-http')) {
      const http = await httpBench(queries, shipped, quick ? 3 : 10, 8)
      printTable(
        `HTTP, wrangler dev on 127.0.0.1, ${http.connections} connections, ${http.seconds} s per run, alternating`,
        ['path', 'requests/s', 'p50 ms', 'p99 ms', 'requests', 'non-2xx', 'errors'],
        http.runs.map((run) => [
          run.path,
          run.requestsPerSecond.toFixed(0),
          String(run.p50),
          String(run.p99),
          String(run.requests),
          String(run.non2xx),
          String(run.errors),
        ]),
      )
      console.log(`/api/search throughput / /api/health throughput: ${http.searchOverHealth.toFixed(2)}`)
      console.log(
        `POST /api/extract in workerd (sequential, ${serialised.documents.length >= 40 ? 40 : serialised.documents.length} articles): ${fig(http.extract)} ms; GET /api/health round trip ${fig(http.healthRoundTrip)} ms`,
      )
      results.http = http
    }
  }

  mkdirSync('bench/results', { recursive: true })
  const file = `bench/results/${new Date().toISOString().replace(/[:.]/g, '-')}${flag('scale') ? '-scale' : ''}.json`
  writeFileSync(file, JSON.stringify({ ...results, loadAverageAtEnd: loadavg() }, null, 2))
  console.log(
    `\nwrote ${file}; load average at the end ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')}`,
  )
}

function wranglerOnBundled() {
  const work = mkdtempSync(join(tmpdir(), 'news-edge-startup-'))
  try {
    return wranglerStartup(work)
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

function printTopK(point: Awaited<ReturnType<typeof topKPoint>>) {
  const kib = (bytes: number) => (bytes / 1024).toFixed(1)
  printTable(
    `Top-k search, ${point.articles} synthetic articles (warm, in process; ms median / p99; searchArticles with limit 10)`,
    [
      'kind',
      'pruned (top-k)',
      'exhaustive (every match scored)',
      'MiniSearch search of the AND query',
      'p99 exhaustive / pruned',
      'scored / matched',
      'visited / matched',
      'fell back to exhaustive',
    ],
    point.kinds.map((row) => [
      row.kind,
      fig(row.pruned),
      fig(row.exhaustive),
      fig(row.miniSearch),
      (row.exhaustive.p99 / row.pruned.p99).toFixed(2),
      row.scoredPerMatch.toFixed(3),
      row.visitedPerMatch.toFixed(3),
      `${row.fellBack} of ${row.searches}`,
    ]),
  )
  printTable(
    `Top-k search, ${point.articles} synthetic articles, each query's fastest round (ms median / p99 over the queries: the machine's other work taken out as far as it can be)`,
    ['kind', 'pruned (top-k)', 'exhaustive (every match scored)', 'MiniSearch search of the AND query', 'p99 exhaustive / pruned', 'facet counts in pruned'],
    point.kinds.map((row) => [
      row.kind,
      fig(row.best.pruned),
      fig(row.best.exhaustive),
      fig(row.best.miniSearch),
      (row.best.exhaustive.p99 / row.best.pruned.p99).toFixed(2),
      fig(row.facets),
    ]),
  )
  console.log(
    `index ${kib(point.indexBytes)} KiB, of which bounds ${kib(point.boundBytes)} KiB (${((100 * point.boundBytes) / (point.indexBytes - point.boundBytes)).toFixed(1)}% added: score blocks and short lists ${kib(point.boundBytes - point.windowBytes)}, terms' windows ${kib(point.windowBytes)}); facet value lists, bitsets and rows ${kib(point.facetBytes)} KiB (${((100 * point.facetBytes) / point.indexBytes).toFixed(1)}% of the index); allocated per one-word search (median of ${point.bytesPerOneWordSearch.samples} calls without a collection, KiB): pruned ${kib(point.bytesPerOneWordSearch.pruned)}, exhaustive ${kib(point.bytesPerOneWordSearch.exhaustive)}`,
  )
}

/** `--stages`: the pruned search's time by stage, over every query and over each kind's slowest 5%, with those queries. */
function printTopKStages(point: Awaited<ReturnType<typeof topKPoint>>) {
  const rows = point.kinds.filter((row) => row.stages)
  if (rows.length === 0) return
  const names = Object.keys(rows[0]!.stages!.median) as (keyof NonNullable<(typeof rows)[0]['stages']>['median'])[]
  printTable(
    `Top-k search, ${point.articles} synthetic articles, pruned, by stage (ms; each query's fastest round; median over the queries / mean over the slowest 5%)`,
    ['kind', ...names],
    rows.map((row) => [row.kind, ...names.map((name) => `${row.stages!.median[name].toFixed(2)} / ${row.stages!.slowest[name].toFixed(2)}`)]),
  )
  // Issue 15 asks for the pruned p99 5× below exhaustive scoring: the rank stage is the scoring; the whole search's
  // ratio (the table above) also holds the stages both paths share.
  printTable(
    `Top-k search, ${point.articles} synthetic articles, the ranking alone (the rank stage: the pruned top k against every match scored, each query's fastest round, in the same rounds; ms median / p99)`,
    ['kind', 'rank, pruned', 'rank, exhaustive', 'p99 exhaustive / pruned, rank stage', 'p99 exhaustive / pruned, whole search'],
    rows.map((row) => [
      row.kind,
      fig(row.stages!.rank.pruned),
      fig(row.stages!.rank.exhaustive),
      (row.stages!.rank.exhaustive.p99 / row.stages!.rank.pruned.p99).toFixed(2),
      (row.best.exhaustive.p99 / row.best.pruned.p99).toFixed(2),
    ]),
  )
  for (const row of rows) {
    console.log(`slowest 5% of ${row.kind}: ${row.stages!.slowQueries.map((query, i) => `${query} ${row.stages!.slowMs[i]!.toFixed(2)} ms`).join('; ')}`)
  }
  // What the slowest queries' ranking reads, pruned beside exhaustive (one search each; a query may run the evaluator
  // more than once: a correction's every-word count, the typed and the corrected attempt).
  printTable(
    `Top-k search, ${point.articles} synthetic articles, the slowest 5%'s work (one search each, pruned / exhaustive where both count)`,
    [
      'kind',
      'query',
      'matched',
      'postings for match sets',
      'postings / blocks for bounds',
      'windows visited / with matches',
      'documents visited',
      'scored',
      'leaf lookups',
      'window postings summed',
    ],
    rows.flatMap((row) =>
      row.stages!.slowCounts.map(({ pruned: p, exhaustive: e }, i) => [
        row.kind,
        JSON.parse(row.stages!.slowQueries[i]!).q as string,
        String(p.matched),
        `${p.matchPostings} / ${e.matchPostings}`,
        `${p.boundPostings} / ${p.boundBlocks}`,
        `${p.windows} / ${p.candidateWindows}`,
        `${p.visited} / ${e.visited}`,
        `${p.scored} / ${e.scored}`,
        `${p.leafLookups} / ${e.leafLookups}`,
        `${p.windowPostings} / ${e.windowPostings}`,
      ]),
    ),
  )
}

function printScale(points: readonly ScalePoint[]) {
  printTable(
    'Scale curve (synthetic corpora; heap = JS heap + ArrayBuffers after GC, in a fresh process per size)',
    [
      'articles',
      'analysed',
      'Worker data modules MiB (gzip)',
      'static assets MiB (files, largest MiB)',
      'index MiB',
      'build s (analysis / index / compact)',
      'start-up ms: compact index / MiniSearch.loadJSON',
      'first /api/search ms',
      'heap MiB: modules / +compact index / +first search / MiniSearch.loadJSON',
      'query p99 ms: index / product / MiniSearch',
      'mix of search + article + facts: requests, heap MiB after, article / facts p99 ms',
      'wrangler Active ms',
    ],
    points.map((point) => [
      String(point.articles),
      point.analysed ? 'yes' : 'borrowed',
      `${mib(point.bundleBytes)} (${mib(point.bundleGzipBytes)})`,
      `${mib(point.assets.bytes)} (${point.assets.files}, ${mib(point.assets.largestBytes)})`,
      mib(point.indexBytes),
      `${point.generateSeconds.toFixed(1)} / ${point.indexBuildSeconds.toFixed(1)} / ${point.compactSeconds.toFixed(1)}`,
      `${ms(point.probe.indexStartMs)} / ${point.probe.miniSearch ? ms(point.probe.miniSearch.loadMs) : '—'}`,
      ms(point.probe.firstProductSearchMs),
      `${mib(point.probe.modulesBytes)} / ${mib(point.probe.indexOpenBytes)} / ${mib(point.probe.productSearchBytes)} / ${point.probe.miniSearch ? mib(point.probe.miniSearch.heapBytes) : '—'}`,
      `${ms(point.probe.indexQuery.p99)} / ${ms(point.probe.productQuery.p99)} / ${point.probe.miniSearch ? ms(point.probe.miniSearch.queryP99) : '—'}`,
      `${point.probe.mix.requests}, ${mib(point.probe.mix.heapBytes)}, ${ms(point.probe.mix.article.p99)} / ${ms(point.probe.mix.facts.p99)}`,
      point.wrangler && 'activeMs' in point.wrangler ? ms(point.wrangler.activeMs) : '—',
    ]),
  )
}

function scaleSvg(points: readonly ScalePoint[]): string {
  const xs = points.map((point) => point.articles)
  const series = (name: string, color: string, value: (point: ScalePoint) => number | undefined) => ({
    name,
    color,
    points: points.map((point) => [point.articles, value(point) ?? NaN] as [number, number]),
  })
  const MiB = 1024 * 1024
  return lineCharts(
    [
      {
        title: 'Start-up to first answer',
        unit: 'ms',
        series: [
          series('compact index (this product)', '#1f77b4', (p) => p.probe.indexStartMs),
          series('MiniSearch.loadJSON', '#d62728', (p) => p.probe.miniSearch?.loadMs),
        ],
      },
      {
        title: 'Index heap after load',
        unit: 'MiB',
        series: [
          series('compact index (this product)', '#1f77b4', (p) => (p.probe.indexOpenBytes + p.indexBytes) / MiB),
          series('MiniSearch.loadJSON', '#d62728', (p) => p.probe.miniSearch && p.probe.miniSearch.heapBytes / MiB),
        ],
      },
      {
        title: 'Query p99 (typo + prefix)',
        unit: 'ms',
        series: [
          series('compact index (this product)', '#1f77b4', (p) => p.probe.indexQuery.p99),
          series('MiniSearch.loadJSON', '#d62728', (p) => p.probe.miniSearch?.queryP99),
        ],
      },
    ],
    xs,
  )
}

await main()
