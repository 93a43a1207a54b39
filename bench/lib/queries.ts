import type { StoredArticle } from '../../src/article'
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
