/**
 * One fresh Node process's share of bench/extraction-fresh.ts: imports `ROOT/src/analysis/analyze.ts`, then analyses
 * the texts given on stdin (a JSON array of AnalyzeInput) in the bench's order and prints, as JSON, the main thread's
 * CPU milliseconds of each analysis (`process.threadCpuUsage`: this thread only, so the machine's
 * other work and V8's helper threads are not counted).
 *
 *   node --import tsx bench/lib/fresh-node.ts ROOT WARM_REPEATS < inputs.json
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { AnalyzeInput } from '../../src/analysis/analyze'

const [root, warmRepeats] = process.argv.slice(2)
const inputs = JSON.parse(readFileSync(0, 'utf8')) as AnalyzeInput[]
const cpu = () => {
  const { user, system } = process.threadCpuUsage()
  return (user + system) / 1000
}
const { analyzeArticle } = (await import(pathToFileURL(resolve(root!, 'src/analysis/analyze.ts')).href)) as typeof import('../../src/analysis/analyze')
let at = 0
const analyse = (input: AnalyzeInput) => {
  at = cpu()
  analyzeArticle(input)
  return cpu() - at
}
const first = analyse(inputs[0]!)
const others = inputs.slice(1).map(analyse)
const again = analyse(inputs[0]!)
const warm = Array.from({ length: Number(warmRepeats) }, () => analyse(inputs[0]!)).sort((a, b) => a - b)
console.log(JSON.stringify({ first, others, again, warm: warm[(warm.length - 1) >> 1] }))
