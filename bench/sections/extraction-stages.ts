import { isDeepStrictEqual } from 'node:util'
import { analyzeArticle, type AnalyzeInput } from '../../src/analysis/analyze'
import { extractDates } from '../../src/analysis/facts/dates'
import { findDateline } from '../../src/analysis/facts/dateline'
import { extractEntities } from '../../src/analysis/facts/entities'
import { extractQuantities } from '../../src/analysis/facts/quantities'
import { extractQuotes } from '../../src/analysis/facts/quotes'
import { extractStatements } from '../../src/analysis/facts/statements'
import { generateHeadline } from '../../src/analysis/summary/headline'
import { extractKeywords } from '../../src/analysis/summary/keywords'
import { DEFAULT_SUMMARY_SENTENCES, summarize } from '../../src/analysis/summary/summarize'
import type { StoredArticle } from '../../src/article'
import { readDocument } from '../../src/text/document'
import { ms } from '../lib/stats'

export const STAGES = [
  'read (sentences, dateline)',
  'keywords',
  'headline',
  'summary',
  'facts: dateline',
  'facts: entities',
  'facts: quotes',
  'facts: quantities',
  'facts: dates',
  'facts: statements',
] as const
type Stage = (typeof STAGES)[number]

export type Percentiles = { p50: number; p95: number; p99: number; max: number }
export type ExtractionStages = {
  rounds: number
  articles: number
  stages: Record<Stage | 'total', Percentiles>
  /** The articles whose whole analysis took longest (median over the rounds), slowest first. */
  slowest: Array<{ id: string; characters: number; sentences: number; ms: number }>
}

function percentiles(samples: readonly number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[sorted.length - 1] ?? NaN }
}

/**
 * `analyzeArticle` cut into its stages, each timed per article: the calls
 * analyze.ts and facts/extract.ts make, in their order, on one document. That
 * the cut is the same work is checked, not assumed: each article's staged
 * result must equal `analyzeArticle`'s (the bench stops otherwise, e.g. when a
 * stage is added to extractFacts and not here).
 */
export function extractionStages(articles: readonly StoredArticle[], rounds: number): ExtractionStages {
  const samples = new Map<Stage | 'total', number[]>([...STAGES, 'total' as const].map((stage) => [stage, []]))
  const perArticle = new Map<string, number[]>()
  const staged = (input: AnalyzeInput, times: Map<Stage, number>) => {
    let clock = performance.now()
    const lap = (stage: Stage) => {
      const now = performance.now()
      times.set(stage, now - clock)
      clock = now
    }
    const document = readDocument(input.text)
    lap('read (sentences, dateline)')
    const keywords = extractKeywords(document)
    lap('keywords')
    const title = input.title ?? generateHeadline(document)
    lap('headline')
    const summary = summarize(document, DEFAULT_SUMMARY_SENTENCES, { ...(input.title === undefined ? {} : { title: input.title }), keywords })
    lap('summary')
    const { text, sentences } = document
    const dateline = findDateline(document)
    lap('facts: dateline')
    const entities = extractEntities(text, sentences, dateline)
    lap('facts: entities')
    const quotes = extractQuotes(text, sentences, entities)
    lap('facts: quotes')
    const quantities = extractQuantities(text, sentences, entities, input.date)
    lap('facts: quantities')
    const dates = extractDates(text, input.date, sentences)
    lap('facts: dates')
    const statements = extractStatements(text, sentences, entities)
    lap('facts: statements')
    const facts = {
      ...(input.date ? { date: input.date } : {}),
      ...(dateline ? { dateline: { place: dateline.place, ...(dateline.country ? { country: dateline.country } : {}) } } : {}),
      entities,
      quotes,
      quantities,
      dates,
      statements,
    }
    return { title, titleGenerated: input.title === undefined, summary, keywords, facts }
  }
  const inputs = articles.map((article) => ({
    id: article.id,
    input: {
      text: article.text,
      ...(article.titleGenerated ? {} : { title: article.title }),
      ...(article.date ? { date: article.date } : {}),
    } satisfies AnalyzeInput,
  }))
  for (const { id, input } of inputs) {
    if (!isDeepStrictEqual(staged(input, new Map()), analyzeArticle(input))) {
      throw new Error(`the staged analysis of ${id} differs from analyzeArticle's: bench/sections/extraction-stages.ts no longer makes the same calls`)
    }
  }
  for (let round = 0; round < rounds; round++) {
    for (const { id, input } of inputs) {
      const times = new Map<Stage, number>()
      staged(input, times)
      let total = 0
      for (const [stage, time] of times) {
        samples.get(stage)!.push(time)
        total += time
      }
      samples.get('total')!.push(total)
      perArticle.set(id, [...(perArticle.get(id) ?? []), total])
    }
  }
  const byId = new Map(articles.map((article) => [article.id, article]))
  const slowest = [...perArticle]
    .map(([id, totals]) => ({ id, ms: percentiles(totals).p50 }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5)
    .map(({ id, ms: time }) => ({ id, characters: byId.get(id)!.text.length, sentences: readDocument(byId.get(id)!.text).sentences.length, ms: time }))
  return {
    rounds,
    articles: articles.length,
    stages: Object.fromEntries([...samples].map(([stage, values]) => [stage, percentiles(values)])) as ExtractionStages['stages'],
    slowest,
  }
}

/** The table rows: one per stage, then the total, in ms. */
export function stageRows(result: ExtractionStages): string[][] {
  return [...STAGES, 'total' as const].map((stage) => {
    const figure = result.stages[stage]
    return [stage, ms(figure.p50), ms(figure.p95), ms(figure.p99), ms(figure.max)]
  })
}
