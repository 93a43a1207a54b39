import { env, exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { app } from '../../src/app'
import { secondsUntilWindowEnds } from '../../src/http/rate-limit'

/** A fresh client IP for each test, so that no test eats another's budget. */
let nextHost = 1
const freshIp = () => `198.51.100.${nextHost++}`

const read = (ip?: string) => exports.default.fetch(new Request('http://news.test/api/health', ip ? { headers: { 'CF-Connecting-IP': ip } } : {}))
const extract = (ip: string) =>
  exports.default.fetch(
    new Request('http://news.test/api/extract', {
      method: 'POST',
      headers: { 'CF-Connecting-IP': ip, 'Content-Type': 'application/json' },
      body: '{"text":"The mayor spoke on Monday."}',
    }),
  )

/** Sends until the first 429 (or `max` requests); returns how many were served before it and the 429 itself. */
async function exhaust(send: () => Response | Promise<Response>, max: number) {
  for (let served = 0; served < max; served++) {
    const response = await send()
    if (response.status === 429) return { served, limited: response }
    expect(response.status).toBe(200)
    await response.body?.cancel()
  }
  return { served: max, limited: undefined }
}

describe('rate limiting per client IP (wrangler.toml [[ratelimits]])', () => {
  it('has both limiter bindings in the test Worker', () => {
    expect(typeof (env as { SEARCH_LIMITER?: RateLimit }).SEARCH_LIMITER?.limit).toBe('function')
    expect(typeof (env as { EXTRACT_LIMITER?: RateLimit }).EXTRACT_LIMITER?.limit).toBe('function')
  })

  it('answers reads over the limit with a 429 problem and Retry-After, per IP', async () => {
    const ip = freshIp()
    const { served, limited } = await exhaust(() => read(ip), 1000)
    expect(served).toBeGreaterThanOrEqual(100)
    // What is left of the limiter's 60-second window, which is aligned to the clock: waiting it lands on a window's start.
    const retryAfter = Number(limited?.headers.get('Retry-After'))
    expect(retryAfter).toBeGreaterThanOrEqual(1)
    expect(retryAfter).toBeLessThanOrEqual(60)
    expect(Math.abs(retryAfter - secondsUntilWindowEnds(60, Date.now()))).toBeLessThanOrEqual(1)
    expect(limited?.headers.get('Content-Type')).toMatch(/^application\/problem\+json/)
    expect(limited?.headers.get('Cache-Control')).toBe('no-store')
    expect(limited?.headers.get('Access-Control-Allow-Origin')).toBe('*')
    expect(await limited?.json()).toMatchObject({
      type: '/problems/rate-limited',
      status: 429,
      detail: expect.stringContaining(`wait ${retryAfter} seconds`),
      retryAfter,
    })
    // Another client is unaffected; extraction has its own budget.
    expect((await read(freshIp())).status).toBe(200)
    expect((await extract(ip)).status).toBe(200)
  })

  it('limits extraction separately and more tightly than reads', async () => {
    const ip = freshIp()
    const { served, limited } = await exhaust(() => extract(ip), 200)
    expect(limited?.status).toBe(429)
    expect(served).toBeGreaterThanOrEqual(1)
    expect(served).toBeLessThan(100)
    expect(((await limited?.json()) as { detail: string }).detail).toMatch(/Too many extract requests/)
    expect((await read(ip)).status).toBe(200)
  })

  it('charges nothing for a 405 or a 404: POST /api/search does not use up the extract limit', async () => {
    const ip = freshIp()
    for (let sent = 0; sent < 200; sent++) {
      const wrongMethod = await exports.default.fetch(
        new Request('http://news.test/api/search?q=china', { method: 'POST', headers: { 'CF-Connecting-IP': ip } }),
      )
      expect(wrongMethod.status).toBe(405)
      await wrongMethod.body?.cancel()
      const unknownPath = await exports.default.fetch(new Request('http://news.test/api/nothing-here', { headers: { 'CF-Connecting-IP': ip } }))
      expect(unknownPath.status).toBe(404)
      await unknownPath.body?.cancel()
    }
    expect((await extract(ip)).status).toBe(200)
    expect((await read(ip)).status).toBe(200)
  })

  it('charges writes to the write limit: a burst of POST /api/articles leaves the extract budget whole', async () => {
    const ip = freshIp()
    for (let sent = 0; sent < 40; sent++) {
      const write = await exports.default.fetch(
        new Request('http://news.test/api/articles', { method: 'POST', headers: { 'CF-Connecting-IP': ip, 'Content-Type': 'application/json' }, body: '{}' }),
      )
      expect(write.status).toBe(401)
      await write.body?.cancel()
    }
    expect((await extract(ip)).status).toBe(200)
  })

  it('does not limit requests that did not come through the edge (no CF-Connecting-IP)', async () => {
    const { limited } = await exhaust(() => read(), 400)
    expect(limited).toBeUndefined()
  })

  it('serves without limits when the bindings are missing, and when a limiter fails', async () => {
    const ip = freshIp()
    const { SEARCH_LIMITER: _search, EXTRACT_LIMITER: _extract, ...withoutLimiters } = env as unknown as Record<string, unknown>
    const failing = { limit: () => Promise.reject(new Error('limiter unavailable')) }
    const send = (bindings: object) => () => app.request('http://news.test/api/health', { headers: { 'CF-Connecting-IP': ip } }, bindings)
    expect((await exhaust(send(withoutLimiters), 400)).limited).toBeUndefined()
    expect((await exhaust(send({ ...withoutLimiters, SEARCH_LIMITER: failing }), 3)).limited).toBeUndefined()
  })
})
