import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { get } from './search-corpus'

type Listed = { id: string; title: string; date?: string; summary: string }

async function everyPage(query: string, limit: number): Promise<{ total: number; articles: Listed[] }> {
  const articles: Listed[] = []
  let total = Infinity
  for (let offset = 0; offset < total; offset += limit) {
    const { status, body } = await get(`/api/articles?${query}&limit=${limit}&offset=${offset}`)
    expect(status).toBe(200)
    total = body.total
    articles.push(...body.articles)
  }
  return { total, articles }
}

describe('GET /api/articles', () => {
  it('lists every article once, newest first, undated last, across pages', async () => {
    const { total, articles } = await everyPage('sort=date', 37)
    expect(total).toBe(env.TEST_CORPUS_ARTICLES.length)
    expect(new Set(articles.map((article) => article.id)).size).toBe(total)
    const dates = articles.map((article) => article.date ?? '')
    const dated = dates.filter((date) => date !== '')
    expect(dated).toEqual([...dated].sort().reverse())
    expect(dates.slice(dated.length).every((date) => date === '')).toBe(true)
    for (const article of articles) expect(article.summary.length).toBeGreaterThan(0)
  })

  it('sorts oldest first and by title on request', async () => {
    const oldest = (await everyPage('sort=oldest', 100)).articles.map((article) => article.date).filter(Boolean)
    expect(oldest).toEqual([...oldest].sort())
    const titles = (await everyPage('sort=title', 100)).articles.map((article) => article.title)
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b)))
  })

  it('keeps to the date range and facet filters', async () => {
    const all = (await everyPage('sort=date', 100)).articles
    const { total, articles } = await everyPage('from=2019-03-01&to=2019-12-31', 100)
    const expected = all.filter((article) => article.date && article.date >= '2019-03-01' && article.date <= '2019-12-31')
    expect(total).toBe(expected.length)
    expect(articles.map((article) => article.id)).toEqual(expected.map((article) => article.id))
    const byYear = await everyPage('year=2020', 100)
    expect(byYear.articles.map((article) => article.id)).toEqual(all.filter((article) => article.date?.startsWith('2020')).map((article) => article.id))
  })

  it('does not take /articles/:id for a listing', async () => {
    const { status, body } = await get(`/api/articles/${encodeURIComponent(env.TEST_CORPUS_ARTICLES[0]!.id)}`)
    expect(status).toBe(200)
    expect(body.text.length).toBeGreaterThan(0)
  })

  it.each(['limit=0', 'limit=101', 'offset=-1', 'sort=relevance', 'from=2020-02-30', 'from=2021-01-01&to=2020-01-01', 'year=twenty'])(
    'rejects %s with a 400 problem',
    async (query) => {
      const { status, isProblem } = await get(`/api/articles?${query}`)
      expect(status).toBe(400)
      expect(isProblem).toBe(true)
    },
  )
})
