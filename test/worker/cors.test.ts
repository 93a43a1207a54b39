import { env, exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { app } from '../../src/app'

const SITE = 'https://news-reader.example'

const fetchWorker = (path: string, init: RequestInit = {}) => exports.default.fetch(new Request(`http://news.test${path}`, init))

const preflight = (method: string, origin = SITE) => ({
  method: 'OPTIONS',
  headers: { Origin: origin, 'Access-Control-Request-Method': method, 'Access-Control-Request-Headers': 'content-type' },
})

const extract = (origin: string): RequestInit => ({
  method: 'POST',
  headers: { Origin: origin, 'Content-Type': 'application/json' },
  body: JSON.stringify({ text: 'The council met on Monday. It voted for the plan.' }),
})

describe('CORS with the configuration in wrangler.toml (any origin reads, no origin posts)', () => {
  it('lets any origin read GET answers, errors included', async () => {
    for (const path of ['/api/search?q=Balochistan', '/api/health', '/api/articles/nope', '/api/search?limit=0']) {
      const response = await fetchWorker(path, { headers: { Origin: SITE } })
      expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*')
      expect(response.headers.get('Access-Control-Expose-Headers')).toContain('X-Request-Id')
    }
  })

  it('answers a GET preflight with the read methods, the headers a client may send and a max age', async () => {
    const response = await fetchWorker('/api/search', preflight('GET'))
    expect(response.status).toBe(204)
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*')
    expect(response.headers.get('Access-Control-Allow-Methods')).toBe('GET,HEAD,OPTIONS')
    expect(response.headers.get('Access-Control-Allow-Headers')?.split(',')).toEqual(expect.arrayContaining(['Content-Type', 'If-None-Match']))
    expect(response.headers.get('Access-Control-Max-Age')).toBe('86400')
  })

  it('refuses POST to other origins: the preflight and the answer carry no Allow-Origin', async () => {
    const check = await fetchWorker('/api/extract', preflight('POST'))
    expect(check.headers.get('Access-Control-Allow-Origin')).toBeNull()
    expect(check.headers.get('Access-Control-Allow-Methods')).not.toContain('POST')
    const answer = await fetchWorker('/api/extract', extract(SITE))
    expect(answer.status).toBe(200) // a server-side caller is not a browser: CORS does not stop it
    expect(answer.headers.get('Access-Control-Allow-Origin')).toBeNull()
    expect(answer.headers.get('Cache-Control')).toBe('no-store')
  })

  it('answers a preflight for a path nothing is served at with a 404', async () => {
    expect((await fetchWorker('/api/nothing-here', preflight('GET'))).status).toBe(404)
  })

  it('reads its configuration from wrangler.toml [vars]', () => {
    expect(env).toMatchObject({ CORS_ORIGINS: '*', CORS_POST_ORIGINS: '' })
  })
})

describe('CORS with origins listed', () => {
  const configured = { ...env, CORS_ORIGINS: `${SITE}, https://other.example/`, CORS_POST_ORIGINS: SITE }
  const request = (path: string, init: RequestInit) => app.request(`http://news.test${path}`, init, configured)

  it('echoes a listed origin for reads, varies on Origin, and gives nothing to an unlisted one', async () => {
    const listed = await request('/api/health', { headers: { Origin: 'https://other.example' } })
    expect(listed.headers.get('Access-Control-Allow-Origin')).toBe('https://other.example')
    expect(listed.headers.get('Vary')).toContain('Origin')
    const unlisted = await request('/api/health', { headers: { Origin: 'https://evil.example' } })
    expect(unlisted.headers.get('Access-Control-Allow-Origin')).toBeNull()
  })

  it('lets a listed origin POST: preflight allows POST with Content-Type, the answer is readable', async () => {
    const check = await request('/api/extract', preflight('POST'))
    expect(check.status).toBe(204)
    expect(check.headers.get('Access-Control-Allow-Origin')).toBe(SITE)
    expect(check.headers.get('Access-Control-Allow-Methods')).toBe('GET,HEAD,OPTIONS,POST')
    expect(check.headers.get('Access-Control-Allow-Headers')).toContain('Content-Type')
    const answer = await request('/api/extract', extract(SITE))
    expect(answer.status).toBe(200)
    expect(answer.headers.get('Access-Control-Allow-Origin')).toBe(SITE)
  })

  it('keeps POST closed to an origin listed only for reads', async () => {
    const check = await request('/api/extract', preflight('POST', 'https://other.example'))
    expect(check.headers.get('Access-Control-Allow-Origin')).toBeNull()
    expect(check.headers.get('Access-Control-Allow-Methods')).toBe('GET,HEAD,OPTIONS')
  })
})
