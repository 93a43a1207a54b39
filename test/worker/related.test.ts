import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { get, SEED_ID } from './search-corpus'

type Related = { id: string; title: string; score: number; sharedEntities: string[] }

describe('related articles', () => {
  it('GET /api/articles/:id/related lists other articles, best first, with the entities they share', async () => {
    const { status, body } = await get(`/api/articles/${encodeURIComponent(SEED_ID)}/related?limit=5`)
    expect(status).toBe(200)
    expect(body.id).toBe(SEED_ID)
    const related: Related[] = body.related
    expect(related.length).toBe(5)
    expect(related.map((article) => article.id)).not.toContain(SEED_ID)
    const ids = new Set(env.TEST_CORPUS_ARTICLES.map((article) => article.id))
    for (const article of related) expect(ids.has(article.id)).toBe(true)
    const scores = related.map((article) => article.score)
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
    const seedFacts = (await get(`/api/articles/${encodeURIComponent(SEED_ID)}/facts`)).body
    const seedNames = new Set(seedFacts.entities.map((entity: { name: string }) => entity.name))
    for (const article of related) {
      const facts = (await get(`/api/articles/${encodeURIComponent(article.id)}/facts`)).body
      const names = new Set(facts.entities.map((entity: { name: string }) => entity.name.toLowerCase()))
      for (const name of article.sharedEntities) {
        expect(seedNames.has(name)).toBe(true)
        expect(names.has(name.toLowerCase())).toBe(true)
      }
    }
  })

  it('works with the id as path segments as well as URL-encoded, and never lists the article itself', async () => {
    const encoded = await get(`/api/articles/${encodeURIComponent(SEED_ID)}/related`)
    const segments = await get(`/api/articles/${SEED_ID}/related`)
    expect(segments.status).toBe(200)
    expect(segments.body).toEqual(encoded.body)
    for (const { id } of env.TEST_CORPUS_ARTICLES.slice(0, 20)) {
      const { body } = await get(`/api/articles/${encodeURIComponent(id)}/related?limit=20`)
      expect(body.related.map((article: Related) => article.id)).not.toContain(id)
    }
  })

  it('GET /api/articles/:id carries the related articles too', async () => {
    const { status, body } = await get(`/api/articles/${SEED_ID}`)
    expect(status).toBe(200)
    expect(body.id).toBe(SEED_ID)
    const related = (await get(`/api/articles/${SEED_ID}/related`)).body.related
    expect(body.related).toEqual(related)
  })

  it('answers 404 for an unknown article and 400 for a bad limit', async () => {
    const missing = await get('/api/articles/no/such/article/related')
    expect(missing.status).toBe(404)
    expect(missing.isProblem).toBe(true)
    for (const limit of ['0', '21', 'x']) {
      const { status, isProblem } = await get(`/api/articles/${SEED_ID}/related?limit=${limit}`)
      expect(status).toBe(400)
      expect(isProblem).toBe(true)
    }
  })
})
