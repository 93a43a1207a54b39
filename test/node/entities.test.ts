import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseTxt } from '../../src/corpus/parse-txt'
import { extractEntities } from '../../src/analysis/facts/entities'
import { extractFacts } from '../../src/analysis/facts/extract'
import type { Entity } from '../../src/analysis/facts/types'
import { isDemonym } from '../../src/gazetteer'
import { splitSentences } from '../../src/text/sentences'

type Gold = {
  dateline: { place: string; country: string }
  people: { name: string; role: string }[]
  organizations: string[]
  countries: string[]
  places: { name: string; country: string }[]
  not_people: string[]
}

const gold = JSON.parse(readFileSync('test/fixtures/gold/seed-facts.json', 'utf8')) as Gold
const { text } = parseTxt(readFileSync('corpus/seed/000_7b2b9cd25cf26eb6.txt', 'utf8'))
const entities = extractEntities(text, splitSentences(text))
const named = (type: Entity['type'], name: string) => entities.find((entity) => entity.type === type && entity.name.toLowerCase() === name.toLowerCase())

describe('entities of the seed article (the whole seed gold)', () => {
  it.each(gold.people)('finds $name with the role "$role"', ({ name, role }) => {
    expect(named('person', name)?.role?.toLowerCase()).toBe(role.toLowerCase())
  })

  it.each(gold.organizations)('finds the organisation %s', (name) => {
    expect(named('organization', name)).toBeDefined()
  })

  it.each(gold.countries)('finds the country %s', (name) => {
    expect(named('country', name)).toBeDefined()
  })

  it.each(gold.places)('finds the place $name in $country', ({ name, country }) => {
    expect(named('place', name)?.country).toBe(country)
  })

  it.each(gold.not_people)('does not take %s for a person', (name) => {
    expect(named('person', name)).toBeUndefined()
  })

  it('finds no other people, and each entity once', () => {
    expect(
      entities
        .filter((entity) => entity.type === 'person')
        .map((entity) => entity.name)
        .sort(),
    ).toEqual(gold.people.map((person) => person.name).sort())
    const keys = entities.map((entity) => `${entity.type}:${entity.name.toLowerCase()}`)
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('resolves the short mention "Lin" to Lin Jian', () => {
    const lin = named('person', 'Lin Jian')!
    expect(lin.mentions.map((mention) => text.slice(mention.start, mention.end))).toContain('Lin')
    expect(lin.mentions.length).toBe(3)
  })

  it('gives every mention as the name, part of it, an acronym or (for countries) a demonym', () => {
    for (const entity of entities) {
      for (const mention of entity.mentions) {
        const said = text.slice(mention.start, mention.end)
        const partOfName = entity.name.toLowerCase().includes(said.toLowerCase())
        expect(
          partOfName || (entity.type === 'country' && isDemonym(said)) || said.toLowerCase() === `${entity.name.split(' ')[0]} embassy`.toLowerCase(),
          `${entity.name}: ${said}`,
        ).toBe(true)
      }
    }
  })

  it('places the towns the gazetteer knows, and not those it lacks', () => {
    const quetta = named('place', 'Quetta')!
    expect(quetta.lat).toBeCloseTo(30.18, 1)
    expect(quetta.lon).toBeCloseTo(67.0, 0)
    expect(named('place', 'Balochistan')?.lat).toBeTypeOf('number')
    expect(named('place', 'Tump')?.lat).toBeUndefined()
  })

  it('reads the dateline as place and country', () => {
    expect(extractFacts(text).dateline).toEqual(gold.dateline)
  })
})
