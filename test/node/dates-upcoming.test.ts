import { describe, expect, it } from 'vitest'
import { extractDates } from '../../src/facts/dates'

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

  it('keeps a month without a day as the most recent one', () => {
    expect(isoOf('Prices rose in April.', '2020-03-20')).toEqual([['April', '2019-04']])
  })
})
