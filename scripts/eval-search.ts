/**
 * Measures the product's search on collections derived from the bundled
 * corpus (short, long and misspelled queries, tuning and blind halves) and,
 * when given, a BEIR-format test collection, next to a plain BM25 baseline
 * computed in the same run, and writes the one table to docs/search-eval.md:
 *
 *   npm run eval:search -- [--corpus corpus.jsonl --queries queries.jsonl --qrels qrels/test.tsv] [--articles corpus] [--out docs/search-eval.md]
 *
 * Each document is analysed and indexed exactly as `npm run build` does, and
 * each query goes through `searchArticles` with the API's defaults, so the
 * figures are what `GET /api/search?q=…` answers (100 hits a query).
 * The collection is read where it lies; nothing of it is copied.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { basename, dirname } from 'node:path'
import { parseArgs } from 'node:util'
import { analyzeArticle } from '../src/analysis/analyze'
import type { StoredArticle } from '../src/article'
import { corpusOfArticles } from '../src/search/memory-corpus'
import { searchArticles } from '../src/search/search'
import { processTerm } from '../src/search/terms'
import { STOP_WORDS } from '../src/text/stop-words'
import { splitSentences } from '../src/text/sentences'
import { createBm25 } from './lib/bm25'
import { evaluate, type Qrels, type Scores } from './lib/ir-metrics'
import { readCorpus } from './lib/read-corpus'

const HITS = 100

type BeirDocument = { _id?: string; id?: string; title?: string; text: string }
/** `intended`: a misspelt query's words as meant, which a correction should give back. */
type BeirQuery = { _id: string; text: string; intended?: string }

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

type Collection = { name: string; queries: BeirQuery[]; qrels: Qrels }

/** FNV-1a: a stable hash, so an article's half (tuning or blind) never changes between runs. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0
  return hash
}

const SLIPS = {
  swap: (word: string, at: number) => word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2),
  drop: (word: string, at: number) => word.slice(0, at) + word.slice(at + 1),
  insert: (word: string, at: number) => word.slice(0, at) + word[at] + word.slice(at),
  substitute: (word: string, at: number) => word.slice(0, at) + (word[at] === 'e' ? 'a' : 'e') + word.slice(at + 1),
} as const

/**
 * Queries derived from the bundled corpus, each judged relevant to its own
 * article only: short (the title's three rarest words), title (the whole
 * title, as a reader pastes a headline), long (the first sentence), middle (a
 * sentence of at least 15 words from the article's middle: long, and worded
 * unlike the title and lead) and misspelled (the title's rarest word with one
 * slip, plus the next rarest word spelled right). Each set is split into a
 * tuning half and a blind half by a hash of the article id.
 */
function derivedCollections(articles: readonly { id: string; title?: string; text: string }[]): Collection[] {
  const documentFrequency = new Map<string, number>()
  const titleWords = (title: string) => [
    ...new Set((title.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => !STOP_WORDS.has(word) && word.length > 2)),
  ]
  for (const article of articles) {
    for (const word of new Set(`${article.title ?? ''} ${article.text}`.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])) {
      documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1)
    }
  }
  const kinds: string[] = ['short', 'title', 'long', 'middle', ...Object.keys(SLIPS).map((slip) => `typo-${slip}`)]
  const collections = new Map<string, Collection>()
  const add = (kind: string, article: { id: string }, text: string, intended?: string) => {
    const name = `${kind} (${hashOf(article.id) % 2 === 0 ? 'tuning' : 'blind'})`
    const collection = collections.get(name) ?? { name, queries: [] as BeirQuery[], qrels: new Map() }
    const id = `${kind}:${article.id}`
    collection.queries.push({ _id: id, text, ...(intended ? { intended } : {}) })
    collection.qrels.set(id, new Map([[article.id, 1]]))
    collections.set(name, collection)
  }
  for (const article of articles) {
    const rarest = titleWords(article.title ?? '').sort((a, b) => (documentFrequency.get(a) ?? 0) - (documentFrequency.get(b) ?? 0))
    if (rarest.length >= 2) add('short', article, rarest.slice(0, 3).join(' '))
    if (article.title && rarest.length >= 2) add('title', article, article.title)
    const sentences = splitSentences(article.text).map((sentence) => article.text.slice(sentence.start, sentence.end))
    if (sentences[0]) add('long', article, sentences[0])
    const middle = sentences.slice(Math.floor(sentences.length / 2)).find((sentence) => sentence.split(/\s+/).length >= 15)
    if (middle) add('middle', article, middle)
    const misspelled = rarest.find((word) => word.length >= 5 && /^\p{L}+$/u.test(word))
    const right = rarest.find((word) => word !== misspelled)
    if (!misspelled || !right) continue
    for (const [slip, apply] of Object.entries(SLIPS)) {
      const at = 1 + (hashOf(article.id + slip) % (misspelled.length - 2))
      add(`typo-${slip}`, article, `${apply(misspelled, at)} ${right}`, `${misspelled} ${right}`)
    }
  }
  return [...collections.values()].sort((a, b) => kinds.indexOf(a.name.split(' ')[0]!) - kinds.indexOf(b.name.split(' ')[0]!) || a.name.localeCompare(b.name))
}

