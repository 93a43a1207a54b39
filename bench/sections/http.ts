import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import autocannon from 'autocannon'
import type { StoredArticle } from '../../src/article'
import { startWranglerDev } from '../../scripts/lib/wrangler-dev'
import type { QuerySet } from '../lib/queries'
import { summarize, type Figure } from '../lib/stats'

export type CannonFigure = { path: string; requestsPerSecond: number; p50: number; p99: number; requests: number; non2xx: number; errors: number }
export type HttpResult = { runs: CannonFigure[]; searchOverHealth: number; extract: Figure; healthRoundTrip: Figure; connections: number; seconds: number }

/**
 * wrangler.toml without its rate limits (they would answer the load with 429s)
 * and with absolute paths (`main`, the assets directory), since wrangler
 * resolves them from the config's folder: the Worker as deployed, otherwise.
 */
export function benchConfig(): string {
  const lines = readFileSync('wrangler.toml', 'utf8').split('\n')
  const kept: string[] = []
  let skipping = false
  for (const line of lines) {
    if (/^\s*\[/.test(line)) skipping = /^\s*\[\[ratelimits\]\]/.test(line)
    if (!skipping) kept.push(line.replace(/^(main|directory)\s*=\s*"(.*)"/, (_, key: string, path: string) => `${key} = "${resolve(path)}"`))
  }
  mkdirSync('bench/results', { recursive: true })
  const path = resolve('bench/results/wrangler.bench.toml')
  writeFileSync(path, kept.join('\n'))
  return path
}

function cannon(base: string, paths: readonly string[], connections: number, seconds: number): Promise<CannonFigure> {
  let next = 0
  return new Promise((done, fail) => {
    autocannon(
      {
        url: base,
        connections,
        duration: seconds,
        requests: [{ setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }) }],
      },
      (error, result) => {
        if (error) return fail(error)
        done({
          path: paths.length === 1 ? paths[0]! : `${paths[0]!.split('?')[0]} (${paths.length} queries)`,
          requestsPerSecond: result.requests.average,
          p50: result.latency.p50,
          p99: result.latency.p99,
          requests: result.requests.total,
          non2xx: result.non2xx,
          errors: result.errors,
        })
      },
    )
  })
}

async function sequentialLatency(count: number, request: (i: number) => Promise<Response>): Promise<Figure> {
  const samples: number[] = []
  for (let i = 0; i < count; i++) {
    const start = performance.now()
    const response = await request(i)
    await response.arrayBuffer()
    if (!response.ok) throw new Error(`HTTP ${response.status}`)
    samples.push(performance.now() - start)
  }
  return summarize(samples)
}

/** `/api/search` (a query mix) against `/api/health` on one `wrangler dev`, alternating, loopback only. */
export async function httpBench(queries: QuerySet, articles: readonly StoredArticle[], seconds: number, connections: number): Promise<HttpResult> {
  const worker = await startWranglerDev({ configs: [benchConfig()], timeoutMs: 120_000 })
  const base = worker.origin
  try {
    const mix = Object.values(queries)
      .flat()
      .map(
        (query) =>
          `/api/search?${new URLSearchParams({ q: query.q, ...(query.from ? { from: query.from, to: query.to! } : {}), ...(query.year ? { year: query.year } : {}) })}`,
      )
    await cannon(base, mix, connections, 2)
    const runs: CannonFigure[] = []
    for (let round = 0; round < 2; round++) {
      runs.push(await cannon(base, ['/api/health'], connections, seconds))
      runs.push(await cannon(base, mix, connections, seconds))
    }
    const mean = (path: string) => {
      const matching = runs.filter((run) => run.path.startsWith(path))
      return matching.reduce((sum, run) => sum + run.requestsPerSecond, 0) / matching.length
    }
    const texts = articles.slice(0, 40)
    const extract = await sequentialLatency(texts.length, (i) =>
      fetch(`${base}/api/extract`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ text: texts[i]!.text, ...(texts[i]!.date ? { date: texts[i]!.date } : {}) }),
      }),
    )
    const healthRoundTrip = await sequentialLatency(40, () => fetch(`${base}/api/health`))
    return { runs, searchOverHealth: mean('/api/search') / mean('/api/health'), extract, healthRoundTrip, connections, seconds }
  } finally {
    await worker.stop()
  }
}
