/**
 * Scores the fact extractor against one or more gold sets (format of
 * test/fixtures/gold/seed-facts.json). With one set: precision, recall and F1 per
 * category and micro overall. With several: F1 per category and micro, one
 * column per set, so the gap between the tuned set and the blind ones shows in
 * every run.
 *
 *   npm run eval:facts -- --gold test/fixtures/gold [--gold test/fixtures/gold-blind ...] [--corpus corpus] [--verbose]
 */
import { basename } from 'node:path'
import { parseArgs } from 'node:util'
import { extractFacts } from '../src/analysis/facts/extract'
import { CATEGORIES, type CategoryScore, type KilledCounts, scoreGold, scoreKilled, totals } from './lib/facts-gold'
import { createArticleFinder, readGoldFiles } from './lib/gold-articles'
import { readCorpus } from './lib/read-corpus'

/** `annotated`: the categories at least one of the set's files lists (a count-only set leaves the others unscored). */
type SetScore = {
  name: string
  articles: number
  byCategory: Map<string, CategoryScore[]>
  annotated: Set<string>
  contradictions: number
  killed: KilledCounts
}

function scoreSet(dir: string, findArticle: ReturnType<typeof createArticleFinder>, corpus: string, verbose: boolean): SetScore | string {
  const byCategory = new Map<string, CategoryScore[]>(CATEGORIES.map((category) => [category, []]))
  const annotated = new Set<string>()
  let contradictions = 0
  const killed: KilledCounts = { gold: 0, detected: 0, right: 0, singleGold: 0, singleRight: 0, extra: 0 }
  const files = readGoldFiles(dir)
  for (const { file, gold } of files) {
    const article = findArticle(gold.article, file)
    if (!article) return `${file}: article "${gold.article}" is not in ${corpus}`
    const facts = extractFacts(article.text, article.date ? { date: article.date } : {})
    const scores = scoreGold(gold, facts)
    const killedHere = scoreKilled(gold, facts)
    for (const key of Object.keys(killed) as Array<keyof KilledCounts>) killed[key] += killedHere[key]
    for (const category of CATEGORIES) {
      const score = scores[category]
      byCategory.get(category)!.push(score)
      if (gold[category] !== undefined) annotated.add(category)
      contradictions += score.contradictions.length
      if (verbose && (score.missed.length || score.extra.length)) {
        console.log(`${gold.article} ${category}`)
        for (const item of score.missed) console.log(`  missed   ${item}`)
        for (const item of score.extra) console.log(`  ${score.contradictions.includes(item) ? 'CONTRA ' : 'extra  '}  ${item}`)
      }
    }
  }
  return { name: basename(dir), articles: files.length, byCategory, annotated, contradictions, killed }
}

function printOneSet(set: SetScore) {
  const row = (name: string, scores: CategoryScore[]) => {
    const t = totals(scores)
    const cells = [t.precision, t.recall, t.f1].map((value) => value.toFixed(3).padStart(9))
    return `${name.padEnd(14)}${cells.join('')}${String(t.tp).padStart(6)}${String(t.fp).padStart(6)}${String(t.fn).padStart(6)}`
  }
  console.log(
    `${'category'.padEnd(14)}${'precision'.padStart(9)}${'recall'.padStart(9)}${'F1'.padStart(9)}${'TP'.padStart(6)}${'FP'.padStart(6)}${'FN'.padStart(6)}`,
  )
  for (const category of CATEGORIES) console.log(row(category, set.byCategory.get(category)!))
  console.log(row('micro', [...set.byCategory.values()].flat()))
  console.log(`contradictions: ${set.contradictions}`)
}

function printSideBySide(sets: SetScore[]) {
  const width = Math.max(14, ...sets.map((set) => set.name.length + 2))
  const cell = (text: string) => text.padStart(width)
  console.log(`F1 per set (articles in brackets)`)
  console.log(`${'category'.padEnd(14)}${sets.map((set) => cell(set.name)).join('')}`)
  console.log(`${''.padEnd(14)}${sets.map((set) => cell(`(${set.articles})`)).join('')}`)
  for (const category of CATEGORIES) {
    console.log(
      `${category.padEnd(14)}${sets.map((set) => cell(set.annotated.has(category) ? totals(set.byCategory.get(category)!).f1.toFixed(3) : '-')).join('')}`,
    )
  }
  console.log(`${'micro'.padEnd(14)}${sets.map((set) => cell(totals([...set.byCategory.values()].flat()).f1.toFixed(3))).join('')}`)
  console.log(`${'contradictions'.padEnd(14)}${sets.map((set) => cell(String(set.contradictions))).join('')}`)
}

/** Issue 17's killed-count figures, for the sets that list killed counts: right where the text spells one, detected at all. */
function printKilled(sets: SetScore[]) {
  const counted = sets.filter((set) => set.killed.gold > 0)
  if (!counted.length) return
  const ratio = (part: number, whole: number) => (whole ? (part / whole).toFixed(3) : '-').padStart(8)
  console.log(`\nkilled counts (issue 17): detected at all (recall), right (number as the gold's) of those detected, counts of one person right`)
  console.log(
    `${'set'.padEnd(14)}${'gold'.padStart(6)}${'detected'.padStart(9)}${'recall'.padStart(8)}${'right'.padStart(7)}${'right/det'.padStart(10)}${'one'.padStart(6)}${'one ok'.padStart(8)}${'extra'.padStart(7)}`,
  )
  for (const { name, killed } of counted) {
    console.log(
      `${name.padEnd(14)}${String(killed.gold).padStart(6)}${String(killed.detected).padStart(9)}${ratio(killed.detected, killed.gold)}${String(killed.right).padStart(7)}${ratio(killed.right, killed.detected).padStart(10)}${String(killed.singleGold).padStart(6)}${String(killed.singleRight).padStart(8)}${String(killed.extra).padStart(7)}`,
    )
  }
}

/** Speaker coverage over every article of the corpus: no gold needed, so it counts what no gold set covers. */
function printCorpusQuotes(corpus: string) {
  const quotes = readCorpus(corpus).articles.flatMap((article) => extractFacts(article.text, article.date ? { date: article.date } : {}).quotes)
  const withoutSpeaker = quotes.filter((quote) => !quote.speaker).length
  console.log(`\nquotes in ${corpus}: ${quotes.length}, without a speaker: ${withoutSpeaker}`)
}

function main(): number {
  const { values } = parseArgs({
    options: {
      gold: { type: 'string', multiple: true },
      corpus: { type: 'string', default: 'corpus' },
      verbose: { type: 'boolean', default: false },
    },
  })
  if (!values.gold?.length) {
    console.error('usage: npm run eval:facts -- --gold DIR [--gold DIR ...] [--corpus DIR] [--verbose]')
    return 2
  }
  const findArticle = createArticleFinder(values.corpus)
  const sets: SetScore[] = []
  for (const dir of values.gold) {
    const set = scoreSet(dir, findArticle, values.corpus, values.verbose)
    if (typeof set === 'string') {
      console.error(set)
      return 1
    }
    sets.push(set)
  }
  if (sets.length === 1) printOneSet(sets[0]!)
  else printSideBySide(sets)
  printKilled(sets)
  printCorpusQuotes(values.corpus)
  return 0
}

process.exitCode = main()
