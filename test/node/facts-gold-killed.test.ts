import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { Facts, Quantity } from '../../src/analysis/facts/types'
import { type FactsGold, scoreGold, scoreKilled } from '../../scripts/lib/facts-gold'
import { createArticleFinder, readGoldFiles } from '../../scripts/lib/gold-articles'

// Invented gold and invented extractions: what the scorer makes of them, not what the extractor finds.
const facts = (quantities: Array<Omit<Quantity, 'start' | 'end'>>): Facts => ({
  entities: [],
  quotes: [],
  dates: [],
  statements: [],
  quantities: quantities.map((quantity, i) => ({ ...quantity, start: i * 10, end: i * 10 + 5 })),
})
const gold = (quantities: FactsGold['quantities']): FactsGold => ({ article: './texts/invented.txt', quantities })

describe('issue 17 killed counts: right where the text spells one, detected at all', () => {
  it('counts a killed count with the gold number as right, whoever the extractor says was killed', () => {
    const score = scoreKilled(gold([{ value: 12, who: 'fighters', event: 'killed', place: 'Idlib' }]), facts([{ value: 12, who: 'people', event: 'killed' }]))
    expect(score).toEqual({ gold: 1, detected: 1, right: 1, singleGold: 0, singleRight: 0, extra: 0 })
  })

  it('counts the same people with another number as detected, not right', () => {
    const score = scoreKilled(gold([{ value: 27, who: 'Taliban insurgents', event: 'killed' }]), facts([{ value: 9, who: 'insurgents', event: 'killed' }]))
    expect(score).toMatchObject({ gold: 1, detected: 1, right: 0, extra: 0 })
  })

  it('reads "dead", "died" and "slain" as killed, and leaves injured and arrested counts out', () => {
    const score = scoreKilled(
      gold([
        { value: 3, who: 'fishermen', event: 'killed' },
        { value: 2, who: 'men', event: 'arrested' },
      ]),
      facts([
        { value: 3, who: 'fishermen', event: 'dead' },
        { value: 4, who: 'people', event: 'wounded' },
        { value: 2, who: 'men', event: 'arrested' },
      ]),
    )
    expect(score).toEqual({ gold: 1, detected: 1, right: 1, singleGold: 0, singleRight: 0, extra: 0 })
  })

  it('tells counts of one person apart, and gives each gold count one extracted count at most', () => {
    const score = scoreKilled(
      gold([
        { value: 1, who: 'commander', event: 'killed' },
        { value: 1, who: 'soldier', event: 'killed' },
        { value: 14, who: 'suspects', event: 'killed' },
      ]),
      facts([
        { value: 1, who: 'commander', event: 'killed' },
        { value: 40, who: 'fighters', event: 'killed' },
      ]),
    )
    expect(score).toEqual({ gold: 3, detected: 1, right: 1, singleGold: 2, singleRight: 1, extra: 1 })
  })

  it('prefers the extracted count of the same number and people, so a second count of that number is not taken from it', () => {
    const score = scoreKilled(
      gold([
        { value: 2, who: 'associates', event: 'killed' },
        { value: 2, who: 'security personnel', event: 'killed' },
      ]),
      facts([
        { value: 2, who: 'personnel', event: 'killed' },
        { value: 2, who: 'associates', event: 'killed' },
      ]),
    )
    expect(score).toMatchObject({ gold: 2, detected: 2, right: 2, extra: 0 })
  })

  it('scores nothing for a gold file that leaves quantities out', () => {
    const score = scoreKilled({ article: 'x', people: [] }, facts([{ value: 5, who: 'people', event: 'killed' }]))
    expect(score).toEqual({ gold: 0, detected: 0, right: 0, singleGold: 0, singleRight: 0, extra: 0 })
  })
})

describe('a gold file naming a text beside it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'news-edge-gold-texts-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  mkdirSync(join(dir, 'texts'))
  writeFileSync(join(dir, 'texts', 'ambush.txt'), 'date 2021-06-28\nBAMAKO - Fifteen soldiers were killed in an ambush on Friday.\n')
  writeFileSync(join(dir, 'ambush.json'), JSON.stringify({ article: './texts/ambush.txt', quantities: [{ value: 15, who: 'soldiers', event: 'killed' }] }))
  const findArticle = createArticleFinder(join(__dirname, '../../corpus'))

  it('reads the text from the gold file’s folder, with its date', () => {
    const [{ file, gold: goldFile }] = readGoldFiles(dir) as [ReturnType<typeof readGoldFiles>[number]]
    const article = findArticle(goldFile.article, file)
    expect(article?.date).toBe('2021-06-28')
    expect(article?.text.trim()).toBe('BAMAKO - Fifteen soldiers were killed in an ambush on Friday.')
  })

  it('finds no text without the gold file to resolve it from, nor one that is not there', () => {
    expect(findArticle('./texts/ambush.txt')).toBeUndefined()
    expect(findArticle('./texts/missing.txt', join(dir, 'ambush.json'))).toBeUndefined()
  })

  it('still finds corpus articles by path', () => {
    expect(findArticle('seed/000_7b2b9cd25cf26eb6.txt')?.text).toContain('ISLAMABAD')
  })

  it('leaves the categories a count-only gold file omits unscored', () => {
    const scores = scoreGold(
      { article: './texts/ambush.txt', quantities: [{ value: 15, who: 'soldiers', event: 'killed' }] },
      facts([{ value: 15, who: 'soldiers', event: 'killed' }]),
    )
    expect(scores.quantities).toMatchObject({ tp: 1, fp: 0, fn: 0 })
    expect(scores.people).toMatchObject({ tp: 0, fp: 0, fn: 0 })
  })
})
