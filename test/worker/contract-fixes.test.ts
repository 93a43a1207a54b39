import { exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { MAX_ARTICLE_ID_LENGTH } from '../../src/corpus/article'

const extract = (body: unknown) =>
  exports.default.fetch(
    new Request('http://news.test/api/extract', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
  )

describe('the server answers as strictly as its contract', () => {
  it('rejects a text of white space only on POST /api/extract with a 400 naming `text`', async () => {
    const response = await extract({ text: ' \n\t\u00a0 ' })
    expect(response.status).toBe(400)
    expect(response.headers.get('Content-Type')).toMatch(/^application\/problem\+json/)
    const problem = (await response.json()) as { errors: Array<{ name: string }> }
    expect(problem.errors.map((error) => error.name)).toContain('text')
  })

  it('refuses any article id over 512 characters with a 400, whatever follows it or however it is encoded', async () => {
    for (const length of [513, 530, 544]) {
      for (const path of [
        `/api/articles/${'a'.repeat(length)}`,
        `/api/articles/${'%61'.repeat(length)}/facts`,
        `/api/articles/${'a'.repeat(length)}/summary`,
      ]) {
        const response = await exports.default.fetch(`http://news.test${path}`)
        expect(response.status, `${length} characters: ${path.slice(0, 40)}…`).toBe(400)
        await response.body?.cancel()
      }
    }
    const longest = await exports.default.fetch(`http://news.test/api/articles/${'a'.repeat(512)}/facts`)
    expect(longest.status).toBe(404)
  })

  it('names `to` when a date range ends before it starts, on every API route with dates, and lists the other bad fields with it', async () => {
    for (const path of ['/api/search?q=flood&', '/api/articles?', '/api/facts?', '/api/brief?q=flood&']) {
      const response = await exports.default.fetch(`http://news.test${path}from=2024-05-02&to=2024-05-01&limit=0`)
      expect(response.status, path).toBe(400)
      const problem = (await response.json()) as { detail: string; errors: Array<{ name: string; in: string; message: string }> }
      expect(problem.errors, path).toContainEqual({ name: 'to', in: 'query parameter', message: 'must not be before "from"' })
      expect(
        problem.errors.map((error) => error.name),
        path,
      ).toContain(path.startsWith('/api/brief') ? 'to' : 'limit')
      expect(problem.detail).not.toContain('(body)')
    }
    const sameDay = await exports.default.fetch('http://news.test/api/articles?from=2024-05-01&to=2024-05-01')
    expect(sameDay.status).toBe(200)
  })

  it('documents the article-id limit that the server enforces, from the one constant', async () => {
    const document = (await (await exports.default.fetch('http://news.test/openapi.json')).json()) as any
    for (const path of ['/api/articles/{id}', '/api/articles/{id}/facts', '/api/articles/{id}/summary', '/api/articles/{id}/related']) {
      const id = document.paths[path].get.parameters.find((parameter: any) => parameter.name === 'id')
      expect(id.schema.maxLength, path).toBe(MAX_ARTICLE_ID_LENGTH)
    }
    const over = await exports.default.fetch(`http://news.test/api/articles/${'b'.repeat(MAX_ARTICLE_ID_LENGTH + 1)}`)
    expect(over.status).toBe(400)
    await over.body?.cancel()
  })

  it('still analyses an invented sentence', async () => {
    const response = await extract({ text: 'The harbour master of Velmora said on Monday that the ferry would run again.' })
    expect(response.status).toBe(200)
  })
})
