/**
 * npx tsx bench/suggestion-steps.ts SHARDED_DIR [--rounds=3]: the suggestion indexes of a sharded build (the
 * corpus's, then each shard's) made again from the files its shards keep, three ways, and each way's CPU time per
 * round (this thread's user + system: the machine is shared, so wall clock says little):
 * - `every fact`: as main made them before the suggestion sheets, every shard's facts (`facts-<key>.json`) parsed,
 *   the corpus's names read from all of them, and each shard's index made with a lookup of the whole corpus's index
 *   built for that shard;
 * - `sheets made`: as a cold build makes them, each shard's sheet made from its facts (`suggestionSheet`), merged,
 *   one lookup of the corpus's index for every shard (`shardSuggestionsOf`);
 * - `sheets kept`: as a warm build whose shards but the last are reused makes them, the kept sheets
 *   (`suggestion-sheet-<key>.json`) read, the last shard's made from its facts, then as above.
 * The phrases are the build's (its shards' phrase files merged, outside the timings). Prints the sha256 of the
 * corpus's index and of the shards' indexes of each way, which must be the same.
 */
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join, resolve } from 'node:path'
import { PhraseFiles } from '../scripts/lib/phrase-files'
import { shardSuggestionsOf } from '../src/bundle/shard-suggestions'
import type { RegistryArticle } from '../src/corpus-services/entity-registry'
import { corpusSuggestions, keptPhrases, suggestionSheet, type StoredSuggestions, type SuggestionSheet } from '../src/search/suggest'

const dir = process.argv[2]
if (!dir) {
  console.error('usage: npx tsx bench/suggestion-steps.ts SHARDED_DIR [--rounds=3]')
  process.exit(1)
}
const rounds = Number(process.argv.find((arg) => arg.startsWith('--rounds='))?.split('=')[1] ?? 3)

const shardDirs = readdirSync(resolve(dir))
  .filter((name) => /^shard-\d+$/.test(name))
  .sort((a, b) => Number(a.slice(6)) - Number(b.slice(6)))
const file = (shard: string, pattern: RegExp) => {
  const name = readdirSync(join(dir, shard)).find((name) => pattern.test(name))
  if (!name) throw new Error(`${shard} keeps no file like ${pattern}`)
  return join(dir, shard, name)
}
const factsFiles = shardDirs.map((shard) => file(shard, /^facts-[0-9a-f]{16}\.json$/))
const sheetFiles = shardDirs.map((shard) => file(shard, /^suggestion-sheet-[0-9a-f]{16}\.json$/))
const phraseFiles = new PhraseFiles(join(dir, shardDirs[0]!))
for (const shard of shardDirs) phraseFiles.add(file(shard, /^phrases-[0-9a-f]{16}\.tsv$/))
const phrases = keptPhrases(phraseFiles.merged())

const readFacts = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as RegistryArticle[]

/** The shards' indexes as main made them: each with its own lookup of the whole corpus's. */
function everyFact(): [StoredSuggestions, string[]] {
  const shards = factsFiles.map(readFacts)
  const whole = corpusSuggestions([suggestionSheet(shards.flat())], phrases)
  return [whole, shards.map((facts) => JSON.stringify(shardSuggestionsOf(whole)(suggestionSheet(facts))))]
}

function fromSheets(sheets: SuggestionSheet[]): [StoredSuggestions, string[]] {
  const whole = corpusSuggestions(sheets, phrases)
  const of = shardSuggestionsOf(whole)
  return [whole, sheets.map((sheet) => JSON.stringify(of(sheet)))]
}

const ways: Record<string, () => [StoredSuggestions, string[]]> = {
  'every fact': everyFact,
  'sheets made': () => fromSheets(factsFiles.map((path) => suggestionSheet(readFacts(path)))),
  'sheets kept': () =>
    fromSheets([
      ...sheetFiles.slice(0, -1).map((path) => JSON.parse(readFileSync(path, 'utf8')) as SuggestionSheet),
      suggestionSheet(readFacts(factsFiles.at(-1)!)),
    ]),
}

const sha = (texts: readonly string[]) => {
  const hash = createHash('sha256')
  for (const text of texts) hash.update(text)
  return hash.digest('hex').slice(0, 16)
}
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')
console.log(`${shardDirs.length} shards, ${phrases.length} phrases kept; load average ${load()}`)
const best: Record<string, number> = {}
for (let round = 1; round <= rounds; round++) {
  // Each round runs the ways in turn, the order reversed every other round.
  const order = Object.keys(ways)
  if (round % 2 === 0) order.reverse()
  for (const way of order) {
    const start = process.cpuUsage()
    const [whole, shards] = ways[way]!()
    const { user, system } = process.cpuUsage(start)
    const ms = (user + system) / 1000
    best[way] = Math.min(best[way] ?? Infinity, ms)
    console.log(`round ${round} ${way}: ${ms.toFixed(0)} ms CPU; corpus ${sha([JSON.stringify(whole)])}, shards ${sha(shards)}; load ${load()}`)
  }
}
console.log(
  `fastest: ${Object.entries(best)
    .map(([way, ms]) => `${way} ${ms.toFixed(0)} ms`)
    .join(', ')}`,
)
