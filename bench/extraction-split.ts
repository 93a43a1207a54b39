/**
 * The longest bundled articles analysed whole and cut in two, to see what a per-request CPU budget means for a long
 * text:
 *
 *   npx tsx bench/extraction-split.ts [--articles=6] [--rounds=5] [--baseline=DIR]
 *
 * Each article is cut at the paragraph break nearest its middle; the whole and each half are analysed as
 * `POST /api/extract` would be given them (text, title, date), `rounds` times after one untimed analysis, and each
 * keeps its fastest round, as the main thread's CPU time (`process.threadCpuUsage`, which the machine's other work
 * does not inflate) beside the wall time. Prints µs per character, the characters that 10 ms would cover at the
 * longest articles' rate, and what the halves find against the whole (entities by type and name, quotes, quantities),
 * since a text cut in two loses what one half says of a name or a figure in the other.
 */
import { loadavg } from 'node:os'
import { parseArgs } from 'node:util'
import type { AnalyzeInput } from '../src/analysis/analyze'
import { printTable } from '../scripts/lib/table'
import { loadEngines } from './sections/extraction-stages'
import { analyzeInput, bundledArticles } from './lib/corpus'

const { values } = parseArgs({
  options: { articles: { type: 'string', default: '6' }, rounds: { type: 'string', default: '5' }, baseline: { type: 'string' } },
})
const rounds = Number(values.rounds)
const BUDGET_MS = 10

const articles = bundledArticles()
  .sort((a, b) => b.text.length - a.text.length)
  .slice(0, Number(values.articles))

/** The text cut at the paragraph break ("\n\n") nearest its middle, each half trimmed. */
function halves(input: AnalyzeInput): [AnalyzeInput, AnalyzeInput] {
  const middle = input.text.length >> 1
  const before = input.text.lastIndexOf('\n\n', middle)
  const after = input.text.indexOf('\n\n', middle)
  const cut = after === -1 || (before !== -1 && middle - before <= after - middle) ? before : after
  return [
    { ...input, text: input.text.slice(0, cut).trim() },
    { ...input, text: input.text.slice(cut).trim() },
  ]
}

const cpu = () => {
  const { user, system } = process.threadCpuUsage()
  return (user + system) / 1000
}

const sets = [
  { name: 'this checkout', engines: await loadEngines() },
  ...(values.baseline ? [{ name: 'baseline', engines: await loadEngines(values.baseline) }] : []),
]
const loadAtStart = loadavg()
const rows: string[][] = []
let characters = 0
const cpuWhole = sets.map(() => 0)
for (const article of articles) {
  const whole = analyzeInput(article)
  const [first, second] = halves(whole)
  const best = sets.map(() => ({ whole: [Infinity, Infinity], first: [Infinity, Infinity], second: [Infinity, Infinity] }))
  for (const { engines } of sets) for (const input of [whole, first, second]) engines.analyzeArticle(input)
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? sets.map((_, i) => i) : sets.map((_, i) => sets.length - 1 - i)
    for (const i of order) {
      for (const [part, input] of [
        ['whole', whole],
        ['first', first],
        ['second', second],
      ] as const) {
        const [cpuAt, wallAt] = [cpu(), performance.now()]
        sets[i]!.engines.analyzeArticle(input)
        const [cpuMs, wallMs] = [cpu() - cpuAt, performance.now() - wallAt]
        const kept = best[i]![part]
        kept[0] = Math.min(kept[0]!, cpuMs)
        kept[1] = Math.min(kept[1]!, wallMs)
      }
    }
  }
  characters += whole.text.length
  sets.forEach((_, i) => (cpuWhole[i]! += best[i]!.whole[0]!))
  const analysed = sets[0]!.engines.analyzeArticle(whole).facts
  const parts = [first, second].map((input) => sets[0]!.engines.analyzeArticle(input).facts)
  // Entities by type and name: the halves' union against the whole (a name only one half can type or join to its
  // full form comes out differently); quotes and quantities as counts.
  const names = (facts: typeof analysed) => new Set(facts.entities.map((entity) => `${entity.type}:${entity.name}`))
  const [wholeNames, halfNames] = [names(analysed), new Set(parts.flatMap((facts) => [...names(facts)]))]
  const differing = [...halfNames].filter((name) => !wholeNames.has(name)).length + [...wholeNames].filter((name) => !halfNames.has(name)).length
  const counts = (facts: readonly (typeof analysed)[]) =>
    `${facts.reduce((n, f) => n + f.quotes.length, 0)}/${facts.reduce((n, f) => n + f.quantities.length, 0)}`
  rows.push([
    `${article.id.split('/').pop()!.slice(0, 48)} (${whole.text.length})`,
    `${first.text.length} + ${second.text.length}`,
    ...sets.flatMap((_, i) => [
      `${best[i]!.whole[0]!.toFixed(1)} (${best[i]!.whole[1]!.toFixed(1)})`,
      `${best[i]!.first[0]!.toFixed(1)} + ${best[i]!.second[0]!.toFixed(1)}`,
    ]),
    `${wholeNames.size} / ${halfNames.size}, ${differing} differ; ${counts([analysed])} / ${counts(parts)}`,
  ])
}
const loadAtEnd = loadavg()
printTable(
  `The ${articles.length} longest bundled articles whole and in two halves, each its fastest of ${rounds} rounds, main thread CPU ms (wall ms); load average ${loadAtStart.map((x) => x.toFixed(2)).join(' ')} at the start, ${loadAtEnd.map((x) => x.toFixed(2)).join(' ')} at the end`,
  [
    'article (characters)',
    'halves (characters)',
    ...sets.flatMap((set) => [`${set.name}: whole`, `${set.name}: halves`]),
    'entities whole / halves (union), how many differ; quotes/quantities whole / halves',
  ],
  rows,
)
for (const [i, set] of sets.entries()) {
  const perCharacter = (1000 * cpuWhole[i]!) / characters
  console.log(
    `${set.name}: ${perCharacter.toFixed(2)} µs of CPU per character over these articles; ${BUDGET_MS} ms covers about ${Math.round((1000 * BUDGET_MS) / perCharacter).toLocaleString('en')} characters at that rate`,
  )
}
