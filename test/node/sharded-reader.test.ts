import { describe, expect, it } from 'vitest'
import { random } from '../../scripts/lib/random'
import { FACT_TYPES } from '../../src/corpus-services/fact-catalog'
import type { EntityDetail } from '../../src/corpus-services/entity-detail'
import { FACT_ROLES } from '../../src/corpus-services/entity-registry'
import { storeRegistry } from '../../src/corpus-services/registry-build'
import type { StoredRegistryPart } from '../../src/shards/entity-parts'
import { shardedBundles } from '../../scripts/lib/sharded-build'
import { liveReader } from '../../src/live/reader'
import { articleFacets, FACETS } from '../../src/search/facets'
import type { ShardApi } from '../../src/shards/gather'
import { shardedReader } from '../../src/shards/reader'
import { ENTITY_TYPES } from '../../src/analysis/facts/types'
import { appOver } from './reader-app'
import { articles, BUILT_AT, shardsOf, single } from './sharded-corpus'

const oneIndex = appOver(liveReader({}, single))
const next = random(20261207)
const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!
const words = [...new Set(articles.flatMap((article) => article.title.toLowerCase().match(/\p{L}{3,}/gu) ?? []))].sort()
const facetValues = Object.fromEntries(
  FACETS.map((facet) => [facet, [...new Set(articles.flatMap((article) => [...articleFacets(article)[facet].values()]))].sort()]),
)
const encoded = (id: string) => encodeURIComponent(id)
/** The corpus's registry as the one Worker reads it: where the entity queries' names and ids come from. */
const registry = storeRegistry(articles)

/** Asks both apps every path; answers (status and JSON) must be the same. Answers how many were 200s with something in them. */
async function expectSameAnswers(sharded: ReturnType<typeof appOver>, paths: readonly string[]): Promise<number> {
  let found = 0
  for (const path of paths) {
    const [expected, actual] = await Promise.all([oneIndex.request(path), sharded.request(path)])
    expect(actual.status, path).toBe(expected.status)
    const body = await expected.json()
    expect(await actual.json(), path).toEqual(body)
    if (expected.status === 200) found++
  }
  return found
}

const [threeShards, twoShards] = [await shardsOf(3), await shardsOf(2)]

