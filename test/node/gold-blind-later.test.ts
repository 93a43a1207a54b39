import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readGoldFiles } from '../../scripts/lib/gold-articles'
import { itKeepsF1Levels, type F1Levels } from './gold-levels'

// The later blind sets, each committed before the extractor ran on its articles. gold-blind2 to gold-blind10 have
// since guided rule changes (by class of error, each with a test on an invented sentence); gold-blind8's honest first
// figure was taken before any (docs/facts-eval.md, round 10), gold-blind9's in round 12, gold-blind10's in round 13
// (it has guided the entity, statement and date rules since round 15); it lists no count, so its quantities stay at 1
// only while no count is invented there. gold-blind11, scored first at 75c526a with no rule changed, has guided none
// (only its figures were read); its quotes floor sits lower because the speaker ranker, retrained once its articles
// left the silver data, moved its quotes 0.696 -> 0.661; it is a tuning set since round 17. gold-blind12 (round 17:
// 27 articles in every category, 6 campaign reviews for counts only) was scored first at 29bafaa with no rule
// changed; its errors are not read. gold-blind13 (round 18: 34 articles in every category, no count among them) and
// gold-counts (42 invented press-release texts, counts only: its other categories are not leveled) were scored first
// at c5fa298 with no rule changed; their errors are not read, and their levels are those of the ranker retrained once
// their articles left the silver data.
// Levels a little under the figures of `npm run eval:facts` (rounds 10, 12, 13, 15, 17 and 18; round 17 raised the
// quantities levels its rules reached), so that only a real regression fails.
const SETS: ReadonlyArray<{ dir: string; articles: number; levels: F1Levels }> = [
  {
    dir: 'gold-blind2',
    articles: 12,
    levels: { people: 0.92, organizations: 0.8, countries: 0.91, places: 0.69, quotes: 0.74, quantities: 0.62, dates: 0.97, statements: 0.64, micro: 0.8 },
  },
  {
    dir: 'gold-blind3',
    articles: 20,
    levels: { people: 0.89, organizations: 0.75, countries: 0.93, places: 0.82, quotes: 0.72, quantities: 0.85, dates: 0.84, statements: 0.72, micro: 0.82 },
  },
  {
    dir: 'gold-blind4',
    articles: 16,
    levels: { people: 0.85, organizations: 0.72, countries: 0.89, places: 0.79, quotes: 0.87, quantities: 0.6, dates: 0.86, statements: 0.83, micro: 0.83 },
  },
  {
    dir: 'gold-blind5',
    articles: 12,
    levels: { people: 0.78, organizations: 0.67, countries: 0.79, places: 0.76, quotes: 0.74, quantities: 0.62, dates: 0.83, statements: 0.7, micro: 0.74 },
  },
  {
    dir: 'gold-blind6',
    articles: 13,
    levels: { people: 0.71, organizations: 0.8, countries: 0.88, places: 0.81, quotes: 0.9, quantities: 0.5, dates: 0.92, statements: 0.77, micro: 0.81 },
  },
  {
    dir: 'gold-blind7',
    articles: 17,
    levels: { people: 0.83, organizations: 0.82, countries: 0.97, places: 0.83, quotes: 0.79, quantities: 0.77, dates: 0.89, statements: 0.9, micro: 0.83 },
  },
  {
    dir: 'gold-blind8',
    articles: 16,
    levels: { people: 0.85, organizations: 0.73, countries: 0.95, places: 0.87, quotes: 0.66, quantities: 0.77, dates: 0.9, statements: 0.72, micro: 0.77 },
  },
  {
    dir: 'gold-blind9',
    articles: 16,
    levels: { people: 0.8, organizations: 0.73, countries: 0.95, places: 0.85, quotes: 0.52, quantities: 0.7, dates: 0.89, statements: 0.67, micro: 0.75 },
  },
  {
    dir: 'gold-blind10',
    articles: 16,
    levels: { people: 0.83, organizations: 0.64, countries: 0.94, places: 0.81, quotes: 0.69, quantities: 0.9, dates: 0.83, statements: 0.25, micro: 0.77 },
  },
  {
    dir: 'gold-blind11',
    articles: 22,
    levels: { people: 0.78, organizations: 0.68, countries: 0.8, places: 0.69, quotes: 0.62, quantities: 0.9, dates: 0.83, statements: 0.61, micro: 0.73 },
  },
  {
    dir: 'gold-blind12',
    articles: 33,
    levels: { people: 0.74, organizations: 0.72, countries: 0.84, places: 0.74, quotes: 0.53, quantities: 0.48, dates: 0.85, statements: 0.36, micro: 0.72 },
  },
  {
    dir: 'gold-blind13',
    articles: 34,
    levels: { people: 0.73, organizations: 0.68, countries: 0.87, places: 0.79, quotes: 0.61, quantities: 0.9, dates: 0.82, statements: 0.47, micro: 0.73 },
  },
  {
    dir: 'gold-counts',
    articles: 42,
    levels: { quantities: 0.63, micro: 0.63 },
  },
]

for (const { dir, articles, levels } of SETS) {
  const golds = readGoldFiles(join(__dirname, '../fixtures', dir))
  describe(`blind gold (test/fixtures/${dir})`, () => {
    it(`covers ${articles} corpus articles`, () => {
      expect(golds.length).toBe(articles)
    })

    itKeepsF1Levels(golds, levels)
  })
}
