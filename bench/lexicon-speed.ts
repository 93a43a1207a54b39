/**
 * node --import tsx bench/lexicon-speed.ts CODE_ROOT SHARD_DIR CORPUS.jsonl OUT.jsonl: a shard's word lookups with a
 * checkout's code, the words of the scale bench's 200 searches (from the titles of CORPUS's first 10,000
 * articles): `Lexicon#near` (the did-you-mean walk), `documentsOf` with `startsAWord`, `longer` of three letters,
 * and the index's fuzzy walk, five rounds each (a shared machine: read each kind's fastest round), and their
 * answers written one word a line. Run it with two checkouts over the same shard and compare the files (`cmp`).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { firstArticles, scaleQueries } from './lib/queries'

const [root, dir, corpus, out] = process.argv.slice(2)
if (!root || !dir || !corpus || !out) {
  console.error('usage: node --import tsx bench/lexicon-speed.ts CODE_ROOT SHARD_DIR CORPUS.jsonl OUT.jsonl')
  process.exit(2)
}
// The code under test is the checkout's, loaded by path: the same script compares any two.
const code = (path: string) => import(join(resolve(root), path))
const { openBundle } = (await code('src/bundle/open.ts')) as typeof import('../src/bundle/open')
const { normalizeWord } = (await code('src/search/terms.ts')) as typeof import('../src/search/terms')
const { editsFor } = (await code('src/search/typos.ts')) as typeof import('../src/search/typos')

// A shard's corpus figures, where its build wrote them (a checkout from before them ignores the option).
const figuresPath = join(dir, 'figures.bin')
const bundle = openBundle(
  new Uint8Array(readFileSync(join(dir, 'search.bundle'))),
  new Uint8Array(readFileSync(join(dir, 'search.bin'))),
  () => Promise.resolve('[]'),
  existsSync(figuresPath) ? { figures: new Uint8Array(readFileSync(figuresPath)) } : {},
)
const words = scaleQueries(firstArticles(corpus), 200).flatMap((query) => query.q.split(' ').map(normalizeWord))
const lexicon = bundle.tables.lexicon
// The index's term map, as the query planner reaches it (MiniSearch's internal field).
const terms = (bundle.index as unknown as { _index: { fuzzyGet(term: string, maxDistance: number): Map<string, unknown> } })._index

const answers = words.map((word) =>
  JSON.stringify([word, lexicon.documentsOf(word), lexicon.startsAWord(word), lexicon.near(word, editsFor(word.length)), lexicon.longer(word.slice(0, 3))]),
)
writeFileSync(out, answers.join('\n') + '\n')

const perWord = (run: (word: string) => void, repeat = 1) => {
  const started = performance.now()
  for (let r = 0; r < repeat; r++) for (const word of words) run(word)
  return (performance.now() - started) / words.length / repeat
}
for (let round = 1; round <= 5; round++) {
  const near = perWord((word) => lexicon.near(word, editsFor(word.length)))
  const lookups = perWord((word) => lexicon.documentsOf(word) + Number(lexicon.startsAWord(word)), 20)
  const longer = perWord((word) => lexicon.longer(word.slice(0, 3)))
  const fuzzy = perWord((word) => terms.fuzzyGet(word, editsFor(word.length)))
  console.log(
    `round ${round}: near ${near.toFixed(3)} ms, documentsOf + startsAWord ${(lookups * 1000).toFixed(2)} µs, longer ${longer.toFixed(3)} ms, index fuzzy ${fuzzy.toFixed(3)} ms a word`,
  )
}
console.log(`${words.length} words, ${root}`)
