import { describe, expect, it } from 'vitest'
import { readBundledArticles } from '../../scripts/lib/bundle-files'
import { random } from '../../scripts/lib/random'
import type { StoredArticle } from '../../src/article'
import { shardSuggestions } from '../../src/bundle/shard-suggestions'
import { corpusSuggestions, PhraseCounts, suggestionSheet, type SuggestionSheet } from '../../src/search/suggest'
import { unpackNumbers } from '../../src/search/tables/sorted-words'

/** The shipped corpus's articles as `npm run build` analysed them (npm test builds first). */
const articles: StoredArticle[] = readBundledArticles()
const phrases = (() => {
  const counts = new PhraseCounts()
  counts.add(articles)
  return counts.kept()
})()
const whole = corpusSuggestions([suggestionSheet(articles)], phrases)

/** The corpus cut at `cuts` (ascending positions), each run's sheet made alone and read back from its JSON, as a sharded build keeps it. */
function sheetsCut(cuts: readonly number[]): SuggestionSheet[] {
  const bounds = [0, ...cuts, articles.length]
  return bounds.slice(1).map((end, i) => JSON.parse(JSON.stringify(suggestionSheet(articles.slice(bounds[i], end)))) as SuggestionSheet)
}

describe('the suggestion index merged from sheets made run by run', () => {
  it('is the index of the whole corpus, byte for byte, however the corpus is cut', () => {
    const next = random(20261208)
    const randomCuts = () =>
      [...new Set(Array.from({ length: 1 + Math.floor(next() * 6) }, () => 1 + Math.floor(next() * (articles.length - 1))))].sort((a, b) => a - b)
    const thirds = [Math.ceil(articles.length / 3), Math.ceil((2 * articles.length) / 3)]
    const runs = (size: number) => Array.from({ length: Math.ceil(articles.length / size) - 1 }, (_, i) => (i + 1) * size)
    const expected = JSON.stringify(whole)
    for (const cuts of [thirds, runs(8), runs(100), [1, articles.length - 1], randomCuts(), randomCuts()])
      expect(JSON.stringify(corpusSuggestions(sheetsCut(cuts), phrases)), `cut at ${cuts.join(', ')}`).toBe(expected)
  })

  it('gives a shard from its kept sheet the index its articles give', () => {
    const shard = articles.slice(100, 200)
    const [sheet] = sheetsCut([100, 200]).slice(1)
    expect(JSON.stringify(shardSuggestions(sheet!, whole))).toBe(JSON.stringify(shardSuggestions(suggestionSheet(shard), whole)))
    expect(sheet!.titles).toEqual(shard.map((article) => article.title))
  })

  it('keeps a name’s first spelling from the first run that has it, sums its articles across runs, and lists names in order of first sight', () => {
    const article = (title: string, names: string[]) =>
      ({ title, facts: { entities: names.map((name) => ({ name, type: 'person', mentions: [] })) } }) as unknown as StoredArticle
    const one = [article('a', ['Ana Reyes']), article('b', ['Tom Okafor'])]
    const two = [article('c', ['ANA REYES', 'Li Wen']), article('d', ['Li Wen', 'Tom Okafor'])]
    const merged = corpusSuggestions([suggestionSheet(one), suggestionSheet(two)], [])
    expect(merged).toEqual(corpusSuggestions([suggestionSheet([...one, ...two])], []))
    expect(merged.entities.texts).toEqual(['Ana Reyes', 'Tom Okafor', 'Li Wen'])
    expect([...unpackNumbers(merged.entities.counts)]).toEqual([2, 2, 2])
    // The sheets themselves are not changed by the merge (a build merges the kept ones of the shards it reuses).
    const sheets = [suggestionSheet(one), suggestionSheet(two)]
    const before = JSON.stringify(sheets)
    corpusSuggestions(sheets, [])
    expect(JSON.stringify(sheets)).toBe(before)
  })
})
