/**
 * Scores the fact extractor against gold files (format of test/fixtures/gold/seed-facts.json):
 * precision, recall and F1 per category and micro overall.
 *
 *   npm run eval:facts -- --gold test/fixtures/gold [--corpus corpus] [--verbose]
 */
import { parseArgs } from 'node:util'
import { extractFacts } from '../src/facts/extract'
import { CATEGORIES, type CategoryScore, scoreGold, totals } from './lib/facts-gold'
import { createArticleFinder, readGoldFiles } from './lib/gold-articles'

function main(): number {
  const { values } = parseArgs({
    options: { gold: { type: 'string' }, corpus: { type: 'string', default: 'corpus' }, verbose: { type: 'boolean', default: false } },
  })
  if (!values.gold) {
    console.error('usage: npm run eval:facts -- --gold DIR [--corpus DIR] [--verbose]')
    return 2
  }
  const findArticle = createArticleFinder(values.corpus)
  const byCategory = new Map<string, CategoryScore[]>(CATEGORIES.map((category) => [category, []]))
  let contradictions = 0
  for (const { file, gold } of readGoldFiles(values.gold)) {
    const article = findArticle(gold.article)
    if (!article) {
      console.error(`${file}: article "${gold.article}" is not in ${values.corpus}`)
      return 1
    }
    const facts = extractFacts(article.text, article.date ? { date: article.date } : {})
    const scores = scoreGold(gold, facts)
    for (const category of CATEGORIES) {
      const score = scores[category]
      byCategory.get(category)!.push(score)
      contradictions += score.contradictions.length
      if (values.verbose && (score.missed.length || score.extra.length)) {
        console.log(`${gold.article} ${category}`)
        for (const item of score.missed) console.log(`  missed   ${item}`)
        for (const item of score.extra) console.log(`  ${score.contradictions.includes(item) ? 'CONTRA ' : 'extra  '}  ${item}`)
      }
    }
  }
  const row = (name: string, scores: CategoryScore[]) => {
    const t = totals(scores)
    const cells = [t.precision, t.recall, t.f1].map((value) => value.toFixed(3).padStart(9))
    return `${name.padEnd(14)}${cells.join('')}${String(t.tp).padStart(6)}${String(t.fp).padStart(6)}${String(t.fn).padStart(6)}`
  }
  console.log(`${'category'.padEnd(14)}${'precision'.padStart(9)}${'recall'.padStart(9)}${'F1'.padStart(9)}${'TP'.padStart(6)}${'FP'.padStart(6)}${'FN'.padStart(6)}`)
  for (const category of CATEGORIES) console.log(row(category, byCategory.get(category)!))
  console.log(row('micro', [...byCategory.values()].flat()))
  console.log(`contradictions: ${contradictions}`)
  return 0
}

process.exitCode = main()
