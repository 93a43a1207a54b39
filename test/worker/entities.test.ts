import { exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import * as v from 'valibot'
import { EntityDetailSchema, EntityPageSchema, ProblemSchema } from '../../src/openapi/schemas'

type Summary = { id: string; name: string; type: string; aliases: string[]; articles: number; role?: string; country?: string }
type FactList = {
  total: number
  facts: Array<{ type: string; article: { id: string }; speaker?: string; actor?: string; target?: string; place?: string; value?: number; text?: string }>
}
type Detail = Summary & {
  firstSeen?: string
  lastSeen?: string
  months: Array<{ month: string; articles: number }>
  articleList: Array<{ id: string; title: string; date?: string }>
  seenWith: Array<{ id: string; name: string; articles: number }>
  quotesBy: FactList
  statementsBy: FactList
  statementsAbout: FactList
  figuresAt: FactList
  placesInside: number
}

const SEED = 'seed/000_7b2b9cd25cf26eb6'

async function get(path: string): Promise<Response> {
  return exports.default.fetch(`http://x${path}`)
}

async function json<T>(path: string, status = 200): Promise<T> {
  const response = await get(path)
  expect(response.status, path).toBe(status)
  return (await response.json()) as T
}

async function entities(query: string): Promise<{ total: number; entities: Summary[] }> {
  const page = await json<{ total: number; entities: Summary[] }>(`/api/entities?${query}`)
  expect(v.safeParse(EntityPageSchema, page).success).toBe(true)
  return page
}

async function detail(id: string): Promise<Detail> {
  const found = await json<Detail>(`/api/entities/${id}`)
  expect(v.safeParse(EntityDetailSchema, found).success).toBe(true)
  return found
}

describe('GET /api/entities', () => {
  it('finds the seed’s spokesman by name, best match first, with his role', async () => {
    const page = await entities('q=lin%20jian')
    expect(page.entities[0]).toMatchObject({ id: 'person-lin-jian', name: 'Lin Jian', type: 'person', role: 'Chinese Foreign Ministry Spokesperson' })
  })

  it('merges a surname into the one full name the corpus gives it: "Biden" is Joe Biden', async () => {
    const [first] = (await entities('q=biden&type=person')).entities
    expect(first).toMatchObject({ id: 'person-joe-biden', name: 'Joe Biden' })
    expect(first!.aliases).toContain('Biden')
  })

  it('merges aliases and acronyms: ISIS and ISIL are the Islamic State; "U.S." forms are one organisation', async () => {
    for (const q of ['ISIS', 'ISIL', 'Islamic State'])
      expect((await entities(`q=${encodeURIComponent(q)}`)).entities[0]!.id, q).toBe('organization-islamic-state')
    const survey = (await entities('q=geological%20survey')).entities[0]!
    expect(survey.name).toBe('United States Geological Survey')
    expect(survey.aliases).toEqual(expect.arrayContaining(['U.S. Geological Survey', 'US Geological Survey']))
  })

  it('filters by type and pages through every entity', async () => {
    const places = await entities('type=place&limit=5&offset=5')
    expect(places.entities).toHaveLength(5)
    for (const entity of places.entities) expect(entity.type).toBe('place')
    const all = await entities('type=place&limit=100')
    expect(all.total).toBe(places.total)
    expect(all.entities.slice(5, 10).map((entity) => entity.id)).toEqual(places.entities.map((entity) => entity.id))
  })

  it('answers bad parameters with a 400 problem naming them', async () => {
    for (const query of ['type=planet', 'limit=0', 'q=']) {
      const response = await get(`/api/entities?${query}`)
      expect(response.status, query).toBe(400)
      expect(response.headers.get('Content-Type')).toContain('application/problem+json')
      const problem = (await response.json()) as { errors: Array<{ name: string }> }
      expect(v.safeParse(ProblemSchema, problem).success).toBe(true)
      expect(problem.errors[0]!.name).toBe(query.split('=')[0])
    }
  })
})

describe('GET /api/entities/:id', () => {
  it('gives a person’s quotes, statements and companions from the seed article', async () => {
    const lin = await detail('person-lin-jian')
    expect(lin).toMatchObject({ firstSeen: '2026-02-03', lastSeen: '2026-02-03', months: [{ month: '2026-02', articles: 1 }] })
    expect(lin.articleList.map((article) => article.id)).toEqual([SEED])
    expect(lin.quotesBy.total).toBe(2)
    expect(lin.quotesBy.facts.map((fact) => fact.text?.slice(0, 20))).toEqual(['We mourn for the liv', 'China firmly opposes'])
    expect(lin.seenWith.map((other) => other.id)).toContain('country-china')
    const naqvi = await detail('person-mohsin-naqvi')
    expect(naqvi.statementsBy.facts.map((fact) => `${fact.actor} ${fact.target}`)).toContain('Mohsin Naqvi India')
    const india = await detail('country-india')
    expect(india.statementsAbout.facts.some((fact) => fact.actor === 'Mohsin Naqvi' && fact.article.id === SEED)).toBe(true)
  })

  it('gives a region the figures of the towns inside it: Balochistan has Kharan’s and Mastung’s', async () => {
    const balochistan = await detail('place-balochistan')
    expect(balochistan.placesInside).toBeGreaterThanOrEqual(8)
    expect(balochistan.figuresAt.facts.map((fact) => `${fact.value} ${fact.place}`)).toEqual(expect.arrayContaining(['30 Mastung', '6 Kharan']))
    const kharan = await detail('place-kharan')
    expect(kharan.figuresAt.facts.map((fact) => fact.place)).toEqual(['Kharan'])
  })

  it('answers an unknown id with 404 and a malformed one with 400, both as problems', async () => {
    const missing = await get('/api/entities/person-nobody-at-all')
    expect(missing.status).toBe(404)
    expect(((await missing.json()) as { detail: string }).detail).toContain('GET /api/entities')
    const malformed = await get('/api/entities/Not%20An%20Id')
    expect(malformed.status).toBe(400)
    expect(malformed.headers.get('Content-Type')).toContain('application/problem+json')
  })
})

describe('GET /api/facts with entity filters', () => {
  type Page = { total: number; facts: FactList['facts'] }
  it('lists quotes by a speaker under any of his names', async () => {
    const byFull = await json<Page>('/api/facts?speaker=Joe%20Biden&limit=100')
    const bySurname = await json<Page>('/api/facts?speaker=Biden&limit=100')
    expect(byFull.total).toBeGreaterThan(0)
    expect(bySurname).toEqual(byFull)
    for (const fact of byFull.facts) expect(['Joe Biden', 'Biden']).toContain(fact.speaker)
  })

  it('finds a region’s figures at the towns inside it, and combines with the other filters', async () => {
    const page = await json<Page>('/api/facts?place=Balochistan&limit=100')
    expect(page.facts.map((fact) => fact.place)).toEqual(expect.arrayContaining(['Mastung', 'Kharan']))
    const killed = await json<Page>('/api/facts?place=Balochistan&q=killed')
    expect(killed.facts.map((fact) => `${fact.value} ${fact.place}`)).toEqual(['6 Kharan'])
    const pakistan = await json<Page>('/api/facts?place=Pakistan&limit=100')
    expect(pakistan.total).toBeGreaterThanOrEqual(page.total)
  })

  it('filters statements by actor and target, and every fact of one entity by id', async () => {
    const both = await json<Page>('/api/facts?actor=Mohsin%20Naqvi&target=India')
    expect(both.facts.map((fact) => fact.article.id)).toContain(SEED)
    for (const fact of both.facts) expect(fact).toMatchObject({ type: 'statement', actor: 'Mohsin Naqvi' })
    const all = await json<Page>('/api/facts?entity=person-lin-jian&limit=100')
    expect(all.facts.map((fact) => fact.type).sort()).toEqual(['person', 'quote', 'quote'])
    expect((await json<Page>('/api/facts?speaker=Nobody%20Anyone')).total).toBe(0)
    expect((await get('/api/facts?entity=BAD%20ID')).status).toBe(400)
    // A well-formed id the registry does not have is a mistake to show, not an empty page.
    const unknown = await get('/api/facts?entity=person-nobody-at-all')
    expect(unknown.status).toBe(404)
    expect(unknown.headers.get('Content-Type')).toContain('application/problem+json')
    expect(((await unknown.json()) as { detail: string }).detail).toContain('person-nobody-at-all')
  })
})

describe('the entity and map pages', () => {
  async function html(path: string, status = 200): Promise<string> {
    const response = await get(path)
    expect(response.status, path).toBe(status)
    expect(response.headers.get('Content-Type')).toContain('text/html')
    return (await response.text()).replaceAll('&amp;', '&').replaceAll('&quot;', '"').replaceAll('&#39;', "'")
  }

  it('show a person: role, mentions chart, quotes, articles and the entities seen with them, each linked', async () => {
    const page = await html('/entities/person-lin-jian')
    expect(page).toContain('<h1>Lin Jian</h1>')
    expect(page).toContain('Chinese Foreign Ministry Spokesperson')
    expect(page).toMatch(/<svg class="chart"[^>]*role="img"/)
    expect(page).toContain('<title>2026-02: 1 article</title>')
    expect(page).toContain('“We mourn for the lives lost')
    expect(page).toContain(`href="/articles/${SEED}"`)
    expect(page).toContain('href="/entities/country-china"')
  })

  it('show a region on a map with the towns inside it, the figures sized, and the figures listed', async () => {
    const page = await html('/entities/place-balochistan')
    const map = /<svg class="map"[^>]*>([\s\S]*?)<\/svg>/.exec(page)?.[1] ?? ''
    expect(map).toContain('<path d="M')
    expect(map).toMatch(/<circle[^>]*class="figure"[^>]*><title>Kharan: 6<\/title>/)
    for (const town of ['Mastung', 'Quetta']) expect(map).toContain(`<title>${town}`)
    const listed = /On this map:([\s\S]*?)<\/p>/.exec(page)?.[1] ?? ''
    for (const town of ['kharan', 'mastung', 'quetta']) expect(listed).toContain(`href="/entities/place-${town}"`)
    expect(page).toContain('Figures here and in places inside')
    expect(page).toMatch(/<strong>6<\/strong> security guards killed in Kharan/)
  })

  it('link every entity name of an article’s facts panel to its page, and keep each mention’s highlight', async () => {
    const page = await html(`/articles/${SEED}`)
    expect(page).toContain('<a href="/entities/person-lin-jian">Lin Jian</a>')
    expect(page).toContain('<a href="/entities/place-balochistan">Balochistan</a>')
    expect(page).toMatch(
      /<a href="\/entities\/person-lin-jian">Lin Jian<\/a><span class="role">[^<]*<\/span><span class="more"> in text:<a href="#entity-\d+-0">1<\/a>/,
    )
    for (const [, id] of page.matchAll(/<a href="\/entities\/([^"]+)">/g)) expect((await get(`/entities/${id}`)).status, id).toBe(200)
  })

  it('map every place with its casualty figures, filtered by date, and refuse a bad date with a 400 page', async () => {
    const all = await html('/map')
    expect(all).toMatch(/<svg class="map"[^>]*viewBox="0.0 [0-9.]+ 1000.0 [0-9.]+"/)
    expect(all).toContain('<a href="/entities/place-kharan">Kharan</a></td><td class="country">Pakistan</td><td>6 killed</td>')
    const before = await html('/map?from=2019-01-01&to=2020-12-31')
    expect(before).not.toContain('/entities/place-kharan')
    expect(await html('/map?from=&to=')).toEqual(all)
    expect(await html('/map?from=2020-02-30', 400)).toContain('must be a real calendar date')
    expect(await html('/entities/person-nobody-at-all', 404)).toContain('Not found')
  })
})
