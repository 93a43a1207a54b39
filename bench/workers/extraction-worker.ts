/**
 * A bench-only Worker, run by `npm run bench` under `wrangler dev` with its own
 * config (wrangler.toml's `main`, the product, does not import it):
 * `GET /?article=I&repeat=K` runs `analyzeArticle` K times on article I of the
 * built bundle and answers a checksum, so that the work cannot be skipped.
 * `repeat=0` does everything but the analysis: timed from outside, its round
 * trip is the overhead that a K-times request minus it leaves out. Inside
 * workerd the clocks stand still during synchronous work, so nothing is timed here.
 */
import { analyzeArticle, type AnalyzeInput } from '../../src/analysis/analyze'
import { getBundle } from '../../src/bundle/load'

let inputs: AnalyzeInput[] | undefined

export default {
  async fetch(request: Request): Promise<Response> {
    const bundle = getBundle()
    const articles = inputs ? undefined : await bundle.articlesById(bundle.ids)
    inputs ??= bundle.ids
      .map((id) => articles!.get(id)!)
      .map((article) => ({ text: article.text, ...(article.titleGenerated ? {} : { title: article.title }), ...(article.date ? { date: article.date } : {}) }))
    const url = new URL(request.url)
    if (url.pathname === '/count') return new Response(String(inputs.length))
    const article = inputs[Number(url.searchParams.get('article'))]
    const repeat = Number(url.searchParams.get('repeat') ?? '1')
    if (!article || !Number.isInteger(repeat) || repeat < 0) return new Response('article or repeat out of range', { status: 400 })
    let checksum = 0
    for (let i = 0; i < repeat; i++) {
      const analysis = analyzeArticle(article)
      checksum += analysis.facts.entities.length + analysis.keywords.length + analysis.summary.sentences.length
    }
    return new Response(String(checksum))
  },
}
