import { describe, expect, it } from 'vitest'
import type { StoredArticle } from '../../src/article'
import { EntityRegistry, nameKey } from '../../src/corpus-services/entity-registry'
import { storeRegistry } from '../../src/corpus-services/registry-build'
import type { Entity, Facts } from '../../src/analysis/facts/types'
import { catalogOrder, factsOf } from '../../src/corpus-services/fact-catalog'

type Named = Pick<Entity, 'name' | 'type'> & Partial<Entity>

/** An invented article whose facts are given: the registry reads only facts, ids and dates. */
function article(id: string, date: string, entities: Named[], more: Partial<Facts> = {}): StoredArticle {
  const facts: Facts = {
    entities: entities.map((entity) => ({ mentions: [{ start: 0, end: 1 }], ...entity })),
    quotes: [],
    quantities: [],
    dates: [],
    statements: [],
    ...more,
  }
  return { id, date, text: 'x', title: id, summary: { sentences: [], text: '' }, keywords: [], facts } as unknown as StoredArticle
}

function registryOf(articles: StoredArticle[]) {
  return EntityRegistry.open(JSON.stringify(storeRegistry(articles)))
}

const person = (name: string): Named => ({ name, type: 'person' })
const organization = (name: string): Named => ({ name, type: 'organization' })

