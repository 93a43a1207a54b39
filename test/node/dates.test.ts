import { describe, expect, it } from 'vitest'
import { extractDates } from '../../src/analysis/facts/dates'

function dates(text: string, publication?: string) {
  const found = extractDates(text, publication)
  for (const date of found) expect(text.slice(date.start, date.end)).toBe(date.text)
  return found.map(({ text, iso }) => ({ text, iso }))
}

describe('extractDates', () => {
  it('resolves a weekday to the most recent such day on or before the publication date', () => {
    expect(dates('Lin Jian said on Tuesday.', '2026-02-03')).toEqual([{ text: 'Tuesday', iso: '2026-02-03' }])
    expect(dates('The attack came on Monday, officials said.', '2019-01-24')).toEqual([{ text: 'Monday', iso: '2019-01-21' }])
    expect(dates('It happened on Friday night.', '2019-01-24')).toEqual([{ text: 'Friday night', iso: '2019-01-18' }])
  })

  it('resolves relative days against the publication date', () => {
    expect(dates('A fire yesterday morning destroyed homes.', '2019-02-18')).toEqual([{ text: 'yesterday morning', iso: '2019-02-17' }])
    expect(dates('He was hospitalized on August 10 after a fall.', '2020-09-03')).toEqual([{ text: 'August 10', iso: '2020-08-10' }])
    expect(dates('Last year August 8 was a happy day.', '2020-09-03')).toEqual([{ text: 'Last year August 8', iso: '2019-08-08' }])
  })

  it('gives only days: a month or a year without a day and a span of days are no date', () => {
    expect(dates('Prices rose last month.', '2026-02-03')).toEqual([])
    expect(dates('Last month, 12 people died.', '2026-02-05')).toEqual([])
    expect(dates('The assault in August 2018 was worse.', '2019-01-24')).toEqual([])
    expect(dates('A study from March noted it, and the plan was dropped at the end of July.', '2020-09-11')).toEqual([])
    expect(dates('The bridge opened last year, three years ago a flood closed it, and it shut again last week.', '2022-03-09')).toEqual([])
    expect(dates('The ferry service stops this weekend, as it did in 2019.', '2022-03-09')).toEqual([])
  })

  it('gives a day named the same way twice once, and keeps another wording of the same day', () => {
    const text = 'The ferry sank on Monday. Divers went down on Monday and again on Monday night. By Monday the port had closed.'
    expect(dates(text, '2021-03-10')).toEqual([
      { text: 'Monday', iso: '2021-03-08' },
      { text: 'Monday night', iso: '2021-03-08' },
    ])
  })

  it('reads a month and day without a year as the most recent one on or before publication', () => {
    expect(dates('The report came out on December 20.', '2020-01-05')).toEqual([{ text: 'December 20', iso: '2019-12-20' }])
  })

  it('drops junk: now, times, durations, names and foreign words that look like dates', () => {
    expect(dates('Right now the council meets at 3:30am for five years. Theresa May spoke. Paris pleure, mon nom.', '2019-10-05')).toEqual([])
    expect(dates('The march may go ahead.', '2019-10-05')).toEqual([])
  })

  it('reads "today" and "this morning" in the narration as the publication date, not inside a quotation', () => {
    expect(dates('The port of Tolmar reopened this morning.', '2021-04-07')).toEqual([{ text: 'this morning', iso: '2021-04-07' }])
    // The day of writing named twice is one day, and a newspaper's name is no day.
    expect(dates('The ferry reached Tolmar earlier today, and the port reopened this evening, USA Today wrote.', '2021-04-07')).toEqual([
      { text: 'today', iso: '2021-04-07' },
    ])
    // Said on a day the text does not give.
    expect(dates('"Today we start again," the harbour master said.', '2021-04-07')).toEqual([])
    expect(dates('The minister said: “We will finish the pier today at 5 p.m.”', '2021-04-07')).toEqual([])
    expect(dates('Today at 10:30 the court ruled.', '2021-04-07')).toEqual([{ text: 'Today at 10:30', iso: '2021-04-07' }])
    // A thing of the day, and a day named once already.
    expect(dates("By today's decision the board closes the pier.", '2021-04-07')).toEqual([])
    expect(dates('Flags fly at half-mast on Wednesday — today — in Tolmar.', '2021-04-07')).toEqual([{ text: 'Wednesday', iso: '2021-04-07' }])
    expect(dates('The pier reopened today.')).toEqual([])
  })

  it('puts a day ahead of publication when the words before it look ahead', () => {
    expect(dates('The mayor is due to retire on September 30.', '2021-05-02')).toEqual([{ text: 'September 30', iso: '2021-09-30' }])
    expect(dates('Having won the vote, she would be sworn in as mayor on February 14.', '2021-11-20')).toEqual([{ text: 'February 14', iso: '2022-02-14' }])
    expect(dates('The storm was forecast to reach the coast by September 9.', '2021-07-30')).toEqual([{ text: 'September 9', iso: '2021-09-09' }])
    expect(dates('The council will vote on October 4.', '2021-05-02')).toEqual([{ text: 'October 4', iso: '2021-10-04' }])
    expect(dates('The bridge reopened on September 30.', '2021-05-02')).toEqual([{ text: 'September 30', iso: '2020-09-30' }])
  })

  it('reads a day after "scheduled for" or "planned for" as a day, ahead of publication', () => {
    expect(dates('The final hearing is still scheduled for October 22 at the county court.', '2020-10-12')).toEqual([{ text: 'October 22', iso: '2020-10-22' }])
    expect(dates('The vote, originally planned for April 28, was put off.', '2020-03-20')).toEqual([{ text: 'April 28', iso: '2020-04-28' }])
    // "for" before what names no day is still a span.
    expect(dates('The road was closed for a week.', '2020-03-20')).toEqual([])
  })

  it('gives no day for a time some hours before words were said', () => {
    expect(dates('His son said he "left home four to five hours ago".', '2020-07-09')).toEqual([])
  })

  it('reads "the previous day" and "the following day" against the last dated day before them', () => {
    expect(dates('The storm hit on Friday. Power had failed the previous day, and returned the following day.', '2022-03-09')).toEqual([
      { text: 'Friday', iso: '2022-03-04' },
      { text: 'the previous day', iso: '2022-03-03' },
      { text: 'the following day', iso: '2022-03-05' },
    ])
    expect(dates('Power had failed the previous day.', '2022-03-09')).toEqual([])
  })

  it('drops spans of time: counted spans back from now and spans before or after another event', () => {
    expect(
      dates(
        'Rents have doubled over the last three years, and the shop closed a few weeks after the fire, less than two months before the vote.',
        '2022-03-09',
      ),
    ).toEqual([])
  })

  it('drops spans without a count and lengths of time: "the past year", "the last couple of weeks", "in two months"', () => {
    expect(
      dates(
        "Floods have hit the valley for the past year, the past month's rain was the worst, prices rose over the last couple of weeks, the mayor retires in two months and the term lasts four years.",
        '2022-03-09',
      ),
    ).toEqual([])
  })

  it('keeps absolute dates and drops relative ones when there is no publication date', () => {
    expect(dates('Born on December 11, 1935, he died on Monday.')).toEqual([{ text: 'December 11, 1935', iso: '1935-12-11' }])
  })

  it('invents no year for a month and day when there is no publication date', () => {
    expect(dates('The envoys met on Nov. 24 and again on March 3, and will meet in June.')).toEqual([
      { text: 'Nov. 24', iso: '--11-24' },
      { text: 'March 3', iso: '--03-03' },
    ])
    expect(dates('The envoys met on Nov. 24.', '2020-05-01')).toEqual([{ text: 'Nov. 24', iso: '2019-11-24' }])
  })

  it('reads a span after some other event as no date, in any case', () => {
    expect(dates('AFTER A YEAR IN JAIL, THE BAKER WAS FREED.')).toEqual([])
    expect(dates('The baker was freed after two years in jail.', '2020-05-01')).toEqual([])
  })

  it('reads a date within its sentence: a time in the next sentence is not joined to it', () => {
    const text = 'His last roll call vote was on September 11. At 2:45 a.m. local time, his office said, he died.'
    expect(dates(text, '2019-10-17')).toEqual([{ text: 'September 11', iso: '2019-09-11' }])
    expect(dates('Talks were held. Nobody spoke. The deal came on Monday, and the vote on Tuesday.', '2021-03-10')).toEqual([
      { text: 'Monday', iso: '2021-03-08' },
      { text: 'Tuesday', iso: '2021-03-09' },
    ])
  })

  it('reads each date phrase as in its whole sentence, however far apart the phrases and whatever lies between them', () => {
    // chrono reads the stretches around date words, several a call: a date's own words around it (a time, a weekday, a
    // year after it), not what lies beyond, and one phrase's words never join the next one's.
    const filler = 'the committee heard evidence from witnesses about the flooding of the old bridge and the market square, '
    const text =
      `At 10:30 a.m. local time on Tuesday, March 3, 2020, ${filler.repeat(3)}and it met again last year August 8. ` +
      `${filler.repeat(2)}The vote came on Friday; the ruling followed on 12/05/2020, ${filler}not on the 14th.`
    expect(dates(text, '2020-12-20')).toEqual([
      { text: 'Tuesday, March 3, 2020', iso: '2020-03-03' },
      { text: 'last year August 8', iso: '2019-08-08' },
      { text: 'Friday', iso: '2020-12-18' },
      { text: '12/05/2020', iso: '2020-12-05' },
    ])
  })

  it('gets through 200 KB of date words', () => {
    const found = extractDates('Monday Tuesday May March '.repeat(8_000), '2020-01-01')
    expect(found.length).toBeGreaterThan(0)
    expect(found.length).toBeLessThanOrEqual(500)
  })
})

