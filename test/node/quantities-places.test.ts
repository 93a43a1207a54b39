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
})
