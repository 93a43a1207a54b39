/**
 * The bench-only extraction Worker's handler, given the `analyzeArticle` to time: this checkout's
 * (bench/workers/extraction-worker.ts) or a baseline checkout's (an entry the bench writes for
 * `--baseline=DIR`, so that both run the same handler). `POST /?repeat=K` with an `AnalyzeInput` as
 * JSON runs the analysis K times and answers `{ checksum, ms }`: the checksum so that the work
 * cannot be skipped, `ms` the Worker's own clock across the K analyses (the body already read and
 * parsed). Under `wrangler dev` workerd's clock advances during synchronous work, in whole
 * milliseconds (deployed, it stands still between I/O, and `ms` would be 0). `GET /ready` answers
 * once the Worker is up. `repeat=0` does everything but the analysis: timed from outside, its round
 * trip is what a request costs around the analysis.
 */
import type { Analysis, AnalyzeInput } from '../../src/analysis/analyze'

export function extractionHandler(analyze: (input: AnalyzeInput) => Analysis): { fetch: (request: Request) => Promise<Response> } {
  return {
    async fetch(request: Request): Promise<Response> {
      const url = new URL(request.url)
      if (request.method === 'GET' && url.pathname === '/ready') return new Response('ready')
      const repeat = Number(url.searchParams.get('repeat') ?? '1')
      if (request.method !== 'POST' || !Number.isInteger(repeat) || repeat < 0)
        return new Response('POST an AnalyzeInput with ?repeat=K (K ≥ 0)', { status: 400 })
      const input = (await request.json()) as AnalyzeInput
      let checksum = 0
      const start = performance.now()
      for (let i = 0; i < repeat; i++) {
        const analysis = analyze(input)
        checksum += analysis.facts.entities.length + analysis.keywords.length + analysis.summary.sentences.length
      }
      return Response.json({ checksum, ms: performance.now() - start })
    },
  }
}
