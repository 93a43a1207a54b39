import { describe, expect, it } from 'vitest'
import { extractFacts } from '../../src/analysis/facts/extract'
import { readEntities } from './read-entities'

// Round 15's classes of entity errors, each on sentences written for the test (docs/facts-eval.md, branch `typing`).

describe('territories', () => {
  it('reads a territory as a place of its state, not a country, and its towns as in that state', () => {
    const { find, entities } = readEntities('Aftershocks shook Guayanilla, Puerto Rico, on Tuesday, and ferries to Hong Kong were cancelled.')
    expect(find('place', 'Puerto Rico')?.country).toBe('United States')
    expect(find('place', 'Hong Kong')?.country).toBe('China')
    expect(entities.filter((entity) => entity.type === 'country').map((entity) => entity.name)).not.toContain('Puerto Rico')
  })

  it("gives a territory's government its words, as a country's", () => {
    const text = 'The government of Guam issued a statement on Monday: "We will ask the court to hear the case again."'
    expect(extractFacts(text).quotes).toMatchObject([{ speaker: 'Guam' }])
  })
})

describe('counties and parishes', () => {
  it('reads "County X" as a place in Ireland or the United Kingdom, and "X Parish" as a place, not people', () => {
    const { find } = readEntities('Rain warnings were issued for County Roscommon and County Leitrim on Friday, and ferries to Ireland stopped.')
    expect(find('place', 'County Roscommon')?.country).toBe('Ireland')
    expect(find('place', 'County Leitrim')?.country).toBe('Ireland')
    expect(readEntities('Flooding closed roads across County Durham in England on Sunday.').find('place', 'County Durham')?.country).toBe('United Kingdom')
    const parish = readEntities('Plaquemines Parish officials ordered an evacuation as the storm neared Louisiana.')
    expect(parish.find('place', 'Plaquemines Parish')?.country).toBe('United States')
    expect(parish.find('organization', 'Plaquemines Parish')).toBeUndefined()
  })
})
