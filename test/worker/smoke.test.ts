import { exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'

describe('smoke', () => {
  it('searches', async () => {
    const response = await exports.default.fetch('http://x/api/search?q=Balochistan')
    const body = await response.json() as any
    expect(response.status).toBe(200)
    expect(body.hits[0].id).toBe('seed/000_7b2b9cd25cf26eb6')
  })
})
