import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { isDeepStrictEqual } from 'node:util'
import type { AnalyzeInput } from '../../src/analysis/analyze'
import type { StoredArticle } from '../../src/article'
import { analyzeInput } from '../lib/corpus'
import { ms } from '../lib/stats'

/** The calls analyze.ts and facts/extract.ts make, as one checkout's modules export them. */
type Engines = {
  analyzeArticle: typeof import('../../src/analysis/analyze').analyzeArticle
  readDocument: typeof import('../../src/text/document').readDocument
  extractKeywords: typeof import('../../src/analysis/summary/keywords').extractKeywords
  generateHeadline: typeof import('../../src/analysis/summary/headline').generateHeadline
  summarize: typeof import('../../src/analysis/summary/summarize').summarize
  DEFAULT_SUMMARY_SENTENCES: number
  findDateline: typeof import('../../src/analysis/facts/dateline').findDateline
  extractEntities: typeof import('../../src/analysis/facts/entities').extractEntities
  extractQuotes: typeof import('../../src/analysis/facts/quotes').extractQuotes
  extractQuantities: typeof import('../../src/analysis/facts/quantities').extractQuantities
  extractDates: typeof import('../../src/analysis/facts/dates').extractDates
  extractStatements: typeof import('../../src/analysis/facts/statements').extractStatements
}

/**
 * The engines of the checkout at `root` (this one by default): another commit's
 * tree (`git worktree add --detach DIR COMMIT`, or `git archive COMMIT | tar -x -C DIR`,
 * with node_modules and generated/ linked in) times as a baseline in the same run.
 */
export async function loadEngines(root = '.'): Promise<Engines> {
  const load = (path: string) => import(pathToFileURL(resolve(root, 'src', path)).href)
  const [analyze, document, keywords, headline, summary, dateline, entities, quotes, quantities, dates, statements] = await Promise.all(
    [
      'analysis/analyze.ts',
      'text/document.ts',
      'analysis/summary/keywords.ts',
      'analysis/summary/headline.ts',
      'analysis/summary/summarize.ts',
      'analysis/facts/dateline.ts',
      'analysis/facts/entities.ts',
      'analysis/facts/quotes.ts',
      'analysis/facts/quantities.ts',
      'analysis/facts/dates.ts',
      'analysis/facts/statements.ts',
    ].map(load),
  )
  return {
    analyzeArticle: analyze.analyzeArticle,
    readDocument: document.readDocument,
    extractKeywords: keywords.extractKeywords,
    generateHeadline: headline.generateHeadline,
    summarize: summary.summarize,
    DEFAULT_SUMMARY_SENTENCES: summary.DEFAULT_SUMMARY_SENTENCES,
    findDateline: dateline.findDateline,
    extractEntities: entities.extractEntities,
    extractQuotes: quotes.extractQuotes,
    extractQuantities: quantities.extractQuantities,
    extractDates: dates.extractDates,
    extractStatements: statements.extractStatements,
  }
}

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

export type Percentiles = { p50: number; p95: number; p99: number; max: number; mean: number }
export type ExtractionStages = {
  rounds: number
  articles: number
  stages: Record<Stage | 'total', Percentiles>
  /** The articles whose whole analysis took longest (median over the rounds), slowest first. */
  slowest: Array<{ id: string; characters: number; sentences: number; ms: number }>
  /** Microseconds per character of the whole analysis (each article's fastest round), by article length: flat when the work is linear. */
  byLength: Array<{ band: string; articles: number; microsecondsPerCharacter: number }>
}

/** Article lengths in characters: the bands `byLength` averages over. */
const LENGTH_BANDS: ReadonlyArray<readonly [number, number]> = [
  [0, 2_000],
  [2_000, 4_000],
  [4_000, 8_000],
  [8_000, 16_000],
  [16_000, 32_000],
  [32_000, Infinity],
]

function percentiles(samples: readonly number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN
  return {
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: sorted[sorted.length - 1] ?? NaN,
    mean: sorted.reduce((sum, value) => sum + value, 0) / sorted.length,
  }
}

/** One checkout's engines under a name ("this checkout", "baseline"). */
export type EngineSet = { name: string; engines: Engines }

