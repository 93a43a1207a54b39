import { exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'

type Brief = {
  query: string
  total: number
  articles: number
  digest: { sentences: Array<{ id: string; title: string; date?: string; text: string; start: number; end: number }>; text: string }
  timeline: Array<{ date?: string; id: string; title: string }>
  entities: Record<'people' | 'organizations' | 'places', Array<{ name: string; articles: number; mentions: number }>>
  casualties: Array<{ event: string; figures: Array<{ value: number; who: string; id: string; text: string; start: number; end: number }> }>
}

async function get(path: string): Promise<Response> {
  return exports.default.fetch(`http://x${path}`)
}

async function brief(query: string): Promise<Brief> {
  const response = await get(`/api/brief?${query}`)
  expect(response.status).toBe(200)
  return (await response.json()) as Brief
}

async function articleText(id: string): Promise<string> {
  const response = await get(`/api/articles/${encodeURIComponent(id)}`)
  expect(response.status).toBe(200)
  return ((await response.json()) as { text: string }).text
}

describe('GET /api/brief', () => {
  it('cites every digest sentence with offsets that slice the cited article to that sentence', async () => {
    const body = await brief('q=coronavirus&sentences=6')
    expect(body.articles).toBeGreaterThan(1)
    expect(body.digest.sentences).toHaveLength(6)
    for (const sentence of body.digest.sentences) {
      expect((await articleText(sentence.id)).slice(sentence.start, sentence.end)).toBe(sentence.text)
    }
    expect(body.digest.text).toBe(body.digest.sentences.map((sentence) => sentence.text).join(' '))
  })

  it('draws the digest from several articles, without repeating a sentence', async () => {
    const { digest } = await brief('q=election&sentences=8')
    expect(new Set(digest.sentences.map((sentence) => sentence.id)).size).toBeGreaterThan(2)
    expect(new Set(digest.sentences.map((sentence) => sentence.text)).size).toBe(digest.sentences.length)
  })

  it('lists the matching articles in a timeline sorted by date, within from/to', async () => {
    const { timeline, digest } = await brief('q=election&from=2019-01-01&to=2020-12-31')
    expect(timeline.length).toBeGreaterThan(1)
    const dates = timeline.map((entry) => entry.date ?? '')
    expect(dates).toEqual([...dates].sort())
    for (const date of dates) expect(date >= '2019-01-01' && date <= '2020-12-31').toBe(true)
    const ids = new Set(timeline.map((entry) => entry.id))
    for (const sentence of digest.sentences) expect(ids.has(sentence.id)).toBe(true)
  })

  it('counts entities and casualty figures only from the matching articles, with evidence', async () => {
    const body = await brief('q=Balochistan attacks')
    expect(body.timeline.map((entry) => entry.id)).toContain('seed/000_7b2b9cd25cf26eb6')
    for (const group of Object.values(body.entities)) {
      for (const entity of group) expect(entity.articles).toBeLessThanOrEqual(body.articles)
    }
    for (const { figures } of body.casualties) {
      for (const figure of figures) expect((await articleText(figure.id)).slice(figure.start, figure.end)).toBe(figure.text)
    }
  })

  it('reports the seed’s places and its death toll by event, citing the passage', async () => {
    const body = await brief('q=Balochistan&sentences=5')
    expect(body.timeline.map((entry) => entry.id)).toEqual(['seed/000_7b2b9cd25cf26eb6'])
    // One article fills more of the digest than the three sentences of its stored summary.
    expect(body.digest.sentences.length).toBeGreaterThan(3)
    expect(body.entities.places.map((place) => place.name)).toContain('Balochistan')
    expect(body.entities.people.map((person) => person.name)).toContain('Lin Jian')
    const killed = body.casualties.find((group) => group.event === 'killed')
    expect(killed?.figures).toContainEqual(expect.objectContaining({ value: 92, who: 'terrorists', id: 'seed/000_7b2b9cd25cf26eb6' }))
    for (const group of body.casualties) expect(['killed', 'injured', 'missing', 'kidnapped', 'shot', 'stabbed']).toContain(group.event)
  })

  it('leaves out figures that are not the reported event’s: another year’s toll is no casualty of this typhoon', async () => {
    const facts = await (await get('/api/articles/Typhoon_Phanfone_strikes_Philippines/facts')).json<{ quantities: Array<{ value: number; kind?: string }> }>()
    const marked = facts.quantities.filter((quantity) => quantity.kind)
    expect(marked.length).toBeGreaterThan(0)
    const body = await brief('q=Typhoon Phanfone')
    const figures = body.casualties.flatMap((group) => group.figures).filter((figure) => figure.id === 'Typhoon_Phanfone_strikes_Philippines')
    for (const { value } of marked) expect(figures.map((figure) => figure.value)).not.toContain(value)
  })

  it('answers an empty digest, not an error, when nothing matches', async () => {
    const body = await brief('q=zzzxqvvnotaword')
    expect(body).toMatchObject({ total: 0, articles: 0, digest: { sentences: [], text: '' }, timeline: [] })
  })

  it.each([
    ['no query', ''],
    ['an empty query', 'q=%20'],
    ['too many sentences', 'q=election&sentences=21'],
    ['zero sentences', 'q=election&sentences=0'],
    ['a non-numeric count', 'q=election&sentences=three'],
    ['a bad date', 'q=election&from=2020-02-30'],
    ['from after to', 'q=election&from=2021-01-01&to=2020-01-01'],
  ])('rejects %s with a 400 problem', async (_case, query) => {
    const response = await get(`/api/brief?${query}`)
    expect(response.status).toBe(400)
    expect(response.headers.get('content-type')).toContain('application/problem+json')
  })
})
