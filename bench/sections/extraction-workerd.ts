import { mkdirSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { analyzeArticle, type AnalyzeInput } from '../../src/analysis/analyze'
import { startWranglerDev, type WranglerDev } from '../../scripts/lib/wrangler-dev'
import { fig, summarize, type Figure } from '../lib/stats'
import { printTable } from '../../scripts/lib/table'

type Analyze = typeof analyzeArticle

/** Another checkout to time beside this one: its root and its `analyzeArticle` (loaded by `loadEngines`). */
export type WorkerdBaseline = { root: string; analyzeArticle: Analyze }

export type WorkerdExtraction = {
  texts: string
  articles: number
  rounds: number
  repeat: number
  bestOf: boolean
  node: Figure
  workerd: Figure
  workerdFromOutside: Figure
  roundTrip: Figure
  baseline?: { root: string; node: Figure; workerd: Figure }
}

const HANDLER = 'bench/workers/extraction-handler.ts'
const WORKER = 'bench/workers/extraction-worker.ts'

/**
 * A wrangler config of its own for the bench-only Worker: it needs no bundle, every text is posted to it. For a
 * baseline, an entry that hands the baseline's `analyzeArticle` to this checkout's handler, so both answer alike.
 */
export function workerConfig(baseline?: string): string {
  mkdirSync('bench/results', { recursive: true })
  let main = resolve(WORKER)
  if (baseline !== undefined) {
    main = resolve('bench/results/extraction-worker.baseline.mjs')
    const analyze = resolve(baseline, 'src/analysis/analyze.ts')
    writeFileSync(
      main,
      [
        `import { analyzeArticle } from ${JSON.stringify(analyze)}`,
        `import { extractionHandler } from ${JSON.stringify(resolve(HANDLER))}`,
        'export default extractionHandler(analyzeArticle)',
      ].join('\n'),
    )
  }
  const name = baseline === undefined ? 'news-edge-extraction-bench' : 'news-edge-extraction-bench-baseline'
  const path = resolve(`bench/results/wrangler.${name}.toml`)
  writeFileSync(path, [`name = "${name}"`, `main = "${main}"`, 'compatibility_date = "2026-11-01"'].join('\n'))
  return path
}

/**
 * `analyzeArticle` per article in the Worker's runtime (workerd under
 * `wrangler dev`, loopback) next to the same figure in Node, in the same run,
 * on the texts given (`label` says which). The Worker times its own `repeat`
 * analyses of one text with its clock, which under `wrangler dev` advances
 * during synchronous work in whole milliseconds (checked: the bench stops if
 * every answer says 0), so a sample is that time divided by `repeat`, free of
 * the loopback round trip. The former method, the request's round trip timed
 * from Node minus the median of three requests that post the same text and
 * analyse nothing, is printed beside it: the p99 of a difference of two noisy
 * round trips. With `bestOf` each article's fastest round is its sample (a
 * machine shared with other work). With a `baseline`, a second Worker runs the
 * baseline checkout's analysis, each article posted to both in turn (the order
 * alternating by round), and Node times both alike. The Workers are bench-only
 * (bench/workers/); the production Worker does not contain them.
 */
export async function extractionInWorkerd(
  inputs: readonly AnalyzeInput[],
  label: string,
  rounds: number,
  repeat: number,
  bestOf = false,
  baseline?: WorkerdBaseline,
): Promise<WorkerdExtraction> {
  const workers: WranglerDev[] = []
  try {
    workers.push(await startWranglerDev({ configs: [workerConfig()], readyPath: '/ready', timeoutMs: 120_000 }))
    if (baseline) workers.push(await startWranglerDev({ configs: [workerConfig(baseline.root)], readyPath: '/ready', timeoutMs: 120_000 }))
    const bodies = inputs.map((input) => JSON.stringify(input))
    const call = async (worker: number, article: number, times: number) => {
      const start = performance.now()
      const response = await fetch(`${workers[worker]!.origin}/?repeat=${times}`, { method: 'POST', body: bodies[article]! })
      const answer = await response.text()
      if (!response.ok) throw new Error(`bench Worker answered ${response.status}`)
      return { roundTrip: performance.now() - start, inside: (JSON.parse(answer) as { ms: number }).ms }
    }
    const count = inputs.length
    for (let worker = 0; worker < workers.length; worker++) {
      let clockMoved = false
      for (let i = 0; i < count; i++) if ((await call(worker, i, repeat)).inside > 0) clockMoved = true
      if (!clockMoved) throw new Error("the Worker's clock did not advance during any analysis: the samples cannot be timed inside workerd")
    }
    const inside = workers.map(() => perArticle(count))
    const fromOutside = perArticle(count)
    const roundTrips: number[] = []
    for (let round = 0; round < rounds; round++) {
      for (let i = 0; i < count; i++) {
        const empty = [(await call(0, i, 0)).roundTrip, (await call(0, i, 0)).roundTrip, (await call(0, i, 0)).roundTrip].sort((a, b) => a - b)[1]!
        roundTrips.push(empty)
        for (let k = 0; k < workers.length; k++) {
          const worker = (k + round) % workers.length
          const timed = await call(worker, i, repeat)
          inside[worker]![i]!.push(timed.inside / repeat)
          if (worker === 0) fromOutside[i]!.push(Math.max(0, timed.roundTrip - empty) / repeat)
        }
      }
    }
    const nodes = nodeSamples(baseline ? [analyzeArticle, baseline.analyzeArticle] : [analyzeArticle], inputs, rounds, repeat)
    const result: WorkerdExtraction = {
      texts: label,
      articles: count,
      rounds,
      repeat,
      bestOf,
      node: summarize(samplesOf(nodes[0]!, bestOf)),
      workerd: summarize(samplesOf(inside[0]!, bestOf)),
      workerdFromOutside: summarize(samplesOf(fromOutside, bestOf)),
      roundTrip: summarize(roundTrips),
      ...(baseline
        ? { baseline: { root: baseline.root, node: summarize(samplesOf(nodes[1]!, bestOf)), workerd: summarize(samplesOf(inside[1]!, bestOf)) } }
        : {}),
    }
    printTable(
      `Extraction per article, same run: workerd (wrangler dev, loopback) and Node; ${label}, ${count} articles × ${rounds} rounds, ${repeat} analyses a sample, ${bestOf ? "each article's fastest round" : 'every round'}${baseline ? `, interleaved with the baseline at ${baseline.root}` : ''} (ms, median / p99)`,
      ['runtime', 'analyzeArticle per article'],
      [
        ["workerd (the Worker's own clock, 1 ms steps ÷ repeat)", fig(result.workerd)],
        ...(result.baseline ? [["workerd, baseline (the Worker's own clock)", fig(result.baseline.workerd)]] : []),
        ['Node (in process)', fig(result.node)],
        ...(result.baseline ? [['Node, baseline (in process)', fig(result.baseline.node)]] : []),
        ['workerd (request minus an empty request, timed from Node; the former method)', fig(result.workerdFromOutside)],
        ['empty request round trip', fig(result.roundTrip)],
      ],
    )
    return result
  } finally {
    for (const worker of workers) await worker.stop()
  }
}

/** One list of samples per article, so that `bestOf` can keep each article's fastest. */
function perArticle(count: number): number[][] {
  return Array.from({ length: count }, () => [])
}

/** Every sample, or each article's fastest. */
function samplesOf(byArticle: readonly (readonly number[])[], bestOf: boolean): number[] {
  return bestOf ? byArticle.map((samples) => Math.min(...samples)) : byArticle.flat()
}

/** The same samples in Node, per checkout and article: `repeat` analyses of one text, divided by `repeat`, the checkouts in turn. */
function nodeSamples(analyses: readonly Analyze[], inputs: readonly AnalyzeInput[], rounds: number, repeat: number): number[][][] {
  for (const analyze of analyses) for (const input of inputs) analyze(input)
  const samples = analyses.map(() => perArticle(inputs.length))
  for (let round = 0; round < rounds; round++) {
    inputs.forEach((input, article) => {
      for (let k = 0; k < analyses.length; k++) {
        const which = (k + round) % analyses.length
        const start = performance.now()
        for (let i = 0; i < repeat; i++) analyses[which]!(input)
        samples[which]![article]!.push((performance.now() - start) / repeat)
      }
    })
  }
  return samples
}
