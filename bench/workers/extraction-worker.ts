/**
 * A bench-only Worker, run by `npm run bench` under `wrangler dev` with its own
 * config (wrangler.toml's `main`, the product, does not import it):
 * `POST /?repeat=K` with an `AnalyzeInput` as JSON runs `analyzeArticle` K
 * times on it and answers `{ checksum, ms }`: the checksum so that the work
 * cannot be skipped, `ms` the Worker's own clock across the K analyses (the
 * body already read and parsed). Under `wrangler dev` workerd's clock advances
 * during synchronous work, in whole milliseconds (deployed, it stands still
 * between I/O, and `ms` would be 0). `GET /ready` answers once the Worker is up.
 * `repeat=0` does everything but the analysis: timed from outside, its round
 * trip is what a request costs around the analysis.
 */
import { analyzeArticle, type AnalyzeInput } from '../../src/analysis/analyze'

export default {
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
      const analysis = analyzeArticle(input)
      checksum += analysis.facts.entities.length + analysis.keywords.length + analysis.summary.sentences.length
    }
    return Response.json({ checksum, ms: performance.now() - start })
  },
}
