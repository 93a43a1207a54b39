import { exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'

// What a careless client sends when a field looks filled in but holds nothing a reader can see:
// NUL, a zero-width space, a right-to-left mark, a zero-width joiner, each alone or mixed with spaces.
const INVISIBLE = ['%00', '%E2%80%8B', '%E2%80%8F', '%20%E2%80%8D%20']

async function get(path: string) {
  const response = await exports.default.fetch(new Request(`http://news.test${path}`))
  return { status: response.status, type: response.headers.get('Content-Type') ?? '', body: (await response.json()) as Record<string, unknown> }
}

describe('a parameter of invisible characters only', () => {
  const cases = INVISIBLE.flatMap((value) => [
    [`/api/search?q=${value}`, 'q'],
    [`/api/search?q=news&person=${value}`, 'person'],
    [`/api/articles?place=${value}`, 'place'],
    [`/api/articles?place=Quetta&place=${value}`, 'place.1'],
    [`/api/brief?q=${value}`, 'q'],
    [`/api/entities?q=${value}`, 'q'],
    [`/api/facts?q=${value}`, 'q'],
    [`/api/facts?speaker=${value}`, 'speaker'],
    [`/api/facts?actor=${value}`, 'actor'],
    [`/api/facts?target=${value}`, 'target'],
    [`/api/facts?place=${value}`, 'place'],
  ])

  it.each(cases)('%s is a 400 problem naming %s, not an empty 200', async (path, name) => {
    const result = await get(path)
    expect(result.status).toBe(400)
    expect(result.type).toMatch(/^application\/problem\+json/)
    expect(result.body.errors).toContainEqual(expect.objectContaining({ name, in: 'query parameter', message: expect.stringMatching(/must not be empty/) }))
  })

  it('accepts a value with visible letters beside a zero-width space, and one facet value among others', async () => {
    expect((await get('/api/entities?q=%E2%80%8BBiden')).status).toBe(200)
    expect((await get('/api/articles?place=Quetta&place=Mastung')).status).toBe(200)
  })
})

describe('POST /api/extract with a text of invisible characters only', () => {
  it.each(['\u0000\u0000', '\u200b\u200b\u200b', ' \u200f \u2060 '])('%j is a 400 naming `text`', async (text) => {
    const response = await exports.default.fetch(
      new Request('http://news.test/api/extract', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text }) }),
    )
    expect(response.status).toBe(400)
    expect(response.headers.get('Content-Type')).toMatch(/^application\/problem\+json/)
    const problem = (await response.json()) as { errors: unknown[] }
    expect(problem.errors).toContainEqual(expect.objectContaining({ name: 'text', message: expect.stringMatching(/invisible characters/) }))
  })

  it('still analyses a sentence with a zero-width joiner in it', async () => {
    const response = await exports.default.fetch(
      new Request('http://news.test/api/extract', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ text: 'The minister\u200d said on Tuesday that 12 people were hurt in Quetta.' }),
      }),
    )
    expect(response.status).toBe(200)
  })
})
