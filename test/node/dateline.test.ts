import { describe, expect, it } from 'vitest'
import { findDateline } from '../../src/analysis/facts/dateline'
import { generateHeadline } from '../../src/analysis/summary/headline'
import { leadingDateline } from '../../src/text/dateline'

const placeOf = (text: string) => {
  const dateline = leadingDateline(text)
  return dateline && { place: text.slice(dateline.place.start, dateline.place.end), body: text.slice(dateline.bodyStart) }
}

describe('the one dateline parser', () => {
  it('returns the place and where the sentence starts, for an agency in brackets and for a date after a comma', () => {
    expect(placeOf('KABUL (Reuters) - Two bridges collapsed in the night.')).toEqual({ place: 'KABUL', body: 'Two bridges collapsed in the night.' })
    expect(placeOf('LONDON, May 3 — The river rose by a metre.')).toEqual({ place: 'LONDON', body: 'The river rose by a metre.' })
    expect(placeOf('PORT MORESBY: The ferry left late.')).toEqual({ place: 'PORT MORESBY', body: 'The ferry left late.' })
  })

  it('finds none in a plain sentence, and never takes a whole sentence for a dateline', () => {
    expect(leadingDateline('The council met on Tuesday - and voted.')).toBeUndefined()
    expect(leadingDateline('NATO:')).toBeUndefined()
  })

  it('reads a sentence span of a longer text', () => {
    const text = 'Heading line.\nOSLO - The fjord froze early.'
    const dateline = leadingDateline(text, { start: 14, end: text.length })
    expect(dateline && text.slice(dateline.place.start, dateline.place.end)).toBe('OSLO')
    expect(dateline && text.slice(dateline.bodyStart)).toBe('The fjord froze early.')
  })

  it('gives facts the place of both shapes, with its country', () => {
    expect(findDateline('KABUL (Reuters) - Two bridges collapsed in the night.')).toMatchObject({ place: 'Kabul', country: 'Afghanistan', start: 0, end: 5 })
    expect(findDateline('LONDON, May 3 — The river rose by a metre.')).toMatchObject({ place: 'London', country: 'United Kingdom' })
  })

  it('gives the summary the sentence without it', () => {
    expect(generateHeadline('KABUL (Reuters) - Two bridges collapsed in the night.')).not.toMatch(/KABUL|Reuters/)
  })
})
