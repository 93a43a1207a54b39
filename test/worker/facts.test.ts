import { exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { getBundle } from '../../src/bundle/load'
import { factCount, factsOf, type FactQuery } from '../../src/corpus-services/fact-catalog'

type ArticleRef = { id: string; title: string; date?: string }
type Fact = {
  type: string
  article: ArticleRef
  start?: number
  end?: number
  text?: string
  speaker?: string
  value?: number
  who?: string
  event?: string
  place?: string
  actor?: string
  target?: string
  name?: string
}
type FactPage = { total: number; offset: number; limit: number; facts: Fact[] }

const SEED = 'seed/000_7b2b9cd25cf26eb6'

async function get(path: string): Promise<Response> {
  return exports.default.fetch(`http://x${path}`)
}

async function facts(query: string): Promise<FactPage> {
  const response = await get(`/api/facts?${query}`)
  expect(response.status).toBe(200)
  return (await response.json()) as FactPage
}

async function articleText(id: string): Promise<string> {
  const response = await get(`/api/articles/${encodeURIComponent(id)}`)
  return ((await response.json()) as { text: string }).text
}

describe('GET /api/facts', () => {
  it('finds every quote by a speaker across the corpus, with evidence that slices the article', async () => {
    const page = await facts('type=quote&q=lin%20jian&limit=100')
    expect(page.total).toBeGreaterThanOrEqual(2)
    const seedQuotes = page.facts.filter((fact) => fact.article.id === SEED)
    expect(seedQuotes.map((fact) => fact.text?.slice(0, 20))).toEqual(['We mourn for the liv', 'China firmly opposes'])
    for (const fact of page.facts) {
      expect(fact.type).toBe('quote')
      expect(fact.speaker?.toLowerCase()).toContain('lin jian')
      expect((await articleText(fact.article.id)).slice(fact.start, fact.end)).toBe(fact.text)
    }
    expect(seedQuotes[0]!.article).toMatchObject({ id: SEED, date: '2026-02-03' })
    expect(seedQuotes[0]!.article.title.length).toBeGreaterThan(0)
  })

  it('lists casualty figures for a place, and the seed never counts 92 as civilians', async () => {
    const mastung = await facts('type=quantity&q=mastung')
    expect(mastung.facts).toContainEqual(expect.objectContaining({ value: 30, who: 'prisoners', event: 'freed', place: 'Mastung' }))
    const seed = (await facts('type=quantity&limit=100')).facts.filter((fact) => fact.article.id === SEED)
    expect(seed).toContainEqual(expect.objectContaining({ value: 92, who: 'terrorists', event: 'killed' }))
    expect(seed.filter((fact) => fact.value === 92).map((fact) => fact.who)).toEqual(['terrorists'])
  })

  it('finds statements about a country by actor or target', async () => {
    const india = await facts('type=statement&q=india&limit=100')
    expect(india.facts).toContainEqual(expect.objectContaining({ actor: 'Mohsin Naqvi', verb: 'blamed', target: 'India' }))
    for (const fact of india.facts) expect(`${fact.actor} ${fact.target ?? ''}`.toLowerCase()).toContain('india')
  })

  it('filters entities by type and articles by date, and paginates with an exact total', async () => {
    const people = await facts('type=person&from=2026-01-01&to=2026-12-31&limit=1')
    expect(people.facts).toHaveLength(1)
    expect(people.total).toBeGreaterThanOrEqual(2)
    expect(people.facts[0]!.article.date! >= '2026-01-01').toBe(true)
    const all = await facts(`type=person&from=2026-01-01&to=2026-12-31&limit=100`)
    expect(all.total).toBe(people.total)
    expect(all.facts).toHaveLength(Math.min(100, all.total))
    const second = await facts('type=person&from=2026-01-01&to=2026-12-31&limit=1&offset=1')
    expect(second.facts[0]).toEqual(all.facts[1])
    const beyond = await facts(`type=person&offset=${all.total + 5000}`)
    expect(beyond.facts).toEqual([])
  })

  it("counts an article's facts as the catalogue lists them, for every article of the corpus", async () => {
    const bundle = getBundle()
    const articles = [...(await bundle.articlesById(bundle.ids)).values()]
    expect(articles.length).toBeGreaterThan(100)
    expect(articles.map(factCount)).toEqual(articles.map((article) => factsOf(article).length))
    expect(articles.some((article) => factCount(article) > 0)).toBe(true)
  })

  it('gives the same pages as a brute force over every article (newest first, then by id; each filter on its own and together)', async () => {
    const bundle = getBundle()
    const articles = [...(await bundle.articlesById(bundle.ids)).values()].sort(
      (a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.id.localeCompare(b.id),
    )
    const every = articles.flatMap((article) => factsOf(article).map((entry) => ({ ...entry, date: article.date ?? '' })))
    const queries: Array<Omit<FactQuery, 'limit' | 'offset'>> = [
      {},
      { q: 'minister' },
      { q: 'a' },
      { q: 'said\nthe' },
      { type: 'place', q: 'pak' },
      { type: 'date', from: '2019-06-01', to: '2020-03-31' },
      { q: 'e', from: '2020-01-01' },
      { to: '2019-08-31' },
    ]
    for (const query of queries) {
      const needle = query.q?.toLowerCase()
      const expected = every.filter(
        (entry) =>
          (!query.type || entry.fact.type === query.type) &&
          (!query.from || (entry.date !== '' && entry.date >= query.from)) &&
          (!query.to || (entry.date !== '' && entry.date <= query.to)) &&
          (!needle || entry.haystack.includes(needle)),
      )
      const params = new URLSearchParams(Object.entries(query).filter((pair): pair is [string, string] => pair[1] !== undefined))
      for (const offset of [0, 37, Math.max(0, expected.length - 20)]) {
        const page = await facts(`${params}&limit=100&offset=${offset}`)
        expect(page.total, JSON.stringify(query)).toBe(expected.length)
        if (!query.q?.includes('\n')) expect(expected.length, JSON.stringify(query)).toBeGreaterThan(0)
        expect(page.facts).toEqual(expected.slice(offset, offset + 100).map((entry) => entry.fact))
      }
    }
  })

  it('answers bad parameters with a 400 problem naming each one', async () => {
    for (const query of [
      'type=planet',
      'limit=0',
      'limit=101',
      'offset=-1',
      'from=2020-02-30',
      'from=2021-01-01&to=2020-01-01',
      `q=${'x'.repeat(201)}`,
      'q=',
    ]) {
      const response = await get(`/api/facts?${query}`)
      expect(response.status, query).toBe(400)
      expect(response.headers.get('content-type')).toContain('application/problem+json')
      const problem = (await response.json()) as { status: number; detail: string }
      expect(problem.status).toBe(400)
    }
    const detail = ((await (await get('/api/facts?type=planet&limit=0')).json()) as { detail: string }).detail
    expect(detail).toContain('type')
    expect(detail).toContain('limit')
  })
})
