import { mkdirSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { analyzeArticle, type AnalyzeInput } from '../../src/analysis/analyze'
import { startWranglerDev } from '../../scripts/lib/wrangler-dev'
import { fig, summarize, type Figure } from '../lib/stats'
import { printTable } from '../../scripts/lib/table'

export type WorkerdExtraction = { texts: string; articles: number; rounds: number; repeat: number; node: Figure; workerd: Figure; roundTrip: Figure }

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
 * on the texts given (`label` says which). workerd's clocks do not advance
 * during synchronous work (a Spectre mitigation), so the time is taken from
 * Node: a request that analyses one text `repeat` times, minus the median of
 * three requests that post the same text and analyse nothing, divided by
 * `repeat`. The Worker is bench-only (bench/workers/); the production Worker
 * does not contain it.
 */
export async function extractionInWorkerd(inputs: readonly AnalyzeInput[], label: string, rounds: number, repeat: number): Promise<WorkerdExtraction> {
  const worker = await startWranglerDev({ configs: [workerConfig()], readyPath: '/ready', timeoutMs: 120_000 })
  const base = worker.origin
  try {
    const bodies = inputs.map((input) => JSON.stringify(input))
    const call = async (article: number, times: number) => {
      const start = performance.now()
      const response = await fetch(`${base}/?repeat=${times}`, { method: 'POST', body: bodies[article]! })
      await response.text()
      if (!response.ok) throw new Error(`bench Worker answered ${response.status}`)
      return performance.now() - start
    }
    const count = inputs.length
    for (let i = 0; i < count; i++) await call(i, 1)
    const samples: number[] = []
    const roundTrips: number[] = []
    for (let round = 0; round < rounds; round++) {
      for (let i = 0; i < count; i++) {
        const empty = [await call(i, 0), await call(i, 0), await call(i, 0)].sort((a, b) => a - b)[1]!
        roundTrips.push(empty)
        samples.push(Math.max(0, (await call(i, repeat)) - empty) / repeat)
      }
    }
    const result = {
      texts: label,
      articles: count,
      rounds,
      repeat,
      node: nodeFigure(inputs, rounds, repeat),
      workerd: summarize(samples),
      roundTrip: summarize(roundTrips),
    }
    printTable(
      `Extraction per article, same run: workerd (wrangler dev, loopback) and Node; ${label}, ${count} articles × ${rounds} rounds, ${repeat} analyses a sample (ms, median / p99)`,
      ['runtime', 'analyzeArticle per article'],
      [
        ['workerd (request minus an empty request, timed from Node)', fig(result.workerd)],
        ['Node (in process)', fig(result.node)],
        ['empty request round trip (subtracted)', fig(result.roundTrip)],
      ],
    )
    return result
  } finally {
    await worker.stop()
  }
}

/** The same samples in Node: `repeat` analyses of one text, divided by `repeat`. */
function nodeFigure(inputs: readonly AnalyzeInput[], rounds: number, repeat: number): Figure {
  for (const input of inputs) analyzeArticle(input)
  const samples: number[] = []
  for (let round = 0; round < rounds; round++) {
    for (const input of inputs) {
      const start = performance.now()
      for (let i = 0; i < repeat; i++) analyzeArticle(input)
      samples.push((performance.now() - start) / repeat)
    }
  }
  return summarize(samples)
}