// Round 15 (issue 17), by class of error read on gold-blind8 to gold-blind10; invented sentences.
describe('weekdays ahead, ranges of weekdays and projections', () => {
  it('puts a weekday after a forecast in the present tense on or after the publication date', () => {
    // 2019-07-12 is a Friday.
    expect(dates('Forecasters predict landfall Saturday morning.', '2019-07-12')).toEqual([{ text: 'Saturday morning', iso: '2019-07-13' }])
    expect(dates('The storm could strengthen as soon as Monday.', '2019-07-12')).toEqual([{ text: 'Monday', iso: '2019-07-15' }])
    expect(dates('The alerts run from tomorrow night into Sunday morning.', '2019-07-12')).toEqual([
      { text: 'tomorrow night', iso: '2019-07-13' },
      { text: 'Sunday morning', iso: '2019-07-14' },
    ])
    expect(dates('The council will vote on Tuesday.', '2019-07-12')).toEqual([{ text: 'Tuesday', iso: '2019-07-16' }])
  })

  it('keeps a weekday after a forecast in the past tense in the past', () => {
    expect(dates('The storm was forecast to reach the coast on Tuesday.', '2019-07-12')).toEqual([{ text: 'Tuesday', iso: '2019-07-09' }])
    expect(dates('The council voted on Tuesday and will meet again soon.', '2019-07-12')).toEqual([{ text: 'Tuesday', iso: '2019-07-09' }])
  })

  it('gives both ends of a range of weekdays, the second counted on from the first', () => {
    // 2020-02-27 is a Thursday: the range runs from yesterday to tomorrow.
    expect(dates('The state declared three days of mourning, Wednesday through Friday.', '2020-02-27')).toEqual([
      { text: 'Wednesday', iso: '2020-02-26' },
      { text: 'Friday', iso: '2020-02-28' },
    ])
    expect(dates('The museum was closed from Saturday to Monday.', '2020-02-27')).toEqual([
      { text: 'Saturday', iso: '2020-02-22' },
      { text: 'Monday', iso: '2020-02-24' },
    ])
  })

  it('puts a day a projection runs up to ahead of the publication date, and not a month named "May"', () => {
    expect(dates('The model says the virus may cause 2,000 more deaths in Norvia by August 4.', '2020-05-29')).toEqual([
      { text: 'August 4', iso: '2020-08-04' },
    ])
    expect(dates('In May, sales had fallen by August 4.', '2020-05-29')).toEqual([{ text: 'August 4', iso: '2019-08-04' }])
  })

  it('reads "This Sunday" in a report as the weekday of the week written about, and "the night of June 21" as that day', () => {
    // 2019-08-06 is a Tuesday.
    expect(dates('This Sunday, the swimmer Ana Ruiz crossed the strait.', '2019-08-06')).toEqual([{ text: 'This Sunday', iso: '2019-08-04' }])
    expect(dates('The bus left the road on the night of June 21 near Tolosa.', '2019-08-06')).toEqual([{ text: 'June 21', iso: '2019-06-21' }])
  })

  it('gives a month and day without a year the year of a full date shortly before it in the paragraph', () => {
    expect(dates('The army moved on November 15, 2017, and the president resigned on November 21.', '2019-09-09')).toEqual([
      { text: 'November 15, 2017', iso: '2017-11-15' },
      { text: 'November 21', iso: '2017-11-21' },
    ])
    // In another paragraph, or before that date in its year, the day is resolved against the publication date.
    expect(dates('The army moved on November 15, 2017.\n\nThe president resigned on November 21.', '2019-09-09')).toEqual([
      { text: 'November 15, 2017', iso: '2017-11-15' },
      { text: 'November 21', iso: '2018-11-21' },
    ])
    expect(dates('The army moved on November 15, 2017, after a warning on March 3.', '2019-09-09')).toEqual([
      { text: 'November 15, 2017', iso: '2017-11-15' },
      { text: 'March 3', iso: '2019-03-03' },
    ])
  })
})
