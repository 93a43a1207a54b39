import { join } from 'node:path'
import { expect, it } from 'vitest'
import { extractFacts } from '../../src/analysis/facts/extract'
import type { Facts } from '../../src/analysis/facts/types'
import { CATEGORIES, type Category, scoreGold, totals } from '../../scripts/lib/facts-gold'
import { createArticleFinder, type GoldFile } from '../../scripts/lib/gold-articles'

export const findArticle = createArticleFinder(join(__dirname, '../../corpus'))

/** The product's facts of a gold file's article, read from the bundled corpus or from a text beside `goldFile`. */
export function extracted(article: string, goldFile?: string): Facts {
  const input = findArticle(article, goldFile)
  if (!input) throw new Error(`gold article ${article} is not in the corpus`)
  return extractFacts(input.text, input.date ? { date: input.date } : {})
}

/** A level for each category the set annotates (a count-only set gives quantities and micro only). */
export type F1Levels = Partial<Record<Category, number>> & { micro: number }

/** Tests that each leveled category's F1 and the micro F1 over `golds` stay at or above the levels reached. */
export function itKeepsF1Levels(golds: readonly GoldFile[], levels: F1Levels): void {
  const scores = golds.map(({ file, gold }) => scoreGold(gold, extracted(gold.article, file)))

  it.each(CATEGORIES.filter((category) => levels[category] !== undefined))('keeps %s F1 at the level reached', (category) => {
    expect(totals(scores.map((score) => score[category])).f1).toBeGreaterThanOrEqual(levels[category]!)
  })

  it('keeps micro F1 at the level reached', () => {
    expect(totals(scores.flatMap((score) => CATEGORIES.map((category) => score[category]))).f1).toBeGreaterThanOrEqual(levels.micro)
  })
}
