import { describe, expect, it } from 'vitest'
import { extractDates } from '../../src/analysis/facts/dates'

// A day named without a year, shortly after the publication date (sentences written for the test).
const isoOf = (text: string, date: string) => extractDates(text, date).map((mention) => [mention.text, mention.iso])

describe('yearless days after the publication date', () => {
  it('takes a day in the month after the publication date as coming', () => {
    expect(isoOf('The first hearing is on March 10.', '2020-03-06')).toEqual([['March 10', '2020-03-10']])
    expect(isoOf('The club plays its final match on January 3.', '2019-12-20')).toEqual([['January 3', '2020-01-03']])
  })

  it('takes a day further ahead as last year’s, as news reports the past', () => {
    expect(isoOf('The factory closed on November 2.', '2020-03-06')).toEqual([['November 2', '2019-11-02']])
  })
})

describe('durations and vague spans are no dates', () => {
  it('drops "within two years", "the next few weeks" and a bare "the month", and keeps "a week ago" and "yesterday"', () => {
    const text =
      'He could be freed within two years. Talks will go on in the next few weeks. Prices rose during the month. A week ago the firm closed. Sales fell yesterday.'
    expect(isoOf(text, '2020-03-04')).toEqual([
      ['A week ago', '2020-02-26'],
      ['yesterday', '2020-03-03'],
    ])
  })
})

describe('a part of a month', () => {
  it('reads "the end of July" as no day, and keeps a day the text gives', () => {
    expect(isoOf('The plan was dropped at the end of July. It rained on the 3rd of May.', '2020-09-01')).toEqual([['3rd of May', '2020-05-03']])
  })
})
