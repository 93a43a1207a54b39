import { env, exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'

const SEED_ID = 'seed/000_7b2b9cd25cf26eb6'

async function get(path: string) {
  const response = await exports.default.fetch(`http://news.test${path}`)
  const isProblem = response.headers.get('Content-Type')?.startsWith('application/problem+json')
  return { status: response.status, isProblem, body: (await response.json()) as any }
}

describe('search', () => {
  it('finds the seed article first for "Balochistan"', async () => {
    const { status, body } = await get('/api/search?q=Balochistan')
    expect(status).toBe(200)
    expect(body.hits[0].id).toBe(SEED_ID)
    expect(body.hits[0].snippet).toMatch(/Balochistan/)
    expect(body).toMatchObject({ query: 'Balochistan', offset: 0, limit: 10 })
  })

  it('counts every match in total and pages through them without overlap', async () => {
    const first = await get('/api/search?q=president&limit=5')
    const second = await get('/api/search?q=president&limit=5&offset=5')
    expect(first.body.total).toBeGreaterThan(10)
    expect(second.body.total).toBe(first.body.total)
    const ids = [...first.body.hits, ...second.body.hits].map((hit: any) => hit.id)
    expect(new Set(ids).size).toBe(10)
  })

  it('filters by date range and sorts newest first', async () => {
    const { body } = await get('/api/search?q=election&from=2020-01-01&to=2020-06-30&sort=date&limit=100')
    expect(body.hits.length).toBeGreaterThan(1)
    const dates = body.hits.map((hit: any) => hit.date)
    expect(dates.every((date: string) => date >= '2020-01-01' && date <= '2020-06-30')).toBe(true)
    expect(dates).toEqual([...dates].sort().reverse())
  })

  it.each([
    ['', 'q'],
    ['?q=', 'q'],
    [`?q=${'x'.repeat(501)}`, 'q'],
    ['?q=a&limit=0', 'limit'],
    ['?q=a&limit=101', 'limit'],
    ['?q=a&limit=ten', 'limit'],
    ['?q=a&offset=-1', 'offset'],
    ['?q=a&offset=10001', 'offset'],
    ['?q=a&from=2020-02-30', 'from'],
    ['?q=a&to=yesterday', 'to'],
    ['?q=a&sort=popular', 'sort'],
  ])('rejects %s with a 400 problem naming %s', async (query, parameter) => {
    const { status, isProblem, body } = await get(`/api/search${query}`)
    expect(status).toBe(400)
    expect(isProblem).toBe(true)
    expect(body).toMatchObject({ status: 400, type: expect.any(String), title: expect.any(String) })
    expect(body.detail).toContain(`"${parameter}"`)
  })

  it('rejects a range whose start is after its end', async () => {
    const { status, body } = await get('/api/search?q=a&from=2020-02-01&to=2020-01-01')
    expect(status).toBe(400)
    expect(body.detail).toContain('query parameter "to": must not be before "from"')
  })
})

describe('articles', () => {
  it('serves every corpus article by the id that search returns, as path segments and URL-encoded', async () => {
    const articles = env.TEST_CORPUS_ARTICLES
    expect(articles.length).toBe(292)
    for (const { id, title } of articles) {
      const { body: found } = await get(`/api/search?q=${encodeURIComponent(title ?? 'Balochistan')}&limit=100`)
      const hit = found.hits.find((candidate: any) => candidate.id === id)
      expect(hit, `search for the title of ${id}`).toBeDefined()
      const encoded = await get(`/api/articles/${encodeURIComponent(hit.id)}`)
      expect(encoded.status, id).toBe(200)
      expect(encoded.body.id).toBe(id)
      const segments = await get(`/api/articles/${hit.id.split('/').map(encodeURIComponent).join('/')}`)
      expect(segments.body.id).toBe(id)
    }
  })

  it('serves the seed with its date, generated title, summary and keywords', async () => {
    const { status, body } = await get(`/api/articles/${SEED_ID}`)
    expect(status).toBe(200)
    expect(body).toMatchObject({ id: SEED_ID, date: '2026-02-03', titleGenerated: true })
    expect(body.title.length).toBeGreaterThan(10)
    expect(body.text.startsWith('ISLAMABAD:')).toBe(true)
    for (const sentence of body.summary.sentences) expect(body.text.slice(sentence.start, sentence.end)).toBe(sentence.text)
    expect(body.keywords.length).toBeGreaterThan(0)
  })

  it('serves summaries of N sentences with offsets into the article text', async () => {
    const article = (await get(`/api/articles/${encodeURIComponent(SEED_ID)}`)).body
    const { status, body } = await get(`/api/articles/${encodeURIComponent(SEED_ID)}/summary?sentences=2`)
    expect(status).toBe(200)
    expect(body.id).toBe(SEED_ID)
    expect(body.sentences).toHaveLength(2)
    for (const sentence of body.sentences) expect(article.text.slice(sentence.start, sentence.end)).toBe(sentence.text)
    expect((await get(`/api/articles/${SEED_ID}/summary?sentences=0`)).status).toBe(400)
  })

  it('serves facts with the article id and the publication date', async () => {
    const { status, body } = await get(`/api/articles/${SEED_ID}/facts`)
    expect(status).toBe(200)
    expect(body).toMatchObject({ id: SEED_ID, date: '2026-02-03', dateline: { place: 'Islamabad' } })
    for (const key of ['entities', 'quotes', 'quantities', 'dates', 'statements']) expect(Array.isArray(body[key])).toBe(true)
  })

  it.each(['nope', 'seed%2Fnope', '..%2F..%2Fetc%2Fpasswd', 'seed/nope/facts'])('answers an unknown id %s with a 404 problem', async (id) => {
    const { status, isProblem, body } = await get(`/api/articles/${id}`)
    expect(status).toBe(404)
    expect(isProblem).toBe(true)
    expect(body.detail).toContain('No article has the id')
  })
})

describe('extract', () => {
  const post = (body: string, type = 'application/json') =>
    exports.default.fetch('http://news.test/api/extract', { method: 'POST', headers: { 'Content-Type': type }, body })

  it('analyses posted text: title, summary, keywords and facts with offsets into it', async () => {
    const text = 'KARACHI: Heavy rain flooded the city on Monday, officials said.\n\nSchools were closed on Tuesday.'
    const response = await post(JSON.stringify({ text, date: '2024-05-08', summary: { sentences: 1 } }))
    expect(response.status).toBe(200)
    const body = (await response.json()) as any
    expect(body.title.length).toBeGreaterThan(0)
    expect(body.summary.sentences).toHaveLength(1)
    expect(body.facts.dateline.place).toBe('Karachi')
    for (const date of body.facts.dates) expect(text.slice(date.start, date.end)).toBe(date.text)
  })

  it('answers malformed JSON with a 400, another content type with a 415, bad fields with a 400', async () => {
    expect((await post('{"text":')).status).toBe(400)
    expect((await post('text=hello', 'application/x-www-form-urlencoded')).status).toBe(415)
    const bad = await post(JSON.stringify({ text: '', date: '2024-99-01' }))
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as any).detail).toMatch(/"text".*"date"|"date".*"text"/)
  })

  it('answers a text over 256 KiB with a 413', async () => {
    expect((await post(JSON.stringify({ text: 'a'.repeat(300 * 1024) }))).status).toBe(413)
  })
})

describe('health', () => {
  it('reports the number of documents', async () => {
    const { status, body } = await get('/api/health')
    expect(status).toBe(200)
    expect(body).toMatchObject({ status: 'ok', documents: 292 })
  })
})
