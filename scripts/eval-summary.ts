/**
 * ROUGE-1/2/L F1 of the product's summaries against reference summaries, next
 * to the Lead-N baseline on the same articles (N = the reference's sentence count).
 *
 *   npm run eval:summary -- --data ../shared/eval/bbc-summary-dev
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { evaluate, METRICS, readDataset, type Scores } from './lib/summary-eval'

function main(): number {
  const { values } = parseArgs({ options: { data: { type: 'string' } } })
  const dir = values.data
  if (!dir || !existsSync(join(dir, 'article')) || !existsSync(join(dir, 'summary'))) {
    console.error('usage: npm run eval:summary -- --data DIR   (DIR holds article/<topic>/*.txt and summary/<topic>/*.txt)')
    return 2
  }
  const results = evaluate(readDataset(dir))
  console.log('ROUGE F1 x100 (lower-cased word tokens, no stemming); product vs Lead-N, N = reference sentence count')
  console.log(['topic'.padEnd(14), 'n'.padStart(3), ...METRICS.flatMap((m) => [`${m} prod`, 'lead', 'diff'].map((h) => h.padStart(11)))].join(' '))
  for (const [topic, scores] of [...results].sort(([a], [b]) => (a === 'overall' ? 1 : b === 'overall' ? -1 : a.localeCompare(b)))) {
    console.log(formatRow(topic, scores))
  }
  return 0
}

function formatRow(topic: string, { count, product, lead }: Scores): string {
  const cells = METRICS.flatMap((metric) => {
    const diff = (product[metric] - lead[metric]) * 100
    return [(product[metric] * 100).toFixed(2), (lead[metric] * 100).toFixed(2), `${diff >= 0 ? '+' : ''}${diff.toFixed(2)}`]
  })
  return [topic.padEnd(14), String(count).padStart(3), ...cells.map((cell) => cell.padStart(11))].join(' ')
}

process.exitCode = main()
