import { describe, expect, it } from 'vitest'
import { PhraseFiles } from '../../scripts/lib/phrase-files'
import { random } from '../../scripts/lib/random'
import { keptPhrases, PhraseCounts, type PhraseCount } from '../../src/search/suggest'
import { articles } from './sharded-corpus'

describe('the corpus phrases counted a shard at a time on disk', () => {
  it('keep the phrases, counts and spellings counting the whole corpus in memory keeps', () => {
    const whole = new PhraseCounts()
    whole.add(articles)
    const expected = whole.kept()
    const counts = new PhraseCounts()
    const files = new PhraseFiles()
    try {
      for (const [first, end] of [
        [0, 100],
        [100, 101],
        [101, articles.length],
      ] as const) {
        counts.add(articles.slice(first, end))
        files.write(counts.take())
      }
      expect(expected.length).toBeGreaterThan(100)
      expect(keptPhrases(files.merged())).toEqual(expected)
    } finally {
      files.remove()
    }
  })

  it('keep the same phrases counted afresh for each shard, and with a shard merged from a file kept by an earlier count', () => {
    const whole = new PhraseCounts()
    whole.add(articles)
    const expected = whole.kept()
    const shards = [
      [0, 100],
      [100, 101],
      [101, articles.length],
    ] as const
    // Each shard's file on its own (sights from 0 in each), as the build keeps it beside the shard.
    const earlier = new PhraseFiles()
    const files = new PhraseFiles()
    try {
      const taken = shards.map(([first, end]) => {
        const counts = new PhraseCounts()
        counts.add(articles.slice(first, end))
        return counts.take()
      })
      for (const shard of taken) expect(Math.min(...shard.map(({ sight }) => sight))).toBe(0)
      const earlierFiles = taken.map((shard) => earlier.write(shard))
      expect(keptPhrases(earlier.merged())).toEqual(expected)
      // A later build: the first and last shards' counts read from the earlier files, the middle one counted again.
      files.add(earlierFiles[0]!)
      files.write(taken[1]!)
      files.add(earlierFiles[2]!)
      expect(keptPhrases(files.merged())).toEqual(expected)
    } finally {
      earlier.remove()
      files.remove()
    }
  })

  it('are taken sorted by key, each once, with its articles, first sight and first spelling', () => {
    const counts = new PhraseCounts()
    // A word that starts another ("hong" and "hongkong"), a two-word phrase that starts a three-word one, accents and capitals.
    counts.add([
      { title: 'Hong Kong police', text: 'Hongkong police said. Hong Kong police chief quits.' },
      { title: 'Café owners', text: 'The hong kong police chief spoke. Cafe owners agree. Hong kong police.' },
    ])
    counts.add([{ title: 'Hong Kong', text: 'Cafe owners' }])
    const taken = counts.take()
    const keys = taken.map((phrase) => phrase.key)
    expect(keys).toEqual([...keys].sort())
    expect(new Set(keys).size).toBe(keys.length)
    const byKey = new Map(taken.map((phrase) => [phrase.key, phrase]))
    expect(byKey.get('hong kong')).toMatchObject({ count: 3, sight: 0, spelling: 'Hong Kong' })
    expect(byKey.get('hong kong police')).toMatchObject({ count: 2, sight: 1, spelling: 'Hong Kong police' })
    expect(byKey.get('hongkong police')).toMatchObject({ count: 1, spelling: 'Hongkong police' })
    expect(byKey.get('cafe owners')).toMatchObject({ count: 2, spelling: 'Café owners' })
    expect(byKey.get('police chief')).toMatchObject({ count: 2 })
    expect(byKey.get('police chief')).not.toHaveProperty('spelling')
    // "the" is a stop word: no phrase starts with it.
    expect(keys.some((key) => key.startsWith('the '))).toBe(false)
    // Sights go on counting after a take.
    counts.add([{ title: 'New rail tunnel', text: '' }])
    expect(counts.take().map(({ key, sight }) => [key, sight])).toEqual([
      ['new rail', taken.length],
      ['new rail tunnel', taken.length + 1],
      ['rail tunnel', taken.length + 2],
    ])
  })

  it('keep the 20,000 most frequent of more, ties in text order, whatever order they come in', () => {
    const next = random(20261207)
    // Invented phrases with counts from 1 to 40, some spelled otherwise than their key, many of one count.
    const phrases: PhraseCount[] = Array.from({ length: 50_000 }, (_, sight) => ({
      key: `word${sight} other`,
      count: 1 + Math.floor(next() * next() * 40),
      sight,
      ...(sight % 7 === 0 ? { spelling: `Word${sight} Other` } : {}),
    }))
    const collator = new Intl.Collator()
    const expected = phrases
      .filter((phrase) => phrase.count >= 2)
      .map((phrase) => ({ text: phrase.spelling ?? phrase.key, count: phrase.count }))
      .sort((a, b) => b.count - a.count || collator.compare(a.text, b.text))
      .slice(0, 20_000)
    const shuffled = [...phrases].sort(() => next() - 0.5)
    expect(keptPhrases(shuffled)).toEqual(expected)
  })
})