describe('the entity registry', () => {
  it('folds accents, dots, apostrophes, hyphens, a leading "the", U.S. forms and country aliases into one key', () => {
    expect(nameKey('Erdoğan')).toBe(nameKey('Erdogan'))
    expect(nameKey("Da'esh")).toBe('daesh')
    expect(nameKey('U.S. Embassy')).toBe(nameKey('United States Embassy'))
    expect(nameKey('US Embassy')).toBe('united states embassy')
    expect(nameKey('Britain')).toBe(nameKey('United Kingdom'))
    expect(nameKey('the Al-Noor Mosque')).toBe('al noor mosque')
  })

  it('gives a lone surname to the full name that dominates the corpus, and not when two compete', () => {
    const registry = registryOf([
      article('a', '2024-01-01', [person('Maria Okafor')]),
      article('b', '2024-01-02', [person('Maria Okafor')]),
      article('c', '2024-01-03', [person('Maria Okafor')]),
      article('d', '2024-01-04', [person('Okafor')]),
      article('e', '2024-02-01', [person('Tom Lindqvist')]),
      article('f', '2024-02-02', [person('Anna Lindqvist')]),
      article('g', '2024-02-03', [person('Lindqvist')]),
    ])
    expect(registry.named('Okafor')).toMatchObject({ id: 'person-maria-okafor', aliases: ['Okafor'] })
    expect(registry.named('Okafor')!.articles).toHaveLength(4)
    expect(registry.named('Lindqvist')?.id).toBe('person-lindqvist')
  })

  it('reads a surname in its article’s own terms: where the article names one full name, that is who it is', () => {
    const registry = registryOf([
      article('a', '2024-01-01', [person('Maria Okafor')]),
      article('b', '2024-01-02', [person('Maria Okafor')]),
      article('c', '2024-01-03', [person('Maria Okafor')]),
      article('d', '2024-01-04', [person('Daniel Okafor'), person('Okafor')], { quotes: [{ text: 'We will rebuild.', speaker: 'Okafor', start: 0, end: 1 }] }),
    ])
    expect(registry.entity('person-daniel-okafor')!.facts.speaker).toHaveLength(1)
    expect(registry.entity('person-maria-okafor')!.facts.speaker).toBeUndefined()
    expect(registry.idsIn([person('Daniel Okafor'), person('Okafor')]).get('Okafor')).toBe('person-daniel-okafor')
    // Across the corpus, the surname still stands for the full name that dominates it.
    expect(registry.named('Okafor')?.id).toBe('person-maria-okafor')
  })

  it('merges an acronym of three or more capitals into the one organisation it abbreviates, and no two-letter one', () => {
    const registry = registryOf([
      article('a', '2024-01-01', [organization('Harbour Safety Commission'), organization('Regional Water Board')]),
      article('b', '2024-01-02', [organization('HSC'), organization('RW')]),
    ])
    expect(registry.named('HSC')?.id).toBe('organization-harbour-safety-commission')
    expect(registry.named('RW')?.id).toBe('organization-rw')
  })

  it('merges the alias table’s names and never takes a country’s name for a surname', () => {
    const registry = registryOf([
      article('a', '2024-01-01', [organization('ISIL'), person('Roman Egypt'), person('Egypt')]),
      article('b', '2024-01-02', [organization("Da'esh"), { name: 'Egypt', type: 'country' }]),
    ])
    expect(registry.named('ISIL')).toMatchObject({ id: 'organization-islamic-state', name: 'Islamic State' })
    expect(registry.named("Da'esh")?.id).toBe('organization-islamic-state')
    expect(registry.named('Egypt')?.id).not.toBe(registry.named('Roman Egypt')?.id)
  })

  it('files figures under their place, and a region’s and a country’s queries take in the towns inside them', () => {
    const quetta: Named = { name: 'Quetta', type: 'place', country: 'Pakistan', lat: 30.18, lon: 67 }
    const balochistan: Named = { name: 'Balochistan', type: 'place', country: 'Pakistan', lat: 28.7, lon: 66.94 }
    const registry = registryOf([
      article('a', '2024-03-01', [quetta, balochistan, { name: 'Pakistan', type: 'country' }], {
        quantities: [{ value: 4, who: 'workers', event: 'injured', place: 'Quetta', start: 0, end: 1 }],
      }),
    ])
    const figures = registry.entity('place-quetta')!.facts.place
    expect(figures).toHaveLength(1)
    expect(registry.factNumbers({ place: 'Balochistan' })).toEqual(figures)
    expect(registry.factNumbers({ place: 'Pakistan' })).toEqual(figures)
    expect(registry.factNumbers({ place: 'Sindh' })).toEqual([])
    expect(registry.entity('place-quetta')!.casualties).toEqual([0, 4, 1])
  })

  it('counts a statement as about every entity its target names', () => {
    const registry = registryOf([
      article('a', '2024-04-01', [organization('Port Authority'), { name: 'Karachi', type: 'place', country: 'Pakistan' }], {
        statements: [{ actor: 'union', verb: 'blamed', target: 'the Port Authority in Karachi', start: 0, end: 1 }],
      }),
    ])
    expect(registry.entity('organization-port-authority')!.facts.target).toHaveLength(1)
    expect(registry.entity('place-karachi')!.facts.target).toHaveLength(1)
  })

  it('counts a target as about a name it contains only as whole words, not inside a longer word', () => {
    const registry = registryOf([
      article('a', '2024-04-01', [organization('Oman Air'), person('Roman'), person('Anna Kovacs')], {
        statements: [{ actor: 'union', verb: 'praised', target: 'the Romanian crew of Oman Air', start: 0, end: 1 }],
      }),
    ])
    expect(registry.entity('organization-oman-air')!.facts.target).toHaveLength(1)
    // "Roman" is in the target only inside "Romanian"; "Anna Kovacs" is not in it at all.
    expect(registry.entity('person-roman')!.facts.target).toBeUndefined()
    expect(registry.entity('person-anna-kovacs')!.facts.target).toBeUndefined()
  })
  it('numbers each fact it files as the facts catalogue does: the number names that very fact', () => {
    const span = { start: 0, end: 1 }
    const harbour = organization('Harbour Board')
    const quetta: Named = { name: 'Quetta', type: 'place', country: 'Pakistan', lat: 30.18, lon: 67 }
    // Every kind of fact in each article, two articles out of catalogue order (the older first), so a number counts
    // both the article's place in the catalogue and the fact's place among the article's kinds.
    const articles = [
      article('older', '2024-01-01', [person('Lena Varga'), harbour, quetta], {
        quotes: [{ text: 'We will rebuild.', speaker: 'Lena Varga', ...span }],
        quantities: [{ value: 3, who: 'people', event: 'killed', place: 'Quetta', ...span }],
        statements: [{ actor: 'Harbour Board', verb: 'blamed', target: 'Lena Varga', ...span }],
        dates: [{ text: 'Monday', iso: '2024-01-01', ...span }],
      }),
      article('newer', '2024-02-01', [harbour, person('Lena Varga')], {
        dates: [
          { text: 'Tuesday', iso: '2024-01-30', ...span },
          { text: 'today', iso: '2024-02-01', ...span },
        ],
        statements: [{ actor: 'Lena Varga', verb: 'praised', target: 'the Harbour Board', ...span }],
        quotes: [{ text: 'It was hard.', speaker: 'Harbour Board', ...span }],
      }),
    ]
    const registry = storeRegistry(articles)
    const catalogue = catalogOrder(articles).flatMap((i) => factsOf(articles[i]!).map(({ fact }) => fact))
    const fieldOf = { speaker: 'speaker', actor: 'actor', target: 'target', place: 'place', mention: 'name' } as const
    let filed = 0
    for (const entity of registry.entities)
      for (const [role, numbers] of Object.entries(entity.facts))
        for (const number of numbers) {
          const fact = catalogue[number] as unknown as Record<string, string>
          expect(fact[fieldOf[role as keyof typeof fieldOf]], `${entity.name} ${role} #${number}`).toMatch(new RegExp(entity.name))
          filed++
        }
    // 5 mentions, 2 quotes, 2 actors, 2 targets, 1 place.
    expect(filed).toBe(12)
  })
})
