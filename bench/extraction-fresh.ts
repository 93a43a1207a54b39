/**
 * What a fresh isolate's first analyses cost in workerd, beside a warm isolate's:
 *
 *   npx tsx bench/extraction-fresh.ts [--rounds=5] [--baseline=DIR] [--texts=3] [--node-only]
 *
 * Each round starts `wrangler dev` anew (a new workerd, so an isolate that has compiled no function and no pattern
 * yet) with the bench-only extraction Worker (bench/workers/, the config the extraction bench writes), waits for its
 * `/ready` (the module evaluated, nothing analysed), then posts: the first text, the other texts once each, the first
 * text again, and the first text five times more (the warm figure, their median). Each figure is the Worker's own
 * clock across the analysis (under `wrangler dev`, whole milliseconds). The texts are the bundled corpus's first
 * articles (by id) of 2,000–5,000 characters that say "killed", so the rules that count one person run too. With
 * `--baseline=DIR` (another checkout, node_modules and generated/ linked) its analysis runs in the same rounds, the
 * order alternating. Prints, per checkout, the fastest and the median round of each figure.
 *
 * workerd's clock under `wrangler dev` is wall time in whole milliseconds, which a loaded machine inflates; so each
 * round also runs the same sequence in a fresh Node process (bench/lib/fresh-node.ts) and times it as that thread's CPU
 * time, which the machine's other work does not inflate (`--node-only`: that part alone).
 */
import { spawnSync } from 'node:child_process'
import { loadavg } from 'node:os'
import { parseArgs } from 'node:util'
import type { AnalyzeInput } from '../src/analysis/analyze'
import { startWranglerDev } from '../scripts/lib/wrangler-dev'
import { printTable } from '../scripts/lib/table'
import { analyzeInput, bundledArticles } from './lib/corpus'
import { workerConfig } from './sections/extraction-workerd'

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '5' },
    baseline: { type: 'string' },
    texts: { type: 'string', default: '3' },
    'node-only': { type: 'boolean', default: false },
  },
})
const rounds = Number(values.rounds)
const WARM_REPEATS = 5

const inputs: AnalyzeInput[] = bundledArticles()
  .filter((article) => article.text.length >= 2000 && article.text.length <= 5000 && /\bkilled\b/.test(article.text))
  .sort((a, b) => (a.id < b.id ? -1 : 1))
  .slice(0, Number(values.texts))
  .map(analyzeInput)

type Round = { first: number; others: number[]; again: number; warm: number }

async function oneRound(config: string): Promise<Round> {
  const worker = await startWranglerDev({ configs: [config], readyPath: '/ready', timeoutMs: 120_000 })
  try {
    const analyse = async (input: AnalyzeInput) => {
      const response = await fetch(`${worker.origin}/?repeat=1`, { method: 'POST', body: JSON.stringify(input) })
      return ((await response.json()) as { ms: number }).ms
    }
    const first = await analyse(inputs[0]!)
    const others: number[] = []
    for (const input of inputs.slice(1)) others.push(await analyse(input))
    const again = await analyse(inputs[0]!)
    const warm: number[] = []
    for (let i = 0; i < WARM_REPEATS; i++) warm.push(await analyse(inputs[0]!))
    return { first, others, again, warm: median(warm) }
  } finally {
    await worker.stop()
  }
}

function oneNodeRound(root: string): Round {
  const child = spawnSync(process.execPath, ['--import', 'tsx', 'bench/lib/fresh-node.ts', root, String(WARM_REPEATS)], {
    input: JSON.stringify(inputs),
    encoding: 'utf8',
  })
  if (child.status !== 0) throw new Error(`bench/lib/fresh-node.ts failed:\n${child.stderr}`)
  return JSON.parse(child.stdout) as Round
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[(sorted.length - 1) >> 1]!
}

const sets = [
  { name: 'this checkout', root: process.cwd(), config: workerConfig() },
  ...(values.baseline ? [{ name: 'baseline', root: values.baseline, config: workerConfig(values.baseline) }] : []),
]
const results: Round[][] = sets.map(() => [])
const nodeResults: Round[][] = sets.map(() => [])
const loadAtStart = loadavg()
for (let round = 0; round < rounds; round++) {
  const order = round % 2 === 0 ? sets.map((_, i) => i) : sets.map((_, i) => sets.length - 1 - i)
  for (const i of order) {
    nodeResults[i]!.push(oneNodeRound(sets[i]!.root))
    if (!values['node-only']) results[i]!.push(await oneRound(sets[i]!.config))
  }
}
const loadAtEnd = loadavg()

const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1))
const figure = (samples: number[]) => `${fmt(Math.min(...samples))} / ${fmt(median(samples))}`
const lengths = inputs.map((input) => input.text.length).join(', ')
const table = (title: string, rows: Round[][]) =>
  printTable(
    `${title}, ${rounds} rounds, texts of ${lengths} characters; load average ${loadAtStart.map((x) => x.toFixed(2)).join(' ')} at the start, ${loadAtEnd.map((x) => x.toFixed(2)).join(' ')} at the end (ms, fastest / median round)`,
    ['figure', ...sets.map((set) => set.name)],
    [
      ['first analysis (text 1)', ...rows.map((rs) => figure(rs.map((r) => r.first)))],
      ...inputs.slice(1).map((_, k) => [`then text ${k + 2}, once`, ...rows.map((rs) => figure(rs.map((r) => r.others[k]!)))]),
      ['then text 1 again', ...rows.map((rs) => figure(rs.map((r) => r.again)))],
      [`text 1 warm (median of ${WARM_REPEATS} more)`, ...rows.map((rs) => figure(rs.map((r) => r.warm)))],
    ],
  )
if (!values['node-only']) table("A fresh isolate's first analyses in workerd (wrangler dev started anew each round; the Worker's clock)", results)
table("The same in a fresh Node process each round (the main thread's CPU time)", nodeResults)
