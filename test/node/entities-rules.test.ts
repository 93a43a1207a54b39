import { describe, expect, it } from 'vitest'
import { extractEntities } from '../../src/analysis/facts/entities'
import type { Entity } from '../../src/analysis/facts/types'
import { splitSentences } from '../../src/text/sentences'

function read(text: string) {
  const entities = extractEntities(text, splitSentences(text))
  const find = (type: Entity['type'], name: string) => entities.find((entity) => entity.type === type && entity.name === name)
  const said = (entity: Entity | undefined) => entity?.mentions.map((mention) => text.slice(mention.start, mention.end))
  return { entities, find, said }
}

describe('entity rules', () => {
  it('keeps a full stop in a name only where it belongs to the name, not where it ends the sentence', () => {
    const { entities, find, said } = read(
      'The embassy condemned it in a post on X. Other countries agreed. Officials met J. Smith, who flew to the U.S. Then he left.',
    )
    expect(entities.some((entity) => /^\p{Lu}\.$/u.test(entity.name))).toBe(false)
    expect(said(find('person', 'J. Smith'))).toEqual(['J. Smith'])
    expect(said(find('country', 'United States'))).toEqual(['U.S.'])
  })

  it('ties an acronym to the long form the text defines, here and later', () => {
    const { find, said } = read("Russia's Federal Security Service (FSB) said on Monday it had detained two men. The FSB gave no names.")
    expect(said(find('organization', 'Federal Security Service'))).toEqual(['Federal Security Service', 'FSB', 'FSB'])
    expect(find('country', 'Russia')).toBeDefined()
  })

  it('reads roles from titles before names and appositions after them', () => {
    const { find, entities } = read("Lin Jian, the ministry's spokesperson, said China was ready. Gen. Asim Munir met Mr. Sharif in Rawalpindi.")
    expect(find('person', 'Lin Jian')?.role).toBe("ministry's spokesperson")
    expect(find('person', 'Asim Munir')?.role).toBe('Gen.')
    expect(find('person', 'Sharif')).toBeDefined()
    expect(find('person', 'Sharif')?.role).toBeUndefined()
    expect(entities.filter((entity) => entity.type === 'person').map((entity) => entity.name)).toEqual(['Lin Jian', 'Asim Munir', 'Sharif'])
  })

  it('does not read surnames or people as places', () => {
    const { find } = read('Paris Hilton arrived in Los Angeles on Friday. Hilton said she was tired.')
    expect(find('person', 'Paris Hilton')?.mentions).toHaveLength(2)
    expect(find('place', 'Paris')).toBeUndefined()
    expect(find('place', 'Hilton')).toBeUndefined()
    expect(find('place', 'Los Angeles')).toMatchObject({ country: 'United States' })
  })

  it('takes names listed with places for places, in the country of the list', () => {
    const { find } = read('Gunmen attacked Quetta, Kalat, Tump and Sariab in Balochistan.')
    expect(find('place', 'Tump')).toEqual(expect.objectContaining({ country: 'Pakistan' }))
    expect(find('place', 'Sariab')?.lat).toBeUndefined()
    expect(find('place', 'Kalat')?.lat).toBeTypeOf('number')
  })

  it('reads countries named through a demonym affiliation, and not demonyms alone', () => {
    const { find, entities } = read('The French embassy said the Japanese food was good.')
    expect(find('country', 'France')).toBeDefined()
    expect(entities.some((entity) => entity.name === 'Japan')).toBe(false)
  })

  it('reads capitalised headlines only for names it knows', () => {
    const { entities } = read('LONDON 2024-05-02\n\nFLOODS HIT NORTHERN TOWNS AFTER STORM')
    expect(entities.map((entity) => `${entity.type}:${entity.name}`)).toEqual(['place:London'])
  })
})
