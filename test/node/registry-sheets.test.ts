import { describe, expect, it } from 'vitest'
import { readBundledArticles } from '../../scripts/lib/bundle-files'
import type { StoredArticle } from '../../src/article'
import { mergeRegistrySheets, storeRegistry } from '../../src/corpus-services/registry-build'
import { registrySheet, type RegistrySheet } from '../../src/corpus-services/registry-sheet'
import { random } from '../../scripts/lib/random'

/** The shipped corpus's articles as `npm run build` analysed them (npm test builds first). */
const articles: StoredArticle[] = readBundledArticles()
const whole = JSON.stringify(storeRegistry(articles))

/** The corpus cut at `cuts` (ascending positions), each run's sheet made alone and read back from its JSON, as a sharded build keeps it. */
function sheetsCut(cuts: readonly number[]): RegistrySheet[] {
  const bounds = [0, ...cuts, articles.length]
  return bounds.slice(1).map((end, i) => JSON.parse(JSON.stringify(registrySheet(articles.slice(bounds[i], end)))) as RegistrySheet)
}

describe('the entity registry merged from sheets made run by run', () => {
  it('is the registry of the whole corpus, byte for byte, however the corpus is cut', () => {
    const next = random(20261207)
    const randomCuts = () =>
      [...new Set(Array.from({ length: 1 + Math.floor(next() * 6) }, () => 1 + Math.floor(next() * (articles.length - 1))))].sort((a, b) => a - b)
    // In 3 shards as a build cuts it, in runs of 8 and of 100 (shards filled in turn), one article alone first and last, and at random.
    const thirds = [Math.ceil(articles.length / 3), Math.ceil((2 * articles.length) / 3)]
    const runs = (size: number) => Array.from({ length: Math.ceil(articles.length / size) - 1 }, (_, i) => (i + 1) * size)
    for (const cuts of [thirds, runs(8), runs(100), [1, articles.length - 1], randomCuts(), randomCuts(), randomCuts()])
      expect(JSON.stringify(mergeRegistrySheets(sheetsCut(cuts))), `cut at ${cuts.join(', ')}`).toBe(whole)
  })

  it('makes a run’s sheet from its own articles alone: the sheet of two runs is the sheets of each, one after the other', () => {
    const [a, b] = [articles.slice(0, 150), articles.slice(150)]
    expect(registrySheet([...a, ...b])).toEqual([...registrySheet(a), ...registrySheet(b)])
  })

  it('decides across runs what needs the whole corpus: a surname’s full name, ranks by articles, fact numbers in catalogue order', () => {
    const person = (name: string) => ({ name, type: 'person' as const, mentions: [{ start: 0, end: 1 }] })
    const article = (id: string, date: string, names: string[], speaker?: string) =>
      ({
        id,
        date,
        title: id,
        facts: {
          entities: names.map(person),
          quotes: speaker ? [{ text: 'We will rebuild.', speaker, start: 0, end: 1 }] : [],
          quantities: [],
          dates: [],
          statements: [],
        },
      }) as unknown as StoredArticle
    // Run one names the surname alone (newest, so its facts come first); the full names that decide it are in run two.
    const one = [article('d', '2024-03-01', ['Okafor'], 'Okafor')]
    const two = [
      article('a', '2024-01-01', ['Maria Okafor']),
      article('b', '2024-01-02', ['Maria Okafor']),
      article('c', '2024-01-03', ['Maria Okafor', 'Tom Reyes'], 'Maria Okafor'),
    ]
    const merged = mergeRegistrySheets([registrySheet(one), registrySheet(two)])
    expect(merged).toEqual(storeRegistry([...one, ...two]))
    const maria = merged.entities.find((entity) => entity.name === 'Maria Okafor')!
    expect(merged.entities[0]).toBe(maria)
    expect(maria.aliases).toEqual(['Okafor'])
    expect(maria.articles).toEqual([0, 3, 2, 1])
    // The newest article's two facts (its quote, its name) come first in the catalogue; then c's quote.
    expect(maria.facts.speaker).toEqual([0, 2])

    // An article that names two Okafors and the surname alone: the surname is the corpus's Maria there too, and the
    // article, in both groups before they are one, counts once among her articles.
    const three = [article('e', '2024-03-02', ['Maria Okafor', 'Jon Okafor', 'Okafor'], 'Okafor')]
    const folded = mergeRegistrySheets([registrySheet(three), registrySheet(two)])
    expect(folded).toEqual(storeRegistry([...three, ...two]))
    const hers = folded.entities.find((entity) => entity.name === 'Maria Okafor')!
    expect(hers.articles).toEqual([0, 3, 2, 1])
    expect(hers.aliases).toEqual(['Okafor'])
    expect(folded.keys['okafor']).toBe(folded.entities.indexOf(hers))
    // Its facts: e's quote (0), then its three names (1–3: Maria's, Jon's, the surname's, which is hers); c's quote
    // and names (4–6), b's name (7), a's (8).
    expect(hers.facts.speaker).toEqual([0, 4])
    expect(hers.facts.mention).toEqual([1, 3, 5, 7, 8])
  })
})
