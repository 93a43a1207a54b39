import { exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { CODE_VERSION } from '../../generated/code-version'
import { entityTagFor } from '../../src/http/cache'

const SEED = '/api/articles/seed/000_7b2b9cd25cf26eb6'
const fetchWorker = (path: string, init: RequestInit = {}) => exports.default.fetch(new Request(`http://news.test${path}`, init))

async function sha256Hex(text: string) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))
  return [...digest].map((byte) => byte.toString(16).padStart(2, '0')).join('')
}

describe('HTTP caching of API answers', () => {
  it('gives a successful GET an ETag derived from the code version, the bundle version and the request, and a Cache-Control with stale-while-revalidate', async () => {
    const { version } = (await (await fetchWorker('/api/health')).json()) as { version: string }
    for (const path of ['/api/search?q=Balochistan', SEED, `${SEED}/facts`, `${SEED}/summary?sentences=2`]) {
      const response = await fetchWorker(path)
      expect(response.status).toBe(200)
      expect(response.headers.get('Cache-Control')).toMatch(/^public, max-age=\d+, stale-while-revalidate=\d+$/)
      const expected = (await sha256Hex(`${CODE_VERSION} ${version} GET http://news.test${path}`)).slice(0, 24)
      expect(response.headers.get('ETag')).toBe(`W/"${expected}"`)
    }
  })

  it('changes the tag when the code version changes, the bundle and the request staying the same', async () => {
    const parts = { code: CODE_VERSION, bundle: 'f821e5be1bb1c037', live: 0, url: 'http://news.test/api/search?q=Balochistan' }
    const tag = await entityTagFor(parts)
    expect(await entityTagFor({ ...parts })).toBe(tag)
    expect(await entityTagFor({ ...parts, code: 'another-deploy' })).not.toBe(tag)
    expect(await entityTagFor({ ...parts, bundle: 'another-build' })).not.toBe(tag)
    expect(await entityTagFor({ ...parts, live: 3 })).not.toBe(tag)
    // The served tag is this function of the deployed code version.
    const { version } = (await (await fetchWorker('/api/health')).json()) as { version: string }
    const served = (await fetchWorker('/api/search?q=Balochistan')).headers.get('ETag')
    expect(served).toBe(await entityTagFor({ ...parts, bundle: version }))
  })

  it('keeps the tag stable for the same request, different for another, and the same for HEAD as for GET', async () => {
    const tag = async (path: string, method = 'GET') => (await fetchWorker(path, { method })).headers.get('ETag')
    const first = await tag('/api/search?q=Balochistan')
    expect(await tag('/api/search?q=Balochistan')).toBe(first)
    expect(await tag('/api/search?q=Balochistan', 'HEAD')).toBe(first)
    expect(await tag('/api/search?q=Balochistan&limit=5')).not.toBe(first)
  })

  it('answers a matching If-None-Match with a bodiless 304 that keeps the tag', async () => {
    const tag = (await fetchWorker(SEED)).headers.get('ETag')!
    for (const ifNoneMatch of [tag, tag.replace(/^W\//, ''), `"other", ${tag}`, '*']) {
      const response = await fetchWorker(SEED, { headers: { 'If-None-Match': ifNoneMatch } })
      expect(response.status).toBe(304)
      expect(response.headers.get('ETag')).toBe(tag)
      expect(await response.text()).toBe('')
      expect(response.headers.get('X-Request-Id')).toBeTruthy()
    }
    const changed = await fetchWorker(SEED, { headers: { 'If-None-Match': 'W/"not-this-one"' } })
    expect(changed.status).toBe(200)
    expect(((await changed.json()) as { id: string }).id).toBe('seed/000_7b2b9cd25cf26eb6')
  })

  it('never lets an error be cached or revalidated into a 304', async () => {
    for (const path of ['/api/articles/no-such-id', '/api/search?limit=0', '/api/nope']) {
      const response = await fetchWorker(path, { headers: { 'If-None-Match': '*' } })
      expect(response.status).toBeGreaterThanOrEqual(400)
      expect(response.headers.get('Cache-Control')).toBe('no-store')
      expect(response.headers.get('ETag')).toBeNull()
    }
  })

  it('never caches POSTs or health', async () => {
    const posted = await fetchWorker('/api/extract', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"text":"A short text."}' })
    expect(posted.status).toBe(200)
    expect(posted.headers.get('Cache-Control')).toBe('no-store')
    expect(posted.headers.get('ETag')).toBeNull()
    const health = await fetchWorker('/api/health')
    expect(health.headers.get('Cache-Control')).toBe('no-store')
    expect(health.headers.get('ETag')).toBeNull()
  })
})
