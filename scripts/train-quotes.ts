/**
 * Trains the quote speaker ranker (src/analysis/facts/quote-speakers.ts) and writes its weights module.
 *
 *   npm run train:quotes -- [--gold DIR ...] [--corpus corpus] [--out FILE] [--no-silver] [--report]
 *
 * Gold examples: every quote of the training sets the rules find (by the scorer's text match), labelled with the gold
 * speaker when it is one of the candidates, or "no speaker" when the gold gives none. Silver examples: corpus quotes
 * outside every gold set whose rules' speaker stands right beside the quote with a speech verb ('", X said', '", said
 * X', 'X said: "'), with the rules' own choice hidden from the features so that they teach the other features only.
 * The held-out sets (gold-blind8 and later) are refused: they are scored, never trained on or read in detail.
 * `--report` prints, per set, where the rules fail (quote found or not; speaker right, wrong or missing; whether the
 * gold speaker was among the candidates) and each set's accuracy of the rules against the model trained without it.
 * Same data, same bytes: the example order is seeded and the weights are rounded and sorted.
 */
import { readdirSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { parseArgs } from 'node:util'
import { format, resolveConfig } from 'prettier'
import { findDateline } from '../src/analysis/facts/dateline'
import { extractEntities } from '../src/analysis/facts/entities'
import { readQuotes } from '../src/analysis/facts/quotes'
import { chooseSpeaker, fallbackSpeaker, speakerCandidates, type SpeakerCandidate } from '../src/analysis/facts/quote-speakers'
import { asDocument } from '../src/text/document'
import { normalise, type FactsGold } from './lib/facts-gold'
import { createArticleFinder, readGoldFiles } from './lib/gold-articles'
import { readCorpus } from './lib/read-corpus'
import { trainOverOrders, type RankingExample } from './lib/ranking-perceptron'

export const TRAINING_SETS = ['gold', 'gold-heldout', 'gold-blind', 'gold-blind2', 'gold-blind3', 'gold-blind4', 'gold-blind5', 'gold-blind6', 'gold-blind7']
const HELD_OUT = /^gold-blind(?:[89]|\d{2,})$/
const EPOCHS = 10
// Perceptrons averaged over this many example orders: one order's weights swung with every retraining (docs/facts-eval.md, round 18).
const ORDERS = 16
const NEAR = new Set(['words=<=0', 'words=<=2', 'words=<=5'])
const near = (candidate: SpeakerCandidate) => candidate.features.some((feature) => NEAR.has(feature))
/** A name a few words from the quote with a speech verb or a colon between: '", said Foreign Minister X', 'X said: "'. */
const beside = (candidate: SpeakerCandidate) => near(candidate) && (candidate.features.includes('verb-between') || candidate.features.includes('colon'))

type Labelled = { set: string; rules: string | undefined; gold: string | undefined; candidates: SpeakerCandidate[]; label: number }

/** Each quote of a text the rules find, with its candidates. */
function quotesOf(text: string) {
  const document = asDocument(text)
  const entities = extractEntities(document.text, document.sentences, findDateline(document))
  const { quotes, situationOf } = readQuotes(document.text, document.sentences, entities)
  return quotes.map((quote, i) => ({ quote, candidates: speakerCandidates(situationOf(i)) }))
}

const sameName = (a: string | undefined, b: string | undefined) => (a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase()

/** The labelled examples of one gold set, and the counts `--report` prints. */
export function readGoldSet(dir: string, findArticle: ReturnType<typeof createArticleFinder>) {
  const examples: Labelled[] = []
  const counts = { quotes: 0, notFound: 0, right: 0, wrong: 0, missing: 0, extraSpeaker: 0, reachable: 0, unreachable: 0 }
  const texts = new Set<string>()
  for (const { file, gold } of readGoldFiles(dir)) {
    const article = findArticle(gold.article, file)
    if (!article) throw new Error(`${file}: article "${gold.article}" not found`)
    texts.add(article.text)
    const found = quotesOf(article.text)
    const used = new Set<number>()
    for (const goldQuote of (gold as FactsGold).quotes ?? []) {
      counts.quotes++
      const at = found.findIndex((item, i) => !used.has(i) && normalise(item.quote.text).startsWith(normalise(goldQuote.starts_with)))
      if (at < 0) {
        counts.notFound++
        continue
      }
      used.add(at)
      const { quote, candidates } = found[at]!
      if (sameName(quote.speaker, goldQuote.speaker)) counts.right++
      else if (!goldQuote.speaker) counts.extraSpeaker++
      else if (quote.speaker) counts.wrong++
      else counts.missing++
      const label = candidates.findIndex((candidate) => (goldQuote.speaker ? sameName(candidate.entity?.name, goldQuote.speaker) : !candidate.entity))
      if (label < 0) {
        counts.unreachable++
        continue
      }
      counts.reachable++
      examples.push({ set: basename(dir), rules: quote.speaker, gold: goldQuote.speaker, candidates, label })
    }
  }
  return { examples, counts, texts }
}

/** Corpus quotes outside the gold sets whose rules' speaker stands right beside them with a speech verb. */
export function readSilver(corpus: string, goldTexts: Set<string>): RankingExample[] {
  const examples: RankingExample[] = []
  for (const article of readCorpus(corpus).articles) {
    if (goldTexts.has(article.text)) continue
    for (const { quote, candidates } of quotesOf(article.text)) {
      if (!quote.speaker) continue
      const label = candidates.findIndex((candidate) => candidate.entity?.name === quote.speaker)
      if (label < 0 || !beside(candidates[label]!)) continue
      // Unambiguous: no other name stands as close to the quote.
      if (candidates.some((candidate, i) => i !== label && near(candidate))) continue
      // Names only: silver says who among them spoke, never whether anyone did, so the "no speaker" threshold is the gold's alone.
      const names = candidates.filter((candidate) => candidate.entity)
      examples.push({
        candidates: names.map((candidate) => candidate.features.filter((feature) => !feature.includes('rules'))),
        gold: names.indexOf(candidates[label]!),
      })
    }
  }
  return examples
}

const asRanking = (examples: readonly Labelled[]): RankingExample[] =>
  examples.map(({ candidates, label }) => ({ candidates: candidates.map((candidate) => candidate.features), gold: label }))

/** Feature weights rounded and sorted, as a module in the repository's format: the same weights give the same bytes. */
export async function weightsModule(weights: Map<string, number>, path: string): Promise<string> {
  const entries = [...weights]
    .map(([feature, weight]) => [feature, Math.round(weight * 1000) / 1000] as const)
    .filter(([, weight]) => weight !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const body = entries.map(([feature, weight]) => `  ${JSON.stringify(feature)}: ${weight},`).join('\n')
  const source = `// Written by \`npm run train:quotes\` (scripts/train-quotes.ts): do not edit by hand.\n/** The quote speaker ranker's feature weights (src/analysis/facts/quote-speakers.ts). */\nexport const QUOTE_SPEAKER_WEIGHTS: Readonly<Record<string, number>> = {\n${body}\n}\n`
  return format(source, { ...(await resolveConfig(path)), filepath: path })
}

/**
 * The gold quotes the rules leave without a speaker: the model is asked only about those (`quotes.ts`), and trained on
 * them alone it beat the model trained on every quote in the per-set check `--report` prints.
 */
const fallbackExamples = (examples: readonly Labelled[]) => examples.filter((example) => example.rules === undefined)

export function train(gold: readonly Labelled[], silver: readonly RankingExample[]): Map<string, number> {
  return trainOverOrders([...asRanking(gold), ...silver], EPOCHS, ORDERS)
}

/**
 * The weights module `npm run train:quotes` writes from these gold sets and this corpus, and what it was trained on.
 * The model learns from the rules' own output (their candidates and choices), so any change to the rules changes it:
 * a test checks that the committed module is this function's answer on the repository's data.
 */
export async function trainedWeights(dirs: readonly string[], corpus: string, out: string, withSilver = true) {
  const findArticle = createArticleFinder(corpus)
  const sets = dirs.map((dir) => ({ name: basename(dir), ...readGoldSet(dir, findArticle) }))
  // Every gold set's articles, held-out ones too, stay out of the silver data.
  const goldTexts = new Set(sets.flatMap((set) => [...set.texts]))
  // Their articles only: a held-out set's quotes are not read here.
  for (const name of readdirSync('test/fixtures').filter((entry) => entry.startsWith('gold'))) {
    for (const { file, gold } of readGoldFiles(join('test/fixtures', name))) {
      const text = findArticle(gold.article, file)?.text
      if (text !== undefined) goldTexts.add(text)
    }
  }
  const silver = withSilver ? readSilver(corpus, goldTexts) : []
  const gold = sets.flatMap((set) => set.examples)
  const source = await weightsModule(train(fallbackExamples(gold), silver), out)
  return { source, sets, silver, gold }
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      gold: { type: 'string', multiple: true },
      corpus: { type: 'string', default: 'corpus' },
      out: { type: 'string', default: 'src/analysis/facts/quote-speaker-weights.ts' },
      'no-silver': { type: 'boolean', default: false },
      report: { type: 'boolean', default: false },
    },
  })
  const dirs = values.gold ?? TRAINING_SETS.map((name) => join('test/fixtures', name))
  const refused = dirs.filter((dir) => HELD_OUT.test(basename(dir)))
  if (refused.length) {
    console.error(`held-out sets are never trained on: ${refused.join(', ')}`)
    return 2
  }
  const { source, sets, silver, gold } = await trainedWeights(dirs, values.corpus, values.out, !values['no-silver'])
  console.log(`gold examples: ${gold.length} (quotes whose gold speaker is a candidate or none), silver examples: ${silver.length}`)
  if (values.report) report(sets, silver)
  writeFileSync(values.out, source)
  console.log(`wrote ${values.out}: ${(Buffer.byteLength(source) / 1024).toFixed(1)} KB, ${source.split('\n').length - 5} weights`)
  return 0
}

