import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readGoldFiles } from '../../scripts/lib/gold-articles'
import { itKeepsF1Levels, type F1Levels } from './gold-levels'

const heldOut = readGoldFiles(join(__dirname, '../fixtures/gold-heldout'))
const tunedOn = readGoldFiles(join(__dirname, '../fixtures/gold'))

// F1 reached on test/fixtures/gold-heldout (`npm run eval:facts -- --gold test/fixtures/gold-heldout`), a little
// under the measured figures so that only a real regression fails. These articles were annotated blind; the rules
// were then improved guided by their misses (general classes), so this is a development set now:
// test/fixtures/gold-blind is the check on articles no change has looked at.
const F1_AT_LEAST: F1Levels = {
  people: 0.96,
  organizations: 0.87,
  countries: 0.98,
  places: 0.97,
  quotes: 0.9,
  // 0.933 since killings of one named person count as one: the gold leaves out a murder the article tells as background.
  quantities: 0.93,
  dates: 0.98,
  statements: 0.9,
  micro: 0.95,
}

describe('held-out gold (test/fixtures/gold-heldout): a development set apart from the tuning gold', () => {
  it('covers at least eight corpus articles, none of them in the gold the rules are tuned on', () => {
    expect(heldOut.length).toBeGreaterThanOrEqual(8)
    const tuned = new Set(tunedOn.map(({ gold }) => gold.article))
    expect(heldOut.map(({ gold }) => gold.article).filter((article) => tuned.has(article))).toEqual([])
  })

  itKeepsF1Levels(heldOut, F1_AT_LEAST)
})
