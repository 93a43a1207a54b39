import { exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { MAX_ARTICLE_BODY_BYTES, MAX_ARTICLE_TEXT_BYTES } from '../../src/corpus/article'

const SEED_ID = 'seed/000_7b2b9cd25cf26eb6'

async function call(path: string, init: RequestInit = {}) {
  const response = await exports.default.fetch(new Request(`http://news.test${path}`, init))
  const text = await response.text()
  const isProblem = response.headers.get('Content-Type')?.startsWith('application/problem+json') ?? false
  return { status: response.status, headers: response.headers, isProblem, body: isProblem ? JSON.parse(text) : text }
}

/** A 4xx problem+json of the given kind whose detail names what to fix. */
function expectProblem(result: Awaited<ReturnType<typeof call>>, status: number, kind: string, detail: RegExp) {
  expect(result.status).toBe(status)
  expect(result.isProblem).toBe(true)
  expect(result.body).toMatchObject({ type: `/problems/${kind}`, status })
  expect(result.body.detail).toMatch(detail)
  expect(result.headers.get('Cache-Control')).toBe('no-store')
}

const postJson = (body: BodyInit, contentType = 'application/json'): RequestInit => ({ method: 'POST', headers: { 'Content-Type': contentType }, body })

describe('query parameter limits', () => {
  it.each([
    [`q=${'a'.repeat(501)}`, 'q', /at most 500 characters/],
    ['q=news&limit=0', 'limit', /at least 1/],
    ['q=news&limit=101', 'limit', /at most 100/],
    ['q=news&limit=ten', 'limit', /whole number/],
    ['q=news&offset=-1', 'offset', /whole number/],
    ['q=news&offset=10001', 'offset', /at most 10000/],
    ['q=news&q=more', 'q', /given 2 times: give it once/],
    ['q=news&limit=5&limit=6', 'limit', /given 2 times/],
  ])('?%s is a 400 naming %s', async (query, name, message) => {
    const result = await call(`/api/search?${query}`)
    expectProblem(result, 400, 'invalid-parameters', new RegExp(`"${name}"`))
    expect(result.body.errors).toContainEqual(expect.objectContaining({ name, in: 'query parameter', message: expect.stringMatching(message) }))
  })

  it('answers a 1 MB query string with a 400, not a failure', async () => {
    expectProblem(await call(`/api/search?q=${'x'.repeat(1_000_000)}`), 400, 'invalid-parameters', /at most 500/)
  })

  it('ignores thousands of unknown parameters and malformed percent-encoding instead of failing', async () => {
    const many = Array.from({ length: 5000 }, (_, i) => `p${i}=${i}`).join('&')
    expect((await call(`/api/search?q=Balochistan&${many}`)).status).toBe(200)
    for (const query of ['q=%E0%A4%A', 'q=%', 'q=%ZZ', 'q=Balochistan&limit=%E0%A4%A']) {
      const { status } = await call(`/api/search?${query}`)
      expect([200, 400]).toContain(status)
    }
  })
})

describe('article id limits', () => {
  it('refuses an id longer than any the corpus accepts', async () => {
    expectProblem(await call(`/api/articles/${'a'.repeat(600)}`), 400, 'invalid-parameters', /at most 512 characters/)
  })

  it.each(['%00', 'seed%0A000', 'x%7F'])('refuses control characters in %s', async (id) => {
    expectProblem(await call(`/api/articles/${id}`), 400, 'invalid-parameters', /control characters; this one has U\+00(00|0A|7F)/)
  })

  it.each(['../../etc/passwd', 'seed/..', 'seed/../../api/health'])('%s is resolved by URL rules before routing and never escapes: a 404', async (id) => {
    expectProblem(await call(`/api/articles/${id}`), 404, 'not-found', /is served|No article has the id/)
  })

  it.each(['..%2F..%2Fwrangler.toml', '%2E%2E%2F%2E%2E%2Fsrc', '%252E%252E%252F', '%E0%A4%A', 'seed%2F..%2F000_7b2b9cd25cf26eb6'])(
    'treats %s as an unknown id: 404',
    async (id) => {
      expectProblem(await call(`/api/articles/${id}`), 404, 'not-found', /No article has the id/)
    },
  )

  it('still serves a real id written with %2F, at its full length limit of characters', async () => {
    expect((await call(`/api/articles/${encodeURIComponent(SEED_ID)}`)).status).toBe(200)
  })
})

describe('POST /api/extract body', () => {
  it('is a 415 unless the body is JSON', async () => {
    expectProblem(
      await call('/api/extract', postJson('text=hello', 'application/x-www-form-urlencoded')),
      415,
      'unsupported-media-type',
      /Content-Type: application\/json/,
    )
    expectProblem(await call('/api/extract', { method: 'POST', body: '{"text":"x"}' }), 415, 'unsupported-media-type', /application\/json/)
  })

  it('is a 400 that gives the position of a JSON syntax error', async () => {
    expectProblem(await call('/api/extract', postJson('{"text": "a",, }')), 400, 'malformed-json', /position \d+|line \d+ column \d+/)
    expectProblem(await call('/api/extract', postJson('')), 400, 'malformed-json', /not valid JSON/)
  })

  it('is a 413 over 512 KiB of body, announced by Content-Length', async () => {
    const text = 'a'.repeat(MAX_ARTICLE_BODY_BYTES)
    expectProblem(await call('/api/extract', postJson(JSON.stringify({ text }))), 413, 'payload-too-large', /at most 524288 bytes/)
  })

  it('is a 413 naming `text` and the limit for a text over the article size limit in a body under the body limit', async () => {
    const text = 'é'.repeat(MAX_ARTICLE_TEXT_BYTES / 2 + 1)
    const result = await call('/api/extract', postJson(JSON.stringify({ text })))
    expectProblem(result, 413, 'payload-too-large', /"text" has 262146 bytes of text, over the limit of 262144 bytes/)
    expect(result.body.errors).toEqual([{ name: 'text', in: 'body field', message: 'must be at most 262144 bytes of UTF-8' }])
  })

  it('is a 413 for a chunked body without Content-Length, cut off before it is all read', async () => {
    const chunk = new TextEncoder().encode(`"${'a'.repeat(64 * 1024 - 2)}"`)
    let pulled = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        // 64 MiB in all if nobody stops reading: far more than the limit.
        if (pulled >= 1024) return controller.close()
        pulled++
        controller.enqueue(chunk)
      },
    })
    const result = await call('/api/extract', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body, duplex: 'half' } as RequestInit)
    expectProblem(result, 413, 'payload-too-large', /at most 524288 bytes/)
    expect(pulled).toBeLessThan(1024)
  })

  it('accepts a body just under the limit', async () => {
    const text = 'Word. '.repeat(Math.floor((MAX_ARTICLE_TEXT_BYTES - 100) / 6))
    const result = await call('/api/extract', postJson(JSON.stringify({ text })))
    expect(result.status).toBe(200)
  })
})

