/**
 * `npm run corpus:pull -- --url https://news.example [--corpus corpus] [--out corpus/live/live.jsonl]`
 *
 * Writes the live segment's articles into the corpus (docs/live.md), so that
 * the next `npm run build` and deploy fold them into the bundle; the segment
 * then drops them by itself. The token is read from INGEST_TOKEN (kept out
 * of the command line, where it would reach shell history and process lists).
 */
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { applyPull } from './lib/corpus-pull'
import { readLiveExport } from './lib/live-export'

const { values } = parseArgs({ options: { url: { type: 'string' }, corpus: { type: 'string', default: 'corpus' }, out: { type: 'string' } } })
const token = process.env.INGEST_TOKEN
if (!values.url || !token) {
  console.error('usage: INGEST_TOKEN=… npm run corpus:pull -- --url https://your-worker [--corpus corpus] [--out corpus/live/live.jsonl]')
  process.exit(2)
}
// Page by page (a segment of thousands of articles is more than one answer carries), all pages at one version.
const { exported, pages } = await readLiveExport(values.url, token).catch((error: unknown) => {
  console.error((error as Error).message)
  process.exit(1)
})
const out = values.out ?? join(values.corpus, 'live', 'live.jsonl')
const result = applyPull(values.corpus, out, exported)
console.log(
  `live segment version ${exported.version} (${pages} page(s)): ${result.written} article(s) written to ${out}; ${exported.tombstones.length} deleted id(s)`,
)
for (const file of result.removedFiles) console.log(`  removed ${file} (replaced or deleted live)`)
for (const file of result.rewrittenFiles) console.log(`  rewrote ${file} without the lines of replaced or deleted ids`)
console.log('Next: npm run build && npm run deploy. The first reader of the new bundle drops these articles from the live segment.')
