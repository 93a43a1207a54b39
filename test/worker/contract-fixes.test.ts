import { exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'

const extract = (body: unknown) =>
  exports.default.fetch(new Request('http://news.test/api/extract', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }))

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
      for (const path of [`/api/articles/${'a'.repeat(length)}`, `/api/articles/${'%61'.repeat(length)}/facts`, `/api/articles/${'a'.repeat(length)}/summary`]) {
        const response = await exports.default.fetch(`http://news.test${path}`)
        expect(response.status, `${length} characters: ${path.slice(0, 40)}…`).toBe(400)
        await response.body?.cancel()
      }
    }
    const longest = await exports.default.fetch(`http://news.test/api/articles/${'a'.repeat(512)}/facts`)
    expect(longest.status).toBe(404)
  })

  it('still analyses an invented sentence', async () => {
    const response = await extract({ text: 'The harbour master of Velmora said on Monday that the ferry would run again.' })
    expect(response.status).toBe(200)
  })
})
