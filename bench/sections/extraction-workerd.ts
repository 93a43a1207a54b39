import { mkdirSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { analyzeArticle, type AnalyzeInput } from '../../src/analysis/analyze'
import { startWranglerDev } from '../../scripts/lib/wrangler-dev'
import { fig, summarize, type Figure } from '../lib/stats'
import { printTable } from '../../scripts/lib/table'

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
}

const WORKER = 'bench/workers/extraction-worker.ts'

/** A wrangler config of its own for the bench-only Worker: it needs no bundle, every text is posted to it. */
function workerConfig(): string {
  mkdirSync('bench/results', { recursive: true })
  const path = resolve('bench/results/wrangler.extraction-bench.toml')
  writeFileSync(path, ['name = "news-edge-extraction-bench"', `main = "${resolve(WORKER)}"`, 'compatibility_date = "2026-11-01"'].join('\n'))
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
 * machine shared with other work). The Worker is bench-only (bench/workers/);
 * the production Worker does not contain it.
 */
export async function extractionInWorkerd(
  inputs: readonly AnalyzeInput[],
  label: string,
  rounds: number,
  repeat: number,
  bestOf = false,
): Promise<WorkerdExtraction> {
  const worker = await startWranglerDev({ configs: [workerConfig()], readyPath: '/ready', timeoutMs: 120_000 })
  const base = worker.origin
  try {
    const bodies = inputs.map((input) => JSON.stringify(input))
    const call = async (article: number, times: number) => {
      const start = performance.now()
      const response = await fetch(`${base}/?repeat=${times}`, { method: 'POST', body: bodies[article]! })
      const answer = await response.text()
      if (!response.ok) throw new Error(`bench Worker answered ${response.status}`)
      return { roundTrip: performance.now() - start, inside: (JSON.parse(answer) as { ms: number }).ms }
    }
    const count = inputs.length
    let clockMoved = false
    for (let i = 0; i < count; i++) if ((await call(i, repeat)).inside > 0) clockMoved = true
    if (!clockMoved) throw new Error("the Worker's clock did not advance during any analysis: the samples cannot be timed inside workerd")
    const inside = perArticle(count)
    const fromOutside = perArticle(count)
    const roundTrips: number[] = []
    for (let round = 0; round < rounds; round++) {
      for (let i = 0; i < count; i++) {
        const empty = [(await call(i, 0)).roundTrip, (await call(i, 0)).roundTrip, (await call(i, 0)).roundTrip].sort((a, b) => a - b)[1]!
        roundTrips.push(empty)
        const timed = await call(i, repeat)
        inside[i]!.push(timed.inside / repeat)
        fromOutside[i]!.push(Math.max(0, timed.roundTrip - empty) / repeat)
      }
    }
    const result = {
      texts: label,
      articles: count,
      rounds,
      repeat,
      bestOf,
      node: summarize(samplesOf(nodeSamples(inputs, rounds, repeat), bestOf)),
      workerd: summarize(samplesOf(inside, bestOf)),
      workerdFromOutside: summarize(samplesOf(fromOutside, bestOf)),
      roundTrip: summarize(roundTrips),
    }
    printTable(
      `Extraction per article, same run: workerd (wrangler dev, loopback) and Node; ${label}, ${count} articles × ${rounds} rounds, ${repeat} analyses a sample, ${bestOf ? "each article's fastest round" : 'every round'} (ms, median / p99)`,
      ['runtime', 'analyzeArticle per article'],
      [
        ["workerd (the Worker's own clock, 1 ms steps ÷ repeat)", fig(result.workerd)],
        ['Node (in process)', fig(result.node)],
        ['workerd (request minus an empty request, timed from Node; the former method)', fig(result.workerdFromOutside)],
        ['empty request round trip', fig(result.roundTrip)],
      ],
    )
    return result
  } finally {
    await worker.stop()
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

/** The same samples in Node, per article: `repeat` analyses of one text, divided by `repeat`. */
function nodeSamples(inputs: readonly AnalyzeInput[], rounds: number, repeat: number): number[][] {
  for (const input of inputs) analyzeArticle(input)
  const samples = perArticle(inputs.length)
  for (let round = 0; round < rounds; round++) {
    inputs.forEach((input, article) => {
      const start = performance.now()
      for (let i = 0; i < repeat; i++) analyzeArticle(input)
      samples[article]!.push((performance.now() - start) / repeat)
    })
  }
  return samples
}