describe('methods and routes', () => {
  it.each([
    ['DELETE', '/api/search', 'GET, HEAD, OPTIONS'],
    ['POST', '/api/search', 'GET, HEAD, OPTIONS'],
    ['POST', `/api/articles/${SEED_ID}`, 'GET, PUT, DELETE, HEAD, OPTIONS'],
    ['PUT', `/api/articles/${SEED_ID}/facts`, 'GET, HEAD, OPTIONS'],
    ['GET', '/api/extract', 'POST, OPTIONS'],
    ['PATCH', '/api/health', 'GET, HEAD, OPTIONS'],
  ])('%s %s is a 405 that lists the allowed methods', async (method, path, allow) => {
    const result = await call(path, { method })
    expectProblem(result, 405, 'method-not-allowed', new RegExp(`answers ${allow}, not ${method}`))
    expect(result.headers.get('Allow')).toBe(allow)
  })

  it.each(['/api/nope', '/api/search/more', '/api', '/no/such/page.php'])('GET %s is a 404', async (path) => {
    const result = await call(path)
    expect(result.status).toBe(404)
  })

  it('answers unknown API paths with a 404 problem, whatever the method', async () => {
    expectProblem(await call('/api/nope', { method: 'DELETE' }), 404, 'not-found', /Nothing is served at DELETE \/api\/nope/)
  })
})

describe('request id', () => {
  it('is on every response, errors and 404s included, and fresh each time', async () => {
    const ids = []
    for (const [path, init] of [
      ['/api/health', {}],
      ['/api/nope', {}],
      ['/api/search', { method: 'DELETE' }],
      ['/api/search?limit=0', {}],
    ] as const) {
      const id = (await call(path, init)).headers.get('X-Request-Id')
      expect(id).toMatch(/^[0-9a-f-]{36}$/)
      ids.push(id)
    }
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('honours a sane incoming id and replaces one that is not', async () => {
    expect((await call('/api/health', { headers: { 'X-Request-Id': 'client-42.a:b=c' } })).headers.get('X-Request-Id')).toBe('client-42.a:b=c')
    for (const bad of ['has space', 'x'.repeat(200), 'semi;colon', '<script>']) {
      expect((await call('/api/health', { headers: { 'X-Request-Id': bad } })).headers.get('X-Request-Id')).toMatch(/^[0-9a-f-]{36}$/)
    }
  })
})

describe('secure headers', () => {
  it('lets other origins load the API and nothing frame it', async () => {
    const { headers } = await call('/api/health')
    expect(headers.get('Cross-Origin-Resource-Policy')).toBe('cross-origin')
    expect(headers.get('Content-Security-Policy')).toBe("default-src 'none'; frame-ancestors 'none'")
    expect(headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(headers.get('Strict-Transport-Security')).toMatch(/max-age=\d+/)
  })

  it('keeps everything else same-origin and unframeable by others', async () => {
    const { headers } = await call('/no/such/page')
    expect(headers.get('Cross-Origin-Resource-Policy')).toBe('same-origin')
    expect(headers.get('X-Frame-Options')).toBe('SAMEORIGIN')
    expect(headers.get('X-Content-Type-Options')).toBe('nosniff')
  })
})
