/**
 * Measures the product's search on a BEIR-format test collection, next to a
 * plain BM25 baseline computed in the same run:
 *
 *   npm run eval:search -- --corpus corpus.jsonl --queries queries.jsonl --qrels qrels/test.tsv
 *
 * Each document is analysed and indexed exactly as `npm run build` does, and
 * each query goes through `searchArticles` with the API's defaults, so the
 * figures are what `GET /api/search?q=…` answers (100 hits a query).
 * The collection is read where it lies; nothing of it is copied.
 */
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { analyzeArticle } from '../src/analyze'
import type { StoredArticle } from '../src/article'
import { corpusOfArticles } from '../src/search/memory-corpus'
import { searchArticles } from '../src/search/search'
import { createBm25 } from './lib/bm25'
import { evaluate, type Qrels, type Scores } from './lib/ir-metrics'

const HITS = 100

type BeirDocument = { _id?: string; id?: string; title?: string; text: string }
type BeirQuery = { _id: string; text: string }

function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T)
}

function readQrels(path: string): Qrels {
  const qrels: Qrels = new Map()
  for (const line of readFileSync(path, 'utf8').split('\n').slice(1)) {
    const [query, document, score] = line.trim().split('\t')
    if (!query || !document || Number(score) <= 0) continue
    const judged = qrels.get(query) ?? new Map<string, number>()
    judged.set(document, Number(score))
    qrels.set(query, judged)
  }
  return qrels
}

/** A document as the build stores an article: the analysis included (summary and entities are indexed fields). */
function toArticle(document: BeirDocument): StoredArticle {
  const id = String(document._id ?? document.id)
  const title = document.title?.trim() || undefined
  return { id, text: document.text, ...analyzeArticle({ text: document.text, ...(title ? { title } : {}) }) }
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { corpus: { type: 'string' }, queries: { type: 'string' }, qrels: { type: 'string' } } })
  if (!values.corpus || !values.queries || !values.qrels) {
    console.error('usage: npm run eval:search -- --corpus corpus.jsonl --queries queries.jsonl --qrels qrels/test.tsv')
    return 2
  }
  const qrels = readQrels(values.qrels)
  const queries = readJsonl<BeirQuery>(values.queries).filter((query) => qrels.has(query._id))
  const documents = readJsonl<BeirDocument>(values.corpus).filter((document) => document.text?.trim())

  let started = performance.now()
  const articles = documents.map(toArticle)
  const corpus = corpusOfArticles(articles)
  console.log(`indexed ${articles.length} documents in ${((performance.now() - started) / 1000).toFixed(1)} s; ${queries.length} judged queries`)

  started = performance.now()
  const product = new Map<string, string[]>()
  const modes = { all: 0, typos: 0, anyTerm: 0, none: 0 }
  for (const query of queries) {
    const response = await searchArticles(corpus, { q: query.text.slice(0, 500), limit: HITS, offset: 0, sort: 'relevance' })
    product.set(query._id, response.hits.map((hit) => hit.id))
    if (response.total === 0) modes.none++
    else if (response.fallback) modes.anyTerm++
    else if (response.typoTolerance) modes.typos++
    else modes.all++
  }
  const productMs = (performance.now() - started) / queries.length

  const bm25 = createBm25(documents.map((document) => ({ id: String(document._id ?? document.id), text: `${document.title ?? ''} ${document.text}` })))
  const baseline = new Map(queries.map((query) => [query._id, bm25(query.text, HITS)]))

  const row = (name: string, scores: Scores) =>
    `| ${name} | ${scores.ndcg10.toFixed(4)} | ${scores.recall100.toFixed(4)} | ${scores.map100.toFixed(4)} |`
  console.log('\n| system | nDCG@10 | Recall@100 | MAP@100 |\n| --- | --- | --- | --- |')
  console.log(row('BM25 baseline (k1 1.2, b 0.75, no stemming)', evaluate(baseline, qrels)))
  console.log(row('News Edge search (as the API answers)', evaluate(product, qrels)))
  console.log(
    `\nqueries answered with every word: ${modes.all}, with typo tolerance: ${modes.typos}, ` +
      `by the any-word fallback: ${modes.anyTerm}, with nothing: ${modes.none}; ${productMs.toFixed(1)} ms a query on average`,
  )
  return 0
}

process.exitCode = await main()
