/**
 * A fingerprint of the whole analysis of every bundled article, to prove that a
 * speed change left every output as it was:
 *
 *   npx tsx bench/analysis-hashes.ts --write /tmp/before.json   # before the change
 *   npx tsx bench/analysis-hashes.ts --check /tmp/before.json   # after it: exits 1 and names the articles that differ
 *
 * Each article is analysed twice, as the build does (its title and date when the
 * corpus gives them) and as `POST /api/extract` sees bare text (no title, no
 * date: the generated headline and the undated paths), and the SHA-256 of each
 * analysis's JSON (key order included, as an answer serialises it) is kept.
 * Reads the built bundle's texts (`npm run build` first); the analysis stored in
 * the bundle is not used.
 */
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { analyzeArticle } from '../src/analysis/analyze'
import { analyzeInput, bundledArticles } from './lib/corpus'

const { values } = parseArgs({ options: { write: { type: 'string' }, check: { type: 'string' } } })
if (!values.write && !values.check) {
  console.error('usage: npx tsx bench/analysis-hashes.ts --write FILE | --check FILE')
  process.exit(2)
}

const sha256 = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex')

const hashes: Record<string, { asBuilt: string; bareText: string }> = {}
for (const article of bundledArticles()) {
  const asBuilt = analyzeInput(article)
  hashes[article.id] = { asBuilt: sha256(analyzeArticle(asBuilt)), bareText: sha256(analyzeArticle({ text: article.text })) }
}
const all = sha256(hashes)

if (values.write) {
  writeFileSync(values.write, JSON.stringify({ all, articles: hashes }, null, 1))
  console.log(`${Object.keys(hashes).length} articles, analyses hashed: ${all} -> ${values.write}`)
}
if (values.check) {
  const expected = JSON.parse(readFileSync(values.check, 'utf8')) as { all: string; articles: typeof hashes }
  const ids = new Set([...Object.keys(expected.articles), ...Object.keys(hashes)])
  const differing = [...ids].filter((id) => JSON.stringify(expected.articles[id]) !== JSON.stringify(hashes[id]))
  if (differing.length === 0) console.log(`${ids.size} articles: every analysis identical to ${values.check} (${all})`)
  else {
    console.log(`${differing.length} of ${ids.size} articles differ from ${values.check}:`)
    for (const id of differing) console.log(`  ${id}`)
    process.exitCode = 1
  }
}
