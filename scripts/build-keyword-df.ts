/**
 * Writes src/analysis/summary/document-frequency.json: in how many corpus articles each
 * content term occurs, for the terms in at least MIN_DOCUMENTS of them. Keywords use it
 * as an inverse document frequency, at build time and at the edge alike, so
 * words common to all news ("people", "government") rank below the story's own.
 *
 *   npm run build:keyword-df                 # from corpus/
 *   CORPUS=path npm run build:keyword-df     # from another corpus
 */
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { NEWS_STOP_WORDS } from '../src/text/stop-words'
import { termsOfWord } from '../src/analysis/summary/terms'
import { PROSE_WORD } from '../src/text/tokens'
import { readCorpus } from './lib/read-corpus'

const MIN_DOCUMENTS = 3
const OUTPUT = resolve('src/analysis/summary/document-frequency.json')

const { articles } = readCorpus(resolve(process.env.CORPUS ?? 'corpus'))
const counts = new Map<string, number>()
for (const article of articles) {
  const terms = new Set<string>()
  for (const [word] of `${article.title ?? ''} ${article.text}`.matchAll(PROSE_WORD)) for (const term of termsOfWord(word)) terms.add(term)
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1)
}
const frequent = [...counts]
  .filter(([term, count]) => count >= MIN_DOCUMENTS && term.length > 2 && !NEWS_STOP_WORDS.has(term) && !/\d/.test(term))
  .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
writeFileSync(OUTPUT, `${JSON.stringify({ documents: articles.length, terms: Object.fromEntries(frequent) })}\n`)
console.log(`wrote ${OUTPUT}: ${frequent.length} terms in ${MIN_DOCUMENTS}+ of ${articles.length} articles`)
