/**
 * `npm run bench:linear`: how analysis time grows with the size of hostile text.
 * For each kind of adversarial text (scripts/lib/adversarial-text.ts) it times
 * `analyzeArticle` at 50 KB and at 200 KB (best of REPEAT runs, after a warm-up)
 * and prints the ratio: about 4 is linear, about 16 quadratic. Kinds whose
 * ratio exceeds 8 are flagged. A benchmark, not a test: timings are printed,
 * never asserted.
 *
 *   npm run bench:linear [-- --sizes 50000,200000 --repeat 3 --only quotes]
 */
import { parseArgs } from 'node:util'
import { analyzeArticle } from '../src/analysis/analyze'
import { ADVERSARIAL_TEXTS } from './lib/adversarial-text'

const { values } = parseArgs({
  options: { sizes: { type: 'string', default: '50000,200000' }, repeat: { type: 'string', default: '3' }, only: { type: 'string' } },
})
const [small, large] = values.sizes.split(',').map(Number) as [number, number]
const repeat = Math.max(1, Number(values.repeat))
const SUSPECT_RATIO = 8

function bestTime(text: string): number {
  let best = Infinity
  for (let i = 0; i < repeat; i++) {
    const started = performance.now()
    analyzeArticle({ text, date: '2024-01-02' })
    best = Math.min(best, performance.now() - started)
  }
  return best
}

analyzeArticle({ text: ADVERSARIAL_TEXTS['prose (the seed, repeated)']!(20_000) }) // warm-up: JIT, lazy tables
console.log(`kind                            ${String(small).padStart(8)} ch  ${String(large).padStart(8)} ch   ratio (linear = ${(large / small).toFixed(1)})`)
let suspects = 0
for (const [kind, make] of Object.entries(ADVERSARIAL_TEXTS)) {
  if (values.only && !kind.includes(values.only)) continue
  const [a, b] = [bestTime(make(small)), bestTime(make(large))]
  const ratio = b / Math.max(a, 0.01)
  const flag = ratio > SUSPECT_RATIO && b > 50 ? '  <- grows faster than linear?' : ''
  if (flag) suspects++
  console.log(`${kind.padEnd(32)}${a.toFixed(1).padStart(8)} ms ${b.toFixed(1).padStart(9)} ms ${ratio.toFixed(1).padStart(7)}${flag}`)
}
console.log(suspects ? `${suspects} kind(s) look super-linear: profile them.` : 'every kind grows about linearly.')
