import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { summarize } from '../../src/analysis/summary/summarize'
import { rouge, type RougeScores } from './rouge'

/**
 * One article of a summary data set in the layout of bbc-summary-dev:
 * `article/<topic>/NAME.txt` (headline, blank line, body: one sentence a line,
 * blank lines between paragraphs) and `summary/<topic>/NAME.txt` (one sentence a line).
 */
export type EvalArticle = { topic: string; name: string; title: string; text: string; sentences: string[]; reference: string[] }

export type Scores = { count: number; product: RougeScores; lead: RougeScores }

export function readDataset(dir: string): EvalArticle[] {
  const articles: EvalArticle[] = []
  for (const topic of listDir(join(dir, 'article'))) {
    for (const file of listDir(join(dir, 'article', topic)).filter((name) => name.endsWith('.txt'))) {
      const reference = nonBlankLines(readFileSync(join(dir, 'summary', topic, file), 'utf8'))
      articles.push({ topic, name: file.replace(/\.txt$/, ''), ...parseArticle(readFileSync(join(dir, 'article', topic, file), 'utf8')), reference })
    }
  }
  return articles
}

/** Sentences are joined with a space inside a paragraph and paragraphs with a blank line, as an article's text would be. */
export function parseArticle(content: string): { title: string; text: string; sentences: string[] } {
  const [title = '', ...body] = content.replace(/\r\n?/g, '\n').split('\n')
  const paragraphs: string[][] = [[]]
  for (const line of body) {
    if (line.trim() === '') paragraphs.push([])
    else paragraphs.at(-1)!.push(line.trim())
  }
  const nonEmpty = paragraphs.filter((lines) => lines.length > 0)
  return { title: title.trim(), text: nonEmpty.map((lines) => lines.join(' ')).join('\n\n'), sentences: nonEmpty.flat() }
}

/** ROUGE of the product's summary and of Lead-N, N being the reference's sentence count, averaged per topic and overall. */
export function evaluate(articles: readonly EvalArticle[]): Map<string, Scores> {
  const totals = new Map<string, Scores>()
  for (const article of articles) {
    const n = article.reference.length
    const reference = article.reference.join(' ')
    const product = rouge(summarize(article.text, n, { title: article.title }).text, reference)
    const lead = rouge(article.sentences.slice(0, n).join(' '), reference)
    for (const key of [article.topic, 'overall']) add(totals, key, product, lead)
  }
  for (const scores of totals.values()) {
    for (const side of [scores.product, scores.lead]) for (const metric of METRICS) side[metric] /= scores.count
  }
  return totals
}

export const METRICS = ['rouge1', 'rouge2', 'rougeL'] as const

function add(totals: Map<string, Scores>, key: string, product: RougeScores, lead: RougeScores): void {
  const scores = totals.get(key) ?? { count: 0, product: { rouge1: 0, rouge2: 0, rougeL: 0 }, lead: { rouge1: 0, rouge2: 0, rougeL: 0 } }
  scores.count++
  for (const metric of METRICS) {
    scores.product[metric] += product[metric]
    scores.lead[metric] += lead[metric]
  }
  totals.set(key, scores)
}

function listDir(dir: string): string[] {
  return readdirSync(dir).sort()
}

function nonBlankLines(content: string): string[] {
  return content
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
}
