import { readFileSync } from 'node:fs'
import type { StoredArticle } from '../../src/article'
import type { SearchParams } from '../../src/search/search'
import { pick, random } from '../../scripts/lib/random'

export type BenchQuery = { q: string; year?: string; from?: string; to?: string; day?: [number, number] }
export type QuerySet = { exact: BenchQuery[]; typo: BenchQuery[]; prefix: BenchQuery[]; faceted: BenchQuery[]; filtered: BenchQuery[] }

/** Words a reader would type: title words of five letters or more (names, topics). */
function titleWords(articles: readonly StoredArticle[]): string[] {
  return articles.flatMap((article) => article.title.match(/\p{L}{5,}/gu) ?? [])
}

function withTypo(next: () => number, word: string): string {
  const at = 1 + Math.floor(next() * (word.length - 2))
  return `${word.slice(0, at)}${word[at + 1] ?? ''}${word[at]}${word.slice(at + 2)}`
}

/** The same queries for every engine: `size` of each kind, from the corpus's own titles, deterministic. */
export function querySet(articles: readonly StoredArticle[], size: number, seed = 42): QuerySet {
  const next = random(seed)
  const words = titleWords(articles)
  const dated = articles.filter((article) => article.date)
  const years = [...new Set(dated.map((article) => article.date!.slice(0, 4)))]
  const make = (fn: () => BenchQuery) => Array.from({ length: size }, fn)
  return {
    exact: make(() => ({ q: next() < 0.5 ? pick(next, words) : `${pick(next, words)} ${pick(next, words)}` })),
    typo: make(() => ({ q: withTypo(next, pick(next, words)) })),
    prefix: make(() => {
      const word = pick(next, words)
      return { q: word.slice(0, 3 + Math.floor(next() * 3)) }
    }),
    faceted: make(() => ({ q: pick(next, words), year: pick(next, years) })),
    filtered: make(() => {
      const year = Number(pick(next, years))
      return { q: pick(next, words), from: `${year}-01-01`, to: `${year + 2}-12-31`, day: [dayOf(`${year}-01-01`), dayOf(`${year + 2}-12-31`)] }
    }),
  }
}

function dayOf(date: string): number {
  return Math.floor(Date.parse(date) / 86_400_000)
}

/** The scale bench's seed: every bench that compares with it (shards, heaps, facet answers) asks the same searches. */
const SCALE_SEED = 20261207

/** The scale bench's search mix: `count` queries, the kinds in turn, from the titles of `articles`. */
export function scaleQueries(articles: readonly StoredArticle[], count: number): BenchQuery[] {
  return Object.values(querySet(articles, Math.ceil(count / 5), SCALE_SEED))
    .flat()
    .slice(0, count)
}

/** A query as `/api/search` takes it in its URL. */
export function searchPath(query: BenchQuery): string {
  return `/api/search?${new URLSearchParams({ q: query.q, ...(query.from ? { from: query.from, to: query.to! } : {}) })}`
}

/** A query as the front's route hands it to the search: one page of 10 by relevance. */
export function searchParams(query: BenchQuery): SearchParams {
  return { q: query.q, limit: 10, offset: 0, sort: 'relevance', ...(query.from ? { from: query.from, to: query.to! } : {}) }
}

/** The first `count` articles of a JSON Lines corpus (the scale bench's one index is made of them). */
export function firstArticles(corpus: string, count = 10_000): StoredArticle[] {
  return readFileSync(corpus, 'utf8')
    .split('\n')
    .filter(Boolean)
    .slice(0, count)
    .map((line) => JSON.parse(line) as StoredArticle)
}
