/**
 * A bench-only Worker, run by `npm run bench` under `wrangler dev` with its own config (wrangler.toml's
 * `main`, the product, does not import it): this checkout's `analyzeArticle` behind the extraction
 * bench's handler (./extraction-handler.ts says what it answers).
 */
import { analyzeArticle } from '../../src/analysis/analyze'
import { extractionHandler } from './extraction-handler'

export default extractionHandler(analyzeArticle)