/**
 * Where the rules fail, per set, and each set's speaker accuracy (over quotes whose right speaker is a candidate) for
 * the rules, for the model choosing on every quote, and for the model choosing only where the rules give no speaker
 * and by the margin (the way `quotes.ts` uses it), each model trained without that set.
 */
function report(sets: Array<ReturnType<typeof readGoldSet> & { name: string }>, silver: readonly RankingExample[]) {
  const columns = ['quotes', 'notFound', 'right', 'wrong', 'missing', 'extraSpeaker', 'unreachable', 'of', 'rulesOk', 'everyOk', 'fallbackOk'] as const
  console.log(`${'set'.padEnd(14)}${columns.map((column) => column.padStart(13)).join('')}`)
  const sum = Object.fromEntries(columns.map((column) => [column, 0])) as Record<(typeof columns)[number], number>
  for (const set of sets) {
    const others = sets.filter((other) => other !== set).flatMap((other) => other.examples)
    const every = Object.fromEntries(train(others, silver))
    const fallback = Object.fromEntries(train(fallbackExamples(others), silver))
    let rulesOk = 0
    let everyOk = 0
    let fallbackOk = 0
    for (const example of set.examples) {
      const right = example.candidates[example.label]!.entity
      const rules = example.candidates.find((candidate) => candidate.entity?.name === example.rules)?.entity
      if (rules === right) rulesOk++
      if (chooseSpeaker(example.candidates, rules, every) === right) everyOk++
      if ((rules ?? fallbackSpeaker(example.candidates, fallback)) === right) fallbackOk++
    }
    const row = { ...set.counts, of: set.examples.length, rulesOk, everyOk, fallbackOk }
    for (const column of columns) sum[column] += row[column]
    console.log(`${set.name.padEnd(14)}${columns.map((column) => String(row[column]).padStart(13)).join('')}`)
  }
  console.log(`${'all'.padEnd(14)}${columns.map((column) => String(sum[column]).padStart(13)).join('')}`)
}

if (process.argv[1]?.endsWith('train-quotes.ts')) process.exitCode = await main()
