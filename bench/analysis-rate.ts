/**
 * The build's analysis rate on a JSONL corpus (one thread, in process), its
 * cost by stage, and its outputs kept for a byte-for-byte comparison:
 *
 *   npx tsx bench/analysis-rate.ts FILE.jsonl --limit=2000 --write=/tmp/before.jsonl     # before a change
 *   npx tsx bench/analysis-rate.ts FILE.jsonl --limit=2000 --check=/tmp/before.jsonl     # after it: exits 1 and names the articles that differ
 *   npx tsx bench/analysis-rate.ts FILE.jsonl --limit=2000 --baseline=DIR --rounds=3     # this checkout beside another, same run
 *
 * Each article is analysed as the build analyses it (its text, title and date:
 * scripts/lib/analyse-corpus.ts), and its analysis serialised as the build's
 * cache stores it (JSON). With `--baseline=DIR` (another checkout, node_modules
 * and generated/ linked in) both checkouts analyse the whole file in turn, the
 * order alternating by round, so both meet the same load; each prints its
 * fastest round. `--stages` adds the cost of each stage (extraction-stages.ts's
 * cut, checked equal to analyzeArticle). For a profile by function, run it under
 * `node --cpu-prof --import tsx`.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { parseArgs } from 'node:util'
import type { AnalyzeInput } from '../src/analysis/analyze'
import type { StoredArticle } from '../src/article'
import { readCorpusFile } from '../scripts/lib/read-corpus'
import { printTable } from '../scripts/lib/table'
import { extractionStages, loadEngines, STAGES } from './sections/extraction-stages'
import { ms } from './lib/stats'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    limit: { type: 'string' },
    rounds: { type: 'string', default: '1' },
    baseline: { type: 'string' },
    write: { type: 'string' },
    check: { type: 'string' },
    stages: { type: 'boolean', default: false },
  },
})
const file = positionals[0]
if (!file) {
  console.error('usage: npx tsx bench/analysis-rate.ts FILE.jsonl [--limit=N] [--rounds=N] [--baseline=DIR] [--write=OUT | --check=OUT] [--stages]')
  process.exit(2)
}

const parsed = readCorpusFile(file, readFileSync(file))
const articles = parsed.articles.slice(0, values.limit ? Number(values.limit) : undefined)
// What the build's analysis reads of an article (analyse-corpus.ts's analysisInput).
const inputs: AnalyzeInput[] = articles.map(({ text, title, date }) => ({ text, ...(title ? { title } : {}), ...(date ? { date } : {}) }))
const characters = inputs.reduce((sum, input) => sum + input.text.length, 0)
const sets = [
  { name: 'this checkout', engines: await loadEngines() },
  ...(values.baseline ? [{ name: 'baseline', engines: await loadEngines(values.baseline) }] : []),
]

// One line of JSON per article, as the cache stores it: equal lines are equal analyses, byte for byte. Every set
// analyses the file once before the timed rounds, so no set's first round pays for compiling its code.
const outputsBySet = sets.map(({ engines }) => inputs.map((input) => JSON.stringify(engines.analyzeArticle(input))))
const outputs = outputsBySet[0]!
const rounds = Number(values.rounds)
const best = sets.map(() => Infinity)
// CPU time as well as wall time: on a machine shared with other work, the process's own CPU time moves far less.
const bestCpu = sets.map(() => Infinity)
for (let round = 0; round < rounds; round++) {
  for (let k = 0; k < sets.length; k++) {
    const set = round % 2 === 0 ? k : sets.length - 1 - k
    const { analyzeArticle } = sets[set]!.engines
    const start = performance.now()
    const cpu = process.cpuUsage()
    for (const input of inputs) JSON.stringify(analyzeArticle(input))
    const { user, system } = process.cpuUsage(cpu)
    best[set] = Math.min(best[set]!, performance.now() - start)
    bestCpu[set] = Math.min(bestCpu[set]!, (user + system) / 1000)
  }
}
printTable(
  `Analysis rate, one thread in process: ${inputs.length} articles of ${file} (${(characters / inputs.length).toFixed(0)} characters on average), fastest of ${rounds} round(s), load average ${loadavg()
    .map((load) => load.toFixed(2))
    .join(' ')}`,
  ['checkout', 'seconds', 'articles/s', 'ms per article', 'CPU seconds', 'articles per CPU second', 'CPU ms per article'],
  sets.map(({ name }, set) => [
    name,
    (best[set]! / 1000).toFixed(2),
    (inputs.length / (best[set]! / 1000)).toFixed(0),
    ms(best[set]! / inputs.length),
    (bestCpu[set]! / 1000).toFixed(2),
    (inputs.length / (bestCpu[set]! / 1000)).toFixed(0),
    ms(bestCpu[set]! / inputs.length),
  ]),
)

if (sets.length > 1) {
  const identical = outputs.filter((output, i) => outputsBySet[1]![i] === output).length
  console.log(`analyses identical to the baseline's: ${identical} of ${outputs.length}`)
}

if (values.stages) {
  const stored = articles.map(({ id, text, title, date }) => ({ id, text, title, titleGenerated: !title, ...(date ? { date } : {}) }) as StoredArticle)
  const { runs } = extractionStages(stored, 1, sets)
  printTable(
    `Analysis by stage: ${stored.length} articles (ms per article, mean, and share of the total)`,
    ['stage', ...runs.flatMap(({ name }) => [`${name} mean`, `${name} share`])],
    [...STAGES, 'total' as const].map((stage) => [
      stage,
      ...runs.flatMap((run) => [ms(run.stages[stage].mean), `${((100 * run.stages[stage].mean) / run.stages.total.mean).toFixed(1)} %`]),
    ]),
  )
}

if (values.write) {
  writeFileSync(values.write, articles.map(({ id }, i) => JSON.stringify({ id, analysis: outputs[i] })).join('\n') + '\n')
  console.log(`${outputs.length} analyses -> ${values.write}`)
}
if (values.check) {
  const expected = new Map(
    readFileSync(values.check, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const { id, analysis } = JSON.parse(line) as { id: string; analysis: string }
        return [id, analysis]
      }),
  )
  const differing = articles.flatMap(({ id }, i) => (expected.get(id) === outputs[i] ? [] : [id]))
  if (differing.length === 0 && expected.size === outputs.length)
    console.log(`${outputs.length} analyses: every one identical, byte for byte, to ${values.check}`)
  else {
    console.log(`${differing.length} of ${outputs.length} analyses differ from ${values.check} (which holds ${expected.size}):`)
    for (const id of differing.slice(0, 50)) console.log(`  ${id}`)
    process.exitCode = 1
  }
}