describe('a sharded corpus read through the front, route by route, on the shipped corpus', { timeout: 240_000 }, () => {
  const three = appOver(shardedReader(threeShards, 'three-shards'))
  const two = appOver(shardedReader(twoShards, 'two-shards'))

  it('answers every article, its summary and its facts as one index, and 404 for an unknown id', async () => {
    const paths = articles.flatMap((article, i) => [
      `/api/articles/${encoded(article.id)}`,
      ...(i % 5 === 0 ? [`/api/articles/${encoded(article.id)}/summary?sentences=${1 + (i % 7)}`, `/api/articles/${encoded(article.id)}/facts`] : []),
    ])
    paths.push('/api/articles/no-such-article', '/api/articles/no-such-article/summary', '/api/articles/x/summary?sentences=0')
    expect(await expectSameAnswers(three, paths)).toBeGreaterThan(articles.length)
    expect(await expectSameAnswers(two, paths.slice(0, 60))).toBeGreaterThan(40)
  })

  it('lists articles as one index: every sort, deep offsets, date ranges, facet filters, exact totals', async () => {
    const paths: string[] = []
    for (const sort of ['date', 'oldest', 'title']) {
      for (const offset of [0, 1, 7, 50, 145, 280, 291, 292, 400]) paths.push(`/api/articles?sort=${sort}&offset=${offset}&limit=${1 + (offset % 30)}`)
      paths.push(`/api/articles?sort=${sort}&limit=100&offset=100`, `/api/articles?sort=${sort}&from=2010-01-01&to=2015-12-31&limit=50`)
      for (let i = 0; i < 12; i++) {
        const facet = pick(FACETS)
        paths.push(
          `/api/articles?sort=${sort}&${facet}=${encodeURIComponent(pick(facetValues[facet]!))}&limit=${1 + Math.floor(next() * 20)}&offset=${Math.floor(next() * 3)}`,
        )
      }
    }
    paths.push('/api/articles', '/api/articles?limit=0', '/api/articles?sort=best')
    expect(await expectSameAnswers(three, paths)).toBeGreaterThan(paths.length - 5)
    await expectSameAnswers(two, paths.slice(0, 30))
  })

  it("suggests as one index: entity counts and word counts summed across shards, the corpus's phrases, titles in order, every limit", async () => {
    const entityNames = FACETS.filter((facet) => facet !== 'year').flatMap((facet) => facetValues[facet]!)
    const typed = new Set<string>()
    for (let i = 0; i < 60; i++) {
      const word = pick(words)
      typed.add(word.slice(0, 1 + Math.floor(next() * Math.min(4, word.length))))
      typed.add(`${pick(words)} ${word.slice(0, 2)}`)
      const name = pick(entityNames)
      typed.add(name.slice(0, 2 + Math.floor(next() * (name.length - 1))))
      typed.add(`${word} `)
      // The start of a title's phrase: what phrase completions continue ("hong k", "told th").
      const [first, second] = pick(articles).title.match(/\p{L}+/gu) ?? ['police', 'said']
      typed.add(`${first} ${second!.slice(0, 1 + Math.floor(next() * 3))}`)
    }
    const paths = [...typed].map((q, i) => `/api/suggest?q=${encodeURIComponent(q)}&limit=${[8, 1, 3, 20][i % 4]}`)
    paths.push('/api/suggest?q=', '/api/suggest?q=zzqxv')
    expect(await expectSameAnswers(three, paths)).toBeGreaterThan(paths.length - 3)
    await expectSameAnswers(two, paths.slice(0, 60))
  })

  it('finds related articles as one index, in the same order (the front merges exact scores, then rounds)', async () => {
    for (const [i, article] of articles.entries()) {
      const path = `/api/articles/${encoded(article.id)}/related${i % 3 === 0 ? `?limit=${1 + (i % 20)}` : ''}`
      const [expected, actual] = await Promise.all([oneIndex.request(path), three.request(path)])
      expect(actual.status, path).toBe(200)
      expect(await actual.json(), path).toEqual(await expected.json())
    }
  })

  it('lists facts across the corpus as one index: by type, words, dates and deep offsets, exact totals', async () => {
    const paths: string[] = []
    for (const type of [undefined, ...FACT_TYPES]) {
      for (const offset of [0, 13, 120]) paths.push(`/api/facts?${type ? `type=${type}&` : ''}offset=${offset}&limit=${1 + (offset % 50)}`)
      paths.push(
        `/api/facts?${type ? `type=${type}&` : ''}q=${encodeURIComponent(pick(words))}`,
        `/api/facts?${type ? `type=${type}&` : ''}from=2012-01-01&to=2019-06-30&limit=100`,
      )
    }
    for (let i = 0; i < 20; i++)
      paths.push(`/api/facts?q=${encodeURIComponent(pick(words))}&offset=${Math.floor(next() * 5)}&limit=${1 + Math.floor(next() * 10)}`)
    paths.push('/api/facts?type=rumour', '/api/facts?q=%20')
    expect(await expectSameAnswers(three, paths)).toBeGreaterThan(paths.length / 2)
  })

  it('briefs as one index', async () => {
    const paths: string[] = []
    for (let i = 0; i < 30; i++)
      paths.push(`/api/brief?q=${encodeURIComponent(`${pick(words)} ${i % 2 ? pick(words) : ''}`)}&articles=${1 + (i % 30)}&sentences=${1 + (i % 8)}`)
    paths.push('/api/brief?q=police&from=2010-01-01&to=2014-12-31', '/api/brief?q=', '/api/brief?q=zzqxv')
    expect(await expectSameAnswers(three, paths)).toBeGreaterThan(20)
  })

  it("cuts the corpus's registry into parts: every entity and name in one part, every fact it names filed in the shard of its article", async () => {
    const { shards } = await shardedBundles(articles, 3, BUILT_AT)
    const parts = shards.map((shard) => {
      // A shard's part of the registry is among the files of its build, not of its articles' bundle.
      return JSON.parse([...shard.entities.values()].join('')) as StoredRegistryPart
    })
    const ranks = parts.flatMap((part) => part.entities.map((entity) => entity.rank)).sort((a, b) => a - b)
    expect(ranks).toEqual(registry.entities.map((_, rank) => rank))
    expect(parts.reduce((sum, part) => sum + Object.keys(part.keys).length, 0)).toBe(Object.keys(registry.keys).length)
    for (const part of parts) expect(part.entities.length).toBeLessThanOrEqual(Math.ceil(registry.entities.length / 3))
    for (const entity of registry.entities.filter((_, i) => i % 5 === 0)) {
      for (const role of FACT_ROLES) {
        const filed = parts.reduce((sum, part) => sum + (part.facts[entity.id]?.[role]?.length ?? 0), 0)
        expect(filed, `${entity.id} ${role}`).toBe(entity.facts[role]?.length ?? 0)
      }
    }
  })

  it('searches the entity registry as one registry: names, prefixes, parts of names, types, deep offsets, exact totals', async () => {
    const paths: string[] = ['/api/entities', '/api/entities?limit=100&offset=40', '/api/entities?q=zzqxv', '/api/entities?q=', '/api/entities?type=rumour']
    for (const type of [undefined, ...ENTITY_TYPES]) paths.push(`/api/entities?${type ? `type=${type}&` : ''}limit=${1 + Math.floor(next() * 50)}`)
    for (let i = 0; i < 60; i++) {
      const name = pick(registry.entities).name
      const q = [name, name.slice(0, 1 + Math.floor(next() * name.length)), name.split(' ').at(-1)!, name.toUpperCase()][i % 4]!
      const type = i % 3 === 0 ? `&type=${pick(ENTITY_TYPES)}` : ''
      paths.push(`/api/entities?q=${encodeURIComponent(q)}${type}&limit=${1 + (i % 20)}&offset=${i % 5 === 0 ? Math.floor(next() * 10) : 0}`)
    }
    expect(await expectSameAnswers(three, paths)).toBeGreaterThan(50)
    await expectSameAnswers(two, paths.slice(0, 30))
  })

  it("answers every entity's detail as one registry (articles, companions, quotes, statements, figures at the places inside it), and 404 and 400 as it", async () => {
    const paths = registry.entities.map((entity) => `/api/entities/${entity.id}`)
    paths.push('/api/entities/person-no-such-person', '/api/entities/NOT_AN_ID')
    expect(await expectSameAnswers(three, paths)).toBe(registry.entities.length)
    await expectSameAnswers(
      two,
      paths.filter((_, i) => i % 10 === 0),
    )
    // Details that read other shards: places with places inside them, entities with quotes and figures.
    const details = await Promise.all(
      registry.entities.slice(0, 80).map(async (entity) => (await (await three.request(`/api/entities/${entity.id}`)).json()) as EntityDetail),
    )
    expect(details.some((detail) => detail.placesInside > 0 && detail.figuresAt.total > 0)).toBe(true)
    expect(details.some((detail) => detail.quotesBy.total > 0 && detail.articleList.length > 1)).toBe(true)
  })

  it('filters facts by speaker, actor, target, place (the places inside it included) and entity id as one registry', async () => {
    const facts = articles.flatMap((article) => [
      ...article.facts.quotes.flatMap((quote) => (quote.speaker ? [['speaker', quote.speaker]] : [])),
      ...article.facts.statements.flatMap((statement) => [
        ...(statement.actor ? [['actor', statement.actor]] : []),
        ...(statement.target ? [['target', statement.target]] : []),
      ]),
      ...article.facts.quantities.flatMap((quantity) => (quantity.place ? [['place', quantity.place]] : [])),
      ...article.facts.entities.flatMap((entity) => (entity.type === 'country' ? [['place', entity.name]] : [])),
    ])
    const paths: string[] = []
    for (let i = 0; i < 120; i++) {
      const [role, name] = pick(facts)
      const options = [
        `limit=${1 + (i % 30)}`,
        i % 4 === 0 ? `offset=${Math.floor(next() * 20)}` : '',
        i % 7 === 0 ? 'type=quote' : '',
        i % 9 === 0 ? 'from=2015-01-01' : '',
      ]
      paths.push(`/api/facts?${role}=${encodeURIComponent(name!)}&${options.filter(Boolean).join('&')}`)
    }
    for (const entity of registry.entities.filter((_, i) => i % 7 === 0))
      paths.push(`/api/facts?entity=${entity.id}&limit=${1 + (entity.articles.length % 40)}`)
    // Two filters at once, a country with its places, a region, names no entity has.
    paths.push(
      '/api/facts?speaker=Obama&entity=country-united-states',
      '/api/facts?place=United%20States&limit=100',
      '/api/facts?place=Pakistan&type=quantity',
      '/api/facts?actor=Iran&target=United%20States',
      '/api/facts?speaker=Nobody%20Atall',
      '/api/facts?entity=person-no-such-person',
      '/api/facts?speaker=%20',
    )
    expect(await expectSameAnswers(three, paths)).toBeGreaterThan(paths.length - 10)
    let found = 0
    for (const path of paths) if (((await (await oneIndex.request(path)).json()) as { total?: number }).total) found++
    // Most filters name facts: the comparison is not of empty pages.
    expect(found).toBeGreaterThan(paths.length / 2)
    await expectSameAnswers(two, paths.slice(0, 40))
  })

  it("links an article's names to the ids one registry gives them in that article, and gives the map's places and figures as one registry", async () => {
    const one = liveReader({}, single).entities
    const sharded = shardedReader(await shardsOf(3), 'three-shards').entities
    let linked = 0
    for (const article of articles) {
      const expected = await one.idsIn(article.facts.entities)
      expect(await sharded.idsIn(article.facts.entities), article.id).toEqual(expected)
      linked += expected.size
    }
    expect(linked).toBeGreaterThan(articles.length)
    const plain = (places: Awaited<ReturnType<typeof one.places>>) =>
      places.map(({ entity: { id, name, country, lat, lon }, ...figures }) => ({ id, name, country, lat, lon, ...figures }))
    for (const range of [{}, { from: '2015-01-01' }, { to: '2012-12-31' }, { from: '2010-01-01', to: '2019-12-31' }, { from: '2030-01-01' }]) {
      expect(plain(await sharded.places(range)), JSON.stringify(range)).toEqual(plain(await one.places(range)))
    }
    expect((await one.places({})).some((place) => place.total > 0)).toBe(true)
    for (const entity of registry.entities.filter((entity, i) => entity.type !== 'person' && i % 3 === 0)) {
      expect(await sharded.page(entity.id), entity.id).toEqual(await one.page(entity.id))
    }
    expect(await sharded.page('place-nowhere')).toBeUndefined()
  })

  it('answers 503 problem+json with Retry-After on every route when a shard fails or does not answer, never a partial answer', async () => {
    const [first, second] = await shardsOf(2)
    const broken = (fail: () => Promise<never>): ShardApi =>
      Object.fromEntries(
        Object.keys(Object.getOwnPropertyDescriptors(Object.getPrototypeOf(second!)))
          .filter((name) => name !== 'constructor')
          .map((name) => [name, fail]),
      ) as unknown as ShardApi
    const id = encoded(articles.at(-1)!.id)
    const paths = [
      '/api/search?q=police',
      '/api/articles',
      `/api/articles/${id}`,
      `/api/articles/${id}/summary`,
      `/api/articles/${id}/facts`,
      `/api/articles/${id}/related`,
      '/api/suggest?q=pol',
      '/api/facts?q=police',
      '/api/brief?q=police',
      '/api/entities?q=obama',
      `/api/entities/${registry.entities[0]!.id}`,
      '/api/facts?speaker=Obama',
    ]
    for (const [shard, timeout] of [
      [broken(() => Promise.reject(new Error('isolate exceeded its memory limit'))), undefined],
      [broken(() => new Promise<never>(() => {})), 200],
    ] as const) {
      const app = appOver(shardedReader([first!, shard], 'two-shards', timeout))
      for (const path of paths) {
        const response = await app.request(path)
        expect(response.status, path).toBe(503)
        expect(response.headers.get('content-type'), path).toMatch(/application\/problem\+json/)
        expect(response.headers.get('retry-after'), path).toBe('5')
        expect(((await response.json()) as { detail: string }).detail, path).toMatch(
          timeout ? /did not answer within 200 ms/ : /shard 1 failed: isolate exceeded its memory limit/,
        )
      }
    }
  })
})
