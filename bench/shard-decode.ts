/**
 * What a shard pays at query time for keeping its index free of corpus-wide
 * figures (src/search/index/shard-figures.ts): its score blocks' BM25 part is
 * computed when a term's postings are decoded, where one index reads the byte
 * the build stored. The first N articles of a corpus (analyses from a warm
 * cache) are indexed once, then written both ways: as one index, and as a
 * shard holding every article with its figures; every term with more than one
 * score block has its postings decoded from a freshly opened index, the two
 * alternately, in a process that never ran the writer, and the fastest round of
 * each is printed beside the load average.
 * The decoded bounds are compared: the shard's must be the one index's.
 *
 *   npx tsx bench/shard-decode.ts /tmp/synth20k.jsonl /tmp/shreuse/cache 10000 [ROUNDS]
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { analyseCorpus } from '../scripts/lib/analyse-corpus'
import { readCorpus } from '../scripts/lib/read-corpus'
import { loadCompactIndex, serializeCompactIndex, serializeCompactShards, indexTerms, type CompactModules } from '../src/search/index/compact-index'
import { SCORE_BLOCK, type TermData } from '../src/search/index/compact-postings'
import { INDEX_OPTIONS } from '../src/search/options'
import { buildIndex } from '../src/search/search'

type TermMap = { get(term: string): TermData | undefined }
const termMap = (modules: CompactModules) => (loadCompactIndex(modules, INDEX_OPTIONS) as unknown as { _index: TermMap })._index

if (process.argv[2] === '--decode') {
  // A process of its own, which never ran the writer: the reader's code is as the Worker runs it (the writer's
  // number[] postings beside the reader's typed arrays would make the shared block-bound code polymorphic).
  const dir = process.argv[3]!
  const rounds = Number(process.argv[4])
  const read = (name: string): CompactModules => {
    const header = JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as CompactModules['header']
    const binary = new Uint8Array(readFileSync(join(dir, `${name}.bin`)))
    return name === 'shard' ? { header, binary, figures: new Uint8Array(readFileSync(join(dir, 'figures.bin'))) } : { header, binary }
  }
  const one = read('one')
  const shard = read('shard')
  // The terms whose postings have stored (or computed) block bounds in some field.
  const probe = termMap(one)
  const terms = indexTerms(one).filter((term) => [...probe.get(term)!.values()].some((postings) => postings.docs.length > SCORE_BLOCK))
  const decodeAll = (modules: CompactModules): { ms: number; parts: number[] } => {
    const map = termMap(modules)
    const parts: number[] = []
    const start = performance.now()
    for (const term of terms) for (const postings of map.get(term)!.values()) if (postings.bounds) parts.push(...postings.bounds.maxPart)
    return { ms: performance.now() - start, parts }
  }
  const best = { one: Infinity, shard: Infinity }
  let same = true
  for (let round = 0; round < rounds; round++) {
    const a = decodeAll(one)
    const b = decodeAll(shard)
    best.one = Math.min(best.one, a.ms)
    best.shard = Math.min(best.shard, b.ms)
    same &&= a.parts.length === b.parts.length && a.parts.every((part, i) => part === b.parts[i])
  }
  console.log(
    `${one.header.ids.length} articles, ${terms.length} terms with block bounds: decoding them all, fastest of ${rounds} rounds: ` +
      `one index ${best.one.toFixed(1)} ms, shard with figures ${best.shard.toFixed(1)} ms; block parts identical: ${same}; ` +
      `index ${one.binary.length} bytes, shard index ${shard.binary.length} + figures ${shard.figures!.length} bytes; load average ${loadavg()[0]!.toFixed(1)}`,
  )
  process.exit(0)
}

const [corpusPath, cacheDir, count = '10000', rounds = '5'] = process.argv.slice(2)
if (!corpusPath || !cacheDir) {
  console.error('usage: npx tsx bench/shard-decode.ts CORPUS.jsonl ANALYSIS_CACHE [ARTICLES] [ROUNDS]')
  process.exit(2)
}
const { articles: inputs } = readCorpus(corpusPath)
const { corpus } = await analyseCorpus(inputs.slice(0, Number(count)), { cacheDir })
const articles = corpus.read(0, corpus.size)
const built = buildIndex(articles)
const one = serializeCompactIndex(built)
const [shard] = serializeCompactShards(built, [articles.map((_, i) => i)])
const dir = mkdtempSync(join(tmpdir(), 'shard-decode-'))
try {
  writeFileSync(join(dir, 'one.json'), JSON.stringify(one.header))
  writeFileSync(join(dir, 'one.bin'), one.binary)
  writeFileSync(join(dir, 'shard.json'), JSON.stringify(shard!.header))
  writeFileSync(join(dir, 'shard.bin'), shard!.binary)
  writeFileSync(join(dir, 'figures.bin'), shard!.figures)
  execFileSync('npx', ['tsx', fileURLToPath(import.meta.url), '--decode', dir, rounds], { stdio: 'inherit' })
} finally {
  rmSync(dir, { recursive: true, force: true })
}
