import { exports } from 'cloudflare:workers'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

const PARAMS = ['q', 'limit', 'offset', 'from', 'to', 'sort', 'sentences', 'facet', 'page']

/** Any string, percent-encoded or not, including broken escapes like `%E0%A4%A` and `%`. */
const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom('%', 'E0', 'A4', 'ZZ', '2F', '00', '.', '/', '&', '=', '+', '#', '?', 'a', '9', '-'), maxLength: 30 }),
  fc.integer().map(String),
  fc.constantFrom('', '2020-02-30', '9999-99-99', 'relevance', 'date', '1e3', '0x10', '-0', ' 5', 'NaN'),
)

const queryString = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...PARAMS), hostileText), hostileText, fc.boolean()), { maxLength: 8 })
  .map((pairs) => pairs.map(([key, value, raw]) => (raw ? `${key}=${value}` : `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)).join('&'))

async function status(path: string, init?: RequestInit) {
  let url: string
  try {
    url = new URL(path, 'http://news.test').href
  } catch {
    return 400 // not a URL a client could send
  }
  const response = await exports.default.fetch(new Request(url, init))
  const body = await response.text()
  if (response.status >= 400) expect(response.headers.get('Content-Type')).toMatch(/^application\/problem\+json/)
  expect(body).not.toMatch(/\n\s+at /) // no stack trace
  return response.status
}

describe('random requests never make the Worker fail', () => {
  it('search with random and hostile query strings answers 2xx or 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(queryString, async (query) => {
        expect(await status(`/api/search?${query}`)).toBeLessThan(500)
      }),
      { numRuns: 300 },
    )
  })

  it('article paths with random ids and suffixes answer 2xx or 4xx', async () => {
    const suffix = fc.constantFrom('', '/summary', '/facts', '/related', '/summary?sentences=0', '/summary?sentences=abc', '/..', '/%2e%2e')
    await fc.assert(
      fc.asyncProperty(hostileText, suffix, async (id, tail) => {
        expect(await status(`/api/articles/${id}${tail}`)).toBeLessThan(500)
      }),
      { numRuns: 300 },
    )
  })

  it('random methods on random API paths answer 2xx or 4xx', async () => {
    const method = fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS')
    const path = fc.constantFrom(
      '/api/search?q=x',
      '/api/extract',
      '/api/health',
      '/api/articles/seed/000_7b2b9cd25cf26eb6',
      '/api/nope',
      '/api/suggest?q=ba',
      '/',
    )
    await fc.assert(
      fc.asyncProperty(method, path, fc.option(fc.string({ maxLength: 200 })), async (verb, target, body) => {
        const init: RequestInit = { method: verb, headers: { 'Content-Type': 'application/json' } }
        if (body !== null && verb !== 'GET' && verb !== 'HEAD') init.body = body
        expect(await status(target, init)).toBeLessThan(500)
      }),
      { numRuns: 200 },
    )
  })

  it('extract with random JSON bodies answers 2xx or 4xx', async () => {
    const value = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.integer(),
      fc.constant(null),
      fc.boolean(),
      fc.array(fc.string(), { maxLength: 3 }),
    )
    const payload = fc.record(
      {
        text: value,
        title: value,
        date: fc.oneof(value, fc.constantFrom('2024-02-29', '2023-02-29')),
        summary: fc.oneof(value, fc.record({ sentences: fc.oneof(fc.integer(), fc.double(), value) })),
      },
      { requiredKeys: [] },
    )
    await fc.assert(
      fc.asyncProperty(payload, async (body) => {
        expect(await status('/api/extract', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })).toBeLessThan(500)
      }),
      { numRuns: 150 },
    )
  })
})
