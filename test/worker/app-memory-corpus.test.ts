import { describe, expect, it } from 'vitest'
import { analyzeArticle } from '../../src/analysis/analyze'
import { createApp } from '../../src/app'
import type { StoredArticle } from '../../src/article'
import { bundleOfArticles } from '../../src/bundle/memory'

/** Three invented articles, analysed as the build does: the app is mounted on them instead of the bundled corpus. */
const INPUTS = [
  {
    id: 'desk/ferry',
    date: '2026-11-03',
    text: 'PORT QUILLAN: The harbour council of Port Quillan approved the zorblat ferry plan on Tuesday. The mayor, Ada Brennan, said the ferries would sail next spring.',
  },
  {
    id: 'desk/bridge',
    date: '2026-11-04',
    text: 'Engineers closed the old Quillan bridge on Wednesday after cracks were found. Two lanes will reopen in March.',
  },
  {
    id: 'desk/storm',
    date: '2026-11-05',
    text: 'A storm flooded the lower town of Vantmoor overnight. Three people were injured and forty were moved to the school hall.',
  },
]
const articles: StoredArticle[] = INPUTS.map(({ id, date, text }) => ({ id, date, text, ...analyzeArticle({ text, date }) }))
const app = createApp(() => bundleOfArticles(articles, 'memory-1'))

/** No bindings: no live segment, no rate limits, the default CORS policy; only the corpus is under test. */
const NO_BINDINGS = {}

const get = async (path: string) => {
  const response = await app.request(`http://news.test${path}`, undefined, NO_BINDINGS)
  return { status: response.status, body: (await response.json()) as any, headers: response.headers }
}

describe('the app mounted on an in-memory corpus', () => {
  it('searches, lists and counts only those articles', async () => {
    const found = await get('/api/search?q=zorblat+ferry')
    expect(found.status).toBe(200)
    expect(found.body.hits.map((hit: any) => hit.id)).toEqual(['desk/ferry'])
    const listed = await get('/api/articles?sort=oldest')
    expect(listed.body.articles.map((article: any) => article.id)).toEqual(['desk/ferry', 'desk/bridge', 'desk/storm'])
    const health = await get('/api/health')
    expect(health.body).toMatchObject({ base: 3, version: 'memory-1' })
  })

  it('serves an article, its summary and its facts from the in-memory packs', async () => {
    const article = await get('/api/articles/desk%2Fstorm')
    expect(article.status).toBe(200)
    expect(article.body.text).toBe(INPUTS[2]!.text)
    const facts = await get('/api/articles/desk%2Fferry/facts')
    expect(facts.body.dateline).toMatchObject({ place: 'Port Quillan' })
    const summary = await get('/api/articles/desk%2Fbridge/summary?sentences=1')
    expect(summary.body.sentences).toHaveLength(1)
    expect((await get('/api/articles/seed%2F000_7b2b9cd25cf26eb6')).status).toBe(404)
  })

  it('answers the corpus-wide facts and the ETag from this corpus', async () => {
    const injured = await get('/api/facts?type=quantity&q=injured')
    expect(injured.body.facts.map((fact: any) => fact.article.id)).toEqual(['desk/storm'])
    const other = createApp(() => bundleOfArticles(articles, 'memory-2'))
    const tagOf = async (target: typeof app) => (await target.request('http://news.test/api/search?q=storm', undefined, NO_BINDINGS)).headers.get('ETag')
    expect(await tagOf(app)).not.toBe(await tagOf(other))
  })
})