/** The staged analysis of one input: the calls analyzeArticle makes, in its order, each timed into `times`. */
function staged(engines: Engines, input: AnalyzeInput, times: Map<Stage, number>) {
  const e = engines
  let last = performance.now()
  const lap = (stage: Stage) => {
    const now = performance.now()
    times.set(stage, now - last)
    last = now
  }
  const document = e.readDocument(input.text)
  lap('read (sentences, dateline)')
  const keywords = e.extractKeywords(document)
  lap('keywords')
  const title = input.title ?? e.generateHeadline(document)
  lap('headline')
  const summary = e.summarize(document, e.DEFAULT_SUMMARY_SENTENCES, { ...(input.title === undefined ? {} : { title: input.title }), keywords })
  lap('summary')
  const { text, sentences } = document
  const dateline = e.findDateline(document)
  lap('facts: dateline')
  const entities = e.extractEntities(text, sentences, dateline)
  lap('facts: entities')
  const quotes = e.extractQuotes(text, sentences, entities)
  lap('facts: quotes')
  const quantities = e.extractQuantities(text, sentences, entities, input.date)
  lap('facts: quantities')
  const dates = e.extractDates(text, input.date, sentences)
  lap('facts: dates')
  const statements = e.extractStatements(text, sentences, entities)
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

/**
 * `analyzeArticle` cut into its stages, each timed per article, for each set
 * of engines (this checkout, and a baseline checkout when given) in the same
 * run: each article is analysed by every set in turn, the order alternating by
 * round, so both meet the same load. That the cut is the same work is checked,
 * not assumed: each article's staged result must equal that checkout's
 * `analyzeArticle` (the bench stops otherwise, e.g. when a stage is added to
 * extractFacts and not here). `identical` counts the articles whose analysis
 * is the same under every set. `bestOf`: each article's figure per stage is
 * its fastest round's, which leaves out the rounds another process's work
 * slowed (a shared machine); otherwise every round is a sample.
 */
export function extractionStages(
  articles: readonly StoredArticle[],
  rounds: number,
  sets: readonly EngineSet[],
  bestOf = false,
): { runs: Array<{ name: string } & ExtractionStages>; identical: number } {
  const inputs = articles.map((article) => ({
    id: article.id,
    input: analyzeInput(article),
  }))
  let identical = 0
  for (const { id, input } of inputs) {
    const results = sets.map(({ name, engines }) => {
      const result = staged(engines, input, new Map())
      if (!isDeepStrictEqual(result, engines.analyzeArticle(input))) {
        throw new Error(
          `${name}: the staged analysis of ${id} differs from analyzeArticle's: bench/sections/extraction-stages.ts no longer makes the same calls`,
        )
      }
      return result
    })
    if (results.every((result) => isDeepStrictEqual(result, results[0]))) identical++
  }
  // Per set, per article, per stage: one time per round.
  const times = sets.map(() => new Map<string, Map<Stage | 'total', number[]>>())
  for (let round = 0; round < rounds; round++) {
    for (const { id, input } of inputs) {
      for (let k = 0; k < sets.length; k++) {
        const set = round % 2 === 0 ? k : sets.length - 1 - k
        const laps = new Map<Stage, number>()
        staged(sets[set]!.engines, input, laps)
        const article = times[set]!.get(id) ?? new Map<Stage | 'total', number[]>([...STAGES, 'total' as const].map((stage) => [stage, []]))
        times[set]!.set(id, article)
        let total = 0
        for (const [stage, time] of laps) {
          article.get(stage)!.push(time)
          total += time
        }
        article.get('total')!.push(total)
      }
    }
  }
  const samplesOf = (set: number, stage: Stage | 'total') =>
    [...times[set]!.values()].flatMap((article) => (bestOf ? [Math.min(...article.get(stage)!)] : article.get(stage)!))
  const byId = new Map(articles.map((article) => [article.id, article]))
  const runs = sets.map(({ name, engines }, set) => ({
    name,
    rounds,
    articles: articles.length,
    stages: Object.fromEntries([...STAGES, 'total' as const].map((stage) => [stage, percentiles(samplesOf(set, stage))])) as ExtractionStages['stages'],
    slowest: [...times[set]!]
      .map(([id, article]) => ({ id, ms: percentiles(article.get('total')!).p50 }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 5)
      .map(({ id, ms: time }) => ({
        id,
        characters: byId.get(id)!.text.length,
        sentences: engines.readDocument(byId.get(id)!.text).sentences.length,
        ms: time,
      })),
    byLength: LENGTH_BANDS.map(([from, to]) => {
      const inBand = [...times[set]!].filter(([id]) => byId.get(id)!.text.length >= from && byId.get(id)!.text.length < to)
      const perCharacter = inBand.map(([id, article]) => (1000 * Math.min(...article.get('total')!)) / byId.get(id)!.text.length)
      return {
        band: to === Infinity ? `${from / 1000}k+` : `${from / 1000}k–${to / 1000}k`,
        articles: inBand.length,
        microsecondsPerCharacter: perCharacter.reduce((sum, value) => sum + value, 0) / Math.max(1, perCharacter.length),
      }
    }),
  }))
  return { runs, identical }
}

/**
 * The table's columns: p50, p95, p99, max and mean of each run, side by side. The mean weighs every article, so
 * it moves least with a few samples another process slowed: the figure to compare two runs by on a busy machine.
 */
export function stageColumns(runs: ReadonlyArray<{ name: string }>): string[] {
  return ['stage', ...runs.flatMap(({ name }) => ['p50', 'p95', 'p99', 'max', 'mean'].map((figure) => (runs.length > 1 ? `${name} ${figure}` : figure)))]
}

/** The table rows: one per stage, then the total, in ms. */
export function stageRows(runs: readonly ExtractionStages[]): string[][] {
  return [...STAGES, 'total' as const].map((stage) => [
    stage,
    ...runs.flatMap((run) => {
      const figure = run.stages[stage]
      return [ms(figure.p50), ms(figure.p95), ms(figure.p99), ms(figure.max), ms(figure.mean)]
    }),
  ])
}