/** Share of queries whose judged article is among the first five hits. */
function successAt5(run: Map<string, string[]>, qrels: Qrels): number {
  let found = 0
  for (const [query, judged] of qrels) if ((run.get(query) ?? []).slice(0, 5).some((id) => judged.has(id))) found++
  return qrels.size === 0 ? 0 : found / qrels.size
}

/** A query's index terms: two queries with the same terms search alike ("leave" and "leaves"). */
const termsOf = (q: string) => (q.match(/[\p{L}\p{M}\p{N}]+/gu) ?? []).map(processTerm).join(' ')

async function measure(corpus: ReturnType<typeof corpusOfArticles>, bm25: ReturnType<typeof createBm25>, collection: Collection): Promise<string[]> {
  const product = new Map<string, string[]>()
  let corrected = 0
  let rightly = 0
  let spelt = 0
  for (const query of collection.queries) {
    const response = await searchArticles(corpus, { q: query.text.slice(0, 500), limit: HITS, offset: 0, sort: 'relevance' })
    product.set(
      query._id,
      response.hits.map((hit) => hit.id),
    )
    if (query.intended && response.correctedQuery) {
      corrected++
      if (response.correctedQuery.toLowerCase() === query.intended) spelt++
      if (termsOf(response.correctedQuery) === termsOf(query.intended)) rightly++
    }
  }
  const baseline = new Map(collection.queries.map((query) => [query._id, bm25(query.text, HITS)]))
  const misspelt = collection.queries.some((query) => query.intended)
  const row = (system: string, run: Map<string, string[]>, corrections: string) => {
    const scores: Scores = evaluate(run, collection.qrels)
    return `| ${collection.name} | ${collection.queries.length} | ${system} | ${scores.ndcg10.toFixed(4)} | ${scores.recall100.toFixed(4)} | ${scores.map100.toFixed(4)} | ${successAt5(run, collection.qrels).toFixed(4)} | ${corrections} |`
  }
  const corrections = !misspelt
    ? '—'
    : corrected === 0
      ? 'none made'
      : `${(rightly / corrected).toFixed(4)} (${rightly} of ${corrected}; ${spelt} spelt as meant)`
  return [
    row('BM25 baseline (k1 1.2, b 0.75, no stemming)', baseline, misspelt ? 'none made' : '—'),
    row('News Edge search (as the API answers)', product, corrections),
  ]
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string' },
      queries: { type: 'string' },
      qrels: { type: 'string' },
      articles: { type: 'string', default: 'corpus' },
      out: { type: 'string', default: 'docs/search-eval.md' },
    },
  })
  const rows: string[] = []
  const started = performance.now()
  const bundled = readCorpus(values.articles).articles
  const bundledCorpus = corpusOfArticles(bundled.map((input) => toArticle({ id: input.id, text: input.text, ...(input.title ? { title: input.title } : {}) })))
  const bundledBm25 = createBm25(bundled.map((article) => ({ id: article.id, text: `${article.title ?? ''} ${article.text}` })))
  for (const collection of derivedCollections(bundled)) rows.push(...(await measure(bundledCorpus, bundledBm25, collection)))
  if (values.corpus && values.queries && values.qrels) {
    const qrels = readQrels(values.qrels)
    const queries = readJsonl<BeirQuery>(values.queries).filter((query) => qrels.has(query._id))
    const documents = readJsonl<BeirDocument>(values.corpus).filter((document) => document.text?.trim())
    const corpus = corpusOfArticles(documents.map(toArticle))
    const bm25 = createBm25(documents.map((document) => ({ id: String(document._id ?? document.id), text: `${document.title ?? ''} ${document.text}` })))
    console.log(`${documents.length} documents; ${queries.length} judged queries`)
    rows.push(...(await measure(corpus, bm25, { name: basename(dirname(values.queries)), queries, qrels })))
  }
  const table = [
    '| collection | queries | system | nDCG@10 | Recall@100 | MAP@100 | success@5 | corrections right |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n')
  console.log(`\n${table}\n\n${((performance.now() - started) / 1000).toFixed(1)} s`)
  writeFileSync(
    values.out,
    `# Search evaluation\n\nWritten by \`npm run eval:search\` on ${new Date().toISOString().slice(0, 10)}. Derived collections: each query is judged relevant to its own bundled article only (short: the title's three rarest words; title: the whole title; long: the first sentence; middle: a sentence of 15 words or more from the article's middle; typo-*: the title's rarest word with one slip plus another title word; *corrections right*: of the queries answered with a \`correctedQuery\`, the share corrected to the words as meant, as the index reads them ("leave" for "leaves" searches the same), and how many were spelt exactly as meant), split into tuning and blind halves by a hash of the article id.\n\n${table}\n`,
  )
  return 0
}

process.exitCode = await main()
