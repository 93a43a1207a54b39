import { describe, expect, it } from 'vitest'
import { extractFacts } from '../../src/analysis/facts/extract'

// Where a count happened, from sentences written for the test.
const counts = (text: string) => extractFacts(text, { date: '2021-02-01' }).quantities.map((quantity) => [quantity.value, quantity.event, quantity.place])

describe('the place of a count', () => {
  it('reads "Town, Region" as the town, here and in the sentence after', () => {
    expect(counts('A truck crashed near Fairfield, California, on Tuesday. Three workers died and two firefighters were injured.')).toEqual([
      [3, 'killed', 'Fairfield'],
      [2, 'injured', 'Fairfield'],
    ])
  })

  it('takes, of several places, the one the event is put in', () => {
    expect(counts('A bus carrying fans from Leeds to Hull overturned in Selby on Sunday, and nine people died.')).toEqual([[9, 'killed', 'Selby']])
  })

  it('gives no place where two places could each be the one', () => {
    expect(counts('Storms hit Leeds and Manchester on Sunday. Nine people died.')).toEqual([[9, 'killed', undefined]])
  })

  it('takes the place a clause of the count hangs on, in a sentence of several places', () => {
    expect(
      counts('The attack followed others that month, one in Oregon at a fair in Salem, killing four, and another in Akron, Ohio where at least six died.'),
    ).toEqual([
      [4, 'killed', 'Salem'],
      [6, 'killed', 'Akron'],
    ])
  })

  it('does not put a count where someone lives', () => {
    expect(counts('A resident of Leeds, the driver is accused of killing two people on the motorway.')).toEqual([[2, 'killed', undefined]])
  })

  it("takes the lead's place for a count whose paragraph names none, and not a place that only says where a town lies", () => {
    expect(
      counts(
        'A building collapsed on Monday in Leeds, a city in the north of England. Rescuers worked through the night.\n\nOfficials said nine people had died.',
      ),
    ).toEqual([[9, 'killed', 'Leeds']])
    // The paragraph names a place of its own: the lead's is not taken.
    expect(counts('A storm hit Leeds on Monday.\n\nIn Manchester and York, officials said nine people had died.')).toEqual([[9, 'killed', undefined]])
  })
})
